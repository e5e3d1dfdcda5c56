"""Every compatibility scenario, by topic; names are unique (they name the tests).

To add one: ``scenario(name, *steps)`` in the topic's module. A step is a command line after
the binary as a shell-quoted string (every output compared), a :class:`~compat.runner.Run`
(choose the outputs compared, mask what must differ, or declare with ``tmuxpy=`` and ``why=``
what tmuxpy deliberately prints instead), or an :class:`~compat.runner.Until` poll (for output
a pane has yet to print; never a sleep). Each scenario starts from no server at all. When
tmuxpy differs and should not, keep the scenario to that one difference and give it
``xfail="tmuxpy differs: <what>"``; passing scenarios stay free of known differences, so
they go on guarding the rest.
"""

from __future__ import annotations

from . import (config, errors, formats, hooks, key_names, key_notes, keys, movement, panes, prefix_commands, process,
               reflow, sessions, window_options, windows)

SCENARIOS = [*sessions.SCENARIOS, *windows.SCENARIOS, *panes.SCENARIOS, *keys.SCENARIOS, *formats.SCENARIOS,
             *errors.SCENARIOS, *reflow.SCENARIOS, *movement.SCENARIOS, *process.SCENARIOS,
             *config.SCENARIOS, *window_options.SCENARIOS, *key_names.SCENARIOS, *key_notes.SCENARIOS, *hooks.SCENARIOS,
             *prefix_commands.SCENARIOS]

assert len({case.name for case in SCENARIOS}) == len(SCENARIOS), "scenario names must be unique"
