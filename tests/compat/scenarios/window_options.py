"""Window options that act: alert flags (monitor-activity, monitor-bell), names
(automatic-rename, allow-rename, rename-window turning automatic-rename off) and
resize-window making window-size manual. Sizes for several clients need attached
clients, which the CLI cannot show: tests/integration/test_window_options.py checks them."""

from __future__ import annotations

import shlex

from ..runner import Until, scenario, screen_has
from .common import NEW, show

FLAGS = "lsw -t a -F '#{window_index} #{window_name} #{window_flags}'"
NAMES = "lsw -t a -F '#{window_index} #{window_name}'"


def new_window(name: str, command: str) -> str:
    """neww -d of a named window running ``command`` through the shell."""
    return shlex.join(["neww", "-d", "-t", "a", "-n", name, command])


SCENARIOS = [
    scenario("window-options-alert-flags",
             NEW, new_window("bell", r"printf '\a'; exec cat"), Until(FLAGS, "bell !"),
             new_window("act", "exec cat"), "setw -t a:2 monitor-activity on", "send-keys -t a:2 x",
             Until(FLAGS, "act ##"), FLAGS,
             "lsw -t a -F '#{window_raw_flags} #{window_bell_flag} #{window_activity_flag}'",
             "selectw -t a:1", FLAGS, "selectw -t a:2", FLAGS,
             # With no client attached, even the current window is flagged (a bell here); monitor-bell
             # off ignores the bell.
             "send-keys -t a:2 C-g Enter", Until(FLAGS, "act ##!*"), "setw -t a:1 monitor-bell off",
             "send-keys -t a:1 C-g Enter", screen_has("a:1", "^G"), FLAGS),
    scenario("window-options-allow-rename",
             NEW, new_window("kept", r"printf '\033kignored\033\\'; echo done; exec cat"),
             screen_has("a:1", "done"), NAMES, "set -g allow-rename on",
             new_window("given", r"printf '\033kprog\033\\'; exec cat"), Until(NAMES, "prog"), NAMES,
             "showw -t a:2"),
    scenario("window-options-automatic-rename",
             # Not compared before the rename: tmux renames a window after its program only
             # once the pane shows activity, so its first name ("sh" or "sleep") is timing.
             "new -d -s a -x 80 -y 24 'exec sleep 600'", Until(show("a", "#{pane_current_command}"), "sleep"),
             "showw -t a:0", "renamew -t a:0 fixed", "showw -t a:0", NAMES,
             "setw -t a:0 automatic-rename on", Until(NAMES, "0 sleep"), "showw -t a:0",
             "set -g automatic-rename off", "neww -d -t a 'exec sleep 500'", NAMES),
    scenario("window-options-resize-window-is-manual",
             NEW, "show -g window-size", "resizew -t a:0 -x 50 -y 20", "showw -t a:0",
             show("a:0", "#{window_width}x#{window_height}")),
]
