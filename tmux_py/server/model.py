"""The daemon's model: a server holds sessions, a session windows, a window panes.

Every object has a server-wide id that never repeats (sessions ``$N``, windows
``@N``, panes ``%N``, as tmux numbers them) and a position (a session's name, a
window's index in its session, a pane's index in its window's layout order).
A window's panes are arranged by its :class:`~tmux_py.server.layout.Layout`;
the window applies the layout's geometry to its panes' PTYs.

Targets (``-t``) are resolved here, as tmux's cmd-find does: ``%3``, ``@2``,
``$1``, ``name``, ``name:window``, ``name:window.pane``, ``:window``, ``.pane``;
a session or window name is taken exactly, else as a prefix, else as an fnmatch
pattern (``'ab*'``), and must match one (``=name``: exactly only).
Closing the last pane of a window closes the window; the last window of a
session, the session. The model tells its owner through callbacks (``notify``
names tmux's events, for hooks) and never touches the network.
"""

from __future__ import annotations

import os
import socket
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from fnmatch import fnmatchcase

from tmux_py.options import PANE, SESSION, WINDOW, Options
from tmux_py.server.layout import Layout, LayoutError
from tmux_py.server.pane import Pane

DEFAULT_COLUMNS = 80
DEFAULT_LINES = 24


def command_name(argv: list[str]) -> str:
    """A window's first name, tmux's default_window_name: the command's first word (after
    ``exec``), its base name; for a shell, the shell's."""
    words = argv[2].split() if len(argv) == 3 and argv[1] == "-c" else argv
    if words[:1] == ["exec"]:
        words = words[1:]
    return os.path.basename(words[0]) if words else ""


