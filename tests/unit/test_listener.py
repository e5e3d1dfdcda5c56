"""The daemon's listening socket (server/listener.py): peers handed over, no spin when out of fds."""

from __future__ import annotations

import asyncio
import logging
import os
import resource
import socket

from tmux_py.server import listener
from tmux_py.server.listener import Listener


async def _until(predicate, timeout: float, what: str) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.01)


def test_each_peer_is_handed_over_non_blocking(tmp_path) -> None:
    async def scenario() -> None:
        peers: list[socket.socket] = []
        server = Listener(str(tmp_path / "s"), peers.append)
        clients = [socket.socket(socket.AF_UNIX) for _ in range(3)]
        try:
            for client in clients:
                client.connect(str(tmp_path / "s"))
            await _until(lambda: len(peers) == 3, 5, "three peers")
            assert all(not peer.getblocking() for peer in peers)
            peers[0].send(b"hi")
            assert clients[0].recv(2) == b"hi"
        finally:
            server.close()
            server.close()  # closing twice is harmless
            for sock in clients + peers:
                sock.close()

    asyncio.run(scenario())


def test_out_of_file_descriptors_pauses_accepting_then_resumes(tmp_path, caplog, monkeypatch) -> None:
    monkeypatch.setattr(listener, "RETRY_AFTER", 0.2)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)

    async def scenario() -> None:
        peers: list[socket.socket] = []
        server = Listener(str(tmp_path / "s"), peers.append)
        client = socket.socket(socket.AF_UNIX)
        fillers: list[int] = []
        try:
            # Every descriptor number below the limit taken: accept(2) fails with EMFILE.
            resource.setrlimit(resource.RLIMIT_NOFILE, (max(map(int, os.listdir("/proc/self/fd"))) + 2, hard))
            while True:
                try:
                    fillers.append(os.dup(0))
                except OSError:
                    break
            client.connect(str(tmp_path / "s"))
            await _until(lambda: "accept failed" in caplog.text, 5, "the accept to fail")
            for fd in fillers:
                os.close(fd)
            fillers.clear()
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
            await _until(lambda: len(peers) == 1, 5, "the peer to be accepted once fds are free")
            assert caplog.text.count("accept failed") == 1, "the listener waited instead of spinning"
        finally:
            for fd in fillers:
                os.close(fd)
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
            server.close()
            client.close()
            for peer in peers:
                peer.close()

    with caplog.at_level(logging.WARNING, logger="tmux_py.server.listener"):
        asyncio.run(scenario())
