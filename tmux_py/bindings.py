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
from tmux_py.keys import MOUSE_KEYS, canonical_key, parse_key

__all__ = ["COPY_MODE_TABLES", "DEFAULT_BINDINGS", "DEFAULT_COPY_MODE_BINDINGS", "DEFAULT_COPY_MODE_VI_BINDINGS",
           "DEFAULT_NOTES", "Binding", "KeyTables", "canonical_key", "is_bindable", "is_mouse_key", "key_order",
           "SESSION_MENU", "pane_menu", "window_menu"]

#: tmux 3.3a's menus (display-menu), as tmux writes them. The window menu: C-b < and a right
#: click on the window's name in the status line (MouseDown3Status): :func:`window_menu`.
_WINDOW_MENU_TITLE = '-T "#[align=centre]#{window_index}:#{window_name}"'
_WINDOW_MENU_ITEMS = (
    r'''"#{?#{>:#{session_windows},1},,-}Swap Left" l { swap-window -t :-1 } '''
    r'''"#{?#{>:#{session_windows},1},,-}Swap Right" r { swap-window -t :+1 } '''
    r'''"#{?pane_marked_set,,-}Swap Marked" s { swap-window } '' Kill X { kill-window } Respawn R { '''
    r'''respawn-window -k } "#{?pane_marked,Unmark,Mark}" m { select-pane -m } Rename n { command-prompt '''
    r'''-F -I "#W" { rename-window -t "#{window_id}" "%%" } } '' "New After" w { new-window -a } "New At '''
    r'''End" W { new-window }'''
)
#: A right click on the status line's left part (MouseDown3StatusLeft), tmux's ``-x M`` as
#: the left edge: the menu centred on a click there starts at it.
SESSION_MENU = (
    r'''display-menu -T "#[align=centre]#{session_name}" -x 0 -y W Next n { switch-client -n } '''
    r'''Previous p { switch-client -p } '' Renumber N { move-window -r } Rename n { command-prompt -I "#S" '''
    r'''{ rename-session "%%" } } '' "New Session" s { new-session } "New Window" w { new-window }'''
)

#: The pane menu's title and items: C-b > shows it by the pane (-x P -y P), a right click
#: where the pointer is (tmux's MouseDown3Pane): :func:`pane_menu`.
_PANE_MENU_TITLE = '-T "#[align=centre]#{pane_index} (#{pane_id})"'
_PANE_MENU_ITEMS = (
    r'''"#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Top,}" < { send-keys -X history-top } '''
    r'''"#{?#{m/r:(copy|view)-mode,#{pane_mode}},Go To Bottom,}" > { send-keys -X history-bottom } '' '''
    r'''"#{?mouse_word,Search For #[underscore]#{=/9/...:mouse_word},}" C-r { if-shell -F '''
    r'''"#{?#{m/r:(copy|view)-mode,#{pane_mode}},0,1}" "copy-mode -t=" ; send-keys -X -t = '''
    r'''search-backward "#{q:mouse_word}" } "#{?mouse_word,Type #[underscore]#{=/9/...:mouse_word},}" '''
    r'''C-y { copy-mode -q ; send-keys -l "#{q:mouse_word}" } "#{?mouse_word,Copy '''
    r'''#[underscore]#{=/9/...:mouse_word},}" c { copy-mode -q ; set-buffer "#{q:mouse_word}" } '''
    r'''"#{?mouse_line,Copy Line,}" l { copy-mode -q ; set-buffer "#{q:mouse_line}" } '' "Horizontal '''
    r'''Split" h { split-window -h } "Vertical Split" v { split-window -v } '' '''
    r'''"#{?#{>:#{window_panes},1},,-}Swap Up" u { swap-pane -U } "#{?#{>:#{window_panes},1},,-}Swap '''
    r'''Down" d { swap-pane -D } "#{?pane_marked_set,,-}Swap Marked" s { swap-pane } '' Kill X { '''
    r'''kill-pane } Respawn R { respawn-pane -k } "#{?pane_marked,Unmark,Mark}" m { select-pane -m } '''
    r'''"#{?#{>:#{window_panes},1},,-}#{?window_zoomed_flag,Unzoom,Zoom}" z { resize-pane -Z }'''
)


def window_menu(window_id: str = "", where: str = "W") -> str:
    """tmux's window menu: C-b <'s (no ``window_id``: the current window), or a right click's
    on the window's name in the status line (MouseDown3Status), placed at ``where``."""
    return _display_menu(_WINDOW_MENU_TITLE, window_id, where, _WINDOW_MENU_ITEMS)


def pane_menu(pane_id: str = "", where: str = "P") -> str:
    """tmux's pane menu: C-b >'s by the pane (P), or a right click's at the pointer (M,
    MouseDown3Pane)."""
    return _display_menu(_PANE_MENU_TITLE, pane_id, where, _PANE_MENU_ITEMS)


def _display_menu(title: str, target: str, where: str, items: str) -> str:
    return f"display-menu {title} {f'-t {target} ' if target else ''}-x {where} -y {where} {items}"


