"""Commands and flags tmux 3.3a's default prefix bindings use: next-window -a / previous-window -a
(M-n, M-p), select-layout -E (E), the marked pane (select-pane -m/-M: m, M; ``~`` and
``{marked}`` targets; swap-pane, join-pane, swap-window, move-window taking it for -s; its
formats and the ``M`` window flag). switch-client -n/-p/-l need an attached client, which the CLI cannot show:
tests/integration/test_switch_client.py checks them."""

from __future__ import annotations

from ..runner import Until, scenario
from .common import NEW, geometry, show
from .window_options import FLAGS, new_window

CURRENT = show("a", "#{window_index}")
#: Session a: window 0 main (three panes), 1 w1; session b: window 0 bw.
MARKED_SETUP = (NEW, "splitw -t a", "splitw -t a", "neww -d -t a -n w1", "new -d -s b -n bw -x 80 -y 24")
MARKS = "lsp -a -F '#{session_name}:#{window_index}.#{pane_index} #{pane_id} #{pane_marked} #{pane_marked_set}'"
WINDOW_MARKS = "lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_flags} #{window_marked_flag}'"

SCENARIOS = [
    scenario("prefix-next-previous-window-one-window",
             NEW, "next -t a", "prev -t a", "next -a -t a", "prev -a -t a", CURRENT),
    # Windows 0 main (current), 1 bell, 2 quiet, 3 bell: -a skips 2 and wraps; a window once
    # current loses its alert, so with none left -a fails. With no client attached even the
    # current window keeps a bell it hears (2 rings again): coming round to it is no next window.
    scenario("prefix-next-previous-window-alert",
             NEW, new_window("bell", r"printf '\a'; exec cat"), new_window("quiet", "exec cat"),
             new_window("bell2", r"printf '\a'; exec cat"), Until(FLAGS, "bell2 !"), FLAGS,
             "next -a -t a", CURRENT, "next -a -t a", CURRENT, FLAGS, "prev -a -t a", CURRENT,
             "next -t a", CURRENT, "prev -a -t a", "next -a -t a", CURRENT, FLAGS,
             "send-keys -t a:2 C-g Enter", Until(FLAGS, "quiet !"), "prev -a -t a", CURRENT, FLAGS,
             "send-keys -t a:2 C-g Enter", Until(FLAGS, "quiet !*"), "next -a -t a", "prev -a -t a", FLAGS),
    # Panes 0 | (1 over 2 over 3): -E on 2 evens its column first; once even, the next -E evens
    # the row above it. One pane alone has no cell to spread; a zoomed window is unzoomed.
    scenario("prefix-select-layout-spread-out",
             NEW, "selectl -E -t a", geometry(), "splitw -h -t a", "splitw -v -t a:0.1", "splitw -v -t a:0.2",
             "resizep -t a:0.1 -D 5", "resizep -t a:0.0 -L 20", geometry(),
             "selectl -E -t a:0.2", geometry(), "selectl -E -t a:0.2", geometry(),
             "selectl -E -t a:0.2", geometry(), "resizep -t a:0.3 -U 3", "resizep -Z -t a:0.0",
             "selectl -E -t a:0.3", show("a", "#{window_zoomed_flag}"), geometry(),
             "splitw -h -t a:0.3", "resizep -t a:0.4 -R 10", "selectl -E -t a:0.4", geometry()),
    scenario("prefix-marked-pane",
             *MARKED_SETUP, MARKS, WINDOW_MARKS, "selectp -t '~'", "swapp -t a:0.2", MARKS,
             "selectp -m -t a:0.1", MARKS, WINDOW_MARKS, show("a", "#{pane_index}"),
             show("~", "#{session_name}:#{window_index}.#{pane_index} #{pane_id}"), show("{marked}", "#{pane_id}"),
             "swapp -t a:0.2", MARKS, "lsp -t a:0 -F '#{pane_id} #{pane_active}'",
             "selectp -m -t '~'", MARKS, "selectp -t '~'", "selectp -t '{marked}'", "swapp -s '~' -t a:0.0",
             "selectp -m -t a:0.1", "selectp -m -t a:0.2", MARKS, "selectp -M -t b", MARKS, WINDOW_MARKS,
             "resizep -Z -t a:0.0", "selectp -m -t a:0.1", MARKS, "selectp -m -t a:0.0", MARKS, WINDOW_MARKS,
             "resizep -Z -t a:0.0"),
    # A marked pane that moves to another window, or dies, is no longer marked. swap-window and
    # move-pane take it for -s.
    scenario("prefix-marked-pane-moves-and-dies",
             *MARKED_SETUP, "selectp -m -t a:1.0", "joinp -t a:0.0", MARKS, WINDOW_MARKS,
             "selectp -m -t a:0.1", "killp -t a:0.1", MARKS, "selectp -t '~'",
             "neww -d -t a -n w2", "selectp -m -t a:1.0", "swapw -t b:0", WINDOW_MARKS, MARKS,
             "movew -s b:0 -t a:5",
             "selectp -m -t a:1.0", "movep -t a:0.0", MARKS, WINDOW_MARKS),
]
