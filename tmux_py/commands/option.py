"""Option commands: set-option (set), show-options (show), and their -w forms setw/showw.

As in tmux 3.3a, an option's own scope (server, session, window, pane) says
which store a name lives in; the flags choose between the global value
(``-g``) and the target's own (``-t``, else the current session, window or
pane). ``-s``/``-w``/``-p`` choose the scope of user options (``@name``) and
of a listing. Values print as tmux prints them: ``name value``, strings
quoted by tmux's rules (:func:`tmux_py.cmdline.escape_argument`).

Options the attached clients apply (prefix, mouse, status, mode-keys, ...) reach
them as soon as they are set (``attachments.options_changed`` sends what changed).

Hooks are options too (set-hook and show-hooks in hook.py run the code here): a
hook's value is parsed as commands when set and kept spelled out (``display -p
hi`` is ``display-message -p hi``); show-options lists them only with -H.
"""

from __future__ import annotations

from tmux_py.cmdline import escape_argument, join_argv
from tmux_py.commands.binding import bound_commands
from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, Args, CommandEntry, CommandError, Result
from tmux_py.options import (OPTION_DEFS, PANE as PANE_SCOPE, SERVER, SESSION, WINDOW, OptionDef, OptionError,
                             Options, find_option, split_index, user_option)

def _flag_scope(args: Args, window: bool) -> str:
    """The scope the flags name (for user options and listings)."""
    if args.has("s"):
        return SERVER
    if args.has("p"):
        return PANE_SCOPE
    if args.has("w") or window:
        return WINDOW
    return SESSION


def _store(ctx: Context, args: Args, scope: str) -> Options:
    """The global store (-g, or a server option), else the target's own."""
    if args.has("g") or scope == SERVER:
        return ctx.server.options
    target = ctx.require_target()
    if scope == SESSION:
        return target.session.options
    if scope == PANE_SCOPE and args.has("p"):
        return target.pane.options
    return target.window.options


def _lookup(ctx: Context, args: Args, name: str,
            window: bool) -> tuple[OptionDef | None, Options, str, int | None]:
    """Definition (None for a user option), store, canonical name and array index (``name[N]``);
    OptionError as tmux words it."""
    if name.startswith("@"):
        if not user_option(name):
            raise OptionError(f"invalid option: {name}")
        return None, _store(ctx, args, _flag_scope(args, window)), name, None
    name, index = split_index(name)
    definition = find_option(name)
    if index is not None and not definition.array:
        raise OptionError(f"not an array: {definition.name}")
    return definition, _store(ctx, args, definition.scope), definition.name, index


def _set(ctx: Context, args: Args, window: bool) -> None:
    name = args.positional[0]
    value = args.positional[1] if len(args.positional) > 1 else None
    definition, store, name, index = _lookup(ctx, args, name, window)
    if args.has("o") and store.local(name):
        raise OptionError(f"already set: {name}")
    if args.has("u") or args.has("U"):
        store.unset(name, index)
        return
    if value is not None and definition is not None and definition.hook:
        value = _commands_text(ctx, value)
    if value is not None and definition is not None and definition.array:
        store.set_array(name, index, value, append=args.has("a"))
        return
    if value is None:
        if definition is None or not (definition.kind is bool or definition.choices):
            raise OptionError("empty value")
        value = definition.toggled(store.get(name))
    elif args.has("a") and (definition is None or definition.kind is str):
        try:
            value = str(store.get(name)) + value
        except OptionError:
            pass  # appending to a user option not yet set: just the value
    store.set(name, value)


def _commands_text(ctx: Context, text: str) -> str:
    """A hook's value as tmux keeps it: parsed now (``unknown command: x`` fails the set), the
    command names spelled out and aliases expanded, ``;`` between commands; empty stays empty."""
    checked = bound_commands(ctx.server.options.get("command-alias"), [text]) if text else []
    return " ; ".join(join_argv(argv) for argv in checked)


def set_option(ctx: Context, args: Args, *, window: bool = False) -> None:
    try:
        _set(ctx, args, window)
    except OptionError as error:
        message = str(error)
        if args.has("q") and message.startswith(("invalid option", "ambiguous option")):
            return
        raise CommandError(message) from None
    ctx.daemon.attachments.options_changed()


