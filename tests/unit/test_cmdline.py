"""The tmux command language (cmdline.py) against what tmux 3.3a made of the same text.

Each expected value was recorded from tmux 3.3a: the text sourced with
``source-file``, then ``show-options -g`` / ``list-keys`` (HOME=/root).
"""

from __future__ import annotations

import pytest

from tmux_py.cmdline import (CommandLineError, escape_argument, join_argv, parse_commands, split_arguments,
                             split_command, split_commands)

ENV = {"HOME": "/root"}


def argvs(text: str) -> list[list[str]]:
    return [command.argv for command in parse_commands(text, ENV)]


@pytest.mark.parametrize(("text", "value"), [
    ("'single $HOME \\n x'", "single $HOME \\n x"),
    ('"double $HOME \\n \\t \\" \\\\ \\e x"', 'double /root \n \t " \\ \x1b x'),
    ("plain\\ word\\;x#y", "plain word;x#y"),
    ("a#b # comment", "a#b"),
    ('"line \\\ncont"', "line cont"),
    ('"one \\\n  two"', "one   two"),
    ("'sq \\\nmore'", "sq more"),
    ("~/x", "/root/x"),
    ('"~/x"', "/root/x"),
    ("ab\"cd\"'ef'", "abcdef"),
    ("\\;", ";"),
    ('"a;b"', "a;b"),
    ('"${HOME}x"', "/rootx"),
    ("$HOME/a$NOPE_VAR-x", "/root/a-x"),
    ("'$HOME'\"$HOME\"", "$HOME/root"),
    ("''", ""),
    ('"#{pane_id}"', "#{pane_id}"),
    ("\\u00e9\\x41", "éx41"),
    ('"\\101\\x41"', "Ax41"),
    ("x\\ny\\tz\\\\w\\'q\\\"r", "x\ny\tz\\w'q\"r"),
])
def test_words_as_tmux_reads_them(text, value):
    assert argvs(f"set -g @v {text}") == [["set", "-g", "@v", value]]


def test_lines_semicolons_comments_and_line_numbers():
    text = (
        "# a comment\n"
        "set -g @j x ; set -g @k y\n"
        "   # indented comment\n"
        "set -g @l x; set -g @m y\n"
        "\n"
        "set -g @h \\\n"
        "y\n"
        "set -g @d x;# comment\n"
    )
    parsed = parse_commands(text, ENV)
    assert [(command.line, command.argv) for command in parsed] == [
        (2, ["set", "-g", "@j", "x"]), (2, ["set", "-g", "@k", "y"]),
        (4, ["set", "-g", "@l", "x"]), (4, ["set", "-g", "@m", "y"]),
        (6, ["set", "-g", "@h", "y"]), (8, ["set", "-g", "@d", "x"]),
    ]


def test_escaped_semicolon_is_an_argument_and_blocks_are_one():
    assert argvs("bind x split-window \\; select-pane -U") == [
        ["bind", "x", "split-window", ";", "select-pane", "-U"]]
    assert argvs("bind y { split-window\n  select-pane -U }\nset -g @r \"}\"") == [
        ["bind", "y", "split-window ; select-pane -U"], ["set", "-g", "@r", "}"]]
    assert split_arguments(["split-window", ";", "select-pane", "-U", "a;", "b\\;"]) == [
        ["split-window"], ["select-pane", "-U", "a"], ["b;"]]


@pytest.mark.parametrize("text", ['set -g @z "unclosed', "set -g @z 'x", "bind x { split-window", "}"])
def test_syntax_errors_name_the_line(text):
    with pytest.raises(CommandLineError) as error:
        parse_commands("\n" + text)
    assert error.value.line == 2


def test_split_command_is_one_command():
    assert split_command("split-window -h -c '#{pane_current_path}'") == [
        "split-window", "-h", "-c", "#{pane_current_path}"]
    assert split_commands("new-window ; split-window -h") == [["new-window"], ["split-window", "-h"]]
    with pytest.raises(CommandLineError):
        split_command("a ; b")


# show-options -g after `set -g @v VALUE`, tmux 3.3a.
@pytest.mark.parametrize(("value", "shown"), [
    ("a b", '"a b"'), ('a"b', "'a\"b'"), ("a'b", '"a\'b"'), ("a#b", '"a#b"'), ("a;b", '"a;b"'),
    ("a$b", '"a\\$b"'), ("a{b", '"a{b"'), ("a%b", '"a%b"'), ("~x", "\\~x"), ("x~", "x~"), ("~", "\\~"),
    (";", "\\;"), ("#", "\\#"), (" ", '" "'), ("a\\b", "a\\\\b"), ("a\tb", "a\\tb"), ("é", "é"),
    ('a b"c', '"a b\\"c"'), ("a\x01b", "a\\001b"), ("", "''"),
    ("double /root \n \t \" \\ \x1b x", '"double /root \\n \\t \\" \\\\ \\033 x"'),
])
def test_escape_argument_prints_as_tmux(value, shown):
    assert escape_argument(value) == shown
    assert argvs(f"x {shown}") == [["x", value]]  # and reads back


def test_join_argv():
    assert join_argv(["display-message", "a b"]) == 'display-message "a b"'
