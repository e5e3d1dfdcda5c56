"""display-message -p: the format variables tmuxpy has, #{?...}, comparisons, arithmetic, modifiers, ##."""

from __future__ import annotations

from ..runner import Run, scenario
from .common import NEW, show

#: Formats tmuxpy deliberately expands otherwise than tmux, a scenario each:
#: (name, format, what tmuxpy prints, why).
DECLARED_DIFFERENCES = (
    ("format-conditional-without-else", "[#{?session_name,x}] [#{?1,x}] after", {"out": "[x] [] after\n"},
     "tmux gives up on a #{?...} without an else part and drops the rest of the format ('['); tmuxpy "
     "takes the missing else part as empty and goes on, so one short conditional cannot blank a line"),
)

SCENARIOS = [
    scenario("format-truncate-to-zero-and-unterminated", NEW, show("a", "[#{=0:session_name}]"),
             show("a", "x #{session_name")),
    scenario("format-session-window-pane-variables",
             NEW, "splitw -h -t a",
             show("a", "#{session_name}|#{session_id}|#{session_windows}|#{session_attached}"),
             show("a", "#{window_index}|#{window_id}|#{window_name}|#{window_width}x#{window_height}|"
                       "#{window_panes}|#{window_active}|#{window_flags}|#{window_raw_flags}|#{window_zoomed_flag}"),
             show("a:0.0", "#{pane_index}|#{pane_id}|#{pane_width}x#{pane_height}|#{pane_left},#{pane_top}|"
                           "#{pane_active}|#{pane_dead}|#{alternate_on}|#{history_size}"),
             show("a", "#{window_layout}")),
    scenario("format-operators",
             NEW, show("a", "#{?pane_active,yes,no} #{?window_zoomed_flag,Z,-} "
                            "#{?#{==:#{session_name},a},is-a,not-a} #{?session_name,#{?window_index,one,two},three}"),
             show("a", "#{==:a,a}#{==:a,b}#{!=:a,b}#{!=:a,a} #{?,x,y}#{?0,x,y}|"),
             show("a", "#{=3:window_name}|#{=-2:window_layout}|#{=10:session_name}|"),
             show("a", "## #{nosuchvar}| x##y ###{session_name}"), show("a", "plain text"),
             "display -p -t a -F '#{session_name}'"),
    scenario("format-values-of-each-program",
             # Masked: each program's own version and pids, and a creation time (the same only if
             # both sessions were made in the same second); compared: that they expand, and how.
             NEW, Run(show("a", "[#{version}]"), mask=(r"(?<=\[)[0-9][0-9a-z.]*(?=\])",)),
             Run(show("a", "#{t:session_created}"), mask=(r"\d\d:\d\d:\d\d",)),
             Run(show("a", "#{pid} #{pane_pid} #{host}"), mask=(r"^\d+ \d+",)),
             Run(show("a", "#{history_limit}"), tmuxpy={"out": "10000\n"},
                 why="tmuxpy keeps 10,000 lines of scrollback by default (tmux: 2000); its "
                     "compact history makes that cheaper than tmux's 2000 (README, Performance)")),
    scenario("format-comparisons-arithmetic-and-modifiers",
             "new -d -s abcdef -n main -x 80 -y 24",
             show("abcdef", "#{<:a,b}#{>:a,b}#{<=:1,1}#{>=:1,2}#{||:0,1}#{&&:1,0}#{&&:1,x}|"
                            "#{m:a*,#{session_name}}#{m:a*,session_name}#{m/r:^a.c,abc}#{m/ri:^A,abc}"),
             show("abcdef", "#{e|+|:2,3} #{e|-|:2,5} #{e|*|:2,3} #{e|/|:-7,2} #{e|%|:7,3} #{e|/|f|:7,2} "
                            "#{e|*|f|4:1.5,2}"),
             show("abcdef", "#{d:socket_path}|#{n:session_name}|#{w:session_name}|#{=3:#{session_name}}|"
                            "#{l:#{session_name}}"),
             Run(show("abcdef", "#{b:#{l:/usr/lib/x}}|#{d:#{l:/usr/lib/x}}"), tmuxpy={"out": "x|/usr/lib\n"},
                 why="tmux applies b: and d: (and t:) only to a variable's value and leaves a nested "
                     "format's text as it is; tmuxpy applies every modifier to the value either way"),
             show("abcdef", "#{=/3/...:session_name}|#{=/-2/..:session_name}|#{=/9/..:session_name}|"
                            "#{p8:session_name}|#{p-8:session_name}|#{s/B(c)/X\\1/i:session_name}|")),
    # A name that is no variable is an option's value (tmux's format_find), in the target's scope.
    scenario("format-option-values",
             NEW, "set -g @user hi", "setw -t a mode-keys vi", "set -g status-position top",
             show("a", "#{@user}|#{status-position}|#{mode-keys}|#{automatic-rename}|#{aggressive-resize}|#{status-style}|"
                       "#{@missing}|#{no-such-option}|#{?renumber-windows,on,off}|#{base-index}")),
    # status is a choice (off, on, 2 to 5 lines): a format gives its word, and off is true there.
    scenario("format-option-status-is-a-choice",
             NEW, show("a", "#{status}|#{?status,y,n}"), "set -g status off", show("a", "#{status}|#{?status,y,n}"),
             "set -g status 2", show("a", "#{status}")),
    # A session's own value counts though no window inherits it (tmux looks at the session last).
    scenario("format-option-session-values",
             NEW, "new -d -s b", "set -t a status 5", "set -t a base-index 3", "set -t a @who a",
             "set -g @who all", "setw -t a:0 @who window",
             show("a", "#{status}|#{base-index}|#{@who}"), show("b", "#{status}|#{base-index}|#{@who}")),
    scenario("format-option-status-set-shown-and-checked",
             NEW, "show -g status", "show -gv status", "set -g status 2", "show -g status", "set -g status 7",
             "set -g status 1", "set -g status ON", "set -g status true", "set -g status ''", "show -g status",
             "set -t a status 3", "show -t a status", "set -gu status", "show -g status"),
    # A choice set with no value swaps its first two words, as a flag flips; a later word stays.
    scenario("format-option-choice-without-a-value-toggles",
             NEW, "set -g status", "show -g status", "set -g status", "show -g status", "set -g status 3",
             "set -g status", "show -g status", "set -g status-position", "show -g status-position",
             "setw -g mode-keys", "showw -g mode-keys", "set -g status-justify right", "set -g status-justify",
             "show -g status-justify", "setw -g window-size", "showw -g window-size"),
    scenario("format-option-status-format-array",
             NEW, "show -g status-format", "show -gv status-format[1]", "set -g status-format[1] '#S #{pane_id}'",
             "show -g status-format[1]", "set -g status-format 'a b,c'", "show -g status-format",
             "set -gu status-format", "show -g status-format[0]"),
    scenario("format-shortcuts-and-escapes",
             NEW, show("a", "#S|#I|#W|#D|#P|#F|#x|#[fg=red]x|##|#,|#}|a#:b"),
             show("a", "#{?session_name,a#,b,c}|#{?1,ab,c}|#{?0,x,y#}z}|#{==:a#,,a#,}")),
    scenario("format-default-message",
             NEW, Run("display -p -t a", mask=(r"\d\d:\d\d \d\d-[A-Z][a-z]{2}-\d\d",)),
             show("a", "%% 100% #{session_name}")),
    # The status line's pieces: loops over windows, panes and sessions (the second format for the
    # current one), an option's value expanded (E) or expanded with strftime (T), ';' lists.
    scenario("format-loops-and-option-expansion",
             NEW, "neww -d -t a -n two", "neww -d -t a -n 'pct%Hx'", "splitw -d -t a:0", "new -d -s b",
             "set -g @f '%%Y #{window_index}'", "set -g status-left-length 4",
             show("a", "#{W:#{window_index}#{?window_active,*,}}|#{W:#I,[#I]}|#{P:#{pane_index}}|"
                       "#{P:#D,(#{pane_index})}|#{S:#{session_name},<#S>}"),
             show("a", "#{E:window-status-format}|#{T:window-status-current-format}|#{W:#{T:window-status-format}}"),
             show("a", "#{E:@f}|#{T:@f}|#{W:#{E:@f}}"),
             show("a", "#{T;=/#{status-left-length}/>:status-left}|#{E;=-3:status-left}|#{=/2/-:#{l:#[bold]abc}}")),
    scenario("format-pane-start-command",
             "new -d -s a -x 80 -y 24 'sleep 600'", "neww -d -t a sleep 601", "neww -d -t a",
             "set -g default-command 'sleep 700'", "neww -d -t a", "lsp -s -t a -F '#{pane_start_command}|'"),
]
SCENARIOS += [scenario(name, NEW, Run(show("a", template), tmuxpy=tmuxpy, why=why))
              for name, template, tmuxpy, why in DECLARED_DIFFERENCES]
