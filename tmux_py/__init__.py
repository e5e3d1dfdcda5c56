"""tmuxpy: a terminal multiplexer in Python.

A daemon owns sessions, windows and panes (``tmux_py.server``); the CLI
(``tmux_py.cli``) and the Textual client (``tmux_py.client``) talk to it over
a Unix socket in the protocol of ``tmux_py.protocol``.
"""

__version__ = "0.1.0"
