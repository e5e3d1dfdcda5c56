"""``python -m tmux_py``: the tmuxpy command."""

import sys

from tmux_py.cli import main

sys.exit(main())
