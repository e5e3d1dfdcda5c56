"""Hooks: set-hook and show-hooks, and the running of hooks (tmux's cmdq_insert_hook and notify.c).

A hook is an array option of command strings (options.py): session hooks
(``after-new-window``, ``client-attached``...) live in session stores, window
and pane hooks (``window-renamed``, ``pane-exited``...) in window and pane
stores; set-hook and show-hooks are set-option and show-options for them
(option.py). Two kinds run:

* ``after-<command>``: when a command that has one succeeds (tmux's
  CMD_AFTERHOOK), the hook's commands run next for the same caller, their
  output after the command's; the next command of a sequence waits for them.
  They run on the command's target (the window, pane or session that
  new-window, split-window or new-session made), the hook found in its
  session's options, and see ``#{hook}``, ``#{hook_arguments}``,
  ``#{hook_argument_N}`` and ``#{hook_flag_X}``. A failing hook command stops
  the rest of its item (tmux's command group) and fails the caller.
* notifications (:class:`Hooks`): the daemon's events (a session created, a
  window renamed, a pane's program exited...) run their hook later on the event
  loop, one event after another, for no client: output goes nowhere and a
  failure is logged. The hook is the session's (else the global one) for a
  session hook, the pane's, window's or global one for the others; its
  commands run on the object of the event and see ``#{hook}``,
  ``#{hook_client}``, ``#{hook_session}``, ``#{hook_session_name}``,
  ``#{hook_window}``, ``#{hook_window_name}`` or ``#{hook_pane}`` as the event
  gives them.

The commands a hook runs run no hooks, and their events notify nothing
(tmux's CMDQ_STATE_NOHOOKS): a window-layout-changed hook may change the layout.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from tmux_py.cmdline import CommandLineError, escape_argument, split_commands
from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, Args, CommandEntry, CommandError, Result
from tmux_py.commands.option import set_option, show_options
from tmux_py.options import OPTION_DEFS, SESSION

if TYPE_CHECKING:
    from tmux_py.server.model import Server, Session, Target, Window
    from tmux_py.server.pane import Pane

log = logging.getLogger(__name__)

#: Commands whose after- hook tmux 3.3a defines but never runs (their entries lack CMD_AFTERHOOK).
_NO_AFTER_HOOK = frozenset({"select-pane"})


def _items(server: Server, name: str, session: Session | None, window: Window | None,
           pane: Pane | None) -> list[str]:
    """The command strings of hook ``name`` for these objects, as tmux's notify_insert_hook finds
    them: a session hook in the session's options (else the global ones), a window or pane hook
    in the pane's, else the window's, else the global ones."""
    if OPTION_DEFS[name].scope == SESSION:
        store = session.options if session is not None else server.options
    elif pane is not None and pane.options is not None:
        store = pane.options
    else:
        store = window.options if window is not None else server.options
    return [item for _, item in store.get(name)]


def _valid(server: Server, target: Target | None) -> bool:
    """The target's session, window and pane still exist and still belong together."""
    return (target is not None and server.sessions.get(target.session.id) is target.session
            and target.window.session is target.session and target.pane is not None
            and server.pane_windows.get(target.pane.id) is target.window)


async def _run_items(ctx: Context, items: list[str]) -> tuple[list[str], list[str]]:
    """Run each item's commands in order, each awaited; a failure stops the rest of its item, not
    the next item (each is a command group in tmux). (output lines, error messages)"""
    from tmux_py import commands

    output: list[str] = []
    errors: list[str] = []
    for item in items:
        try:
            for argv in split_commands(item):
                output += (await commands.run_to_end(ctx.nested(), argv)).output
        except (CommandError, CommandLineError) as error:
            errors.append(str(error))
    return output, errors


def _hook_context(daemon: Any, cwd: str, target: Target | None, client: Any, formats: dict[str, str]) -> Context:
    """Where a hook's commands run: on ``target``, for ``client`` (None: an event's), no hooks."""
    return Context(daemon=daemon, client=client, cwd=cwd, current=target, tty=False, hooks=False, formats=formats)


# --- after-<command> ------------------------------------------------------------------


