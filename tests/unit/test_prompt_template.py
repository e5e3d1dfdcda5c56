"""command-prompt's templates and brace arguments (pure): tmux 3.3a's results.

Each expected string is what tmux 3.3a ran, checked by answering its prompts in a client
attached inside an outer tmux (``tmux -L x -f /dev/null``) and reading ``show -gv`` back.
"""

from __future__ import annotations

from tmux_py.cmdline import Block, escape_argument, fill_commands, fill_template, split_commands


def test_answers_fill_numbered_and_unnumbered_places_in_turn():
    assert fill_template('set -g @z "%1-%2-%3-%%"', ["x", "y", "Q"]) == 'set -g @z "x-y-Q-x"'
    # tmux 3.3a hands the last answer over a second time.
    assert fill_template('set -g @w "%% %% %% %3"', ["x", "y"]) == 'set -g @w "x y y y"'
    assert fill_template('set -g @w "%1 %2 %%"', ["x"]) == 'set -g @w "x x x"'
    assert fill_template("%1", ["list-keys -T root"]) == "list-keys -T root"  # no template: the command
    assert fill_template("display 100%", ["x"]) == "display 100%"


def test_a_third_percent_escapes_what_the_parser_would_read():
    filled = fill_template("set -g @y %%%", ['a;b$c"d\\e~'])
    assert filled == 'set -g @y a\\;b\\$c\\"d\\\\e\\~'
    assert split_commands(filled) == [["set", "-g", "@y", 'a;b$c"d\\e~']]


def test_brace_arguments_print_back_in_braces_as_tmux_lists_them():
    argv = split_commands('command-prompt -1 -p "(jump forward)" { send-keys -X jump-forward "%%" }')[0]
    assert isinstance(argv[-1], Block) and argv[-1] == 'send-keys -X jump-forward "%%"'
    assert escape_argument(argv[-1]) == '{ send-keys -X jump-forward "%%" }'
    assert escape_argument("plain %%") == '"plain %%"'


def test_answers_go_into_the_parsed_arguments_as_typed():
    template = 'send -X search-backward "%%"'
    for answer in ('a"b', "$HOME", "~", "a\\b", "x;y"):
        assert fill_commands(template, [answer]) == [["send", "-X", "search-backward", answer]]
    assert fill_commands("set -g @y %%%", ['a;b"c']) == [["set", "-g", "@y", 'a;b"c']]
    assert fill_commands("%1", ["list-keys -T root"]) == [["list-keys", "-T", "root"]]  # the command
