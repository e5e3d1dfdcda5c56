"""The daemon's per-client update state (server/attached.py): coalescing and flow control.

A fake connection stands in for the socket (its transport reports any buffer
size the test wants); the panes are real emulators, so the lines sent are the
screen as it is when the flush runs.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

from tmux_py import protocol
from tmux_py.options import SESSION, WINDOW, Options
from tmux_py.server.attached import Attachments, AttachedClient
from tmux_py.server.emulator import Emulator
from tmux_py.server.flow import Flow


class FakeTransport:
    def __init__(self) -> None:
        self.buffered = 0

    def get_write_buffer_size(self) -> int:
        return self.buffered

    def set_write_buffer_limits(self, high: int, low: int) -> None:
        pass


class FakeWriter:
    def __init__(self) -> None:
        self.transport = FakeTransport()
        self.drained = asyncio.Event()

    async def drain(self) -> None:
        await self.drained.wait()


class FakeConnection:
    def __init__(self) -> None:
        self.writer = FakeWriter()
        self.sent: list[protocol.Message] = []
        self.closing = False
        self.peer_pid = 1
        self.connected = 0.0

    def send(self, message: protocol.Message) -> int:
        self.sent.append(message)
        return len(protocol.encode(message))

    def close(self) -> None:
        self.closing = True


def _world():
    pane = SimpleNamespace(id="%0", title="", throttled=False, emulator=Emulator(20, 4))
    global_options = Options()
    window = SimpleNamespace(
        id="@0", index=0, name="sh", zoomed=False, activity_flag=False, bell_flag=False, columns=20, lines=4,
        active=pane, panes={"%0": pane}, geometry=lambda: {"%0": (0, 0, 20, 4)}, ordered_panes=lambda: [pane],
        options=Options(global_options, WINDOW),
    )
    session = SimpleNamespace(id="$0", name="s", current=window, last_window=None, columns=20, lines=4,
                              windows={0: window}, ordered_windows=lambda: [window], touch=lambda: None,
                              options=Options(global_options, SESSION))
    window.session = session
    daemon = SimpleNamespace(server=SimpleNamespace(sessions={"$0": session}, pane_windows={}, marked=None),
                             options=global_options)
    window.server = daemon.server
    return daemon, session, pane


def _updates(connection: FakeConnection) -> list[protocol.PaneUpdate]:
    return [message for message in connection.sent if isinstance(message, protocol.PaneUpdate)]


async def _attached():
    """A client attached to the fake world, its layout and first snapshot already sent."""
    daemon, session, pane = _world()
    attachments = Attachments(daemon)
    connection = FakeConnection()
    client = AttachedClient(attachments, connection, session, 20, 5, "", "")
    attachments.clients[connection] = client
    client.mark_layout()
    await _settle()
    # The first snapshot started the client's pace; start afresh so the next
    # flush runs on the next loop turn instead of one frame later.
    client.flow = Flow(client.flow.threshold, client.flow.max_queue, False)
    return attachments, connection, client, pane


async def _settle() -> None:
    for _ in range(5):
        await asyncio.sleep(0)


def test_a_burst_of_output_is_one_update_with_the_lines_as_they_are_now():
    async def body():
        attachments, connection, client, pane = await _attached()
        assert isinstance(connection.sent[0], protocol.Layout)
        assert _updates(connection)[-1].full, "the first update of a pane is a snapshot"
        connection.sent.clear()
        for text in (b"one\r\n", b"two\r\n", b"\x1b[1;1Hxne"):
            pane.emulator.feed(text)
            attachments.pane_output(pane)
        await _settle()
        updates = _updates(connection)
        assert len(updates) == 1, "one flush for the whole burst"
        lines = dict((y, "".join(run[0] for run in runs)) for y, runs in updates[0].lines)
        assert lines[0] == "xne" and lines[1] == "two"

    asyncio.run(body())


def test_above_the_high_water_mark_nothing_is_sent_until_the_socket_drains():
    async def body():
        attachments, connection, client, pane = await _attached()
        connection.sent.clear()
        connection.writer.transport.buffered = client.flow.threshold + 1
        for number in range(100):
            pane.emulator.feed(f"line {number}\r\n".encode())
            attachments.pane_output(pane)
        await _settle()
        assert _updates(connection) == [], "a congested client is sent no screen update"
        assert [m.level for m in connection.sent if isinstance(m, protocol.Flow)] == ["yellow"]
        assert client.pending["%0"] <= set(range(4)), "what is owed is a set of lines, bounded by the screen"
        connection.writer.transport.buffered = 0
        connection.writer.drained.set()
        await _settle()
        updates = _updates(connection)
        assert len(updates) == 1
        text = [("".join(run[0] for run in runs)) for _, runs in updates[0].lines]
        assert "line 99" in text, "the drained client gets the screen as it is now"

    asyncio.run(body())


def test_a_quiet_panes_echo_does_not_wait_for_a_flooding_panes_next_frame():
    async def body():
        attachments, connection, client, flood = await _attached()
        window = client.session.current
        quiet = SimpleNamespace(id="%1", title="", throttled=False, emulator=Emulator(20, 4))
        quiet.emulator.take_dirty()  # the client has it whole already
        window.panes["%1"] = quiet
        flood.emulator = Emulator(20, 10)
        window.geometry = lambda: {"%0": (0, 0, 20, 10), "%1": (0, 11, 20, 4)}
        flood.emulator.feed(b"\r\n".join(b"%d" % n for n in range(12)))
        attachments.pane_output(flood)
        await _settle()
        connection.sent.clear()
        # Within the frame after that update: the flood's next lines wait for the frame...
        flood.emulator.feed(b"\r\n".join(b"%d" % n for n in range(12)))
        attachments.pane_output(flood)
        quiet.emulator.feed(b"x")
        attachments.pane_output(quiet)
        await _settle()
        updates = _updates(connection)
        # ...and the one-line echo goes at once, on its own.
        assert [update.pane for update in updates] == ["%1"]
        assert updates[0].lines == [[0, quiet.emulator.line_runs(0)]]
        assert client.flow.bytes_sent > len(protocol.encode(updates[0])), "every update's bytes counted"
        assert set(client.pending) == {"%0"}

    asyncio.run(body())