def _shown(definition: OptionDef | None, value: object, raw: bool) -> str:
    text = definition.show(value) if definition is not None else str(value)
    if raw or (definition is not None and (definition.kind is not str or definition.hook)):
        return text
    return escape_argument(text)


def _rows(definition: OptionDef | None, name: str, value: object,
          index: int | None = None) -> list[tuple[OptionDef | None, str, object]]:
    """One row per value shown: an array option gives ``name[N] item`` per item (or one item);
    an empty array is its bare name and no value (None), as tmux shows ``terminal-overrides``."""
    if definition is None or not definition.array:
        return [(definition, name, value)]
    if index is not None:
        return [(definition, f"{name}[{index}]", dict(value).get(index, ""))]
    if not value:
        return [(None, name, None)]
    return [(definition, f"{name}[{number}]", item) for number, item in value]


def _listing(ctx: Context, args: Args, window: bool, hooks: bool) -> list[tuple[OptionDef | None, str, object]]:
    """Every option of the scope the flags name: global values with -g, else what the target set.
    Only hooks for show-hooks; for show-options, hooks only with -H and after the others, as
    tmux's table has them last."""
    scope = _flag_scope(args, window)
    store = _store(ctx, args, scope)
    scopes = (WINDOW, PANE_SCOPE) if scope == WINDOW else (scope,)
    if store is ctx.server.options:
        names = [name for name in store.local_names() if user_option(name) and scope == SESSION and not hooks]
        names += [name for name, option in OPTION_DEFS.items() if option.scope in scopes]
    else:
        names = store.local_names()

    def hook(name: str) -> bool:
        return name in OPTION_DEFS and OPTION_DEFS[name].hook

    shown = [name for name in set(names) if hook(name) == hooks or (not hooks and args.has("H"))]
    rows = []
    for name in sorted(shown, key=lambda name: (hook(name), name)):
        definition = OPTION_DEFS.get(name)
        rows += _rows(definition, name, store.get(name))
    return rows


def show_options(ctx: Context, args: Args, *, window: bool = False, hooks: bool = False) -> Result:
    raw = args.has("v")
    try:
        if not args.positional:
            rows = _listing(ctx, args, window, hooks)
        else:
            definition, store, name, index = _lookup(ctx, args, args.positional[0], window)
            if store is not ctx.server.options and not store.local(name):
                rows = []  # tmux shows only what the target itself set
            else:
                rows = _rows(definition, name, store.get(name), index)
    except OptionError as error:
        if args.has("q"):
            return Result()
        raise CommandError(str(error)) from None
    if raw:
        return Result([_shown(definition, value, True) for definition, _, value in rows if value is not None])
    return Result([name if value is None else f"{name} {_shown(definition, value, False)}"
                   for definition, name, value in rows])


def set_window_option(ctx: Context, args: Args) -> None:
    set_option(ctx, args, window=True)


def show_window_options(ctx: Context, args: Args) -> Result:
    return show_options(ctx, args, window=True)


ENTRIES = (
    CommandEntry("set-option", set_option, aliases=("set",), flags="agopqst:uUw", min_args=1, max_args=2,
                 target=PANE, target_may_fail=True, usage="[-agopqsuUw] [-t target-pane] option [value]",
                 help="set an option (clients apply theme, prefix, mouse, status at once)"),
    CommandEntry("set-window-option", set_window_option, aliases=("setw",), flags="agoqt:uU", min_args=1,
                 max_args=2, target=PANE, target_may_fail=True, usage="[-agoqu] [-t target-window] option [value]",
                 help="set a window option"),
    CommandEntry("show-options", show_options, aliases=("show",), flags="gHpqst:vw", max_args=1,
                 target=PANE, target_may_fail=True, usage="[-gHpqsvw] [-t target-pane] [option]",
                 help="show option values"),
    CommandEntry("show-window-options", show_window_options, aliases=("showw",), flags="gvt:", max_args=1,
                 target=PANE, target_may_fail=True, usage="[-gv] [-t target-window] [option]",
                 help="show window option values"),
)
