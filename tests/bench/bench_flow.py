"""Floods (issue 5): a client that stops reading, busy panes, and throughput with a client attached.

tmuxpy's clients here are bare protocol clients (tests/protocol_client.py);
tmux's are real `tmux attach` clients on PTYs of their own. Both sides are
measured the same way: a keystroke's echo is timed until the attached client
receives it, and throughput until a marker printed after the file is drawn.
"""

from __future__ import annotations

import json
import os
import random
import shlex
import signal
import subprocess
import string
import sys
import time

from bench_cli import user_install
from harness import PtyClient, figure, percentile, protocol_client, rss_bytes, servers

MIB = 2**20


def realistic_file(path, size: int) -> None:
    """Coloured `ls -l` lines, some long enough to wrap in 100 columns."""
    rng = random.Random(1)
    colours = ["01;34", "01;32", "00;36", "01;31", "01;35", "00"]
    lines = []
    total = 0
    while total < size:
        name = "".join(rng.choices(string.ascii_lowercase + "_-.", k=rng.choice([8, 20, 40, 90])))
        line = (f"-rw-r--r-- 1 user staff {rng.randint(0, 10**7):>8} Nov 23 09:{rng.randint(0, 59):02d} "
                f"\x1b[{rng.choice(colours)}m{name}\x1b[0m\n")
        lines.append(line)
        total += len(line)
    path.write_text("".join(lines))


#: Keys typed to time an echo: none is in the floods' output (`yes`, base64) nor in tmux's
#: status line (its * ! # window flags, the time's - and :), so the terminal stream of a tmux
#: client (its escape sequences included) cannot show one before its echo arrives.
ECHO_KEYS = "&^{}|`~"


def _echo_tmuxpy(client, pane: str, typed: list[int]) -> float:
    """Type one key into a raw `cat`; seconds until the client shows it."""
    char = ECHO_KEYS[typed[0] % len(ECHO_KEYS)]
    typed[0] += 1
    count = typed[0]
    started = time.perf_counter()
    client.keys(char)
    client.wait_for(lambda: sum(len(line) for line in client.text(pane)) >= count, 10, "echo")
    return time.perf_counter() - started


def _echo_tmux(terminal: PtyClient, typed: list[int]) -> float:
    char = ECHO_KEYS[typed[0] % len(ECHO_KEYS)]
    typed[0] += 1
    started = time.perf_counter()
    terminal.write(char.encode())
    if not terminal.read_until(char.encode(), 10):
        raise RuntimeError("tmux did not echo")
    return time.perf_counter() - started


RAW_CAT = "stty raw -echo; exec cat"


