"""CLI round trip: `has-session` against a running daemon, beside tmux and a bare Python start."""

from __future__ import annotations

import sys

from harness import figure, median_ms, servers, time_command, user_env


def run(quick: bool) -> list[dict]:
    runs = 30
    with servers() as (tmuxpy, tmux):
        tmuxpy.cmd("new", "-d", "-s", "bench", "sleep", "600")
        tmux.cmd("new", "-d", "-s", "bench", "sleep 600")
        ours = time_command(tmuxpy.argv("has-session", "-t", "bench"), runs, tmuxpy.env)
        theirs = time_command(tmux.argv("has-session", "-t", "bench"), runs)
        bare = time_command([sys.executable, "-c", "pass"], runs, user_env())
        isolated = time_command([sys.executable, "-S", "-c", "pass"], runs, user_env())
    return [
        figure("CLI round trip (has-session), median of 30", "ms", median_ms(ours), median_ms(theirs), "<= 40 ms",
               f"{median_ms(ours) - median_ms(bare):+.1f} ms over a bare `python -c pass` ({median_ms(bare)} ms; "
               f"{median_ms(isolated)} ms without site-packages)"),
    ]


if __name__ == "__main__":
    from run import main

    sys.exit(main(["--only", "cli", *sys.argv[1:]]))
