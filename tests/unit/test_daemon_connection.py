"""The client's DaemonConnection (client/connection.py) when the daemon closes while the client
is not reading (a lock or a suspend): the daemon's last words are still read."""

from __future__ import annotations

import asyncio
import socket
import time

from tmux_py import protocol
from tmux_py.client.connection import DaemonConnection


def test_a_write_after_the_daemon_closed_still_reads_its_exit(tmp_path) -> None:
    async def scenario() -> tuple[list, list]:
        loop = asyncio.get_running_loop()
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(tmp_path / "s"))
        listener.listen()
        listener.setblocking(False)
        events: list = []
        lost: list = []
        connection = DaemonConnection(str(tmp_path / "s"), events.append, lost.append)

        async def daemon() -> socket.socket:
            peer, _ = await loop.sock_accept(listener)
            await loop.sock_recv(peer, 65536)  # the hello
            peer.sendall(protocol.encode(protocol.Welcome(version=protocol.PROTOCOL_VERSION, server_pid=1,
                                                          server_version="test")))
            return peer

        serving = asyncio.ensure_future(daemon())
        peer = None
        try:
            await connection.connect()
            peer = await serving
            peer.sendall(protocol.encode(protocol.Exit(reason="detached", message="[detached]")))
            peer.close()
            # No await since the close: the client has not read the Exit when its write fails.
            connection.send(protocol.Keys(keys=["a"]))
            deadline = time.monotonic() + 10
            while not connection.closed and time.monotonic() < deadline:
                await asyncio.sleep(0.01)  # polling the connection's end, not a fixed wait
            assert connection.closed, "the failed write closed the connection"
        finally:
            serving.cancel()
            if peer is not None:
                peer.close()
            listener.close()
            connection.close()
        return events, lost

    events, lost = asyncio.run(scenario())
    assert [type(event) for event in events] == [protocol.Exit] and events[0].reason == "detached"
    assert lost == [], "an Exit was said: the client leaves as detached, not as a lost server"
