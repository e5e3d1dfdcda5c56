"""The attached client: a Textual app showing one session's current window.

The app owns a :class:`~tmux_py.client.connection.DaemonConnection` and
applies what the daemon sends straight to the widgets: ``Layout`` to the
:class:`WindowView` and status line, ``PaneUpdate`` to a
:class:`PaneView` (only the changed rows are redrawn), ``ClientAction`` to the
prompt, scroll mode, help and chooser screens, ``Exit`` to leaving.

Keys. Textual's own bindings are all removed (App and screen), and the app
takes every key itself (:meth:`TmuxApp.on_event`), in order: to the open
prompt, or to :meth:`TmuxApp.key`, which sends every key to display-popup's box
while one is open (:class:`PopupView`), else after the prefix looks the key up in
the bindings (command strings run in the daemon, as this client), otherwise
sends it to the active pane as a ``Keys`` message, or to copy mode. As tmux
runs each key's commands before it reads the next key, keys typed while a
command is under way (a daemon reply awaited, history fetched for a copy or a
search) are held, and taken when it is done: ``?alpha`` typed fast goes into
the search prompt that ``?`` opens.

:func:`run_attached` is what ``tmuxpy attach`` calls: it runs the app and
returns the exit status, printing ``[detached (from session NAME)]``,
``[exited]`` or ``[server exited unexpectedly]`` once the terminal is restored.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections import deque

from rich.style import Style
from textual import constants, events
from textual.app import App, SuspendNotSupported
from textual.screen import Screen
from textual.theme import Theme as TextualTheme
from textual.timer import Timer

from tmux_py import protocol
from tmux_py.config import Config, load_config
from tmux_py.client.connection import CLOSED, ConnectionLost, DaemonConnection
from tmux_py.client.clock_mode import ClockMode
from tmux_py.client.copy_mode import CopyMode, binding, copy_action
from tmux_py.bindings import COPY_MODE_TABLES, SESSION_MENU, canonical_key, pane_menu, window_menu
from tmux_py.client.keymap import DEFAULT_BINDINGS, missing_bindings, tmux_key
from tmux_py.cmdline import CommandLineError, fill_commands, split_commands
from tmux_py.options import status_lines
from tmux_py.style import parse_colour
from tmux_py.client.messages import BorderDragged, PaneMouse, StatusLeftClicked, WindowClicked
from tmux_py.client.palette import Palette
from tmux_py.client.theme import DEFAULT_THEME, Theme, load_themes
from tmux_py.client.widgets.chooser import Chooser
from tmux_py.client.widgets.help_screen import HelpScreen
from tmux_py.client.widgets.menu_view import MenuView
from tmux_py.client.widgets.pane_view import PaneView
from tmux_py.client.widgets.popup_view import PopupView
from tmux_py.client.widgets.prompt import Answer, Prompt
from tmux_py.client.widgets.status_bar import StatusBar
from tmux_py.client.widgets.window_view import WindowView

#: Seconds a message stays on the status line (tmux's display-time is shorter; this is readable).
MESSAGE_SECONDS = 3.0
#: Seconds between two Input messages: well inside the shortest lock-after-time (1 s), which
#: the daemon checks once a second.
INPUT_INTERVAL = 0.5
#: The right button in PaneMouse and Mouse messages (tmux's MouseDown3; counted from 0).
RIGHT_BUTTON = 2
#: Lines the mouse wheel scrolls in scroll mode.
WHEEL_LINES = 3
#: Keys held while a command is under way; more are dropped (tmux's terminal would stop taking them).
MAX_HELD_KEYS = 1000


class MainScreen(Screen, inherit_bindings=False):
    """The window, the prompt and the status line; no bindings (tab is a key for the pane)."""

    AUTO_FOCUS = "#window"

    def compose(self):
        yield self.app.window_view
        yield self.app.prompt
        yield self.app.status_bar



class TmuxApp(App, inherit_bindings=False):
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False

    def __init__(self, socket_path: str, session_id: str, *, config: Config | None = None,
                 themes: dict[str, Theme] | None = None, problems: list[str] | None = None,
                 theme: str | None = None, detach_others: bool = False) -> None:
        super().__init__()
        self.socket_path = socket_path
        self.session_id = session_id
        self.config = config or Config()
        if themes is None:
            themes, theme_problems = load_themes(None)
            problems = (problems or []) + theme_problems
        self.themes = themes
        self.problems = list(problems or []) + list(self.config.problems)
        self.theme_override = theme
        self.detach_others = detach_others
        # Until the daemon sends its key tables (right after attach): the defaults and config.toml's.
        self.bindings = {**DEFAULT_BINDINGS}
        for key, command in self.config.bindings.items():
            key = canonical_key(key)
            if command:
                self.bindings[key] = command
            else:
                self.bindings.pop(key, None)
        self.root_bindings: dict[str, str] = {}
        self.copy_tables: dict[str, dict[str, str]] = {}  # copy-mode and copy-mode-vi, from the daemon
        self.config_bindings_checked = False  # against the daemon's first tables, once
        self.prefix = "C-b"
        self.mouse_on = True
        self.status_enabled = True
        self.mode_keys = "emacs"
        self.clock_options = {"clock-mode-colour": "blue", "clock-mode-style": "24"}
        self._clock_timer: Timer | None = None
        self.terminal_title = ""  # what set-titles last put in the outer terminal's title
        self.command_names: list[str] = []
        self.layout: protocol.Layout | None = None
        self.connection: DaemonConnection | None = None
        self.exit_text = ""
        self.exit_status = 0
        self.prefix_pending = False
        self._under_way: set[asyncio.Future] = set()  # what keys typed now must wait for
        self._held: deque[events.Key | events.Paste] = deque()  # those keys, in order
        self._input_told = float("-inf")  # when the daemon was last told of input (_note_input)
        self._daemon_theme: str | None = None
        self._message_timer = None
        self.pane_labels: dict[str, str] = {}  # display-panes: index key -> pane id, while shown
        self._labels_timer = None
        self.palette = Palette(self.themes.get(DEFAULT_THEME) or next(iter(self.themes.values())))
        self.window_view = WindowView(self.palette)
        self.prompt = Prompt(self.prompt_answered)
        self.status_bar = StatusBar()
        self.popup: PopupView | None = None  # display-popup's box, while open

    def get_default_screen(self) -> Screen:
        return MainScreen()

    # --- connecting -------------------------------------------------------------

    async def on_mount(self) -> None:
        self.apply_theme(self.theme_override or self.config.options.get("theme") or DEFAULT_THEME)
        self.window_view.focus()
        # Back from suspend-client (the shell's fg): the terminal holds the shell's screen, so
        # everything is drawn again, the panes sent whole by the daemon.
        self.app_resume_signal.subscribe(self, lambda _app: self.run_argv(["refresh-client"]))
        self.connection = DaemonConnection(self.socket_path, self.on_daemon_event, self.on_daemon_lost)
        try:
            await self.connection.connect()
            reply = await self.connection.attach(
                self.session_id, max(1, self.size.width), max(1, self.size.height),
                detach_others=self.detach_others, tty=_tty_name(), term=os.environ.get("TERM", ""),
            )
        except (ConnectionLost, TimeoutError) as error:
            self.on_daemon_lost(str(error) or CLOSED)
            return
        if not reply.ok:
            self.leave((reply.error or {}).get("message", "attach failed"), 1)
            return
        result = reply.result or {}
        self.command_names = list(result.get("commands", ()))
        self.prompt.input.names = self.command_names
        daemon_options = result.get("options", {})
        self._daemon_theme = daemon_options.get("theme")
        if result.get("config") == self.config.path:
            # The daemon read this very config.toml when it started; what differs now was set
            # since (set -g, tmuxpy.conf) and must not be undone by an attach.
            self.config_bindings_checked = True
        else:
            self._send_config(daemon_options)
        self.apply_options(daemon_options, initial=True)
        if self.problems:
            self.show_message(f"{self.problems[0]}" + (f" (+{len(self.problems) - 1} more)" if len(self.problems) > 1 else ""))

    def _send_config(self, daemon_options: dict) -> None:
        """The config file's options go to the daemon, which owns options (only those that differ)."""
        for name, value in self.config.options.items():
            if daemon_options.get(name) == value:
                continue
            if name == "theme":
                self._daemon_theme = str(value)
            text = ("on" if value else "off") if isinstance(value, bool) else str(value)
            self.run_argv(["set-option", "-g", name, text])

    def leave(self, text: str, status: int = 0) -> None:
        self.exit_text, self.exit_status = text, status
        if self.connection is not None:
            self.connection.close()
        self.exit(status)

    def on_daemon_lost(self, why: str) -> None:
        # tmux's words when the server vanishes; a protocol error is shown as the daemon put it.
        self.leave("[server exited unexpectedly]" if why == CLOSED else why, 1)

    def on_resize(self, event: events.Resize) -> None:
        if self.connection is not None and self.layout is not None:
            self.connection.send(protocol.Resize(columns=max(1, event.size.width), lines=max(1, event.size.height)))

    # --- what the daemon sends ---------------------------------------------------

    def on_daemon_event(self, message: protocol.Message) -> None:
        if isinstance(message, protocol.PaneUpdate):
            if self.popup is not None and message.pane == self.popup.pane.pane_id:
                self.popup.pane.apply(message)
                return
            view = self.window_view.panes.get(message.pane)
            if view is not None:
                view.apply(message)
                if view.active and message.title != self.status_bar.title:
                    self.status_bar.update(title=message.title)
        elif isinstance(message, protocol.Layout):
            self.set_layout(message)
        elif isinstance(message, protocol.ClientAction):
            self.client_action(message.action, message.args)
        elif isinstance(message, protocol.Flow):
            self.status_bar.update(flow=message.level, behind=message.behind)
        elif isinstance(message, protocol.StatusLine):
            self.status_bar.update(drawn=message.lines, ranges=message.ranges)
        elif isinstance(message, protocol.Exit):
            self.leave(f"[{message.message or message.reason}]", 0)

    def set_layout(self, layout: protocol.Layout) -> None:
        self.layout = layout
        for view in self.window_view.panes.values():
            if view.copy is not None and not any(p["id"] == view.pane_id for p in layout.panes):
                view.copy = None
        self.window_view.set_layout(layout)
        active = next((pane for pane in layout.panes if pane["active"]), None)
        self.status_bar.update(session=layout.session, windows=layout.windows,
                               title=active["title"] if active else "",
                               throttled=[pane["id"] for pane in layout.panes if pane.get("throttled")])

    def client_action(self, action: str, args: dict) -> None:
        if action == "message":
            self.show_message(args.get("text", ""))
        elif action in ("command-prompt", "confirm-before"):
            if self.prompt.is_open:
                return  # tmux: a client shows one prompt at a time, and ignores another
            if action == "command-prompt":
                self.prompt.ask("command", args.get("questions", []), args.get("mode", ""),
                                {"template": args.get("template", "%1"), "type": args.get("type", "command")},
                                args.get("history", []))
            else:
                self.prompt.ask("confirm", [(args.get("prompt", "Confirm? (y/n) "), "")], "",
                                {"command": args.get("command", "")})
            self.show_status()
        elif action == "copy-command":
            self.run_copy_command(args.get("pane", ""), args.get("argv", []))
        elif action == "clock-mode":
            self.enter_clock_mode(args.get("pane", ""))
        elif action == "lock":
            self.lock(args.get("command", ""))
        elif action == "suspend":
            self.action_suspend_process()  # Textual gives the terminal back first, and takes it on SIGCONT
        elif action == "copy-mode":
            self.enter_copy_mode(args.get("pane", ""), page_up=bool(args.get("page_up")))
        elif action == "menu":
            if isinstance(self.screen, MainScreen) and not self.prompt.is_open and self.popup is None:
                self.push_screen(MenuView(args), lambda command: command and self.run_command(command))
        elif action == "choose-tree":
            self.push_screen(Chooser(args.get("title", ""), args.get("items", [])), self.chosen)
        elif action == "options":
            self.apply_options(args)
        elif action == "bindings":
            tables = args.get("tables", {})
            self.bindings = dict(tables.get("prefix", {}))
            self.root_bindings = dict(tables.get("root", {}))
            self.copy_tables = {name: dict(tables.get(name, {})) for name in COPY_MODE_TABLES.values()}
            if not self.config_bindings_checked:
                # The first tables come right after attach. A daemon started with this config
                # directory read config.toml itself; one started with another learns the bindings
                # it lacks here (and sends its tables back).
                self.config_bindings_checked = True
                for argv in missing_bindings(self.config.bindings, self.bindings):
                    self.run_argv(argv)
        elif action == "display-panes":
            self.display_panes(args.get("panes", {}), float(args.get("seconds", 1.0)))
        elif action == "title":
            self.set_terminal_title(args.get("text", ""))
        elif action == "popup":
            self.close_popup()
            self.popup = PopupView(args, self.palette)
            self.screen_stack[0].mount(self.popup)
        elif action == "popup-close":
            if self.popup is not None and self.popup.pane.pane_id == args.get("pane"):
                self.close_popup()

    def close_popup(self) -> None:
        if self.popup is not None:
            self.popup.remove()
            self.popup = None

    def set_terminal_title(self, text: str) -> None:
        """set-titles: the outer terminal's title (OSC 2), as the daemon expanded it.

        Control characters are dropped: a pane's title must not end the sequence early. Textual
        has no title call for the terminal (App.title is its Header's), so this writes the
        sequence through the driver, as its own copy_to_clipboard does.
        """
        self.terminal_title = "".join(character for character in text if character.isprintable())
        if self._driver is not None:
            self._driver.write(f"\x1b]2;{self.terminal_title}\x07")

    def display_panes(self, panes: dict[str, str], seconds: float) -> None:
        """Label each pane with its index until a key or ``seconds``; an index key selects it."""
        style = Style(color=self.palette.theme.status["foreground"], bgcolor=self.palette.theme.border["active"],
                      bold=True)
        for label, pane_id in panes.items():
            view = self.window_view.panes.get(pane_id)
            if view is not None:
                view.show_label(label, style)
        self.pane_labels = panes
        if self._labels_timer is not None:
            self._labels_timer.stop()
        self._labels_timer = self.set_timer(seconds, self.hide_pane_labels)

    def hide_pane_labels(self) -> None:
        self.pane_labels = {}
        for view in self.window_view.panes.values():
            if view.label:
                view.show_label("", view.label_style)

    def apply_options(self, options: dict, initial: bool = False) -> None:
        if "prefix" in options:
            self.prefix = str(options["prefix"])
        if "mouse" in options:
            self.mouse_on = bool(options["mouse"])
        if "status" in options:
            self.status_bar.lines = status_lines(options["status"])
            self.status_enabled = self.status_bar.lines > 0
            self.show_status()
        if "status-right" in options:
            self.status_bar.update(clock_format=str(options["status-right"]))
        if "status-position" in options:
            # The status line and the prompt dock at the top; the window is laid out below them.
            self.set_class(options["status-position"] == "top", "-status-top")
            self.show_status()
        if "mode-keys" in options:
            self.mode_keys = str(options["mode-keys"])
        for name in ("clock-mode-colour", "clock-mode-style"):
            if name in options:
                self.clock_options[name] = str(options[name])
        if "escape-time" in options:
            # Textual's input parser reads this constant each time it meets an Escape (its only
            # handle besides ESCDELAY, read once at import), so tmux's option applies live.
            constants.ESCAPE_DELAY = int(options["escape-time"]) / 1000
        theme = options.get("theme")
        if theme is None:
            return
        if initial:
            # At attach a --theme or config-file choice wins over the daemon's option.
            if not (self.theme_override or self.config.options.get("theme")):
                self.apply_theme(str(theme))
        elif theme != self._daemon_theme:
            # Set while attached (set -g theme NAME): applied live by every client.
            self._daemon_theme = theme
            self.apply_theme(str(theme))

    def apply_theme(self, name: str) -> None:
        theme = self.themes.get(name)
        if theme is None:
            self.show_message(f"unknown theme: {name} (themes: {', '.join(sorted(self.themes))})")
            theme = self.themes[DEFAULT_THEME]
        textual = theme.textual
        self.register_theme(TextualTheme(name=f"tmuxpy-{theme.name}", dark=theme.dark, **textual))
        self.theme = f"tmuxpy-{theme.name}"
        self.palette = Palette(theme)
        self.window_view.set_palette(self.palette)
        if self.popup is not None:
            self.popup.set_palette(self.palette)
        border = theme.border
        background = theme.terminal["background"]
        self.window_view.borders.set_colours(Style(color=border["normal"], bgcolor=background),
                                             Style(color=border["active"], bgcolor=background))
        self.status_bar.colours = dict(theme.status)
        self.status_bar.palette = self.palette  # tmux's drawn line takes the theme's colours too
        self.status_bar.refresh()
        self.screen.styles.background = border["filler"]
        self.window_view.styles.background = background

    def show_status(self) -> None:
        """The status lines the prompt leaves: an open prompt takes the first one's place."""
        bar = self.status_bar
        bar.covered = self.prompt.is_open
        bar.display = self.status_enabled and bar.lines > bar.covered
        # Docked on one edge, the two would overlap: the prompt goes on the status line's first
        # line (the one nearest the window), the lines after it beyond.
        after = bar.lines - 1 if bar.covered and bar.display else 0
        top = self.has_class("-status-top")
        self.prompt.styles.margin = (0, 0, 0 if top else after, 0)
        bar.styles.margin = (1 if top and after else 0, 0, 0, 0)

    def show_message(self, text: str) -> None:
        self.status_bar.update(message=text)
        if self._message_timer is not None:
            self._message_timer.stop()
        self._message_timer = self.set_timer(MESSAGE_SECONDS, lambda: self.status_bar.update(message=""))

    # --- input --------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            if self._under_way or self._held:
                if len(self._held) < MAX_HELD_KEYS:
                    self._held.append(event)
            else:
                await self._take(event)
            return
        await super().on_event(event)

    async def _take(self, event: events.Key | events.Paste) -> None:
        """A key or a paste, where it goes now: the help or chooser screen (Textual's way), the
        open prompt, or the window (:meth:`key`, :meth:`paste`)."""
        self._note_input()
        if not isinstance(self.screen, MainScreen):
            await super().on_event(event)
        elif self.prompt.is_open:
            await self.prompt.input.take(event)
        elif isinstance(event, events.Key):
            self.key(event.key, event.character)
        else:
            self.paste(event.text)

    def _note_input(self) -> None:
        """Tell the daemon the user is here, at most every :data:`INPUT_INTERVAL`: keys this client
        handles itself (copy mode, the prompt, a menu) never reach it otherwise (lock-after-time)."""
        now = time.monotonic()
        if self.connection is not None and now - self._input_told >= INPUT_INTERVAL:
            self._input_told = now
            self.connection.send(protocol.Input())

    def _track(self, awaitable) -> None:
        """Work keys typed from now on wait for (tmux's order: a key's commands, then the next key)."""
        future = asyncio.ensure_future(awaitable)
        self._under_way.add(future)
        future.add_done_callback(self._work_done)

    def _work_done(self, future: asyncio.Future) -> None:
        self._under_way.discard(future)
        if not self._under_way and self._held:
            # Through the app's queue: what the work did there (a screen pushed) comes first.
            self.call_later(self._take_held)

    async def _take_held(self) -> None:
        while self._held and not self._under_way:
            await self._take(self._held.popleft())

    def key(self, key: str, character: str | None) -> None:
        name = tmux_key(key, character)
        if name is None or self.connection is None:
            return
        if self.popup is not None:  # tmux gives a popup every key, the prefix too
            self.connection.send(protocol.Keys(keys=[name]))
            return
        if self.pane_labels:
            pane_id = self.pane_labels.get(name)
            self.hide_pane_labels()
            if pane_id is not None:
                self.run_argv(["select-pane", "-t", pane_id])
                return
        if self.prefix_pending:
            self.prefix_pending = False
            self.status_bar.update(prefix="")
            command = self.bindings.get(canonical_key(name))
            if command is None and name == self.prefix:
                command = "send-prefix"
            if command:
                self.run_command(command)
            return
        if name == self.prefix:
            self.prefix_pending = True
            self.status_bar.update(prefix=self.prefix)
            return
        view = self.window_view.active_view()
        if view is not None and view.clock is not None:  # tmux's clock mode: any key ends it
            view.clock = None
            view.refresh()
            return
        in_mode = view is not None and view.copy is not None
        # tmux's copy mode: the key's binding in the mode-keys table, else in the root table (as
        # anywhere: bind -n, no prefix needed), else nothing; outside it the key goes to the pane.
        command = ((binding(self.copy_tables, self.mode_keys, name) if in_mode else None)
                   or self.root_bindings.get(canonical_key(name)))
        if command:
            self.run_command(command)
        elif not in_mode:
            self.connection.send(protocol.Keys(keys=[name]))

    def paste(self, text: str) -> None:
        if self.connection is not None and text:
            self.connection.send(protocol.Paste(text=text))

    def run_command(self, command: str) -> None:
        """A command string (a binding, the prompt): each of its commands, in order (:meth:`run_argvs`)."""
        try:
            argvs = split_commands(command)
        except CommandLineError as error:
            self.show_message(str(error))
            return
        self.run_argvs(argvs)

    def run_argvs(self, argvs: list[list[str]]) -> None:
        """Commands, each acting after the ones before it, as tmux runs a command list.

        ``send-keys -X`` acts on the active pane's copy mode, which lives here: it runs here
        when that pane is in the mode, as does ``send-keys -N COUNT`` with no key (the count of
        the mode's next command); the daemon says "not in a mode" otherwise. The daemon runs
        one client's requests in order, so the others go at once; a copy-mode command waits for
        the daemon's replies to those before it (what they did, a mode entered, has arrived with
        them), and the commands after a copy or a search wait for it (a paste after a copy
        pastes the new buffer)."""
        sent: list[asyncio.Future] = []
        for index, argv in enumerate(argvs):
            action = copy_action(argv)
            view = self.window_view.active_view()
            if action is not None and sent:
                self._after(sent, argvs[index:])
                return
            if action is None or view is None or view.copy is None:
                reply = self.run_argv(argv)
                if reply is not None:
                    sent.append(reply)
                continue
            under_way = _copy_step(view.copy, action)
            if under_way is not None:
                self._after([under_way], argvs[index + 1:])
                return

    def run_copy_command(self, pane_id: str, argv: list[str]) -> None:
        """send-keys -X the daemon hands on (from the CLI, a hook, a -t binding) for a pane this
        client shows in copy mode."""
        view = self.window_view.panes.get(pane_id)
        action = copy_action(argv)
        if view is not None and view.copy is not None and action is not None:
            _copy_step(view.copy, action)

    def _after(self, awaited: list, argvs: list[list[str]]) -> None:
        """``argvs`` run when ``awaited`` are done (failed or not); keys wait for them too."""

        async def then() -> None:
            await asyncio.gather(*awaited, return_exceptions=True)
            self.run_argvs(argvs)

        self._track(then())

    def run_argv(self, argv: list[str]) -> asyncio.Future | None:
        """One command run in the daemon: its output shown, keys held until it is done; the
        reply's future (None when the daemon is gone)."""
        if self.connection is None or self.connection.closed:
            return None
        reply = self.connection.request(argv)

        def done(future) -> None:
            if future.cancelled() or future.exception() is not None:
                return
            answer: protocol.Reply = future.result()
            if not answer.ok:
                self.show_message((answer.error or {}).get("message", "failed"))
                return
            result = answer.result or {}
            output = result.get("output") or []
            if len(output) == 1:
                self.show_message(output[0])
            elif output:
                # tmux shows it in view mode, a copy mode with the mode-keys table's keys.
                self.push_screen(HelpScreen(output, self.copy_tables, self.mode_keys))
            if result.get("errors"):  # a failing after- hook: its error shows, as tmux's would
                self.show_message(result["errors"][-1])

        reply.add_done_callback(done)  # before _track's: the output shows before held keys go on
        self._track(reply)
        return reply

    def on_prompt_entered(self, message: Prompt.Entered) -> None:
        if self.connection is not None:
            self.connection.send(protocol.PromptEntered(kind=message.kind, text=message.text))

    def lock(self, command: str) -> None:
        """lock-client: the terminal is ``command``'s (through /bin/sh, as tmux's client runs
        it) until it exits; then the daemon is told, and everything is drawn again. The loop
        waits for it, as Textual's suspend() asks: nothing may draw over the lock meanwhile, and
        the daemon holds what this client misses (it turns red, then gets a full redraw)."""
        try:
            with self.suspend():
                subprocess.run(["/bin/sh", "-c", command], check=False)
        except SuspendNotSupported:
            pass  # no terminal to give away (a headless run): nothing to lock
        if self.connection is not None:
            self.connection.send(protocol.Unlocked())

    def chosen(self, item: dict | None) -> None:
        """A chooser's pick: its command runs; or (customize-mode's ``edit``) the prompt asks for
        a value, which goes into the item's argv as its last word, as typed."""
        if not item:
            return
        edit = item.get("edit")
        if edit:
            self.prompt.ask("command", [(edit["prompt"], edit["input"])], "",
                            {"argv": edit["argv"], "type": "command"})
            self.show_status()
        elif item.get("command"):
            self.run_command(item["command"])

    def prompt_answered(self, answer: Answer) -> None:
        """The prompt's answers: a command prompt's go into its template (tmux's ``%1``, ``%%``)
        and the result runs (customize-mode's: the answer ends its argv); y to a confirmation
        runs its command. A key that ended a numeric prompt acts after the answer, as tmux
        hands it on."""
        if answer.final:
            self.show_status()
            self.window_view.focus()
        if answer.answers is not None:
            if answer.kind == "command" and "argv" in answer.context:
                self.run_argvs([[*answer.context["argv"], *answer.answers[:1]]])
            elif answer.kind == "command":
                try:
                    argvs = fill_commands(answer.context.get("template") or "%1", answer.answers)
                except CommandLineError as error:
                    self.show_message(str(error))
                    argvs = []
                self.run_argvs(argvs)
            elif answer.kind == "confirm" and answer.answers == ["y"]:
                self.run_command(answer.context.get("command", ""))
        if answer.key is not None:
            self.key(*answer.key)

    # --- scroll mode ----------------------------------------------------------------

    def enter_clock_mode(self, pane_id: str) -> None:
        view = self.window_view.panes.get(pane_id)
        if view is None:
            return
        colour = parse_colour(self.clock_options["clock-mode-colour"])
        view.clock = ClockMode(view.palette, 4 if colour is None else colour,  # tmux's default: blue
                               self.clock_options["clock-mode-style"])
        view.refresh()
        if self._clock_timer is None:  # the minute turns: every clock shown is drawn again
            self._clock_timer = self.set_interval(1.0, self._tick_clocks)

    def _tick_clocks(self) -> None:
        for view in self.window_view.panes.values():
            if view.clock is not None and view.clock.tick():
                view.refresh()

    def enter_copy_mode(self, pane_id: str, page_up: bool = False, wheel: int = 0) -> None:
        view = self.window_view.panes.get(pane_id)
        if view is None or self.connection is None:
            return
        if view.copy is not None:
            if page_up:
                view.copy.scroll(view.lines_count - 1)
            return
        connection = self.connection

        async def fetch(start: int, stop: int) -> tuple[int, list]:
            answer = await connection.history(pane_id, start, stop)
            if not answer.ok:
                raise ConnectionLost((answer.error or {}).get("message", "history failed"))
            return answer.result["start"], answer.result["lines"]

        def exit_mode() -> None:
            view.copy = None
            view.refresh()

        def copied(text: str) -> None:
            self.copy_to_clipboard(text)
            self.run_argv(["set-buffer", "--", text])
            self.show_message(f"copied {len(text)} characters")

        async def start() -> None:
            try:
                answer = await connection.history(pane_id, 0, 0)
            except ConnectionLost:
                return
            if not answer.ok or view.copy is not None:
                return
            view.copy = CopyMode(view, answer.result["size"], fetch, copied, exit_mode)
            if page_up:
                view.copy.scroll(view.lines_count - 1)
            if wheel:
                view.copy.scroll(wheel)
            view.refresh()

        self._track(start())

    # --- mouse ---------------------------------------------------------------------------

    def on_pane_view_mode_changed(self, message: PaneView.ModeChanged) -> None:
        if self.connection is not None:
            self.connection.send(protocol.Mode(pane=message.pane_id, mode=message.mode))

    def on_pane_mouse(self, message: PaneMouse) -> None:
        if not self.mouse_on or self.connection is None:
            return
        self._note_input()  # a wheel in copy mode never reaches the daemon
        view = self.window_view.panes.get(message.pane_id)
        if view is None:
            return
        program_wants = bool(view.modes.get("mouse"))
        if message.kind == "press" and message.pane_id != self.window_view.active:
            self.run_argv(["select-pane", "-t", message.pane_id])
        if view.copy is not None and message.kind in ("wheel-up", "wheel-down"):
            view.copy.scroll(WHEEL_LINES if message.kind == "wheel-up" else -WHEEL_LINES)
            if view.copy.offset == 0 and message.kind == "wheel-down":
                view.copy = None
                view.refresh()
            return
        # tmux's MouseDown3Pane: a right click the program does not want opens the pane's menu at
        # the pointer. The event goes to the daemon first all the same: it places the menu by it.
        menu = not program_wants and message.kind == "press" and message.button == RIGHT_BUTTON
        if program_wants or menu:
            self.connection.send(protocol.Mouse(kind=message.kind, button=message.button, x=message.x,
                                                y=message.y, modifiers=message.modifiers))
        if menu:
            self.run_command(pane_menu(message.pane_id, where="M"))
        elif not program_wants and message.kind == "wheel-up" and not view.modes.get("alternate_on"):
            self.enter_copy_mode(message.pane_id, wheel=WHEEL_LINES)

    def on_border_dragged(self, message: BorderDragged) -> None:
        if self.mouse_on:
            self.run_argv(["resize-pane", "-t", message.pane_id, f"-{message.direction}", str(message.amount)])

    def on_window_clicked(self, message: WindowClicked) -> None:
        if not self.mouse_on:
            return
        if message.right:  # tmux's MouseDown3Status
            self.run_command(window_menu(message.window_id))
        else:
            self.run_argv(["select-window", "-t", message.window_id])

    def on_status_left_clicked(self, message: StatusLeftClicked) -> None:
        if self.mouse_on:
            self.run_command(SESSION_MENU)  # tmux's MouseDown3StatusLeft


