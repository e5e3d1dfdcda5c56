"""Key names and key bindings of the attached client (pure: no Textual import).

Textual names a key ``ctrl+up``, ``alt+x``, ``percent_sign``; tmux names it
``C-Up``, ``M-x``, ``%``. :func:`tmux_key` translates, so that everything past
the client (the ``Keys`` message, bindings, the prefix option) speaks tmux.

A binding maps a tmux key name to a *command string*, run through the
command table exactly as typed at the ``:`` prompt (tmux's ``bind-key``).
:data:`DEFAULT_BINDINGS` are tmux 3.3a's prefix-table defaults that tmuxpy
has commands for; the config file adds or replaces entries
(:mod:`tmux_py.config`).
"""

from __future__ import annotations


#: Textual's names of special keys -> tmux's.
_SPECIAL = {
    "up": "Up", "down": "Down", "left": "Left", "right": "Right",
    "home": "Home", "end": "End", "pageup": "PageUp", "pagedown": "PageDown",
    "insert": "IC", "delete": "DC", "enter": "Enter", "tab": "Tab", "escape": "Escape",
    "backspace": "BSpace", "space": "Space",
    **{f"f{number}": f"F{number}" for number in range(1, 13)},
}

#: Textual's names of punctuation under ctrl (``ctrl+backslash``) -> the character.
_CTRL_CHARACTERS = {
    "@": "Space", "backslash": "\\", "underscore": "_", "right_square_bracket": "]",
    "left_square_bracket": "[", "circumflex_accent": "^", "question_mark": "?",
}

_MODIFIERS = {"ctrl": "C-", "alt": "M-", "meta": "M-", "shift": "S-"}


def tmux_key(key: str, character: str | None) -> str | None:
    """The tmux name of a Textual key event (None for keys a terminal cannot send)."""
    if key == "shift+tab":
        return "BTab"
    parts = key.split("+")
    base = parts[-1]
    modifiers = parts[:-1]
    if not modifiers and character and len(character) == 1 and character.isprintable():
        return "Space" if character == " " else character
    if base in _SPECIAL:
        name = _SPECIAL[base]
    elif "ctrl" in modifiers and base in _CTRL_CHARACTERS:
        name = _CTRL_CHARACTERS[base]
    elif len(base) == 1:
        name = base
    elif character and len(character) == 1 and character.isprintable():
        name = character  # alt+percent_sign and the like: the character itself
    elif character and len(character) == 1:
        return character  # a control character Textual has no name for
    else:
        return None
    prefix = ""
    for modifier in ("ctrl", "alt", "meta", "shift"):
        if modifier in modifiers:
            if modifier == "shift" and len(name) == 1:
                name = name.upper()  # alt+shift+x is M-X, as a terminal sends it
                continue
            if modifier == "meta" and "alt" in modifiers:
                continue
            prefix += _MODIFIERS[modifier]
    return prefix + name


#: tmux 3.3a's default prefix bindings, as command strings (``list-keys -T prefix``).
DEFAULT_BINDINGS: dict[str, str] = {
    "C-b": "send-prefix",
    "Space": "next-layout",
    '"': "split-window",
    "%": "split-window -h",
    "$": "command-prompt -I '#{session_name}' -p '(rename-session)' \"rename-session -- '%%'\"",
    "&": "confirm-before -p 'kill-window #{window_index}? (y/n)' kill-window",
    ",": "command-prompt -I '#{window_name}' -p '(rename-window)' \"rename-window -- '%%'\"",
    ":": "command-prompt",
    ";": "last-pane",
    "?": "list-keys",
    "[": "copy-mode",
    "]": "paste-buffer -p",
    "c": "new-window",
    "d": "detach-client",
    "i": "display-message",
    "l": "last-window",
    "n": "next-window",
    "o": "select-pane -t :.+",
    "p": "previous-window",
    "q": "display-panes",
    "s": "choose-tree -s",
    "w": "choose-tree -w",
    "x": "confirm-before -p 'kill-pane #{pane_index}? (y/n)' kill-pane",
    "z": "resize-pane -Z",
    "{": "swap-pane -U",
    "}": "swap-pane -D",
    "PageUp": "copy-mode -u",
    "Up": "select-pane -U",
    "Down": "select-pane -D",
    "Left": "select-pane -L",
    "Right": "select-pane -R",
    "C-Up": "resize-pane -U",
    "C-Down": "resize-pane -D",
    "C-Left": "resize-pane -L",
    "C-Right": "resize-pane -R",
    "M-Up": "resize-pane -U 5",
    "M-Down": "resize-pane -D 5",
    "M-Left": "resize-pane -L 5",
    "M-Right": "resize-pane -R 5",
    "M-1": "select-layout even-horizontal",
    "M-2": "select-layout even-vertical",
    "M-3": "select-layout main-horizontal",
    "M-4": "select-layout main-vertical",
    "M-5": "select-layout tiled",
    **{str(digit): f"select-window -t :{digit}" for digit in range(10)},
}


def list_keys(bindings: dict[str, str], prefix: str) -> list[str]:
    """``list-keys`` lines: ``bind-key -T prefix KEY COMMAND``, sorted as tmux sorts them."""
    width = max((len(key) for key in bindings), default=0)
    return [f"bind-key -T prefix {key:<{width}} {bindings[key]}" for key in sorted(bindings, key=_sort_key)] + [
        f"(prefix: {prefix})"
    ]


def _sort_key(key: str) -> tuple:
    return (len(key) > 1, key.lower(), key)
