"""Cleaning strings that pane output asks us to store (titles, cwd).

A pane's program chooses its title (OSC 0 / OSC 2), its working directory
(OSC 7) and so on; those strings are later drawn in the status line, shown by
``display -p`` and sent to clients. Anything hostile is removed here, once,
when the string is stored:

- C0 controls (U+0000-U+001F), DEL and C1 controls (U+0080-U+009F): an ESC in
  a title must never reach a client's terminal;
- bidirectional overrides, embeddings and isolates (U+202A-U+202E,
  U+2066-U+2069, U+200E, U+200F, U+061C), which can disguise text;
- invalid UTF-8 never gets this far: the emulator's decoder drops it, as
  tmux drops it from pane output;
- length: at most ``MAX_LENGTH`` characters.
"""

from __future__ import annotations

import re

#: Longest title or cwd kept, in characters.
MAX_LENGTH = 256

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean_label(text: str) -> str | None:
    """``text`` made safe to store and display (None is kept for a refusal)."""
    return _UNSAFE.sub("", text[: MAX_LENGTH * 4])[:MAX_LENGTH]
