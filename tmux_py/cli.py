"""The ``tmuxpy`` command: argv -> one request to the daemon, its answer -> stdout.

Global flags come first, as in tmux (``-S PATH``, ``-L NAME``, ``-f FILE``,
``-v``, ``-V``; the attached forms ``-SPATH`` work too), then one command of the command table
with its arguments. Arguments are checked here against the table (a usage
error never needs the daemon), then sent as a request; the daemon runs the
command and replies. A command that creates sessions starts the daemon when
none answers; the others report ``no server running on PATH``.

Errors are one line on stderr: exit 1 for a failed command, 2 for a usage
error. This module never imports Textual: the attached client is loaded only
when a reply says to attach.
"""

from __future__ import annotations

import os
import sys

# The C module behind `socket`: it has everything a blocking Unix-socket client
# needs, without the enum and selectors imports that cost the CLI ~12 ms a run.
import _socket

from tmux_py import __version__, protocol
from tmux_py.paths import SocketPaths, UnsafePathError, prepare_socket_dir, resolve_socket

USAGE = """\
usage: tmuxpy [-vV] [-f file] [-L socket-name] [-S socket-path] [--theme NAME] [command [flags]]
       tmuxpy server {start [--foreground] | stop | status [--json] | health}
       tmuxpy list-commands   (every command, with its usage)"""

#: A cold daemon start must answer within this (the goal is 2 s; CI machines are slower).
START_TIMEOUT = 10.0
HEALTH_TIMEOUT = 2.0


class DaemonStart:
    """How a daemon this CLI starts is run: its log level and ``-f`` config file (None: the default).

    A plain class: importing dataclasses costs the CLI a quarter of its start-up.
    """

    __slots__ = ("log_level", "config_file")

    def __init__(self, log_level: str = "INFO", config_file: str | None = None) -> None:
        self.log_level = log_level
        self.config_file = config_file


class ConfigStoppedServer(Exception):
    """The daemon this CLI started was stopped by its own config (kill-server): like tmux, the
    command is not run and the CLI exits 0 in silence."""


class CliError(Exception):
    """One line for stderr, and the exit status."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


# --- talking to the daemon ------------------------------------------------------


class DaemonLink:
    """A blocking connection to the daemon: hello, then requests in order."""

    def __init__(self, sock: _socket.socket) -> None:
        self.sock = sock
        self.decoder = protocol.FrameDecoder(light=True)
        self.pending: list[protocol.Message] = []
        self.next_id = 1

    @classmethod
    def connect(cls, paths: SocketPaths, timeout: float | None = None) -> DaemonLink:
        sock = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(str(paths.socket))
        except OSError:
            sock.close()
            raise
        return cls(sock)

    def close(self) -> None:
        self.sock.close()

    def send(self, *messages: protocol.Message) -> None:
        self.sock.sendall(b"".join(protocol.encode(message, light=True) for message in messages))

    def receive(self) -> protocol.Message:
        """The next message; CliError when the daemon hangs up or breaks the protocol."""
        while not self.pending:
            data = self.sock.recv(1 << 16)
            if not data:
                raise CliError("server exited unexpectedly")
            for message in self.decoder.feed(data):
                if isinstance(message, protocol.Error):
                    raise CliError(message.message)
                if isinstance(message, protocol.Message):
                    self.pending.append(message)
        return self.pending.pop(0)

    def hello(self) -> protocol.Hello:
        return protocol.Hello(version=protocol.PROTOCOL_VERSION, client="cli", pid=os.getpid())

    def request(self, argv: list[str], *, with_hello: bool = True) -> protocol.Reply:
        request = protocol.Request(
            id=self.next_id, argv=argv, cwd=_cwd(), env_pane=os.environ.get("TMUXPY", ""),
            tty=sys.stdin.isatty() and sys.stdout.isatty(),
            environ=[f"{name}={value}" for name, value in os.environ.items()],
        )
        self.next_id += 1
        # Hello and request go out together: one round trip, not two.
        self.send(*((self.hello(),) if with_hello else ()), request)
        while True:
            message = self.receive()
            if isinstance(message, protocol.Reply) and message.id == request.id:
                return message

    def wait_closed(self, timeout: float) -> None:
        """Block until the daemon closes the connection (it has finished shutting down)."""
        self.sock.settimeout(timeout)
        try:
            while self.sock.recv(1 << 16):
                pass
        except OSError:
            pass


def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:
        return os.path.expanduser("~")


def _connect(paths: SocketPaths) -> DaemonLink | None:
    try:
        return DaemonLink.connect(paths)
    except (FileNotFoundError, ConnectionRefusedError):
        return None


def start_daemon(paths: SocketPaths, start: DaemonStart) -> DaemonLink:
    """Connect, starting the daemon first if none answers (one daemon per socket).

    Racing starters serialise on the lock file beside the socket; the one that
    holds it starts the daemon, hands the lock over (the daemon inherits the
    locked file) and waits for it to say ready on a pipe.
    """
    link = _connect(paths)
    if link is not None:
        return link
    import fcntl

    from tmux_py.server.daemon import socket_answers

    lock_fd = os.open(paths.lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(lock_fd, fcntl.LOCK_EX)
        if not socket_answers(str(paths.socket)):
            _spawn_daemon(paths, lock_fd, start)
    finally:
        os.close(lock_fd)
    link = _connect(paths)
    if link is None:
        raise CliError(f"server failed to start on {paths.socket} (see {paths.log})")
    return link


def _spawn_daemon(paths: SocketPaths, lock_fd: int, start: DaemonStart) -> None:
    import subprocess

    read_fd, write_fd = os.pipe()
    try:
        subprocess.Popen(
            [sys.executable, "-m", "tmux_py.server", str(paths.socket),
             "--lock-fd", str(lock_fd), "--ready-fd", str(write_fd), "--log-level", start.log_level,
             *(("--config", start.config_file) if start.config_file is not None else ())],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(lock_fd, write_fd), start_new_session=True, cwd="/",
        )
    finally:
        os.close(write_fd)
    try:
        answer = _starter_answer(read_fd, paths)
    finally:
        os.close(read_fd)
    if answer == b"stopped":
        raise ConfigStoppedServer()
    if answer != b"ready":
        message = answer.decode(errors="replace").strip() or f"server failed to start (see {paths.log})"
        raise CliError(message)


def _starter_answer(read_fd: int, paths: SocketPaths) -> bytes:
    """The daemon's last word on the ready pipe. START_TIMEOUT covers it getting to listen;
    its config then takes as long as it takes (a run-shell may wait), as tmux's client waits."""
    import select
    import time

    deadline = time.monotonic() + START_TIMEOUT
    received = b""
    while True:
        if deadline is not None and not select.select([read_fd], [], [], max(0, deadline - time.monotonic()))[0]:
            raise CliError(f"server did not start within {START_TIMEOUT:g} s (see {paths.log})")
        chunk = os.read(read_fd, 4096)
        if not chunk:  # it exited: with its reason unterminated, or none
            return received.strip()
        *lines, received = (received + chunk).split(b"\n")
        for line in lines:
            if line != b"listening":
                return line
            deadline = None


