"""The wire protocol between the daemon and its clients: framing and every message.

A frame is a 4-byte big-endian length followed by that many bytes of one
msgpack map. The map's ``"t"`` key names the message type; the other keys are
the message's fields. Every message type is declared once below as a class
registered under its wire name (:func:`message`); :func:`decode` checks each field's
type and range, so a handler never sees a malformed message.

A connection opens with :class:`Hello` from the client; the daemon answers
:class:`Welcome` or, for another protocol version, an :class:`Error` naming
both versions, then closes. Requests carry an ``id`` that the :class:`Reply`
echoes; events (screen updates, layout, exits) carry none.

This is the only module that turns messages into bytes and back; transports
hand it bytes (:class:`FrameDecoder`) and take bytes (:func:`encode`).

Two codecs write the same bytes: msgpack's C code for the daemon and the TUI, whose frames
are screen updates, and :mod:`tmux_py.minipack` (pure Python, nothing to load) for the CLI
(``light=True``), whose whole life is one small request. msgpack is imported on first use,
so importing this module costs the CLI nothing of it.
"""

import struct
import types

from tmux_py import minipack

PROTOCOL_VERSION = 1

#: Largest frame body accepted, checked on the header before the body is read.
MAX_FRAME = 16 * 1024 * 1024

_HEADER = struct.Struct(">I")
HEADER_SIZE = _HEADER.size

#: Largest terminal dimension a message may carry.
MAX_DIMENSION = 10_000

# Error codes carried by Error and Reply.error.
E_PROTOCOL = "protocol"  # malformed frame or message: the connection is closed
E_VERSION = "version"  # protocol versions differ: the connection is closed
E_ACCESS = "access"  # peer uid refused: the connection is closed
E_TIMEOUT = "timeout"  # no hello in time: the connection is closed
E_UNKNOWN_TYPE = "unknown-type"  # a well-formed message of a type the daemon lacks
E_USAGE = "usage"  # a command's arguments do not fit its usage line
E_COMMAND = "command"  # a command ran and failed (no such target, ...)


class ProtocolError(Exception):
    """A frame or message that breaks the protocol; the connection must close."""


class UnknownMessageType(ProtocolError):
    """A well-formed map whose type is not declared here."""

    def __init__(self, name: object, request_id: int = 0) -> None:
        super().__init__(f"unknown message type {name!r}")
        self.name = name
        self.request_id = request_id


# --- the message registry -------------------------------------------------

_REGISTRY: dict = {}


class Ranged:
    """A field's default marker: the value must lie in [low, high]; no default."""

    def __init__(self, low: int, high: int) -> None:
        self.bounds = (low, high)


class Factory:
    """A field's default made fresh for each message (a mutable default)."""

    def __init__(self, make) -> None:
        self.make = make


_REQUIRED = object()


def _dimension() -> Ranged:
    return Ranged(1, MAX_DIMENSION)


class Message:
    """Base of every message; ``TYPE`` is its wire name, ``_fields`` its declared fields.

    Messages are plain slotted objects rather than dataclasses: the CLI builds
    this module on every run, and dataclass creation costs milliseconds.
    """

    TYPE = ""
    #: (name, annotation, (low, high) or None, default, or _REQUIRED / a Factory)
    _fields = ()
    __slots__ = ()

    def __init__(self, *args: object, **kwargs: object) -> None:
        if len(args) > len(self._fields):
            raise TypeError(f"{self.TYPE}: too many arguments")
        for position, (name, _annotation, _bounds, default) in enumerate(self._fields):
            if position < len(args):
                value = args[position]
            elif name in kwargs:
                value = kwargs.pop(name)
            elif default is _REQUIRED:
                raise TypeError(f"{self.TYPE}: missing field {name!r}")
            else:
                value = default.make() if isinstance(default, Factory) else default
            object.__setattr__(self, name, value)
        if kwargs:
            raise TypeError(f"{self.TYPE}: unknown fields {sorted(kwargs)}")

    def values(self) -> dict:
        return {name: getattr(self, name) for name, *_ in self._fields}

    def replace(self, **changes: object) -> "Message":
        return type(self)(**{**self.values(), **changes})

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and other.values() == self.values()

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in self.values().items())
        return f"{type(self).__name__}({fields})"