def slow_client(quick: bool) -> list[dict]:
    """A client that never reads, while `yes` floods its pane; another client types; ls runs."""
    seconds = 5 if quick else 20
    flood = f"timeout {seconds} yes; exec sleep 600"
    Client = protocol_client()
    # `ls` as a user runs it: the CLI installed in a clean venv (the editable
    # install of the test setup adds tens of milliseconds of start-up).
    venv = user_install()
    with servers() as (tmuxpy, tmux):
        ls_argv = [str(venv / "tmuxpy"), "-S", str(tmuxpy.socket), "ls"]
        # The floor under the same load: that venv's interpreter starting and doing nothing.
        bare_argv = [str(venv / "python"), "-c", "pass"]
        tmuxpy.cmd("new", "-d", "-s", "flood", "-x", "100", "-y", "30", "sh", "-c", "read go; " + flood)
        tmuxpy.cmd("new", "-d", "-s", "typing", "sh", "-c", RAW_CAT)
        pid = tmuxpy.pid()
        stalled = Client(str(tmuxpy.socket), receive_buffer=4096)
        stalled.attach("flood", 100, 31, wait=False)
        typist = Client(str(tmuxpy.socket))
        typist.attach("typing", 80, 25)
        typing_pane = typist.wait_for(lambda: typist.layout, 10, "layout").panes[0]["id"]
        before = rss_bytes(pid)
        tmuxpy.cmd("send-keys", "-t", "flood", "Enter")
        echo, ls, bare, peak, typed = [], [], [], before, [0]
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            echo.append(_echo_tmuxpy(typist, typing_pane, typed))
            started = time.perf_counter()
            subprocess.run(ls_argv, env=tmuxpy.env, check=True, capture_output=True)
            ls.append(time.perf_counter() - started)
            started = time.perf_counter()
            subprocess.run(bare_argv, env=tmuxpy.env, check=True, capture_output=True)
            bare.append(time.perf_counter() - started)
            peak = max(peak, rss_bytes(pid))
        growth = (peak - before) / MIB
        # Once the flood is over, the stalled client reads again and must catch up.
        while tmuxpy.cmd("display", "-p", "-t", "flood", "#{pane_current_command}").strip() != "sleep":
            time.sleep(0.05)  # polling the flood's end (timeout(1) ends it), not a fixed wait
        flood_pane = tmuxpy.cmd("display", "-p", "-t", "flood", "#{pane_id}").strip()
        expected = tmuxpy.cmd("capture-pane", "-p", "-t", "flood").rstrip("\n").split("\n")
        started = time.perf_counter()
        stalled.wait_for(lambda: stalled.text(flood_pane) == [line.rstrip() for line in expected], 30,
                         "the stalled client to catch up")
        catch_up = time.perf_counter() - started

        tmux.cmd("new", "-d", "-s", "flood", "-x", "100", "-y", "30", "read go; " + flood)
        tmux.cmd("new", "-d", "-s", "typing", RAW_CAT)
        tmux_pid = tmux.pid()
        frozen = PtyClient(tmux.argv("attach", "-t", "flood"), 100, 31)
        terminal = PtyClient(tmux.argv("attach", "-t", "typing"), 80, 25)
        try:
            terminal.read_until(b"typing", 10)
            tmux_before = tmux_peak = rss_bytes(tmux_pid)
            tmux.cmd("send-keys", "-t", "flood", "Enter")
            tmux_echo, tmux_ls, typed = [], [], [0]
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                tmux_echo.append(_echo_tmux(terminal, typed))
                started = time.perf_counter()
                tmux.cmd("ls")
                tmux_ls.append(time.perf_counter() - started)
                tmux_peak = max(tmux_peak, rss_bytes(tmux_pid))
        finally:
            frozen.close()
            terminal.close()
    ms = lambda value: round(value * 1000, 1)  # noqa: E731
    return [
        figure(f"daemon RSS growth, client not reading, {seconds} s of `yes`", "MiB", round(growth, 1),
               round((tmux_peak - tmux_before) / MIB, 1), "< 20 MiB"),
        figure("second client's echo p99 during that flood", "ms", ms(percentile(echo, 0.99)),
               ms(percentile(tmux_echo, 0.99)), "< 50 ms", f"p50 {ms(percentile(echo, 0.5))} ms, {len(echo)} keys"),
        figure("`ls` p99 during that flood", "ms", ms(percentile(ls, 0.99)), ms(percentile(tmux_ls, 0.99)),
               "< 50 ms", f"p50 {ms(percentile(ls, 0.5))} ms; the CLI as installed by pip in a clean venv, "
               f"its start-up included; a bare `python -c pass` beside it: p50 {ms(percentile(bare, 0.5))} / "
               f"p99 {ms(percentile(bare, 0.99))} ms"),
        figure("stalled client matches capture-pane after the flood", "ms", ms(catch_up), None, "< 1000 ms"),
    ]


