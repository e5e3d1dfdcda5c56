"""Key binding commands: bind-key (bind), unbind-key (unbind), list-keys (lsk).

The daemon owns the key tables (:class:`tmux_py.bindings.KeyTables`); a
change is sent to every attached client (``daemon.bindings_changed``), so a
``bind`` in tmuxpy.conf, at the prompt or from a script works in the TUI at
once. Bound commands are checked against the command table when bound, and
kept with their names spelled out and command aliases expanded, as tmux keeps
and prints them.
"""

from __future__ import annotations

from tmux_py.bindings import canonical_key, is_bindable
from tmux_py.cmdline import CommandLineError, split_arguments, split_commands
from tmux_py.commands.context import Context
from tmux_py.commands.entry import Args, CommandEntry, CommandError, Result


def _table(args: Args) -> str:
    return "root" if args.has("n") else args.value("T", "prefix")


def bound_commands(aliases: tuple[tuple[int, str], ...], words: list[str]) -> list[list[str]]:
    """The commands a binding runs, each parsed against the table (names spelled out).

    A command alias (an item of ``aliases``, the command-alias option) is expanded here, as
    :func:`tmux_py.commands.run` expands it, and kept expanded: tmux 3.3a lists ``bind z zz``
    (``zz=list-sessions``) as ``z list-sessions``."""
    from tmux_py import commands

    argvs = split_arguments(words)
    if len(argvs) == 1 and len(argvs[0]) == 1 and any(char in argvs[0][0] for char in " \t;\n"):
        try:  # one argument holding commands: a { } block or a quoted command string
            argvs = split_commands(argvs[0][0])
        except CommandLineError as error:
            raise CommandError(str(error)) from None
    checked = []
    for argv in argvs:
        argv = commands.expand_alias(aliases, argv)
        try:
            entry, _ = commands.parse(argv)
        except CommandError as error:  # a bound command's usage error is bind-key's plain failure
            raise CommandError(str(error)) from None
        checked.append([entry.name, *argv[1:]])
    return checked


def bind_key(ctx: Context, args: Args) -> None:
    key = args.positional[0]
    if not is_bindable(key):
        raise CommandError(f"unknown key: {key}")
    if len(args.positional) == 1:
        # tmux 3.3a: a bound key's note is set (or, without -N, cleared); nothing else changes
        ctx.daemon.key_tables.set_note(_table(args), key, args.value("N"))
        return
    bound = bound_commands(ctx.server.options.get("command-alias"), args.positional[1:])
    ctx.daemon.key_tables.bind(_table(args), key, bound, repeat=args.has("r"), note=args.value("N"))
    ctx.daemon.bindings_changed()


def unbind_key(ctx: Context, args: Args) -> None:
    if not args.has("a") and not args.positional:
        raise CommandError("missing key")
    key = None if args.has("a") else args.positional[0]
    if key is not None and not is_bindable(key):
        raise CommandError(f"unknown key: {key}")
    try:
        ctx.daemon.key_tables.unbind(_table(args), key)
    except KeyError as error:
        if args.has("q"):
            return
        raise CommandError(error.args[0]) from None
    ctx.daemon.bindings_changed()


def list_keys(ctx: Context, args: Args) -> Result:
    """tmux's list-keys lines: every binding as the bind-key that makes it, or (-N) the notes.

    An attached client shows several lines over the window (C-b ?, ``list-keys -N``). ``-1N``
    (C-b /) shows its line on the status line of the client the command is for (tmux's target
    client: the one that ran it, else an attached one), printing it only with no client there."""
    key = canonical_key(args.positional[0]) if args.positional else None
    if key is not None and not is_bindable(key):
        raise CommandError(f"invalid key: {key}")  # tmux's word when the name is no key at all
    tables = ctx.daemon.key_tables
    table = args.value("T")
    try:
        if table is not None:
            tables.table(table)  # tmux checks the table first, -N or not
        if args.has("N"):
            prefix_key = str(ctx.server.options.get("prefix"))
            lines = tables.note_lines(table, key, args.value("P"), None if prefix_key == "None" else prefix_key,
                                      every=args.has("a"), first=args.has("1"))
        else:
            lines = tables.lines(table, key)
    except KeyError as error:
        raise CommandError(error.args[0]) from None
    if key is not None and not lines:
        raise CommandError(f"unknown key: {args.positional[0]}")
    client = ctx.attached_client() if args.has("1") and args.has("N") else None
    if client is None:
        return Result(lines)
    for line in lines:  # the root table's first key, then the prefix table's: the last one stays, as in tmux
        client.show_message(line)
    return Result()


ENTRIES = (
    CommandEntry("bind-key", bind_key, aliases=("bind",), flags="nrN:T:", min_args=1, max_args=None,
                 usage="[-nr] [-T key-table] [-N note] key [command [arguments]]",
                 help="bind a key to commands (\\; between several)"),
    CommandEntry("unbind-key", unbind_key, aliases=("unbind",), flags="anqT:", max_args=1,
                 usage="[-anq] [-T key-table] key", help="remove a key binding (-a: every one in the table)"),
    CommandEntry("list-keys", list_keys, aliases=("lsk",), flags="1aNP:T:", max_args=1,
                 usage="[-1aN] [-P prefix-string] [-T key-table] [key]", help="list key bindings"),
)