def message(name: str):
    """Register a class as the message type ``name`` (once); its annotations are its fields."""

    def register(cls: type) -> type:
        if name in _REGISTRY:
            raise ValueError(f"message type {name!r} declared twice")
        fields = []
        for field, annotation in vars(cls).get("__annotations__", {}).items():
            default = vars(cls).get(field, _REQUIRED)
            bounds = None
            if isinstance(default, Ranged):
                bounds, default = default.bounds, _REQUIRED
            fields.append((field, annotation, bounds, default))
        names = {field for field, *_ in fields}
        namespace = {
            key: value for key, value in vars(cls).items() if key not in names and key not in ("__dict__", "__weakref__")
        }
        namespace.update(TYPE=name, _fields=tuple(fields), __slots__=tuple(field for field, *_ in fields))
        registered = type(cls.__name__, (Message,), namespace)
        _REGISTRY[name] = registered
        return registered

    return register


def message_types() -> dict:
    """Every declared message type by wire name."""
    return dict(_REGISTRY)


# --- client -> daemon -------------------------------------------------------


@message("hello")
class Hello(Message):
    """First message of every connection: who is speaking, in which version."""

    version: int
    client: str  # "cli" or "tui"
    pid: int = 0


@message("request")
class Request(Message):
    """Run one command of the command table, given as its argv (``["split-window", "-h"]``).

    ``cwd`` and ``env_pane`` (the caller's ``$TMUXPY``) give the command its
    defaults, as tmux's client passes its cwd and environment; ``environ``
    (``NAME=value`` strings) is that environment, which new-session and attach
    copy into the session for the names of its ``update-environment`` option.
    """

    id: int
    argv: list[str]
    cwd: str = ""
    env_pane: str = ""
    tty: bool = False
    environ: list[str] = Factory(list)


@message("attach")
class Attach(Message):
    """Make this connection an attached client of a session, with its terminal size.

    The daemon replies (same ``id``) and then streams events: a full
    :class:`Layout` and :class:`PaneUpdate` of every visible pane, then changes.
    """

    id: int
    target: str
    columns: int = _dimension()
    lines: int = _dimension()
    detach_others: bool = False
    tty: str = ""  # the client's terminal, for list-clients
    term: str = ""


@message("resize")
class Resize(Message):
    """The attached client's terminal is now ``columns`` x ``lines``."""

    columns: int = _dimension()
    lines: int = _dimension()


@message("keys")
class Keys(Message):
    """Key events for the active pane, as tmux key names (``"C-c"``, ``"Up"``, ``"a"``).

    The daemon encodes them for the pane's modes, with the same encoder as send-keys.
    """

    keys: list[str]


@message("paste")
class Paste(Message):
    """Text pasted into the active pane (bracketed when the program asked for it)."""

    text: str


@message("mode")
class Mode(Message):
    """The client shows pane ``pane`` in ``mode`` (``copy-mode``, ``clock-mode``; ``""``: none
    any more): for #{pane_in_mode} and #{pane_mode}, as the modes live in the client."""

    pane: str
    mode: str


@message("input")
class Input(Message):
    """The user typed at the client keys it handled itself (copy mode, the prompt, a menu):
    input all the same, for lock-after-time and the session's activity. At most one a second."""


@message("unlocked")
class Unlocked(Message):
    """The client's lock-command has exited (lock-client): it draws again."""


@message("prompt-entered")
class PromptEntered(Message):
    """A line entered (Enter) at the client's prompt of type ``kind`` (``command-prompt -T``),
    for the daemon's prompt history."""

    kind: str
    text: str


