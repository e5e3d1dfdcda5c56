"""display-menu: a menu over the attached client, as tmux 3.3a's menu.c and cmd-display-menu.c.

The daemon builds the menu (names and commands expanded for the target, the box placed
on the client's terminal) and the client shows it: a key that is an item's shortcut picks
it, Up/Down (k/j) and Enter pick one, q, Escape and C-c close it. The client runs the
picked command as from a key binding.
"""

from __future__ import annotations

import re

from tmux_py.commands.client import chosen_client
from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, Args, CommandEntry, CommandError
from tmux_py.commands.placement import box_position, text_width
from tmux_py.commands.variables import expand_here
from tmux_py.keys import parse_key

#: tmux's ``#[...]`` style directives: the client draws a menu's text plain.
_STYLE = re.compile(r"#\[[^\]]*\]")


def _text(ctx: Context, text: str) -> str:
    return _STYLE.sub("", expand_here(ctx, text))


def menu_items(ctx: Context, arguments: list[str]) -> list[dict]:
    """The items of ``name key command`` triples (an empty name is a separator, one argument),
    as tmux's menu_add_item: an item whose name expands to nothing is left out, a separator
    never starts the menu nor follows another, a name starting with ``-`` is shown dimmed
    and cannot be picked; commands are expanded too. A key tmux does not know is no shortcut."""
    items: list[dict] = []
    index = 0
    while index < len(arguments):
        name = arguments[index]
        index += 1
        if not name:
            if items and not items[-1]["separator"]:
                items.append({"separator": True})
            continue
        if len(arguments) - index < 2:
            raise CommandError("not enough arguments")
        key, command = arguments[index:index + 2]
        index += 2
        label = _text(ctx, name)
        if not label:
            continue
        disabled = label.startswith("-")
        parsed = parse_key(key)
        items.append({"separator": False, "label": label[1:] if disabled else label, "disabled": disabled,
                      "key": parsed.name if parsed is not None and not disabled else "",
                      "command": expand_here(ctx, command)})
    return items


def display_menu(ctx: Context, args: Args) -> None:
    """tmux 3.3a's display-menu (the module docstring says how it lives). A client shows one
    menu, popup or prompt at a time; a menu with no item is not shown. The CLI does not wait
    for the choice (tmux does)."""
    client = chosen_client(ctx, args)
    items = menu_items(ctx, args.positional)
    if not any(not item["separator"] for item in items):
        return
    raw_title = args.value("T", "")
    title = _text(ctx, raw_title)
    widest = max([text_width(title)] + [text_width(item["label"]) + (len(item["key"]) + 3 if item["key"] else 0)
                                    for item in items if not item["separator"]])
    size = (min(widest + 4, client.columns), min(len(items) + 2, client.lines))
    x, y = box_position(ctx, client, args, size)
    centred = re.search(r"#\[[^\]]*align=cent(re|er)", raw_title) is not None
    client.ui("menu", title=title, title_align="center" if centred else "left", items=items, x=x, y=y,
              width=size[0], height=size[1])


ENTRIES = (
    CommandEntry("display-menu", display_menu, aliases=("menu",), flags="Oc:t:T:x:y:", target=PANE,
                 min_args=1, max_args=None,
                 usage="[-O] [-c target-client] [-t target-pane] [-T title] [-x position] [-y position] "
                       "name key command ...",
                 help="show a menu of commands over the client"),
)
