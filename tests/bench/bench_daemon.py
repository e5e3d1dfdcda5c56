"""The daemon at rest and at scale: idle cost, and 100 sessions."""

from __future__ import annotations

import sys
import time

from harness import cpu_seconds, figure, rss_bytes, servers


def _idle(server, sessions: int, seconds: float) -> tuple[float, float]:
    """(RSS MiB, CPU % of one core) of a server holding ``sessions`` idle sessions."""
    for number in range(sessions):
        server.cmd("new", "-d", "-s", f"idle{number}", "sleep 600")
    pid = server.pid()
    cpu_before, started = cpu_seconds(pid), time.monotonic()
    time.sleep(seconds)  # measuring idleness: nothing to wait for but time itself
    cpu = (cpu_seconds(pid) - cpu_before) / (time.monotonic() - started) * 100
    return round(rss_bytes(pid) / 2**20, 1), round(cpu, 2)


def _per_pane(server, panes: int) -> float:
    pid = server.pid()
    before = rss_bytes(pid)
    for _ in range(panes):
        server.cmd("split-window", "-t", "idle0", "-d", "sleep 600")
        server.cmd("select-layout", "-t", "idle0", "tiled", check=False)
    return round((rss_bytes(pid) - before) / panes / 1024, 1)


def _scale(server, count: int) -> tuple[float, float]:
    started = time.perf_counter()
    for number in range(count):
        server.cmd("new", "-d", "-s", f"s{number}", "sleep 600")
    create = time.perf_counter() - started
    started = time.perf_counter()
    listed = server.cmd("ls")
    ls = time.perf_counter() - started
    assert len(listed.splitlines()) >= count
    return round(create, 2), round(ls * 1000, 1)


def run(quick: bool) -> list[dict]:
    seconds = 3 if quick else 10
    results = {}
    for name in ("tmuxpy", "tmux"):
        with servers() as pair:
            server = pair[0] if name == "tmuxpy" else pair[1]
            rss, cpu = _idle(server, 20, seconds)
            per_pane = _per_pane(server, 5 if quick else 10)
        with servers() as pair:
            server = pair[0] if name == "tmuxpy" else pair[1]
            create, ls = _scale(server, 30 if quick else 100)
        results[name] = (rss, cpu, per_pane, create, ls)
    ours, theirs = results["tmuxpy"], results["tmux"]
    count = 30 if quick else 100
    return [
        figure("daemon RSS, 20 idle sessions", "MiB", ours[0], theirs[0]),
        figure(f"daemon CPU at rest over {seconds} s, 20 idle sessions", "% core", ours[1], theirs[1]),
        figure("RSS per extra idle pane", "KiB", ours[2], theirs[2]),
        figure(f"create {count} sessions (one CLI call each)", "s", ours[3], theirs[3]),
        figure(f"ls with {count} sessions", "ms", ours[4], theirs[4]),
    ]


if __name__ == "__main__":
    from run import main

    sys.exit(main(["--only", "daemon", *sys.argv[1:]]))
