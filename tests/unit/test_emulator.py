"""The pane emulator's interface and its robustness: one test per class of bad input."""

from __future__ import annotations

import time

import pytest

from tmux_py import style
from tmux_py.server import sanitize
from tmux_py.server import csi
from tmux_py.server.emulator import STRING_LIMIT, Emulator


def make(columns: int = 20, lines: int = 5, **kwargs) -> tuple[Emulator, list[bytes]]:
    replies: list[bytes] = []
    emulator = Emulator(columns, lines, on_reply=replies.append, **kwargs)
    return emulator, replies


def screen(emulator: Emulator) -> list[str]:
    return [line.rstrip() for line in emulator.capture()]


# --------------------------------------------------------------- robustness


@pytest.mark.parametrize(
    "data",
    [
        b"\x1b[?1r",
        b"\x1b[1;2'z",
        b"\x1b[4J",
        b"\x1b[5K",
        b"\x1b[?6n",
        b"\x1b[1;2;3G",
        b"\x1b[" + b"7" * 4400 + b"m",
        b"\x1b[" + b"1;" * 500 + b"H",
        b"\x1b[>4;2m\x1b[?4m",
        b"\x1b[38;5m\x1b[38;2;1m\x1b[48;5;999m\x1b[38:2:1m\x1b[4:9m\x1b[38::::::::::m",
        b"\x1b[99999999999999999999@\x1b[99999999999999999999P",
        b"\x1b[0;0r\x1b[5;2r\x1b[99;99r",
        b"\x1b#9\x1b(Z\x1b)%\x1b%G",
    ],
)
def test_malformed_sequences_are_consumed_and_the_next_byte_survives(data: bytes) -> None:
    emulator, _ = make()
    emulator.feed(b"a" + data + b"Z")
    text = "".join(screen(emulator))
    assert "Z" in text
    assert emulator.errors == 0
    assert 0 <= emulator.cursor_x <= emulator.columns and 0 <= emulator.cursor_y < emulator.lines


def test_overwriting_half_of_a_wide_character_then_rendering() -> None:
    emulator, _ = make(columns=6)
    emulator.feed("中文字".encode() + b"\r\x1b[1C\x1b[4mX\x1b[3C\xe5\xad\x97\x1b[1;2H\x1b[P\x1b[2@\x1b[X")
    for y in range(emulator.lines):
        emulator.line_runs(y)
    emulator.capture(escapes=True)
    emulator.resize(3, 5)
    emulator.capture(escapes=True, join=True)


def test_zero_width_characters_never_drop_text() -> None:
    emulator, _ = make()
    emulator.feed("a\u200bbc\u200d\u200bdef".encode())
    assert screen(emulator)[0] == "a\u200bbc\u200d\u200bdef"
    assert emulator.cursor_x == 6


def test_combining_marks_are_capped_per_cell_and_linear() -> None:
    emulator, _ = make()
    started = time.process_time()
    emulator.feed(b"e" + "\u0301".encode() * 200_000 + b"x")
    assert time.process_time() - started < 2.0
    runs = emulator.line_runs(0)
    text = "".join(run[0] for run in runs)
    assert text.startswith("e\u0301") and text.endswith("x")
    assert len(text.encode()) <= 21 + 1


def test_string_bodies_are_capped_and_never_printed() -> None:
    emulator, _ = make()
    body = b"A" * (STRING_LIMIT + 10_000)
    for chunk in range(0, len(body), 65536):
        emulator.feed(b"\x1b]2;" + body[chunk : chunk + 65536] if chunk == 0 else body[chunk : chunk + 65536])
    emulator.feed(b"\x07ok")
    assert screen(emulator)[0] == "ok"
    assert emulator.title == ""  # over the cap: discarded, not set
    assert sum(len(part) for part in emulator._string_parts) == 0
    for introducer in (b"\x1bP", b"\x1b_", b"\x1b^", b"\x1bX"):
        emulator.feed(introducer + b"hidden text\x1b\\")
    assert "hidden" not in "".join(screen(emulator))


def test_unterminated_osc_buffer_is_bounded() -> None:
    emulator, _ = make()
    emulator.feed(b"\x1b]2;")
    for _ in range(40):
        emulator.feed(b"B" * 65536)
    assert sum(len(part) for part in emulator._string_parts) <= STRING_LIMIT
    emulator.feed(b"\x1b\\after")
    assert screen(emulator)[0] == "after"


