"""What the emulator tells its pane's window: BELs (monitor-bell) and screen's
``ESC k name ST`` window names (allow-rename), taken once each after a feed."""

from __future__ import annotations

import pytest

from tmux_py.server import sanitize
from tmux_py.server.emulator import STRING_LIMIT, Emulator


def screen(emulator: Emulator) -> list[str]:
    return [line.rstrip() for line in emulator.capture()]


def test_bels_outside_strings_are_counted_and_taken_once() -> None:
    emulator = Emulator(20, 3)
    emulator.feed(b"a\x07b\x07\x07")
    assert emulator.take_bells() == 3
    assert emulator.take_bells() == 0
    # A BEL ending an OSC is its terminator, not a bell; one inside a CSI still rings (tmux).
    emulator.feed(b"\x1b]0;title\x07\x1b[\x071m")
    assert (emulator.take_bells(), emulator.title) == (1, "title")
    assert screen(emulator)[0] == "ab"


@pytest.mark.parametrize("terminator", [b"\x1b\\", b"\x07"])
def test_esc_k_names_the_window_and_prints_nothing(terminator: bytes) -> None:
    emulator = Emulator(20, 3)
    emulator.feed(b"x\x1bknew name" + terminator + b"y")
    assert emulator.take_rename() == "new name"
    assert emulator.take_rename() is None
    assert screen(emulator)[0] == "xy"
    assert emulator.take_bells() == 0


def test_esc_k_split_across_feeds_and_the_last_one_wins() -> None:
    emulator = Emulator(20, 3)
    for piece in (b"\x1bk", b"fir", b"st\x1b", b"\\\x1bksec", b"ond\x1b\\"):
        emulator.feed(piece)
    assert emulator.take_rename() == "second"


def test_an_empty_esc_k_asks_for_automatic_naming() -> None:
    emulator = Emulator(20, 3)
    emulator.feed(b"\x1bk\x1b\\")
    assert emulator.take_rename() == ""


@pytest.mark.parametrize("garbage, name", [
    (b"\x1bkab\x18cd", None),  # CAN aborts the string: no name, the rest is text
    (b"\x1bkab\x1acd", None),  # SUB likewise
    (b"\x1bk" + b"n" * (STRING_LIMIT + 10) + b"\x1b\\cd", None),  # over the limit: dropped
    # Invalid UTF-8 is decoded away before parsing, leaving an empty name (tmux ignores the
    # whole name instead).
    (b"\x1bk\xff\xfe\x80\x1b\\cd", ""),
])
def test_garbage_in_esc_k_names_nothing_and_never_breaks(garbage: bytes, name: str | None) -> None:
    emulator = Emulator(20, 3)
    emulator.feed(garbage)
    assert emulator.errors == 0
    assert emulator.take_rename() == name
    assert screen(emulator)[0] == "cd"


def test_esc_k_names_are_sanitised() -> None:
    emulator = Emulator(20, 3)
    emulator.feed(b"\x1bkev\xc2\x9bil\xe2\x80\xaex" + b"y" * 1000 + b"\x1b\\")
    assert emulator.take_rename() == ("evilx" + "y" * 1000)[:sanitize.MAX_LENGTH]
