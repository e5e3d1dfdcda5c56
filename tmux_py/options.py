"""Options: each defined once, with its tmux name, scope, type and default.

An :class:`OptionDef` says what values an option takes and where it lives,
as tmux's ``options_table``: a *server* option has one value; a *session*
option has a global value that each session may override; a *window* option
likewise per window, and a *pane* one (a window option a pane may override)
per pane, falling back to its window. User options (``@name``) hold any
string at whatever scope they are set. An *array* option (tmux's
``command-alias``, ``update-environment``) holds strings by index: set whole
(the value split into items) or one item at a time as ``name[N]``. A *hook*
(tmux's OPTIONS_TABLE_IS_HOOK: ``after-new-window``, ``pane-exited``...) is an
array of command strings, one item per value set (tmux's empty separator);
the commands are checked and spelled out by set-hook, not here.

:class:`Options` is one store of values over a parent store: the daemon's
global store (every scope's global values: names never clash) is the parent
of each session's and window's store; a window's is the parent of its panes'.
``get`` walks up to the defaults. Values are checked on the way in (tmux's
messages: ``value is too small: -5``, ``bad value: maybe``...), so readers
get the right type. Environment variables named in a definition
(``TMUXPY_...``) override the default, so a daemon started by a test or a
script can be tuned without a config file.
"""

from __future__ import annotations

import itertools
import os
import re
from dataclasses import dataclass

from tmux_py.keys import canonical_key, is_key_name

SERVER = "server"
SESSION = "session"
WINDOW = "window"
PANE = "pane"


class OptionError(ValueError):
    """An unknown option or a value it does not take (tmux's wording)."""


@dataclass(frozen=True)
class OptionDef:
    name: str
    kind: type  # int, bool, str
    default: object
    minimum: int | None = None
    maximum: int | None = None
    env: str | None = None
    help: str = ""
    scope: str = SESSION
    #: Allowed words for a choice option (tmux's OPTIONS_TABLE_CHOICE).
    choices: tuple[str, ...] = ()
    #: The value is a key name (prefix); ``None`` means no key.
    key: bool = False
    #: False: tmuxpy accepts and shows it but nothing reads it yet (the README says so).
    acts: bool = True
    #: Characters that split a whole value into items; set, the option is an array of strings
    #: (tmux's OPTIONS_TABLE_IS_ARRAY): its default a tuple of items, its value a tuple of
    #: (index, item) pairs by index (not a dict: values go to clients, and msgpack maps want
    #: string keys).
    item_separators: str = ""
    #: A regular expression a string value must match whole (tmux's ``pattern``: default-size).
    pattern: str = ""
    #: tmux's OPTIONS_TABLE_IS_HOOK: an array of command strings, each value one item; hidden
    #: from show-options without -H, listed by show-hooks.
    hook: bool = False

    @property
    def array(self) -> bool:
        """Values by index (tmux's OPTIONS_TABLE_IS_ARRAY): item lists and hooks."""
        return bool(self.item_separators) or self.hook

    def parse(self, value: object) -> object:
        """The typed value of ``value`` (a string from a command line, or already typed)."""
        if self.array:
            if isinstance(value, tuple) and all(isinstance(item, tuple) for item in value):
                return value
            if isinstance(value, (tuple, list)):
                return tuple(enumerate(value))
            if self.hook:
                return ((0, str(value)),) if value else ()
            words = re.split(f"[{re.escape(self.item_separators)}]", str(value))
            return tuple(enumerate(word for word in words if word))
        if self.kind is bool:
            if isinstance(value, bool):
                return value
            text = str(value).lower()
            if text in ("on", "yes", "1", "true"):
                return True
            if text in ("off", "no", "0", "false"):
                return False
            raise OptionError(f"bad value: {value}")
        if self.kind is int:
            if isinstance(value, bool):
                raise OptionError(f"value is invalid: {value}")
            try:
                number = int(value)
            except (TypeError, ValueError):
                raise OptionError(f"value is invalid: {value}") from None
            if self.minimum is not None and number < self.minimum:
                raise OptionError(f"value is too small: {value}")
            if self.maximum is not None and number > self.maximum:
                raise OptionError(f"value is too large: {value}")
            return number
        # config.toml's true and false name a choice's on and off (status = false).
        text = ("on" if value else "off") if isinstance(value, bool) and self.choices else str(value)
        if self.choices and text not in self.choices:
            raise OptionError(f"unknown value: {text}")
        if self.key and text != "None":
            if not is_key_name(text):
                raise OptionError(f"bad key: {text}")
            text = canonical_key(text)  # as tmux stores a key: show prints M-C-a for c-m-a
        if self.pattern and not re.fullmatch(self.pattern, text):
            raise OptionError(f"value is invalid: {text}")
        return text

    def toggled(self, value: object) -> object:
        """``set NAME`` with no value, as tmux's options_from_string_flag and _choice: a flag
        flips; a choice's first two words swap (off and on, emacs and vi), a later word stays."""
        if self.kind is bool:
            return not value
        index = self.choices.index(value)
        return self.choices[1 - index] if index < 2 else value

    def show(self, value: object) -> str:
        """The value as show-options prints it, before quoting."""
        if self.kind is bool:
            return "on" if value else "off"
        return str(value)


