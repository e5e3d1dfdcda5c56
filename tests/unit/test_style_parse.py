"""tmux style strings, as tmux 3.3a's style_parse reads them."""

from __future__ import annotations

from tmux_py.style import BOLD, DEFAULT, DIM, ITALIC, REVERSE, TRUECOLOR, UNDERLINE, Style, parse_colour, parse_style

PLAIN = Style()


def test_colours_as_tmux_names_them():
    assert [parse_colour(text) for text in ("default", "terminal", "red", "1", "brightred", "91", "colour236",
                                             "color7", "#ff8000", "RED")] == [
        DEFAULT, DEFAULT, 1, 1, 9, 9, 236, 7, TRUECOLOR | 0xFF8000, 1]
    assert [parse_colour(text) for text in ("colour256", "8", "#12345", "orangeish", "")] == [None] * 5


def test_words_split_by_commas_or_spaces_change_the_style():
    style = parse_style("fg=red,bg=colour236 bold,italics", PLAIN, PLAIN)
    assert (style.fg, style.bg, style.flags) == (1, 236, BOLD | ITALIC)
    style = parse_style("nobold underscore reverse", style, PLAIN)
    assert style.flags == ITALIC | UNDERLINE | REVERSE
    assert parse_style("none", style, PLAIN).flags == 0
    assert parse_style("dim", PLAIN, PLAIN).flags == DIM


def test_default_takes_the_base_and_an_unknown_word_refuses_the_whole():
    base = Style(fg=0, bg=2)
    style = parse_style("fg=red,bold", base, base)
    assert parse_style("default", style, base) == base
    assert parse_style("fg=red,sparkly", PLAIN, PLAIN) is None
    assert parse_style("fg=notacolour", PLAIN, PLAIN) is None


def test_status_line_words():
    style = parse_style("align=right list=focus range=window|3 fill=blue push-default", PLAIN, PLAIN)
    assert (style.align, style.list, style.range, style.fill, style.default_op) == (
        "right", "focus", ("window", "3"), 4, "push")
    style = parse_style("noalign nolist norange", style, PLAIN)
    assert (style.align, style.list, style.range) == ("", "", None)
    assert parse_style("range=left", PLAIN, PLAIN).range == ("left", "")
    assert parse_style("range=window", PLAIN, PLAIN) is None
