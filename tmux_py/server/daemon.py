"""The daemon: one asyncio process per user and socket, owner of every session.

Start-up, under the lock file beside the socket: refuse if a live daemon
answers on the socket, replace a stale one (connection refused), listen
(socket 0600), write the PID file, then report ready (to the CLI that started
it, through an inherited pipe: ``listening``, then ``ready`` once the config has run, or
``stopped`` if the config stopped the server). The state goes STARTING -> READY -> STOPPING.

Shutdown (kill-server, SIGTERM, SIGINT, or the last session ending): attached
clients get an exit message with the reason, every pane's processes get SIGHUP
and, after the grace period, SIGKILL for whatever is left; socket, lock and
PID file are removed. SIGUSR1 recreates a deleted socket, as tmux does;
SIGCHLD reaps panes whose program exited.

Configuration, before READY (so the first command already sees it):
``config.toml``'s options, then ``tmuxpy.conf`` in the config directory (or
the ``-f`` file; ``/dev/null`` for none) in tmux's command language. Its
errors (``FILE:LINE: message``) are logged and shown to the first client.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import errno
import fcntl
import gc
import logging
import logging.handlers
import os
import signal
import socket
import time
from collections.abc import Callable

from tmux_py import __version__, protocol
from tmux_py.bindings import KeyTables
from tmux_py.commands.hook import Hooks
from tmux_py.options import Options
from tmux_py.cmdline import split_commands
from tmux_py.config import load_config
from tmux_py.paths import SocketPaths, config_dir, prepare_socket_dir
from tmux_py.server.attached import AttachedClient, Attachments
from tmux_py.server.connection import Connection
from tmux_py.server.listener import Listener
from tmux_py.server.model import Server, Session, TargetError, Window
from tmux_py.server.pane import Pane, PanePipe, ReadRation
from tmux_py.server.prompt_history import PromptHistory, history_path

log = logging.getLogger(__name__)

#: The tmux-language config file in the config directory (tmux's ~/.tmux.conf).
CONFIG_FILE = "tmuxpy.conf"
LOG_MAX_BYTES = 10 * 1024 * 1024
LOG_BACKUPS = 5


class AlreadyRunning(Exception):
    """A live daemon answers on this socket; it is never taken over."""


def socket_answers(path: str) -> bool:
    """True if something accepts connections on ``path``; a stale socket refuses."""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.connect(path)
        return True
    except OSError as error:
        if error.errno in (errno.ECONNREFUSED, errno.ENOENT, errno.ENOTSOCK):
            return False
        raise
    finally:
        probe.close()


def setup_logging(paths: SocketPaths, level: str) -> None:
    directory = paths.log.parent
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(paths.log, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS)
    handler.setFormatter(logging.Formatter("%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level.upper())


def acquire_lock(paths: SocketPaths) -> int:
    """Hold the lock beside the socket: one daemon starts at a time per socket."""
    fd = os.open(paths.lock, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


class Daemon:
    version = __version__

    def __init__(self, paths: SocketPaths, *, lock_fd: int | None = None, ready_fd: int | None = None,
                 config_file: str | None = None) -> None:
        self.paths = paths
        self.config_file = config_file
        #: tmuxpy.conf's errors, shown to the first client that attaches (then forgotten).
        self.config_errors: list[str] = []
        #: What show-messages lists (tmux's message_log): (time, text), newest last.
        self.messages: collections.deque[tuple[float, str]] = collections.deque()
        self.state = "STARTING"
        self.started = time.time()
        self.bad_peers = 0
        self.options = Options()
        #: The prompts' history (show-prompt-history), from history-file once the config has run.
        self.prompt_history = PromptHistory()
        #: Key tables (bind-key); attached clients get the prefix and root tables.
        self.key_tables = KeyTables()
        self._load_config()
        self.connections: set[Connection] = set()
        self.stopped = asyncio.Event()
        self._lock_fd = lock_fd
        self._ready_fd = ready_fd
        self._shutdown_reason: str | None = None
        self._shutdown_requested = asyncio.Event()
        self._listener: Listener | None = None
        self._tasks: set[asyncio.Task] = set()
        #: Pane programs to reap on SIGCHLD: pid -> what to tell of its exit status.
        self._children: dict[int, Callable[[int], None]] = {}
        self.read_ration = ReadRation()
        #: wait-for channels by name, and run-shell -b / if-shell -b jobs (commands/shell.py).
        self.channels: dict = {}
        self.background_tasks: set[asyncio.Task] = set()
        #: The daemon's events run their hooks (commands/hook.py).
        self.hooks = Hooks(self)
        # Attached clients (the TUI): screen updates, input, sizes (attached.py).
        self.attachments = Attachments(self)
        self.server = Server(
            self.options,
            socket_path=str(paths.socket),
            environment=dict(os.environ),
            spawn=self._spawn_pane,
            on_change=self._window_changed,
            on_empty=self._sessions_gone,
            notify=self.hooks.notify,
        )

    # --- start-up -----------------------------------------------------------

    def _load_config(self) -> None:
        """config.toml's options apply from the first pane on (default-shell, history-limit).

        A bad line is logged with file and line and the rest still applies;
        attached clients show the same problems to the user.
        """
        config = load_config(config_dir())
        #: Told to attaching clients: one that read the same file has nothing to add.
        self.config_toml = config.path
        for name, value in config.options.items():
            self.options.set(name, value)
        for key, command in config.bindings.items():
            if command:
                self.key_tables.bind("prefix", key, split_commands(command))
            else:
                self.key_tables.unbind("prefix", key)
        for problem in config.problems:
            log.warning("config: %s", problem)

    async def _source_config(self) -> None:
        """tmuxpy.conf (or -f FILE): every command runs, in order, each one that finishes later
        (run-shell, wait-for) awaited before the next, as tmux holds the client that started it
        until its config is done. The loop keeps serving meanwhile (a plugin's run-shell calls
        back). Output goes nowhere, as tmux's with no client to print to; errors are kept for
        the first client. kill-server (or SIGTERM) meanwhile ends it, as tmux exits with its
        queue unfinished."""
        from tmux_py import commands
        from tmux_py.commands.config import source_path

        path = self.config_file or str(config_dir() / CONFIG_FILE)
        ctx = commands.Context(daemon=self, client=None, cwd=os.path.expanduser("~"), current=None, tty=False)
        sourcing = asyncio.ensure_future(source_path(ctx, path, quiet=self.config_file is None))
        stopping = asyncio.ensure_future(self._shutdown_requested.wait())
        await asyncio.wait((sourcing, stopping), return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if not sourcing.done():
            # The kill-server that stopped us may itself be the config's run-shell, waiting for
            # the daemon to stop: waiting for the config here would wait forever.
            log.info("config %s: not finished, the server is stopping", path)
            sourcing.cancel()
            await asyncio.wait((sourcing,))
            return
        _, self.config_errors = sourcing.result()
        for error in self.config_errors:
            log.warning("config: %s", error)

    def _sessions_gone(self) -> None:
        if self.options.get("exit-empty"):
            self.request_shutdown("server exited (no sessions)")

    async def run(self) -> int:
        loop = asyncio.get_running_loop()
        if self._lock_fd is None:
            self._lock_fd = acquire_lock(self.paths)
        try:
            await self._listen()
            with open(self.paths.pid, "w") as pid_file:
                pid_file.write(f"{os.getpid()}\n")
        finally:
            os.close(self._lock_fd)
            self._lock_fd = None
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, self.request_shutdown, f"server exited ({signal.Signals(signum).name})")
        loop.add_signal_handler(signal.SIGCHLD, self._reap_children)
        loop.add_signal_handler(signal.SIGUSR1, self._recreate_socket)
        loop.add_signal_handler(signal.SIGHUP, lambda: None)
        # The starter's timeout covers getting this far; the config may take as long as its
        # run-shell commands do (tmux holds the client that started it until then).
        self._tell_starter(b"listening\n")
        await self._source_config()
        self.prompt_history.load(history_path(self.options.get("history-file")), self.options.get("prompt-history-limit"))
        self.state = "READY"
        log.info("daemon %d ready on %s", os.getpid(), self.paths.socket)
        self._tell_starter(b"stopped\n" if self._shutdown_requested.is_set() else b"ready\n", last=True)
        await self._shutdown_requested.wait()
        await self._shutdown()
        return 0

    def log_message(self, text: str) -> None:
        """A line for show-messages (tmux's server_add_message): a command a client ran, a message
        shown to a client, an error; the oldest go past the message-limit option."""
        self.messages.append((time.time(), text))
        while len(self.messages) > self.options.get("message-limit"):
            self.messages.popleft()

    def _tell_starter(self, word: bytes, last: bool = False) -> None:
        """A line on the starting CLI's pipe: listening, then ready (or stopped, by the config)."""
        if self._ready_fd is None:
            return
        try:
            os.write(self._ready_fd, word)
        except OSError:  # the starter gave up (Ctrl-C): nobody to tell
            last = True
        if last:
            os.close(self._ready_fd)
            self._ready_fd = None

    async def _listen(self) -> None:
        prepare_socket_dir(self.paths)
        path = str(self.paths.socket)
        if socket_answers(path):
            raise AlreadyRunning(f"a server is already running on {path}")
        if os.path.lexists(path):
            log.info("replacing stale socket %s", path)
            os.unlink(path)
        old_umask = os.umask(0o177)  # the socket is born 0600: no window where others may connect
        try:
            self._listener = Listener(path, self._accepted)
        finally:
            os.umask(old_umask)

    def _recreate_socket(self) -> None:
        if os.path.exists(self.paths.socket):
            return
        log.info("SIGUSR1: recreating socket %s", self.paths.socket)
        if self._listener is not None:
            self._listener.close()
        self._spawn_task(self._listen())

    def _spawn_task(self, coroutine) -> None:
        task = asyncio.get_running_loop().create_task(coroutine)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _accepted(self, peer: socket.socket) -> None:
        # Floods step aside from this turn until the peer's first answer (a CLI call is one
        # connection, one request): the streams below take a few more turns to set up.
        self._spawn_task(self._serve(peer, self.read_ration.hold()))

    async def _serve(self, peer: socket.socket, release_floods: Callable[[], None]) -> None:
        try:
            reader, writer = await asyncio.open_unix_connection(sock=peer)
        except OSError:
            release_floods()
            peer.close()
            return
        connection = Connection(self, reader, writer, release_floods)
        self.connections.add(connection)
        await connection.serve()

    def connection_closed(self, connection: Connection) -> None:
        self.connections.discard(connection)
        self.attachments.connection_closed(connection)

    # --- panes ----------------------------------------------------------------

    def _spawn_pane(self, pane_id: str, argv: list[str], cwd: str, columns: int, lines: int,
                    session: Session, environment: dict[str, str], *,
                    on_output: Callable[[Pane], None] | None = None,
                    on_exit: Callable[[Pane], None] | None = None) -> Pane:
        """A pane's program, its environment the session's plus ``environment`` (-e); a
        popup's pane (outside every window) passes its own ``on_output`` and ``on_exit``."""
        with _start_errors(argv):
            pane = Pane(
                pane_id, argv, cwd=_existing(cwd), env={**self._process_environment(session, pane_id), **environment},
                columns=columns, lines=lines, history_limit=self.options.get("history-limit"),
                on_output=on_output or self._pane_output, on_exit=on_exit or self._pane_exited,
                ration=self.read_ration,
            )
        self._children[pane.pid] = pane.process_exited
        return pane

    def _process_environment(self, session: Session, pane_id: str) -> dict[str, str]:
        """A pane's program's (or its pipe's) environment: global, then session, hidden ones left out."""
        from tmux_py.commands.environment import visible

        return visible(self.server.pane_environment(session, pane_id, os.getpid()))

    def respawn_pane(self, session: Session, pane: Pane, argv: list[str], cwd: str,
                     environment: dict[str, str]) -> None:
        """A new program in ``pane`` (respawn-pane), its environment the session's plus
        ``environment``; a live program is hung up first and its exit reported to nobody."""
        if pane.pid in self._children:
            self._children[pane.pid] = _ignore_status  # still reaped: no zombie stays
        env = {**self._process_environment(session, pane.id), **environment}
        try:
            with _start_errors(argv):
                pane.respawn(argv, _existing(cwd), env, self.options.get("kill-grace"))
        finally:
            if pane.closed:  # it could not start: it ends as a program that exits at once (tmux's)
                self._pane_exited(pane)
        self._children[pane.pid] = pane.process_exited

    def open_pipe(self, session: Session, pane: Pane, command: str, *, output: bool, input: bool) -> None:
        """pipe-pane: ``command`` (a shell command) joined to the pane, in the pane's environment."""
        env = self._process_environment(session, pane.id)
        try:
            pipe = PanePipe(pane, command, output=output, input=input, env=env, cwd=_existing(pane.start_cwd))
        except OSError as error:
            raise TargetError(f"pipe-pane failed: {error.strerror or error}") from None
        pane.set_pipe(pipe)

    def _pane_output(self, pane: Pane) -> None:
        """New output: clients viewing the pane get its changed lines (coalesced there)."""
        self.attachments.pane_output(pane)

    def _pane_exited(self, pane: Pane) -> None:
        """The program ended: the pane closes, unless remain-on-exit keeps it, dead."""
        log.info("pane %s closed (status %s)", pane.id, pane.exit_status)
        remain = pane.options.get("remain-on-exit")
        if remain == "on" or (remain == "failed" and pane.exit_status != 0):
            found = self.server.find_pane(pane.id)
            if found is not None:
                from tmux_py import commands
                from tmux_py.commands.variables import variables
                from tmux_py.format import expand

                window, _ = found
                ctx = commands.Context(daemon=self, client=None, cwd=pane.start_cwd, current=None, tty=False)
                notice = expand(pane.options.get("remain-on-exit-format"),
                                variables(ctx, window.session, window, pane))
                pane.remain_dead(notice)
                self.hooks.notify("pane-died", pane=pane)
                self.server.changed(window)
                return
        if self.server.find_pane(pane.id) is not None:  # not killed before it exited
            self.hooks.notify("pane-exited", pane=pane)
        self.server.remove_pane(pane)

    def _reap_children(self) -> None:
        """SIGCHLD: collect the panes whose program ended (they close).

        Only pane pids are waited for: run-shell's and if-shell's processes
        belong to asyncio, whose child watcher must get their status itself.
        """
        for pid in list(self._children):
            try:
                ended, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                ended, status = pid, 0
            if ended == 0:
                continue
            self._children.pop(pid)(os.waitstatus_to_exitcode(status) if status else 0)

    def _window_changed(self, window: Window | None) -> None:
        """Layout, selection or names changed: clients of that session resend their layout."""
        self.attachments.window_changed(window)

    # --- clients --------------------------------------------------------------

    def attached_clients(self) -> list:
        return list(self.attachments.clients.values())

    def clients_of(self, session: Session) -> list[AttachedClient]:
        return [client for client in self.attached_clients() if client.session is session]

    def attached_count(self, session: Session) -> int:
        return len(self.clients_of(session))

    def detach_clients(self, session: Session, reason: str) -> None:
        for client in self.clients_of(session):
            client.detach(reason)

    def in_mode(self, pane_id: str, mode: str | None = None) -> tuple[AttachedClient, str] | None:
        """A client that shows pane ``pane_id`` in a mode (``mode``, or any), and the mode: modes
        live in the client, which tells the daemon (protocol.Mode). None if no client does."""
        return next(((client, client.modes[pane_id]) for client in self.attached_clients()
                     if client.modes.get(pane_id, "") and mode in (None, client.modes[pane_id])), None)

    def handle_client_message(self, connection: Connection, message: protocol.Message) -> None:
        """Attach and everything an attached client sends (keys, paste, mouse, resize, history)."""
        self.attachments.handle(connection, message)
        client = self.attachments.client(connection)
        if not isinstance(message, protocol.Attach) or client is None:
            return
        client.ui("bindings", tables=self.key_tables.for_client())
        if self.config_errors:
            more = len(self.config_errors) - 1
            client.show_message(self.config_errors[0] + (f" (+{more} more in the log)" if more else ""))
            self.config_errors = []

    def bindings_changed(self) -> None:
        """bind-key or unbind-key ran: every attached client gets the new tables."""
        tables = self.key_tables.for_client()
        for client in self.attached_clients():
            client.ui("bindings", tables=tables)

    # --- status ------------------------------------------------------------------

    def status(self) -> dict:
        try:
            with open("/proc/self/statm") as statm:
                rss = int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            rss = 0
        return {
            "pid": os.getpid(),
            "version": self.version,
            "protocol": protocol.PROTOCOL_VERSION,
            "state": self.state,
            "socket": str(self.paths.socket),
            "uptime": round(time.time() - self.started, 3),
            "sessions": len(self.server.sessions),
            "panes": len(self.server.pane_windows),
            "clients": len(self.attached_clients()),
            "connections": len(self.connections),
            "rss": rss,
            "bad_peers": self.bad_peers,
            "client_stats": [
                {"name": client.name, "session": client.session.name, **client.flow.stats()}
                for client in self.attached_clients()
            ],
            "pane_stats": [
                {"id": pane.id, "bytes_read": pane.bytes_read, "throttled": pane.throttled, "watched": pane.watched,
                 "throttled_seconds": round(pane.throttled_seconds, 3),
                 "rested_seconds": round(pane.rested_seconds, 3),
                 "pipe_dropped": pane.pipe.dropped if pane.pipe is not None else 0}
                for pane in self.server.all_panes()
            ],
        }

    # --- shutdown --------------------------------------------------------------

    def request_shutdown(self, reason: str) -> None:
        if self._shutdown_reason is None:
            self._shutdown_reason = reason
            self.state = "STOPPING"
            self._shutdown_requested.set()

    async def _shutdown(self) -> None:
        reason = self._shutdown_reason or "server exited"
        log.info("shutting down: %s", reason)
        self.prompt_history.save(history_path(self.options.get("history-file")))
        for client in self.attached_clients():
            client.detach(reason, server_exit=True)
        if self._listener is not None:
            self._listener.close()
        for path in (self.paths.socket, self.paths.pid):
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass
        grace = self.options.get("kill-grace")
        endings = [pane.terminate(grace) for pane in self.server.all_panes()]
        if endings:
            await asyncio.gather(*endings)
        self._reap_children()
        for pane in self.server.all_panes():
            pane.close()
        try:
            os.unlink(self.paths.lock)
        except FileNotFoundError:
            pass
        for connection in list(self.connections):
            connection.close()
        self.state = "STOPPED"
        self.stopped.set()
        log.info("daemon %d stopped", os.getpid())


def _ignore_status(status: int) -> None:
    """The exit of a program no pane shows any more (respawn-pane -k replaced it)."""


def _existing(cwd: str) -> str:
    """A start directory that exists: the given one, else the home directory."""
    return cwd if os.path.isdir(cwd) else os.path.expanduser("~")


@contextlib.contextmanager
def _start_errors(argv: list[str]):
    """A program that cannot start is one clear line (tmux opens a pane that dies at once)."""
    try:
        yield
    except OSError as error:
        reason = "command not found" if isinstance(error, FileNotFoundError) else error.strerror or str(error)
        raise TargetError(f"can't run {argv[0]}: {reason}") from None


def run_daemon(paths: SocketPaths, *, lock_fd: int | None = None, ready_fd: int | None = None,
               log_level: str = "INFO", config_file: str | None = None) -> int:
    """Run a daemon in this process until it shuts down; its exit status."""
    setup_logging(paths, log_level)
    # Start-up objects live as long as the daemon: keep the cycle collector off them.
    gc.freeze()

    async def main() -> int:
        return await Daemon(paths, lock_fd=lock_fd, ready_fd=ready_fd, config_file=config_file).run()

    try:
        return asyncio.run(main())
    finally:
        logging.shutdown()
