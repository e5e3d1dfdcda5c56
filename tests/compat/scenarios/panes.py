"""Panes: split-window geometry (-h/-v/-l/-p/-b/-f), select-pane by direction, resize-pane,
zoom, kill-pane, swap-pane, lsp, and the layout presets. Geometry is compared as tmux
computes it: left, top, width and height of every pane, and the layout string."""

from __future__ import annotations

from ..runner import scenario
from .common import NEW, geometry, show, usage_error

LAYOUT = show("a", "#{window_layout}")
ACTIVE = show("a", "#{pane_index}")
IDS = "lsp -t a -F '#{pane_id} #{pane_active}'"
#: Pane 0 on the left, 1 top right, 2 bottom right (active, split last).
THREE = (NEW, "splitw -h -t a", "splitw -v -t a")

SCENARIOS = [
    scenario("pane-split-nested",
             NEW, "splitw -t a", "splitw -h -t a", "splitw -v -l 5 -t a", "splitw -h -p 30 -t a", "splitw -b -h -t a",
             "lsp -t a -F '#{pane_index} #{pane_id} #{pane_left},#{pane_top},#{pane_width}x#{pane_height} "
             "#{pane_active}'", LAYOUT),
    scenario("pane-split-full-and-before",
             NEW, "splitw -h -t a", "splitw -v -t a", "splitw -f -v -t a", "splitw -f -h -b -t a", geometry(), LAYOUT,
             "splitw -b -v -l 3 -t a:0.1", geometry()),
    scenario("pane-split-d-P-F",
             NEW, "splitw -dP -t a -F '#{pane_id} #{pane_index}'", "splitw -dP -t a", ACTIVE,
             "splitw -P -t a:0.1 -F '#{pane_index} #{pane_active}'", ACTIVE),
    scenario("pane-split-sizes-refused",
             NEW, "splitw -t a -l 0", "splitw -t a -p 200", "splitw -t a -l abc", geometry(),
             "splitw -t a:0.0 -l -3", "splitw -t a:0.0 -l abc%", "splitw -t a:0.0 -l -5%", "splitw -t a:0.0 -p x",
             "splitw -t a:0.0 -p -5", "splitw -h -t a:0.0 -p 150", "splitw -t a:0.3 -l 50% -p 10", geometry()),
    scenario("pane-list-formats-custom",
             *THREE, "lsp -t a -F '#{pane_index}:#{pane_id}:#{pane_active}:#{pane_dead}:#{pane_width}x#{pane_height}'",
             "lsp -a -F '#{session_name}:#{window_index}.#{pane_index}'",
             "lsp -s -t a -F '#{window_index}.#{pane_index}'"),
    scenario("pane-list-default-format",
             *THREE, "lsp -t a", "lsp -a"),
    scenario("pane-list-session",
             *THREE, "lsp -s -t a -F '#{pane_id}'", "lsp -s -t a"),
    scenario("pane-select-direction-one-neighbour",
             NEW, "splitw -h -t a", "splitw -h -t a", "selectp -t a:0.0", "selectp -R -t a", ACTIVE,
             "selectp -R -t a", "selectp -R -t a", ACTIVE, "selectp -L -t a", ACTIVE,
             "selectp -t a:0.0", "splitw -v -t a:0.0", "selectp -U -t a", ACTIVE, "selectp -U -t a", ACTIVE,
             "selectp -D -t a", ACTIVE),
    scenario("pane-select-direction-most-recent-neighbour",
             *THREE, "selectp -t a:0.0", "selectp -R -t a", ACTIVE, "selectp -L -t a", "selectp -L -t a", ACTIVE,
             "selectp -t a:0.1", "selectp -t a:0.0", "selectp -R -t a", ACTIVE, "joinp -d -s a:0.1 -t a:0.0",
             "selectp -t a:0.0", "selectp -D -t a", ACTIVE),
    scenario("pane-select-last",
             *THREE, "selectp -t a:0.0", "lastp -t a", ACTIVE, "lastp -t a", ACTIVE, "selectp -l -t a", ACTIVE),
    scenario("pane-resize",
             *THREE, "resizep -t a:0.0 -R 5", geometry(), "resizep -t a:0.0 -L", geometry(),
             "resizep -t a:0.1 -D 3", geometry(), "resizep -t a:0.2 -U 2", geometry(),
             "resizep -t a:0.2 -U 100", geometry(), "resizep -t a:0.1 -x 30", geometry(),
             "resizep -t a:0.1 -y 7", geometry(),
             "resizep -t a:0.0 -x 200", geometry(), "resizep -t a:0.2 -y 1", geometry()),
    scenario("pane-resize-to-zero",
             *THREE, "resizep -t a:0.0 -x 0", geometry(), "resizep -t a:0.0 -y 0", geometry()),
    scenario("pane-resize-invalid-values",
             *THREE, "resizep -t a:0.0 -x abc", "resizep -t a:0.0 -R x", "resizep -t a:0.0 -R 0",
             "resizep -t a:0.0 -y 200%", "resizep -t a:0.0 -y -2", geometry(),
             "resizep -t a:0.0 -x 50%", geometry(), "resizep -t a:0.1 -y 20%", geometry()),
    scenario("pane-zoom",
             *THREE, "resizep -Z -t a:0.1", show("a", "#{window_zoomed_flag} #{window_flags} #{pane_index} "
                                                        "#{pane_left},#{pane_top},#{pane_width}x#{pane_height}"),
             "lsw -t a -F '#{window_flags} #{window_layout}'", "resizep -Z -t a:0.1",
             show("a", "#{window_zoomed_flag} #{window_flags} #{pane_index}"), geometry()),
    scenario("pane-zoom-hidden-pane-geometry",
             *THREE, "resizep -Z -t a:0.1", geometry()),
    scenario("pane-kill",
             *THREE, "killp -t a:0.1", "lsp -t a -F '#{pane_id} #{pane_left},#{pane_top},#{pane_width}x"
                                       "#{pane_height} #{pane_active}'",
             "splitw -h -t a", "killp -a -t a:0.0", IDS, geometry(), "killp -t a:0.4"),
    scenario("pane-kill-last-pane-kills-window",
             NEW, "neww -d -t a -n w", "killp -t a:1.0", "lsw -t a -F '#{window_index} #{window_name}'"),
    scenario("pane-swap",
             *THREE, "swap-pane -s a:0.0 -t a:0.2", "lsp -t a -F '#{pane_id} #{pane_left},#{pane_top},"
                                                   "#{pane_width}x#{pane_height} #{pane_active}'",
             "swap-pane -D -t a:0.0", IDS, "swap-pane -U -t a:0.0", IDS, "swap-pane -d -s a:0.0 -t a:0.1", IDS),
    scenario("pane-layout-presets-and-next",
             *THREE, "select-layout -t a even-horizontal", geometry(), "select-layout -t a even-vertical", geometry(),
             "select-layout -t a main-horizontal", geometry(), "select-layout -t a main-vertical", geometry(),
             "select-layout -t a tiled", geometry(), LAYOUT,
             "splitw -t a", "splitw -t a", "select-layout -t a tiled", geometry(), LAYOUT,
             "next-layout -t a", LAYOUT, "next-layout -t a", LAYOUT, "select-layout -n -t a", LAYOUT,
             "select-layout -p -t a", LAYOUT, "select-layout -p -t a", LAYOUT, "previous-layout -t a", LAYOUT,
             "prevl -t a", LAYOUT),
    # Not compared: 'select-layout <unknown name>' -- tmux 3.3a's server dies on it ("server
    # exited unexpectedly"); tmuxpy says "unknown layout: NAME".
    scenario("pane-layout-reapply-current",
             *THREE, "select-layout -t a even-horizontal", "select-layout -n -t a", "select-layout -p -t a",
             "resizep -t a:0.0 -y 3", "select-layout -t a", LAYOUT, "next-layout -t a", LAYOUT),
    scenario("pane-layout-previous-first-and-no-name-before-any",
             *THREE, "resizep -t a:0.0 -x 30", "select-layout -t a", LAYOUT, "select-layout -p -t a", LAYOUT,
             "select-layout -p -t a", LAYOUT),
    scenario("pane-resize-usage-errors",
             *THREE, usage_error("resizep -t a -Q"), usage_error("resizep -R 5 -t a:0.0"), geometry()),
]
