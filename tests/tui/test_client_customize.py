"""customize-mode (C-b C): the options and bindings listed, one changed at a prompt."""

from __future__ import annotations

from textual.widgets import OptionList

from .tui_support import async_test, new_session, option_labels, prompt_shows, until


async def pick(app, pilot, label: str) -> None:
    """Highlight the customize list's line ``label`` and press Enter on it."""
    options = app.screen.query_one(OptionList)
    index = next(index for index in range(options.option_count)
                 if str(options.get_option_at_index(index).prompt) == label)
    options.highlighted = index
    await pilot.press("enter")


@async_test
async def test_an_option_and_a_binding_are_changed_from_the_customize_list(daemon, attach):
    session = new_session(daemon)
    async with attach(session) as client:
        app, pilot = client.app, client.pilot
        await pilot.press("ctrl+b", "C")
        await until(lambda: type(app.screen).__name__ == "Chooser", message="the customize list")
        labels = option_labels(app.screen)
        assert labels[0] == "Server Options" and "Key Bindings" in labels
        assert "  prefix C customize-mode -Z" in labels
        await pick(app, pilot, "  escape-time 500")
        await prompt_shows(app, "(escape-time) ")
        assert app.prompt.input.value == "500"
        await pilot.press("backspace", "backspace", "backspace", "2", "0", "enter")
        await until(lambda: daemon.out("show", "-sv", "escape-time").strip() == "20", message="escape-time set")

        await pilot.press("ctrl+b", "C")
        await until(lambda: type(app.screen).__name__ == "Chooser", message="the customize list again")
        await pick(app, pilot, '  prefix \\" split-window')  # the key as list-keys prints it
        await prompt_shows(app, '(") ')
        assert app.prompt.input.value == "split-window"
        await pilot.press(*" -h", "enter")
        await until(lambda: daemon.out("list-keys", "-T", "prefix", '"').strip()
                    == 'bind-key -T prefix \\" split-window -h', message="the binding changed")

        # A command holding %% keeps it: the answer is one word of bind's, not a template's fill.
        await pilot.press("ctrl+b", "C")
        await until(lambda: type(app.screen).__name__ == "Chooser", message="the customize list, a third time")
        await pick(app, pilot, '  prefix \\$ command-prompt -I "#S" { rename-session "%%" }')
        await prompt_shows(app, "($) ")
        await pilot.press(*" ; display 100%%", "enter")
        expected = ('bind-key -T prefix \\$ command-prompt -I "#S" { rename-session "%%" } '
                    '\\; display-message "100%%"\n')
        await until(lambda: daemon.out("list-keys", "-T", "prefix", "$") == expected, message="the binding, %% kept")
