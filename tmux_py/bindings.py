"""Key tables: which command a key runs, as tmux's ``key_tables`` (pure).

A table (``prefix``: keys after the prefix; ``root``: keys without it, from
``bind -n``; any other name from ``bind -T``) maps a key name to a
:class:`Binding`: the commands it runs (argvs, command names spelled out)
and whether it repeats (``-r``). The daemon owns the tables; attached
clients get them as command strings (:meth:`KeyTables.for_client`) and run
what a key is bound to through the command table, as typed at the prompt.

The copy-mode tables (``copy-mode``, emacs keys; ``copy-mode-vi``) are
here too, with tmux's defaults, as tmux keeps them: the client's copy mode
looks each key up in the one ``mode-keys`` chooses, so ``bind -T
copy-mode-vi`` and ``unbind`` change what copy mode does.

Key names are kept as tmux prints them (``PPage``, not ``PageUp``; ``M-C-x``,
not ``C-M-x``; mouse keys such as ``WheelUpPane`` bind and list too), and
sorted as tmux sorts them (by key code); :mod:`tmux_py.keys` reads and
prints every name.
"""

from __future__ import annotations

from dataclasses import dataclass

from tmux_py.cmdline import escape_argument, join_argv, split_commands
from tmux_py.keys import canonical_key, parse_key

__all__ = ["COPY_MODE_TABLES", "DEFAULT_BINDINGS", "DEFAULT_COPY_MODE_BINDINGS", "DEFAULT_COPY_MODE_VI_BINDINGS",
           "Binding", "KeyTables", "canonical_key", "is_bindable", "key_order"]

#: tmux 3.3a's default prefix bindings that tmuxpy has commands for (``list-keys -T prefix``), as
#: tmux writes them. Not yet: C-z suspend-client, / list-keys -1N, < and > display-menu,
#: = choose-buffer, C customize-mode, D choose-client, f find-window, t clock-mode.
DEFAULT_BINDINGS: dict[str, str] = {
    "C-b": "send-prefix",
    "C-o": "rotate-window",
    "Space": "next-layout",
    "!": "break-pane",
    '"': "split-window",
    "#": "list-buffers",
    "$": 'command-prompt -I "#S" { rename-session "%%" }',
    "%": "split-window -h",
    "&": 'confirm-before -p "kill-window #W? (y/n)" kill-window',
    "'": 'command-prompt -T window-target -p index { select-window -t ":%%" }',
    "(": "switch-client -p",
    ")": "switch-client -n",
    ",": 'command-prompt -I "#W" { rename-window "%%" }',
    "-": "delete-buffer",
    ".": 'command-prompt -T target { move-window -t "%%" }',
    **{str(digit): f"select-window -t :={digit}" for digit in range(10)},
    ":": "command-prompt",
    ";": "last-pane",
    "?": "list-keys",
    "E": "select-layout -E",
    "L": "switch-client -l",
    "M": "select-pane -M",
    "[": "copy-mode",
    "]": "paste-buffer -p",
    "c": "new-window",
    "d": "detach-client",
    "i": "display-message",
    "l": "last-window",
    "m": "select-pane -m",
    "n": "next-window",
    "o": "select-pane -t :.+",
    "p": "previous-window",
    "q": "display-panes",
    "r": "refresh-client",
    "s": "choose-tree -Zs",
    "w": "choose-tree -Zw",
    "x": 'confirm-before -p "kill-pane #P? (y/n)" kill-pane',
    "z": "resize-pane -Z",
    "{": "swap-pane -U",
    "}": "swap-pane -D",
    "~": "show-messages",
    "DC": "refresh-client -c",
    "PPage": "copy-mode -u",
    "Up": "select-pane -U",
    "Down": "select-pane -D",
    "Left": "select-pane -L",
    "Right": "select-pane -R",
    "M-1": "select-layout even-horizontal",
    "M-2": "select-layout even-vertical",
    "M-3": "select-layout main-horizontal",
    "M-4": "select-layout main-vertical",
    "M-5": "select-layout tiled",
    "M-n": "next-window -a",
    "M-o": "rotate-window -D",
    "M-p": "previous-window -a",
    "M-Up": "resize-pane -U 5",
    "M-Down": "resize-pane -D 5",
    "M-Left": "resize-pane -L 5",
    "M-Right": "resize-pane -R 5",
    "C-Up": "resize-pane -U",
    "C-Down": "resize-pane -D",
    "C-Left": "resize-pane -L",
    "C-Right": "resize-pane -R",
    "S-Up": "refresh-client -U 10",
    "S-Down": "refresh-client -D 10",
    "S-Left": "refresh-client -L 10",
    "S-Right": "refresh-client -R 10",
}

