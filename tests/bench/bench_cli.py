"""CLI round trip: `has-session` against a running daemon, beside tmux and a bare Python start.

Measured twice: with tmuxpy as installed here (for the test suite: an
editable install, whose import hook and this machine's site-packages cost
Python's start-up tens of milliseconds), and as a user installs it (`pip
install .` into a clean virtual environment, made once and kept in /tmp).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from harness import REPO, figure, median_ms, servers, time_command, user_env

VENV = Path("/tmp/tmuxpy-bench-venv")


def user_install() -> Path:
    """A clean venv with tmuxpy installed from this checkout (its dependencies kept between runs)."""
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", str(REPO)], check=True)
    else:
        subprocess.run([str(VENV / "bin" / "pip"), "install", "-q", "--no-deps", "--force-reinstall", str(REPO)],
                       check=True)
    return VENV / "bin"


def run(quick: bool) -> list[dict]:
    runs = 30
    venv = user_install()
    with servers() as (tmuxpy, tmux):
        tmuxpy.cmd("new", "-d", "-s", "bench", "sleep", "600")
        tmux.cmd("new", "-d", "-s", "bench", "sleep 600")
        here = time_command(tmuxpy.argv("has-session", "-t", "bench"), runs, tmuxpy.env)
        installed = time_command([str(venv / "tmuxpy"), "-S", str(tmuxpy.socket), "has-session", "-t", "bench"],
                                 runs, tmuxpy.env)
        theirs = time_command(tmux.argv("has-session", "-t", "bench"), runs)
        bare_here = time_command([sys.executable, "-c", "pass"], runs, user_env())
        bare_venv = time_command([str(venv / "python"), "-c", "pass"], runs, user_env())
    return [
        figure("CLI round trip (has-session), user install, median of 30", "ms", median_ms(installed),
               median_ms(theirs), "<= 40 ms",
               f"clean venv; a bare `python -c pass` there: {median_ms(bare_venv)} ms"),
        figure("CLI round trip (has-session), editable install, median of 30", "ms", median_ms(here),
               median_ms(theirs), "", f"a bare `python -c pass` here: {median_ms(bare_here)} ms"),
    ]


if __name__ == "__main__":
    from run import main

    sys.exit(main(["--only", "cli", *sys.argv[1:]]))