def split_index(name: str) -> tuple[str, int | None]:
    """``command-alias[100]`` -> (``command-alias``, 100); a name without ``[N]`` has no index."""
    base, bracket, rest = name.partition("[")
    if not bracket:
        return name, None
    if not rest.endswith("]") or not rest[:-1].isdigit():
        raise OptionError(f"invalid option: {name}")
    return base, int(rest[:-1])


#: tmux's limits for numbers (INT_MAX, SHRT_MAX).
INT_MAX = (1 << 31) - 1
SHRT_MAX = (1 << 15) - 1
#: tmux's action and visual choices (bell-action, visual-bell...).
_ACTIONS = ("none", "any", "current", "other")
_VISUAL = ("off", "on", "both")
#: The status option's words: each one's index is the number of lines the status line takes.
STATUS_CHOICES = ("off", "on", "2", "3", "4", "5")


def status_lines(value: object) -> int:
    """Lines a ``status`` value takes from the client's terminal, as tmux's status_line_size."""
    return STATUS_CHOICES.index(str(value))


#: tmux 3.3a's status-format: line 1 (status-left, the window list, status-right), then the panes.
_STATUS_FORMAT = (
    "#[align=left range=left #{E:status-left-style}]#[push-default]#{T;=/#{status-left-length}:status-left}"
    "#[pop-default]#[norange default]#[list=on align=#{status-justify}]#[list=left-marker]<"
    "#[list=right-marker]>#[list=on]#{W:"
    "#[range=window|#{window_index} #{E:window-status-style}#{?#{&&:#{window_last_flag}"
    ",#{!=:#{E:window-status-last-style},default}}, #{E:window-status-last-style},}"
    "#{?#{&&:#{window_bell_flag},#{!=:#{E:window-status-bell-style},default}}, #{E:window-status-bell-style}"
    ",#{?#{&&:#{||:#{window_activity_flag},#{window_silence_flag}},#{!=:#{E:window-status-activity-style}"
    ",default}}, #{E:window-status-activity-style},}}]#[push-default]#{T:window-status-format}#[pop-default]"
    "#[norange default]#{?window_end_flag,,#{window-status-separator}},"
    "#[range=window|#{window_index} list=focus #{?#{!=:#{E:window-status-current-style},default}"
    ",#{E:window-status-current-style},#{E:window-status-style}}#{?#{&&:#{window_last_flag}"
    ",#{!=:#{E:window-status-last-style},default}}, #{E:window-status-last-style},}"
    "#{?#{&&:#{window_bell_flag},#{!=:#{E:window-status-bell-style},default}}, #{E:window-status-bell-style}"
    ",#{?#{&&:#{||:#{window_activity_flag},#{window_silence_flag}},#{!=:#{E:window-status-activity-style}"
    ",default}}, #{E:window-status-activity-style},}}]#[push-default]#{T:window-status-current-format}"
    "#[pop-default]#[norange list=on default]#{?window_end_flag,,#{window-status-separator}}}"
    "#[nolist align=right range=right #{E:status-right-style}]"
    "#[push-default]#{T;=/#{status-right-length}:status-right}#[pop-default]#[norange default]",
    "#[align=centre]#{P:#{?pane_active,#[reverse],}#{pane_index}[#{pane_width}x#{pane_height}]#[default] }",
)


