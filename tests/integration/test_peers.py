"""Bad peers: each gets a clear error and loses its own connection, nothing more."""

from __future__ import annotations

import json
import os
import socket
import struct

import msgpack
import pytest

from tmux_py import protocol


def connect(daemon) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(10)
    sock.connect(str(daemon.socket))
    return sock


def read_all(sock: socket.socket) -> list:
    """Every message until the daemon closes the connection."""
    decoder, messages = protocol.FrameDecoder(), []
    while chunk := sock.recv(65536):
        messages += decoder.feed(chunk)
    return messages


def hello(version: int = protocol.PROTOCOL_VERSION) -> bytes:
    return protocol.encode(protocol.Hello(version=version, client="cli"))


@pytest.fixture
def running(daemon):
    daemon.out("new", "-d", "-s", "a", "sleep", "60")
    return daemon


def bad_peers(daemon) -> int:
    return json.loads(daemon.out("server", "status", "--json"))["bad_peers"]


@pytest.mark.parametrize("garbage", [
    b"GET / HTTP/1.1\r\n\r\n",  # length 0x47455420: over the cap
    struct.pack(">I", 3) + b"\xc1\xc1\xc1",  # invalid msgpack
    struct.pack(">I", 0),
    protocol.encode(protocol.Ping(id=1)),  # well-formed, but not a hello
])
def test_garbage_closes_only_that_connection(running, garbage):
    other = connect(running)
    other.sendall(hello())
    sock = connect(running)
    sock.sendall(garbage)
    messages = read_all(sock)
    assert len(messages) == 1 and isinstance(messages[0], protocol.Error)
    assert messages[0].code == protocol.E_PROTOCOL
    assert bad_peers(running) == 1
    other.sendall(protocol.encode(protocol.Ping(id=2)))
    decoder = protocol.FrameDecoder()
    received = []
    while not any(isinstance(message, protocol.Pong) for message in received):
        received += decoder.feed(other.recv(65536))
    assert running.out("ls", "-F", "#{session_name}") == "a\n"


def test_malformed_message_after_hello(running):
    sock = connect(running)
    bad = msgpack.packb({"t": "request", "id": "seven", "argv": []})
    sock.sendall(hello() + struct.pack(">I", len(bad)) + bad)
    messages = read_all(sock)
    assert isinstance(messages[0], protocol.Welcome)
    assert messages[-1] == protocol.Error(code="protocol", message="request: field 'id' has the wrong type")


def test_unknown_type_gets_an_error_reply_and_the_connection_lives(running):
    sock = connect(running)
    odd = msgpack.packb({"t": "teleport", "id": 41})
    sock.sendall(hello() + struct.pack(">I", len(odd)) + odd + protocol.encode(protocol.Ping(id=42)))
    decoder, messages = protocol.FrameDecoder(), []
    while len(messages) < 3:
        messages += decoder.feed(sock.recv(65536))
    assert messages[1] == protocol.Reply(
        id=41, ok=False, error={"code": "unknown-type", "message": "unknown message type 'teleport'"})
    assert messages[2] == protocol.Pong(id=42)


def test_version_mismatch_names_both_versions(running):
    sock = connect(running)
    sock.sendall(hello(version=99))
    [error] = read_all(sock)
    assert error.code == protocol.E_VERSION
    assert error.message == f"protocol version mismatch (client 99, server {protocol.PROTOCOL_VERSION})"


def test_request_reply_carries_time_spent(running):
    sock = connect(running)
    sock.sendall(hello() + protocol.encode(protocol.Request(id=5, argv=["has-session", "-t", "a"])))
    decoder, messages = protocol.FrameDecoder(), []
    while len(messages) < 2:
        messages += decoder.feed(sock.recv(65536))
    reply = messages[1]
    assert (reply.id, reply.ok) == (5, True)
    assert 0 <= reply.elapsed < 1


@pytest.mark.skipif(os.getuid() != 0, reason="connecting as another user needs root")
def test_another_uid_is_refused(running):
    # Let the other user reach the socket, so that the uid check is what refuses it.
    os.chmod(running.root, 0o711)
    os.chmod(running.socket, 0o666)
    read_fd, write_fd = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            os.setuid(65534)
            sock = connect(running)
            sock.sendall(hello())
            os.write(write_fd, json.dumps([[m.code, m.message] for m in read_all(sock)]).encode())
        except BaseException as error:
            os.write(write_fd, json.dumps(repr(error)).encode())
        finally:
            os._exit(0)
    os.close(write_fd)
    answer = b""
    while chunk := os.read(read_fd, 4096):
        answer += chunk
    os.waitpid(child, 0)
    assert json.loads(answer) == [["access", "access not allowed"]]
    assert bad_peers(running) == 1


def test_silent_peer_is_dropped_after_the_hello_timeout(daemon):
    daemon.env["TMUXPY_HELLO_TIMEOUT"] = "0.5"
    daemon.out("new", "-d", "sleep", "60")
    sock = connect(daemon)
    [error] = read_all(sock)
    assert (error.code, error.message) == ("timeout", "no hello within 0.5 s")
