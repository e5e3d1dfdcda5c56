"""customize-mode (C-b C): the options and key bindings, each to be changed at a prompt.

tmux 3.3a shows a tree of them in the pane; tmuxpy shows the same lines as a list in the
client (as choose-tree's): the server's options, the session options and the window and
pane options as ``show-options -s``, ``-g`` and ``-gw`` print them, then every key binding
as ``list-keys`` prints it. Picking an option opens a prompt with its value (``set`` with
the answer); picking a binding opens one with its command (``bind`` with the answer). The
answer goes in as one word, never parsed or filled as a template.
"""

from __future__ import annotations

from dataclasses import replace

from tmux_py import commands
from tmux_py.cmdline import CommandLineError, split_command
from tmux_py.commands.client import target_client
from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, Args, CommandEntry

#: The option lists: a heading, the show-options that lists them, the set flags that change one.
_OPTION_LISTS = (
    ("Server Options", "-s", "-s"),
    ("Session Options", "-g", "-g"),
    ("Window & Pane Options", "-gw", "-gw"),
)


def _edit(value: str, label: str, argv: list[str]) -> dict:
    """What picking an item does: the client asks ``(label)`` starting at ``value``, and runs
    ``argv`` with the answer as its last word, as it was typed. Not a command-prompt template:
    those hand the answer over twice (tmux 3.3a's), so a value holding ``%%`` came back changed."""
    return {"prompt": f"({label}) ", "input": value, "argv": argv}


def _option_items(ctx: Context, show_flags: str, set_flags: str) -> list[dict]:
    items = []
    for line in _listed(ctx, ["show-options", show_flags]):
        try:
            name, *rest = split_command(line)
        except CommandLineError:
            continue
        value = rest[0] if rest else ""
        items.append({"label": f"  {line}", "command": "", "edit": _edit(value, name, ["set", set_flags, name])})
    return items


def _binding_items(ctx: Context) -> list[dict]:
    items = []
    for line in _listed(ctx, ["list-keys"]):
        rest = line.removeprefix("bind-key ")
        repeat = rest.startswith("-r ")
        parts = rest.removeprefix("-r ").split(None, 3)  # -T table key command (the key padded)
        if len(parts) < 4 or parts[0] != "-T":
            continue
        _, table, key, command = parts
        name = split_command(key)[0]  # the key as printed is escaped (\;)
        argv = ["bind", *(["-r"] if repeat else []), "-T", table, name]
        items.append({"label": f"  {table} {key} {command}", "command": "", "edit": _edit(command, name, argv)})
    return items


def _listed(ctx: Context, argv: list[str]) -> list[str]:
    """What a listing command prints, run quietly: no after- hook, nothing logged."""
    return commands.run(replace(ctx.nested(), hooks=False, caller=""), argv).output


def customize_mode(ctx: Context, args: Args) -> None:
    """tmux 3.3a's customize-mode as a list to pick from (the module docstring says how it
    differs); -N, -Z and -F are taken and change nothing here, and -f (tmux's filter) is ignored."""
    items = []
    for heading, show_flags, set_flags in _OPTION_LISTS:
        items.append({"label": heading, "command": ""})
        items += _option_items(ctx, show_flags, set_flags)
    items.append({"label": "Key Bindings", "command": ""})
    items += _binding_items(ctx)
    target_client(ctx).ui("choose-tree", title="customize", items=items)


ENTRIES = (
    CommandEntry("customize-mode", customize_mode, flags="F:f:NZt:", target=PANE,
                 usage="[-NZ] [-F format] [-f filter] [-t target-pane]",
                 help="list the options and key bindings, to change one at a prompt"),
)
