"""Pieces the scenario files share: the usual session, the geometry listing, usage errors."""

from __future__ import annotations

import shlex

from tmux_py.commands import find

from ..runner import Run

#: A detached session "a" at tmux's default size, running the default shell (/bin/sh, as SHELL is
#: set for both programs). Its window is named: an unnamed window is renamed by tmux's
#: automatic-rename after its foreground process, at a moment nobody controls (it can read
#: "tmux", the server's child not yet exec'd), so scenarios that print names name their windows.
NEW = "new -d -s a -n main -x 80 -y 24"


def geometry(target: str = "a") -> str:
    """Every pane of a window, as left,top,widthxheight: the layout as the user sees it."""
    return f"lsp -t {target} -F '#{{pane_left}},#{{pane_top}},#{{pane_width}}x#{{pane_height}}'"


def show(target: str, template: str) -> str:
    """display-message -p of a format for a target."""
    return f"display -p -t {shlex.quote(target)} {shlex.quote(template)}"


USAGE_WHY = ("tmuxpy answers a usage error with the command's usage line and exit status 2 (README, "
             "'Using it from the shell'); tmux 3.3a prints its parser's message and exits 1")


def usage_error(argv: str) -> Run:
    """A command whose arguments do not fit: a deliberate difference from tmux, declared."""
    usage = find(shlex.split(argv)[0]).usage_line()
    return Run(argv, tmuxpy={"err": usage + "\n", "rc": 2}, why=USAGE_WHY)