#: Hooks tmuxpy accepts and shows but whose events it does not have (silence, focus, modes,
#: clipboard and title changes).
_UNFIRED_HOOKS = frozenset({"alert-silence", "client-active", "client-focus-in", "client-focus-out", "pane-focus-in",
                            "pane-focus-out", "pane-mode-changed", "pane-set-clipboard", "pane-title-changed"})


def _default_shell() -> str:
    return os.environ.get("SHELL") or "/bin/sh"


_DEFINITIONS = (
    # --- server ---
    OptionDef("buffer-limit", int, 50, 1, INT_MAX, scope=SERVER, help="paste buffers kept (the oldest go)"),
    # tmux's other defaults (choose-tree, show-messages) name commands tmuxpy does not have.
    OptionDef("command-alias", str, ("split-pane=split-window", "splitp=split-window"), scope=SERVER,
              item_separators=",", help="name=command: a command name that runs another command line"),
    OptionDef("default-terminal", str, "xterm-256color", scope=SERVER, help="TERM inside panes"),
    OptionDef("escape-time", int, 500, 0, INT_MAX, scope=SERVER,
              help="ms the client waits after Escape for the rest of a sequence"),
    OptionDef("exit-empty", bool, True, scope=SERVER, help="the daemon exits when no session is left"),
    OptionDef("kill-grace", int, 5, 0, 3600, "TMUXPY_KILL_GRACE",
              "seconds between SIGHUP and SIGKILL for a pane's processes on shutdown", scope=SERVER),
    OptionDef("flow-threshold", int, 64 * 1024, 1024, 1 << 30, "TMUXPY_FLOW_THRESHOLD",
              "bytes queued to a client before its updates pause and coalesce (yellow)", scope=SERVER),
    OptionDef("flow-max-queue", int, 1024 * 1024, 1024, 1 << 30, "TMUXPY_FLOW_MAX_QUEUE",
              "bytes queued to a client at which it is resynchronised (red)", scope=SERVER),
    OptionDef("flow-auto-disconnect", bool, False, env="TMUXPY_FLOW_AUTO_DISCONNECT", scope=SERVER,
              help="disconnect a red client (\"too slow\") instead of resynchronising it"),
    # tmux's, accepted and shown as tmux shows them; nothing reads them yet.
    OptionDef("backspace", str, "C-?", key=True, scope=SERVER, acts=False),
    OptionDef("copy-command", str, "", scope=SERVER, acts=False),
    OptionDef("exit-unattached", bool, False, scope=SERVER, acts=False),
    OptionDef("extended-keys", str, "off", choices=("off", "on", "always"), scope=SERVER, acts=False),
    OptionDef("focus-events", bool, False, scope=SERVER, acts=False),
    OptionDef("history-file", str, "", scope=SERVER),
    OptionDef("message-limit", int, 1000, 0, INT_MAX, scope=SERVER),
    OptionDef("prompt-history-limit", int, 100, 0, INT_MAX, scope=SERVER),
    OptionDef("set-clipboard", str, "external", choices=("off", "external", "on"), scope=SERVER, acts=False),
    OptionDef("terminal-features", str, ("xterm*:clipboard:ccolour:cstyle:focus:title", "screen*:title"),
              item_separators=",", scope=SERVER, acts=False),
    OptionDef("terminal-overrides", str, (), item_separators=",", scope=SERVER, acts=False),
    OptionDef("user-keys", str, (), item_separators=",", scope=SERVER, acts=False),
    # --- session ---
    OptionDef("base-index", int, 0, 0, INT_MAX, help="index of a session's first window"),
    OptionDef("default-command", str, "", help="command for new panes (else the shell)"),
    OptionDef("default-shell", str, _default_shell(), help="shell for new panes"),
    OptionDef("history-limit", int, 10_000, 0, INT_MAX, "TMUXPY_HISTORY_LIMIT", "scrollback lines kept per pane"),
    OptionDef("renumber-windows", bool, False, help="close the gaps in window indexes when a window closes"),
    OptionDef("set-titles", bool, False, help="set the terminal's title"),
    OptionDef("set-titles-string", str, '#S:#I:#W - "#T" #{session_alerts}',
              help="the terminal's title when set-titles is on (a format)"),
    # Read by attached clients: set-option sends them the new values, applied live.
    OptionDef("prefix", str, "C-b", key=True, help="the key that starts a key binding"),
    OptionDef("mouse", bool, True, help="clicks select panes, the wheel scrolls, borders drag"),
    OptionDef("status", str, "on", choices=STATUS_CHOICES, help="the status line: off, on (one line) or 2 to 5 lines"),
    OptionDef("status-position", str, "bottom", choices=("top", "bottom"),
              help="where the status line is"),
    OptionDef("status-right", str, "%H:%M %d-%b-%y", help="strftime text at the right of the status line"),
    OptionDef("update-environment", str, ("DISPLAY", "KRB5CCNAME", "SSH_ASKPASS", "SSH_AUTH_SOCK", "SSH_AGENT_PID",
                                          "SSH_CONNECTION", "WINDOWID", "XAUTHORITY"), item_separators=" ,",
              help="variables (fnmatch patterns) a client's new-session or attach copies into the session"),
    OptionDef("theme", str, "dark", "TMUXPY_THEME", help="client colour theme (dark, light, nord, gruvbox, ...)"),
    # tmux's, accepted and shown as tmux shows them; nothing reads them yet. Colours and styles
    # are kept as given (tmux checks and normalises them: ``Red`` shows as ``red``).
    OptionDef("activity-action", str, "other", choices=_ACTIONS, acts=False),
    OptionDef("assume-paste-time", int, 1, 0, INT_MAX, acts=False),
    OptionDef("bell-action", str, "any", choices=_ACTIONS, acts=False),
    OptionDef("default-size", str, "80x24", pattern=r"[0-9]+x[0-9]+", acts=False),
    OptionDef("destroy-unattached", bool, False, acts=False),
    OptionDef("detach-on-destroy", str, "on", choices=("off", "on", "no-detached"), acts=False),
    OptionDef("display-panes-active-colour", str, "red", acts=False),
    OptionDef("display-panes-colour", str, "blue", acts=False),
    OptionDef("display-panes-time", int, 1000, 1, INT_MAX, acts=False),
    OptionDef("display-time", int, 750, 0, INT_MAX, acts=False),
    OptionDef("key-table", str, "root", acts=False),
    OptionDef("lock-after-time", int, 0, 0, INT_MAX),
    OptionDef("lock-command", str, "lock -np"),
    OptionDef("message-command-style", str, "bg=black,fg=yellow", acts=False),
    OptionDef("message-style", str, "bg=yellow,fg=black", acts=False),
    OptionDef("prefix2", str, "None", key=True, acts=False),
    OptionDef("repeat-time", int, 500, 0, SHRT_MAX, acts=False),
    OptionDef("silence-action", str, "other", choices=_ACTIONS, acts=False),
    OptionDef("status-bg", str, "default"),
    OptionDef("status-fg", str, "default"),
    OptionDef("status-format", str, _STATUS_FORMAT, item_separators=" ,"),
    OptionDef("status-interval", int, 15, 0, INT_MAX),
    OptionDef("status-justify", str, "left", choices=("left", "centre", "right", "absolute-centre")),
    OptionDef("status-keys", str, "emacs", choices=("emacs", "vi"), acts=False),
    OptionDef("status-left", str, "[#{session_name}] "),
    OptionDef("status-left-length", int, 10, 0, SHRT_MAX),
    OptionDef("status-left-style", str, "default"),
    OptionDef("status-right-length", int, 40, 0, SHRT_MAX),
    OptionDef("status-right-style", str, "default"),
    OptionDef("status-style", str, "bg=green,fg=black"),
    OptionDef("visual-activity", str, "off", choices=_VISUAL, acts=False),
    OptionDef("visual-bell", str, "off", choices=_VISUAL, acts=False),
    OptionDef("visual-silence", str, "off", choices=_VISUAL, acts=False),
    OptionDef("word-separators", str, "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~", acts=False),
    # --- window ---
    OptionDef("aggressive-resize", bool, False, scope=WINDOW,
              help="size a window by the clients showing it, not by its session's"),
    OptionDef("allow-rename", bool, False, scope=PANE,
              help="a program's ESC k name ESC \\ renames its window (and turns automatic-rename off)"),
    OptionDef("automatic-rename", bool, True, scope=WINDOW,
              help="name the window after its active program; off, the name stays (rename-window turns it off)"),
    OptionDef("mode-keys", str, "emacs", choices=("emacs", "vi"), scope=WINDOW,
              help="keys in copy mode"),
    OptionDef("monitor-activity", bool, False, scope=WINDOW,
              help="output in a window that is not current flags it (# in window_flags)"),
    OptionDef("monitor-bell", bool, True, scope=WINDOW,
              help="a bell in a window that is not current flags it (! in window_flags)"),
    OptionDef("pane-base-index", int, 0, 0, 0xFFFF, scope=WINDOW, help="index of a window's first pane"),
    OptionDef("remain-on-exit", str, "off", choices=("on", "off", "failed"), scope=PANE,
              help="keep a pane whose program exited (failed: only if it failed), dead, until respawned or killed"),
    OptionDef("remain-on-exit-format", str,
              "Pane is dead (#{?#{!=:#{pane_dead_status},},status #{pane_dead_status},}"
              "#{?#{!=:#{pane_dead_signal},},signal #{pane_dead_signal},}, #{t:pane_dead_time})",
              scope=PANE, help="the line a dead pane shows at its bottom"),
    OptionDef("synchronize-panes", bool, False, scope=PANE,
              help="keys typed or sent to one pane go to every pane of the window"),
    OptionDef("window-size", str, "latest", choices=("largest", "smallest", "manual", "latest"), scope=WINDOW,
              help="how a window is sized from its clients: the smallest, largest or last used; manual: "
                   "as resize-window left it"),
    # tmux's, accepted and shown as tmux shows them; nothing reads them yet.
    OptionDef("allow-passthrough", bool, False, scope=PANE, acts=False),
    OptionDef("alternate-screen", bool, True, scope=PANE, acts=False),
    OptionDef("automatic-rename-format", str, "#{?pane_in_mode,[tmux],#{pane_current_command}}#{?pane_dead,[dead],}",
              scope=WINDOW, acts=False),
    OptionDef("clock-mode-colour", str, "blue", scope=WINDOW),
    OptionDef("clock-mode-style", str, "24", choices=("12", "24"), scope=WINDOW),
    OptionDef("copy-mode-current-match-style", str, "bg=magenta,fg=black", scope=WINDOW, acts=False),
    OptionDef("copy-mode-mark-style", str, "bg=red,fg=black", scope=WINDOW, acts=False),
    OptionDef("copy-mode-match-style", str, "bg=cyan,fg=black", scope=WINDOW, acts=False),
    OptionDef("cursor-colour", str, "none", scope=PANE, acts=False),
    OptionDef("cursor-style", str, "default", choices=("default", "blinking-block", "block", "blinking-underline",
                                                       "underline", "blinking-bar", "bar"), scope=PANE, acts=False),
    OptionDef("fill-character", str, "", scope=WINDOW, acts=False),
    # Sizes are strings in tmux 3.3a: a number of cells or a percentage, checked when used.
    OptionDef("main-pane-height", str, "24", scope=WINDOW, acts=False),
    OptionDef("main-pane-width", str, "80", scope=WINDOW, acts=False),
    OptionDef("other-pane-height", str, "0", scope=WINDOW, acts=False),
    OptionDef("other-pane-width", str, "0", scope=WINDOW, acts=False),
    OptionDef("mode-style", str, "bg=yellow,fg=black", scope=WINDOW, acts=False),
    OptionDef("monitor-silence", int, 0, 0, INT_MAX, scope=WINDOW, acts=False),
    OptionDef("pane-active-border-style", str, "#{?pane_in_mode,fg=yellow,#{?synchronize-panes,fg=red,fg=green}}",
              scope=WINDOW, acts=False),
    OptionDef("pane-border-format", str, '#{?pane_active,#[reverse],}#{pane_index}#[default] "#{pane_title}"',
              scope=WINDOW, acts=False),
    OptionDef("pane-border-indicators", str, "colour", choices=("off", "colour", "arrows", "both"), scope=WINDOW,
              acts=False),
    OptionDef("pane-border-lines", str, "single", choices=("single", "double", "heavy", "simple", "number"),
              scope=WINDOW, acts=False),
    OptionDef("pane-border-status", str, "off", choices=("off", "top", "bottom"), scope=WINDOW, acts=False),
    OptionDef("pane-border-style", str, "default", scope=WINDOW, acts=False),
    OptionDef("pane-colours", str, (), item_separators=" ", scope=PANE, acts=False),
    OptionDef("popup-border-lines", str, "single", choices=("single", "double", "heavy", "simple", "rounded",
                                                            "padded", "none"), scope=WINDOW),
    OptionDef("popup-border-style", str, "default", scope=WINDOW),
    OptionDef("popup-style", str, "default", scope=WINDOW),
    OptionDef("scroll-on-clear", bool, True, scope=PANE, acts=False),
    OptionDef("window-active-style", str, "default", scope=PANE, acts=False),
    OptionDef("window-status-activity-style", str, "reverse", scope=WINDOW),
    OptionDef("window-status-bell-style", str, "reverse", scope=WINDOW),
    OptionDef("window-status-current-format", str, "#I:#W#{?window_flags,#{window_flags}, }", scope=WINDOW),
    OptionDef("window-status-current-style", str, "default", scope=WINDOW),
    OptionDef("window-status-format", str, "#I:#W#{?window_flags,#{window_flags}, }", scope=WINDOW),
    OptionDef("window-status-last-style", str, "default", scope=WINDOW),
    OptionDef("window-status-separator", str, " ", scope=WINDOW),
    OptionDef("window-status-style", str, "default", scope=WINDOW),
    OptionDef("window-style", str, "default", scope=PANE, acts=False),
    OptionDef("wrap-search", bool, True, scope=WINDOW, acts=False),
    OptionDef("xterm-keys", bool, True, scope=WINDOW, acts=False),
    # --- hooks (tmux 3.3a's, in its order) ---
    *(OptionDef(f"after-{command}", str, (), hook=True, help=f"commands run after {command}")
      for command in ("bind-key", "capture-pane", "copy-mode", "display-message", "display-panes", "kill-pane",
                      "list-buffers", "list-clients", "list-keys", "list-panes", "list-sessions", "list-windows",
                      "load-buffer", "lock-server", "new-session", "new-window", "paste-buffer", "pipe-pane",
                      "queue", "refresh-client", "rename-session", "rename-window", "resize-pane",
                      "resize-window", "save-buffer", "select-layout", "select-pane", "select-window",
                      "send-keys", "set-buffer", "set-environment", "set-hook", "set-option",
                      "show-environment", "show-messages", "show-options", "split-window", "unbind-key")),
    *(OptionDef(name, str, (), hook=True, scope=scope, help=f"commands run on {name}",
                acts=name not in _UNFIRED_HOOKS)
      for name, scope in (
          ("alert-activity", SESSION), ("alert-bell", SESSION), ("alert-silence", SESSION),
          ("client-active", SESSION), ("client-attached", SESSION), ("client-detached", SESSION),
          ("client-focus-in", SESSION), ("client-focus-out", SESSION), ("client-resized", SESSION),
          ("client-session-changed", SESSION), ("pane-died", PANE), ("pane-exited", PANE),
          ("pane-focus-in", PANE), ("pane-focus-out", PANE), ("pane-mode-changed", PANE),
          ("pane-set-clipboard", PANE), ("pane-title-changed", PANE), ("session-closed", SESSION),
          ("session-created", SESSION), ("session-renamed", SESSION), ("session-window-changed", SESSION),
          ("window-layout-changed", WINDOW), ("window-linked", SESSION), ("window-pane-changed", WINDOW),
          ("window-renamed", WINDOW), ("window-resized", WINDOW), ("window-unlinked", SESSION))),
)

