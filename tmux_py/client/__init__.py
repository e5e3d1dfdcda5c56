"""The attached client: a Textual app that shows one session as the daemon holds it.

It speaks only the protocol (:mod:`tmux_py.protocol`): it imports nothing from
``tmux_py.server`` and no terminal emulator. ``connection`` is the asyncio
side (no Textual), ``app`` the Textual side; ``keymap``, ``config`` and
``theme`` are pure data loaders shared by both and by the command table.
"""
