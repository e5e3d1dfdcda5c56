"""The daemon's side of attached clients: what each one sees, and its input.

Data model. :class:`Attachments` (one per daemon) holds an
:class:`AttachedClient` per connection that sent :class:`~tmux_py.protocol.Attach`.
A client shows one session's current window. What it still has to be sent is
*state*, never a replay of bytes:

- ``pending``: pane id -> set of line numbers changed since the last send.
  Several clients share one emulator, and ``Emulator.take_dirty()`` empties
  its set, so the daemon takes the dirty lines once per output event and ORs
  them into every viewing client's set (:meth:`Attachments.pane_output`).
- ``full``: panes to be sent whole (newly visible, resized, after attach).
- ``layout_due``: the window list or geometry may have changed.

Sending happens in :meth:`AttachedClient.flush`, scheduled with
``loop.call_soon`` at most once at a time, so a burst of output becomes one
update per pane carrying the lines as they are *now*. When the socket's write
buffer is above :data:`HIGH_WATER` the flush sends nothing; the marks stay
(a set of line numbers is bounded by the pane's height) and one task waits for
the buffer to drain, then flushes again. Memory per client is therefore
bounded by the screen, whatever the program writes (issue 5 builds its levels
and counters on this).

Input from the client (keys, paste, mouse) goes to its popup while it has one
(display-popup, :mod:`tmux_py.server.popup`: its screen is sent like a pane's), else
to the active pane of its window, keys encoded with the pane's modes as a legacy terminal sends them
(:func:`tmux_py.keys.encode_typed_key`: a kitty-protocol Shift+Enter is Enter).

Window size, as tmux's resize.c. Each window is sized by its window-size
option from its session's clients (with aggressive-resize, only the clients
showing it), less the lines of the status line (the status option: none for
off, one for on, 2 to 5): ``smallest`` or ``largest`` of them,
``latest`` the one used last (attached, typed or clicked in, resized),
``manual`` as resize-window left it. The session's own size, for new windows, follows the
global window-size. With no client left, the session and its windows go back
to the size they had before the first attach (its ``-x``/``-y`` size).

Alerts, as tmux 3.3a's alerts.c. Output in a window flags it (``#``,
monitor-activity), a BEL too (``!``, monitor-bell), unless it is the current
window of a session with a client attached. The flags clear when the window
becomes current, which tmux counts as activity in it (so a detached session's
new current window is flagged again at once). A program's ``ESC k name ST``
renames its window if allow-rename lets it; and a window that names itself
after its program (automatic-rename) looks again at most every
:data:`NAME_INTERVAL`, so turning automatic-rename off keeps a fresh name.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import weakref
from typing import TYPE_CHECKING

from tmux_py import commands, protocol
from tmux_py.commands.context import Context
from tmux_py.commands.variables import variables, window_flags
from tmux_py.format import expand
from tmux_py.options import OPTION_DEFS, status_lines
from tmux_py.server.flow import RED, SMALL_UPDATE, Flow
from tmux_py.server.model import Target, TargetError
from tmux_py.server.mouse import encode_mouse
from tmux_py.server.popup import Box, Popup
from tmux_py.server.prompt_history import TYPES as PROMPT_TYPES
from tmux_py.server.status import Jobs, configured, status_line

if TYPE_CHECKING:
    from tmux_py.server.connection import Connection
    from tmux_py.server.daemon import Daemon
    from tmux_py.server.model import Session, Window
    from tmux_py.server.pane import Pane

log = logging.getLogger(__name__)

#: Most scrollback lines one History request returns (scroll mode asks by page).
HISTORY_CHUNK = 2000
#: Seconds between rechecks of window names for the status bar (tmux's automatic-rename).
STATUS_INTERVAL = 1.0
#: Seconds between looks at a window's program for its name while it writes (tmux's NAME_INTERVAL).
NAME_INTERVAL = 0.5

#: The reason a client that fell too far behind is given (with flow-auto-disconnect on).
TOO_SLOW = "too slow"

BRACKET_START, BRACKET_END = "\x1b[200~", "\x1b[201~"


class AttachedClient:
    """One attached terminal: its session, size, and what it has yet to be sent."""

    def __init__(self, attachments: Attachments, connection: Connection, session: Session,
                 columns: int, lines: int, tty: str, term: str) -> None:
        self.attachments = attachments
        self.connection = connection
        self.session = session
        #: The session shown before the last switch (tmux's last_session): switch-client -l.
        self.last_session: Session | None = None
        self.columns = columns
        self.lines = lines
        self.tty = tty
        self.term = term or "unknown"
        self.created = attachments.loop.time()
        #: When the user last used this client (attach, input, resize): window-size latest.
        self.used = self.created
        options = attachments.daemon.options
        self.flow = Flow(options.get("flow-threshold"), options.get("flow-max-queue"),
                         options.get("flow-auto-disconnect"))
        self.pending: dict[str, set[int]] = {}
        self.full: set[str] = set()
        self.layout_due = True
        self._sent_layout: dict | None = None
        self._sent_sizes: dict[str, tuple[int, int]] = {}
        #: The option values this client was last sent (the attach reply, then changes).
        self.sent_options: dict = {}
        self._sent_title = ""
        #: tmux's status line as last sent (no lines: the client draws its themed bar), when and
        #: how wide it was last drawn, and whether an option changed since.
        self._sent_status: tuple[list, list] = ([], [])
        self._status_at = 0.0
        self._status_columns = 0
        self.status_due = True
        #: The #() commands its formats run; a new output draws the status line again.
        self.jobs = Jobs(attachments.loop, self._job_done)
        self._flush_pending = False
        #: The pending flush waits for the next frame of the client's pace.
        self._flush_paced = False
        self._express_pending = False
        self._drain_task: asyncio.Task | None = None
        #: display-popup's box over the window, while one is open.
        self.popup: Popup | None = None
        #: The modes this client shows panes in, by pane id (Mode messages: #{pane_mode}).
        self.modes: dict[str, str] = {}
        #: Running lock-command (lock-client), until the client says it is back (Unlocked).
        self.locked = False
        #: Where the client's last mouse event was, in terminal cells (display-menu -x M -y M).
        self.mouse_at: tuple[int, int] | None = None
        self.gone = False

    @property
    def status_at(self) -> tuple[int, bool]:
        """The rows the session's status line takes on this client's terminal, and whether they
        are at the top (the window below them)."""
        options = self.session.options
        return status_lines(options.get("status")), options.get("status-position") == "top"

    @property
    def name(self) -> str:
        return self.tty or f"client-{self.connection.peer_pid}"

    # --- what the client sees ----------------------------------------------

    def current_target(self) -> Target | None:
        window = self.session.current
        if window is None or window.active is None:
            return None
        return Target(self.session, window, window.active)

    def visible(self, pane: Pane) -> bool:
        """Whether this client shows ``pane`` (called on every output event: no geometry walk)."""
        window = self.session.current
        if window is None or window.panes.get(pane.id) is not pane:
            return False
        return not window.zoomed or window.active is pane

    def mark(self, pane_id: str, lines: set[int]) -> None:
        waiting = self.pending.setdefault(pane_id, set())
        self.flow.merged(len(waiting & lines))
        waiting.update(lines)
        self.schedule()
        if self._flush_paced and not self._express_pending and len(waiting) <= SMALL_UPDATE:
            # A keystroke's echo in one pane must not wait for the next frame
            # of a flood in another: small changes go out on their own.
            self._express_pending = True
            self.attachments.loop.call_soon(self._flush_small)

    def mark_layout(self) -> None:
        self.layout_due = True
        self.schedule()

    def redraw(self, status_only: bool = False) -> None:
        """refresh-client: the layout (the status line's data) sent again, and unless
        ``status_only`` (-S) every pane shown whole, as just after attaching."""
        self._sent_layout = None
        if not status_only:
            self._sent_sizes.clear()
        self.mark_layout()

    def schedule(self) -> None:
        """One flush pending at most: everything marked before it runs goes out together.

        A flush goes at once after a quiet moment (a keystroke's echo), else at
        the next frame of the client's pace (:mod:`tmux_py.server.flow`).
        """
        if not self._flush_pending and not self.gone:
            self._flush_pending = True
            delay = self.flow.delay(self.behind())
            self._flush_paced = bool(delay)
            if delay:
                self.attachments.loop.call_later(delay, self.flush)
            else:
                self.attachments.loop.call_soon(self.flush)

    def queued(self) -> int:
        transport = self.connection.writer.transport
        return transport.get_write_buffer_size() if transport is not None else 0

    def check_flow(self) -> None:
        """Read the socket's queue; tell the client when its level changes; act on red."""
        level = self.flow.observe(self.queued())
        if level is None:
            return
        if level == RED:
            if self.flow.too_slow:
                log.warning("client %s too slow: disconnected", self.name)
                self.detach(TOO_SLOW)
                return
            # What was marked line by line is dropped for one full redraw once it drains.
            window = self.session.current
            if window is not None:
                popup = self.popup.pane.id if self.popup is not None else None
                self.full.update(pane_id for pane_id in self.pending if pane_id in window.panes or pane_id == popup)
            self.pending.clear()
        log.info("client %s flow %s (%d bytes queued)", self.name, level, self.flow.queued)
        self.connection.send(protocol.Flow(level=level, queued=self.flow.queued,
                                           coalesced=self.flow.coalesced, behind=self.behind()))

    def behind(self) -> int:
        """Lines this client is owed."""
        window = self.session.current
        full = sum(window.panes[pane_id].lines for pane_id in self.full if window and pane_id in window.panes)
        return full + sum(len(lines) for lines in self.pending.values())

    def flush(self) -> None:
        self._flush_pending = self._flush_paced = False
        self._send(None)

    def _flush_small(self) -> None:
        """Send the panes owed a few lines now; the rest keep their frame."""
        self._express_pending = False
        if self._flush_paced:
            self._send(SMALL_UPDATE)

    def _send(self, most_lines: int | None) -> None:
        """Send what is owed, or only the panes owed at most ``most_lines`` lines (not whole)."""
        if self.gone or self.connection.closing:
            return
        self.check_flow()
        if self.gone:
            return
        if self.flow.congested:
            self._wait_for_drain()
            return
        window = self.session.current
        if window is None:
            return
        if self.layout_due and most_lines is None:
            self.layout_due = False
            self._send_layout(window)
        geometry = window.geometry()
        owed = set(self.pending) if most_lines is not None else self.full | set(self.pending)
        updates = size = 0
        for pane_id in owed:
            if self.popup is not None and pane_id == self.popup.pane.id:
                pane = self.popup.pane
            else:
                pane = window.panes.get(pane_id)
                if pane is None or pane_id not in geometry:
                    continue
            full = pane_id in self.full
            if most_lines is not None and (full or len(self.pending[pane_id]) > most_lines):
                continue
            lines = range(pane.emulator.lines) if full else sorted(self.pending.get(pane_id, ()))
            size += self.connection.send(self._pane_update(pane, lines, full))
            self.pending.pop(pane_id, None)
            updates += 1
        if most_lines is None:
            self.full.clear()
            self.pending.clear()
        if updates:
            self.flow.sent(updates, size)

    def _wait_for_drain(self) -> None:
        if self._drain_task is not None:
            return

        async def drained() -> None:
            try:
                await self.connection.writer.drain()
            except ConnectionError:
                return
            finally:
                self._drain_task = None
            self.schedule()

        self._drain_task = self.attachments.loop.create_task(drained())

    def _send_layout(self, window: Window) -> None:
        session = self.session
        geometry = window.geometry()
        panes = []
        for pane in window.ordered_panes():
            if pane.id not in geometry:
                continue
            x, y, columns, lines = geometry[pane.id]
            panes.append({"id": pane.id, "x": x, "y": y, "columns": columns, "lines": lines,
                          "active": pane is window.active, "title": pane.title,
                          "throttled": pane.throttled})
            if self._sent_sizes.get(pane.id) != (columns, lines):
                self.full.add(pane.id)
        self._sent_sizes = {pane["id"]: (pane["columns"], pane["lines"]) for pane in panes}
        layout = {
            "session": session.name, "session_id": session.id,
            "columns": window.columns, "lines": window.lines,
            "windows": [
                {"id": w.id, "index": w.index, "name": w.name, "active": w is session.current,
                 "last": w is session.last_window, "zoomed": w.zoomed, "flags": window_flags(w)}
                for w in session.ordered_windows()
            ],
            "panes": panes, "zoomed": window.zoomed,
        }
        changed = layout != self._sent_layout
        if changed:
            self._sent_layout = layout
            self.connection.send(protocol.Layout(**layout))
        self.send_options()
        self._send_status(window, changed)
        if self.attachments.daemon.options.get("set-titles") and window.active is not None:
            # tmux's set-titles: the outer terminal's title, expanded for this client's pane.
            title = expand(self.attachments.daemon.options.get("set-titles-string"),
                           variables(self._context(), session, window, window.active), timed=True)
            if title != self._sent_title:
                self._sent_title = title
                self.ui("title", text=title)

    def _job_done(self) -> None:
        self.status_due = True
        self.mark_layout()

    def _context(self) -> Context:
        """A command context for this client, to expand formats as its commands would."""
        return Context(self.attachments.daemon, self, "", None, False)

    def _send_status(self, window: Window, changed: bool) -> None:
        """tmux's status line, when the user set any of its options (:mod:`tmux_py.server.status`):
        expanded again when the layout or an option changed and every status-interval seconds
        (its clock, as tmux's status timer), sent when it differs from what the client has."""
        session = self.session
        now = self.attachments.loop.time()
        interval = session.options.get("status-interval")
        if not (changed or self.status_due or self.columns != self._status_columns
                or (interval and now - self._status_at >= interval)):
            return
        self.status_due = False
        self._status_at, self._status_columns = now, self.columns
        lines: list = []
        ranges: list = []
        if configured(session) and status_lines(session.options.get("status")):
            lines, spans = status_line(self._context(), session, window, self.columns)
            # A click names the window by id: its index may change before the click arrives.
            ids = {str(each.index): each.id for each in session.windows.values()}
            ranges = [[line, kind, ids[argument] if kind == "window" else argument, start, end]
                      for line, kind, argument, start, end in spans if kind != "window" or argument in ids]
        if (lines, ranges) != self._sent_status:
            self._sent_status = (lines, ranges)
            self.connection.send(protocol.StatusLine(lines=lines, ranges=ranges))

    def send_options(self) -> None:
        """The option values this client has not been sent yet (it applies them itself). Checked
        after every set-option and with each layout."""
        values = self.attachments.option_values(self.session)
        changed = {name: value for name, value in values.items() if self.sent_options.get(name) != value}
        self.sent_options = values
        if changed:
            self.ui("options", **changed)

    @staticmethod
    def _pane_update(pane: Pane, lines, full: bool) -> protocol.PaneUpdate:
        emulator = pane.emulator
        return protocol.PaneUpdate(
            pane=pane.id,
            lines=[[y, emulator.line_runs(y)] for y in lines if y < emulator.lines],
            cursor=[min(emulator.cursor_x, emulator.columns - 1), emulator.cursor_y],
            cursor_visible=emulator.cursor_visible,
            modes=emulator.modes(),
            title=emulator.title,
            full=full,
        )

    # --- client-side actions ------------------------------------------------

    def ui(self, action: str, **args) -> None:
        """Ask the client to do its part of a command (a prompt, scroll mode, ...)."""
        self.connection.send(protocol.ClientAction(action=action, args=args))

    def lock(self) -> None:
        """The client runs the session's lock-command in its terminal, then comes back (tmux's
        server_lock_client); nothing while it is locked already, or with no lock-command."""
        command = self.session.options.get("lock-command")
        if self.locked or not command:
            return
        self.locked = True
        self.ui("lock", command=command)

    def show_message(self, text: str) -> None:
        self.attachments.daemon.log_message(f"{self.name} message: {text}")
        self.ui("message", text=text)

    def detach(self, reason: str, server_exit: bool = False) -> None:
        """End this attachment: the client restores its terminal and prints why."""
        if self.gone:
            return
        if server_exit:
            kind, text = "server-exit", "server exited"
        elif reason == "exited":
            kind, text = "exited", "exited"
        elif reason == TOO_SLOW:
            kind, text = "too-slow", TOO_SLOW
        else:
            kind, text = "detached", f"detached (from session {self.session.name})"
        self.connection.send(protocol.Exit(reason=kind, message=text))
        self.attachments.remove(self)
        self.connection.close()

    def format_getters(self) -> dict:
        return {
            "client_name": lambda: self.name,
            "client_tty": lambda: self.tty,
            "client_width": lambda: self.columns,
            "client_height": lambda: self.lines,
            "client_termname": lambda: self.term,
            "client_pid": lambda: self.connection.peer_pid,
            "client_session": lambda: self.session.name,
            "client_created": lambda: int(self.connection.connected),
        }

    # --- display-popup -------------------------------------------------------

    def open_popup(self, box: Box, argv: list[str], cwd: str, environment: dict[str, str],
                   close_on_exit: int) -> Popup | None:
        """Run ``argv`` in a popup over this client (none if one is open already, as tmux)."""
        if self.popup is not None:
            return None
        attachments = self.attachments
        attachments.popups += 1
        columns, lines = box.inside
        pane = attachments.daemon.server.spawn_pane(
            f"popup{attachments.popups}", argv, cwd, columns, lines, self.session, environment,
            on_output=self._popup_output, on_exit=self._popup_exited)
        self.popup = Popup(box, pane, close_on_exit, attachments.daemon.options.get("kill-grace"),
                           self.connection.send, self._popup_closed)
        self.full.add(pane.id)
        self.schedule()
        return self.popup

    def _popup_output(self, pane: Pane) -> None:
        if self.popup is not None and self.popup.pane is pane:
            self.mark(pane.id, pane.emulator.take_dirty())

    def _popup_exited(self, pane: Pane) -> None:
        if self.popup is not None and self.popup.pane is pane:
            self.popup.program_exited()

    def _popup_closed(self, popup: Popup) -> None:
        self.popup = None
        self.pending.pop(popup.pane.id, None)
        self.full.discard(popup.pane.id)

    # --- input -------------------------------------------------------------

    def _active_pane(self) -> Pane | None:
        target = self.current_target()
        return target.pane if target else None

    def keys(self, names: list[str]) -> None:
        if self.popup is not None:
            self.attachments.used(self)
            self.popup.keys(names)
            return
        pane = self._active_pane()
        if pane is None:
            return
        self.attachments.used(self)
        pane.send_keys(names, typed=True)
        self.session.touch()

    def paste(self, text: str) -> None:
        if self.popup is not None:
            self.popup.paste(text)
            return
        pane = self._active_pane()
        if pane is None:
            return
        self.attachments.used(self)
        # A terminal sends Enter as CR; pasted newlines are typed lines, as in tmux.
        text = text.replace("\r\n", "\r").replace("\n", "\r")
        if pane.emulator.modes()["bracketed_paste"]:
            text = BRACKET_START + text.replace(BRACKET_END, "") + BRACKET_END
        pane.write(text.encode())

    def mouse(self, event: protocol.Mouse) -> None:
        """A mouse event in window cells: reported to the pane under it, as it asked."""
        window = self.session.current
        if window is None or self.popup is not None:  # tmux's popup takes the mouse (to move it)
            return
        self.attachments.used(self)
        status, on_top = self.status_at
        self.mouse_at = (event.x, event.y + (status if on_top else 0))
        for pane_id, (x, y, columns, lines) in window.geometry().items():
            if x <= event.x < x + columns and y <= event.y < y + lines:
                pane = window.panes[pane_id]
                modes = pane.emulator.modes()
                data = encode_mouse(event.kind, event.button, event.x - x, event.y - y, event.modifiers,
                                    modes["mouse"], modes["mouse_encoding"])
                if data:
                    pane.write(data)
                return

    def history(self, request: protocol.History) -> protocol.Reply:
        found = self.attachments.daemon.server.find_pane(request.pane)
        if found is None:
            return protocol.Reply(id=request.id, ok=False,
                                  error={"code": protocol.E_COMMAND, "message": f"can't find pane: {request.pane}"})
        emulator = found[1].emulator
        size = emulator.history_size
        start = max(0, min(request.start, size))
        stop = max(start, min(request.stop, size, start + HISTORY_CHUNK))
        return protocol.Reply(id=request.id, ok=True, result={
            "start": start, "lines": emulator.history_runs(start, stop), "size": size,
        })


class Attachments:
    """Every attached client of one daemon, and the hooks the daemon calls."""

    def __init__(self, daemon: Daemon) -> None:
        self.daemon = daemon
        self.loop = asyncio.get_event_loop()
        self.clients: dict[Connection, AttachedClient] = {}
        self._detached_sizes: dict[str, tuple[int, int]] = {}
        self._throttled: dict[str, bool] = {}
        #: When each window last looked at its program for its name (automatic-rename).
        self._named_at: weakref.WeakKeyDictionary[Window, float] = weakref.WeakKeyDictionary()
        #: Each session's current window when last seen: a new one has its alerts cleared.
        self._current: weakref.WeakKeyDictionary[Session, Window] = weakref.WeakKeyDictionary()
        self._tick: asyncio.TimerHandle | None = None
        #: Popups opened so far: each one's pane id is new.
        self.popups = 0

    def client(self, connection: Connection) -> AttachedClient | None:
        return self.clients.get(connection)

    # --- messages from a connection ----------------------------------------

    def handle(self, connection: Connection, message: protocol.Message) -> None:
        if isinstance(message, protocol.Attach):
            self.attach(connection, message)
            return
        client = self.clients.get(connection)
        if client is None:
            connection.fail(protocol.E_PROTOCOL, f"{message.TYPE} before attach")
            return
        if isinstance(message, protocol.Keys):
            client.keys(message.keys)
        elif isinstance(message, protocol.Paste):
            client.paste(message.text)
        elif isinstance(message, protocol.Mouse):
            client.mouse(message)
        elif isinstance(message, protocol.Resize):
            client.columns, client.lines = message.columns, message.lines
            client.used = self.loop.time()
            self.resize_session(client.session)
            self.daemon.hooks.notify("client-resized", client=client)
        elif isinstance(message, protocol.History):
            connection.send(client.history(message))
        elif isinstance(message, protocol.PromptEntered):
            if message.kind in PROMPT_TYPES:
                self.daemon.prompt_history.add(message.kind, message.text,
                                               self.daemon.options.get("prompt-history-limit"))
        elif isinstance(message, protocol.Mode):
            if not message.mode:
                client.modes.pop(message.pane, None)
            elif message.pane in self.daemon.server.pane_windows:  # a pane of ours: bounded
                client.modes[message.pane] = message.mode[:32]
        elif isinstance(message, protocol.Input):
            self.used(client)
            client.session.touch()
        elif isinstance(message, protocol.Unlocked):
            client.locked = False
            client.used = self.loop.time()  # lock-after-time counts from the unlock
            client.redraw()
        elif isinstance(message, protocol.Detach):
            client.detach("detached")
        else:
            connection.fail(protocol.E_PROTOCOL, f"unexpected {message.TYPE} message")

    def attach(self, connection: Connection, message: protocol.Attach) -> None:
        server = self.daemon.server
        try:
            if not server.sessions:
                raise TargetError("no sessions")
            session = server.resolve(message.target or None, "session", None).session
        except TargetError as error:
            connection.send(protocol.Reply(id=message.id, ok=False,
                                           error={"code": protocol.E_COMMAND, "message": str(error)}))
            return
        if connection in self.clients:
            self.remove(self.clients[connection])
        if message.detach_others:
            self.daemon.detach_clients(session, reason="detached")
        client = AttachedClient(self, connection, session, message.columns, message.lines,
                                message.tty, message.term)
        transport = connection.writer.transport
        if transport is not None:
            # drain() waits until the queue is down to a quarter of the threshold:
            # the client then gets the latest state in one go, not a trickle.
            threshold = client.flow.threshold
            transport.set_write_buffer_limits(high=threshold, low=threshold // 4)
            # The kernel's send buffer is part of the path too, and one the
            # levels cannot see: left at its default it swallowed minutes of a
            # stopped client's updates (all of which it must then chew through).
            # Kept about one threshold, a stalled client shows up as queued
            # bytes at once and catches up from a screen, not a backlog.
            sock = transport.get_extra_info("socket")
            if sock is not None:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, threshold)
        self._remember_size(session)
        self.clients[connection] = client
        session.touch()
        client.sent_options = self.option_values(session)
        connection.send(protocol.Reply(id=message.id, ok=True, result={
            "session": session.id,
            # For the prompt's completion and the client's options: the client imports neither table.
            "commands": sorted(entry.name for entry in commands.COMMANDS),
            "options": client.sent_options,
            "config": self.daemon.config_toml,
        }))
        log.info("client %s attached to session %s (%dx%d)", client.name, session.name,
                 message.columns, message.lines)
        self.daemon.hooks.notify("client-session-changed", client=client)
        self.daemon.hooks.notify("client-attached", client=client)
        self.resize_session(session)
        client.mark_layout()
        if self._tick is None:
            self._tick = self.loop.call_later(STATUS_INTERVAL, self.status_tick)

    @staticmethod
    def option_values(session: Session) -> dict:
        """What a client showing ``session`` applies: the session's own values, else the global
        ones (status, prefix, mouse are session options: ``set -t s status off`` is for s's clients)."""
        return {name: session.options.get(name) for name, option in OPTION_DEFS.items() if not option.hook}

    def _remember_size(self, session: Session) -> None:
        """Before a session's first client sizes it: the size to return to when none is left."""
        if not any(other.session is session for other in self.clients.values()):
            self._detached_sizes[session.id] = (session.columns, session.lines)

    def switch(self, client: AttachedClient, session: Session) -> None:
        """switch-client: show another session; both sessions are sized again."""
        old = client.session
        if session is not old:
            self._remember_size(session)
            client.last_session = old
            client.session = session
            if old.id in self.daemon.server.sessions:
                self.resize_session(old)
            session.touch()
            client.used = self.loop.time()
            self.daemon.hooks.notify("client-session-changed", client=client)
        self.resize_session(session)

    def remove(self, client: AttachedClient) -> None:
        if client.gone:
            return
        client.gone = True
        client.jobs.close()
        if client.popup is not None:
            client.popup.close()
        self.clients.pop(client.connection, None)
        self.daemon.hooks.notify("client-detached", client=client)
        session = client.session
        if session.id in self.daemon.server.sessions:
            self.resize_session(session)

    def connection_closed(self, connection: Connection) -> None:
        client = self.clients.get(connection)
        if client is not None:
            self.remove(client)

    # --- size --------------------------------------------------------------

    def resize_session(self, session: Session) -> None:
        """Size the session and its windows for its clients (the module docstring says how)."""
        clients = [client for client in self.clients.values() if client.session is session]
        if clients:
            size = self._fit(session, clients, self.daemon.options.get("window-size"))
        elif session.id in self._detached_sizes:
            size = self._detached_sizes.pop(session.id)
        else:
            return
        session.columns, session.lines = size
        for window in list(session.windows.values()):
            if window.options.get("window-size") == "manual":
                continue
            if clients and window.options.get("aggressive-resize"):
                showing = [client for client in clients if client.session.current is window]
                if showing:
                    window.resize(*self._fit(session, showing, window.options.get("window-size")))
            elif clients:
                window.resize(*self._fit(session, clients, window.options.get("window-size")))
            else:
                window.resize(*size)
        for client in clients:
            client.mark_layout()

    def used(self, client: AttachedClient) -> None:
        """The user typed or clicked in ``client``: if another client was used last, window-size
        latest now follows this one, as tmux's server_client_update_latest."""
        latest = max((other for other in self.clients.values() if other.session is client.session),
                     key=lambda other: other.used)
        client.used = self.loop.time()
        if latest is not client:
            self.resize_session(client.session)

    @staticmethod
    def _fit(session: Session, clients: list[AttachedClient], policy: str) -> tuple[int, int]:
        """The window size ``clients`` of ``session`` ask for under window-size ``policy`` (not
        manual), less the session's status lines (tmux's status_line_size)."""
        status = status_lines(session.options.get("status"))
        if policy == "latest":
            clients = [max(clients, key=lambda client: client.used)]
        pick = max if policy == "largest" else min
        return (pick(client.columns for client in clients),
                max(1, pick(client.lines for client in clients) - status))

    # --- hooks the daemon calls ----------------------------------------------

    def pane_output(self, pane: Pane) -> None:
        window = self.daemon.server.pane_windows.get(pane.id)
        if window is not None:
            self._window_heard(window, pane)
        viewers = [client for client in self.clients.values() if client.visible(pane)]
        pane.watched = any(client.flow.level != RED for client in viewers)
        if not viewers:
            return  # the emulator keeps its dirty set (bounded); a viewer gets a full snapshot
        dirty = pane.emulator.take_dirty()
        # A pane starting or ending a throttled spell changes its mark in the layout.
        throttle_changed = self._throttled.get(pane.id, False) != pane.throttled
        self._throttled[pane.id] = pane.throttled
        for client in viewers:
            client.mark(pane.id, dirty)
            if throttle_changed:
                client.mark_layout()

    def _window_heard(self, window: Window, pane: Pane) -> None:
        """What a pane's output tells its window: alert flags, a name it asks for, a new
        program to be named after (the module docstring says when)."""
        bells = pane.emulator.take_bells()
        name = pane.emulator.take_rename()
        if name is not None and pane.options.get("allow-rename"):
            if name:
                window.rename(name)
            else:
                window.rename_automatically()
        now = self.loop.time()
        if now - self._named_at.get(window, 0.0) >= NAME_INTERVAL:
            self._named_at[window] = now
            window.check_name()
        self._alert(window, bells)

    def _alert(self, window: Window, bells: int) -> None:
        """Activity (and ``bells`` BELs) in ``window``: its flags, as the module docstring says."""
        if bells and window.options.get("monitor-bell"):  # tmux's alert-bell: current window or not
            self.daemon.hooks.notify("alert-bell", session=window.session, window=window)
        if window is window.session.current and self.daemon.attached_count(window.session):
            return
        flags = (window.activity_flag, window.bell_flag)
        window.activity_flag |= window.options.get("monitor-activity")
        if window.activity_flag and not flags[0]:  # tmux's alert-activity: once, until seen
            self.daemon.hooks.notify("alert-activity", session=window.session, window=window)
        window.bell_flag |= bool(bells) and window.options.get("monitor-bell")
        if (window.activity_flag, window.bell_flag) != flags:
            self.daemon.server.changed(window)

    def window_changed(self, window: Window | None) -> None:
        """A window's layout, name or place changed: its session's clients are sent the new
        layout; a window that became current has its alerts cleared; with aggressive-resize a
        window newly shown is sized for its viewers."""
        sessions = self.daemon.server.sessions
        if window is not None and (current := window.session.current) is not self._current.get(window.session):
            self._current[window.session] = current
            if current is not None:
                current.activity_flag = current.bell_flag = False
                self._alert(current, 0)
        for client in list(self.clients.values()):
            if client.session.id not in sessions:
                client.detach("exited")
            elif window is None or window.session is client.session:
                client.mark_layout()
        if window is not None and window.session.id in sessions and window.options.get("aggressive-resize"):
            self.resize_session(window.session)

    def options_changed(self) -> None:
        """An option was set: every client is sent the values it applies that changed; the
        status line may have come or gone, so sessions are sized again."""
        for client in list(self.clients.values()):
            client.send_options()
            client.status_due = True
        for session in {client.session for client in self.clients.values()}:
            self.resize_session(session)

    def _lock_idle_sessions(self) -> None:
        """lock-after-time: the clients of a session none of whose clients had input for that
        many seconds are locked (tmux's session lock timer)."""
        now = self.loop.time()
        for session in {client.session for client in self.clients.values()}:
            after = session.options.get("lock-after-time")
            clients = self.daemon.clients_of(session)
            if after and now - max(client.used for client in clients) >= after:
                for client in clients:
                    client.lock()

    def status_tick(self) -> None:
        """Window names follow their programs (automatic rename): recheck them now and then.

        The layout is only sent when it differs from the last one sent.
        """
        self._tick = None
        for client in list(self.clients.values()):
            client.check_flow()  # a client that stopped draining turns red with time
            client.mark_layout()
        self._lock_idle_sessions()
        if self.clients:
            self._tick = self.loop.call_later(STATUS_INTERVAL, self.status_tick)