@pytest.mark.parametrize("head", [b"\x1b]2;", b"\x1b[", b"\x1b[?", b"\x1bP", b"\x1b ", b"\x1b[1;"])
def test_long_sequences_fed_one_byte_at_a_time_stay_linear(head: bytes) -> None:
    emulator, _ = make()
    started = time.process_time()
    emulator.feed(head)
    for _ in range(20_000):
        emulator.feed(b"1")
    emulator.feed(b"\x07\x1b\\m")
    assert time.process_time() - started < 3.0
    assert len(emulator._pending) <= 64 and sum(map(len, emulator._string_parts)) <= 4096
    emulator.feed(b"\r\nok")
    assert "ok" in screen(emulator)


def test_pane_output_never_changes_geometry() -> None:
    emulator, _ = make(columns=20, lines=5)
    emulator.feed(b"\x1b[?3h\x1b[8;50;200t\x1b[3;0;0t\x1b[?3l\x1b[9;1t")
    assert (emulator.columns, emulator.lines) == (20, 5)


def test_replies_cpr_dsr_da() -> None:
    emulator, replies = make()
    emulator.feed(b"ab\r\ncd\x1b[6n\x1b[5n\x1b[c\x1b[0c\x1b[>c\x1b[1c")
    assert replies == [b"\x1b[2;3R", b"\x1b[0n", b"\x1b[?1;2c", b"\x1b[?1;2c", b"\x1b[>84;0;0c"]


def test_no_reply_echoes_attacker_bytes() -> None:
    emulator, replies = make()
    emulator.feed(b"\x1b]2;\x1b[31mrm -rf ~\r\x07")
    emulator.feed(b"\x1b[21t\x1b[20t\x1b[14t\x1b[22;0t\x1b[23;0t")
    emulator.feed(b"\x1bP$qm\x1b\\\x1bP$q\x1b[31m\x1b\\")
    emulator.feed(b"\x1b[1;1;1;1;5;5$w\x1b[2*y")
    emulator.feed(b"\x1b]52;c;?\x07\x1b]10;?\x07\x1b]11;?\x1b\\\x1b]4;1;?\x07")
    emulator.feed(b"\x1b[?1$p\x1b[?6n")
    assert replies == []


def test_fixed_replies_tmux_also_gives() -> None:
    """tmux 3.3a answers CSI 18 t (size) and CSI > q (its version); neither carries pane bytes."""
    emulator, replies = make(columns=20, lines=5)
    emulator.feed(b"\x1b[18t\x1b[>q\x1b[>1q")
    assert replies[0] == b"\x1b[8;5;20t"
    assert replies[1].startswith(b"\x1bP>|tmuxpy ") and replies[1].endswith(b"\x1b\\")
    assert len(replies) == 2


def test_an_internal_error_is_counted_and_parsing_goes_on(monkeypatch) -> None:
    emulator, _ = make()

    def broken(self, values):
        raise RuntimeError("bug")

    monkeypatch.setitem(csi.HANDLERS, "L", broken)
    monkeypatch.setattr(csi, "CACHE", {})
    emulator.feed(b"\x1b[2Lbefore")
    emulator.feed(b"\r\nafter")
    assert emulator.errors == 1
    assert "after" in screen(emulator)


def test_a_failing_reply_callback_does_not_break_parsing() -> None:
    def broken(data: bytes) -> None:
        raise OSError("pty closed")

    emulator = Emulator(10, 3, on_reply=broken)
    emulator.feed(b"\x1b[6nafter")
    assert screen(emulator)[0] == "after"


def test_titles_and_cwd_are_sanitised() -> None:
    emulator, _ = make()
    emulator.feed(b"\x1b]0;a\x1b[31mb\x07")
    assert emulator.title == "a"  # the ESC ends the OSC, as in tmux
    emulator.feed("\x1b]2;x\u202eevil\u2066\x85y\rz\x07".encode())
    assert emulator.title == "xevilyz"
    emulator.feed(b"\x1b]2;" + b"t" * 5000 + b"\x07")
    assert emulator.title == "t" * sanitize.MAX_LENGTH
    emulator.feed(b"\x1b]7;file://host/home/u\x00ser\x1b\\")
    assert emulator.cwd == "file://host/home/user"
    emulator.feed(b"\x1b]2;caf\xc3\xa9 \xff\x07")
    assert emulator.title == "café "


# ----------------------------------------------------------------- interface


def test_utf8_split_across_feeds() -> None:
    emulator, _ = make()
    data = "é中😀".encode()
    for byte in data:
        emulator.feed(bytes([byte]))
    assert screen(emulator)[0] == "é中😀"
    assert emulator.cursor_x == 5


