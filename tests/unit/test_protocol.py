"""Framing and messages: every type round-trips; malformed input is refused, never half-read."""

from __future__ import annotations

import struct

import msgpack
import pytest

from tmux_py import protocol

SAMPLES = {
    "hello": protocol.Hello(version=1, client="cli", pid=7),
    "request": protocol.Request(id=3, argv=["ls", "-F", "#{session_name}"], cwd="/tmp", env_pane="x", tty=True),
    "attach": protocol.Attach(id=4, target="a", columns=80, lines=24, detach_others=True, tty="/dev/pts/1", term="xterm"),
    "resize": protocol.Resize(columns=120, lines=40),
    "keys": protocol.Keys(keys=["C-b", "%", "Enter"]),
    "paste": protocol.Paste(text="héllo\n"),
    "prompt-entered": protocol.PromptEntered(kind="search", text="n\u00e9edle"),
    "mouse": protocol.Mouse(kind="press", button=0, x=3, y=4, modifiers=1),
    "history": protocol.History(id=5, pane="%1", start=0, stop=100),
    "detach": protocol.Detach(),
    "unlocked": protocol.Unlocked(),
    "input": protocol.Input(),
    "mode": protocol.Mode(pane="%1", mode="copy-mode"),
    "ping": protocol.Ping(id=6),
    "welcome": protocol.Welcome(version=1, server_pid=10, server_version="0.1.0"),
    "reply": protocol.Reply(id=3, ok=False, result=None, error={"code": "command", "message": "no"}, elapsed=0.5),
    "error": protocol.Error(code="protocol", message="bad"),
    "pong": protocol.Pong(id=6),
    "layout": protocol.Layout(session="a", session_id="$0", columns=80, lines=23,
                              windows=[{"id": "@0", "index": 0}], panes=[{"id": "%0", "x": 0}], zoomed=False),
    "pane-update": protocol.PaneUpdate(pane="%0", lines=[[0, [["hi", -1, 3, 1]]]], cursor=[2, 0],
                                       cursor_visible=False, modes={"app_cursor": True}, title="t", full=True),
    "flow": protocol.Flow(level="yellow", queued=100, coalesced=3, behind=2),
    "status-line": protocol.StatusLine(lines=[[["[0] ", 0, 2, 0], ["0:bash*", 1, 2, 1]]],
                                       ranges=[[0, "window", "@0", 4, 12]]),
    "exit": protocol.Exit(reason="detached", message="bye"),
}


def frame(body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + body


def test_every_message_type_has_a_sample():
    assert set(protocol.message_types()) - {"client-action"} <= set(SAMPLES)


@pytest.mark.parametrize("name", sorted(protocol.message_types()))
def test_round_trip(name):
    cls = protocol.message_types()[name]
    message = SAMPLES.get(name) or cls(**{field: "x" if annotation is str else {} for field, annotation, *_ in cls._fields})
    decoded = protocol.FrameDecoder().feed(protocol.encode(message))
    assert decoded == [message]


def test_byte_at_a_time_and_several_frames_in_one_read():
    stream = b"".join(protocol.encode(message) for message in SAMPLES.values())
    decoder = protocol.FrameDecoder()
    one_by_one = [message for index in range(len(stream)) for message in decoder.feed(stream[index:index + 1])]
    assert one_by_one == list(SAMPLES.values())
    assert protocol.FrameDecoder().feed(stream) == list(SAMPLES.values())


def test_partial_frame_waits():
    data = protocol.encode(SAMPLES["request"])
    decoder = protocol.FrameDecoder()
    assert decoder.feed(data[:-1]) == []
    assert decoder.pending == len(data) - 1
    assert decoder.feed(data[-1:]) == [SAMPLES["request"]]


def test_oversized_header_is_refused_before_the_body():
    decoder = protocol.FrameDecoder()
    with pytest.raises(protocol.ProtocolError, match="exceeds"):
        decoder.feed(struct.pack(">I", protocol.MAX_FRAME + 1))


def test_zero_length_frame_is_malformed():
    with pytest.raises(protocol.ProtocolError, match="empty"):
        protocol.FrameDecoder().feed(struct.pack(">I", 0))


@pytest.mark.parametrize("body, reason", [
    (b"\xc1", "invalid msgpack"),
    (msgpack.packb([1, 2]), "not a map"),
    (msgpack.packb({"x": 1}), "no message type"),
    (msgpack.packb({"t": "resize", "columns": "80", "lines": 24}), "wrong type"),
    (msgpack.packb({"t": "resize", "columns": 0, "lines": 24}), "out of range"),
    (msgpack.packb({"t": "resize", "columns": 80}), "missing field"),
    (msgpack.packb({"t": "hello", "version": True, "client": "cli"}), "wrong type"),
    (msgpack.packb({"t": "keys", "keys": ["a", 3]}), "wrong type"),
    (msgpack.packb({1: 2}), "invalid msgpack"),
    (msgpack.packb({"t": "status-line", "lines": "x"}), "wrong type"),
])
def test_malformed_messages(body, reason):
    with pytest.raises(protocol.ProtocolError, match=reason):
        protocol.FrameDecoder().feed(frame(body))


def test_unknown_type_is_returned_not_raised():
    [unknown] = protocol.FrameDecoder().feed(frame(msgpack.packb({"t": "teleport", "id": 9})))
    assert isinstance(unknown, protocol.UnknownMessageType)
    assert (unknown.name, unknown.request_id) == ("teleport", 9)


def test_duplicate_declaration_is_refused():
    with pytest.raises(ValueError, match="declared twice"):
        @protocol.message("hello")
        class Again(protocol.Message):
            version: int