def by_name(items: Iterable, name: str, exact: bool = False):
    """The item whose ``.name`` a target's session or window part names, as tmux's cmd-find looks
    names up: exactly, else (unless ``exact``) as a prefix, else as an fnmatch pattern. The first
    way that matches any item decides: more than one is no item (tmux's "can't find")."""
    items = list(items)
    tests = (lambda item: item.name == name, lambda item: item.name.startswith(name),
             lambda item: fnmatchcase(item.name, name))
    for test in tests[:1] if exact else tests:
        found = [item for item in items if test(item)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


class TargetError(Exception):
    """A target or name that cannot be used; the message is tmux's wording."""


def validate_session_name(name: str) -> str:
    """Session names: 1-64 printable characters; ``.`` and ``:`` (they separate targets)
    become ``_``, as tmux's session_check_name does."""
    if not 1 <= len(name) <= 64 or not name.isprintable():
        raise TargetError(f"invalid session: {name}")
    return name.replace(".", "_").replace(":", "_")


class Window:
    """Panes sharing one screen area, arranged by a layout."""

    def __init__(self, server: Server, session: Session, window_id: str, index: int, columns: int, lines: int) -> None:
        self.server = server
        self.session = session
        self.id = window_id
        self.index = index
        #: The name as last given or seen: what automatic-rename off keeps.
        self._name = ""
        #: tmux's alert flags (``#`` activity, ``!`` bell), kept by the daemon's attachments.
        self.activity_flag = False
        self.bell_flag = False
        self.columns = columns
        self.lines = lines
        self.panes: dict[str, Pane] = {}
        self.layout: Layout | None = None
        self.active: Pane | None = None
        self.last_pane: Pane | None = None
        self.zoomed = False
        self.created = time.time()
        #: Window (and pane) options set on this window; the rest are the global values.
        self.options = Options(server.options, WINDOW)

    @property
    def name(self) -> str:
        """With automatic-rename, the active program's name; without, the name it had when
        automatic-rename went off (the last one seen), or the one given."""
        self.check_name()
        return self._name

    def check_name(self) -> None:
        """With automatic-rename, look at the active program for the name (tmux's check_window_name)."""
        if self.options.get("automatic-rename") and self.active is not None:
            name, self._name = self._name, self.active.current_command()
            if name != self._name:
                self.server.notify("window-renamed", window=self)

    def rename(self, name: str, *, announce: bool = True) -> None:
        """rename-window, new-window -n, a program's ESC k: the name stays, as tmux turns
        automatic-rename off for the window. ``announce``: the window-renamed hook runs (tmux's
        window_set_name); a new window named as it is made (spawn_window) runs none."""
        self.options.set("automatic-rename", False)
        self._name = name
        if announce:
            self.server.notify("window-renamed", window=self)
        self.server.changed(self)

    def rename_automatically(self) -> None:
        """A program's empty ESC k: the window follows the global automatic-rename again
        (named "" if that is off), as tmux's input_exit_rename."""
        self.options.unset("automatic-rename")
        if not self.options.get("automatic-rename"):
            self._name = ""
        self.server.changed(self)

    def ordered_panes(self) -> list[Pane]:
        return [self.panes[pane_id] for pane_id in self.layout.panes()] if self.layout else []

    def pane_index(self, pane: Pane) -> int:
        return self.layout.panes().index(pane.id)

    def pane_number(self, pane: Pane) -> int:
        """The index tmux shows for a pane: its position plus pane-base-index."""
        return self.pane_index(pane) + self.options.get("pane-base-index")

    def synchronized_peers(self, pane: Pane) -> list[Pane]:
        """synchronize-panes: the other panes keys sent to ``pane`` also go to."""
        if pane.id not in self.panes or not pane.options.get("synchronize-panes"):
            return []
        return [other for other in self.ordered_panes() if other is not pane and not other.closed]

    def geometry(self) -> dict[str, tuple[int, int, int, int]]:
        """pane id -> (x, y, columns, lines); a zoomed window shows only its active pane."""
        if self.zoomed and self.active:
            return {self.active.id: (0, 0, self.columns, self.lines)}
        return self.layout.geometry()

    def place(self, pane: Pane) -> tuple[int, int, int, int]:
        """Where list-panes puts a pane: (x, y, columns, lines) as shown, and for a pane a zoom
        hides, its place in the layout (as tmux lists it)."""
        shown = self.geometry().get(pane.id)
        if shown is None and self.layout is not None:
            shown = self.layout.geometry().get(pane.id)
        return shown or (0, 0, 0, 0)

    def apply_geometry(self) -> None:
        for pane_id, (_, _, columns, lines) in self.geometry().items():
            self.panes[pane_id].resize(columns, lines)
        self.server.notify("window-layout-changed", window=self)
        self.server.changed(self)

    def select(self, pane: Pane) -> None:
        if pane is not self.active:
            self.last_pane = self.active
            self.active = pane
            self.server.activated(pane)
            if self.last_pane is not None:  # a window's first pane is no change (tmux's spawn)
                self.server.notify("window-pane-changed", window=self)
            if self.zoomed:
                self.zoomed = False
                self.apply_geometry()
        self.server.changed(self)

    def resize(self, columns: int, lines: int) -> None:
        if (columns, lines) == (self.columns, self.lines):
            return
        self.columns, self.lines = columns, lines
        self.layout.resize(columns, lines)
        self.apply_geometry()
        self.server.notify("window-resized", window=self)

    def split(self, target: Pane | None, argv: list[str], cwd: str, *, horizontal: bool = False,
              size: int | None = None, percent: int | None = None, before: bool = False,
              full: bool = False, environment: dict[str, str] | None = None) -> Pane:
        """A new pane beside ``target`` (None: the window's first pane); ``environment`` is
        added to its program's (-e)."""
        pane_id = self.server.next_pane_id()
        if target is None:
            self.layout = Layout(pane_id, self.columns, self.lines)
        else:
            self.zoomed = False
            try:
                self.layout.split(target.id, pane_id, horizontal=horizontal, size=size,
                                  percent=percent, before=before, full=full)
            except LayoutError as error:
                raise TargetError(str(error)) from None
        if target is None:
            self._name = command_name(argv)
        _, _, columns, lines = self.layout.geometry()[pane_id]
        try:
            pane = self.server.spawn_pane(pane_id, argv, cwd, columns, lines, self.session, environment or {})
        except Exception:
            if target is None:
                self.layout = None
            else:
                self.layout.remove(pane_id)
            raise
        self.adopt(pane)
        self.select(pane)
        self.apply_geometry()
        return pane

    def pane_to_go_back_to(self) -> Pane | None:
        """What last-pane selects: the last pane, else in a window of two the other one (tmux 3.3a)."""
        if self.last_pane is None and len(self.panes) == 2:
            return next(pane for pane in self.ordered_panes() if pane is not self.active)
        return self.last_pane

    def adopt(self, pane: Pane) -> None:
        """Make ``pane`` one of this window's, new or moved here (its place in the layout is the
        caller's): its options fall back to this window's, synchronize-panes reaches its panes."""
        if pane.options is None:
            pane.options = Options(self.options, PANE)
        else:
            pane.options.parent = self.options
        pane.sync_peers = lambda: self.synchronized_peers(pane)
        self.panes[pane.id] = pane
        self.server.pane_windows[pane.id] = self

    def remove(self, pane: Pane) -> None:
        """Take a pane out (closed, or moving to another window); its space goes to its
        neighbours, and :meth:`lose` picks the next active pane."""
        order = self.ordered_panes()
        del self.panes[pane.id]
        self.server.pane_windows.pop(pane.id, None)
        self.lose(pane, order)
        if not self.panes:
            return
        self.layout.remove(pane.id)
        self.apply_geometry()

    def lose(self, pane: Pane, order: list[Pane]) -> None:
        """``pane`` leaves its place in ``order`` (the panes before it left): an active pane is
        followed by the last one, else the one before it, else the one after (window_lost_pane)."""
        if self.active is pane:
            position = order.index(pane)
            neighbours = order[position - 1:position] or order[position + 1:position + 2]
            self.active = self.last_pane or (neighbours[0] if neighbours else None)
            self.last_pane = None
            self.zoomed = False
        elif self.last_pane is pane:
            self.last_pane = None

    def unzoom(self) -> bool:
        """Show every pane again; True if the window was zoomed."""
        if not self.zoomed:
            return False
        self.zoomed = False
        self.apply_geometry()
        return True

    def rotate(self, *, downward: bool, keep_zoom: bool) -> None:
        """rotate-window: the panes move round their cells and the active cell stays the same
        (so a new pane is active); with ``keep_zoom`` a zoomed window zooms that pane."""
        rezoom = self.unzoom() and keep_zoom
        position = self.pane_index(self.active)
        self.layout.rotate(downward=downward)
        self.select(self.ordered_panes()[position])
        self.zoomed = rezoom
        self.apply_geometry()


class Session:
    """Windows by index, one of them current."""

    def __init__(self, server: Server, session_id: str, name: str, columns: int, lines: int) -> None:
        self.server = server
        self.id = session_id
        self.name = name
        self.columns = columns
        self.lines = lines
        self.windows: dict[int, Window] = {}
        self.current: Window | None = None
        #: Windows current before, most recent first (tmux's lastw stack): killing the current
        #: window goes back through them.
        self.last_windows: list[Window] = []
        self.created = time.time()
        self.activity = self.created
        #: Session options set on this session; the rest are the global values.
        self.options = Options(server.options, SESSION)
        #: Variables new panes get over the global environment; None removes one (tmux's ``-NAME``).
        self.environment: dict[str, str | None] = {}

    @property
    def last_window(self) -> Window | None:
        return self.last_windows[0] if self.last_windows else None

    def ordered_windows(self) -> list[Window]:
        return [self.windows[index] for index in sorted(self.windows)]

    def free_index(self, start: int = 0) -> int:
        index = start
        while index in self.windows:
            index += 1
        return index

    def new_window(self, argv: list[str], cwd: str, *, index: int | None = None, name: str | None = None,
                   select: bool = True, environment: dict[str, str] | None = None) -> Window:
        if index is None:
            index = self.free_index(self.options.get("base-index"))
        elif index in self.windows:
            raise TargetError(f"create window failed: index {index} in use")
        window = Window(self.server, self, self.server.next_window_id(), index, self.columns, self.lines)
        self.link(window, index)
        try:
            window.split(None, argv, cwd, environment=environment)
        except Exception:
            del self.windows[index]
            del self.server.windows[window.id]
            raise
        if name is not None:
            window.rename(name, announce=False)
        if select or self.current is None:
            self.select(window)
        return window

    def make_room(self, index: int) -> int:
        """Free ``index`` by moving the windows from it up to the next gap one place up
        (move-window -a, tmux's winlink_shuffle_up)."""
        gap = self.free_index(index)
        for number in range(gap, index, -1):
            window = self.windows.pop(number - 1)
            window.index = number
            self.windows[number] = window
        return index

    def link(self, window: Window, index: int | None = None) -> None:
        """Put a window at ``index`` (None: the first free one from base-index), as tmux's session_attach."""
        if index is None:
            index = self.free_index(self.options.get("base-index"))
        elif index in self.windows:
            raise TargetError(f"index in use: {index}")
        window.session, window.index = self, index
        self.windows[index] = window
        self.server.windows[window.id] = window
        self.server.notify("window-linked", session=self, window=window)

    def select(self, window: Window) -> None:
        if window is not self.current:
            if window in self.last_windows:
                self.last_windows.remove(window)
            if self.current is not None:
                self.last_windows.insert(0, self.current)
            self.current = window
            self.server.notify("session-window-changed", session=self)
        self.touch()
        self.server.changed(window)

    def _follow(self, leaving: int) -> None:
        """The current window leaves index ``leaving``: the last window becomes current, else
        the one before it (round to the highest), as tmux's session_detach."""
        if self.last_windows:
            self.current = self.last_windows.pop(0)
            return
        lower = [index for index in self.windows if index < leaving]
        higher = [index for index in self.windows if index > leaving]
        self.current = self.windows[max(lower or higher)] if lower or higher else None

    def move(self, window: Window, index: int | None, *, select: bool) -> None:
        """move-window inside the session: ``window`` goes to ``index`` (None: the first free one).

        tmux links the new place before it unlinks the old, so the free index is found with
        the old one still taken, and a current window moved without ``select`` is followed as
        if it had left (by the last window, when there is one).
        """
        old = window.index
        self.link(window, index)
        del self.windows[old]
        if select:
            self.select(window)
            return
        if self.current is window:
            self._follow(old)
        self.server.changed(window)

    def exchange(self, swaps: dict[Window, Window]) -> None:
        """swap-window: windows changed places; being current or last belongs to the place."""
        self.current = swaps.get(self.current, self.current)
        self.last_windows = [swaps.get(window, window) for window in self.last_windows]

    def touch(self) -> None:
        self.activity = time.time()

    def remove(self, window: Window) -> None:
        """Take a window out (closed, or moving to another session)."""
        del self.windows[window.index]
        self.server.windows.pop(window.id, None)
        self.server.notify("window-unlinked", session=self, window=window)
        if window in self.last_windows:
            self.last_windows.remove(window)
        if self.current is window:
            self._follow(window.index)
            if self.current is not None:
                self.server.notify("session-window-changed", session=self)
        self.server.changed(self.current)

    def renumber(self) -> None:
        """renumber-windows: indexes from base-index up, in order, with no gaps."""
        base = self.options.get("base-index")
        ordered = self.ordered_windows()
        self.windows = {}
        for number, window in enumerate(ordered):
            window.index = base + number
            self.windows[window.index] = window



@dataclass
class Target:
    """What a -t resolved to; the narrower fields imply the wider ones."""

    session: Session
    window: Window
    pane: Pane


class Server:
    """The root of the model, owned by the daemon."""

    def __init__(
        self,
        options: Options,
        *,
        socket_path: str,
        environment: dict[str, str],
        spawn: Callable[..., Pane],
        on_change: Callable[[Window | None], None],
        on_empty: Callable[[], None],
        notify: Callable[..., None],
    ) -> None:
        self.options = options
        self.socket_path = socket_path
        #: The global environment (set-environment -g); None marks a variable removed.
        self.environment: dict[str, str | None] = environment
        #: Starts a pane's program (the daemon's, which owns the event loop and reaping).
        self.spawn_pane = spawn
        self._on_change = on_change
        self._on_empty = on_empty
        #: Tells of an event by tmux's name, about a session, window or pane (hook.Hooks.notify).
        self.notify = notify
        self.sessions: dict[str, Session] = {}
        self.windows: dict[str, Window] = {}
        self.pane_windows: dict[str, Window] = {}
        #: Paste buffers, newest first (capture-pane, set-buffer, copy mode; paste-buffer reads).
        self.buffers: list[str] = []
        self._counters = {"$": 0, "@": 0, "%": 0}
        #: pane id -> when it last became active (tmux's active_point): select-pane -L/-R/-U/-D
        #: goes to the neighbour used most recently.
        self._active_points: dict[str, int] = {}
        self._active_clock = 0
        self.hostname = socket.gethostname()
        #: select-pane -m's pane, with the session and window it was marked in (tmux's marked_pane).
        self._marked: Target | None = None

    def add_buffer(self, text: str) -> None:
        """A new newest paste buffer; past buffer-limit the oldest go, as in tmux."""
        self.buffers.insert(0, text)
        del self.buffers[self.options.get("buffer-limit"):]

    # --- ids ----------------------------------------------------------------

    def _next_id(self, sigil: str) -> str:
        number = self._counters[sigil]
        self._counters[sigil] += 1
        return f"{sigil}{number}"

    def next_pane_id(self) -> str:
        return self._next_id("%")

    def next_window_id(self) -> str:
        return self._next_id("@")

    def activated(self, pane: Pane) -> None:
        """``pane`` just became its window's active pane."""
        self._active_clock += 1
        self._active_points[pane.id] = self._active_clock

    def most_recent_first(self, panes: list[Pane]) -> list[str]:
        """Pane ids, the most recently active first; panes never active are left out."""
        ranked = [pane.id for pane in panes if pane.id in self._active_points]
        return sorted(ranked, key=self._active_points.__getitem__, reverse=True)

    # --- building -------------------------------------------------------

    def shell_argv(self, command: list[str], session: Session | None = None) -> list[str]:
        """One argument runs through the shell; several are exec'd directly; none: the shell."""
        options = session.options if session is not None else self.options
        shell = options.get("default-shell") or self.environment.get("SHELL") or "/bin/sh"
        if not command:
            default = options.get("default-command")
            return [shell, "-c", default] if default else [shell]
        if len(command) == 1:
            return [shell, "-c", command[0]]
        return list(command)

    def new_session(self, name: str | None, command: list[str], cwd: str, columns: int | None = None,
                    lines: int | None = None, window_name: str | None = None,
                    environment: dict[str, str | None] | None = None) -> Session:
        if name is None:
            # tmux names the session after the id it is about to get ($3 -> "3").
            number = self._counters["$"]
            while str(number) in self.session_names():
                number += 1
            name = str(number)
        name = validate_session_name(name)
        if name in self.session_names():
            raise TargetError(f"duplicate session: {name}")
        session = Session(self, self._next_id("$"), name, columns or DEFAULT_COLUMNS, lines or DEFAULT_LINES)
        self.sessions[session.id] = session
        session.environment = environment or {}
        try:
            session.new_window(self.shell_argv(command), cwd, name=window_name)
        except Exception:
            del self.sessions[session.id]
            raise
        self.notify("session-created", session=session)
        return session

    def session_names(self) -> set[str]:
        return {session.name for session in self.sessions.values()}

    def rename_session(self, session: Session, name: str) -> None:
        name = validate_session_name(name)
        if name != session.name and name in self.session_names():
            raise TargetError(f"duplicate session: {name}")
        session.name = name
        self.notify("session-renamed", session=session)
        self.changed(session.current)

    def changed(self, window: Window | None) -> None:
        self._on_change(window)

    # --- the marked pane -------------------------------------------------

    @property
    def marked(self) -> Target | None:
        """The marked pane while it stands, as tmux's server_check_marked: its session alive,
        the window still in it, the pane still in the window. A pane that died or moved to
        another window, a window gone from the session, unmark it."""
        marked = self._marked
        if marked is not None and (self.sessions.get(marked.session.id) is not marked.session
                                   or marked.session.windows.get(marked.window.index) is not marked.window
                                   or marked.window.panes.get(marked.pane.id) is not marked.pane):
            self._marked = None
        return self._marked

    def mark(self, target: Target | None) -> None:
        """Mark a pane (None: clear the mark); the windows that gain or lose the ``M`` flag are
        told to their clients."""
        before = self.marked
        self._marked = target
        for window in {marked.window for marked in (before, target) if marked is not None}:
            self.changed(window)

    # --- lookups ---------------------------------------------------------

    def ordered_sessions(self) -> list[Session]:
        return sorted(self.sessions.values(), key=lambda session: session.name)

    def all_panes(self) -> list[Pane]:
        return [pane for window in self.windows.values() for pane in window.ordered_panes()]

    def find_pane(self, pane_id: str) -> tuple[Window, Pane] | None:
        window = self.pane_windows.get(pane_id)
        return (window, window.panes[pane_id]) if window else None

    def most_recent_session(self) -> Session | None:
        return max(self.sessions.values(), key=lambda session: session.activity, default=None)

    def session_named(self, name: str) -> Session | None:
        """The session called exactly ``name``."""
        return next((session for session in self.sessions.values() if session.name == name), None)

    def _session_by_name(self, name: str) -> Session | None:
        """A target's session part: ``$id``, else a name (:func:`by_name`); ``=name`` is the
        exact name only (scripts' ``has -t =name``)."""
        if name.startswith("$"):
            return self.sessions.get(name)
        if name.startswith("="):
            return self.session_named(name[1:])
        return by_name(self.ordered_sessions(), name)

    def _window_in(self, session: Session, spec: str) -> Window | None:
        """A target's window part, as tmux's cmd_find_get_window_with_session: an id, an offset or
        token, an index, else a name (:func:`by_name`). ``=`` takes an index or a name exactly
        (``:=1`` is window 1, else a window named 1; never a name starting with 1)."""
        ordered = session.ordered_windows()
        if spec.startswith("="):
            exact = spec[1:]
            if exact.isdigit() and int(exact) in session.windows:
                return session.windows[int(exact)]
            return by_name(ordered, exact, exact=True)
        if spec.startswith("@"):
            window = self.windows.get(spec)
            return window if window and window.session is session else None
        if spec in ("^", "{start}"):
            return ordered[0] if ordered else None
        if spec in ("$", "{end}"):
            return ordered[-1] if ordered else None
        if spec in ("!", "{last}"):
            return session.last_window
        spec = {"{next}": "+", "{previous}": "-"}.get(spec, spec)
        if spec and spec[0] in "+-" and (spec[1:].isdigit() or not spec[1:]) and session.current in ordered:
            # tmux's offsets from the current window, in index order, wrapping (C-b n is next-window).
            step = int(spec[1:] or 1) * (1 if spec[0] == "+" else -1)
            return ordered[(ordered.index(session.current) + step) % len(ordered)]
        if spec.isdigit() and int(spec) in session.windows:
            return session.windows[int(spec)]
        return by_name(ordered, spec)

    def _pane_in(self, window: Window, spec: str) -> Pane | None:
        if spec.startswith("%"):
            return window.panes.get(spec)
        if spec == "!":
            return window.last_pane
        if spec and spec[0] in "+-" and (spec[1:].isdigit() or not spec[1:]) and window.active:
            # tmux's offsets from the active pane (C-b o is select-pane -t :.+), wrapping.
            ordered = window.ordered_panes()
            step = int(spec[1:] or 1) * (1 if spec[0] == "+" else -1)
            return ordered[(ordered.index(window.active) + step) % len(ordered)]
        if spec.isdigit():
            ordered = window.ordered_panes()
            index = int(spec) - window.options.get("pane-base-index")
            return ordered[index] if 0 <= index < len(ordered) else None
        return None

    def default_target(self, current: Target | None) -> Target:
        if current is not None:
            return current
        session = self.most_recent_session()
        if session is None:
            raise TargetError("no current session")
        return Target(session, session.current, session.current.active)

    def resolve(self, spec: str | None, kind: str, current: Target | None) -> Target:
        """Resolve ``-t spec`` for a command whose target is a session, window or pane."""
        if not spec:
            return self.default_target(current)
        if spec in ("~", "{marked}"):  # tmux's tokens for the marked pane, a target on their own
            if self.marked is None:
                raise TargetError("no marked target")
            return self.marked
        if spec.startswith("%"):
            found = self.find_pane(spec)
            if not found:
                raise TargetError(f"can't find pane: {spec}")
            window, pane = found
            return Target(window.session, window, pane)
        if spec.startswith("@"):
            window = self.windows.get(spec)
            if not window:
                raise TargetError(f"can't find window: {spec}")
            return Target(window.session, window, window.active)
        session_part, colon, rest = spec.partition(":")
        if not colon and kind != "session" and not spec.startswith("$"):
            return self._resolve_here(spec, kind, current)
        session = self._session_by_name(session_part) if session_part else self.default_target(current).session
        if session is None:
            raise TargetError(f"can't find session: {session_part.removeprefix('=')}")
        if kind == "session" or not rest:
            return Target(session, session.current, session.current.active)
        window_part, _, pane_part = rest.partition(".")
        window = self._window_in(session, window_part) if window_part else session.current
        if window is None:
            raise TargetError(f"can't find window: {window_part.removeprefix('=')}")
        return self._pane_target(session, window, pane_part)

    def _resolve_here(self, spec: str, kind: str, current: Target | None) -> Target:
        """A window or pane target with no session part (``win``, ``win.1``, ``.1``, ``1``), as
        tmux's cmd_find_get_pane and cmd_find_get_window: for a pane target without a ``.``, a
        pane of the current window first; then a window of the current session; then a session,
        at its current window (``-t a.1``: session a's pane 1, unless a window is called a)."""
        here = self.default_target(current)
        window_part, dot, pane_part = spec.partition(".")
        if kind == "pane" and not dot and (pane := self._pane_in(here.window, spec)) is not None:
            return Target(here.session, here.window, pane)
        session, window = here.session, self._window_in(here.session, window_part) if window_part else here.window
        if window is None:
            session = self._session_by_name(window_part)
            if session is None:
                raise TargetError(f"can't find {'window' if dot else kind}: {window_part}")
            window = session.current
        return self._pane_target(session, window, pane_part)

    def _pane_target(self, session: Session, window: Window, pane_part: str) -> Target:
        """A window's pane by a target's pane part; none: its active pane."""
        if not pane_part:
            return Target(session, window, window.active)
        pane = self._pane_in(window, pane_part)
        if pane is None:
            raise TargetError(f"can't find pane: {pane_part}")
        return Target(session, window, pane)

    def resolve_source(self, spec: str | None, kind: str, current: Target | None) -> Target:
        """A ``-s`` that defaults to the marked pane, then to the current one (tmux's
        CMD_FIND_DEFAULT_MARKED: swap-pane, join-pane, move-pane, swap-window)."""
        if not spec and self.marked is not None:
            return self.marked
        return self.resolve(spec, kind, current)

    def resolve_index(self, spec: str | None, current: Target | None) -> tuple[Session, int | None]:
        """A -t naming a place for a window (tmux's CMD_FIND_WINDOW_INDEX): ``session:N`` may be a
        free index; a window names its own; a session alone (or ``session:``) means the first
        free index, given as None."""
        if not spec:
            return self.default_target(current).session, None
        session_part, colon, window_part = spec.partition(":")
        if not colon and (session := self._session_by_name(spec)) is not None:
            return session, None
        if colon and (not window_part or window_part.isdigit()):
            session = self.resolve(session_part, "session", current).session
            return session, int(window_part) if window_part else None
        target = self.resolve(spec, "window", current)
        return target.session, target.window.index

    # --- removal ---------------------------------------------------------

    def remove_pane(self, pane: Pane) -> None:
        """Take a closed pane out of the model, closing its window and session when empty."""
        window = self.pane_windows.get(pane.id)
        if window is None:
            return
        window.remove(pane)
        self._active_points.pop(pane.id, None)
        pane.close()
        if not window.panes:
            self.unlink_window(window)

    def unlink_window(self, window: Window, *, renumber: bool = True) -> None:
        """Take a window out of its session, closing the session if it was the last. A window
        that closed leaves no gap with renumber-windows; tmux leaves one where a window moved."""
        session = window.session
        if session.windows.get(window.index) is not window:
            return  # already out: replaced by move-window -k, its panes being killed
        session.remove(window)
        if renumber and session.options.get("renumber-windows"):
            session.renumber()
        if not session.windows:
            del self.sessions[session.id]
            self.notify("session-closed", session=session)
            self.changed(None)
            if not self.sessions:
                self._on_empty()

    # --- moving ----------------------------------------------------------

    def join_pane(self, pane: Pane, target: Pane, *, horizontal: bool, size: int | None = None,
                  percent: int | None = None, before: bool = False, select: bool = True) -> None:
        """join-pane/move-pane: ``pane`` leaves its window for a cell split from ``target``'s.

        As tmux, the split is made first, so a target too small refuses before anything
        moves; a window left empty closes.
        """
        if pane is target:
            raise TargetError("source and target panes must be different")
        source, window = self.pane_windows[pane.id], self.pane_windows[target.id]
        window.unzoom()
        source.unzoom()
        order = source.ordered_panes()
        try:
            if source is window:
                window.layout.move(pane.id, target.id, horizontal=horizontal, size=size, percent=percent,
                                   before=before)
            else:
                window.layout.split(target.id, pane.id, horizontal=horizontal, size=size, percent=percent,
                                    before=before)
        except LayoutError:
            raise TargetError("create pane failed: pane too small") from None
        if source is window:
            window.lose(pane, order)
        else:
            source.remove(pane)
            window.adopt(pane)
        if select:
            window.select(pane)
            window.session.select(window)
        window.apply_geometry()
        if not source.panes:
            self.unlink_window(source)

    def swap_panes(self, source: Pane, target: Pane, *, select: bool = True) -> None:
        """swap-pane: the two panes exchange cells, in one window or across two.

        As tmux's cmd-swap-pane: with ``select`` the target is made active where the source
        was (and the source where the target was); without, an active pane's cell stays
        active, taken by the other pane. A pane that left is no window's last pane there.
        """
        if source is target:
            return
        here, there = self.pane_windows[source.id], self.pane_windows[target.id]
        here.unzoom()
        there.unzoom()
        if here is there:
            here.layout.swap(source.id, target.id)
        else:
            here.layout.replace(source.id, target.id)
            there.layout.replace(target.id, source.id)
            del here.panes[source.id], there.panes[target.id]
            here.adopt(target)
            there.adopt(source)
        if select:
            here.select(target)
            if there is not here:
                there.select(source)
        else:
            if here.active is source:
                here.select(target)
            if there.active is target:
                there.select(source)
        if there is not here:
            # A pane that left is no window's last pane there (tmux clears w->last).
            here.last_pane = None if here.last_pane is source else here.last_pane
            there.last_pane = None if there.last_pane is target else there.last_pane
        here.apply_geometry()
        there.apply_geometry()

    def break_pane(self, pane: Pane, session: Session, index: int | None, *, name: str | None = None,
                   select: bool = True) -> Window:
        """break-pane: ``pane`` leaves for a new window at ``index`` in ``session`` (None: the
        first free index); a window's only pane takes its window there instead."""
        source = self.pane_windows[pane.id]
        source.unzoom()
        if len(source.panes) == 1:
            self.move_window(source, session, index, select=select)
            window = source
        else:
            if index in session.windows:
                raise TargetError(f"index in use: {index}")
            source.remove(pane)
            window = Window(self, session, self.next_window_id(), 0, source.columns, source.lines)
            window.layout = Layout(pane.id, window.columns, window.lines)
            window.adopt(pane)
            window.active = pane
            session.link(window, index)
            if select:
                session.select(window)
            window.apply_geometry()
        if name is not None:
            window.rename(name)
        return window

    def move_window(self, window: Window, session: Session, index: int | None, *, kill: bool = False,
                    select: bool = True) -> None:
        """move-window: ``window`` goes to ``index`` in ``session`` (None: the first free index).

        With ``kill`` a window already there is killed; if it was current the moved window
        is shown instead, as tmux's server_link_window. Sizes stay: tmux resizes a window
        for its clients, not its session.
        """
        existing = session.windows.get(index) if index is not None else None
        if existing is window:
            raise TargetError(f"same index: {index}")
        if existing is not None:
            if not kill:
                raise TargetError(f"index in use: {index}")
            if existing is session.current:
                session.current = None
                select = True
            session.remove(existing)
            self.kill_window(existing)
        if window.session is session:
            session.move(window, index, select=select)
            return
        self.unlink_window(window, renumber=False)
        session.link(window, index)
        if select or session.current is None:
            session.select(window)
        self.changed(window)

    def swap_windows(self, first: Window, second: Window, *, select: bool) -> None:
        """swap-window: the two windows exchange places (indexes, sessions). Being current or
        last belongs to the place, as tmux swaps windows under its winlinks; with ``select``
        each session makes current the place its new window took."""
        if first is second:
            return
        near, far = first.session, second.session
        near_index, far_index = first.index, second.index
        near.windows[near_index], far.windows[far_index] = second, first
        first.session, first.index, second.session, second.index = far, far_index, near, near_index
        if near is far:
            near.exchange({first: second, second: first})
        else:
            near.exchange({first: second})
            far.exchange({second: first})
        if select:
            far.select(first)
            if near is not far:
                near.select(second)
        self.changed(first)
        self.changed(second)

    def kill_pane(self, pane: Pane) -> None:
        """Hang up the pane's processes and remove it now (stragglers are killed later)."""
        pane.terminate(self.options.get("kill-grace"))
        self.remove_pane(pane)

    def kill_window(self, window: Window) -> None:
        for pane in window.ordered_panes():
            self.kill_pane(pane)

    def kill_session(self, session: Session) -> None:
        for window in session.ordered_windows():
            self.kill_window(window)

    def pane_environment(self, session: Session, pane_id: str, daemon_pid: int) -> dict[str, str]:
        """The global environment, then the session's, as tmux gives a new pane."""
        merged = {**self.environment, **session.environment}
        env = {name: value for name, value in merged.items() if value is not None}
        env.update(
            TERM=self.options.get("default-terminal"),
            COLORTERM="truecolor",
            TMUXPY=f"{self.socket_path},{daemon_pid},{pane_id}",
        )
        env.pop("TMUX", None)
        return env
