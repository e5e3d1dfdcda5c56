"""command-prompt's flags as tmux 3.3a takes them, and the copy-mode keys built on them.

Prompts are opened from the CLI (``command-prompt -t``-less: the daemon picks the attached
client) and answered with Pilot keys; what the template ran is read back from the daemon
(user options) or from the copy-mode cursor. Expected answers are tmux 3.3a's, checked with
``tmux -L x -f /dev/null`` attached in an outer tmux.
"""

from __future__ import annotations

from .test_client_copy_mode_bindings import LINE, copy_mode_on_line, printed_line
from .tui_support import async_test, new_session, option, pane_text, prompt_shows, until


@async_test
async def test_several_prompts_fill_the_template_and_single_numeric_key_prompts_answer(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        daemon.cli("command-prompt", "-p", "one,two,three", "-I", "x,y", 'set -g @z "%1-%2-%3-%%"', check=True)
        await prompt_shows(app, "one ")
        assert app.prompt.input.value == "x"
        await pilot.press("enter")
        await prompt_shows(app, "two ")
        assert app.prompt.input.value == "y"
        await pilot.press("enter")
        await prompt_shows(app, "three ")
        await pilot.press("Q", "enter")
        # tmux 3.3a: %1 and the first %% get the first answer.
        await until(lambda: option(daemon, "@z") == "x-y-Q-x", message="the filled template")
        assert not app.prompt.is_open

        daemon.cli("command-prompt", "-1", "-p", "j", 'set -g @k "%%"', check=True)
        await prompt_shows(app, "j ")
        await pilot.press("f1", "ctrl+a")  # no character: the prompt stays
        assert app.prompt.is_open
        await pilot.press("Z")
        await until(lambda: option(daemon, "@k") == "Z", message="-1: the one character")

        daemon.cli("command-prompt", "-k", "-p", "key", 'set -g @k "%%"', check=True)
        await prompt_shows(app, "key ")
        await pilot.press("ctrl+b")
        await until(lambda: option(daemon, "@k") == "C-b", message="-k: the key's name")

        daemon.cli("command-prompt", "-N", "-I", "1", "-p", "n", 'set -g @k "%%"', check=True)
        await prompt_shows(app, "n ")
        await pilot.press("2", "Z")  # Z is no digit: it ends the prompt, then goes to the pane
        await until(lambda: option(daemon, "@k") == "12", message="-N: the digits")
        await until(lambda: pane_text(app).rstrip().endswith("Z"), message="Z typed into the pane")

        daemon.cli("command-prompt", "-I", "display-message -p unused", check=True)  # no template: a command
        await prompt_shows(app, ":")
        app.prompt.input.value = "set -g @k 'from the prompt'"
        await pilot.press("enter")
        await until(lambda: option(daemon, "@k") == "from the prompt", message="the answer run as a command")


@async_test
async def test_jumps_and_repeat_counts_in_vi_copy_mode(daemon, attach):
    session = printed_line(daemon)  # alpha beta gamma
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        view = app.window_view.active_view()
        await copy_mode_on_line(client)
        mode = view.copy
        line = mode.cursor_line
        await pilot.press("f")
        await prompt_shows(app, "(jump forward) ")
        await pilot.press("a")
        await until(lambda: mode.cursor_x == 4, message="f a: the next a")
        await pilot.press("semicolon")
        await until(lambda: mode.cursor_x == 9, message="; the same jump again")
        await pilot.press("comma")
        await until(lambda: mode.cursor_x == 4, message=", the jump the other way")
        await pilot.press("t")
        await prompt_shows(app, "(jump to forward) ")
        await pilot.press("g")
        await until(lambda: mode.cursor_x == LINE.index("g") - 1, message="t g: before the g")
        await pilot.press("F")
        await prompt_shows(app, "(jump backward) ")
        await pilot.press("l")
        await until(lambda: mode.cursor_x == 1, message="F l: the l behind")
        assert mode.cursor_line == line

        await pilot.press("3")
        await prompt_shows(app, "(repeat) ")
        assert app.prompt.input.value == "3"
        await pilot.press("l")  # ends the count, then moves three cells
        await until(lambda: mode.cursor_x == 4 and not app.prompt.is_open, message="3 l")
        await pilot.press("l")
        await until(lambda: mode.cursor_x == 5, message="the count was used up")
        await pilot.press("k", "1")
        await prompt_shows(app, "(repeat) ")
        await pilot.press("2", "j")
        await until(lambda: mode.cursor_line == line + 11, message="k, then 12 j: eleven lines below")
        await pilot.press("2", "escape")  # vi Escape clears the selection; the count is used up
        await until(lambda: not app.prompt.is_open and mode.prefix == 1, message="escape after a count")
