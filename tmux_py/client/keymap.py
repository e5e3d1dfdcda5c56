"""Key names and key bindings of the attached client (pure: no Textual import).

Textual names a key ``ctrl+up``, ``alt+x``, ``percent_sign``; tmux names it
``C-Up``, ``M-x``, ``%``. :func:`tmux_key` translates, so that everything past
the client (the ``Keys`` message, bindings, the prefix option) speaks tmux.

A binding maps a tmux key name to a *command string*, run through the
command table exactly as typed at the ``:`` prompt (tmux's ``bind-key``).
:data:`DEFAULT_BINDINGS` (from :mod:`tmux_py.bindings`) are tmux 3.3a's
prefix-table defaults; the daemon owns the tables and sends them on attach
and when bind-key changes them. :func:`missing_bindings` is what of
config.toml's ``[bindings]`` a daemon's prefix table lacks.
"""

from __future__ import annotations

from tmux_py.bindings import DEFAULT_BINDINGS, canonical_key
from tmux_py.cmdline import split_commands

__all__ = ["DEFAULT_BINDINGS", "missing_bindings", "tmux_key"]

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


def missing_bindings(config: dict[str, str], prefix_table: dict[str, str]) -> list[list[str]]:
    """``bind-key``/``unbind-key`` argvs for the config.toml bindings ``prefix_table`` lacks.

    ``config`` maps a key to a command string ("" unbinds); ``prefix_table`` is the daemon's
    (canonical key names, command names spelled out). A daemon started with this config
    directory read config.toml itself and lacks nothing; one started with another lacks them.
    A binding changed since (by tmuxpy.conf, bind-key or unbind-key) looks the same as one
    never read, and is sent again, as are commands given by an alias (``splitw``): only the
    daemon knows which config.toml it read.
    """
    argvs = []
    for key, command in config.items():
        bound = prefix_table.get(canonical_key(key))
        if not command:
            if bound is not None:
                argvs.append(["unbind-key", key])
        elif bound is None or split_commands(bound) != split_commands(command):
            argvs.append(["bind-key", key, command])
    return argvs
