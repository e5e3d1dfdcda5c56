"""source-file: run the commands of a file in tmux's command language.

The daemon sources ``tmuxpy.conf`` (or the ``-f`` file) the same way when it
starts. Commands run one after another, as tmux's command queue runs them: one
that finishes later (run-shell without -b, wait-for) is awaited before the
next starts. Every command runs even when an earlier one failed; each failure is
one line ``FILE:LINE: message``. (tmux 3.3a runs nothing from a file with a
parse error such as an unknown command, and prints run-time errors without
the file and line; tmuxpy keeps going and always says where.)
"""

from __future__ import annotations

import glob
import os

from tmux_py.cmdline import CommandLineError, parse_commands
from tmux_py.commands.context import Context
from tmux_py.commands.entry import Args, CommandEntry, CommandError, Result

#: Files sourcing files: tmux stops at this depth too.
MAX_DEPTH = 50


async def source_text(ctx: Context, text: str, source: str) -> tuple[list[str], list[str]]:
    """Run every command in ``text``; (output lines, ``source:line: error`` lines)."""
    from tmux_py import commands

    output: list[str] = []
    errors: list[str] = []
    try:
        parsed = parse_commands(text)
    except CommandLineError as error:
        return output, [f"{source}:{error.line}: {error}"]
    for command in parsed:
        try:
            output += (await commands.run_to_end(ctx.nested(), command.argv)).output
        except CommandError as error:
            errors += [f"{source}:{command.line}: {line}" if not _located(line) else line
                       for line in str(error).splitlines()]
    return output, errors


def _located(line: str) -> bool:
    """An error that already names its file and line (from a nested source-file)."""
    head = line.split(": ", 1)[0]
    return head.rpartition(":")[2].isdigit()


async def source_path(ctx: Context, path: str, quiet: bool) -> tuple[list[str], list[str]]:
    """Source one file (or every file a glob pattern matches)."""
    path = os.path.join(ctx.cwd, os.path.expanduser(path))
    if ctx.depth >= MAX_DEPTH:
        return [], [f"{path}: too many nested files"]
    paths = sorted(glob.glob(path)) if glob.has_magic(path) else [path]
    if not paths and not quiet:
        return [], [f"{path}: No such file or directory"]
    output: list[str] = []
    errors: list[str] = []
    for each in paths:
        try:
            with open(each, encoding="utf-8", errors="replace") as file:
                text = file.read()
        except OSError as error:
            if not (quiet and isinstance(error, FileNotFoundError)):
                errors.append(f"{each}: {error.strerror or error}")
            continue
        lines, problems = await source_text(ctx, text, each)
        output += lines
        errors += problems
    return output, errors


def source_file(ctx: Context, args: Args) -> Result:
    return Result(wait=_source_files(ctx, args))


async def _source_files(ctx: Context, args: Args) -> Result:
    output: list[str] = []
    errors: list[str] = []
    for path in args.positional:
        if args.has("n"):
            try:
                parse_commands(open(os.path.join(ctx.cwd, path), encoding="utf-8").read())
            except (OSError, CommandLineError) as error:
                errors.append(f"{path}:{getattr(error, 'line', 0)}: {error}")
            continue
        lines, problems = await source_path(ctx, path, args.has("q"))
        output += lines
        errors += problems
    if errors:
        raise CommandError("\n".join(errors))
    return Result(output)


ENTRIES = (
    CommandEntry("source-file", source_file, aliases=("source",), flags="nqv", min_args=1, max_args=None,
                 usage="[-nqv] path ...", help="run the commands in a file (tmux's config language)"),
)
