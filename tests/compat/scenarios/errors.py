"""Errors: missing sessions, windows and panes; unknown commands; usage errors and exit statuses."""

from __future__ import annotations

from ..runner import Run, scenario
from .common import NEW, show, usage_error

SCENARIOS = [
    scenario("error-cannot-find-and-unknown-command",
             NEW, "has -t nope", "killw -t a:5", "killw -t nope:0", "killp -t a:0.7", "killp -t %99",
             "lsw -t nope", "neww -t nope:", "renamew -t a:7 x", "swap-pane -s a:0.0 -t a:0.5",
             "frobnicate", "list-sessionz"),
    scenario("error-cannot-find-pane-without-session-part",
             NEW, "send-keys -t nope x", "capture-pane -p -t nope", "lsp -t nope", "select-layout -t nope tiled"),
    # '=' takes a session name or a window index/name exactly (no prefix match).
    scenario("error-exact-targets",
             NEW, "new -d -s abc", "has -t =ab", "has -t =abc", "has -t ab", "neww -d -t abc -n 1x",
             "selectw -t abc:=1", show("abc", "#{window_index}"), "selectw -t abc:=1x", show("abc", "#{window_index}"),
             "selectw -t abc:=1y", "selectw -t abc:=0", show("abc", "#{window_index}")),
    # After an exact name and a unique prefix, a session or window name is an fnmatch pattern, which
    # must match one; an ambiguous prefix fails without trying the pattern; '=' is exact only.
    scenario("error-pattern-targets",
             NEW, "new -d -s abc -n vim", "new -d -s abd -n x", "new -d -s xyz -n y", "has -t 'ab*'",
             "has -t 'a*'", "has -t 'x*'", "has -t '*z'", "has -t '?bc'", "has -t 'a[b]c'", "has -t '[!a]*'",
             "has -t 'nope*'", "has -t '=x*'", "has -t ab", "neww -d -t abc -n vx", "neww -d -t abc -n other",
             "neww -d -t abc:7 -n 5", *(f"lsp -t '{target}' -F '#{{session_name}}:#{{window_index}}:#{{window_name}}'"
                                        for target in ("abc:v*", "abc:vi*", "abc:*er", "abc:o*", "abc:*", "abc:=v*",
                                                       "abc:=vim", "abc:v?m", "abc:[v]i*", "x*:", "x*:0", "xy*:y",
                                                       "abc:1*", "abc:5", "abc:=5", "abc:7")),
             "selectw -t 'abc:*th*'", show("abc", "#{window_name}")),
    # A window or pane target without a session part looks in the current session first: a pane of
    # the current window (pane targets), a window, then a session.
    scenario("error-targets-without-a-session-look-here-first",
             "new -d -s foo -n w0 -x 80 -y 24", "new -d -s cur -n foo -x 80 -y 24", "neww -d -t cur -n bar",
             "splitw -d -t cur:0", "splitw -d -t cur:1",
             *(f"lsp -t '{target}' -F '#{{session_name}}:#{{window_index}}:#{{window_name}}'"
               for target in ("foo", "fo*", "f", "foo.0", "foo:", "b*", "w0", "$")),
             *(show(target, "#{session_name}:#{window_index}.#{pane_index}")
               for target in ("1", "+", "foo.1", "bar.1", "cur", "w*")),
             "send-keys -t nope x", "selectp -t 'zz.1'"),
    scenario("error-has-session-with-window",
             NEW, "has -t a:5", "has -t a:0", "has -t a:0.3", "has -t a:0.0"),
    scenario("error-session-dot-pane-target",
             NEW, "splitw -d -t a", "selectp -t a.5", "selectp -t a.1", show("a", "#{pane_index}")),
    # display's target may fail (tmux's CMD_FIND_CANFAIL): the message is printed all the same.
    scenario("error-display-missing-target",
             NEW, "display -p -t nope x", "display -p -t a:9 x", "display -p -t %42 x"),
    # A failure ends its sequence; what ran before it has printed all the same.
    scenario("error-sequence-keeps-earlier-output",
             NEW, "display -p a ';' killw -t :99 ';' display -p b", "display -p a ';' display -p b"),
    scenario("error-usage",
             NEW, usage_error("splitw -Q"), usage_error("new -d -Z"), usage_error("rename -t a"),
             usage_error("killw -t a:0 extra"), "ls -F '#{session_name}'"),
    # tmux 3.3a runs 'neww -t a -n' and 'has -t' (a last flag's value left out) and exits 0.
    scenario("error-flag-without-value",
             NEW, usage_error("neww -t a -n"), usage_error("has -t"),
             Run("lsw -t a -F '#{window_index}'", tmuxpy={"out": "0\n"}, why="tmuxpy made no window of 'neww -t a -n'")),
]