#: tmux 3.3a's default prefix bindings that tmuxpy has commands for, as tmux writes them
#: (``list-keys -T prefix``), each with the note ``list-keys -N`` shows (C-b ?; < and > have
#: none).
_PREFIX_DEFAULTS: tuple[tuple[str, str, str], ...] = (
    ("C-b", "Send the prefix key", "send-prefix"),
    ("C-o", "Rotate through the panes", "rotate-window"),
    ("C-z", "Suspend the current client", "suspend-client"),
    ("Space", "Select next layout", "next-layout"),
    ("!", "Break pane to a new window", "break-pane"),
    ('"', "Split window vertically", "split-window"),
    ("#", "List all paste buffers", "list-buffers"),
    ("$", "Rename current session", 'command-prompt -I "#S" { rename-session "%%" }'),
    ("%", "Split window horizontally", "split-window -h"),
    ("&", "Kill current window", 'confirm-before -p "kill-window #W? (y/n)" kill-window'),
    ("'", "Prompt for window index to select", 'command-prompt -T window-target -p index { select-window -t ":%%" }'),
    ("(", "Switch to previous client", "switch-client -p"),
    (")", "Switch to next client", "switch-client -n"),
    (",", "Rename current window", 'command-prompt -I "#W" { rename-window "%%" }'),
    ("-", "Delete the most recent paste buffer", "delete-buffer"),
    (".", "Move the current window", 'command-prompt -T target { move-window -t "%%" }'),
    ("/", "Describe key binding", 'command-prompt -k -p key { list-keys -1N "%%" }'),
    *((str(digit), f"Select window {digit}", f"select-window -t :={digit}") for digit in range(10)),
    (":", "Prompt for a command", "command-prompt"),
    (";", "Move to the previously active pane", "last-pane"),
    ("<", "", window_menu()),
    ("=", "Choose a paste buffer from a list", "choose-buffer -Z"),
    (">", "", pane_menu()),
    ("?", "List key bindings", "list-keys -N"),
    ("C", "Customize options", "customize-mode -Z"),
    ("D", "Choose a client from a list", "choose-client -Z"),
    ("E", "Spread panes out evenly", "select-layout -E"),
    ("L", "Switch to the last client", "switch-client -l"),
    ("M", "Clear the marked pane", "select-pane -M"),
    ("[", "Enter copy mode", "copy-mode"),
    ("]", "Paste the most recent paste buffer", "paste-buffer -p"),
    ("c", "Create a new window", "new-window"),
    ("d", "Detach the current client", "detach-client"),
    ("f", "Search for a pane", 'command-prompt { find-window -Z "%%" }'),
    ("i", "Display window information", "display-message"),
    ("l", "Select the previously current window", "last-window"),
    ("m", "Toggle the marked pane", "select-pane -m"),
    ("n", "Select the next window", "next-window"),
    ("o", "Select the next pane", "select-pane -t :.+"),
    ("p", "Select the previous window", "previous-window"),
    ("q", "Display pane numbers", "display-panes"),
    ("r", "Redraw the current client", "refresh-client"),
    ("s", "Choose a session from a list", "choose-tree -Zs"),
    ("t", "Show a clock", "clock-mode"),
    ("w", "Choose a window from a list", "choose-tree -Zw"),
    ("x", "Kill the active pane", 'confirm-before -p "kill-pane #P? (y/n)" kill-pane'),
    ("z", "Zoom the active pane", "resize-pane -Z"),
    ("{", "Swap the active pane with the pane above", "swap-pane -U"),
    ("}", "Swap the active pane with the pane below", "swap-pane -D"),
    ("~", "Show messages", "show-messages"),
    ("DC", "Reset so the visible part of the window follows the cursor", "refresh-client -c"),
    ("PPage", "Enter copy mode and scroll up", "copy-mode -u"),
    ("Up", "Select the pane above the active pane", "select-pane -U"),
    ("Down", "Select the pane below the active pane", "select-pane -D"),
    ("Left", "Select the pane to the left of the active pane", "select-pane -L"),
    ("Right", "Select the pane to the right of the active pane", "select-pane -R"),
    ("M-1", "Set the even-horizontal layout", "select-layout even-horizontal"),
    ("M-2", "Set the even-vertical layout", "select-layout even-vertical"),
    ("M-3", "Set the main-horizontal layout", "select-layout main-horizontal"),
    ("M-4", "Set the main-vertical layout", "select-layout main-vertical"),
    ("M-5", "Select the tiled layout", "select-layout tiled"),
    ("M-n", "Select the next window with an alert", "next-window -a"),
    ("M-o", "Rotate through the panes in reverse", "rotate-window -D"),
    ("M-p", "Select the previous window with an alert", "previous-window -a"),
    ("M-Up", "Resize the pane up by 5", "resize-pane -U 5"),
    ("M-Down", "Resize the pane down by 5", "resize-pane -D 5"),
    ("M-Left", "Resize the pane left by 5", "resize-pane -L 5"),
    ("M-Right", "Resize the pane right by 5", "resize-pane -R 5"),
    ("C-Up", "Resize the pane up", "resize-pane -U"),
    ("C-Down", "Resize the pane down", "resize-pane -D"),
    ("C-Left", "Resize the pane left", "resize-pane -L"),
    ("C-Right", "Resize the pane right", "resize-pane -R"),
    ("S-Up", "Move the visible part of the window up", "refresh-client -U 10"),
    ("S-Down", "Move the visible part of the window down", "refresh-client -D 10"),
    ("S-Left", "Move the visible part of the window left", "refresh-client -L 10"),
    ("S-Right", "Move the visible part of the window right", "refresh-client -R 10"),
)
#: The prefix table's keys and commands (the client binds them before the daemon's tables come).
DEFAULT_BINDINGS: dict[str, str] = {key: command for key, _, command in _PREFIX_DEFAULTS}
#: The prefix table's notes (``bind -N``).
DEFAULT_NOTES: dict[str, str] = {key: note for key, note, _ in _PREFIX_DEFAULTS}

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


