"""The daemon's listening Unix socket, accepted by hand.

asyncio's own server takes three event-loop turns from a peer's knock to the
coroutine that serves it (accept, transport, protocol), and the daemon learns
of the peer only at the end. Under a flood every one of those turns carries the
throttled panes' read budget, which made a CLI call beside `yes` wait ~4 ms
before the daemon even knew of it. Accepting here tells the daemon in the
turn the peer knocks, so the floods step aside at once (``ReadRation.hold``).
"""

from __future__ import annotations

import asyncio
import errno
import logging
import socket
from collections.abc import Callable

log = logging.getLogger(__name__)

#: Pending connections the kernel may queue before we accept them.
BACKLOG = 100
#: Out of file descriptors: stop accepting for this long (asyncio's ACCEPT_RETRY_DELAY), since
#: the listening socket stays readable and retrying at once would spin the loop.
RETRY_AFTER = 1.0
#: Errors that say the process or system is out of a resource, not that the peer is bad.
RESOURCE_ERRORS = (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM)


class Listener:
    """A listening socket at ``path`` that hands each accepted peer's socket to ``on_peer``."""

    def __init__(self, path: str, on_peer: Callable[[socket.socket], None]) -> None:
        self._loop = asyncio.get_running_loop()
        self._on_peer = on_peer
        self._retry: asyncio.TimerHandle | None = None
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            self._sock.bind(path)
            self._sock.listen(BACKLOG)
        except OSError:
            self._sock.close()
            raise
        self._sock.setblocking(False)
        self._loop.add_reader(self._sock.fileno(), self._accept)

    def _accept(self) -> None:
        while True:
            try:
                peer, _ = self._sock.accept()
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                return
            except OSError as error:
                if error.errno not in RESOURCE_ERRORS:
                    raise
                log.warning("accept failed (%s): not accepting for %g s", error.strerror, RETRY_AFTER)
                self._loop.remove_reader(self._sock.fileno())
                self._retry = self._loop.call_later(RETRY_AFTER, self._resume)
                return
            peer.setblocking(False)
            self._on_peer(peer)

    def _resume(self) -> None:
        self._retry = None
        self._loop.add_reader(self._sock.fileno(), self._accept)

    def close(self) -> None:
        """Stop listening (the socket file stays; the daemon removes it)."""
        if self._sock.fileno() < 0:
            return
        if self._retry is not None:
            self._retry.cancel()
        self._loop.remove_reader(self._sock.fileno())
        self._sock.close()
