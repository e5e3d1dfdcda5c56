"""Resize as tmux does it: wrapped lines reflow after resize-window, lines ended by a newline never join."""

from __future__ import annotations

from ..runner import scenario, screen_has

SCREEN = "capture-pane -p -t a"
ALL = "capture-pane -p -S - -t a"
JOINED = "capture-pane -p -J -S - -t a"
STYLED = "capture-pane -p -e -S - -t a"
CURSOR = "display -p -t a '#{cursor_x},#{cursor_y} #{history_size} #{pane_width}x#{pane_height}'"


def pane(width: int, height: int, script: str) -> str:
    """A session "a" whose pane runs ``script`` (sh) and then sleeps, leaving its output be."""
    return f"new -d -s a -x {width} -y {height} \"{script}; exec sleep 600\""


def resized(width: int, *checks: str) -> tuple[str, ...]:
    """resize-window to ``width`` columns, then the checks (the screen, the cursor, by default)."""
    return (f"resizew -t a -x {width}", *(checks or (SCREEN, CURSOR)))


#: A short line, a 100-character line (ten letters ten times each), a 45-character one, then "end".
LONG = pane(40, 10, "printf 'short\\n'; for c in A B C D E F G H I J; do printf \\\"$c$c$c$c$c$c$c$c$c$c\\\"; done; "
                    "printf '\\n%s\\nx\\nend' $(printf 'y%.0s' $(seq 1 45))")
#: 30 numbered lines, then 90 x's (wrapped over three rows of 40) and "end": a history to rewrap.
SCROLLED = pane(40, 10, "seq 1 30; printf '%s\\n' $(printf 'x%.0s' $(seq 1 90)); printf end")
#: Colours across the wrap and wide characters (U+4E2D, U+6587) around the margin.
STYLED_WIDE = pane(20, 8, "printf '\\033[31mred red red \\033[44mblue blue\\033[0m plain\\n'; "
                          "printf '1234567890123456789\\344\\270\\255x\\n'; "
                          "for i in 1 2 3 4 5 6 7; do printf '\\344\\270\\255\\346\\226\\207'; done; printf '\\nend'")

SCENARIOS = [
    scenario("reflow-narrower-then-wider",
             LONG, screen_has("a", "end"), SCREEN, CURSOR,
             *resized(25, SCREEN, ALL, CURSOR), *resized(40, SCREEN, ALL, CURSOR),
             *resized(70, SCREEN, ALL, CURSOR, JOINED)),
    scenario("reflow-hard-newlines-never-join",
             pane(20, 8, "printf 'one\\ntwo\\nthree\\n%s\\nfour' $(printf 'y%.0s' $(seq 1 30))"),
             screen_has("a", "four"),
             *resized(60), *resized(7, SCREEN, ALL, CURSOR), *resized(60, SCREEN, ALL, JOINED, CURSOR)),
    scenario("reflow-history-and-taller",
             SCROLLED, screen_has("a", "end"), *resized(30, SCREEN, ALL, CURSOR), *resized(50, SCREEN, ALL, CURSOR),
             "resizew -t a -y 20", SCREEN, CURSOR, "resizew -t a -x 17 -y 6", SCREEN, ALL, CURSOR),
    scenario("reflow-cursor-stays-on-its-character",
             pane(30, 6, "seq 1 10; printf 'abcdefghijklmnopqrstuvwxyz0123456789\\033[A\\033[12G'"),
             screen_has("a", "456789"),
             CURSOR, *resized(7), *resized(13), *resized(50), *resized(30), *resized(4)),
    scenario("reflow-styles-and-wide-characters",
             STYLED_WIDE, screen_has("a", "end"), *resized(5, SCREEN, STYLED, CURSOR),
             *resized(7, STYLED, JOINED, CURSOR),
             *resized(20, STYLED, JOINED, CURSOR)),
    scenario("reflow-when-a-split-narrows-the-pane",
             SCROLLED, screen_has("a", "end"), "splitw -h -d -t a 'exec sleep 600'", "capture-pane -p -t a:0.0",
             "capture-pane -p -S - -t a:0.0", "display -p -t a:0.0 '#{cursor_x},#{cursor_y} #{pane_width}'",
             "killp -t a:0.1", ALL, CURSOR),
    scenario("reflow-not-on-the-alternate-screen",
             pane(20, 6, "printf '%s\\n' $(printf 'p%.0s' $(seq 1 30)); "
                         "printf '\\033[?1049h\\033[Halt screen text\\nend'"), screen_has("a", "end"),
             *resized(8, SCREEN, CURSOR, "display -p -t a '#{alternate_on}'")),
]