def is_mouse_key(name: str) -> bool:
    """A bound (canonical) key name that is a mouse key (``MouseDown1Pane``, ``M-WheelUpStatus``)."""
    key = parse_key(name)
    return key is not None and key.key in MOUSE_KEYS


def key_order(name: str) -> tuple[int, int]:
    """Sort key of a bound (canonical) key name: as tmux orders a table, by key code."""
    key = parse_key(name)
    assert key is not None, f"bound keys are key names: {name}"
    return key.order


@dataclass
class Binding:
    """A key's commands; ``repeat`` from ``-r``; ``note`` from ``-N``, what ``list-keys -N`` shows."""

    commands: list[list[str]]
    repeat: bool = False
    note: str | None = None

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
                self.bind(table, key, split_commands(command), repeat=table == "prefix" and key in DEFAULT_REPEAT,
                          note=DEFAULT_NOTES.get(key) if table == "prefix" else None)

    def bind(self, table: str, key: str, commands: list[list[str]], repeat: bool = False,
             note: str | None = None) -> None:
        self.tables.setdefault(table, {})[canonical_key(key)] = Binding(commands, repeat, note)

    def set_note(self, table: str, key: str, note: str | None) -> None:
        """``bind [-N note] key`` with no command, as tmux 3.3a: a bound key gets the note (or
        none), its commands and ``-r`` unchanged; an unbound key stays unbound, though the
        table is made."""
        binding = self.tables.setdefault(table, {}).get(canonical_key(key))
        if binding is not None:
            binding.note = note

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

    def note_lines(self, table: str | None, key: str | None = None, prefix: str | None = None,
                   prefix_key: str | None = None, every: bool = False, first: bool = False) -> list[str]:
        """``list-keys -N``, as tmux 3.3a: each line is ``prefix``, the key padded one past the
        widest key with a note, then the note. Mouse keys are left out, and so are keys without a
        note unless ``every`` (``-a``: their commands instead; they do not widen the column).
        ``key`` lists that key alone; ``first`` (``-1``) a table's first key only.

        Without a ``table``: the root table's keys, then the prefix table's, in one column. Each
        prefix-table line starts with ``prefix`` (``-P``; by default ``prefix_key``, the ``prefix``
        option, and a space), each root line with as many spaces; with no prefix key, or no note
        in the prefix table, the root table alone."""
        if table is not None:
            return self._note_lines(table, key, prefix or "", self._note_width(table, key), every, first)
        start = prefix if prefix is not None else f"{prefix_key} " if prefix_key is not None else ""
        prefix_width = self._note_width("prefix", key) if prefix_key is not None else 0
        width = max(self._note_width("root", key), prefix_width)
        lines = self._note_lines("root", key, " " * len(start), width, every, first)
        if prefix_width:
            lines += self._note_lines("prefix", key, start, width, every, first)
        return lines

    def _note_width(self, table: str, key: str | None) -> int:
        return max((len(name) for name, _ in self._noted(table, key, every=False)), default=0)

    def _noted(self, table: str, key: str | None, every: bool) -> list[tuple[str, Binding]]:
        bindings = self.tables.get(table, {})
        return [(name, bindings[name]) for name in sorted(bindings, key=key_order)
                if (key is None or name == key) and not is_mouse_key(name) and (every or bindings[name].note)]

    def _note_lines(self, table: str, key: str | None, prefix: str, width: int, every: bool,
                    first: bool) -> list[str]:
        lines = [f"{prefix}{name:<{width + 1}}{binding.note or binding.shown()}"
                 for name, binding in self._noted(table, key, every)]
        return lines[:1] if first else lines

    def for_client(self) -> dict[str, dict[str, str]]:
        """What an attached client needs: the prefix, root and copy-mode tables as command strings
        (a copy-mode table emptied by ``unbind -a`` is gone: an empty one)."""
        return {name: {key: binding.command_string() for key, binding in self.tables.get(name, {}).items()}
                for name in ("prefix", "root", *COPY_MODE_TABLES.values())}