#: The defaults tmux binds with -r (they repeat without the prefix for repeat-time).
DEFAULT_REPEAT = frozenset(
    ["Up", "Down", "Left", "Right", "DC"]
    + [f"{mod}-{arrow}" for mod in "CMS" for arrow in ("Up", "Down", "Left", "Right")]
)

def _send_x(commands: dict[str, str]) -> dict[str, str]:
    """Keys bound to one copy-mode command each, as tmux writes them: ``send-keys -X name``."""
    return {key: f"send-keys -X {name}" for key, name in commands.items()}


#: The jump keys of both copy-mode tables: one key typed at a ``-1`` prompt is the character.
_JUMPS = {
    key: f'command-prompt -1 -p "({words})" {{ send-keys -X {command} "%%" }}'
    for key, words, command in (("F", "jump backward", "jump-backward"), ("T", "jump to backward", "jump-to-backward"),
                                ("f", "jump forward", "jump-forward"), ("t", "jump to forward", "jump-to-forward"))
}


def _repeat_counts(modifier: str) -> dict[str, str]:
    """Keys 1-9 (vi) or M-1..M-9 (emacs): a ``-N`` prompt for the repeat count, starting with the
    digit; ``send-keys -N`` with no key sets the count the next copy-mode command runs with."""
    return {f"{modifier}{digit}": f'command-prompt -N -I {digit} -p (repeat) {{ send-keys -N "%%" }}'
            for digit in range(1, 10)}


#: tmux 3.3a's copy-mode table (emacs keys; ``list-keys -T copy-mode``): the keys whose commands
#: tmuxpy's copy mode has, mouse keys left out (the client scrolls with the wheel itself).
DEFAULT_COPY_MODE_BINDINGS: dict[str, str] = {
    **_send_x({
        "C-Space": "begin-selection", "C-a": "start-of-line", "C-b": "cursor-left", "C-c": "cancel",
        "C-e": "end-of-line", "C-f": "cursor-right", "C-g": "clear-selection",
        "C-k": "copy-pipe-end-of-line-and-cancel", "C-n": "cursor-down", "C-p": "cursor-up", "C-v": "page-down",
        "C-w": "copy-pipe-and-cancel", "Escape": "cancel", "Space": "page-down", "N": "search-reverse",
        "R": "rectangle-toggle", "n": "search-again", "q": "cancel", "Home": "start-of-line",
        "End": "end-of-line", "NPage": "page-down", "PPage": "page-up", "Up": "cursor-up", "Down": "cursor-down",
        "Left": "cursor-left", "Right": "cursor-right", "M-<": "history-top", "M->": "history-bottom",
        "M-R": "top-line", "M-b": "previous-word", "M-f": "next-word-end", "M-m": "back-to-indentation",
        "M-r": "middle-line", "M-v": "page-up", "M-w": "copy-pipe-and-cancel", "M-Up": "halfpage-up",
        "M-Down": "halfpage-down", "C-Up": "scroll-up", "C-Down": "scroll-down",
    }),
    "C-r": 'command-prompt -i -I "#{pane_search_string}" -T search -p "(search up)" '
           '{ send-keys -X search-backward-incremental "%%" }',
    "C-s": 'command-prompt -i -I "#{pane_search_string}" -T search -p "(search down)" '
           '{ send-keys -X search-forward-incremental "%%" }',
    "g": 'command-prompt -p "(goto line)" { send-keys -X goto-line "%%" }',
    ";": "send-keys -X jump-again",
    ",": "send-keys -X jump-reverse",
    **_JUMPS,
    **_repeat_counts("M-"),
}

#: tmux 3.3a's copy-mode-vi table (``list-keys -T copy-mode-vi``), as :data:`DEFAULT_COPY_MODE_BINDINGS`.
DEFAULT_COPY_MODE_VI_BINDINGS: dict[str, str] = {
    **_send_x({
        "C-b": "page-up", "C-c": "cancel", "C-d": "halfpage-down", "C-e": "scroll-down", "C-f": "page-down",
        "C-h": "cursor-left", "C-j": "copy-pipe-and-cancel", "Enter": "copy-pipe-and-cancel",
        "C-u": "halfpage-up", "C-v": "rectangle-toggle", "C-y": "scroll-up", "Escape": "clear-selection",
        "Space": "begin-selection", "$": "end-of-line", "0": "start-of-line", "B": "previous-space",
        "D": "copy-pipe-end-of-line-and-cancel", "E": "next-space-end", "G": "history-bottom", "H": "top-line",
        "J": "scroll-down", "K": "scroll-up", "L": "bottom-line", "M": "middle-line", "N": "search-reverse",
        "V": "select-line", "W": "next-space", "^": "back-to-indentation", "b": "previous-word",
        "e": "next-word-end", "g": "history-top", "h": "cursor-left", "j": "cursor-down", "k": "cursor-up",
        "l": "cursor-right", "n": "search-again", "o": "other-end", "q": "cancel", "v": "rectangle-toggle",
        "w": "next-word", "BSpace": "cursor-left", "NPage": "page-down", "PPage": "page-up", "Up": "cursor-up",
        "Down": "cursor-down", "Left": "cursor-left", "Right": "cursor-right", "C-Up": "scroll-up",
        "C-Down": "scroll-down",
    }),
    "/": 'command-prompt -T search -p "(search down)" { send-keys -X search-forward "%%" }',
    "?": 'command-prompt -T search -p "(search up)" { send-keys -X search-backward "%%" }',
    ":": 'command-prompt -p "(goto line)" { send-keys -X goto-line "%%" }',
    ";": "send-keys -X jump-again",
    ",": "send-keys -X jump-reverse",
    **_JUMPS,
    **_repeat_counts(""),
}