@message("mouse")
class Mouse(Message):
    """A mouse event at window cell (x, y): kind is press/release/drag/wheel-up/wheel-down."""

    kind: str
    button: int
    x: int
    y: int
    modifiers: int = 0


@message("history")
class History(Message):
    """Ask for scrollback lines [start, stop) of a pane (0 = oldest), for scroll mode."""

    id: int
    pane: str
    start: int
    stop: int


@message("detach")
class Detach(Message):
    """The attached client leaves; the session stays."""


@message("ping")
class Ping(Message):
    id: int


# --- daemon -> client -------------------------------------------------------


@message("welcome")
class Welcome(Message):
    """The daemon's answer to a matching hello."""

    version: int
    server_pid: int
    server_version: str


@message("reply")
class Reply(Message):
    """The answer to a request: ``ok`` with ``result``, or an ``error`` {code, message}.

    ``elapsed`` is the time the daemon spent on it, in seconds.
    """

    id: int
    ok: bool
    result: object = None
    error: dict | None = None
    elapsed: float = 0.0


@message("error")
class Error(Message):
    """A protocol-level error; the daemon closes the connection after it."""

    code: str
    message: str


@message("pong")
class Pong(Message):
    id: int


@message("layout")
class Layout(Message):
    """The attached session's shape: windows, the current window's panes and geometry.

    ``windows``: [{"id", "index", "name", "active", "last"}]; ``panes``:
    [{"id", "x", "y", "columns", "lines", "active", "title"}] in window cells;
    ``zoomed`` when the active pane fills the window.
    """

    session: str
    session_id: str
    columns: int
    lines: int
    windows: list
    panes: list
    zoomed: bool = False


@message("status-line")
class StatusLine(Message):
    """tmux's status line, drawn by the daemon from the status options (see
    :mod:`tmux_py.server.status`): ``lines`` holds one list of runs per status line (runs as in
    :class:`PaneUpdate`); ``ranges`` is [[line, kind, argument, start, end]], what a click on
    cells ``start`` to ``end`` (exclusive) means: ``kind`` ``window`` with the window's id as
    ``argument``, or tmux's ``left``, ``right``, ``pane``, ``session``, ``user``. No lines: none
    of those options is set, the client draws its own themed bar.
    """

    lines: list
    ranges: list = Factory(list)


@message("pane-update")
class PaneUpdate(Message):
    """Changed lines of one pane: ``lines`` is [[y, runs], ...].

    Runs are ``[text, fg, bg, flags]`` (see :mod:`tmux_py.style`). ``full`` marks
    a snapshot (every line sent) after attach or resync.
    """

    pane: str
    lines: list
    cursor: list
    cursor_visible: bool = True
    modes: dict = Factory(dict)
    title: str = ""
    full: bool = False


@message("flow")
class Flow(Message):
    """The client's backpressure level changed: green, yellow or red."""

    level: str
    queued: int = 0
    coalesced: int = 0
    behind: int = 0


@message("client-action")
class ClientAction(Message):
    """Something only the attached client can do, asked by a command run in the daemon.

    Commands that need the client's screen (``command-prompt``, ``confirm-before``,
    ``copy-mode``, ``choose-tree``, ``display-message``, options
    the client applies such as ``theme``) run in the daemon like every other
    command, then hand the client its part here. ``action`` names it; ``args``
    are its fields (see ``tmux_py.server.attached``).
    """

    action: str
    args: dict = Factory(dict)


@message("exit")
class Exit(Message):
    """The daemon ends this client's attachment: detached, session exited, server exited."""

    reason: str
    message: str = ""


# --- encoding -----------------------------------------------------------------


def encode(msg: Message, *, light: bool = False) -> bytes:
    """One frame: header plus the msgpack map of ``msg`` (packed by minipack when ``light``)."""
    body = {"t": msg.TYPE}
    body.update(msg.values())
    if light:
        payload = minipack.packb(body)
    else:
        import msgpack

        payload = msgpack.packb(body, use_bin_type=True)
    if len(payload) > MAX_FRAME:
        raise ProtocolError(f"frame of {len(payload)} bytes exceeds {MAX_FRAME}")
    return _HEADER.pack(len(payload)) + payload


