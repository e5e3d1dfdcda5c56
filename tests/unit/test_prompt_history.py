"""The prompts' history (server/prompt_history.py), against tmux 3.3a's status.c."""

from __future__ import annotations

import os

from tmux_py.server.prompt_history import LINE_LIMIT, TYPE_LIMIT, PromptHistory, history_path


def test_lines_are_kept_per_type_without_empties_or_repeats_and_within_the_limit() -> None:
    history = PromptHistory()
    for line in ("set -g @a 1", "set -g @a 1", "set -g @b 2", "", "set -g @c 3", "set -g @d 4"):
        history.add("command", line, 3)
    history.add("search", "foo", 3)
    # Checked with tmux 3.3a: prompt-history-limit 3, these lines entered at C-b :, then a search.
    assert history.show() == [
        "History for command:", "", "1: set -g @b 2", "2: set -g @c 3", "3: set -g @d 4", "",
        "History for search:", "", "1: foo", "",
        "History for target:", "", "",
        "History for window-target:", "", "",
    ]
    history.clear("search")
    assert history.show("search") == ["History for search:", "", ""]
    history.add("command", "one more", 0)
    assert history.lines["command"] == [], "a limit of 0 keeps nothing"


def test_the_history_file_holds_each_line_under_its_type(tmp_path) -> None:
    path = tmp_path / "history"
    history = PromptHistory()
    history.add("command", "new-window", 100)
    history.add("search", "a:b", 100)
    history.save(str(path))
    assert path.read_text() == "command:new-window\nsearch:a:b\n"
    assert os.stat(path).st_mode & 0o777 == 0o600
    path.write_text(path.read_text() + "kill-pane\n")  # no type: tmux's older format, a command
    again = PromptHistory()
    again.load(str(path), 100)
    assert again.lines["command"] == ["new-window", "kill-pane"] and again.lines["search"] == ["a:b"]
    again.load(str(tmp_path / "none"), 100)  # not there yet: nothing, no error
    assert again.lines["command"] == ["new-window", "kill-pane"]


def test_history_file_is_absolute_or_under_home() -> None:
    assert history_path("/var/h") == "/var/h"
    assert history_path("~/.tmux_history") == os.path.expanduser("~") + "/.tmux_history"
    assert history_path("") is None and history_path("relative") is None and history_path("~user/h") is None


def test_a_line_too_long_is_not_kept_and_a_type_keeps_a_bounded_amount() -> None:
    history = PromptHistory()
    history.add("command", "x" * (LINE_LIMIT + 1), 100)
    assert history.lines["command"] == [], "a prompt never sends a client a frame too large"
    for number in range(TYPE_LIMIT // LINE_LIMIT + 5):
        history.add("command", f"{number:05}" + "y" * (LINE_LIMIT - 5), 1000)
    assert sum(map(len, history.lines["command"])) <= TYPE_LIMIT
    assert history.lines["command"][-1].startswith(f"{TYPE_LIMIT // LINE_LIMIT + 4:05}"), "the newest stay"
