"""``config.toml`` in the config directory: options and key bindings (pure).

::

    prefix = "C-a"            # any option of tmux_py.options (theme, mouse, status,
    theme = "nord"            # status-right, default-shell, history-limit, ...)
    history-limit = 50000

    [bindings]                # key = command string, as tmux's bind-key
    "|" = "split-window -h"
    "-" = "split-window"
    "x" = ""                  # empty: unbind

Nothing here raises on a bad file: every unknown key or bad value becomes a
problem ``"PATH:LINE: what"`` and the rest of the file still applies. The
client sends the options to the daemon (``set-option -g``), which owns them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from tmux_py.cmdline import CommandLineError, split_commands
from tmux_py.keys import is_key_name
from tmux_py.options import OPTION_DEFS, OptionError

CONFIG_NAME = "config.toml"


@dataclass
class Config:
    options: dict[str, object] = field(default_factory=dict)
    bindings: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    #: The file read (or looked for): a daemon and a client that read the same one agree.
    path: str = ""


def _line_of(text: str, key: str) -> int:
    """1-based line where ``key`` is assigned (tomllib keeps no positions); 1 if not found."""
    pattern = re.compile(rf"""^\s*(["']?){re.escape(key)}\1\s*=""")
    for number, line in enumerate(text.splitlines(), 1):
        if pattern.match(line):
            return number
    return 1


def parse_config(text: str, source: str) -> Config:
    config = Config(path=source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        config.problems.append(f"{source}:{line.group(1) if line else 1}: {error}")
        return config
    for key, value in data.items():
        where = f"{source}:{_line_of(text, key)}"
        if key == "bindings":
            if not isinstance(value, dict):
                config.problems.append(f"{where}: bindings must be a table of key = command")
                continue
            for name, command in value.items():
                spot = f"{source}:{_line_of(text, name)}"
                if not is_key_name(name):
                    config.problems.append(f"{spot}: unknown key {name!r}")
                elif not isinstance(command, str):
                    config.problems.append(f"{spot}: the command for {name!r} must be a string")
                else:
                    try:
                        split_commands(command)
                    except CommandLineError as error:
                        config.problems.append(f"{spot}: {error}")
                        continue
                    config.bindings[name] = command
            continue
        definition = OPTION_DEFS.get(key)
        if definition is None:
            config.problems.append(f"{where}: unknown option {key!r}")
            continue
        try:
            parsed = definition.parse(value)
        except OptionError as error:
            config.problems.append(f"{where}: {key}: {error}")
            continue
        if key == "prefix" and not is_key_name(str(parsed)):
            config.problems.append(f"{where}: prefix: bad key {parsed!r}")
            continue
        config.options[key] = parsed
    return config


def load_config(directory: Path) -> Config:
    path = directory / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Config(path=str(path))
    except (OSError, UnicodeDecodeError) as error:
        return Config(problems=[f"{path}: {error}"], path=str(path))
    return parse_config(text, str(path))
