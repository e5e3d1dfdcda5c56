"""A pane: one program on a PTY, and the emulator that keeps its screen.

The program runs as the leader of its own session (``setsid``) with the PTY as
its controlling terminal, so every process it starts, background jobs
included, belongs to that session; :meth:`Pane.terminate` reaches them all,
which is how a killed pane leaves nothing behind.

The master side is non-blocking and read through the event loop
(``add_reader``). Bytes go to the emulator; the pane tells its owner
(``on_output``) which is then free to coalesce updates for clients. When the
program exits, the PTY is drained and the owner told (``on_exit``).

A pane outlives its program when the owner keeps it (tmux's remain-on-exit):
it is then *dead* (PTY released, screen kept) until :meth:`Pane.respawn` starts
a program again on a new PTY, with the same id, size and history, and a fresh
screen. :class:`PanePipe` is pipe-pane: a shell command fed the pane's output.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import time
from collections.abc import Callable

import ptyprocess

from tmux_py.keys import KeyModes, UnknownKey, encode_key, encode_typed_key
from tmux_py.server.emulator import Emulator

log = logging.getLogger(__name__)

#: Time the flooding panes may spend emulating per event-loop turn, shared
#: between them (:class:`ReadRation`), so floods cannot starve keystrokes,
#: other panes or requests (the kernel holds the rest and blocks the writers:
#: nothing is dropped). A keystroke's echo takes about three turns (the key in,
#: the echo read, the update out), each carrying the floods' budget: 4 ms a pane
#: and 16 KiB feeds gave echoes of 20-30 ms beside `yes`; 1 ms gives 6-10 ms for
#: the same throughput, and sharing it keeps that beside four floods (18 ms p50
#: when each had its own).
TURN_BUDGET = 0.001
#: An emulator feed is sized to half the turn's budget at the pane's own pace
#: (the bytes its last feed read and emulated per second), within these bounds;
#: the kernel hands a PTY over about 4 KiB at a time. Plain lines emulate at
#: tens of MB/s and get long feeds (the fast path likes long runs: 4 KiB feeds
#: cost a `cat` a quarter of its speed); `yes` scrolls at about 5 MB/s and gets
#: short ones (16 KiB feeds doubled an echo's wait beside it). Half, so that a
#: feed slower than its estimate still ends near the turn's deadline.
MIN_FEED, MAX_FEED = 4 * 1024, 64 * 1024
#: Longest the throttled panes step aside for one connection (:meth:`ReadRation.hold`). A CLI
#: call sends its hello and request as it connects; from the knock to the reply takes 1-4 ms
#: beside a flood, more when the caller is descheduled in between. Bounded, so a slow command
#: (run-shell, wait-for) or a peer that never sends its request cannot stall a flood for long.
HOLD_LIMIT = 0.02
#: Share of the time a flood that no client keeps up with (:attr:`Pane.watched` false: a
#: detached session, a hidden window, a client too slow to take updates) is read: once it has
#: read for :data:`REST_AFTER`, it rests as long again, and the kernel blocks the writer meanwhile
#: (nothing is dropped). Unrested, the flood and the daemon emulating it kept both cores of
#: this machine busy, and everything else paid: a CLI call beside an unwatched `yes` had a p99
#: of 49-53 ms, 30-41 ms with the rest (`/tmp` runs of bench_flow's loop, 400-500 calls each).
#: A flood someone watches is read at full speed; tmux reads every pane at full speed.
UNWATCHED_DUTY = 0.5
#: Wall-clock seconds an unwatched flood reads before it rests. Long enough that the loop's
#: timers, which wake on whole milliseconds, stretch a rest by a tenth at most.
REST_AFTER = 0.01
#: Seconds a pane's output must rest before its history is compressed
#: (scrollback.py says why not at once).
COMPRESS_AFTER = 1.0
#: History blocks compressed per event-loop turn (0.1-0.2 ms each).
COMPRESS_PER_TURN = 4
#: Pane output held for a pipe-pane command that reads slower than the pane writes. Beyond it,
#: output is dropped for the pipe only (the pane and its clients lose nothing), so a stalled
#: reader costs the daemon at most this. tmux appends to an unbounded libevent buffer instead.
PIPE_BUFFER_LIMIT = 1024 * 1024


class ReadRation:
    """The panes whose reads are rationed (throttled) now, sharing one turn's budget.

    While the daemon answers a request they step aside altogether (:meth:`hold`): a request
    takes several turns (accept, hello, request, reply), and each turn that also carried a
    flood's budget made a CLI call beside `yes` 7-10 ms slower. Their bytes wait in the
    kernel meanwhile, as in any rationed turn.
    """

    def __init__(self) -> None:
        self.throttled: set[str] = set()
        self._holds = 0
        self._paused: list[Callable[[], None]] = []

    def budget(self) -> float:
        """Seconds one pane may emulate in this turn."""
        return TURN_BUDGET / max(1, len(self.throttled))

    def hold(self) -> Callable[[], None]:
        """Pause the throttled panes' reads until the returned release is called (twice is
        harmless) or :data:`HOLD_LIMIT` passes, whichever comes first."""
        released = False

        def release() -> None:
            nonlocal released
            if released:
                return
            released = True
            timer.cancel()
            self._holds -= 1
            if not self._holds:
                paused, self._paused = self._paused, []
                for resume in paused:
                    resume()

        self._holds += 1
        timer = asyncio.get_running_loop().call_later(HOLD_LIMIT, release)
        return release

    def step_aside(self, pane_id: str, resume: Callable[[], None]) -> bool:
        """True if the pane must not read now (a throttled pane, a hold on): ``resume`` is
        called when the last hold ends."""
        if not self._holds or pane_id not in self.throttled:
            return False
        self._paused.append(resume)
        return True


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
        ration: ReadRation,
    ) -> None:
        self.id = pane_id
        self.columns = columns
        self.lines = lines
        self.created = time.time()
        #: When the program last wrote (tmux's window_activity is its window's newest).
        self.activity = self.created
        self.bytes_read = 0
        self._throttled_since: float | None = None
        self._throttled_total = 0.0
        self._on_output = on_output
        self._on_exit = on_exit
        self._ration = ration
        self._feed_size = MIN_FEED
        #: Whether a client that keeps up shows this pane (set by the owner on each output):
        #: if not, a flood rests between its reads (:data:`UNWATCHED_DUTY`).
        self.watched = True
        self._rest_timer: asyncio.TimerHandle | None = None
        #: When an unwatched flood started reading since its last rest (None: not one now).
        self._reading_since: float | None = None
        #: Seconds this pane's reads were paused as an unwatched flood (server status).
        self.rested_seconds = 0.0
        self._loop = asyncio.get_running_loop()
        self.emulator = Emulator(columns, lines, history_limit=history_limit, on_reply=self.write)
        #: When the program ended (remain-on-exit's #{pane_dead_time}).
        self.dead_time: float | None = None
        #: pipe-pane's command, while one is open.
        self.pipe: PanePipe | None = None
        self._last_output = 0.0
        self._compress_timer: asyncio.Handle | None = None
        #: Pane options over its window's (set by the window that holds the pane).
        self.options = None
        #: The panes keys sent here also go to (synchronize-panes; set by the window).
        self.sync_peers: Callable[[], list[Pane]] = list
        self._start(argv, cwd, env)

    def _start(self, argv: list[str], cwd: str, env: dict[str, str]) -> None:
        """Run ``argv`` on a new PTY of the pane's size; OSError if it cannot start."""
        self.process = ptyprocess.PtyProcess.spawn(
            argv, cwd=cwd, env=env, dimensions=(self.lines, self.columns), echo=True
        )
        self.argv = argv
        self.start_cwd = cwd
        self.exit_status: int | None = None
        self.dead_time = None
        self.pid = self.process.pid
        self.fd = self.process.fd
        os.set_blocking(self.fd, False)
        self._reading = True
        self._loop.add_reader(self.fd, self._read)
        self.closed = False

    def respawn(self, argv: list[str], cwd: str, env: dict[str, str], grace: float) -> None:
        """Start ``argv`` in this pane again (respawn-pane): a live program is hung up first
        (SIGKILL after ``grace`` seconds), its end reported to nobody. The history stays; the
        screen and modes start fresh, as tmux's screen_reinit. OSError if ``argv`` cannot
        start: the pane is then dead, with status 127."""
        if not self.closed:
            self.terminate(grace)
            self._release_pty()
        history = self.emulator.history
        self.emulator = Emulator(self.columns, self.lines, history_limit=history.limit, on_reply=self.write)
        self.emulator.history = history
        try:
            self._start(argv, cwd, env)
        except OSError:
            # A program that cannot start ends at once (127: a shell's "not found").
            self.exit_status, self.dead_time = 127, time.time()
            raise
        self._on_output(self)

    # --- output ---------------------------------------------------------

    def _read(self, *, drain: bool = False) -> None:
        """Emulate what the PTY holds, for at most one turn's budget (all of it when draining).

        Reads are gathered into one feed (sized as :data:`MIN_FEED` says). When
        the budget runs out with bytes still waiting, the pane is *throttled*:
        it yields the loop to keystrokes, requests and other panes, and the
        kernel blocks the writing program until we come back. Nothing is dropped.
        """
        if not drain and self._ration.step_aside(self.id, self._resume_reading):
            self._loop.remove_reader(self.fd)
            return
        budget = self._ration.budget()
        turn_started = time.perf_counter()
        deadline = turn_started + budget
        ended = exhausted = False
        while True:
            chunk = bytearray()
            started = time.perf_counter()
            while len(chunk) < self._feed_size:
                try:
                    data = os.read(self.fd, self._feed_size - len(chunk))
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
                self.activity = time.time()
                self.bytes_read += len(chunk)
                self._feed(bytes(chunk))
                pace = len(chunk) / max(time.perf_counter() - started, 1e-6)  # reads and emulation
                self._feed_size = min(MAX_FEED, max(MIN_FEED, int(pace * budget / 2)))
                if self.pipe is not None:
                    self.pipe.feed(chunk)
            if exhausted or (not drain and time.perf_counter() >= deadline):
                break
        self._last_output = self._loop.time()
        self._history_changed()
        self._set_throttled(not exhausted)
        if ended:
            self._stop_reading()
            self._check_exit()
        elif not exhausted and not drain and not self.watched:
            self._rest_if_due(turn_started)
        else:
            self._reading_since = None
        self._on_output(self)

    def _rest_if_due(self, turn_started: float) -> None:
        """An unwatched flood that has read for :data:`REST_AFTER` stops reading for a while."""
        if self._reading_since is None:
            self._reading_since = turn_started
        read_for = time.perf_counter() - self._reading_since
        if read_for < REST_AFTER:
            return
        # A loop stall or a hold within the period was no reading: it does not lengthen the rest.
        rest = min(read_for, 2 * REST_AFTER) * (1 / UNWATCHED_DUTY - 1)
        self._reading_since = None
        self.rested_seconds += rest
        self._loop.remove_reader(self.fd)
        self._rest_timer = self._loop.call_later(rest, self._end_rest)

    def _end_rest(self) -> None:
        self._rest_timer = None
        self._resume_reading()

    def _resume_reading(self) -> None:
        """After a hold (:meth:`ReadRation.hold`) or a rest: read again, unless the PTY was let go meanwhile."""
        if self._reading:
            self._loop.add_reader(self.fd, self._read)

    def _feed(self, data: bytes) -> None:
        try:
            self.emulator.feed(data)
        except Exception:
            # The emulator promises never to raise; if a bug breaks that
            # promise, the pane must keep reading (the program would block
            # on a full PTY otherwise) and the bug must be seen in the log.
            log.exception("pane %s: emulator failed on %d bytes", self.id, len(data))

    def _history_changed(self) -> None:
        """New history lines (output, or a reflow that rewrote them) are compressed once at rest."""
        if self.emulator.history.cold and self._compress_timer is None:
            self._compress_timer = self._loop.call_later(COMPRESS_AFTER, self._compress_history)

    def _compress_history(self) -> None:
        """Compress the history a few blocks a turn once the program has rested."""
        self._compress_timer = None
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
            self._ration.throttled.add(self.id)
        elif not throttled and self._throttled_since is not None:
            self._throttled_total += now - self._throttled_since
            self._throttled_since = None
            self._ration.throttled.discard(self.id)

    @property
    def throttled(self) -> bool:
        """The program writes faster than the pane emulates: its PTY reads are rationed."""
        return self._throttled_since is not None

    @property
    def throttled_seconds(self) -> float:
        current = time.monotonic() - self._throttled_since if self._throttled_since is not None else 0.0
        return self._throttled_total + current

    def _stop_reading(self) -> None:
        if self._rest_timer is not None:
            self._rest_timer.cancel()
            self._rest_timer = None
        self._reading_since = None  # a respawned program starts its own reading period
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
        """The program ended (the daemon reaped it on SIGCHLD) with exit code ``status``
        (negative: the signal that killed it)."""
        self.exit_status = status
        self.dead_time = time.time()
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

    def send_keys(self, names: list[str], *, typed: bool = False, mirror: bool = True) -> None:
        """Key names encoded for the pane's modes. From send-keys, a word that is no key name
        (or a key with no bytes, S-a) goes as text, as tmux; ``typed`` at a client, a key goes as
        a legacy terminal sends it, or not at all (:func:`encode_typed_key`).

        With synchronize-panes the window's other panes get them too, encoded for their own modes.
        """
        modes = self.key_modes()
        chunks = [encode_typed_key(name, modes) if typed else _sent_key(name, modes) for name in names]
        self.write("".join(chunks).encode())
        if mirror:
            for peer in self.sync_peers():
                peer.send_keys(names, typed=typed, mirror=False)

    # --- geometry -------------------------------------------------------

    def resize(self, columns: int, lines: int) -> None:
        """New size: TIOCSWINSZ on the PTY (the kernel sends SIGWINCH) and the emulator
        (a dead pane's too: it is still shown)."""
        if (columns, lines) == (self.columns, self.lines):
            return
        self.columns, self.lines = columns, lines
        self.emulator.resize(columns, lines)
        if self.closed:
            return
        self._history_changed()
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

    def remain_dead(self, notice: str) -> None:
        """Keep the pane after its program ended (remain-on-exit): the PTY goes, the screen
        stays, and ``notice`` is written on a new bottom line, cut to the width, as tmux does."""
        self._release_pty()
        self._feed(f"\x1b[r\x1b[0m\x1b[{self.lines};1H\n{notice[:self.columns]}".encode())
        self._on_output(self)

    def set_pipe(self, pipe: PanePipe | None) -> None:
        """pipe-pane: replace the pane's pipe command (None: just close the old one)."""
        if self.pipe is not None:
            self.pipe.close()
        self.pipe = pipe

    def close(self) -> None:
        """The pane is gone: its PTY and its pipe-pane command are released. (A dead pane
        that stays, remain-on-exit, only lost its PTY: its history is still compressed.)"""
        self._release_pty()
        self.set_pipe(None)
        if self._compress_timer is not None:
            self._compress_timer.cancel()
            self._compress_timer = None

    def _release_pty(self) -> None:
        """Close the PTY's master side (once: a later fd of the same number is someone else's)."""
        if self.closed:
            return
        self._stop_reading()
        self._set_throttled(False)  # its share of the read budget goes back to the others
        self._loop.remove_writer(self.fd)
        self.closed = True
        # ptyprocess's own close() signals and sleeps: mark it closed so its
        # finaliser leaves the (already reaped or hung-up) process alone.
        self.process.closed = True
        try:
            self.process.fileobj.close()
        except OSError:
            pass


