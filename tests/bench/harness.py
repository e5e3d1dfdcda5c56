"""What every benchmark needs: tmux and tmuxpy on private sockets, timing, figures.

Both programs are started in a temporary directory of their own and killed
in a ``finally`` (``kill-server``, then SIGKILL by pid), so a benchmark that
fails leaves nothing running. Figures are plain dicts, the shape ``run.py``
prints: name, unit, tmuxpy, tmux, goal, note.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def figure(name: str, unit: str, tmuxpy: float | None, tmux: float | None, goal: str = "", note: str = "") -> dict:
    return {"name": name, "unit": unit, "tmuxpy": tmuxpy, "tmux": tmux, "goal": goal, "note": note}


def not_built(name: str, why: str) -> dict:
    return figure(name, "", None, None, note=f"not built yet: {why}")


def tmuxpy_command() -> list[str]:
    """The installed console script beside this interpreter (no pyenv shim), else ``-m``."""
    script = Path(sys.executable).parent / "tmuxpy"
    return [str(script)] if script.exists() else [sys.executable, "-m", "tmux_py"]


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def user_env() -> dict:
    """The environment a user's shell has: bytecode is cached (this sandbox turns that off)."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def time_command(argv: list[str], runs: int, env: dict | None = None, warmup: int = 2) -> list[float]:
    """Wall-clock seconds of ``runs`` runs of a command that must succeed (after ``warmup`` untimed)."""
    for _ in range(warmup):
        subprocess.run(argv, env=env, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(argv, env=env, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - started)
    return samples


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Server:
    """One multiplexer on a private socket; ``cmd`` runs its CLI."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.socket = root / "s"

    def cmd(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(self.argv(*args), env=self.env, capture_output=True, text=True, check=False,
                                stdin=subprocess.DEVNULL)
        if check and result.returncode:
            raise RuntimeError(f"{' '.join(self.argv(*args))}: {result.stderr.strip()}")
        return result.stdout

    def argv(self, *args: str) -> list[str]:
        raise NotImplementedError

    env: dict | None = None

    def pid(self) -> int:
        raise NotImplementedError

    def kill(self) -> None:
        raise NotImplementedError


class Tmux(Server):
    def argv(self, *args: str) -> list[str]:
        return ["tmux", "-S", str(self.socket), "-f", "/dev/null", *args]

    def pid(self) -> int:
        return int(self.cmd("display", "-p", "#{pid}"))

    def kill(self) -> None:
        subprocess.run(self.argv("kill-server"), capture_output=True)


class Tmuxpy(Server):
    def __init__(self, root: Path) -> None:
        super().__init__(root)
        self.env = {key: value for key, value in user_env().items() if not key.startswith("TMUXPY")}
        self.env.update(TMUXPY_RUNTIME_DIR=str(root / "run"), TMUXPY_LOG_DIR=str(root / "log"),
                        TMUXPY_CONFIG_DIR=str(root / "config"), TMUXPY_KILL_GRACE="1")

    def argv(self, *args: str) -> list[str]:
        return [*tmuxpy_command(), "-S", str(self.socket), *args]

    def pid(self) -> int:
        return int((self.socket.with_name("s.pid")).read_text())

    def kill(self) -> None:
        pid = None
        with contextlib.suppress(OSError, ValueError):
            pid = self.pid()
        try:
            subprocess.run(self.argv("kill-server"), env=self.env, capture_output=True, timeout=30)
        except subprocess.TimeoutExpired:
            pass  # a daemon too busy to answer is killed below all the same
        finally:
            if pid:
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)


@contextlib.contextmanager
def servers():
    """A (tmuxpy, tmux) pair in one temporary directory, both killed at the end."""
    root = Path(tempfile.mkdtemp(prefix="tmuxpy-bench-", dir="/tmp"))
    tmuxpy, tmux = Tmuxpy(root / "py"), Tmux(root / "tmux")
    for server in (tmuxpy, tmux):
        server.root.mkdir()
    try:
        yield tmuxpy, tmux
    finally:
        for server in (tmuxpy, tmux):
            with contextlib.suppress(Exception):
                server.kill()
        shutil.rmtree(root, ignore_errors=True)


class PtyClient:
    """A program on a PTY of its own (a tmux or tmuxpy client), read and written like a terminal."""

    def __init__(self, argv: list[str], columns: int, lines: int, env: dict | None = None) -> None:
        import fcntl
        import pty
        import struct
        import termios

        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
            os.execvpe(argv[0], argv, {**(env or os.environ), "TERM": "xterm-256color"})
        self.output = bytearray()

    def write(self, data: bytes) -> None:
        os.write(self.fd, data)

    def read_until(self, needle: bytes, timeout: float) -> bool:
        """Read output until ``needle`` appears in what arrived since the last call."""
        import select

        start = len(self.output)
        deadline = time.monotonic() + timeout
        while needle not in self.output[max(0, start - len(needle)):]:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.fd], [], [], remaining)[0]:
                return False
            try:
                self.output += os.read(self.fd, 1 << 16)
            except OSError:
                return False
        del self.output[:-4096]
        return True

    def close(self) -> None:
        with contextlib.suppress(OSError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.waitpid(self.pid, 0)
        with contextlib.suppress(OSError):
            os.close(self.fd)


def protocol_client():
    """The bare protocol client shared with the tests (tests/protocol_client.py)."""
    sys.path.insert(0, str(REPO / "tests"))
    from protocol_client import ProtocolClient

    return ProtocolClient
