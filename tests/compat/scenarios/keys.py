"""send-keys (key names, -l, -H) and capture-pane (-p, -S/-E, -S -, -J, -e) on a pane's output."""

from __future__ import annotations

import shlex

from ..runner import Run, Until, scenario, screen_has
from .common import show

#: A pane that echoes what it is sent: cat, on a terminal in canonical mode (the line
#: discipline echoes each key, cat prints each line again after Enter).
CAT = "new -d -s a -x 40 -y 10 cat"
SCREEN = "capture-pane -p -t a"
#: 30 numbered lines, a 90-character line (wrapped over three rows of 40), then "end" and no newline.
SCROLLED = ("new -d -s a -x 40 -y 10 \"seq 1 30; printf '%s\\n' $(printf 'x%.0s' $(seq 1 90)); printf end; "
            "exec sleep 600\"")
SGR = ("new -d -s a -x 40 -y 5 \"printf '\\033[1mbold\\033[0m \\033[31mred\\033[0m \\033[42;30mbg\\033[0m "
       "\\033[38;5;200mx\\033[0m \\033[38;2;1;2;3my\\033[0m \\033[4;7mu\\033[m.'; exec sleep 600\"")



def typed(number: int, *keys: str) -> tuple[Run, Until]:
    """Send a line of keys ending in the word m<number> and Enter, then wait for the word twice:
    the terminal's echo and cat's copy. One line at a time, so echo and copy never interleave."""
    return Run(shlex.join(["send-keys", "-t", "a", *keys, "Space", f"m{number}", "Enter"])), \
        screen_has("a", f"m{number}", 2)


SCENARIOS = [
    scenario("keys-names-and-text",
             CAT, *typed(1, "hello", "Space", "world"), *typed(2, "Tab", "x", "BSpace", "y", "Escape", "z"),
             *typed(3, "C-a", "C-e", "M-x", "F1", "Up", "Home"), *typed(4, "NoSuchKey"), SCREEN,
             show("a", "#{cursor_x},#{cursor_y}")),
    scenario("keys-literal-and-hex",
             CAT, "send-keys -t a -l 'a;b C-c Enter m1'", "send-keys -t a Enter", screen_has("a", "m1", 2),
             "send-keys -t a -H 41 42 20 6d 32 0a", screen_has("a", "m2", 2), SCREEN),
    scenario("keys-names-ignore-case",
             CAT, *typed(1, "x", "END", "y"), SCREEN),
    scenario("keys-hex-invalid",
             CAT, *(Run(f"send-keys -t a -H {word}", tmuxpy={"err": f"invalid hex: {word}\n", "rc": 1},
                        why="tmux 3.3a skips a word -H cannot read as hex and exits 0: a script's typo "
                            "would type nothing and succeed; tmuxpy says so and exits 1")
                    for word in ("zz", "4x"))),
    scenario("capture-ranges-and-joined-lines",
             SCROLLED, screen_has("a", "end"), SCREEN, "capture-pane -p -t a -S -5", "capture-pane -p -t a -S -5 -E 2",
             "capture-pane -p -t a -S - -E 3", "capture-pane -p -t a -S 2 -E 4",
             "capture-pane -p -t a -S -100 -E -15", "capture-pane -p -t a -E -1", "capture-pane -p -t a -S 20",
             "capture-pane -p -t a -J", "capture-pane -p -t a -J -S -3 -E 7",
             show("a", "#{history_size} #{cursor_x},#{cursor_y}")),
    scenario("capture-escapes",
             SGR, screen_has("a", "u."), "capture-pane -p -e -t a", "capture-pane -p -e -t a -S 0 -E 0"),
    scenario("capture-invalid-line",
             SCROLLED, screen_has("a", "end"),
             *(Run(f"capture-pane -p -t a -{flag} {word}", check="err rc",
                   tmuxpy={"err": f"invalid {which} line: {word}\n", "rc": 1},
                   why="tmux 3.3a takes a start or end line it cannot read as the screen's first or last "
                       "line and prints the screen; tmuxpy says so and exits 1")
               for flag, word, which in (("S", "x", "start"), ("E", "y", "end")))),
]