class PanePipe:
    """pipe-pane: ``/bin/sh -c command`` fed the pane's output (``output``) and/or typing
    into the pane what it prints (``input``), as tmux's -O and -I.

    Writes never block the daemon: the command's stdin is non-blocking, what it has not yet
    read waits in a buffer written as the pipe drains, and that buffer is bounded
    (:data:`PIPE_BUFFER_LIMIT`). The command runs in its own session; when it exits the pipe
    closes (the pane's ``#{pane_pipe}`` goes to 0), and it is reaped through a pidfd.
    """

    def __init__(self, pane: Pane, command: str, *, output: bool, input: bool, env: dict[str, str],
                 cwd: str) -> None:
        self._loop = asyncio.get_running_loop()
        self._pane = pane
        self.process = subprocess.Popen(
            ["/bin/sh", "-c", command], env=env, cwd=cwd, start_new_session=True,
            stdin=subprocess.PIPE if output else subprocess.DEVNULL,
            stdout=subprocess.PIPE if input else subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        #: Output waiting for the command to read it, and what the bound made us drop.
        self._pending = bytearray()
        self.dropped = 0
        self._writing = False
        self._stdin = self.process.stdin
        self._stdout = self.process.stdout
        if self._stdin is not None:
            os.set_blocking(self._stdin.fileno(), False)
        if self._stdout is not None:
            os.set_blocking(self._stdout.fileno(), False)
            self._loop.add_reader(self._stdout.fileno(), self._read_input)
        self._pidfd = os.pidfd_open(self.process.pid)
        self._loop.add_reader(self._pidfd, self._exited)

    def feed(self, data: bytes) -> None:
        """Pane output for the command; what exceeds the bound is dropped (for the pipe only)."""
        if self._stdin is None:
            return
        room = PIPE_BUFFER_LIMIT - len(self._pending)
        if len(data) > room:
            self.dropped += len(data) - room
            data = data[:room]
        if data:
            self._pending += data
            if not self._writing:
                self._flush()

    def _flush(self) -> None:
        try:
            written = os.write(self._stdin.fileno(), self._pending)
        except BlockingIOError:
            written = 0
        except OSError:  # EPIPE: the command stopped reading for good
            self._close_stdin()
            return
        del self._pending[:written]
        if self._pending and not self._writing:
            self._loop.add_writer(self._stdin.fileno(), self._flush)
            self._writing = True
        elif not self._pending and self._writing:
            self._loop.remove_writer(self._stdin.fileno())
            self._writing = False

    def _read_input(self) -> None:
        """-I: what the command prints goes to the pane's program as if typed."""
        try:
            data = os.read(self._stdout.fileno(), MIN_FEED)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if data:
            self._pane.write(data)
        else:
            self._close_stdout()

    def _close_stdin(self) -> None:
        if self._stdin is None:
            return
        if self._writing:
            self._loop.remove_writer(self._stdin.fileno())
            self._writing = False
        self._pending.clear()
        try:
            self._stdin.close()
        except OSError:
            pass
        self._stdin = None

    def _close_stdout(self) -> None:
        if self._stdout is not None:
            self._loop.remove_reader(self._stdout.fileno())
            self._stdout.close()
            self._stdout = None

    def close(self) -> None:
        """Stop piping: the command sees end of file and is reaped when it exits."""
        self._close_stdin()
        self._close_stdout()

    def _exited(self) -> None:
        self._loop.remove_reader(self._pidfd)
        os.close(self._pidfd)
        self.process.wait()
        self.close()
        if self._pane.pipe is self:
            self._pane.pipe = None


def _sent_key(name: str, modes: KeyModes) -> str:
    try:
        return encode_key(name, modes)
    except UnknownKey:
        return name
