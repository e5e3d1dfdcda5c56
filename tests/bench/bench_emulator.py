"""Emulator benchmark: parse speed and scrollback size, tmuxpy against tmux and stock pyte.

    python tests/bench/bench_emulator.py [--quick]

Figures (each measured for tmux in the same run, on the same bytes):

- line-oriented coloured output (10 MB; 2 MB with --quick) through the
  emulator and its scrollback, MB/s. tmux: the bytes ``cat``-ed into a
  detached 80x24 pane, measured from creating the pane until the pane
  signals ``wait-for`` (an empty file's run is subtracted). Both sides count
  CPU seconds (the emulator's process time, the tmux server's
  ``/proc/PID/stat`` time): the machines are shared and wall time drifts
  with other load;
- the corpus's full-screen streams (vim, less, top) replayed in a loop, MB/s;
- scrollback bytes per 80-column coloured line, 10,000 lines: tmuxpy by
  tracemalloc (everything the emulator allocated while taking the lines),
  tmux by the server's RSS growth between a pane with no history and a pane
  holding the same 10,000 lines.

Stock pyte is measured on a small sample of each stream for the ratio in the
notes (it cannot take vim's output: it raises on ``CSI > 4;2 m``).
tmux runs on a private socket in a temporary directory and is killed with
``kill-server`` in a ``finally``.
"""

from __future__ import annotations

import gc
import os
import random
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from harness import Tmux, cpu_seconds, figure, rss_bytes  # noqa: E402

from tmux_py.server.emulator import Emulator  # noqa: E402

CORPUS = Path(__file__).resolve().parents[1] / "conformance"
FULL_SCREEN = ("vim_edit", "vim_quit", "less_search", "top_snapshot")
MB = 1_000_000
CHUNK = 4096  # what one read of a PTY master returns


