"""A pane's program and environment: respawn-pane/-window, clear-history, pipe-pane, set/show-environment,
command-alias, list-commands, and the formats that show them. Names start ``process-`` (``-k process``)."""

from __future__ import annotations

from ..runner import Run, Until, scenario, screen_has
from .common import NEW, show

#: A session whose pane runs a program that stays (a shell's prompt would differ between runs).
SLEEPER = "new -d -s a -x 80 -y 24 'sleep 600'"
PANES = "lsp -a -F '#{pane_id} #{window_index}.#{pane_index} [#{pane_start_command}] dead=#{pane_dead}'"
#: What pipe-pane wrote to $HOME/piped, read back (the CLI runs in $HOME, each side's own directory;
#: tmux's run-shell prints nothing to a CLI without a terminal, so through a paste buffer).
PIPED = "loadb piped ; showb"

SCENARIOS = [
    scenario("process-respawn-pane-k-new-command-keeps-the-id",
             SLEEPER, "splitw -d -t a 'sleep 601'", PANES,
             "respawnp -k -t a:0.1 'sleep 602'", PANES,
             "respawnp -k -t a:0.1", PANES),
    scenario("process-respawn-with-start-directory-and-environment",
             NEW, "setenv -t a FROM_SESSION s1",
             "respawnp -k -t a -c /tmp -e ONE=1 'echo \"[$ONE|$FROM_SESSION]\" $(pwd); exec sleep 600'",
             screen_has("a", "[1|s1] /tmp"), show("a", "#{pane_current_path}"),
             "respawnw -k -t a -c / 'echo \"[${ONE-unset}]\" $(pwd); exec sleep 601'",
             screen_has("a", "[unset] /"), PANES),
    # -e on new-session goes into the session's environment; on new-window/split-window only
    # into the new pane's program; a word without "=" sets nothing.
    scenario("process-environment-flags-of-new-neww-and-splitw",
             "new -d -s a -e FOO=1 -e BAR -x 80 -y 10 'sleep 600'", "showenv -t a FOO", "showenv -t a BAR",
             "neww -d -t a -e BAZ=2 'echo \"[$BAZ|$FOO]\"; exec sleep 601'", screen_has("a:1", "[2|1]"),
             "splitw -d -t a:1 -e QUX=3 'echo \"[$QUX|${BAZ-unset}]\"; exec sleep 602'",
             screen_has("a:1.1", "[3|unset]"), "showenv -t a BAZ"),
    scenario("process-respawn-refuses-a-live-pane-or-window",
             SLEEPER, "splitw -d -t a 'sleep 601'", "respawnp -t a", "respawnp -t a:0.1", "respawnw -t a", PANES,
             "respawnw -k -t a 'sleep 603'", PANES),
    scenario("process-respawn-dead-pane-with-remain-on-exit",
             SLEEPER, "set -g remain-on-exit on", "neww -d -t a 'exit 3'",
             Until("lsp -t a:1 -F 'dead=#{pane_dead} status=#{pane_dead_status}'", "dead=1 status=3"),
             "lsp -t a:1 -F '#{pane_id} #{pane_dead} #{pane_dead_status} [#{pane_dead_signal}]'",
             "pipep -t a:1 'cat'", "respawnw -t a:1 'sleep 604'", PANES,
             # remain-on-exit off, not failed: tmux 3.3a at times keeps a pane "failed" whose new
             # program exited 0 after respawnp -k (the killed one's status wins a race);
             # tests/integration/test_process.py checks `failed` in tmuxpy.
             "respawnp -t a:1", "set -g remain-on-exit off", "respawnp -k -t a:1 'exit 0'",
             Until(show("a", "windows=#{session_windows}"), "windows=1"), PANES),
    scenario("process-clear-history-then-history-size",
             "new -d -s a -x 80 -y 10 'seq 1 30; sleep 600'", screen_has("a", "30"),
             show("a", "#{history_size}"), "clearhist -t a", show("a", "#{history_size}"),
             "capture-pane -p -t a", "capture-pane -p -S - -t a"),
    scenario("process-pipe-pane-to-a-file-and-toggle",
             NEW, "pipep -t a 'cat > \"$HOME/piped\"'", show("a", "#{pane_pipe}"),
             "send -t a 'echo pipe-$((6*7))' Enter", Until(PIPED, "pipe-42"),
             "pipep -t a", show("a", "#{pane_pipe}"),
             "pipep -o -t a 'cat > \"$HOME/other\"'", show("a", "#{pane_pipe}"),
             "pipep -o -t a 'cat > \"$HOME/other\"'", show("a", "#{pane_pipe}"),
             "pipep -t a -I 'echo echo typed-$((2*3))'", screen_has("a", "typed-6", 2)),
    scenario("process-set-and-show-environment",
             NEW, "setenv -t a ZED 'hello world'", "setenv -t a -r GONE", "setenv -g GV \"it's \\$x\"",
             "setenv -g -r GR", "showenv -t a GONE", "showenv -t a ZED", "showenv -s -t a ZED",
             "showenv -g GV", "showenv -g -s GV", "showenv -g GR", "showenv -g -s GR",
             "showenv -t a NOPE", "showenv -g NOPE", "setenv -t a -u ZED", "showenv -t a ZED",
             "setenv -u -t a NOPE", "setenv -t a ONLY", "setenv -t a -r X y", "setenv -t a -u X y",
             "setenv -g ''", "setenv -g A=B c", "setenv -F -t a Y '#{session_name}!'", "showenv -t a Y",
             "setenv -h -t a HX 'hidden one'", "setenv -hr -t a HY", "showenv -t a HX", "showenv -h -t a",
             "showenv -hs -t a", "showenv -h -t a Y", "showenv -t a"),
    scenario("process-environment-reaches-new-panes",
             NEW, "setenv -g G1 one", "setenv -t a S1 two", "setenv -g G2 x", "setenv -t a -r G2",
             "setenv -h -g H1 hid", "neww -d -t a -n e",
             "send -t a:e 'echo \"[$G1|$S1|${G2-unset}|${H1-unset}]\"' Enter",
             screen_has("a:e", "[one|two|unset|unset]")),
    scenario("process-update-environment-on-new-session",
             NEW, "set -g update-environment 'FOO BAR'", "set -ga update-environment BAZ",
             "show -g update-environment", "show -gv update-environment", "show -g update-environment[1]",
             "new -d -s b", "showenv -t b", "set -gu update-environment", "show -g update-environment"),
    scenario("process-command-alias",
             NEW, "set -s command-alias[100] zz=list-sessions", "zz -F '#{session_name}'",
             "show -s command-alias[100]", "set -s command-alias[101] 'yy=display -p'", "yy -t a '#{session_name}!'",
             Run("show -s command-alias",
                 tmuxpy={"out": "command-alias[0] split-pane=split-window\ncommand-alias[1] splitp=split-window\n"
                                "command-alias[100] zz=list-sessions\ncommand-alias[101] \"yy=display -p\"\n"},
                 why="tmux's other default aliases (info, server-info, choose-window, choose-session) name "
                     "show-messages and choose-tree, which tmuxpy does not have; an alias to a missing "
                     "command would only fail later"),
             "set -su command-alias[100]", "zz", "splitp -d -t a", "lsp -t a -F '#{pane_index}'"),
    # Two scenarios: tmux 3.3a's lscm with no server starts one that exits again, and a `new`
    # right after it can meet that server on its way out ("server exited unexpectedly").
    scenario("process-list-commands-without-a-server",
             "lscm respawn-pane", "lscm pipep"),
    scenario("process-list-commands-with-a-server",
             NEW, "lscm respawnw", "lscm setenv", "lscm showenv", "lscm lscm",
             "lscm -F '#{command_list_name}|#{command_list_alias}|#{command_list_usage}' pipe-pane",
             "lscm nosuch",
             Run("lscm clearhist", tmuxpy={"out": "clear-history (clearhist) [-H] [-t target-pane]\n"},
                 why="tmuxpy takes tmux 3.4's -H (forget hyperlinks too), a no-op here: it keeps none")),
    scenario("process-format-pane-and-window-flags",
             NEW, "splitw -h -t a", "splitw -v -t a", "neww -d -t a -n second",
             show("a", "#{pane_pipe}|#{pane_dead}|#{pane_synchronized}|#{pane_last}|"
                       "#{pane_at_left}#{pane_at_right}#{pane_at_top}#{pane_at_bottom}|#{pane_right},#{pane_bottom}"),
             show("a:0.0", "#{pane_last}|#{pane_at_left}#{pane_at_right}#{pane_at_top}#{pane_at_bottom}|"
                           "#{pane_right},#{pane_bottom}"),
             show("a", "#{window_start_flag}#{window_end_flag}#{window_last_flag}|#{session_many_attached}|"
                       "#{cursor_flag}#{keypad_flag}#{keypad_cursor_flag}#{mouse_any_flag}#{mouse_sgr_flag}"),
             "lsw -t a -F '#{window_index} #{window_start_flag}#{window_end_flag} #{window_visible_layout}'",
             show("a", "#{uid} #{user} #{==:#{host_short},#{host}}"),
             Run(show("a", "#{t:window_activity}|#{start_time}"), mask=(r"\d\d:\d\d:\d\d", r"\d{10}"))),
]
