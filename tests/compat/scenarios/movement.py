"""Moving panes and windows: break-pane, join-pane, move-window, swap-window, rotate-window.

Each move is checked by what the user sees after it: the geometry of every pane with its id
(ids stay with their panes), which window and pane are current, and tmux's error words."""

from __future__ import annotations

from ..runner import scenario
from .common import NEW, show

#: Every pane of a window: id, left,top,widthxheight, active.
PANES = "lsp -t {} -F '#{{pane_id}} #{{pane_left}},#{{pane_top}},#{{pane_width}}x#{{pane_height}} #{{pane_active}}'"
WINDOWS = "lsw -t {} -F '#{{window_index}} #{{window_id}} #{{window_flags}} #{{window_panes}} " \
          "#{{window_width}}x#{{window_height}}'"
CURRENT = show("a", "#{window_index}.#{pane_index} #{pane_id}")
#: Pane %0 on the left, %1 top right, %2 bottom right (active, split last).
THREE = (NEW, "splitw -h -t a", "splitw -v -t a")

SCENARIOS = [
    scenario("move-break-pane",
             *THREE, "breakp -t a:", WINDOWS.format("a"), PANES.format("a:0"), PANES.format("a:1"), CURRENT,
             "breakp -d -s a:0.0 -t a:7 -P -F '#{window_index} #{pane_id} #{window_active}'",
             WINDOWS.format("a"), PANES.format("a:0"), CURRENT,
             "breakp -dP -s a:7.0 -t a:", WINDOWS.format("a"), CURRENT),
    scenario("move-break-pane-errors",
             *THREE, "neww -d -t a:3", "breakp -s a:0.1 -t a:3", "breakp -s a:3.0 -t a:3", "breakp -s a:0.9",
             WINDOWS.format("a"), PANES.format("a:0")),
    scenario("move-break-only-pane-moves-its-window",
             *THREE, "neww -d -t a:3", "breakp -s a:3.0 -t a:6", WINDOWS.format("a"), CURRENT,
             "breakp -d -s a:6 -t a:", WINDOWS.format("a"), CURRENT,
             "breakp -s a:1 -t a:0", WINDOWS.format("a")),
    scenario("move-join-pane-between-windows",
             NEW, "splitw -h -t a", "neww -d -t a", "splitw -t a:1",
             "joinp -s a:1.1 -t a:0.1", PANES.format("a:0"), WINDOWS.format("a"), CURRENT,
             "joinp -h -l 10 -d -s a:1.0 -t a:0.0", PANES.format("a:0"), WINDOWS.format("a"), CURRENT,
             "lastp -t a", CURRENT),
    scenario("move-join-pane-same-window-and-sizes",
             NEW, "splitw -h -t a", "splitw -t a", "joinp -s a:0.0 -t a:0.1", PANES.format("a"), CURRENT,
             "movep -b -v -s a:0.2 -t a:0.0", PANES.format("a"), CURRENT,
             "movep -h -l 50% -s a:0.0 -t a:0.2", PANES.format("a"),
             "movep -d -s a:0.1 -t a:0.0", PANES.format("a"), CURRENT),
    scenario("move-join-pane-errors",
             *THREE, "joinp -s a:0.0 -t a:0.0", "movep -s a:0.1 -t a:0.1", "joinp -l abc -s a:0.0 -t a:0.1",
             "joinp -l 200% -s a:0.0 -t a:0.1", "joinp -s a:0.0 -t a:5.0", PANES.format("a"),
             "resizew -t a -y 5", "splitw -t a:0.0", "joinp -s a:0.1 -t a:0.0", PANES.format("a")),
    scenario("move-window-index-and-kill",
             NEW, "neww -d -t a", "neww -d -t a:4",
             "movew -s a:0 -t a:2", WINDOWS.format("a"), "movew -d -s a:4 -t a:7", WINDOWS.format("a"),
             "movew -s a:2 -t a:7", "movew -s a:7 -t a:7", "movew -k -s a:2 -t a:7", WINDOWS.format("a"),
             "neww -d -t a:9", "movew -r -t a", WINDOWS.format("a")),
    scenario("move-window-after-and-current",
             NEW, "neww -d -t a", "neww -d -t a:3", "neww -t a:4", "selectw -t a:1",
             "movew -a -s a:4 -t a:0", WINDOWS.format("a"), "movew -d -s a:1 -t a:8", WINDOWS.format("a"),
             "movew -b -s a:8 -t a:1", WINDOWS.format("a"), "movew -a -d -s a:0 -t a:", WINDOWS.format("a")),
    scenario("move-break-pane-after-and-before",
             *THREE, "neww -d -t a:1", "neww -d -t a:2", "breakp -a -s a:0.1 -t a:0", WINDOWS.format("a"),
             "breakp -b -d -s a:0.0 -t a:1", WINDOWS.format("a"), CURRENT),
    scenario("move-window-between-sessions",
             NEW, "neww -d -t a", "neww -d -t a:4", "new -d -s b -n other -x 60 -y 20",
             "movew -s a:1 -t b:5", WINDOWS.format("b"), WINDOWS.format("a"),
             "movew -d -s a:0 -t b:", WINDOWS.format("b"), WINDOWS.format("a")),
    scenario("move-window-and-break-leave-gaps-with-renumber-windows",
             NEW, "set -g renumber-windows on", "neww -d -t a", "neww -d -t a", "neww -d -t a",
             "new -d -s b -n other", "movew -s a:1 -t b:", WINDOWS.format("a"), WINDOWS.format("b"),
             "movew -s a:0 -t a:7", WINDOWS.format("a"), "movew -k -s b:0 -t a:2", WINDOWS.format("a"),
             "breakp -s a:2 -t b:", WINDOWS.format("a"), "killw -t a:3", WINDOWS.format("a")),
    scenario("move-swap-window",
             NEW, "neww -d -t a", "neww -d -t a", "neww -t a:5", "selectw -t a:2", WINDOWS.format("a"),
             "swapw -s a:0 -t a:1", WINDOWS.format("a"), "swapw -d -s a:2 -t a:5", WINDOWS.format("a"),
             "swapw -s a:2 -t a:2", WINDOWS.format("a"), "swapw -s a:1 -t a:9",
             "new -d -s b -n other -x 60 -y 20", "swapw -s a:0 -t b:0", WINDOWS.format("a"), WINDOWS.format("b"),
             "swapw -d -s a:0 -t b:0", WINDOWS.format("a"), WINDOWS.format("b")),
    scenario("move-swap-pane-between-windows",
             NEW, "splitw -h -t a", "neww -d -t a", "splitw -t a:1", "splitw -t a:1", "selectp -t a:1.0",
             "swapp -s a:1.1 -t a:0.0", PANES.format("a:0"), PANES.format("a:1"), CURRENT,
             "lastp -t a:1", "lastp -t a:0", PANES.format("a:0"), PANES.format("a:1"),
             "swapp -d -s a:1.0 -t a:0.1", PANES.format("a:0"), PANES.format("a:1"), "lastp -t a:1"),
    # A pane that left is no window's last pane; lastp in a window of two then takes the other.
    scenario("move-swap-pane-d-between-windows-last-pane",
             NEW, "splitw -h -t a", "neww -d -t a", "splitw -t a:1", "swapp -d -s a:1.1 -t a:0.1",
             "lastp -t a:0", PANES.format("a:0"), "splitw -d -t a:0", "swapp -d -s a:0.0 -t a:1.0",
             "lastp -t a:0", "lastp -t a:1", PANES.format("a:1")),
    scenario("move-rotate-window",
             *THREE, "splitw -t a:0.0", "selectp -t a:0.1", PANES.format("a"),
             "rotatew -t a", PANES.format("a"), CURRENT, "lastp -t a", CURRENT,
             "rotatew -D -t a", PANES.format("a"), CURRENT,
             "resizep -Z -t a:0.2", "rotatew -t a", PANES.format("a"), show("a", "#{window_zoomed_flag}"),
             "neww -d -t a", "rotatew -t a:1", PANES.format("a:1")),
    scenario("move-rotate-window-keeps-zoom",
             *THREE, "resizep -Z -t a:0.1", "rotatew -Z -t a", show("a", "#{window_zoomed_flag} #{pane_id}"),
             "resizep -Z -t a", PANES.format("a")),
]
