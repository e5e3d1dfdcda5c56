"""Hooks: set-hook and show-hooks as tmux prints them, after- hooks and the daemon's events running them.

Hooks that run shell commands append to ``hooks.out`` in the scenario's directory (the CLI's
and the session's directory alike), read back into a buffer (tmux's run-shell prints a CLI's
output into a pane, not to the CLI).
"""

from __future__ import annotations

from ..runner import Until, scenario
from .common import NEW

OUT = "loadb hooks.out ; showb"


def appending(hook: str, template: str, flags: str = "-g") -> str:
    """set-hook: the hook appends ``template`` (expanded for the hook's target) to hooks.out."""
    return f"set-hook {flags} {hook} 'run \"echo {template} >> hooks.out\"'"


SCENARIOS = [
    scenario("hooks-listed-set-and-shown",
             NEW, "show-hooks -g", "show-hooks -gw", "show-hooks", "set-hook -g after-new-window 'display -p hi'",
             "set-hook -ga after-new-window 'display -p two'", "show-hooks -g after-new-window",
             "show-hooks -g 'after-new-window[1]'", "show-hooks -g 'after-new-window[7]'",
             "set-hook -g 'session-created[5]' 'run true'", "show-hooks -g session-created",
             "set-hook -gu 'after-new-window[0]'", "show-hooks -g after-new-window",
             "set-hook -gu after-new-window", "show-hooks -g after-new-window",
             "set-hook after-new-window 'display -p sess'", "show-hooks", "show-hooks -t a",
             "set-hook -w window-renamed 'display -p w'", "show-hooks -w", "set-hook -p pane-died 'display -p p'",
             "show-hooks -p", "set-hook -g pane-died 'display -p gp'", "show-hooks -gw",
             "set-hook -g after-split-window 'display -p a ; display -p b'", "show-hooks -g after-split-window",
             "set-hook -g after-split-window 'if -F 1 \"display -p #{hook}\"'", "show-hooks -g after-split-window",
             "set-hook -g 'after-split-window[3]' ''", "show-hooks -g after-split-window",
             "set-hook -ga 'after-split-window[0]' 'list-keys'", "show-hooks -g after-split-window"),
    scenario("hooks-are-options-hidden-from-listings",
             NEW, "set-hook -g after-new-window 'display -p hi'", "show -g after-new-window",
             "show -gH after-new-window", "set -g after-split-window 'display -p c'",
             "show-hooks -g after-split-window", "show -gv base-index"),
    scenario("hooks-set-errors",
             NEW, "set-hook -g nosuch x", "set-hook -g after-new-window nosuchcmd", "set-hook -g after-new-window",
             "show-hooks -g nosuch", "show-hooks -g after", "set-hook -g after-n x",
             "set-hook -ga 'after-split-window[0]' x", "show-hooks -g after-split-window"),
    scenario("hooks-after-commands-print-to-the-caller",
             NEW, "set-hook -g after-new-window 'display -p hi'", "set-hook -ga after-new-window 'display -p two'",
             "neww -d", "set-hook -g after-select-window 'display -p sel'", "selectw -t :1",
             "set-hook -g after-select-pane 'display -p pane'", "selectp -t :.0",
             "set-hook -g after-display-message 'display -p again'", "display -p once",
             "set-hook -g after-list-windows 'display -p \"#{hook}|#{hook_arguments}|#{hook_flag_F}\"'",
             "lsw -F '#I'", "set-hook -g after-set-option 'display -p opt'", "set -g @x 1",
             "set -g nosuch 1", "set-hook -g after-set-hook 'display -p set'", "set-hook -gu after-select-window",
             "neww -d \\; display -p next"),
    scenario("hooks-after-commands-run-on-what-they-made",
             NEW, appending("after-new-window", "new:#{window_index}:#{hook}:#{hook_arguments}:#{hook_flag_n}"),
             "neww -d -n foo", "neww -d -t :5", appending("after-split-window", "split:#{pane_index}:#{hook_flag_d}"),
             "splitw -d -t :5", appending("after-rename-window", "renamed:#{window_name}:#{hook_argument_0}"),
             "renamew -t :1 bar", OUT),
    scenario("hooks-run-now-with-R",
             NEW, "set-hook -g window-renamed 'display -p \"#{hook}:#{window_index}\"'", "set-hook -R window-renamed",
             "set-hook after-new-window 'display -p mine'", "set-hook -gR after-new-window",
             "set-hook -R nosuch"),
    scenario("hooks-session-events",
             NEW, appending("session-created", "created:#{hook_session_name}:#{session_name}"),
             appending("session-renamed", "renamed:#{hook_session_name}:#{session_name}:#{hook_window}"),
             appending("session-closed", "closed:#{hook_session_name}"),
             "new -d -s b", Until(OUT, "created:b:b"), "rename-session -t b c", Until(OUT, "renamed:c:c:"),
             "kill-session -t c", Until(OUT, "closed:c"), OUT),
    scenario("hooks-window-events",
             NEW, appending("window-renamed", "renamed:#{hook_window_name}:#{window_index}:#{hook_session}"),
             "renamew -t :0 zz", Until(OUT, "renamed:zz:0:"),
             appending("window-unlinked", "unlinked:#{hook_window}:#{hook_session_name}"), "neww -d", "killw -t :1",
             Until(OUT, "unlinked:@1:a"), OUT,
             # A window named as it is made runs no window-renamed (tmux's spawn_window); break-pane -n does
             # (tmux names the new window before it links it, so its hook's #{window_index} is another's).
             "set-hook -gu window-renamed", appending("window-renamed", "renamed:#{hook_window_name}"),
             "neww -d -n named", "splitw -d -t :0", "breakp -d -s :0.1 -n broke", Until(OUT, "renamed:broke"), OUT),
    # A failing after- hook is its own command group: it prints what ran, says its error (exit 1),
    # and the caller's sequence goes on.
    scenario("hooks-after-hook-failing",
             NEW, "set-hook -g after-new-window 'display -p hook1 ; killw -t :99 ; display -p hook3'",
             "neww -d ';' display -p after", "lsw -F '#{window_index}'"),
    scenario("hooks-pane-exits",
             NEW, appending("pane-exited", "exited:#{hook_pane}"), appending("pane-died", "died:#{hook_pane}"),
             "neww -d 'exit 0'", Until(OUT, "exited:%1"), "set -g remain-on-exit on", "neww -d 'exit 3'",
             Until(OUT, "died:%2"), OUT),
]
