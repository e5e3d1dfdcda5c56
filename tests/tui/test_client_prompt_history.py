"""The prompts' history: kept by the daemon, walked with Up and Down at the client's prompt."""

from __future__ import annotations

from .tui_support import async_test, new_session, option, prompt_shows, until


@async_test
async def test_lines_entered_at_the_prompt_come_back_with_up_and_down(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        for value in ("1", "2"):
            await pilot.press("ctrl+b", "colon")
            await prompt_shows(app, ":")
            await pilot.press(*f"set -g @h {value}", "enter")
            await until(lambda: option(daemon, "@h") == value, message=f"@h set to {value}")
        await until(lambda: "2: set -g @h 2" in daemon.out("show-prompt-history", "-T", "command"),
                    message="the daemon to keep both lines")
        assert daemon.out("show-prompt-history", "-T", "command").split("\n")[:4] == [
            "History for command:", "", "1: set -g @h 1", "2: set -g @h 2"]

        await pilot.press("ctrl+b", "colon")
        await prompt_shows(app, ":")
        await pilot.press("up")
        assert app.prompt.input.value == "set -g @h 2"
        await pilot.press("up", "up")  # past the oldest: it stays
        assert app.prompt.input.value == "set -g @h 1"
        await pilot.press("down")
        assert app.prompt.input.value == "set -g @h 2"
        await pilot.press("down")
        assert app.prompt.input.value == "", "below the newest: an empty line"
        await pilot.press("up", "up", "enter")
        await until(lambda: option(daemon, "@h") == "1", message="the recalled line run")
        # Entered again: it is the newest now.
        assert daemon.out("show-prompt-history", "-T", "command").split("\n")[2:5] == [
            "1: set -g @h 1", "2: set -g @h 2", "3: set -g @h 1"]

        # Each question of a -p a,b prompt walks the history from its newest line.
        daemon.cli("command-prompt", "-p", "a,b", "set -g @a %1 ; set -g @b %2", check=True)
        await prompt_shows(app, "a ")
        await pilot.press("up", "enter")  # the newest line again: the history stays as it was
        await prompt_shows(app, "b ")
        await pilot.press("up")
        assert app.prompt.input.value == "set -g @h 1", "b's Up starts from the newest line, not from a's place"
        await pilot.press("escape")

        daemon.out("clear-prompt-history")
        await pilot.press("ctrl+b", "colon")
        await prompt_shows(app, ":")
        await pilot.press("up")
        assert app.prompt.input.value == "", "a cleared history has nothing to recall"
        await pilot.press("escape")
        assert daemon.cli("showphist", "-T", "bogus").stderr == "invalid type: bogus\n"
