"""Reflow on resize: the rewrap of records (``reflow.py``) and the emulator resizing with it.

What tmux 3.3a does is the reference (tests/unit/test_emulator_tmux.py and the
compat scenarios in tests/compat/scenarios/reflow.py check it against the real
thing); these tests pin each rule down on its own.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tmux_py.server.emulator import Emulator
from tmux_py.server.reflow import clip, reflow, unwrap_position, wrap_position
from tmux_py.server.scrollback import WRAPPED_SHORT
from tmux_py.style import DEFAULT

RED = (1, DEFAULT, 0)
PLAIN = (DEFAULT, DEFAULT, 0)


def record(text: str, wrapped: bool | int = False, style: tuple = PLAIN) -> tuple:
    return (text, (len(text), *style) if text else (), wrapped)


def texts(records: list[tuple]) -> list[tuple[str, bool | int]]:
    return [(text, wrapped) for text, _runs, wrapped in records]


def screen(emulator: Emulator) -> list[str]:
    return [line.rstrip() for line in emulator.capture()]


def everything(emulator: Emulator) -> list[str]:
    return [line.rstrip() for line in emulator.capture(-emulator.history_size)]


def under_cursor(emulator: Emulator) -> str:
    line = emulator.capture(emulator.cursor_y, emulator.cursor_y, keep_trailing=True)[0]
    return line[emulator.cursor_x] if emulator.cursor_x < len(line) else ""


# ------------------------------------------------------------------ records


def test_narrower_cuts_a_line_into_wrapped_lines() -> None:
    done = reflow([record("abcdefghij"), record("end")], 4)
    assert texts(done.records) == [("abcd", True), ("efgh", True), ("ij", False), ("end", False)]


def test_wider_joins_wrapped_lines() -> None:
    done = reflow([record("abcd", True), record("efgh", True), record("ij"), record("end")], 20)
    assert texts(done.records) == [("abcdefghij", False), ("end", False)]


def test_lines_ended_by_a_newline_never_join() -> None:
    short = [record("one"), record("two"), record("three")]
    done = reflow(short, 80)
    assert texts(done.records) == [("one", False), ("two", False), ("three", False)]


def test_a_line_that_fits_is_passed_through_as_the_same_object() -> None:
    lines = [record("kept"), record("abcdefgh", True), record("ij")]
    done = reflow(lines, 6)
    assert done.records[0] is lines[0]
    assert texts(done.records) == [("kept", False), ("abcdef", True), ("ghij", False)]


def test_styles_are_cut_with_the_text_and_rejoined() -> None:
    line = ("aaabbb", (3, *RED, 3, *PLAIN), False)
    narrow = reflow([line], 4).records
    assert narrow == [("aaab", (3, *RED, 1, *PLAIN), True), ("bb", (2, *PLAIN), False)]
    assert reflow(narrow, 10).records == [line]


def test_a_wide_character_never_splits_across_a_line_end() -> None:
    done = reflow([record("ab中文")], 3)
    assert texts(done.records) == [("ab", WRAPPED_SHORT), ("中", WRAPPED_SHORT), ("文", False)]
    assert texts(reflow(done.records, 6).records) == [("ab中文", False)]


def test_combining_marks_stay_with_their_character() -> None:
    done = reflow([record("abe\u0301cd")], 3)
    assert texts(done.records) == [("abe\u0301", True), ("cd", False)]


def test_an_empty_line_ending_a_wrapped_one_stays_apart() -> None:
    done = reflow([record("abcd", True), record("")], 10)
    assert texts(done.records) == [("abcd", True), ("", False)]


def test_tmux_splits_a_logical_line_where_its_join_meets_a_wide_character() -> None:
    """grid_reflow_join drops the wrapped flag when the last line's first character does not fit."""
    lines = [record("中文", WRAPPED_SHORT)] * 3 + [record("中文")]
    done = reflow(lines, 7)  # the second line took in all of the third: the fourth is left apart
    assert texts(done.records) == [("中文中", WRAPPED_SHORT), ("文中文", False), ("中文", False)]


def test_clip_keeps_what_fits_the_screen() -> None:
    line = ("aaab中", (3, *RED, 2, *PLAIN), True)
    assert clip(line, 4) == ("aaab", (3, *RED, 1, *PLAIN), True)
    assert clip(line, 6) is line


def test_scrolled_moves_as_tmux_moves_hscrolled() -> None:
    """grid_reflow_split adds the lines it makes at or below hscrolled, even from 0 (after a clear)."""
    lines = [record("1" * 18, True), record("y" * 18, True), record("y")]
    assert reflow(lines, 16, scrolled=0).scrolled == 1  # the split at line 0 counts, the joins are above
    assert reflow(lines, 16, scrolled=5).scrolled == 5  # one line more from the split, one less from a join


def test_cursor_keeps_its_character() -> None:
    lines = [record("abcdefgh", True), record("ij")]
    done = reflow(lines, 3, cursor=(1, 1))  # on the j
    y, x = done.cursor
    assert done.records[y][0][x] == "j"
    assert reflow(lines, 3, cursor=(0, 5)).cursor == (1, 2)  # the f


def test_cursor_after_the_text_goes_to_the_end_of_its_logical_line() -> None:
    lines = [record("abcd", True), record("ef"), record("")]
    assert reflow(lines, 10, cursor=(1, 2)).cursor == (0, 6)
    assert reflow(lines, 10, cursor=(2, 5)).cursor == (1, 0)


