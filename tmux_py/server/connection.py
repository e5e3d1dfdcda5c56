"""One client connection: peer check, handshake, read loop, requests.

Each accepted socket gets a :class:`Connection`. It checks the peer's uid
(SO_PEERCRED), waits up to :data:`HELLO_TIMEOUT` for a :class:`Hello` of the
same protocol version, then serves requests in order. A frame that breaks the
protocol gets an :class:`Error` and closes this connection only; the daemon
counts it and every other client carries on.

A connection that sends :class:`Attach` becomes an attached client: from then
on the daemon pushes screen state to it (see ``attached.py``); requests it
sends run with that client as their ``ctx.client`` and its window as ``ctx.current``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import struct
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from tmux_py import commands, protocol
from tmux_py.commands.entry import CommandError, UsageError

from tmux_py.server.model import Target

if TYPE_CHECKING:
    from tmux_py.server.daemon import Daemon

log = logging.getLogger(__name__)

#: A peer that has not said hello by then is dropped (tests shorten it).
HELLO_TIMEOUT = float(os.environ.get("TMUXPY_HELLO_TIMEOUT", "5"))
READ_SIZE = 256 * 1024
#: How long a failed peer is given to read its error and hang up.
FAILED_LINGER = 2.0


def peer_uid(sock: socket.socket) -> int:
    credentials = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return uid


class Connection:
    """The daemon's side of one client connection."""

    def __init__(self, daemon: Daemon, reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                 release_floods: Callable[[], None]) -> None:
        self.daemon = daemon
        self.reader = reader
        self.writer = writer
        self.decoder = protocol.FrameDecoder()
        self.kind = "unknown"
        self.peer_pid = 0
        self.connected = time.time()
        self.closing = False
        self.failed = False
        self._requests: set[asyncio.Task] = set()
        #: Ends the floods' hold (ReadRation.hold) taken when the peer was accepted: at the first
        #: answer or the end.
        self._release_floods = release_floods

    # --- sending ----------------------------------------------------------

    def send(self, message: protocol.Message) -> int:
        """Queue a message for the peer; the bytes it took (0 once closing)."""
        if self.closing:
            return 0
        if isinstance(message, (protocol.Reply, protocol.Error)):
            self._release_floods()
        frame = protocol.encode(message)
        self.writer.write(frame)
        return len(frame)

    def fail(self, code: str, text: str) -> None:
        """Tell the peer what went wrong and stop listening to it.

        The write side is shut after the error; ``serve`` then discards what
        the peer still sends until it hangs up (briefly), because closing a
        socket with unread input resets it and the peer might lose the error.
        """
        log.warning("closing connection (pid %d): %s: %s", self.peer_pid, code, text)
        self.send(protocol.Error(code=code, message=text))
        self.failed = True
        if self.writer.can_write_eof():
            self.writer.write_eof()
        self.closing = True

    async def _discard_input(self) -> None:
        try:
            while await self.reader.read(READ_SIZE):
                pass
        except ConnectionError:
            pass

    def close(self) -> None:
        self._release_floods()
        self.closing = True
        if not self.writer.is_closing():
            self.writer.close()

    # --- receiving --------------------------------------------------------

    async def serve(self) -> None:
        try:
            sock = self.writer.get_extra_info("socket")
            uid = peer_uid(sock)
            if uid not in (os.getuid(), 0):
                self.daemon.bad_peers += 1
                self.fail(protocol.E_ACCESS, "access not allowed")
                return
            if not await self._handshake():
                return
            while not self.closing:
                data = await self.reader.read(READ_SIZE)
                if not data:
                    break
                if not await self._receive(data):
                    break
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            if self.failed:
                try:
                    await asyncio.wait_for(self._discard_input(), FAILED_LINGER)
                except asyncio.TimeoutError:
                    pass
            self.close()
            self.daemon.connection_closed(self)

    async def _handshake(self) -> bool:
        try:
            data = await asyncio.wait_for(self._read_until_message(), HELLO_TIMEOUT)
        except asyncio.TimeoutError:
            self.daemon.bad_peers += 1
            self.fail(protocol.E_TIMEOUT, f"no hello within {HELLO_TIMEOUT:g} s")
            return False
        if data is None:
            return False
        return await self._receive(data, expect_hello=True)

    async def _read_until_message(self) -> bytes | None:
        """Bytes up to and including the first complete frame header and body."""
        data = b""
        while True:
            chunk = await self.reader.read(READ_SIZE)
            if not chunk:
                return None
            data += chunk
            if len(data) >= protocol.HEADER_SIZE:
                length = int.from_bytes(data[: protocol.HEADER_SIZE], "big")
                if length > protocol.MAX_FRAME or len(data) >= protocol.HEADER_SIZE + length:
                    return data

    def _greet(self, hello: protocol.Message) -> bool:
        if not isinstance(hello, protocol.Hello):
            self.daemon.bad_peers += 1
            self.fail(protocol.E_PROTOCOL, "the first message must be hello")
            return False
        if hello.version != protocol.PROTOCOL_VERSION:
            self.fail(
                protocol.E_VERSION,
                f"protocol version mismatch (client {hello.version}, server {protocol.PROTOCOL_VERSION})",
            )
            return False
        self.kind = hello.client
        self.peer_pid = hello.pid
        self.send(protocol.Welcome(
            version=protocol.PROTOCOL_VERSION, server_pid=os.getpid(), server_version=self.daemon.version,
        ))
        return True

    async def _receive(self, data: bytes, expect_hello: bool = False) -> bool:
        """Handle every message in ``data``; False once the connection must close."""
        try:
            for message in self.decoder.messages(data):
                if expect_hello:
                    expect_hello = False
                    if not self._greet(message):
                        return False
                    continue
                await self.handle(message)
                if self.closing:
                    return False
        except protocol.ProtocolError as error:
            self.daemon.bad_peers += 1
            self.fail(protocol.E_PROTOCOL, str(error))
            return False
        return True

    async def handle(self, message: protocol.Message | protocol.UnknownMessageType) -> None:
        if isinstance(message, protocol.UnknownMessageType):
            self.send(protocol.Reply(
                id=message.request_id, ok=False,
                error={"code": protocol.E_UNKNOWN_TYPE, "message": str(message)},
            ))
        elif isinstance(message, protocol.Request):
            if self.daemon.attachments.client(self) is not None:
                # An attached client's keys must not wait behind its run-shell or wait-for:
                # its requests run as tasks (in order up to their first wait).
                task = asyncio.get_running_loop().create_task(self.handle_request(message))
                self._requests.add(task)
                task.add_done_callback(self._requests.discard)
            else:
                await self.handle_request(message)
        elif isinstance(message, protocol.Ping):
            self.send(protocol.Pong(id=message.id))
        else:
            self.daemon.handle_client_message(self, message)

    def current_target(self, env_pane: str) -> Target | None:
        """Where the caller stands: the pane of its ``$TMUXPY``, if it is one of ours."""
        socket_path, _, rest = env_pane.partition(",")
        pane_id = rest.rpartition(",")[2]
        if socket_path != self.daemon.server.socket_path or not pane_id:
            return None
        found = self.daemon.server.find_pane(pane_id)
        if not found:
            return None
        window, pane = found
        return Target(window.session, window, pane)

    async def handle_request(self, request: protocol.Request) -> None:
        started = time.perf_counter()
        # A command from an attached client (a key binding, the prompt) acts on its window.
        client = self.daemon.attachments.client(self)
        if client is not None:  # a binding or the prompt: the user's input (lock-after-time)
            self.daemon.attachments.used(client)
        ctx = commands.Context(
            daemon=self.daemon, client=client, cwd=request.cwd or os.getcwd(),
            current=self.current_target(request.env_pane) or (client.current_target() if client else None),
            tty=request.tty, environment=dict(item.partition("=")[::2] for item in request.environ),
            caller=client.name if client else f"client-{self.peer_pid}",
        )
        ok, result, error = True, None, None
        try:
            result = (await commands.run_sequence(ctx, request.argv)).to_wire()
        except UsageError as failure:
            ok, error = False, {"code": protocol.E_USAGE, "message": str(failure)}
        except CommandError as failure:
            ok, error = False, {"code": protocol.E_COMMAND, "message": str(failure)}
            result = {"output": failure.output} if failure.output else None
            self.daemon.log_message(f"{ctx.caller} message: {failure}")
        except Exception as failure:  # a bug in a handler must not take the daemon down
            log.exception("command %r failed", request.argv)
            ok, error = False, {"code": protocol.E_COMMAND, "message": f"internal error: {failure}"}
        self.send(protocol.Reply(
            id=request.id, ok=ok, result=result, error=error, elapsed=time.perf_counter() - started,
        ))
        if self.daemon.state == "STOPPING":
            # kill-server: the requester stays connected until shutdown is done,
            # so `tmuxpy kill-server` returns only when nothing is left.
            await self.daemon.stopped.wait()
