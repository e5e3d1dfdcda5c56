"""Themes: the built-in four load; a broken file names itself and its problem; user themes add."""

from __future__ import annotations

from pathlib import Path

from tmux_py.client.palette import Palette, xterm_rgb
from tmux_py.client.theme import load_themes, parse_theme
from tmux_py.style import BOLD, DEFAULT, REVERSE, rgb

GOOD = (Path(__file__).resolve().parents[2] / "themes" / "nord.toml").read_text()


def test_builtin_themes_load_cleanly():
    themes, problems = load_themes(None)
    assert problems == []
    assert {"dark", "light", "nord", "gruvbox"} <= set(themes)
    assert all(len(theme.palette) == 16 for theme in themes.values())


def test_user_theme_loads_and_a_broken_one_is_named(tmp_path):
    (tmp_path / "mine.toml").write_text(GOOD.replace('name = "nord"', 'name = "mine"'))
    (tmp_path / "broken.toml").write_text(GOOD.replace('accent = "#88c0d0"', 'accent = "teal"'))
    (tmp_path / "bad-toml.toml").write_text("name = [")
    themes, problems = load_themes(tmp_path)
    assert "mine" in themes and "dark" in themes
    assert any(str(tmp_path / "broken.toml") in problem and "accent" in problem for problem in problems)
    assert any(str(tmp_path / "bad-toml.toml") in problem for problem in problems)


def test_palette_is_missing_a_colour():
    text = GOOD.replace('"#8fbcbb", "#eceff4",', '"#8fbcbb",')
    try:
        parse_theme(text, "x.toml")
    except ValueError as error:
        assert "x.toml" in str(error) and "palette" in str(error)
    else:
        raise AssertionError("a 15-colour palette was accepted")


def test_colours_are_exact():
    themes, _ = load_themes(None)
    palette = Palette(themes["nord"])
    style = palette.style(1, DEFAULT, BOLD)
    assert style.color.triplet.hex == "#bf616a" and style.bold
    assert palette.style(DEFAULT, DEFAULT, 0).bgcolor.triplet.hex == "#2e3440"
    assert palette.style(208, DEFAULT, 0).color.triplet == xterm_rgb(208) == (255, 135, 0)
    assert palette.style(244, DEFAULT, 0).color.triplet == (128, 128, 128)
    assert palette.style(rgb(1, 2, 3), DEFAULT, REVERSE).color.triplet == (1, 2, 3)


def test_a_strip_is_the_pane_width_with_wide_characters():
    themes, _ = load_themes(None)
    palette = Palette(themes["dark"])
    strip = palette.strip([["中文", DEFAULT, DEFAULT, 0], ["ab", 1, DEFAULT, 0]], 10)
    assert strip.cell_length == 10 and strip.text.startswith("中文ab")
    assert palette.strip([["x" * 20, DEFAULT, DEFAULT, 0]], 10).cell_length == 10