def test_modes() -> None:
    emulator, _ = make()
    assert emulator.modes() == {
        "app_cursor": False, "app_keypad": False, "bracketed_paste": False, "mouse": 0,
        "mouse_encoding": "x10", "focus_events": False, "sync_output": False,
        "cursor_visible": True, "cursor_shape": 0, "alternate_on": False,
    }
    emulator.feed(b"\x1b[?1h\x1b=\x1b[?2004h\x1b[?1002h\x1b[?1006h\x1b[?1004h\x1b[?2026h\x1b[?25l\x1b[5 q\x1b[?1049h")
    assert emulator.modes() == {
        "app_cursor": True, "app_keypad": True, "bracketed_paste": True, "mouse": 1002,
        "mouse_encoding": "sgr", "focus_events": True, "sync_output": True,
        "cursor_visible": False, "cursor_shape": 5, "alternate_on": True,
    }
    emulator.feed(b"\x1b[?1006l\x1b[?1015h\x1b[?1000h")
    assert emulator.modes()["mouse_encoding"] == "urxvt" and emulator.modes()["mouse"] == 1000
    emulator.feed(b"\x1b[?1000l\x1b>\x1b[?1l")
    modes = emulator.modes()
    assert (modes["mouse"], modes["app_keypad"], modes["app_cursor"]) == (0, False, False)


def test_take_dirty() -> None:
    emulator, _ = make()
    assert emulator.take_dirty() == set(range(5))
    assert emulator.take_dirty() == set()
    emulator.feed(b"\x1b[3;1Hx\x1b[5;1Hy")
    assert emulator.take_dirty() == {2, 4}
    emulator.feed(b"\x1b[?1049h")
    assert emulator.take_dirty() == set(range(5))
    emulator.resize(10, 3)
    assert emulator.take_dirty() == {0, 1, 2}
    emulator.feed(b"\x1b[2J")
    assert emulator.take_dirty() == {0, 1, 2}


def test_line_runs_styles_and_wide_characters() -> None:
    emulator, _ = make()
    emulator.feed(b"\x1b[1;31mab\x1b[0;44m\xe4\xb8\xadc\x1b[0m d\x1b[38;2;1;2;3;4;9mT")
    assert emulator.line_runs(0) == [
        ["ab", 1, style.DEFAULT, style.BOLD],
        ["中c", style.DEFAULT, 4, 0],
        [" d", style.DEFAULT, style.DEFAULT, 0],
        ["T", style.rgb(1, 2, 3), style.DEFAULT, style.UNDERLINE | style.STRIKE],
    ]
    assert emulator.cursor_x == 8
    assert emulator.line_runs(1) == []


def test_all_sgr_attributes_and_colours() -> None:
    emulator, _ = make(columns=40)
    emulator.feed(b"\x1b[1;2;3;4;5;7;8;9;91;102mA\x1b[22;23;24;25;27;28;29;39;49mB\x1b[38;5;200;48;5;17mC")
    runs = emulator.line_runs(0)
    everything = style.BOLD | style.DIM | style.ITALIC | style.UNDERLINE | style.BLINK | style.REVERSE
    assert runs[0] == ["A", 9, 10, everything | style.HIDDEN | style.STRIKE]
    assert runs[1] == ["B", style.DEFAULT, style.DEFAULT, 0]
    assert runs[2] == ["C", 200, 17, 0]


def test_dec_line_drawing() -> None:
    """Clients get the glyphs; capture-pane prints the ASCII, with SO/SI under -e, as tmux."""
    emulator, _ = make()
    emulator.feed(b"\x1b(0lqqk\x1b(Bq\x0e\x1b)0x\x0fx")
    assert "".join(run[0] for run in emulator.line_runs(0)) == "┌──┐q│x"
    assert emulator.line_runs(0)[0][3] == style.CHARSET
    assert screen(emulator)[0] == "lqqkqxx"
    assert emulator.capture(0, 0, escapes=True) == ["\x0elqqk\x0fq\x0ex\x0fx"]


def test_erase_uses_background_colour() -> None:
    emulator, _ = make(columns=6, lines=2)
    emulator.feed(b"ab\x1b[44m\x1b[K")
    assert emulator.line_runs(0) == [["ab", style.DEFAULT, style.DEFAULT, 0], ["    ", style.DEFAULT, 4, 0]]


def test_history_limit_and_runs() -> None:
    emulator, _ = make(columns=10, lines=3, history_limit=50)
    emulator.feed(b"".join(b"\x1b[32mline%d\x1b[0m\r\n" % index for index in range(400)))
    assert 45 <= emulator.history_size <= 50
    newest = emulator.history_runs(emulator.history_size - 1, emulator.history_size)
    assert newest == [[["line397", 2, style.DEFAULT, 0]]]
    emulator.history_limit = 10
    assert emulator.history_size == 10
    assert emulator.history_runs(0, 1) == [[["line388", 2, style.DEFAULT, 0]]]
    emulator.history_limit = 0
    emulator.feed(b"more\r\n" * 5)
    assert emulator.history_size == 0