def busy_panes(quick: bool) -> list[dict]:
    """Four panes of `base64 /dev/urandom`, typing in a fifth, all in one attached window."""
    keys = 50 if quick else 200
    Client = protocol_client()
    results = {}
    with servers() as (tmuxpy, tmux):
        for server, name in ((tmuxpy, "tmuxpy"), (tmux, "tmux")):
            shell = ["sh", "-c"] if name == "tmuxpy" else []
            server.cmd("new", "-d", "-s", "busy", "-x", "120", "-y", "40", *shell, RAW_CAT)
            for _ in range(4):
                server.cmd("split-window", "-d", "-t", "busy", *shell, "base64 /dev/urandom")
                server.cmd("select-layout", "-t", "busy", "tiled")
            typed, samples = [0], []
            if name == "tmuxpy":
                client = Client(str(server.socket))
                client.attach("busy", 120, 41)
                pane = client.wait_for(lambda: client.layout, 10, "layout").panes[0]["id"]
                for _ in range(keys):
                    samples.append(_echo_tmuxpy(client, pane, typed))
                client.close()
            else:
                terminal = PtyClient(server.argv("attach", "-t", "busy"), 120, 41)
                try:
                    # Attached (its status line drawn) before typing: until then the terminal's
                    # own echo answers, in microseconds (tmux's p50 read 0.0 ms that way).
                    if not terminal.read_until(b"[busy]", 10):
                        raise RuntimeError("tmux did not attach")
                    for _ in range(keys):
                        samples.append(_echo_tmux(terminal, typed))
                finally:
                    terminal.close()
            server.cmd("kill-server", check=False)
            results[name] = samples
    return [figure("echo p99, 4 panes of base64 /dev/urandom + typing in a 5th", "ms",
                   round(percentile(results["tmuxpy"], 0.99) * 1000, 1),
                   round(percentile(results["tmux"], 0.99) * 1000, 1), "< 100 ms",
                   f"p50 {round(percentile(results['tmuxpy'], 0.5) * 1000, 1)} ms "
                   f"(tmux {round(percentile(results['tmux'], 0.5) * 1000, 1)} ms), {keys} keys")]


def throughput(quick: bool) -> list[dict]:
    """`cat` of a realistic file in a 100x30 pane with a client attached, until its end is drawn."""
    size = 3 * MIB if quick else 10 * MIB
    Client = protocol_client()
    with servers() as (tmuxpy, tmux):
        path = tmuxpy.root / "ls.txt"
        realistic_file(path, size)
        command = f"read go; cat {path}; printf '\\n__DONE__'; exec sleep 600"
        tmuxpy.cmd("new", "-d", "-s", "cat", "sh", "-c", command)
        client = Client(str(tmuxpy.socket))
        client.attach("cat", 100, 31)
        pane = client.wait_for(lambda: client.layout, 10, "layout").panes[0]["id"]
        started = time.perf_counter()
        tmuxpy.cmd("send-keys", "-t", "cat", "Enter")
        client.wait_for(lambda: any("__DONE__" in line for line in client.text(pane)), 300, "the end of the file")
        ours = time.perf_counter() - started
        client.close()

        tmux.cmd("new", "-d", "-s", "cat", command)
        terminal = PtyClient(tmux.argv("attach", "-t", "cat"), 100, 31)
        try:
            terminal.read_until(b"cat", 10)
            started = time.perf_counter()
            tmux.cmd("send-keys", "-t", "cat", "Enter")
            if not terminal.read_until(b"__DONE__", 300):
                raise RuntimeError("tmux never drew the end of the file")
            theirs = time.perf_counter() - started
        finally:
            terminal.close()
    rate = lambda seconds: round(size / MIB / seconds, 2)  # noqa: E731
    return [figure(f"throughput, `cat` {size // MIB} MiB of coloured ls -l, client attached", "MiB/s",
                   rate(ours), rate(theirs), ">= tmux", "100x30 pane, until the last line is drawn")]


def unwatched_throughput(quick: bool) -> list[dict]:
    """The same `cat` in a detached session, from its start to its end (a `wait-for` after it).

    The price of tmuxpy's rest for floods nobody watches (server/pane.py, UNWATCHED_DUTY)."""
    size = 3 * MIB if quick else 10 * MIB
    seconds = {}
    with servers() as (tmuxpy, tmux):
        path = tmuxpy.root / "ls.txt"
        realistic_file(path, size)
        for name, server, shell in (("tmuxpy", tmuxpy, ["sh", "-c"]), ("tmux", tmux, [])):
            signal_done = shlex.join(server.argv("wait-for", "-S", "done"))
            server.cmd("new", "-d", "-s", "cat", "-x", "100", "-y", "30", *shell,
                       f"read go; cat {path}; {signal_done}; exec sleep 600")
            started = time.perf_counter()
            server.cmd("send-keys", "-t", "cat", "Enter")
            server.cmd("wait-for", "done")
            seconds[name] = time.perf_counter() - started
    rate = lambda name: round(size / MIB / seconds[name], 2)  # noqa: E731
    return [figure(f"throughput, the same `cat` {size // MIB} MiB in a detached session", "MiB/s",
                   rate("tmuxpy"), rate("tmux"),
                   note="a flood nobody watches is emulated half the time (tmux: at full speed)")]


