"""A bare attached client that speaks the protocol over a blocking socket.

Tests and benchmarks use it where the Textual client would get in the way: a
client that never reads (to make the daemon's path to it back up), a client
whose screen is compared line by line with ``capture-pane``, or one that times
a keystroke's echo. It keeps each pane's lines as text, applied from
``pane-update`` messages exactly as a real client would.
"""

from __future__ import annotations

import select
import socket
import time

from tmux_py import protocol


class ProtocolClient:
    def __init__(self, socket_path: str, *, receive_buffer: int | None = None) -> None:
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        if receive_buffer is not None:
            # A small buffer makes a client that does not read back up quickly.
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
        self.sock.connect(socket_path)
        self.decoder = protocol.FrameDecoder()
        self.screens: dict[str, dict[int, str]] = {}
        self.layout: protocol.Layout | None = None
        self.flow: list[protocol.Flow] = []
        self.exit: protocol.Exit | None = None
        self.replies: dict[int, protocol.Reply] = {}
        #: The option values the daemon told this client to apply (on attach, then as they change).
        self.options: dict = {}
        #: What the daemon asked this client to do (prompts, lists to choose from, messages), in order.
        self.actions: list[protocol.ClientAction] = []
        self.updates = 0
        self.full_updates = 0  # screens sent whole (attach, resize, resync, refresh-client)
        self.next_id = 1
        self.send(protocol.Hello(version=protocol.PROTOCOL_VERSION, client="tui"))

    def send(self, *messages: protocol.Message) -> None:
        self.sock.sendall(b"".join(protocol.encode(message) for message in messages))

    def close(self) -> None:
        self.sock.close()

    def __enter__(self) -> "ProtocolClient":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def attach(self, target: str, columns: int = 80, lines: int = 24, *, wait: bool = True, tty: str = "") -> None:
        """Attach to ``target``; ``tty`` names the client (list-clients), as a terminal's would."""
        request_id = self.next_id
        self.next_id += 1
        self.send(protocol.Attach(id=request_id, target=target, columns=columns, lines=lines, tty=tty))
        if wait:
            self.wait_for(lambda: request_id in self.replies, 10, "attach reply")
            reply = self.replies[request_id]
            assert reply.ok, reply.error

    def keys(self, *names: str) -> None:
        self.send(protocol.Keys(keys=list(names)))

    # --- receiving --------------------------------------------------------

    def actions_of(self, name: str) -> list[dict]:
        """The arguments of every ``name`` client action received so far, in order."""
        return [message.args for message in self.actions if message.action == name]

    def nth_action(self, name: str, number: int) -> dict:
        """The ``number``th (from 1) ``name`` client action, once it has come."""
        self.wait_for(lambda: len(self.actions_of(name)) >= number, 10, f"{name} {number}")
        return self.actions_of(name)[number - 1]

    def pump(self, timeout: float) -> bool:
        """Read and apply whatever arrives within ``timeout``; False when the daemon hung up."""
        if not select.select([self.sock], [], [], max(0.0, timeout))[0]:
            return True
        data = self.sock.recv(1 << 20)
        if not data:
            return False
        for message in self.decoder.feed(data):
            self._apply(message)
        return True

    def _apply(self, message: protocol.Message) -> None:
        if isinstance(message, protocol.PaneUpdate):
            self.updates += 1
            self.full_updates += message.full
            screen = {} if message.full else self.screens.setdefault(message.pane, {})
            for y, runs in message.lines:
                screen[y] = "".join(run[0] for run in runs)
            self.screens[message.pane] = screen
        elif isinstance(message, protocol.Layout):
            self.layout = message
        elif isinstance(message, protocol.Flow):
            self.flow.append(message)
        elif isinstance(message, protocol.Reply):
            self.replies[message.id] = message
            if isinstance(message.result, dict):
                self.options.update(message.result.get("options", {}))
        elif isinstance(message, protocol.ClientAction):
            self.actions.append(message)
            if message.action == "options":
                self.options.update(message.args)
        elif isinstance(message, protocol.Exit):
            self.exit = message

    def wait_for(self, predicate, timeout: float, what: str):
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
            if not self.pump(remaining):
                raise AssertionError(f"daemon hung up while waiting for {what}")

    def text(self, pane: str) -> list[str]:
        """The pane's lines as this client has them, trailing blanks trimmed (as capture-pane)."""
        screen = self.screens.get(pane, {})
        lines = [screen.get(y, "").rstrip() for y in range(max(screen, default=-1) + 1)]
        while lines and not lines[-1]:
            lines.pop()
        return lines
