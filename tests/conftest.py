"""Fixtures shared by every test: a real daemon in a private directory, and polling.

Every daemon a test starts lives under the test's own temporary directory
(socket, logs, config) and is stopped by the fixture that started it, by pid:
``kill-server`` first, then SIGKILL for the daemon and for any process still
carrying the daemon's ``$TMUXPY`` in its environment, so nothing outlives a test.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CONFORMANCE = Path(__file__).resolve().parent / "conformance"


def wait_until(predicate: Callable[[], object], timeout: float = 10.0, message: str = "condition",
               interval: float = 0.02):
    """Poll ``predicate`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {message}")
        time.sleep(interval)


def wait_for_exit(pid: int, timeout: float) -> bool:
    """Block (on a pidfd, not a timer) until ``pid`` has ended; False on timeout."""
    try:
        pidfd = os.pidfd_open(pid)
    except ProcessLookupError:
        return True
    try:
        return bool(select.select([pidfd], [], [], timeout)[0])
    finally:
        os.close(pidfd)


def processes_with_env(needle: bytes) -> list[int]:
    """Pids of processes whose environment contains ``needle`` (a daemon's panes)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/environ", "rb") as environ:
                if needle in environ.read():
                    found.append(int(entry))
        except OSError:
            continue
    return found


def isolated_env(root: Path) -> dict[str, str]:
    # LINES and COLUMNS (pytest-xdist's workers set them) would size every terminal program,
    # the attached client in a real terminal too, whatever its tty says.
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("TMUXPY") and key not in ("LINES", "COLUMNS")}
    env.update(
        TMUXPY_RUNTIME_DIR=str(root / "run"),
        TMUXPY_LOG_DIR=str(root / "log"),
        TMUXPY_STATE_DIR=str(root / "state"),
        TMUXPY_CONFIG_DIR=str(root / "config"),
        TMUXPY_KILL_GRACE="2",
        SHELL="/bin/sh",
        # The checkout, then this interpreter's packages: enough for a CLI run without site
        # (Daemon.command), whose .pth files are not read.
        PYTHONPATH=os.pathsep.join(dict.fromkeys([str(REPO), *(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))])),
    )
    return env


@dataclass
class Daemon:
    """A tmuxpy daemon on a private socket, driven through the real CLI."""

    root: Path
    socket: Path
    env: dict[str, str]
    extra_pids: list[int] = field(default_factory=list)
    #: CLI calls still running (background()): stopped and reaped with the daemon.
    background_calls: list[subprocess.Popen] = field(default_factory=list)

    def command(self, *args: str) -> list[str]:
        """The CLI's argv. Python's -S (before -m; tmuxpy's -S follows): site's .pth files are
        not read (this sandbox's cost each CLI call ~25 ms, thousands of calls a suite); the
        environment's PYTHONPATH has the checkout and the packages (:func:`isolated_env`)."""
        return [sys.executable, "-S", "-m", "tmux_py", "-S", str(self.socket), *args]

    def cli(self, *args: str, check: bool = False, timeout: float = 30, **kwargs) -> subprocess.CompletedProcess:
        result = subprocess.run(
            self.command(*args), env=self.env, capture_output=True, text=True, timeout=timeout,
            stdin=subprocess.DEVNULL, **kwargs,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"tmuxpy {' '.join(args)} failed ({result.returncode}): {result.stderr}")
        return result

    def background(self, *args: str) -> subprocess.Popen:
        """A CLI call that ends later (display-popup waits for its box to go), for its exit
        status (no pipes to leave open); the fixture waits for it, then kills it, with the daemon."""
        process = subprocess.Popen(self.command(*args), env=self.env, stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.background_calls.append(process)
        return process

    def out(self, *args: str) -> str:
        """stdout of a command that must succeed."""
        return self.cli(*args, check=True).stdout

    def capture(self, target: str, *flags: str) -> str:
        return self.out("capture-pane", "-p", "-t", target, *flags)

    def wait_for_text(self, target: str, text: str, timeout: float = 10) -> str:
        return wait_until(lambda: text in (screen := self.capture(target)) and screen, timeout,
                          f"{text!r} in pane {target}")

    @property
    def pid_file(self) -> Path:
        return self.socket.with_name(self.socket.name + ".pid")

    def pid(self) -> int | None:
        try:
            return int(self.pid_file.read_text())
        except (OSError, ValueError):
            return None

    def stop(self) -> None:
        pid = self.pid()
        if self.socket.exists():
            try:
                self.cli("kill-server", timeout=20)
            except subprocess.TimeoutExpired:
                pass
        for victim in [pid, *self.extra_pids]:
            if victim and not wait_for_exit(victim, 10):
                os.kill(victim, signal.SIGKILL)
        for call in self.background_calls:  # the daemon gone, a waiting CLI ends at once
            try:
                call.wait(10)
            except subprocess.TimeoutExpired:
                call.kill()
                call.wait()
        for leftover in processes_with_env(f"TMUXPY={self.socket},".encode()):
            try:
                os.kill(leftover, signal.SIGKILL)
            except OSError:
                pass


def make_daemon(root: Path, name: str = "s") -> Daemon:
    root.mkdir(parents=True, exist_ok=True)
    return Daemon(root=root, socket=root / name, env=isolated_env(root))


@pytest.fixture
def short_tmp():
    """A private temporary directory with a short path (Unix socket paths max out at 107 bytes)."""
    path = Path(tempfile.mkdtemp(prefix="tmuxpy-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def daemon(short_tmp: Path):
    """A daemon handle on a private socket (the daemon starts on the first `new`)."""
    handle = make_daemon(short_tmp)
    yield handle
    handle.stop()
