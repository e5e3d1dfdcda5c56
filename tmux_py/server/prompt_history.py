"""The prompts' history: kept by the daemon for every client, as tmux 3.3a's status.c.

One list per prompt type (``command-prompt -T``): command, search, target, window-target.
A line entered at a prompt (Enter; not empty, not the same as the newest) goes at the end of
its type's list, which keeps the newest ``prompt-history-limit`` lines. A prompt is sent its
type's list as it opens, and walks it with Up and Down.

``history-file`` (an absolute path or one under ``~/``, as tmux takes it) is read once the
config has run, a ``type:line`` per line (a line with no known type is a command, tmux's
older format), and written when the daemon stops.
"""

from __future__ import annotations

import logging
import os

log = logging.getLogger(__name__)

TYPES = ("command", "search", "target", "window-target")
#: Longest line kept, and most characters a type's list keeps (its oldest lines go first):
#: the whole list goes to a client with each prompt, in one frame, whatever
#: prompt-history-limit says (tmux keeps any line, and any number).
LINE_LIMIT = 16 * 1024
TYPE_LIMIT = 1024 * 1024


class PromptHistory:
    """The four lists, oldest line first."""

    def __init__(self) -> None:
        self.lines: dict[str, list[str]] = {kind: [] for kind in TYPES}
        self._characters = dict.fromkeys(TYPES, 0)  # each list's length in characters (TYPE_LIMIT)

    def add(self, kind: str, line: str, limit: int) -> None:
        """A line entered at a prompt of type ``kind`` (tmux's status_prompt_add_history)."""
        lines = self.lines[kind]
        if line and len(line) <= LINE_LIMIT and (not lines or lines[-1] != line):
            lines.append(line)
            self._characters[kind] += len(line)
        while lines and (len(lines) > limit or self._characters[kind] > TYPE_LIMIT):
            self._characters[kind] -= len(lines.pop(0))

    def clear(self, kind: str | None = None) -> None:
        for name in (kind,) if kind else TYPES:
            self.lines[name].clear()
            self._characters[name] = 0

    def show(self, kind: str | None = None) -> list[str]:
        """show-prompt-history's lines, as tmux prints them."""
        output = []
        for name in (kind,) if kind else TYPES:
            output += [f"History for {name}:", ""]
            output += [f"{number}: {line}" for number, line in enumerate(self.lines[name], 1)]
            output.append("")
        return output

    def load(self, path: str | None, limit: int) -> None:
        """Read ``path`` (history-file), if set and there."""
        if path is None:
            return
        try:
            with open(path, encoding="utf-8", errors="replace") as file:
                entries = file.read().splitlines()
        except FileNotFoundError:
            return
        except OSError as error:
            log.warning("history-file %s: %s", path, error.strerror)
            return
        for entry in entries:
            kind, _, line = entry.partition(":")
            if kind in TYPES:
                self.add(kind, line, limit)
            else:
                self.add("command", entry, limit)

    def save(self, path: str | None) -> None:
        """Write every list to ``path`` (history-file), if set; the file is private (0600)."""
        if path is None:
            return
        text = "".join(f"{kind}:{line}\n" for kind in TYPES for line in self.lines[kind])
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(descriptor, "w", encoding="utf-8") as file:
                file.write(text)
        except OSError as error:
            log.warning("history-file %s: %s", path, error.strerror)


def history_path(option: str) -> str | None:
    """history-file's value as a path: absolute, or under ``~/``; anything else is none (tmux's
    status_prompt_find_history_file)."""
    if option.startswith("/"):
        return option
    if option.startswith("~/"):
        return os.path.expanduser("~") + option[1:]
    return None
