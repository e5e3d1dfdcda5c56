"""End to end with real tmux 3.3a as the outer terminal.

tmux (on a private ``-S`` socket, killed in ``finally``) runs a shell; the test
types ``tmuxpy new`` into it with ``send-keys``, splits with ``C-b %``, types in
each pane, detaches, reattaches, and reads the outer screen with
``capture-pane``: both panes' text must sit in the right halves. Then a TUI client
stopped with SIGSTOP during a flood must catch up once continued.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
import sys

import pytest

from conftest import wait_until

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

WIDTH, HEIGHT = 100, 30


class Outer:
    """A tmux server on its own socket: the terminal tmuxpy runs in."""

    def __init__(self, socket: str, env: dict[str, str]) -> None:
        self.socket = socket
        self.env = env

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-S", self.socket, *args], env=self.env, capture_output=True,
                              text=True, timeout=20, check=True).stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "outer", *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "outer")

    def wait(self, predicate, message: str, timeout: float = 15) -> str:
        return wait_until(lambda: predicate(screen := self.screen()) and screen, timeout, message)


def test_split_type_detach_reattach_in_a_real_terminal(daemon):
    env = dict(daemon.env, PS1="$ ", TERM="xterm-256color")
    outer = Outer(str(daemon.root / "outer.sock"), env)
    tmuxpy = f"{sys.executable} -m tmux_py -S {daemon.socket}"
    try:
        outer.tmux("-f", "/dev/null", "new-session", "-d", "-s", "outer", "-x", str(WIDTH), "-y", str(HEIGHT),
                   "/bin/sh")
        outer.keys(f"{tmuxpy} new -s e2e", "Enter")
        outer.wait(lambda s: s.splitlines()[-1].startswith("[e2e] 0:"), "tmuxpy's status line")
        outer.keys("echo left-$((1+1))", "Enter")
        outer.wait(lambda s: "left-2" in s, "typed text in the first pane")
        outer.keys("C-b", "%")
        outer.wait(lambda s: "│" in s, "the border after C-b %")
        outer.keys("echo right-$((2+2))", "Enter")
        outer.wait(lambda s: "right-4" in s, "typed text in the second pane")
        outer.keys("C-b", "d")
        outer.wait(lambda s: "[detached (from session e2e)]" in s, "the detach message")
        outer.keys("clear", "Enter")
        outer.wait(lambda s: "detached" not in s, "a cleared terminal")
        outer.keys(f"{tmuxpy} attach -t e2e", "Enter")
        screen = outer.wait(lambda s: "left-2" in s and "right-4" in s and "│" in s, "both panes after reattach")
        lines = screen.splitlines()
        border = next(line for line in lines if "│" in line).index("│")
        assert 0 < border < WIDTH - 1
        left = next(line for line in lines if line.startswith("left-2"))
        right = next(line for line in lines if "right-4" in line and "echo" not in line)
        assert left.index("left-2") < border < right.index("right-4") == border + 1
        assert lines[-1].startswith("[e2e] 0:"), "the status line is the last line"
        assert len(daemon.out("list-panes", "-t", "e2e").splitlines()) == 2
        # C-b C-z: the client stops (the shell says so), still attached; fg brings it back.
        outer.keys("C-b", "C-z")
        outer.wait(lambda s: "Stopped" in s and not s.splitlines()[-1].startswith("[e2e] 0:"), "the suspended client")
        assert len(daemon.out("list-clients").splitlines()) == 1
        outer.keys("fg", "Enter")
        outer.wait(lambda s: s.splitlines()[-1].startswith("[e2e] 0:") and "right-4" in s, "the client back after fg")
        # lock-client: the terminal is lock-command's until it exits; then the client draws again.
        daemon.out("set", "-g", "lock-command", "echo LOCKED-$((3+3)); read unlock")
        daemon.out("lock-client")
        outer.wait(lambda s: "LOCKED-6" in s and not s.splitlines()[-1].startswith("[e2e] 0:"), "the lock")
        outer.keys("Enter")
        outer.wait(lambda s: s.splitlines()[-1].startswith("[e2e] 0:") and "right-4" in s and "LOCKED" not in s,
                   "the client back after the lock")
        outer.keys("C-b", "d")
        outer.wait(lambda s: "[detached (from session e2e)]" in s, "the second detach")
    finally:
        subprocess.run(["tmux", "-S", outer.socket, "kill-server"], env=env, capture_output=True, timeout=20)


def test_a_stopped_tui_turns_red_then_catches_up_after_sigcont(daemon):
    """Issue 5, proof 3: a TUI client stopped (SIGSTOP) during a flood is marked red by the
    daemon; once continued it shows the pane as it is now and its level is green again."""
    env = dict(daemon.env, TERM="xterm-256color")
    outer = Outer(str(daemon.root / "outer.sock"), env)
    daemon.out("new", "-d", "-s", "flood", "sh", "-c", "trap : INT; read go; seq 999999999; exec sleep 600")
    client_pid = None
    try:
        # Not tmux's own child: tmux sends SIGCONT to a child of its that stops. The
        # command after it keeps sh from exec'ing the client.
        outer.tmux("-f", "/dev/null", "new-session", "-d", "-s", "outer", "-x", str(WIDTH), "-y", str(HEIGHT),
                   f"{sys.executable} -m tmux_py -S {daemon.socket} attach -t flood; exit")
        outer.wait(lambda s: s.splitlines()[-1].startswith("[flood] 0:"), "tmuxpy's status line")
        shell = outer.tmux("display", "-p", "-t", "outer", "#{pane_pid}").strip()
        with open(f"/proc/{shell}/task/{shell}/children") as children:
            client_pid = int(children.read().split()[0])
        os.kill(client_pid, signal.SIGSTOP)
        daemon.out("send-keys", "-t", "flood", "Enter")
        wait_until(lambda: client_level(daemon) == "red", 20, "the stopped client to turn red")
        daemon.out("send-keys", "-t", "flood", "C-c")
        wait_until(lambda: daemon.out("display", "-p", "-t", "flood", "#{pane_current_command}").strip() == "sleep",
                   15, "the flood to end")
        expected = [line.rstrip() for line in daemon.capture("flood").split("\n")[: HEIGHT - 1]]
        os.kill(client_pid, signal.SIGCONT)
        screen = outer.wait(lambda s: [line.rstrip() for line in s.split("\n")[: HEIGHT - 1]] == expected,
                            "the continued client to show the pane as it is now")
        wait_until(lambda: client_level(daemon) == "green", 15, "the continued client to be green again")
        stats = json.loads(daemon.out("server", "status", "--json"))["client_stats"][0]
        assert stats["resyncs"] >= 1, "red dropped the line marks for one full redraw"
        assert stats["bytes_sent"] > 0
        status_line = outer.wait(lambda s: "behind" not in s.splitlines()[-1], "the lag mark to go").splitlines()[-1]
        assert status_line.startswith("[flood] 0:") and any(line.isdigit() for line in screen.splitlines())
    finally:
        if client_pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(client_pid, signal.SIGCONT)
        subprocess.run(["tmux", "-S", outer.socket, "kill-server"], env=env, capture_output=True, timeout=20)


def client_level(daemon) -> str | None:
    clients = json.loads(daemon.out("server", "status", "--json"))["client_stats"]
    return clients[0]["level"] if clients else None