def _argument_formats(args: Args) -> dict[str, str]:
    """#{hook_arguments}, #{hook_argument_N}, #{hook_flag_X} and #{hook_flag_X_N} of a command's
    arguments, as tmux's args_print writes them: flags without values together and sorted, then
    each flag with its value, then the arguments, quoted."""
    bare = "".join(sorted(flag for flag, value in args.flags.items() if value is True))
    words = [f"-{bare}"] if bare else []
    formats = {f"hook_flag_{flag}": "1" for flag in bare}
    for flag in sorted(args.repeated):
        for number, value in enumerate(args.repeated[flag]):
            words += [f"-{flag}", escape_argument(value)]
            formats[f"hook_flag_{flag}_{number}"] = value
        formats[f"hook_flag_{flag}"] = args.repeated[flag][-1]
    words += [escape_argument(word) for word in args.positional]
    formats.update({f"hook_argument_{number}": word for number, word in enumerate(args.positional)})
    formats["hook_arguments"] = " ".join(words)
    return formats


def _after_hook(ctx: Context, entry: CommandEntry) -> str | None:
    """The name of the after- hook ``entry`` runs in this context, if it has one."""
    name = f"after-{entry.name}"
    if not ctx.hooks or name not in OPTION_DEFS or entry.name in _NO_AFTER_HOOK:
        return None
    return name


def newest_pane(ctx: Context, entry: CommandEntry) -> int | None:
    """Before a command runs: the number of the newest pane (-1: none) if the command's after-
    hook is set anywhere, so that :func:`run_after` can tell the pane it made; else None."""
    name = _after_hook(ctx, entry)
    server = ctx.server
    if name is None or not (server.options.get(name) or
                            any(session.options.local(name) for session in server.sessions.values())):
        return None
    return max((int(pane_id[1:]) for pane_id in server.pane_windows), default=-1)


def run_after(ctx: Context, entry: CommandEntry, args: Args, result: Result, newest: int | None) -> Result:
    """``result`` followed by the command's after- hook, looked up now as tmux's cmdq_insert_hook
    (a set-hook may set its own): on the pane the command made (numbered above ``newest``), else
    its target if it is still there, else where the caller is; with no session, nothing runs."""
    name = _after_hook(ctx, entry)
    if name is None:
        return result
    server = ctx.server
    made = [pane_id for pane_id in server.pane_windows if int(pane_id[1:]) > newest] if newest is not None else []
    if made:
        target = _target(*server.find_pane(max(made, key=lambda pane_id: int(pane_id[1:]))))
    elif _valid(server, ctx.target):
        target = ctx.target
    elif _valid(server, ctx.current):
        target = ctx.current
    elif server.sessions:
        target = server.default_target(None)
    else:
        return result
    items = _items(server, name, target.session, None, None)
    if not items:
        return result
    hook_ctx = _hook_context(ctx.daemon, ctx.cwd, target, ctx.client, {"hook": name, **_argument_formats(args)})

    async def finish() -> Result:
        done = await result.wait if result.wait is not None else result
        output, errors = await _run_items(hook_ctx, items)
        return Result(done.output + output, attach=done.attach, shutdown=done.shutdown,
                      errors=done.errors + errors, status=done.status)

    return Result(wait=finish())


def _target(window: Window, pane: Pane | None = None) -> Target:
    from tmux_py.server.model import Target

    return Target(window.session, window, pane or window.active)


# --- notifications --------------------------------------------------------------------


