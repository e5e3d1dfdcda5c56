"""Key names: the spellings bind-key, unbind-key, list-keys and send-keys read, and the name list-keys prints."""

from __future__ import annotations

import shlex

from ..runner import Run, Scenario, scenario, screen_has
from .common import NEW

#: Spellings of keys, each bound in table "names": aliases and case (END, pgup, Insert), modifiers
#: in any order and case (C-M-a prints M-C-a), ^x, 0xNN, control characters that have names
#: (C-i is Tab), mouse keys, Any and a user key. Not 0x41: tmux 3.3a keeps it apart from A (its
#: own key code, sorted after the user keys) yet prints it A; tmuxpy takes it as A.
SPELLINGS = (
    "END", "home", "PageUp", "pgdn", "Insert", "delete", "bspace", "btab", "space", "enter", "escape", "TAB",
    "f1", "F12", "kp0", "KP*", "kpenter", "C-M-a", "S-C-M-b", "S-M-C-Up", "m-x", "C-C", "^d", "^[", "^?", "C-@",
    "M-C-Space", "C-i", "C-m", "C-\\", "C-1", "C-/", "C-`", "C-Tab", "S-Tab", "0xe9", "C-é",
    "mousedown1pane", "C-WheelUpPane", "M-DoubleClick1Status", "any", "User0", "M-KP1", "~", "#",
)

#: A pane that shows the bytes it is sent: a raw terminal (no echo, no line editing) into cat -v;
#: keys go once it shows "raw:" (sent earlier, the terminal would still echo and edit them).
RAW = "new -d -s a -x 200 -y 10 'stty raw -echo; printf raw:; exec cat -v'"
RAW_READY = screen_has("a", "raw:")

#: Names send-keys turns into the same bytes in tmux and tmuxpy, and words it sends as text
#: because they name no key a pane gets (Return, Esc and Backspace are no tmux names).
SENT = ("^a", "^[", "C-i", "0x41", "PGUP", "end", "c-UP", "m-x", "M-KP1", "C-M-Space", "Return", "Esc",
        "Backspace", "MouseDown1Pane", "Any", "None", "User0", "C-~")

#: Modified keys, each followed by | in the pane: those tmux 3.3a sends as a terminal would (C-2,
#: M-C-a, S-Up, C-Home, M-KP1), sends nothing for (C-1, C-Tab, C-Enter, C-KP1) or types as text
#: (S-a, S-Tab, C-M-1, S-KP1), and C-/M-/S- on a non-ASCII character (C-é is é).
MODIFIED = ("S-a", "M-S-a", "C-S-a", "C-Tab", "S-Tab", "M-S-Tab", "C-1", "C-2", "C-6", "C--", "C-/", "C-M-1",
            "M-C-a", "C-Space", "C-@", "S-Space", "M-Enter", "C-Enter", "S-Enter", "C-[", "C-?", "M-BSpace",
            "C-BSpace", "C-Escape", "C-i", "C-é", "S-é", "M-é", "S-Up", "C-Home", "S-End", "M-F1", "C-S-F5",
            "C-KP1", "M-KP1", "S-KP1", "C-BTab", "M-BTab", "M-User0", "0x0")
#: Cursor and keypad keys with and without modifiers, in application cursor keys and keypad modes.
APPLICATION = ("Up", "M-Up", "C-Left", "Home", "KP1", "M-KP1", "C-KP1", "KPEnter", "KP/", "F1")
#: The RAW pane, in those modes (CSI ? 1 h, ESC =).
RAW_APPLICATION = "new -d -s a -x 200 -y 10 \"printf '\\033[?1h\\033='; stty raw -echo; printf raw:; exec cat -v\""


def sent(name: str, pane: str, keys: tuple[str, ...], between: str = "") -> Scenario:
    """One send-keys of ``keys`` (each followed by ``between``, so that a key sending nothing
    shows too) into a raw ``pane``, then the screen."""
    words = [part for key in keys for part in (key, between) if part]
    return scenario(name, pane, RAW_READY, shlex.join(["send-keys", "-t", "a", *words]), "send-keys -t a -l .end",
                    screen_has("a", ".end"), "capture-pane -p -t a")


def bind_each(table: str, spellings: tuple[str, ...]) -> list[str]:
    """bind-key of every spelling in ``table``, each displaying how it was spelt."""
    return [shlex.join(["bind", "-T", table, spelling, "display", spelling]) for spelling in spellings]


SCENARIOS = [
    scenario("key-names-bind-and-list",
             NEW, *bind_each("names", SPELLINGS), "lsk -T names", "lsk -T names PgUp", "lsk -T names c-i",
             "lsk -T names C-M-A", "unbind -T names end", "unbind -T names m-c-a", "unbind -T names PPage",
             "lsk -T names"),
    scenario("key-names-unknown",
             NEW, *(Run(argv, check="err rc") for argv in bind_each(
                 "names", ("Return", "Esc", "Backspace", "F13", "None", "C-Any", "C-", "X-a", "C-a-b",
                           "MouseMovePane", "WheelUp", "C-{", "C-~", "0x"))),
             Run("unbind -T prefix Return", check="err rc")),
    scenario("key-names-list-invalid",
             NEW, Run("lsk -T prefix Foo", check="err rc"), Run("lsk -T prefix F5", check="err rc")),
    # send-prefix sends the session's own prefix, and prefix2 with -2 (None: nothing).
    scenario("key-names-send-prefix-and-prefix2",
             RAW, RAW_READY, "send-prefix -2 -t a", "send-keys -t a -l '|'", "set -g prefix2 C-x",
             "set -t a prefix C-y", "send-prefix -t a", "send-keys -t a -l '|'", "send-prefix -2 -t a",
             "send-keys -t a -l .end", screen_has("a", ".end"), "capture-pane -p -t a"),
    sent("key-names-sent", RAW, SENT),
    sent("key-names-modified-sent", RAW, MODIFIED, between="|"),
    sent("key-names-application-modes-sent", RAW_APPLICATION, APPLICATION, between="|"),
    scenario("key-names-prefix-option",
             NEW, "set -g prefix c-m-a", "show -g prefix", "set -g prefix2 pgup", "show -g prefix2",
             "display -p '#{prefix} #{prefix2}'",
             # keys send-keys has no bytes for are keys all the same
             *(step for key in ("S-Tab", "c-1", "MouseDown1Pane", "any", "User0")
               for step in (f"set -g prefix {key}", "show -g prefix", "send-prefix -t a"))),
]
