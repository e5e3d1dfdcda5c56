"""A pane: one program on a PTY, and the emulator that keeps its screen.

The program runs as the leader of its own session (``setsid``) with the PTY as
its controlling terminal, so every process it starts, background jobs
included, belongs to that session; :meth:`Pane.terminate` reaches them all,
which is how a killed pane leaves nothing behind.

The master side is non-blocking and read through the event loop
(``add_reader``). Bytes go to the emulator; the pane tells its owner
(``on_output``) which is then free to coalesce updates for clients. When the
program exits, the PTY is drained and the owner told (``on_exit``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import time
from collections.abc import Callable

import ptyprocess

from tmux_py.keys import KeyModes, UnknownKey, encode_key
from tmux_py.server.emulator import Emulator

log = logging.getLogger(__name__)

#: Time one pane may spend emulating per event-loop turn, so one flooding pane
#: cannot starve keystrokes, other panes or requests (the kernel holds the
#: rest and blocks the writer: nothing is dropped). A keystroke's echo takes
#: about three turns (the key in, the echo read, the update out), each of them
#: carrying every flooding pane's budget: 4 ms and 16 KiB feeds gave echoes of
#: 20-30 ms beside `yes`, 1 ms and 4 KiB give 6-10 ms for the same throughput.
TURN_BUDGET = 0.001
#: Bytes gathered from the PTY into one emulator feed (the kernel hands a PTY
#: over about 4 KiB at a time).
FEED_SIZE = 4 * 1024
#: Seconds a pane's output must rest before its history is compressed
#: (scrollback.py says why not at once).
COMPRESS_AFTER = 1.0
#: History blocks compressed per event-loop turn (0.1-0.2 ms each).
COMPRESS_PER_TURN = 4


class Pane:
    """One PTY child and its emulated screen."""

    def __init__(
        self,
        pane_id: str,
        argv: list[str],
        *,
        cwd: str,
        env: dict[str, str],
        columns: int,
        lines: int,
        history_limit: int,
        on_output: Callable[[Pane], None],
        on_exit: Callable[[Pane], None],
    ) -> None:
        self.id = pane_id
        self.argv = argv
        self.start_cwd = cwd
        self.columns = columns
        self.lines = lines
        self.created = time.time()
        self.bytes_read = 0
        self._throttled_since: float | None = None
        self._throttled_total = 0.0
        self.exit_status: int | None = None
        self._on_output = on_output
        self._on_exit = on_exit
        self._loop = asyncio.get_running_loop()
        self.emulator = Emulator(columns, lines, history_limit=history_limit, on_reply=self.write)
        self.process = ptyprocess.PtyProcess.spawn(
            argv, cwd=cwd, env=env, dimensions=(lines, columns), echo=True
        )
        self.pid = self.process.pid
        self.fd = self.process.fd
        os.set_blocking(self.fd, False)
        self._reading = True
        self._loop.add_reader(self.fd, self._read)
        self._last_output = 0.0
        self._compress_timer: asyncio.Handle | None = None
        self.closed = False
        #: Pane options over its window's (set by the window that holds the pane).
        self.options = None
        #: The panes keys sent here also go to (synchronize-panes; set by the window).
        self.sync_peers: Callable[[], list[Pane]] = list

    # --- output ---------------------------------------------------------

    def _read(self, *, drain: bool = False) -> None:
        """Emulate what the PTY holds, for at most one turn's budget (all of it when draining).

        Reads are gathered into one feed of up to :data:`FEED_SIZE` bytes. When the budget runs out with bytes still waiting,
        the pane is *throttled*: it yields the loop to keystrokes, requests and
        other panes, and the kernel blocks the writing program until we come
        back. Nothing is dropped.
        """
        deadline = time.perf_counter() + TURN_BUDGET
        ended = exhausted = False
        while True:
            chunk = bytearray()
            while len(chunk) < FEED_SIZE:
                try:
                    data = os.read(self.fd, FEED_SIZE - len(chunk))
                except BlockingIOError:
                    exhausted = True
                    break
                except OSError:  # EIO: every slave fd is closed
                    data = b""
                if not data:
                    ended = exhausted = True
                    break
                chunk += data
            if chunk:
                self.bytes_read += len(chunk)
                self._feed(bytes(chunk))
            if exhausted or (not drain and time.perf_counter() >= deadline):
                break
        self._last_output = self._loop.time()
        if self.emulator.history.cold and self._compress_timer is None:
            self._compress_timer = self._loop.call_later(COMPRESS_AFTER, self._compress_history)
        self._set_throttled(not exhausted)
        if ended:
            self._stop_reading()
            self._check_exit()
        self._on_output(self)

    def _feed(self, data: bytes) -> None:
        try:
            self.emulator.feed(data)
        except Exception:
            # The emulator promises never to raise; if a bug breaks that
            # promise, the pane must keep reading (the program would block
            # on a full PTY otherwise) and the bug must be seen in the log.
            log.exception("pane %s: emulator failed on %d bytes", self.id, len(data))

    def _compress_history(self) -> None:
        """Compress the history a few blocks a turn once the program has rested."""
        self._compress_timer = None
        if self.closed:
            return
        resting = self._loop.time() - self._last_output
        if resting < COMPRESS_AFTER:
            self._compress_timer = self._loop.call_later(COMPRESS_AFTER - resting, self._compress_history)
            return
        history = self.emulator.history
        history.compress(COMPRESS_PER_TURN)
        if history.cold:
            self._compress_timer = self._loop.call_soon(self._compress_history)

    def _set_throttled(self, throttled: bool) -> None:
        now = time.monotonic()
        if throttled and self._throttled_since is None:
            self._throttled_since = now
        elif not throttled and self._throttled_since is not None:
            self._throttled_total += now - self._throttled_since
            self._throttled_since = None

    @property
    def throttled(self) -> bool:
        """The program writes faster than the pane emulates: its PTY reads are rationed."""
        return self._throttled_since is not None

    @property
    def throttled_seconds(self) -> float:
        current = time.monotonic() - self._throttled_since if self._throttled_since is not None else 0.0
        return self._throttled_total + current

    def _stop_reading(self) -> None:
        if self._reading:
            self._reading = False
            self._loop.remove_reader(self.fd)

    def _check_exit(self) -> None:
        """Close once the program has exited and its output is drained."""
        if self.closed or self.exit_status is None:
            return
        self._stop_reading()
        self._on_exit(self)

    def process_exited(self, status: int) -> None:
        """The program ended (the daemon reaped it on SIGCHLD) with exit code ``status``."""
        self.exit_status = status
        log.info("pane %s: process %d exited with status %d", self.id, self.pid, status)
        if self._reading:
            # What it wrote before exiting is still in the PTY (bounded by the
            # kernel's buffer): read it all so no output is lost.
            self._read(drain=True)
        self._check_exit()

    # --- input ----------------------------------------------------------

    def write(self, data: bytes) -> None:
        """Send bytes to the program; dropped once the pane is closed."""
        if self.closed:
            return
        view = memoryview(data)
        while view:
            try:
                written = os.write(self.fd, view)
            except BlockingIOError:
                # The program is not reading its input. Key input is small
                # and the PTY buffer holds 4 KiB+; a paste that overflows it
                # is finished by a writer callback rather than blocking.
                self._write_later(bytes(view))
                return
            except OSError:
                return
            view = view[written:]

    def _write_later(self, data: bytes) -> None:
        def flush() -> None:
            self._loop.remove_writer(self.fd)
            self.write(data)

        self._loop.add_writer(self.fd, flush)

    def key_modes(self) -> KeyModes:
        modes = self.emulator.modes()
        return KeyModes(app_cursor=modes["app_cursor"], app_keypad=modes["app_keypad"])

    def send_keys(self, names: list[str], *, mirror: bool = True) -> None:
        """Key names encoded for the pane's modes; a word that is no key name goes as text (as tmux).

        With synchronize-panes the window's other panes get them too, encoded for their own modes.
        """
        modes = self.key_modes()
        chunks = []
        for name in names:
            try:
                chunks.append(encode_key(name, modes))
            except UnknownKey:
                chunks.append(name)
        self.write("".join(chunks).encode())
        if mirror:
            for peer in self.sync_peers():
                peer.send_keys(names, mirror=False)

    # --- geometry -------------------------------------------------------

    def resize(self, columns: int, lines: int) -> None:
        """New size: TIOCSWINSZ on the PTY (the kernel sends SIGWINCH) and the emulator."""
        if (columns, lines) == (self.columns, self.lines) or self.closed:
            return
        self.columns, self.lines = columns, lines
        self.emulator.resize(columns, lines)
        try:
            self.process.setwinsize(lines, columns)
        except OSError:
            pass

    # --- facts for formats ---------------------------------------------

    @property
    def title(self) -> str:
        return self.emulator.title

    def foreground_pid(self) -> int:
        try:
            return os.tcgetpgrp(self.fd)
        except OSError:
            return self.pid

    def current_command(self) -> str:
        """Name of the foreground process, as tmux's #{pane_current_command}."""
        try:
            with open(f"/proc/{self.foreground_pid()}/comm", encoding="utf-8", errors="replace") as comm:
                # A process may name itself anything (prctl): keep it printable.
                return "".join(ch for ch in comm.read().strip() if ch.isprintable())
        except OSError:
            return os.path.basename(self.argv[0])

    def tty_name(self) -> str:
        """The PTY's slave side, as the program sees it (``/dev/pts/N``)."""
        try:
            return os.readlink(f"/proc/{self.pid}/fd/0")
        except OSError:
            return ""

    def current_path(self) -> str:
        try:
            return os.readlink(f"/proc/{self.foreground_pid()}/cwd")
        except OSError:
            return self.start_cwd

    # --- ending ---------------------------------------------------------

    def session_members(self) -> list[int]:
        """Every live process in the pane's session (its program and all it started)."""
        members = []
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            pid = int(entry)
            try:
                if os.getsid(pid) == self.pid:
                    members.append(pid)
            except OSError:
                continue
        return members

    def terminate(self, grace: float) -> asyncio.Future:
        """SIGHUP every process of the pane, as a terminal that goes away does;
        SIGKILL whatever is left after ``grace`` seconds.

        Processes are held by pidfd, so a pid reused meanwhile is never hit.
        The future resolves when every one of them has ended.
        """
        done = self._loop.create_future()
        remaining: set[int] = set()
        for pid in self.session_members():
            try:
                remaining.add(os.pidfd_open(pid))
            except OSError:
                continue
        for pidfd in list(remaining):
            for signum in (signal.SIGHUP, signal.SIGCONT):  # a stopped job acts on SIGHUP only once continued
                try:
                    signal.pidfd_send_signal(pidfd, signum)
                except OSError:
                    pass

        def kill_survivors() -> None:
            for pidfd in remaining:
                try:
                    signal.pidfd_send_signal(pidfd, signal.SIGKILL)
                except OSError:
                    pass

        timer = self._loop.call_later(grace, kill_survivors)

        def ended(pidfd: int) -> None:
            self._loop.remove_reader(pidfd)
            os.close(pidfd)
            remaining.discard(pidfd)
            if not remaining:
                timer.cancel()
                if not done.done():
                    done.set_result(None)

        for pidfd in remaining:
            self._loop.add_reader(pidfd, ended, pidfd)
        if not remaining:
            timer.cancel()
            done.set_result(None)
        return done

    def close(self) -> None:
        """Release the PTY (after the pane is removed from its window)."""
        self._stop_reading()
        self._loop.remove_writer(self.fd)
        self.closed = True
        if self._compress_timer is not None:
            self._compress_timer.cancel()
        # ptyprocess's own close() signals and sleeps: mark it closed so its
        # finaliser leaves the (already reaped or hung-up) process alone.
        self.process.closed = True
        try:
            self.process.fileobj.close()
        except OSError:
            pass