def test_wrap_and_unwrap_position_round_trip() -> None:
    rows = [record("abc", True), record("def"), record("gh")]
    assert wrap_position(rows, 1, 1) == (0, 4)
    assert unwrap_position(rows, 0, 4) == (1, 1)
    assert wrap_position(rows, 2, 7) == (1, None)
    assert unwrap_position(rows, 1, None) == (2, 2)


_lines = st.lists(st.text(alphabet="ab中é\u0301 ", max_size=30), min_size=1, max_size=8)


@settings(max_examples=200, deadline=None)
@given(lines=_lines, first=st.integers(1, 12), second=st.integers(1, 40))
def test_rewrapping_keeps_every_logical_line(lines: list[str], first: int, second: int) -> None:
    source = [record(text) for text in lines]
    once = reflow(source, first).records
    twice = reflow(once, second).records
    for done, columns in ((once, first), (twice, second)):
        logical = "".join(text + ("" if wrapped else "\n") for text, _runs, wrapped in done)
        assert logical.replace("\n", "") == "".join(lines)
        for text, runs, _wrapped in done:
            assert sum(runs[0::4]) == len(text)


# ----------------------------------------------------------------- emulator


def test_emulator_narrower_then_wider_restores_the_screen() -> None:
    emulator = Emulator(20, 5)
    emulator.feed(b"short\r\n" + b"0123456789" * 3 + b"\r\n$ ")
    emulator.resize(10, 5)  # as tmux: the blank line below stays, so the top goes
    assert screen(emulator) == ["0123456789", "0123456789", "0123456789", "$", ""]
    assert emulator.capture(-1, -1) == ["short"]
    emulator.resize(20, 5)
    assert screen(emulator) == ["short", "01234567890123456789", "0123456789", "$", ""]
    assert (emulator.cursor_x, emulator.cursor_y) == (2, 3)


def test_emulator_narrower_moves_the_top_into_the_history_and_back() -> None:
    emulator = Emulator(20, 3)
    emulator.feed(b"a" * 20 + b"b" * 20 + b"\r\nc")
    emulator.resize(10, 3)
    assert everything(emulator) == ["a" * 10] * 2 + ["b" * 10] * 2 + ["c"]
    assert emulator.history_size == 2
    emulator.resize(20, 3)
    assert everything(emulator) == ["a" * 20, "b" * 20, "c"]
    assert emulator.history_size == 0


def test_emulator_cursor_stays_on_its_character() -> None:
    emulator = Emulator(20, 6)
    emulator.feed(b"abcdefghijklmnopqrstuvwxyz\r\nnext\x1b[2;3H")
    assert under_cursor(emulator) == "w"
    for columns in (7, 4, 13, 30, 20):
        emulator.resize(columns, 6)
        assert under_cursor(emulator) == "w", columns


def test_emulator_styles_survive_the_rewrap() -> None:
    emulator = Emulator(12, 4)
    emulator.feed(b"\x1b[31mred red \x1b[44mblue\x1b[0m plain\r\n")
    before = "".join(emulator.capture(join=True, escapes=True))
    emulator.resize(5, 4)
    emulator.resize(12, 4)
    assert "".join(emulator.capture(join=True, escapes=True)) == before
    emulator.resize(30, 4)
    assert emulator.capture(escapes=True)[0] == before


def test_emulator_wide_characters_survive_the_rewrap() -> None:
    emulator = Emulator(10, 4)
    emulator.feed("ab中文字cdef中".encode())
    emulator.resize(5, 4)
    assert everything(emulator) == ["ab中", "文字c", "def中", "", ""]
    emulator.resize(10, 4)
    assert everything(emulator) == ["ab中文字cd", "ef中", "", ""]


def test_emulator_history_limit_holds_after_a_narrower_reflow() -> None:
    emulator = Emulator(40, 5, history_limit=50)
    emulator.feed(b"".join(b"%02d " % n + b"x" * 35 + b"\r\n" for n in range(45)))
    emulator.resize(10, 5)
    assert 0 < emulator.history_size <= 50
    assert screen(emulator)[-1] == ""
    emulator.resize(40, 5)
    assert emulator.history_size <= 50
    assert screen(emulator)[-2].startswith("44 ")


def test_emulator_alternate_screen_is_not_reflowed_but_the_primary_is_on_return() -> None:
    emulator = Emulator(10, 4)
    emulator.feed(b"0123456789abc\x1b[?1049h\x1b[H" + b"A" * 10 + b"B")
    emulator.resize(5, 4)
    assert screen(emulator) == ["AAAAA", "B", "", ""]  # cut, not rewrapped
    emulator.feed(b"\x1b[?1049l")
    assert everything(emulator) == ["01234", "56789", "abc", "", ""]
    assert (emulator.cursor_x, emulator.cursor_y) == (3, 1)


def test_emulator_clearing_a_whole_line_unwraps_the_line_above_as_in_tmux() -> None:
    """tmux 3.3a's grid_clear_lines drops the wrapped flag of the line above."""
    emulator = Emulator(5, 4)
    emulator.feed(b"abcdefg\x1b[A\r\n")  # a line feed alone keeps it
    assert emulator.line_wrapped(0)
    emulator.feed(b"\r\x1b[Khi")
    assert not emulator.line_wrapped(0)
    emulator.resize(10, 4)
    assert screen(emulator)[:2] == ["abcde", "hi"]
