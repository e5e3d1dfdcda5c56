"""Windows: neww (-n, -t index, -d, -P -F), lsw and lsw -a, selectw -l/-n/-p, killw, renamew,
next/prev/last, resizew, and the forms of a window target."""

from __future__ import annotations

from ..runner import Until, scenario
from .common import NEW, show

FLAGS = "lsw -t a -F '#{window_index} #{window_name} #{window_flags}'"
CURRENT = show("a", "#{window_index}")
#: Windows 0 main, 1 one, 2 two (current, entered last), 5 five: made by every selection scenario.
FOUR_WINDOWS = (NEW, "neww -d -t a -n one", "neww -n two -t a", "neww -d -n five -t a:5")

SCENARIOS = [
    scenario("window-new-and-list",
             *FOUR_WINDOWS, "lsw -t a", "lsw -a",
             "lsw -t a -F '#{window_index}:#{window_name}:#{window_id}:#{window_active}:#{window_flags}:"
             "#{window_panes}:#{window_width}x#{window_height}'"),
    scenario("window-list-all-sessions",
             NEW, "new -d -s b -n first -x 60 -y 20", "neww -d -t b -n w", "lsw -a",
             "lsw -a -F '#{session_name}:#{window_index} #{window_id} #{window_name}'"),
    scenario("window-new-P-F",
             NEW, "neww -dP -t a -F '#{window_index} #{window_id} #{pane_id}'", "neww -dP -t a:7 -F '#{window_index}'",
             "lsw -t a -F '#{window_index}'"),
    scenario("window-new-P-default-format",
             NEW, "neww -dP -t a"),
    scenario("window-new-at-an-index-in-use",
             NEW, "neww -d -t a:0"),
    scenario("window-select",
             *FOUR_WINDOWS, "selectw -t a:0", show("a", "#{window_index} #{window_flags}"),
             "selectw -l -t a", CURRENT, "selectw -n -t a", CURRENT, "selectw -n -t a", CURRENT,
             "selectw -p -t a", CURRENT, "selectw -p -t a", CURRENT, FLAGS,
             "selectw -t a:five", CURRENT, "selectw -t @1", CURRENT, "selectw -t a:tw", CURRENT,
             "selectw -t a:9", "selectw -t a:nope", "selectw -t @9"),
    scenario("window-next-previous-last-commands",
             NEW, "neww -d -t a", "neww -d -t a", "next -t a", CURRENT, "next -t a", "next -t a", CURRENT,
             "prev -t a", CURRENT, "last -t a", CURRENT, "lsw -t a -F '#{window_index}#{window_flags}'"),
    scenario("window-kill-and-rename",
             *FOUR_WINDOWS, "killw -t a:1", "renamew -t a:0 zero", FLAGS, "killw -a -t a:5", FLAGS,
             "killw -t a:3"),
    scenario("window-kill-current-returns-to-the-one-before",
             *FOUR_WINDOWS, "selectw -t a:5", "selectw -t @1", "killw -t a:1", FLAGS, "killw -t a:5", FLAGS),
    # Not compared: the names tmux's automatic-rename gives unnamed windows. tmux names a window
    # from its command when made, then renames it after the pane's foreground process only when
    # the pane shows activity, so the name depends on timing; pane_current_command does not.
    scenario("window-current-command",
             "new -d -s a -n w -x 80 -y 24 'exec sleep 600'", Until(show("a", "#{pane_current_command}"), "sleep"),
             "neww -d -t a -n x 'exec cat'", Until(show("a:1", "#{pane_current_command}"), "cat"),
             "renamew -t a:1 fixed", "lsw -t a -F '#{window_index} #{window_name}'"),
    scenario("window-resize",
             NEW, "neww -d -t a", "resizew -t a:0 -x 100 -y 30",
             "lsw -t a -F '#{window_index} #{window_width}x#{window_height}'",
             "resizew -t a:0 -x 50", show("a:0", "#{window_width}x#{window_height}")),
    scenario("window-and-pane-target-forms",
             "new -d -s e -n main -x 80 -y 24", "neww -d -t e -n w1", "splitw -d -t e:w1",
             show("e:w1.1", "#{pane_index} #{pane_active} #{window_name}"), show("e:1", "#{window_name}"),
             show("@0", "#{window_name}"), show("%2", "#{window_name} #{pane_index}"),
             show("e:1.0", "#{pane_id}"), show("e:.", "#{pane_id}"), show("e:", "#{window_index}"),
             show("e:w", "#{window_index}"), show("$0", "#{session_name}"), show(":1", "#{window_index}"),
             show("e:1.", "#{pane_id}")),
    scenario("window-target-special-tokens",
             NEW, "neww -d -t a", "neww -d -t a", "selectw -t a:1", show("a:$", "#{window_index}"),
             show("a:^", "#{window_index}"), show("a:!", "#{window_index}"), show("a:+", "#{window_index}"),
             show("a:-", "#{window_index}")),
]
