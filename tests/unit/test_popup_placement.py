"""Where display-popup puts its box, as tmux 3.3a (figures read off tmux on a 100x30 terminal)."""

from __future__ import annotations

from tmux_py.server.popup import Box, place


def test_a_popup_is_centred_by_default_with_y_naming_its_bottom_line():
    assert place((40, 8), (100, 30), None, None) == (29, 10)
    assert place((50, 15), (100, 30), "C", "C") == (24, 6)


def test_x_R_is_flush_right_and_a_number_is_a_cell_kept_on_the_terminal():
    assert place((10, 4), (100, 30), "R", "0") == (90, 0)
    assert place((10, 4), (100, 30), "5", "15") == (5, 11)
    assert place((10, 4), (100, 30), "95", "40") == (90, 26)


def test_the_program_gets_the_inside_of_the_border():
    assert Box(0, 0, 40, 8, "single", "").inside == (38, 6)
    assert Box(0, 0, 40, 8, "none", "").inside == (40, 8)
    assert Box(0, 0, 2, 2, "rounded", "").inside == (1, 1)
