"""The attached client: a Textual app that shows one session as the daemon holds it.

It speaks only the protocol (:mod:`tmux_py.protocol`): it imports nothing from
``tmux_py.server`` and no terminal emulator. ``connection`` is the asyncio
side (no Textual), ``app`` the Textual side; ``keymap``, ``config`` and
``theme`` are pure data loaders shared by both and by the command table.
"""

import os

# Textual repaints at most MAX_FPS times a second, from a timer: at its default
# 60 a keystroke's echo waits up to 16.7 ms for the next frame. Panes are
# updated line by line (cheap frames), so the client allows more frames; a
# user's own TEXTUAL_FPS still wins. Set here, before anything imports Textual.
os.environ.setdefault("TEXTUAL_FPS", "250")