def _copy_step(mode: CopyMode, action: tuple) -> asyncio.Future | None:
    """One :func:`copy_action` in copy mode: its command run (what it leaves under way, if
    anything), or a count with no command kept for the next one (``send -N 3``)."""
    name, arguments, count = action
    if name is None:
        mode.prefix = count
        return None
    return mode.run(name, arguments, count)


def _tty_name() -> str:
    for fd in (0, 1):
        try:
            return os.ttyname(fd)
        except OSError:
            continue
    return ""


def run_attached(paths, session_id: str, *, theme: str | None = None, detach_others: bool = False) -> int:
    """Run the client on ``session_id`` until it detaches; print why; the exit status."""
    from tmux_py.paths import config_dir

    directory = config_dir()
    config = load_config(directory)
    themes, problems = load_themes(directory / "themes")
    app = TmuxApp(str(paths.socket), session_id, config=config, themes=themes, problems=problems,
                  theme=theme or os.environ.get("TMUXPY_THEME") or None, detach_others=detach_others)
    # mouse = false in the config: the terminal keeps its own selection (Textual never asks for
    # mouse reports). Set while attached, the client only ignores the events.
    app.run(mouse=bool(config.options.get("mouse", True)))
    if app.exit_text:
        print(app.exit_text, file=sys.stdout if app.exit_status == 0 else sys.stderr)
    for problem in app.problems:
        print(f"tmuxpy: {problem}", file=sys.stderr)
    return app.exit_status
