"""config.toml: options and bindings apply; each problem names file and line; nothing raises."""

from __future__ import annotations

from tmux_py.config import load_config, parse_config

TEXT = """\
prefix = "C-a"
theme = "nord"
history-limit = 50000
colour = "red"
mouse = "sometimes"

[bindings]
"|" = "split-window -h"
"x" = ""
"NotAKey" = "kill-server"
"q" = "display-message 'unterminated"
"""


def test_good_entries_apply_and_bad_ones_are_reported_with_lines(tmp_path):
    (tmp_path / "config.toml").write_text(TEXT)
    config = load_config(tmp_path)
    assert config.options == {"prefix": "C-a", "theme": "nord", "history-limit": 50000}
    assert config.bindings == {"|": "split-window -h", "x": ""}
    path = tmp_path / "config.toml"
    assert f"{path}:4: unknown option 'colour'" in config.problems
    assert any(problem.startswith(f"{path}:5: mouse") for problem in config.problems)
    assert any(problem.startswith(f"{path}:10: unknown key") for problem in config.problems)
    assert any(problem.startswith(f"{path}:11:") for problem in config.problems)


def test_a_broken_file_is_one_problem_not_a_crash(tmp_path):
    config = parse_config("prefix = \n", "c.toml")
    assert config.options == {} and config.problems and config.problems[0].startswith("c.toml:1:")
    assert load_config(tmp_path).problems == []  # no file: nothing to say
