"""History storage (server/scrollback.py): cold blocks, compressed later, read the same."""

from __future__ import annotations

from tmux_py.server.scrollback import BLOCK, Scrollback


def _records(count: int) -> list[tuple]:
    return [(f"line {number}", (len(f"line {number}"), number % 8, 0, 0), False) for number in range(count)]


def test_lines_read_the_same_before_and_after_compression() -> None:
    history = Scrollback(limit=10 * BLOCK)
    records = _records(5 * BLOCK + 17)
    history.extend(records[: 2 * BLOCK])
    for record in records[2 * BLOCK :]:
        history.append(record)
    assert history.cold == 4, "lines that scroll off are not compressed at once"
    before = history.lines(0, len(history))
    assert before == records
    history.compress(3)
    assert history.cold == 1
    history.compress(10)
    assert history.cold == 0
    assert history.lines(0, len(history)) == records
    assert history.lines(BLOCK - 3, BLOCK + 3) == records[BLOCK - 3 : BLOCK + 3]


def test_dropping_and_taking_back_lines_keeps_the_count_of_cold_blocks() -> None:
    history = Scrollback(limit=3 * BLOCK)
    records = _records(6 * BLOCK)
    for record in records:
        history.append(record)
    assert len(history) <= 3 * BLOCK
    assert history.lines(0, len(history)) == records[-len(history) :]
    history.compress(1)
    while history.pop_newest() is not None:
        pass
    assert len(history) == 0 and history.cold == 0