# --- commands ------------------------------------------------------------------------


def _no_server(paths: SocketPaths) -> CliError:
    return CliError(f"no server running on {paths.socket}")


def _entry(argv: list[str]):
    """The command's table entry, its arguments checked (a usage error never needs the daemon)."""
    from tmux_py import commands
    from tmux_py.cmdline import split_arguments

    try:
        return commands.parse((split_arguments(argv) or [[]])[0])[0]
    except commands.UsageError as error:
        raise CliError(str(error), status=2) from None
    except commands.CommandError as error:
        raise CliError(str(error)) from None


def run_command(paths: SocketPaths, argv: list[str], start: DaemonStart, theme: str | None = None) -> int:
    # With a daemon answering (the usual case) the daemon parses and checks the
    # command: the CLI skips loading the command table, which keeps it fast.
    link = _connect(paths)
    if link is None:
        entry = _entry(argv)
        if entry.name == "list-commands":
            return list_commands_here(argv)
        if entry.starts_server:
            link = start_daemon(paths, start)
        else:
            raise CliError("no sessions" if entry.name == "attach-session" else str(_no_server(paths)))
    try:
        reply = link.request(argv)
        result = reply.result or {}
        for line in result.get("output", ()):  # a failed sequence's earlier commands printed too
            print(line)
        sys.stdout.flush()
        if not reply.ok:
            error = reply.error or {}
            raise CliError(error.get("message", "failed"), status=2 if error.get("code") == protocol.E_USAGE else 1)
        if result.get("shutdown"):
            link.wait_closed(timeout=60)
        errors = result.get("errors", ())
        for message in errors:
            print(message, file=sys.stderr)
        attach = result.get("attach")
    finally:
        link.close()
    if attach:
        return attach_client(paths, attach, theme)
    return 1 if errors else result.get("status", 0)


def list_commands_here(argv: list[str]) -> int:
    """list-commands with no daemon running: tmux lists its commands without a server too."""
    from tmux_py import commands
    from tmux_py.commands.server import command_list

    _, args = commands.parse(argv)
    for line in command_list(args.value("F"), args.positional[0] if args.positional else None):
        print(line)
    return 0


