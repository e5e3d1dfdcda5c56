"""Property tests: no byte sequence makes the emulator raise, lose its bounds or stall."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tmux_py.server.emulator import Emulator

_FINALS = "@ABCDEFGHIJKLMPSTXZ`bcdfghlmnqrstu"
_PRIVATE = ["", "?", ">", "<", "=", " ", "$", "'", "!"]

_params = st.lists(
    st.one_of(st.integers(0, 70), st.integers(0, 3000), st.just(""), st.sampled_from(["38:2::1:2:3", "4:3", "99999999999"])),
    max_size=8,
).map(lambda items: ";".join(map(str, items)))

_csi = st.builds(
    lambda marker, params, final, inter: f"\x1b[{marker}{params}{inter}{final}",
    st.sampled_from(_PRIVATE[:5]),
    _params,
    st.sampled_from(_FINALS),
    st.sampled_from(["", "", "", " ", "$", "'", '"']),
)
_modes = st.builds(
    lambda on, mode: f"\x1b[?{mode}{'h' if on else 'l'}",
    st.booleans(),
    st.sampled_from([1, 3, 6, 7, 25, 47, 1000, 1002, 1003, 1004, 1006, 1015, 1047, 1049, 2004, 2026]),
)
_esc = st.sampled_from(["\x1b7", "\x1b8", "\x1bD", "\x1bE", "\x1bM", "\x1bH", "\x1bc", "\x1b#8", "\x1b(0", "\x1b(B",
                        "\x1b)0", "\x0e", "\x0f", "\x1b=", "\x1b>", "\x1b\\", "\x1b"])
_strings = st.builds(
    lambda kind, body, end: f"\x1b{kind}{body}{end}",
    st.sampled_from(["]0;", "]2;", "]7;", "]52;c;", "P", "_", "^", "X", "k"]),
    st.text(max_size=30),
    st.sampled_from(["\x07", "\x1b\\", "", "\x18"]),
)
_text = st.one_of(
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=40),
    st.sampled_from(["中", "文字", "😀", "e\u0301", "\u200b", "\u0301", "\u200d", "\ufe0f", "é", "\t", "\r\n", "\n",
                     "\r", "\x08", "\x07", "\x00", "\x7f", "\x9b"]),
)
_token = st.one_of(_text, _csi, _modes, _esc, _strings)

_stream = st.one_of(
    st.binary(max_size=600),
    st.lists(_token, max_size=80).map(lambda tokens: "".join(tokens).encode("utf-8", "surrogatepass")),
)


def _check(emulator: Emulator) -> None:
    assert emulator.errors == 0
    assert 0 <= emulator.cursor_x <= emulator.columns
    assert 0 <= emulator.cursor_y < emulator.lines
    for y in range(emulator.lines):
        emulator.line_runs(y)
    emulator.capture(-emulator.history_size, escapes=True)
    emulator.capture(join=True)
    emulator.history_runs(0, emulator.history_size)
    emulator.modes()
    emulator.take_dirty()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stream=_stream, size=st.tuples(st.integers(1, 30), st.integers(1, 8)), cut=st.integers(1, 50),
       resize=st.tuples(st.integers(1, 30), st.integers(1, 8)))
def test_any_bytes(stream: bytes, size: tuple[int, int], cut: int, resize: tuple[int, int]) -> None:
    emulator = Emulator(*size, history_limit=20, on_reply=lambda data: None)
    started = time.process_time()
    for index in range(0, len(stream), cut):
        emulator.feed(stream[index : index + cut])
        assert 0 <= emulator.cursor_x <= emulator.columns
        assert 0 <= emulator.cursor_y < emulator.lines
    elapsed = time.process_time() - started
    assert elapsed < 0.05 + 0.05 * len(stream) / 1024  # 50 ms per KB at worst
    _check(emulator)
    emulator.resize(*resize)
    _check(emulator)
    emulator.feed(stream[: len(stream) // 2])
    _check(emulator)


_sgr = st.builds(lambda items: "\x1b[" + ";".join(items) + "m",
                 st.lists(st.sampled_from(["", "0", "1", "2", "4", "7", "22", "31", "42", "39", "49", "38;5;200",
                                           "48;2;1;2;3", "97", "104", "99999999999"]), max_size=3))
_line = st.lists(st.one_of(_sgr, st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E),
                                          max_size=30),
                           st.sampled_from(["é", "─┼─", "✓", "Жук", "€", "中", "e\u0301", "\t", "✔\ufe0f"])),
                 max_size=6).map("".join)


@settings(max_examples=100, deadline=None)
@given(lines=st.lists(_line, min_size=1, max_size=40), columns=st.integers(1, 30), rows=st.integers(1, 6),
       cut=st.integers(1, 300))
def test_fast_path_matches_slow_path(lines: list[str], columns: int, rows: int, cut: int) -> None:
    """Whole lines through the fast path give the same screen and history as one by one."""
    data = "".join(line + "\r\n" for line in lines).encode()
    fast = Emulator(columns, rows, history_limit=1000)
    for index in range(0, len(data), cut):
        fast.feed(data[index : index + cut])
    slow = Emulator(columns, rows, history_limit=1000)
    for line in lines:  # a no-op cursor move keeps every line off the fast path
        slow.feed(line.encode() + b"\r\x1b[C\x1b[D\n")
    assert fast.history_size == slow.history_size
    assert fast.history_runs(0, fast.history_size) == slow.history_runs(0, slow.history_size)
    assert fast.capture(-fast.history_size, join=True) == slow.capture(-slow.history_size, join=True)
    assert [fast.line_runs(y) for y in range(rows)] == [slow.line_runs(y) for y in range(rows)]
    assert [fast.line_wrapped(y) for y in range(rows)] == [slow.line_wrapped(y) for y in range(rows)]
    assert (fast.cursor_x, fast.cursor_y) == (slow.cursor_x, slow.cursor_y)