def test_scrollback_survives_compression_blocks() -> None:
    emulator, _ = make(columns=30, lines=4, history_limit=5000)
    lines = [b"\x1b[3%dmrow %d\x1b[0m tail" % (index % 8, index) for index in range(3000)]
    emulator.feed(b"\r\n".join(lines) + b"\r\n")
    assert emulator.history_size == 3000 - 3
    assert emulator.capture(-emulator.history_size, -emulator.history_size)[0] == "row 0 tail"
    assert emulator.history_runs(1234, 1235) == [[["row 1234", 1234 % 8, style.DEFAULT, 0],
                                                  [" tail", style.DEFAULT, style.DEFAULT, 0]]]


def test_fast_path_and_slow_path_agree() -> None:
    """The same lines fed whole (fast path) and with a cursor move between (slow path) match."""
    body = b"".join(b"\x1b[1;3%dm%s\x1b[0;44m %d\x1b[0m\r\n" % (i % 8, b"w" * (i % 37), i) for i in range(300))
    fast, _ = make(columns=25, lines=6, history_limit=1000)
    fast.feed(body)
    slow, _ = make(columns=25, lines=6, history_limit=1000)
    for line in body.split(b"\r\n")[:-1]:
        slow.feed(line + b"\r\x1b[C\x1b[D\n")
    assert fast.capture(-fast.history_size, escapes=True) == slow.capture(-slow.history_size, escapes=True)
    assert fast.history_runs(0, fast.history_size) == slow.history_runs(0, slow.history_size)
    assert [fast.line_runs(y) for y in range(6)] == [slow.line_runs(y) for y in range(6)]
    assert [fast.line_wrapped(y) for y in range(6)] == [slow.line_wrapped(y) for y in range(6)]


def test_capture_join_and_trailing() -> None:
    emulator, _ = make(columns=10, lines=4)
    emulator.feed(b"0123456789abc  \r\nshort   ")
    assert emulator.capture() == ["0123456789", "abc", "short", ""]
    assert emulator.capture(0, 2, join=True) == ["0123456789abc  ", "short   "]
    assert emulator.capture(1, 1, keep_trailing=True) == ["abc  "]
    assert emulator.line_wrapped(0) and not emulator.line_wrapped(1)


def test_capture_ranges_with_history() -> None:
    emulator, _ = make(columns=10, lines=2)
    emulator.feed(b"a\r\nb\r\nc\r\nd")
    assert emulator.history_size == 2
    assert emulator.capture(-2) == ["a", "b", "c", "d"]
    assert emulator.capture(-1, -1) == ["b"]
    assert emulator.capture(-99, 99) == ["a", "b", "c", "d"]


def test_capture_escapes_carry_style_across_lines() -> None:
    """As tmux 3.3a's capture-pane -e prints it (checked against the real thing)."""
    emulator, _ = make(columns=10, lines=3)
    emulator.feed(b"\x1b[1;31mab\r\ncd\x1b[0m\r\n\x1b[4;38;2;1;2;3mx")
    assert emulator.capture(escapes=True) == [
        "\x1b[1m\x1b[31mab", "cd", "\x1b[0;4m\x1b[38;2;1;2;3m\x1b[49mx",
    ]


def test_resize_keeps_cursor_line_and_takes_history_back() -> None:
    emulator, _ = make(columns=10, lines=5)
    emulator.feed(b"1\r\n2\r\n3\r\n4\r\n5")
    emulator.resize(4, 3)
    assert (emulator.columns, emulator.lines) == (4, 3)
    assert screen(emulator) == ["3", "4", "5"]
    assert emulator.capture(-2, -1) == ["1", "2"]
    assert (emulator.cursor_x, emulator.cursor_y) == (1, 2)
    emulator.resize(12, 6)  # as tmux: the lines the shrink pushed out come back
    assert screen(emulator) == ["1", "2", "3", "4", "5", ""]
    assert emulator.history_size == 0 and emulator.cursor_y == 4
    emulator.feed(b"\x1b[H" + b"x" * 12)
    assert screen(emulator)[0] == "x" * 12


def test_alternate_screen_keeps_primary_and_history() -> None:
    emulator, _ = make(columns=10, lines=3)
    emulator.feed(b"one\r\ntwo\x1b[?1049h\x1b[Halt\r\n\r\n\r\n\r\nmore")
    assert emulator.alternate_on and emulator.history_size == 0
    emulator.feed(b"\x1b[?1049l")
    assert screen(emulator) == ["one", "two", ""]
    assert (emulator.cursor_x, emulator.cursor_y) == (3, 1)


def test_csi_21t_after_a_hostile_title_produces_no_reply() -> None:
    emulator, replies = make()
    emulator.feed(b"\x1b]2;;echo pwned\r\n\x07\x1b]1;icon\x07\x1b[21t\x1b[20t")
    assert emulator.title == ";echo pwned"
    assert replies == []
