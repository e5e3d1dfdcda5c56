"""tmux's format_draw as tmux_py.server.status.draw does it: sections, list, ranges, fill."""

from __future__ import annotations

from tmux_py.server.status import draw
from tmux_py.style import BOLD, DEFAULT, Style

BASE = Style(fg=0, bg=2)


def text(runs: list) -> str:
    return "".join(run[0] for run in runs)


def test_sections_placed_as_tmux_places_them():
    runs, ranges = draw("L#[align=centre]mid#[align=right]R", 21, BASE)
    assert text(runs) == "L        mid        R"
    assert ranges == []
    # Too narrow: the centre goes first, then the right, then the left.
    assert text(draw("LL#[align=centre]CCCC#[align=right]RR", 5, BASE)[0]) == "LLCRR"
    assert text(draw("LL#[align=right]RR", 3, BASE)[0]) == "LLR"


def test_hashes_and_styles():
    runs, _ = draw("a##b###[bold]c####[d", 10, BASE)
    assert text(runs) == "a#b#c##[d "
    assert runs[1] == ["c##[d", 0, 2, BOLD]
    # push-default pushes the style before its own #[...]: as tmux's, it goes on its own.
    runs, _ = draw("#[fg=red]#[push-default]x#[fg=blue]y#[default]z#[pop-default]#[default]w", 4, BASE)
    assert [run[:2] for run in runs] == [["x", 1], ["y", 4], ["z", 1], ["w", 0]]
    runs, _ = draw("#[fg=red push-default]x#[default]z", 2, BASE)
    assert [run[:2] for run in runs] == [["x", 1], ["z", 0]]


def test_a_bad_style_is_skipped_and_an_unterminated_one_draws_nothing():
    assert text(draw("a#[sparkly]b", 3, BASE)[0]) == "ab "
    assert text(draw("ab#[bold", 3, BASE)[0]) == "   "


def test_the_list_is_cut_around_its_focus_with_markers():
    windows = "".join(f"#[range=window|{n}{' list=focus' if n == 5 else ''}]w{n}#[norange list=on] "
                      for n in range(8))
    line = f"#[list=on align=left]#[list=left-marker]<#[list=right-marker]>#[list=on]{windows}#[nolist]"
    runs, ranges = draw(line, 10, BASE)
    assert text(runs) == "<w4 w5 w6>"
    assert ranges[0] == ["window", "4", 1, 4]
    assert [argument for _, argument, *_ in ranges] == ["4", "5", "6"]


def test_fill_paints_the_line_in_the_default_foreground():
    runs, _ = draw("#[fill=blue]x", 3, BASE)
    assert runs == [["x", 0, 2, 0], ["  ", DEFAULT, 4, 0]]


def test_wide_characters_take_two_cells():
    runs, _ = draw("日本#[align=right]r", 6, BASE)
    assert text(runs) == "日本 r"


def test_each_list_alignment_as_tmux_draws_it_when_cut():
    """tmux 3.3a, 8 columns, status-format[0] set to this line with each alignment."""
    line = "L#[list=on align={}]#[list=left-marker]<#[list=right-marker]>#[list=on]abcdefghij#[nolist]A#[align=right]R"
    drawn = {align: text(draw(line.format(align), 8, BASE)[0]) for align in ("left", "centre", "right",
                                                                             "absolute-centre")}
    assert drawn == {"left": "Labcd>AR", "centre": "L <efg>A", "right": "Labcd>AR", "absolute-centre": "<defgh>A"}