def _outer_screen(outer: list[str], lines: int) -> list[str]:
    screen = subprocess.run([*outer, "capture-pane", "-p", "-t", "outer"], capture_output=True, text=True).stdout
    return [line.rstrip() for line in screen.split("\n")[:lines]]


def _poll(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while not (value := predicate()):
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out waiting for {what}")
        time.sleep(0.005)  # polling a condition, not a fixed wait
    return value


def stopped_client(quick: bool) -> list[dict]:
    """A client in a real terminal (an outer tmux) stopped with SIGSTOP while its pane floods,
    then continued: milliseconds until its screen shows the pane as it is now."""
    stopped_for = 3 if quick else 10
    flood = "trap : INT; read go; seq 999999999; exec sleep 600"
    caught_up = {}
    with servers() as (tmuxpy, tmux):
        outer = ["tmux", "-S", str(tmuxpy.root.parent / "outer.sock"), "-f", "/dev/null"]
        env = {key: value for key, value in tmuxpy.env.items() if key != "TMUX"}
        try:
            for server, name in ((tmuxpy, "tmuxpy"), (tmux, "tmux")):
                server.cmd("new", "-d", "-s", "flood", "-x", "100", "-y", "29",
                           *(["sh", "-c"] if name == "tmuxpy" else []), flood)
                # Under sh, not as tmux's own child: tmux continues a child of its that stops.
                subprocess.run([*outer, "new-session", "-d", "-s", "outer", "-x", "100", "-y", "30",
                                " ".join(server.argv("attach", "-t", "flood")) + "; exit"], env=env, check=True)
                _poll(lambda: _outer_screen(outer, 30)[-1].startswith("[flood]"), 10, "the client's status line")
                shell = subprocess.run([*outer, "display", "-p", "-t", "outer", "#{pane_pid}"],
                                       capture_output=True, text=True).stdout.strip()
                with open(f"/proc/{shell}/task/{shell}/children") as children:
                    client = int(children.read().split()[0])
                os.kill(client, signal.SIGSTOP)
                server.cmd("send-keys", "-t", "flood", "Enter")
                time.sleep(stopped_for)  # the length of the stop is what is measured against, not a sync
                server.cmd("send-keys", "-t", "flood", "C-c")
                _poll(lambda: server.cmd("display", "-p", "-t", "flood", "#{pane_current_command}").strip() == "sleep",
                      30, "the flood to end")
                expected = [line.rstrip() for line in server.cmd("capture-pane", "-p", "-t", "flood").split("\n")[:29]]
                started = time.perf_counter()
                os.kill(client, signal.SIGCONT)
                _poll(lambda: _outer_screen(outer, 29) == expected, 60, f"{name}'s client to catch up")
                caught_up[name] = time.perf_counter() - started
                if name == "tmuxpy":
                    stats = json.loads(server.cmd("server", "status", "--json"))["client_stats"][0]
                    levels = f"{stats['resyncs']} resync (turned red), level now {stats['level']}"
                subprocess.run([*outer, "kill-server"], capture_output=True)
        finally:
            subprocess.run([*outer, "kill-server"], capture_output=True)
    return [figure(f"client stopped {stopped_for} s during a flood: right screen after SIGCONT", "ms",
                   round(caught_up["tmuxpy"] * 1000, 1), round(caught_up["tmux"] * 1000, 1), "< 1000 ms",
                   f"tmuxpy's client: {levels}")]


def run(quick: bool) -> list[dict]:
    return throughput(quick) + unwatched_throughput(quick) + slow_client(quick) + busy_panes(quick) + stopped_client(quick)


if __name__ == "__main__":
    from run import main

    sys.exit(main(["--only", "flow", *sys.argv[1:]]))