OPTION_DEFS = {option.name: option for option in _DEFINITIONS}

#: Scopes each store kind may hold (a window's store also takes pane options, as tmux's).
_STORE_SCOPES = {SERVER: (SERVER,), SESSION: (SESSION,), WINDOW: (WINDOW, PANE), PANE: (PANE,)}


def find_option(name: str) -> OptionDef | None:
    """A definition by name or unique prefix (tmux: ``ambiguous option: histor``); None for user options."""
    if name.startswith("@"):
        return None
    if name in OPTION_DEFS:
        return OPTION_DEFS[name]
    matches = [option for option in _DEFINITIONS if option.name.startswith(name)]
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise OptionError(f"ambiguous option: {name}")
    raise OptionError(f"invalid option: {name}")


def user_option(name: str) -> bool:
    return name.startswith("@") and len(name) > 1


class Options:
    """Option values set on top of a parent store (the global one), then the defaults.

    ``scope`` is None for the global store (it takes every option), else the
    kind of object the store belongs to (session, window, pane).
    """

    def __init__(self, parent: Options | None = None, scope: str | None = None) -> None:
        self.parent = parent
        self.scope = scope
        self._values: dict[str, object] = {}
        if parent is None:
            for option in _DEFINITIONS:
                if option.env and os.environ.get(option.env):
                    self.set(option.name, os.environ[option.env])

    @staticmethod
    def definition(name: str) -> OptionDef:
        option = find_option(name)
        if option is None:
            raise OptionError(f"invalid option: {name}")
        return option

    def get(self, name: str) -> object:
        if name in self._values:
            return self._values[name]
        if self.parent is not None:
            return self.parent.get(name)
        if user_option(name):
            raise OptionError(f"invalid option: {name}")
        option = self.definition(name)
        return option.parse(option.default)

    def local(self, name: str) -> bool:
        """True if this store holds its own value for ``name``."""
        return name in self._values

    def local_names(self) -> list[str]:
        return sorted(self._values)

    def set(self, name: str, value: object) -> None:
        if user_option(name):
            self._values[name] = str(value)
            return
        option = self.definition(name)
        if self.scope is not None and option.scope not in _STORE_SCOPES[self.scope]:
            raise OptionError(f"not a {self.scope} option: {option.name}")
        self._values[option.name] = option.parse(value)

    def set_array(self, name: str, index: int | None, value: str, *, append: bool = False) -> None:
        """An array option's item ``index`` (``append``: added to its text), else the whole array
        from ``value`` split into items (``append``: each item at the first free index), as tmux."""
        option = self.definition(name)
        if not option.array:
            raise OptionError(f"not an array: {option.name}")
        items = dict(self.get(option.name))
        if index is not None:
            # A hook's item is replaced even with -a: commands do not append (tmux).
            items[index] = items.get(index, "") + value if append and not option.hook else value
        else:
            if not append:
                items = {}
            for _, item in option.parse(value):
                items[next(free for free in itertools.count() if free not in items)] = item
        self._values[option.name] = tuple(sorted(items.items()))

    def unset(self, name: str, index: int | None = None) -> None:
        """Back to the parent's value (or the default); with ``index``, remove one array item."""
        if index is not None:
            option = self.definition(name)
            self._values[option.name] = tuple(pair for pair in self.get(option.name) if pair[0] != index)
            return
        self._values.pop(name if user_option(name) else self.definition(name).name, None)
