"""What a ~/.tmux.conf does: tmux's options (defaults, set, checked), copy-mode key tables, aliases."""

from __future__ import annotations

from ..runner import scenario
from .common import NEW

#: Options tmuxpy accepts and shows without acting on them yet: their defaults, as tmux shows them.
DEFAULTS = (
    "show -g status-style", "show -g status-left", "show -g status-left-length", "show -g status-interval",
    "show -g status-justify", "show -g message-style", "show -g display-time", "show -g visual-bell",
    "show -g bell-action", "show -g word-separators", "show -g default-size", "show -g prefix2",
    "show -gw pane-border-format", "show -gw pane-active-border-style", "show -gw window-status-format",
    "show -gw mode-style", "show -gw wrap-search", "show -gw main-pane-width", "show -gw allow-passthrough",
    "show -s set-clipboard", "show -s terminal-overrides", "show -s terminal-features", "show -s focus-events",
    "show -sv message-limit", "show -sv terminal-overrides",
)

SCENARIOS = [
    scenario("config-option-defaults", NEW, *DEFAULTS),
    scenario("config-option-set-and-checked",
             NEW, "set -g status-style 'bg=colour235 fg=colour136'", "show -g status-style",
             "set -g status-left '#[fg=green]#S '", "show -g status-left", "set -g status-interval 5",
             "show -gv status-interval", "set -g status-justify centre", "show -g status-justify",
             "set -g status-justify middle", "set -g repeat-time 40000", "set -g display-panes-time 0",
             "set -g default-size 1x", "set -g default-size 100x30", "show -g default-size",
             "setw -g pane-border-status top", "showw -g pane-border-status", "set -g visual-bell both",
             "show -g visual-bell", "set -g focus-events on", "show -s focus-events", "set -g prefix2 C-a",
             "show -g prefix2", "set -g prefix2 Foo", "set -as terminal-overrides ',xterm-256color:RGB'",
             "show -s terminal-overrides", "set -g histo 5", "set -g history-limit 2147483648",
             "set -g base-index 2147483647", "show -g base-index"),
    scenario("config-copy-mode-vi-bindings",
             NEW, "bind -T copy-mode-vi v send-keys -X begin-selection",
             "bind -T copy-mode-vi y send-keys -X copy-selection-and-cancel",
             "bind -T copy-mode-vi C-v send -X -N 3 cursor-down", "lsk -T copy-mode-vi v",
             "lsk -T copy-mode-vi y", "lsk -T copy-mode-vi C-v", "lsk -T copy-mode-vi F5",
             "send-keys -X cancel"),
    scenario("config-copy-mode-tables-hold-tmux-s-keys-and-change",
             NEW, "lsk -T copy-mode-vi j", "lsk -T copy-mode-vi Enter", "lsk -T copy-mode C-Space",
             "lsk -T copy-mode M-w", "bind -T copy-mode-vi v send -X begin-selection", "lsk -T copy-mode-vi v",
             "unbind -T copy-mode-vi Space", "lsk -T copy-mode-vi Space", "bind -T copy-mode-vi C-x kill-pane",
             "lsk -T copy-mode-vi C-x", "unbind -a -T copy-mode-vi", "lsk -T copy-mode-vi", "lsk -T copy-mode q",
             "bind -T copy-mode-vi q send -X cancel", "lsk -T copy-mode-vi"),
    scenario("config-copy-mode-jumps-and-repeat-counts",
             NEW, *(f"lsk -T copy-mode-vi {key}" for key in ("f", "F", "t", "T", ",", "1", "5", "9")),
             *(f"lsk -T copy-mode {key}" for key in ("f", "T", ",", "M-1", "M-9"))),
    scenario("config-mouse-keys-bind-and-list",
             NEW, "bind -T copy-mode-vi MouseDragEnd1Pane send-keys -X copy-pipe-and-cancel",
             "bind -T copy-mode-vi WheelUpPane select-pane '\\;' send -X -N 5 scroll-up",
             "lsk -T copy-mode-vi MouseDragEnd1Pane", "lsk -T copy-mode-vi WheelUpPane",
             "bind -T mine BSpace list-keys", "bind -T mine C-WheelDownStatus list-keys",
             "bind -T mine doubleclick1pane list-keys", "bind -T mine M-MouseDown3Border list-keys",
             "bind -T mine '}' list-keys", "bind -T mine TripleClick1Pane list-keys", "bind -T mine F1 list-keys",
             "bind -T mine MouseMovePane list-keys", "lsk -T mine", "unbind -T mine DoubleClick1Pane",
             "lsk -T mine"),
    scenario("config-binding-names-an-alias",
             NEW, "set -s command-alias[100] zz=list-sessions", "bind z zz", "lsk -T prefix z",
             "set -s command-alias[101] 'yy=split-window -h'", "bind -n M-y yy", "lsk -T root M-y"),
    scenario("config-prompt-history-shown-cleared-and-its-options",
             NEW, "show-prompt-history", "showphist -T search", "showphist -T bogus", "clearphist -T target",
             "clearphist -T nope", "clear-prompt-history", "showphist -T window-target",
             "set -g prompt-history-limit 5", "show -g prompt-history-limit", "set -g prompt-history-limit -1",
             "show -g history-file"),
    scenario("config-lock-commands-without-a-client",
             NEW, "lock-client", "lockc", "lock-session -t a", "locks -t nope", "lock-server", "lock",
             "set -g lock-after-time 5", "show -g lock-after-time", "show -g lock-command",
             "set lock-command 'vlock'", "show lock-command"),
]
