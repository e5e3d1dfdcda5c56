"""The attached client: keystroke-to-screen latency, full redraw, attach time.

- Keystroke echo: ``tmuxpy attach`` (and ``tmux attach``) run in a PTY of
  their own; a key is written into that PTY and timed until its echo (through
  the pane's ``cat`` and the daemon) comes out of the client. p50 and p99 over
  200 keys (50 with ``--quick``), the next key only after the echo.
- Full redraw: in this process, a TmuxApp attached (headless) to a 200x50
  window gets PaneUpdates with every line changed (200 cells each); timed
  from the update's arrival to the end of Textual's screen
  update. With 8 and with 40 style runs per line (PERFORMANCE.md: Textual's
  full repaint costs 4.8 / 10.8 ms at 8 / 40 runs). No tmux figure: tmux's
  client only relays bytes.
- Attach: 4 panes, each with 10,000 lines of scrollback; from starting the
  attach command in a PTY to the first frame showing all four panes.
"""

from __future__ import annotations

import asyncio
import os
import re
import select
import sys
import time

import ptyprocess

from harness import figure, percentile, servers

ESCAPES = re.compile(rb"\x1b(\[[0-9;?<=>]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78DEHMc])")
#: Letters that no status line here contains (no "cat", no month names): an echo is unambiguous.
LETTERS = b"qzxwkjy"
COLUMNS, LINES = 100, 30


def _visible(data: bytes) -> bytes:
    return ESCAPES.sub(b"", data)


def _read_until(fd: int, predicate, timeout: float) -> bytes:
    """Read the PTY until ``predicate(text so far)``; TimeoutError after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    seen = b""
    while not predicate(seen):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no match within {timeout:g} s; last output {_visible(seen)[-200:]!r}")
        if select.select([fd], [], [], remaining)[0]:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                raise TimeoutError("the client exited") from None
    return seen


def _drain(fd: int) -> None:
    while select.select([fd], [], [], 0)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def _spawn(argv: list[str], env: dict | None) -> ptyprocess.PtyProcess:
    env = dict(env or os.environ, TERM="xterm-256color", COLORTERM="truecolor")
    return ptyprocess.PtyProcess.spawn(argv, env=env, dimensions=(LINES, COLUMNS))


def _stop(process: ptyprocess.PtyProcess) -> None:
    if process.isalive():
        process.terminate(force=True)


def echo_latency(server, keys: int) -> list[float]:
    server.cmd("new", "-d", "-s", "echo", "-x", str(COLUMNS), "-y", str(LINES - 1), "cat")
    client = _spawn(server.argv("attach", "-t", "echo"), server.env)
    try:
        _read_until(client.fd, lambda text: b"[echo]" in _visible(text), 30)
        samples = []
        for index in range(keys):
            letter = LETTERS[index % len(LETTERS) : index % len(LETTERS) + 1]
            _drain(client.fd)
            started = time.perf_counter()
            os.write(client.fd, letter)
            _read_until(client.fd, lambda text: letter in _visible(text), 5)
            samples.append(time.perf_counter() - started)
        return samples
    finally:
        _stop(client)


def attach_time(server, history: int) -> float:
    marker = "printf 'pane%d-ready\\n'"
    command = f"seq 1 {history}; {marker}; exec sleep 600"
    server.cmd("new", "-d", "-s", "big", "-x", str(COLUMNS), "-y", str(LINES - 1), command % 0)
    for number in (1, 2, 3):
        server.cmd("split-window", "-t", "big", command % number)
        server.cmd("select-layout", "-t", "big", "tiled")
    deadline = time.monotonic() + 60
    while any(f"pane{n}-ready" not in server.cmd("capture-pane", "-p", "-t", f"big:.{n}") for n in range(4)):
        if time.monotonic() > deadline:
            raise TimeoutError("panes did not fill their history")
        time.sleep(0.05)  # polling another process's output; nothing to wait on
    started = time.perf_counter()
    client = _spawn(server.argv("attach", "-t", "big"), server.env)
    try:
        _read_until(client.fd, lambda text: all(f"pane{n}-ready".encode() in _visible(text) for n in range(4)), 30)
        return time.perf_counter() - started
    finally:
        _stop(client)


def full_redraw(server, frames: int, runs_per_line: int) -> list[float]:
    """Client-side time of full 200x50 frames (see the module docstring)."""
    from tmux_py import protocol
    from tmux_py.client.app import TmuxApp

    server.cmd("new", "-d", "-s", f"wide{runs_per_line}", "-x", "200", "-y", "50", "sleep 600")
    session = server.cmd("display-message", "-p", "-t", f"wide{runs_per_line}", "#{session_id}").strip()
    app = TmuxApp(str(server.socket), session)
    samples: list[float] = []

    async def main() -> None:
        async with app.run_test(size=(200, 51)) as pilot:
            deadline = time.monotonic() + 30
            while app.layout is None or app.window_view.active_view() is None:
                if time.monotonic() > deadline:
                    raise TimeoutError("no layout")
                await asyncio.sleep(0.01)
            await pilot.pause()
            pane = app.window_view.active
            pending: list[float] = []
            display = app._display

            def timed_display(screen, renderable) -> None:
                display(screen, renderable)
                if pending:
                    samples.append(time.perf_counter() - pending.pop())

            app._display = timed_display
            for frame in range(frames):
                lines = []
                for y in range(50):
                    width = 200 // runs_per_line
                    runs = [[f"{(frame + y + run) % 10}" * width, (frame + run) % 16,
                             (y + run) % 8 if run % 2 else -1, run % 4] for run in range(runs_per_line)]
                    lines.append([y, runs])
                update = protocol.PaneUpdate(pane=pane, lines=lines, cursor=[0, 0], full=False)
                count = len(samples)
                pending.append(time.perf_counter())
                app.on_daemon_event(update)
                while len(samples) == count:
                    await asyncio.sleep(0.001)
                await asyncio.sleep(0.02)  # the next frame after Textual's frame interval, as a program would

    asyncio.run(main())
    return samples


def run(quick: bool) -> list[dict]:
    keys = 50 if quick else 200
    history = 2000 if quick else 10_000
    latency = {}
    attach = {}
    with servers() as (tmuxpy, tmux):
        for name, server in (("tmuxpy", tmuxpy), ("tmux", tmux)):
            latency[name] = echo_latency(server, keys)
            attach[name] = attach_time(server, history)
        frames = 10 if quick else 40
        redraw = {runs: full_redraw(tmuxpy, frames, runs) for runs in (8, 40)}
    ms = lambda seconds: round(seconds * 1000, 2)  # noqa: E731
    note = f"{keys} keys, next key after the echo"
    return [
        figure("keystroke echo latency p50", "ms", ms(percentile(latency["tmuxpy"], 0.5)),
               ms(percentile(latency["tmux"], 0.5)), "<= 5", note),
        figure("keystroke echo latency p99", "ms", ms(percentile(latency["tmuxpy"], 0.99)),
               ms(percentile(latency["tmux"], 0.99)), "<= 16", note),
        *(figure(f"full redraw 200x50, {runs} runs/line (client) p50", "ms", ms(percentile(samples, 0.5)), None,
                 "<= 16", f"{len(samples)} frames; update arrival to screen written")
          for runs, samples in redraw.items()),
        figure("attach time, 4 panes", "ms", ms(attach["tmuxpy"]), ms(attach["tmux"]), "",
               f"{history} lines of scrollback per pane; to the first frame with all panes"),
    ]


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from harness import table

    print(table(run("--quick" in sys.argv)))