#: The copy-mode table of each ``mode-keys`` value.
COPY_MODE_TABLES = {"emacs": "copy-mode", "vi": "copy-mode-vi"}

#: The tables tmux starts with, and their keys.
_DEFAULT_TABLES = {"prefix": DEFAULT_BINDINGS, "copy-mode": DEFAULT_COPY_MODE_BINDINGS,
                   "copy-mode-vi": DEFAULT_COPY_MODE_VI_BINDINGS}


def is_bindable(name: str) -> bool:
    """A key bind-key takes: any name tmux has a key code for (``None`` is none)."""
    return parse_key(name) is not None


def key_order(name: str) -> tuple[int, int]:
    """Sort key of a bound (canonical) key name: as tmux orders a table, by key code."""
    key = parse_key(name)
    assert key is not None, f"bound keys are key names: {name}"
    return key.order


@dataclass
class Binding:
    commands: list[list[str]]
    repeat: bool = False

    def command_string(self) -> str:
        """The commands as one string the parser reads back (`` ; `` between them)."""
        return " ; ".join(join_argv(argv) for argv in self.commands)

    def shown(self) -> str:
        """As list-keys prints them (`` \\; `` between them)."""
        return " \\; ".join(join_argv(argv) for argv in self.commands)


class KeyTables:
    """Every key table; ``prefix`` and ``root`` always exist, others while they hold a key."""

    def __init__(self) -> None:
        self.tables: dict[str, dict[str, Binding]] = {"prefix": {}, "root": {}}
        for table, keys in _DEFAULT_TABLES.items():
            for key, command in keys.items():
                self.bind(table, key, split_commands(command), repeat=table == "prefix" and key in DEFAULT_REPEAT)

    def bind(self, table: str, key: str, commands: list[list[str]], repeat: bool = False) -> None:
        self.tables.setdefault(table, {})[canonical_key(key)] = Binding(commands, repeat)

    def table(self, name: str) -> dict[str, Binding]:
        try:
            return self.tables[name]
        except KeyError:
            raise KeyError(f"table {name} doesn't exist") from None

    def unbind(self, table: str, key: str | None) -> None:
        """One key, or (None) every key of the table; an emptied user table goes, as in tmux."""
        bindings = self.table(table)
        if key is None:
            bindings.clear()
        else:
            bindings.pop(canonical_key(key), None)
        if not bindings and table not in ("prefix", "root"):
            del self.tables[table]

    def lines(self, table: str | None = None, key: str | None = None) -> list[str]:
        """list-keys: ``bind-key [-r] -T table key command``, padded into columns as tmux pads them."""
        names = [table] if table is not None else sorted(self.tables)
        rows = []
        for name in names:
            bindings = self.table(name)
            for each in sorted(bindings, key=key_order):
                if key is None or each == canonical_key(key):
                    rows.append((name, escape_argument(each), bindings[each]))
        if key is not None:
            return [f"bind-key {'-r ' if binding.repeat else ''}-T {name} {shown} {binding.shown()}"
                    for name, shown, binding in rows]
        repeat = any(binding.repeat for _, _, binding in rows)
        table_width = max((len(name) for name, _, _ in rows), default=0)
        key_width = max((len(shown) for _, shown, _ in rows), default=0)
        lines = []
        for name, shown, binding in rows:
            flag = ("-r " if binding.repeat else "   ") if repeat else ""
            lines.append(f"bind-key {flag}-T {name:<{table_width}} {shown:<{key_width}} {binding.shown()}")
        return lines

    def for_client(self) -> dict[str, dict[str, str]]:
        """What an attached client needs: the prefix, root and copy-mode tables as command strings
        (a copy-mode table emptied by ``unbind -a`` is gone: an empty one)."""
        return {name: {key: binding.command_string() for key, binding in self.tables.get(name, {}).items()}
                for name in ("prefix", "root", *COPY_MODE_TABLES.values())}
