"""One client connection: peer check, handshake, read loop, requests.

Each accepted socket gets a :class:`Connection`. It checks the peer's uid
(SO_PEERCRED), waits up to :data:`HELLO_TIMEOUT` for a :class:`Hello` of the
same protocol version, then serves requests in order. A frame that breaks the
protocol gets an :class:`Error` and closes this connection only; the daemon
counts it and every other client carries on.

A connection that sends :class:`Attach` becomes an attached client: from then
on the daemon pushes screen state to it (see ``client_session.py``).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import struct
import time
from typing import TYPE_CHECKING

from tmux_py import commands, protocol
from tmux_py.commands.entry import CommandError, UsageError

if TYPE_CHECKING:
    from tmux_py.server.daemon import Daemon
    from tmux_py.server.model import Target

log = logging.getLogger(__name__)

HELLO_TIMEOUT = 5.0
READ_SIZE = 256 * 1024


def peer_uid(sock: socket.socket) -> int:
    credentials = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return uid


class Connection:
    """The daemon's side of one client connection."""

    def __init__(self, daemon: Daemon, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.daemon = daemon
        self.reader = reader
        self.writer = writer
        self.decoder = protocol.FrameDecoder()
        self.kind = "unknown"
        self.peer_pid = 0
        self.connected = time.time()
        self.closing = False

    # --- sending ----------------------------------------------------------

    def send(self, message: protocol.Message) -> None:
        if not self.closing:
            self.writer.write(protocol.encode(message))

    def fail(self, code: str, text: str) -> None:
        """Tell the peer what went wrong, then close this connection."""
        log.warning("closing connection (pid %d): %s: %s", self.peer_pid, code, text)
        self.send(protocol.Error(code=code, message=text))
        self.close()

    def close(self) -> None:
        if not self.closing:
            self.closing = True
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
            self.close()
            self.daemon.connection_closed(self)

    async def _handshake(self) -> bool:
        try:
            while True:
                data = await asyncio.wait_for(self.reader.read(READ_SIZE), HELLO_TIMEOUT)
                if not data:
                    return False
                messages = self.decoder.feed(data)
                if messages:
                    break
        except asyncio.TimeoutError:
            self.daemon.bad_peers += 1
            self.fail(protocol.E_TIMEOUT, f"no hello within {HELLO_TIMEOUT:g} s")
            return False
        except protocol.ProtocolError as error:
            self.daemon.bad_peers += 1
            self.fail(protocol.E_PROTOCOL, str(error))
            return False
        hello, rest = messages[0], messages[1:]
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
        for message in rest:
            await self.handle(message)
        return True

    async def _receive(self, data: bytes) -> bool:
        try:
            messages = self.decoder.feed(data)
        except protocol.ProtocolError as error:
            self.daemon.bad_peers += 1
            self.fail(protocol.E_PROTOCOL, str(error))
            return False
        for message in messages:
            await self.handle(message)
        return True

    async def handle(self, message: protocol.Message | protocol.UnknownMessageType) -> None:
        if isinstance(message, protocol.UnknownMessageType):
            self.send(protocol.Reply(
                id=message.request_id, ok=False,
                error={"code": protocol.E_UNKNOWN_TYPE, "message": str(message)},
            ))
        elif isinstance(message, protocol.Request):
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
        from tmux_py.server.model import Target

        window, pane = found
        return Target(window.session, window, pane)

    async def handle_request(self, request: protocol.Request) -> None:
        started = time.perf_counter()
        ctx = commands.Context(
            daemon=self.daemon, client=None, cwd=request.cwd or os.getcwd(),
            current=self.current_target(request.env_pane), tty=request.tty,
        )
        ok, result, error = True, None, None
        try:
            result = commands.run(ctx, request.argv).to_wire()
        except UsageError as failure:
            ok, error = False, {"code": protocol.E_USAGE, "message": str(failure)}
        except CommandError as failure:
            ok, error = False, {"code": protocol.E_COMMAND, "message": str(failure)}
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
