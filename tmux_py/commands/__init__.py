"""The command table: every command tmuxpy has, declared once (tmux's cmd_table).

:func:`find` looks a name or alias up; :func:`run` parses argv against the
entry, resolves its target and calls its handler. The CLI, key bindings and
the ``:`` prompt all go through here; :func:`run` first expands the server's
command aliases (the ``command-alias`` option), and after a command runs its
``after-`` hook (hook.py).
"""

from __future__ import annotations

from tmux_py.commands import (binding, buffer, client, config, customize, environment, hook, menu, move, option,
                              pane, process, server, session, shell, window)
from tmux_py.commands.context import Context
from tmux_py.commands.entry import NO_TARGET, Args, CommandEntry, CommandError, Result, UsageError

COMMANDS: tuple[CommandEntry, ...] = (
    session.ENTRIES + window.ENTRIES + pane.ENTRIES + server.ENTRIES + client.ENTRIES + option.ENTRIES
    + config.ENTRIES + binding.ENTRIES + shell.ENTRIES + buffer.ENTRIES + move.ENTRIES + process.ENTRIES
    + environment.ENTRIES + hook.ENTRIES + menu.ENTRIES + customize.ENTRIES
)


def _index(entries: tuple[CommandEntry, ...]) -> dict[str, CommandEntry]:
    names: dict[str, CommandEntry] = {}
    for entry in entries:
        for name in (entry.name, *entry.aliases):
            if name in names:
                raise ValueError(f"command name {name!r} declared twice")
            names[name] = entry
    return names


_BY_NAME = _index(COMMANDS)


def find(name: str) -> CommandEntry:
    """The entry for a name or alias; a unique prefix of a name also finds it, as in tmux."""
    entry = _BY_NAME.get(name)
    if entry is not None:
        return entry
    matches = {entry for entry in COMMANDS if entry.name.startswith(name)}
    if len(matches) == 1:
        return matches.pop()
    if matches:
        raise CommandError(f"ambiguous command: {name}, could be: {', '.join(sorted(e.name for e in matches))}")
    raise CommandError(f"unknown command: {name}")


def expand_alias(aliases: tuple[tuple[int, str], ...], argv: list[str]) -> list[str]:
    """tmux's command-alias: a first word equal to an item's ``name`` (in ``name=command``) is
    replaced by the command's words. Before any command name, as tmux (an alias may hide a
    command), and once: the expansion is not looked up again."""
    from tmux_py.cmdline import CommandLineError, split_command

    for _, item in aliases:
        name, equals, command = item.partition("=")
        if equals and argv and name == argv[0]:
            try:
                return split_command(command) + argv[1:]
            except CommandLineError as error:
                raise CommandError(f"command-alias {name}: {error}") from None
    return argv


def parse(argv: list[str]) -> tuple[CommandEntry, Args]:
    if not argv:
        raise CommandError("no command given")
    entry = find(argv[0])
    return entry, entry.parse(argv[1:])


async def run_sequence(ctx: Context, argv: list[str]) -> Result:
    """Run the commands of a CLI argv: a lone ``;`` argument separates them and ``\\;``
    is a literal ``;``, as tmux reads its own argv. The first failure stops the rest; what
    ran before it keeps its output (the CommandError carries it)."""
    from tmux_py.cmdline import split_arguments

    combined = Result()
    for command in split_arguments(argv) or [[]]:
        ctx.target = None
        try:
            result = await run_to_end(ctx, command)
        except CommandError as error:
            error.output = combined.output + error.output
            if combined.errors:  # a hook's failures before it: still said, first
                error.args = ("\n".join([*combined.errors, str(error)]),)
            raise
        combined.output += result.output
        combined.errors += result.errors
        combined.attach = result.attach or combined.attach
        combined.shutdown = combined.shutdown or result.shutdown
        combined.status = result.status or combined.status
    return combined


async def run_to_end(ctx: Context, argv: list[str]) -> Result:
    """Run one command and, if it finishes later (run-shell, wait-for), wait for it: as tmux's
    command queue, the next command of a sequence, a file or an if-shell branch starts only
    when this one is done. The loop runs on meanwhile."""
    result = run(ctx, argv)
    return await result.wait if result.wait is not None else result


def run(ctx: Context, argv: list[str]) -> Result:
    """Run one command; CommandError (or UsageError) carries tmux's one-line message.

    Its ``wait``, if any, is the caller's to await (:func:`run_to_end`); a command with an
    after- hook set hands back a ``wait`` that runs the hook too."""
    from tmux_py.server.model import TargetError

    argv = expand_alias(ctx.server.options.get("command-alias"), argv)
    entry, args = parse(argv)
    if ctx.caller:
        from tmux_py.cmdline import join_argv

        ctx.daemon.log_message(f"{ctx.caller} command: {join_argv([entry.name, *argv[1:]])}")
    newest = hook.newest_pane(ctx, entry)
    try:
        if entry.target != NO_TARGET:
            try:
                ctx.target = ctx.server.resolve(args.value("t"), entry.target, ctx.current)
            except TargetError as error:
                if not entry.target_may_fail:
                    raise
                ctx.target, ctx.target_error = None, str(error)
        with ctx.daemon.hooks.silenced(not ctx.hooks):
            result = entry.handler(ctx, args) or Result()
    except TargetError as error:
        raise CommandError(str(error)) from None
    return hook.run_after(ctx, entry, args, result, newest)


__all__ = ["COMMANDS", "Context", "CommandEntry", "CommandError", "Result", "UsageError", "expand_alias", "find",
           "parse", "run", "run_sequence", "run_to_end"]