def _type_ok(value: object, annotation: object) -> bool:
    """Whether ``value`` fits a field annotation (plain types, ``X | None``, ``list[X]``).

    Read without the typing module, which the CLI would otherwise import on every run.
    """
    if annotation is object:
        return True
    if isinstance(annotation, types.UnionType):
        return any(_type_ok(value, arg) for arg in annotation.__args__)
    if annotation is type(None):
        return value is None
    if annotation is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if annotation is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if isinstance(annotation, types.GenericAlias):
        (item,) = annotation.__args__
        return isinstance(value, annotation.__origin__) and all(_type_ok(element, item) for element in value)
    return isinstance(value, annotation)


def decode(body: dict) -> Message:
    """The message a frame's map holds, its fields checked; ProtocolError if malformed."""
    if not isinstance(body, dict):
        raise ProtocolError("frame is not a map")
    name = body.get("t")
    if not isinstance(name, str):
        raise ProtocolError("frame has no message type")
    cls = _REGISTRY.get(name)
    if cls is None:
        request_id = body.get("id")
        raise UnknownMessageType(name, request_id if type(request_id) is int else 0)
    values = {}
    for field, annotation, bounds, default in cls._fields:
        if field not in body:
            if default is _REQUIRED:
                raise ProtocolError(f"{name}: missing field {field!r}")
            continue
        value = body[field]
        if not _type_ok(value, annotation):
            raise ProtocolError(f"{name}: field {field!r} has the wrong type")
        if bounds and not bounds[0] <= value <= bounds[1]:
            raise ProtocolError(f"{name}: field {field!r} out of range {bounds[0]}-{bounds[1]}")
        values[field] = value
    return cls(**values)


class FrameDecoder:
    """Splits a byte stream into messages; bytes may arrive in any chunking.

    :meth:`feed` returns the complete messages so far. A header announcing more
    than :data:`MAX_FRAME` raises at once, before the body is awaited. A frame of
    an unknown type is returned as an :class:`UnknownMessageType` instance
    (well-formed, so the connection may answer it and go on); any other
    malformed frame raises :class:`ProtocolError`. ``light`` unpacks with minipack.
    """

    def __init__(self, *, light: bool = False) -> None:
        self._buffer = bytearray()
        if light:
            self._unpack = minipack.unpackb
        else:
            import msgpack

            self._unpack = lambda payload: msgpack.unpackb(payload, raw=False, strict_map_key=True)

    def messages(self, data: bytes):
        """Add ``data``; yield each complete message in order.

        A malformed frame raises where it stands, after the good messages
        before it were yielded, so a peer's valid request that precedes its
        garbage is still answered.
        """
        self._buffer += data
        while len(self._buffer) >= HEADER_SIZE:
            (length,) = _HEADER.unpack_from(self._buffer)
            if length > MAX_FRAME:
                raise ProtocolError(f"frame of {length} bytes exceeds {MAX_FRAME}")
            if length == 0:
                raise ProtocolError("empty frame")
            end = HEADER_SIZE + length
            if len(self._buffer) < end:
                break
            payload = bytes(self._buffer[HEADER_SIZE:end])
            del self._buffer[:end]
            try:
                body = self._unpack(payload)
            except Exception as error:  # msgpack raises several unrelated types
                raise ProtocolError(f"invalid msgpack: {error}") from None
            try:
                yield decode(body)
            except UnknownMessageType as unknown:
                yield unknown

    def feed(self, data: bytes) -> list:
        """Add ``data``; the complete messages so far (ProtocolError if one is malformed)."""
        return list(self.messages(data))

    @property
    def pending(self) -> int:
        """Bytes received but not yet part of a complete frame."""
        return len(self._buffer)
