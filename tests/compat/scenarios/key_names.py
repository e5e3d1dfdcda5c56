"""Key names: the spellings bind-key, unbind-key, list-keys and send-keys read, and the name list-keys prints."""

from __future__ import annotations

import shlex

from ..runner import Run, scenario, screen_has
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

#: A pane that shows the bytes it is sent: a raw terminal (no echo, no line editing) into cat -v.
RAW = "new -d -s a -x 200 -y 10 'stty raw -echo; cat -v'"

#: Names send-keys turns into the same bytes in tmux and tmuxpy, and words it sends as text
#: because they name no key a pane gets (Return, Esc and Backspace are no tmux names).
SENT = ("^a", "^[", "C-i", "0x41", "PGUP", "end", "c-UP", "m-x", "M-KP1", "C-M-Space", "Return", "Esc",
        "Backspace", "MouseDown1Pane", "Any", "None", "User0", "C-~")


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
    scenario("key-names-sent",
             RAW, shlex.join(["send-keys", "-t", "a", *SENT]), "send-keys -t a -l .end", screen_has("a", ".end"),
             "capture-pane -p -t a"),
    scenario("key-names-prefix-option",
             NEW, "set -g prefix c-m-a", "show -g prefix", "set -g prefix2 pgup", "show -g prefix2",
             "display -p '#{prefix} #{prefix2}'"),
]