class Hooks:
    """The daemon's notifications (tmux's notify_*): each event with a hook set becomes a job run
    after the jobs of earlier events, on the loop; none while a hook's commands run."""

    def __init__(self, daemon: Any) -> None:
        self.daemon = daemon
        self._silent = 0
        self._last: Any = None  # the asyncio task of the latest event

    @contextlib.contextmanager
    def silenced(self, silent: bool) -> Iterator[None]:
        """Events while this runs notify nothing when ``silent`` (a hook's command runs)."""
        self._silent += silent
        try:
            yield
        finally:
            self._silent -= silent

    def notify(self, name: str, *, client: Any = None, session: Session | None = None,
               window: Window | None = None, pane: Pane | None = None) -> None:
        """Event ``name`` about what is given (the formats say which): its hook's commands run
        on it (a client's current pane, a session's current window), looked up now."""
        if self._silent:
            return
        server = self.daemon.server
        target = _where(server, client, session, window, pane)
        items = _items(server, name, target.session if target else session, target.window if target else window,
                       target.pane if target else pane)
        if not items:
            return
        import asyncio  # not at the top: the CLI loads the command table without asyncio

        job = self._run(self._last, name, (client, session, window, pane), items)
        self._last = asyncio.get_running_loop().create_task(job)
        self.daemon.background_tasks.add(self._last)
        self._last.add_done_callback(self.daemon.background_tasks.discard)

    async def _run(self, previous: Any, name: str, about: tuple, items: list[str]) -> None:
        import asyncio

        if previous is not None:
            await asyncio.wait((previous,))
        client, session, window, pane = about
        # The names as the commands run (tmux takes them as the event happens: the same but for a
        # rename between the two; a new window is named after it is linked here).
        formats = {"hook": name}
        if client is not None:
            formats["hook_client"] = client.name
        if session is not None:
            formats.update(hook_session=session.id, hook_session_name=session.name)
        if window is not None:
            formats.update(hook_window=window.id, hook_window_name=window.name)
        if pane is not None:
            formats["hook_pane"] = pane.id
        server = self.daemon.server
        # Where the objects are now; gone (pane-exited, session-closed): the best session, as
        # tmux's cmd_find_from_nothing.
        target = _where(server, *about)
        if target is None and server.sessions:
            target = server.default_target(None)
        # No client: the home directory, as the daemon's config runs (tmux: the session's).
        hook_ctx = _hook_context(self.daemon, os.path.expanduser("~"), target, None, formats)
        _, errors = await _run_items(hook_ctx, items)
        for error in errors:
            log.info("hook %s: %s", name, error)


def _where(server: Server, client: Any, session: Session | None, window: Window | None,
           pane: Pane | None) -> Target | None:
    """Where an event's commands run, as tmux's cmd_find_from_client/_session/_window/_pane: the
    narrowest object given that still exists, with its window's active pane; None if none does."""
    if pane is not None and pane.id in server.pane_windows:
        return _target(server.pane_windows[pane.id], pane)
    if client is not None:
        if not client.gone:
            return client.current_target()
        session = client.session  # detached: the session it showed
    if window is not None and server.windows.get(window.id) is window and window.active is not None:
        return _target(window)
    if session is not None and server.sessions.get(session.id) is session and session.current is not None:
        return _target(session.current)
    return None


# --- the commands -----------------------------------------------------------------------


def set_hook(ctx: Context, args: Args) -> Result | None:
    """set-option for hooks; with -R the hook named exactly runs now, on the target, for this
    caller (tmux's notify_hook), and nothing is set (a name that is no hook runs nothing)."""
    if not args.has("R"):
        set_option(ctx, args, window=args.has("w"))
        return None
    name = args.positional[0]
    if name not in OPTION_DEFS or not OPTION_DEFS[name].hook:
        return None
    target = ctx.require_target()
    items = _items(ctx.server, name, target.session, target.window, target.pane)
    hook_ctx = _hook_context(ctx.daemon, ctx.cwd, target, ctx.client, {"hook": name})

    async def finish() -> Result:
        output, errors = await _run_items(hook_ctx, items)
        if errors:
            raise CommandError("\n".join(errors))
        return Result(output)

    return Result(wait=finish())


def show_hooks(ctx: Context, args: Args) -> Result:
    return show_options(ctx, args, window=args.has("w"), hooks=True)


ENTRIES = (
    CommandEntry("set-hook", set_hook, flags="agpRt:uw", min_args=1, max_args=2, target=PANE, target_may_fail=True,
                 usage="[-agpRuw] [-t target-pane] hook [command]",
                 help="set a hook's commands (-R: run the hook now)"),
    CommandEntry("show-hooks", show_hooks, flags="gpt:w", max_args=1, target=PANE, target_may_fail=True,
                 usage="[-gpw] [-t target-pane] [hook]", help="show hooks and their commands"),
)
