"""Commands that wait: run-shell (run), if-shell (if), wait-for (wait).

Shell commands run as asyncio subprocesses (``/bin/sh -c``, in the caller's
directory, with the daemon's environment and ``$TMUXPY``), so the daemon's
loop never blocks on them. Without ``-b`` the handler returns a Result whose
``wait`` whoever ran it awaits before its next command (the CLI's reply, a
file being sourced, an if-shell branch), as tmux's command queue waits; with
``-b`` the reply is immediate and the process runs on. wait-for channels are futures: ``wait-for NAME`` replies
when ``wait-for -S NAME`` signals it (a signal before any waiter is kept, as
in tmux), and ``-L``/``-U`` lock and unlock a channel.
"""

from __future__ import annotations

import dataclasses
import logging
import os

from tmux_py.cmdline import CommandLineError, split_commands
from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, Args, CommandEntry, CommandError, Result
from tmux_py.commands.variables import expand_here

log = logging.getLogger(__name__)


async def _shell(ctx: Context, command: str) -> tuple[int, list[str]]:
    """Run ``command`` through /bin/sh; (exit status, output lines)."""
    import asyncio

    env = dict(ctx.server.environment)
    if ctx.target is not None and ctx.target.pane is not None:
        env["TMUXPY"] = f"{ctx.server.socket_path},{os.getpid()},{ctx.target.pane.id}"
    cwd = ctx.cwd if os.path.isdir(ctx.cwd) else "/"
    process = await asyncio.create_subprocess_exec(
        "/bin/sh", "-c", command, cwd=cwd, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT, start_new_session=True,
    )
    output, _ = await process.communicate()
    return process.returncode, output.decode(errors="replace").splitlines()


def _job_context(ctx: Context, args: Args) -> Context:
    """The context a job runs in: for -b a copy, since a CLI sequence moves on at once and
    clears its context's target, which the job's $TMUXPY (and its branch) still needs."""
    return dataclasses.replace(ctx) if args.has("b") else ctx


def _background(ctx: Context, coroutine) -> None:
    import asyncio

    task = asyncio.get_running_loop().create_task(coroutine)
    ctx.daemon.background_tasks.add(task)
    task.add_done_callback(ctx.daemon.background_tasks.discard)


# --- run-shell ---------------------------------------------------------------------


def run_shell(ctx: Context, args: Args) -> Result:
    ctx = _job_context(ctx, args)
    command = expand_here(ctx, args.positional[0])
    if args.has("C"):
        return Result(wait=_run_string(ctx, command))

    async def finish() -> Result:
        status, lines = await _shell(ctx, command)
        if status != 0:
            log.info("run-shell %r returned %d", command, status)
            raise CommandError("\n".join([*lines, f"'{command}' returned {status}"]))
        return Result(lines)

    if args.has("b"):
        _background(ctx, _quiet(finish()))
        return Result()
    return Result(wait=finish())


async def _quiet(coroutine) -> None:
    """A background job: its failure is logged, nobody waits for it."""
    try:
        await coroutine
    except CommandError as error:
        log.info("background command failed: %s", error)


# --- if-shell ----------------------------------------------------------------------


async def _run_string(ctx: Context, text: str) -> Result:
    """Run a command string (if-shell's branches, run-shell -C) as the prompt would, in this
    context: each command waited for before the next, the first failure stops the rest."""
    from tmux_py import commands

    try:
        argvs = split_commands(text)
    except CommandLineError as error:
        raise CommandError(str(error)) from None
    output: list[str] = []
    for argv in argvs:
        output += (await commands.run_to_end(ctx.nested(), argv)).output
    return Result(output)


def if_shell(ctx: Context, args: Args) -> Result:
    ctx = _job_context(ctx, args)
    condition = expand_here(ctx, args.positional[0])
    then, otherwise = args.positional[1], (args.positional[2] if len(args.positional) > 2 else None)
    if args.has("F"):
        chosen = then if condition not in ("", "0") else otherwise
        return Result(wait=_run_string(ctx, chosen)) if chosen else Result()

    async def finish() -> Result:
        status, _ = await _shell(ctx, condition)
        chosen = then if status == 0 else otherwise
        return await _run_string(ctx, chosen) if chosen else Result()

    if args.has("b"):
        _background(ctx, _quiet(finish()))
        return Result()
    return Result(wait=finish())


# --- wait-for ----------------------------------------------------------------------


class Channel:
    """One wait-for channel: waiters, a signal kept for a later waiter, and a lock."""

    def __init__(self) -> None:
        self.waiters: list = []  # asyncio futures
        self.woken = False
        self.locked = False
        self.lockers: list = []


def _channel(ctx: Context, name: str) -> Channel:
    return ctx.daemon.channels.setdefault(name, Channel())


def wait_for(ctx: Context, args: Args) -> Result:
    name = args.positional[0]
    import asyncio  # not at the top: the CLI loads the command table without asyncio

    channel = _channel(ctx, name)
    loop = asyncio.get_running_loop()
    if args.has("S"):
        if not channel.waiters:
            channel.woken = True
        for waiter in channel.waiters:
            if not waiter.done():
                waiter.set_result(None)
        channel.waiters.clear()
        return Result()
    if args.has("L"):
        if not channel.locked:
            channel.locked = True
            return Result()
        locker = loop.create_future()
        channel.lockers.append(locker)
        return Result(wait=_waited(locker))
    if args.has("U"):
        if not channel.locked:
            raise CommandError(f"channel {name} not locked")
        while channel.lockers:
            locker = channel.lockers.pop(0)
            if not locker.done():
                locker.set_result(None)  # the lock passes to the next in line
                return Result()
        channel.locked = False
        return Result()
    if channel.woken:
        channel.woken = False
        return Result()
    waiter = loop.create_future()
    channel.waiters.append(waiter)
    return Result(wait=_waited(waiter))


async def _waited(future) -> Result:
    await future
    return Result()


ENTRIES = (
    CommandEntry("run-shell", run_shell, aliases=("run",), flags="bCd:t:", target=PANE, target_may_fail=True,
                 min_args=1, max_args=1,
                 usage="[-bC] [-d delay] [-t target-pane] [shell-command]",
                 help="run a shell command; its output is printed (-b: in the background)"),
    CommandEntry("if-shell", if_shell, aliases=("if",), flags="bFt:", target=PANE, target_may_fail=True,
                 min_args=2, max_args=3,
                 usage="[-bF] [-t target-pane] shell-command command [command]",
                 help="run the first command if the shell command succeeds, else the second"),
    CommandEntry("wait-for", wait_for, aliases=("wait",), flags="LSU", min_args=1, max_args=1,
                 usage="[-L|-S|-U] channel", help="wait for a channel to be signalled (-S), or lock it"),
)
