"""The client's link to the daemon: an asyncio protocol, no Textual.

:class:`DaemonConnection` opens the Unix socket, says hello, attaches, and then
hands every event the daemon pushes (``Layout``, ``PaneUpdate``,
``ClientAction``, ``Flow``, ``Exit``) to ``on_event`` as soon as its frame is
complete, in the event loop's thread: no queue sits between the socket and the
screen. Requests (commands, history) return futures resolved by the matching
``Reply``. When the socket closes without an ``Exit``, ``on_lost`` is called
(the daemon died).

Writes are never awaited: key and mouse messages are tens of bytes, and the
daemon reads continuously; ``transport.write`` buffers the rest.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable

from tmux_py import protocol

#: How long the handshake and the attach may take before the client gives up.
CONNECT_TIMEOUT = 10.0
#: ``on_lost``'s reason when the socket simply closed (the daemon died); else the daemon's error.
CLOSED = "connection closed"


class ConnectionLost(Exception):
    """The daemon closed the connection or never answered."""


class _Protocol(asyncio.Protocol):
    def __init__(self, owner: DaemonConnection) -> None:
        self.owner = owner
        self.decoder = protocol.FrameDecoder()
        self._fd = -1

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._fd = transport.get_extra_info("socket").fileno()

    def data_received(self, data: bytes) -> None:
        try:
            messages = self.decoder.feed(data)
        except protocol.ProtocolError as error:
            self.owner._lost(f"protocol error: {error}")
            return
        for message in messages:
            self.owner._dispatch(message)

    def connection_lost(self, exc: Exception | None) -> None:
        try:
            if isinstance(exc, OSError):  # a write failed; not a handler's own exception
                self._read_what_is_left()
        finally:
            self.owner._lost(CLOSED)

    def _read_what_is_left(self) -> None:
        """A write failed (the daemon had closed while the client was not reading: a lock, a
        suspend): asyncio gives up on the socket, yet what the daemon said before it closed,
        its Exit above all, is still there to read. The socket is open until this returns."""
        while True:
            try:
                data = os.read(self._fd, 65536)
            except OSError:  # nothing more now (EAGAIN), or a reset
                return
            if not data:
                return
            self.data_received(data)


class DaemonConnection:
    """One connection to the daemon, used by one attached client."""

    def __init__(self, socket_path: str, on_event: Callable[[protocol.Message], None],
                 on_lost: Callable[[str], None]) -> None:
        self.socket_path = socket_path
        self.on_event = on_event
        self.on_lost = on_lost
        self.transport: asyncio.Transport | None = None
        self.welcome: protocol.Welcome | None = None
        self.exit: protocol.Exit | None = None
        self.closed = False
        self._lost_reported = False
        self._welcomed: asyncio.Future | None = None
        self._replies: dict[int, asyncio.Future] = {}
        self._next_id = 1

    async def connect(self) -> protocol.Welcome:
        loop = asyncio.get_running_loop()
        self._welcomed = loop.create_future()
        try:
            self.transport, _ = await loop.create_unix_connection(lambda: _Protocol(self), self.socket_path)
        except OSError as error:
            raise ConnectionLost(f"no server running on {self.socket_path} ({error.strerror})") from None
        self.send(protocol.Hello(version=protocol.PROTOCOL_VERSION, client="tui", pid=os.getpid()))
        self.welcome = await asyncio.wait_for(self._welcomed, CONNECT_TIMEOUT)
        return self.welcome

    async def attach(self, target: str, columns: int, lines: int, *, detach_others: bool = False,
                     tty: str = "", term: str = "") -> protocol.Reply:
        request_id = self._new_id()
        reply = self._expect(request_id)
        self.send(protocol.Attach(id=request_id, target=target, columns=columns, lines=lines,
                                  detach_others=detach_others, tty=tty, term=term))
        return await asyncio.wait_for(reply, CONNECT_TIMEOUT)

    def send(self, message: protocol.Message) -> None:
        if self.transport is not None and not self.closed:
            self.transport.write(protocol.encode(message))

    def request(self, argv: list[str], cwd: str = "") -> asyncio.Future:
        """Run a command in the daemon as this client; the future gets the Reply."""
        request_id = self._new_id()
        reply = self._expect(request_id)
        self.send(protocol.Request(id=request_id, argv=argv, cwd=cwd or _cwd()))
        return reply

    def history(self, pane: str, start: int, stop: int) -> asyncio.Future:
        request_id = self._new_id()
        reply = self._expect(request_id)
        self.send(protocol.History(id=request_id, pane=pane, start=start, stop=stop))
        return reply

    def close(self) -> None:
        if self.transport is not None and not self.closed:
            self.closed = True
            self.transport.close()

    # --- internals -----------------------------------------------------------

    def _new_id(self) -> int:
        request_id = self._next_id
        self._next_id += 1
        return request_id

    def _expect(self, request_id: int) -> asyncio.Future:
        future = asyncio.get_running_loop().create_future()
        self._replies[request_id] = future
        return future

    def _dispatch(self, message) -> None:
        if isinstance(message, protocol.Reply):
            future = self._replies.pop(message.id, None)
            if future is not None and not future.done():
                future.set_result(message)
        elif isinstance(message, protocol.Welcome):
            if self._welcomed is not None and not self._welcomed.done():
                self._welcomed.set_result(message)
        elif isinstance(message, protocol.Error):
            self._fail_waiters(ConnectionLost(message.message))
            self._lost(message.message)
        elif isinstance(message, protocol.Exit):
            self.exit = message
            self.on_event(message)
        elif isinstance(message, protocol.Message):
            self.on_event(message)

    def _fail_waiters(self, error: Exception) -> None:
        for future in [self._welcomed, *self._replies.values()]:
            if future is not None and not future.done():
                future.set_exception(error)
        self._replies.clear()

    def _lost(self, why: str) -> None:
        """The socket is gone: waiters fail; ``on_lost`` only if nobody said why (no Exit, not closed by us)."""
        if self._lost_reported:
            return
        self._lost_reported = True
        closed_by_us = self.closed
        self.closed = True
        self._fail_waiters(ConnectionLost(why))
        if self.transport is not None:
            self.transport.close()
        if self.exit is None and not closed_by_us:
            self.on_lost(why)

def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:
        return os.path.expanduser("~")
