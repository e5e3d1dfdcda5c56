"""Sessions: new, ls, has, kill, rename; names, -A, -P -F; exit-empty and kill-server."""

from __future__ import annotations

from ..runner import Run, Until, scenario
from .common import NEW

NAMES = "ls -F '#{session_name} #{session_id} #{session_windows} #{session_attached}'"
#: After the last session goes, the server exits (tmux's exit-empty), a moment after the command.
SERVER_GONE = Until("ls", "no server running on")

SCENARIOS = [
    scenario("session-new-ls-has",
             "new -d -s work -x 80 -y 24", "new -d -s play -n p -x 100 -y 30", "ls", NAMES,
             "has -t work", "has -t play", "has -t wor", "lsw -t play",
             "new -d -s a", "display -p -t a '#{window_width}x#{window_height} #{pane_width}x#{pane_height}'"),
    scenario("session-default-names-count-up",
             "new -d", "new -d", "new -dP", NAMES),
    scenario("session-default-name-is-the-session-id",
             "new -d -s work", "new -dP", "new -d", NAMES),
    scenario("session-duplicate-and-empty-names",
             NEW, f"{NEW}", "new -d -s ''", "new -d -s b", "rename -t a b", "rename -t b b", NAMES),
    scenario("session-names-with-dot-or-colon",
             "new -d -s a.b", "new -d -s x:y", "new -d -s c", "rename -t c g.h", NAMES),
    scenario("session-rename",
             NEW, "new -d -s b", "rename -t a c", NAMES, "rename -t nope x", "has -t a", "has -t c"),
    scenario("session-new-A-attaches-or-creates",
             NEW, "new -A -d -s a", "new -Ad -s b", "ls -F '#{session_name} #{session_windows}'"),
    scenario("session-new-P-F",
             "new -dP -s a", "new -dP -s b -F '#{session_name}:#{window_index}.#{pane_index} #{session_id} "
                              "#{window_id} #{pane_id}'", "new -dP -F '#{session_windows}' -s c"),
    scenario("session-kill",
             NEW, "new -d -s b", "new -d -s c", "kill-session -t b", NAMES, "kill-session -a -t c", NAMES,
             "kill-session -t nope"),
    scenario("session-exit-empty",
             NEW, "new -d -s b", "kill-session -t a", "ls -F '#{session_name}'", "kill-session -t b",
             SERVER_GONE, "ls", "has -t b", "new -d -s c", NAMES),
    scenario("session-kill-server",
             NEW, "neww -d -t a", "new -d -s b", "kill-server", SERVER_GONE, "ls", "kill-server",
             "new -d -s again", NAMES),
    scenario("session-no-server-socket-file",
             *(Run(argv, tmuxpy={"err": "no server running on <socket>\n"},
                   why="with no socket file tmux says 'error connecting to PATH (No such file or directory)'; "
                       "tmuxpy says 'no server running on PATH' whether the file is missing or refuses "
                       "(tmux's words for the second), one message for one situation")
               for argv in ("ls", "has -t a", "kill-server"))),
]