def attach_client(paths: SocketPaths, session_id: str, theme: str | None) -> int:
    """Open the Textual client on a session (imported only now: the CLI stays light)."""
    from tmux_py.client.app import run_attached

    return run_attached(paths, session_id, theme=theme)


def server_command(paths: SocketPaths, argv: list[str], start: DaemonStart) -> int:
    action = argv[0] if argv else ""
    rest = argv[1:]
    if action == "start":
        if rest == ["--foreground"]:
            from tmux_py.server.daemon import AlreadyRunning, run_daemon

            try:
                return run_daemon(paths, log_level=start.log_level, config_file=start.config_file)
            except AlreadyRunning as error:
                raise CliError(str(error)) from None
        if rest:
            raise CliError("usage: tmuxpy server start [--foreground]", 2)
        already = _connect(paths)
        if already is not None:
            already.close()
            print(f"server already running on {paths.socket}")
            return 0
        start_daemon(paths, start).close()
        print(f"server started on {paths.socket}")
        return 0
    if action == "stop" and not rest:
        return run_command(paths, ["kill-server"], start)
    if action == "status" and rest in ([], ["--json"]):
        return run_command(paths, ["server-status", *rest], start)
    if action == "health" and not rest:
        return server_health(paths)
    raise CliError("usage: tmuxpy server {start [--foreground] | stop | status [--json] | health}", 2)


def server_health(paths: SocketPaths) -> int:
    """Exit 0 when the daemon answers a ping within 2 s; else say why."""
    try:
        link = DaemonLink.connect(paths, timeout=HEALTH_TIMEOUT)
    except (FileNotFoundError, ConnectionRefusedError):
        raise CliError(f"no daemon on {paths.socket}") from None
    except TimeoutError:
        raise CliError(f"no answer from {paths.socket} within {HEALTH_TIMEOUT:g} s") from None
    try:
        link.send(link.hello(), protocol.Ping(id=1))
        while not isinstance(message := link.receive(), protocol.Pong):
            pass
        reply = link.request(["server-status", "--json"], with_hello=False)
    except TimeoutError:
        raise CliError(f"no answer from {paths.socket} within {HEALTH_TIMEOUT:g} s") from None
    finally:
        link.close()
    import json

    status = json.loads(reply.result["output"][0]) if reply.ok else {}
    if status.get("state") != "READY":
        raise CliError(f"daemon on {paths.socket} is {status.get('state', 'not answering')}")
    print(f"healthy: pid {status['pid']}, {status['sessions']} sessions, {status['clients']} clients")
    return 0


# --- argv ------------------------------------------------------------------------------


def parse_global(argv: list[str]) -> tuple[dict, list[str]]:
    """Global flags before the command, tmux style; the rest is the command."""
    options: dict = {"verbose": 0}
    index = 0
    while index < len(argv) and argv[index].startswith("-") and argv[index] != "-":
        word = argv[index]
        index += 1
        if word == "--":
            break
        if word in ("-h", "--help"):
            options["help"] = True
            continue
        if word == "--theme" or word.startswith("--theme="):
            # tmuxpy's own long flag (tmux has no themes): the attached client's colours.
            if "=" in word:
                options["theme"] = word.split("=", 1)[1]
            elif index < len(argv):
                options["theme"] = argv[index]
                index += 1
            else:
                raise CliError(USAGE, 2)
            continue
        letters = word[1:]
        while letters:
            letter, letters = letters[0], letters[1:]
            if letter == "v":
                options["verbose"] += 1
            elif letter == "V":
                options["version"] = True
            elif letter in "SLf":
                if not letters:
                    if index >= len(argv):
                        raise CliError(USAGE, 2)
                    letters = argv[index]
                    index += 1
                options[letter] = letters
                letters = ""
            else:
                raise CliError(f"unknown flag -{letter}\n{USAGE}", 2)
    return options, argv[index:]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        options, command = parse_global(argv)
        if options.get("help"):
            print(USAGE)
            return 0
        if options.get("version"):
            print(f"tmuxpy {__version__}")
            return 0
        paths = resolve_socket(options.get("S"), options.get("L"))
        prepare_socket_dir(paths)
        config_file = options.get("f")
        start = DaemonStart(
            log_level="DEBUG" if options["verbose"] else os.environ.get("TMUXPY_LOG_LEVEL", "INFO"),
            config_file=os.path.abspath(os.path.expanduser(config_file)) if config_file else None,
        )
        if not command:
            command = ["new-session"]
        if command[0] == "server":
            return server_command(paths, command[1:], start)
        return run_command(paths, command, start, options.get("theme"))
    except UnsafePathError as error:
        print(f"tmuxpy: {error}", file=sys.stderr)
        return 1
    except CliError as error:
        print(str(error), file=sys.stderr)
        return error.status
    except ConfigStoppedServer:
        return 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1

