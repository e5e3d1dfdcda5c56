"""Themes: one TOML file each, shipped in ``themes/`` (package ``tmux_py.themes``)
and, for the user's own, in ``<config dir>/themes/``.

A theme has four tables (see ``themes/dark.toml``): ``textual`` (the colours
of Textual's theme: primary, accent, background, ...), ``status`` (the status
line), ``border`` (pane borders; ``active`` is the active pane's border) and
``terminal`` (the panes: default foreground and background, cursor, selection,
search highlight, and ``palette``: the 16 ANSI colours that SGR 30-37/90-97
select). Colours are ``#rrggbb``.

Loading never raises: a broken file is reported as ``"PATH: problem"`` and
skipped, and :func:`load_themes` always has the built-in default. This module
imports no Textual; the app turns a :class:`Theme` into Textual's.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

DEFAULT_THEME = "dark"

_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")

_REQUIRED = {
    "textual": ("primary", "accent", "foreground", "background", "surface", "panel"),
    "status": ("background", "foreground", "current", "prefix", "message"),
    "border": ("normal", "active", "filler"),
    "terminal": ("foreground", "background", "cursor", "selection", "search"),
}
_OPTIONAL_TEXTUAL = ("secondary", "error", "warning", "success")


class ThemeError(ValueError):
    """A theme file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Theme:
    name: str
    dark: bool
    textual: dict[str, str]
    status: dict[str, str]
    border: dict[str, str]
    terminal: dict[str, str]
    palette: tuple[str, ...]
    source: str = ""


def parse_theme(text: str, source: str) -> Theme:
    """A theme from TOML text; ThemeError naming ``source`` and the problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ThemeError(f"{source}: {error}") from None
    name = data.get("name") or Path(source).stem
    if not isinstance(name, str) or not re.fullmatch(r"[\w-]+", name):
        raise ThemeError(f"{source}: bad name {name!r}")
    tables: dict[str, dict[str, str]] = {}
    for table, keys in _REQUIRED.items():
        values = data.get(table)
        if not isinstance(values, dict):
            raise ThemeError(f"{source}: missing table [{table}]")
        wanted = keys + (_OPTIONAL_TEXTUAL if table == "textual" else ())
        for key, value in values.items():
            if key == "palette" and table == "terminal":
                continue
            if key not in wanted:
                raise ThemeError(f"{source}: unknown key {key!r} in [{table}]")
            if not isinstance(value, str) or not _COLOUR.fullmatch(value):
                raise ThemeError(f"{source}: [{table}] {key} = {value!r} is not a #rrggbb colour")
        missing = [key for key in keys if key not in values]
        if missing:
            raise ThemeError(f"{source}: [{table}] lacks {', '.join(missing)}")
        tables[table] = {key: value for key, value in values.items() if key != "palette"}
    palette = data["terminal"].get("palette")
    if (not isinstance(palette, list) or len(palette) != 16
            or not all(isinstance(c, str) and _COLOUR.fullmatch(c) for c in palette)):
        raise ThemeError(f"{source}: [terminal] palette must be 16 #rrggbb colours")
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        raise ThemeError(f"{source}: dark must be true or false")
    return Theme(name=name, dark=dark, palette=tuple(palette), source=source, **tables)


def builtin_theme_files() -> list[tuple[str, str]]:
    """(source, text) of every theme shipped with tmuxpy."""
    try:
        folder = resources.files("tmux_py.themes")
        entries = [entry for entry in folder.iterdir() if entry.name.endswith(".toml")]
    except (ModuleNotFoundError, FileNotFoundError, NotADirectoryError):
        # A source checkout installed before the package-dir mapping: the folder itself.
        folder_path = Path(__file__).resolve().parents[2] / "themes"
        entries = sorted(folder_path.glob("*.toml"))
    return [(str(entry), entry.read_text(encoding="utf-8")) for entry in sorted(entries, key=lambda e: e.name)]


def load_themes(user_dir: Path | None = None) -> tuple[dict[str, Theme], list[str]]:
    """Every usable theme by name (user themes override built-ins), and the problems found."""
    themes: dict[str, Theme] = {}
    problems: list[str] = []
    files = builtin_theme_files()
    if user_dir is not None and user_dir.is_dir():
        for path in sorted(user_dir.glob("*.toml")):
            try:
                files.append((str(path), path.read_text(encoding="utf-8")))
            except (OSError, UnicodeDecodeError) as error:
                problems.append(f"{path}: {error}")
    for source, text in files:
        try:
            theme = parse_theme(text, source)
        except ThemeError as error:
            problems.append(str(error))
            continue
        themes[theme.name] = theme
    if DEFAULT_THEME not in themes:
        raise RuntimeError(f"the built-in theme {DEFAULT_THEME!r} is missing from this installation")
    return themes, problems