def coloured_lines(size: int, width: int = 110, seed: int = 1) -> bytes:
    """Log-like lines with 16-colour SGR, about ``width`` columns wide (some wrap at 80)."""
    rnd = random.Random(seed)
    levels = [("\x1b[32m", "INFO "), ("\x1b[33m", "WARN "), ("\x1b[1;31m", "ERROR"), ("\x1b[36m", "DEBUG")]
    words = ("the quick brown fox jumps over lazy dog build compile link test cache module "
             "request response handler session worker").split()
    out: list[str] = []
    total = 0
    index = 0
    while total < size:
        colour, level = rnd.choice(levels)
        head = f"\x1b[2m12:{index // 60 % 60:02d}:{index % 60:02d}\x1b[0m {colour}{level}\x1b[0m \x1b[35m[w{index % 8}]\x1b[0m "
        room = rnd.randint(width // 3, width) - 23
        message = ""
        while len(message) < room:
            message += rnd.choice(words) + " "
        line = head + message[:room].rstrip() + f" #{index}\r\n"
        out.append(line)
        total += len(line)
        index += 1
    return "".join(out).encode()


def full_screen_stream(size: int) -> bytes:
    """The corpus's full-screen recordings, concatenated and repeated up to ``size`` bytes."""
    one = b"".join((CORPUS / f"{name}.raw").read_bytes() + b"\x1b[?1049l\x1bc" for name in FULL_SCREEN)
    return one * max(1, size // len(one))


def emulator_speed(data: bytes, repeat: int = 1) -> float:
    """MB/s of an 80x24 emulator with a 10,000-line history fed ``data`` in 4 KiB reads."""
    best = 0.0
    for _ in range(repeat):
        emulator = Emulator(80, 24, history_limit=10000)
        gc.collect()
        gc.freeze()
        started = time.process_time()
        for index in range(0, len(data), CHUNK):
            emulator.feed(data[index : index + CHUNK])
        elapsed = time.process_time() - started
        gc.unfreeze()
        best = max(best, len(data) / elapsed / MB)
    return best


def pyte_speed(data: bytes) -> float | None:
    """MB/s of stock pyte's HistoryScreen on ``data`` (None if pyte raises on it)."""
    try:
        import pyte
    except ImportError:
        return None
    screen = pyte.HistoryScreen(80, 24, history=10000)
    stream = pyte.ByteStream(screen)
    started = time.process_time()
    try:
        for index in range(0, len(data), CHUNK):
            stream.feed(data[index : index + CHUNK])
    except Exception:  # noqa: BLE001 - stock pyte's known failures are the point
        return None
    return len(data) / (time.process_time() - started) / MB


class TmuxPane(Tmux):
    """A private tmux server; ``cat`` files into new detached panes and time them."""

    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.runs = 0
        self.server_pid = 0

    def cat(self, path: Path, first: bool = False, copies: int = 1) -> float:
        """CPU seconds the server spent from creating a pane until ``cat path`` was parsed.

        CPU time, not wall time: these machines are shared and noisy, and
        the emulator side is timed the same way (``time.process_time``).
        """
        self.runs += 1
        channel = f"done{self.runs}"
        files = " ".join([str(path)] * copies)
        script = f"stty raw -echo; cat {files}; tmux -S {self.socket} wait-for -S {channel}; exec sleep 100000"
        if first:
            self.cmd("new-session", "-d", "-s", "bench", "-x", "80", "-y", "24", script)
            self.cmd("wait-for", channel)
            self.server_pid = self.pid()
            return 0.0
        started = cpu_seconds(self.server_pid)
        self.cmd("new-window", "-d", "-t", "bench:", script)
        self.cmd("wait-for", channel)
        return cpu_seconds(self.server_pid) - started


def tmux_speed(server: TmuxPane, data: bytes, empty: Path, repeat: int = 2) -> float:
    """tmux's MB/s on ``data``, catted enough times (10 MB at least) for CPU ticks to resolve it."""
    path = server.root / f"data{server.runs}"
    path.write_bytes(data)
    copies = max(1, -(-10 * MB // len(data)))
    best = float("inf")
    for _ in range(repeat):
        baseline = server.cat(empty)
        best = min(best, max(0.01, server.cat(path, copies=copies) - baseline))
    server.cmd("kill-window", "-a", "-t", "bench:0")
    return copies * len(data) / best / MB


def tmuxpy_bytes_per_line(data: bytes, lines: int) -> float:
    """Bytes the emulator allocated to hold ``lines`` history lines (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    emulator = Emulator(80, 24, history_limit=lines + 1000)
    before = tracemalloc.get_traced_memory()[0]
    for index in range(0, len(data), CHUNK):
        emulator.feed(data[index : index + CHUNK])
    # What the daemon does once the pane's program rests (pane.py): history at rest is compressed.
    emulator.history.compress(emulator.history.cold)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (after - before) / emulator.history_size


def pyte_bytes_per_line(data: bytes) -> float | None:
    try:
        import pyte
    except ImportError:
        return None
    gc.collect()
    tracemalloc.start()
    screen = pyte.HistoryScreen(80, 24, history=100000)
    stream = pyte.ByteStream(screen)
    before = tracemalloc.get_traced_memory()[0]
    stream.feed(data)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (after - before) / max(1, len(screen.history.top))


def tmux_bytes_per_line(server: TmuxPane, data: bytes, lines: int, empty: Path) -> float:
    path = server.root / "history"
    path.write_bytes(data)
    server.cmd("set-option", "-g", "history-limit", str(lines + 1000))
    pid = server.pid()
    server.cat(empty)
    before = rss_bytes(pid)
    server.cat(path)
    after = rss_bytes(pid)
    return (after - before) / lines


def ratio(ours: float | None, theirs: float | None) -> str:
    if ours is None or theirs is None or not theirs:
        return "n/a"
    return f"{ours / theirs:.2f}x"


def run(quick: bool) -> list[dict]:
    if shutil.which("tmux") is None:
        return [figure("emulator", "", None, None, note="tmux not installed")]
    lines_data = coloured_lines(2 * MB if quick else 10 * MB)
    screens_data = full_screen_stream(MB // 2 if quick else 2 * MB)
    history_lines = 10000
    history_data = _exact_lines(history_lines + 23)  # 23 stay on the screen above the cursor
    figures = []
    root = Path(tempfile.mkdtemp(prefix="tmuxpy-bench-emu-"))
    server = TmuxPane(root)
    try:
        empty = root / "empty"
        empty.write_bytes(b"")
        server.cat(empty, first=True)

        ours = emulator_speed(lines_data, repeat=2 if quick else 3)
        theirs = tmux_speed(server, lines_data, empty)
        pyte = pyte_speed(lines_data[:200_000])
        figures.append(figure(
            "emulator: line-oriented coloured output", "MB/s", round(ours, 2), round(theirs, 2), ">= 10 MB/s",
            f"{len(lines_data) // MB} MB; vs tmux {ratio(ours, theirs)}; vs stock pyte HistoryScreen "
            f"{ratio(ours, pyte)} (pyte {pyte:.3f} MB/s)" if pyte else "pyte n/a"))

        ours = emulator_speed(screens_data, repeat=2 if quick else 3)
        theirs = tmux_speed(server, screens_data, empty)
        sample = b"".join((CORPUS / f"{name}.raw").read_bytes() for name in ("less_search", "top_snapshot")) * 20
        pyte = pyte_speed(sample)
        figures.append(figure(
            "emulator: full-screen corpus streams (vim, less, top)", "MB/s", round(ours, 2), round(theirs, 2),
            ">= 2 MB/s",
            f"{len(screens_data) / MB:.1f} MB; vs tmux {ratio(ours, theirs)}; vs stock pyte {ratio(ours, pyte)} "
            f"(pyte {pyte:.3f} MB/s on less+top; it raises on vim)" if pyte else "pyte n/a"))

        ours = tmuxpy_bytes_per_line(history_data, history_lines)
        theirs = tmux_bytes_per_line(server, history_data, history_lines, empty)
        pyte = pyte_bytes_per_line(_exact_lines(1000 + 23))
        figures.append(figure(
            "scrollback bytes per 80-column coloured line (10,000 lines)", "B/line", round(ours, 1),
            round(theirs, 1), "<= half of tmux",
            f"vs tmux {ratio(ours, theirs)}; stock pyte HistoryScreen {pyte:,.0f} B/line (1,000 lines)"
            if pyte else ""))
    finally:
        server.kill()
        shutil.rmtree(root, ignore_errors=True)
    return figures


def _exact_lines(count: int) -> bytes:
    """``count`` coloured lines of at most 80 columns."""
    rnd = random.Random(3)
    colours = ["31", "32", "33", "34", "35", "36", "1;31", "1;32"]
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu".split()
    out = []
    for index in range(count):
        text = f"{index:6d} " + " ".join(rnd.choice(words) for _ in range(rnd.randint(3, 9)))
        head, tail = text[:20], text[20:78]
        out.append(f"\x1b[{rnd.choice(colours)}m{head}\x1b[0m {tail}\x1b[{rnd.choice(colours)}m.\x1b[0m\r\n")
    return "".join(out).encode()


def main() -> None:
    quick = "--quick" in sys.argv
    started = time.perf_counter()
    rows = run(quick)
    print(f"{'figure':58} {'unit':7} {'tmuxpy':>9} {'tmux':>9}  {'goal':16} note")
    for row in rows:
        ours = "-" if row["tmuxpy"] is None else f"{row['tmuxpy']:g}"
        theirs = "-" if row["tmux"] is None else f"{row['tmux']:g}"
        print(f"{row['name']:58} {row['unit']:7} {ours:>9} {theirs:>9}  {row['goal']:16} {row['note']}")
    print(f"({time.perf_counter() - started:.1f} s{', quick' if quick else ''}; pid {os.getpid()})")


if __name__ == "__main__":
    main()
