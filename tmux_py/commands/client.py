"""Commands for attached clients and the key bindings' defaults: panes, windows, layouts,
prompts, scroll mode.

Those that need a client's screen (command-prompt, confirm-before, copy-mode,
choose-tree) run here like every command, then hand their part to
the client that ran them (``ctx.client.ui``); from the CLI they act on the
most recent client attached to the target session, as tmux picks a client.
"""

from __future__ import annotations

import fnmatch
import re

from tmux_py.commands.context import Context
from tmux_py.commands.environment import from_flags
from tmux_py.commands.entry import NO_TARGET, PANE, SESSION, WINDOW, Args, CommandEntry, CommandError, Result
from tmux_py.commands.variables import expand_here
from tmux_py.commands.pane import size_argument
from tmux_py.commands.placement import box_position
from tmux_py.keys import UnknownKey, encode_key
from tmux_py.options import OPTION_DEFS
from tmux_py.style import Style, parse_style
from tmux_py.server.layout import PRESETS, LayoutError
from tmux_py.server.popup import Box
from tmux_py.server.prompt_history import TYPES as PROMPT_TYPES


def target_client(ctx: Context):
    """The client a UI command acts on (:meth:`Context.attached_client`); there must be one."""
    client = ctx.attached_client()
    if client is None:
        raise CommandError("no current client")
    return client


# --- panes ------------------------------------------------------------------------


def last_pane(ctx: Context, args: Args) -> None:
    window = ctx.require_target().window
    pane = window.pane_to_go_back_to()
    if pane is None:
        raise CommandError("no last pane")
    window.select(pane)


def swap_pane(ctx: Context, args: Args) -> None:
    """Swap the target with -U/-D's neighbour, else with -s: by default the marked pane, else
    the current one (so, from a key binding, nothing), as tmux 3.3a."""
    target = ctx.require_target()
    window, pane = target.window, target.pane
    ordered = window.ordered_panes()
    if args.has("U") or args.has("D"):
        step = -1 if args.has("U") else 1
        other = ordered[(ordered.index(pane) + step) % len(ordered)]
    else:
        other = ctx.server.resolve_source(args.value("s"), PANE, ctx.current).pane
    ctx.server.swap_panes(other, pane, select=not args.has("d"))


# --- windows ----------------------------------------------------------------------


def _step_window(ctx: Context, args: Args, which: str) -> None:
    """tmux's session_next / session_previous: the window after (before) the current one in
    index order, wrapping; with -a the first such with an alert (activity or bell: tmuxpy keeps
    no silence flag). Coming round to the current window is "no next (previous) window"."""
    session = ctx.require_target().session
    ordered = session.ordered_windows()
    if which == "previous":
        ordered.reverse()
    start = ordered.index(session.current)
    around = ordered[start + 1:] + ordered[:start + 1]
    window = next((window for window in around if not args.has("a") or window.activity_flag or window.bell_flag),
                  None)
    if window is None or window is session.current:
        raise CommandError(f"no {which} window")
    session.select(window)


def next_window(ctx: Context, args: Args) -> None:
    _step_window(ctx, args, "next")


def previous_window(ctx: Context, args: Args) -> None:
    _step_window(ctx, args, "previous")


def last_window(ctx: Context, args: Args) -> None:
    session = ctx.require_target().session
    if session.last_window is None:
        raise CommandError("no last window")
    session.select(session.last_window)


def rename_window(ctx: Context, args: Args) -> None:
    window = ctx.require_target().window
    window.rename(args.positional[0])


def _apply_layout(window, choose) -> None:
    if window.zoomed:
        window.zoomed = False
    try:
        choose(window.layout)
    except LayoutError as error:
        raise CommandError(str(error)) from None
    window.columns, window.lines = window.layout.columns, window.layout.lines
    window.apply_geometry()


def next_layout(ctx: Context, args: Args) -> None:
    _apply_layout(ctx.require_target().window, lambda layout: layout.next_preset())


def previous_layout(ctx: Context, args: Args) -> None:
    _apply_layout(ctx.require_target().window, lambda layout: layout.previous_preset())


def select_layout(ctx: Context, args: Args) -> None:
    """-n/-p step through the presets; -E spreads the target pane's cell and its siblings
    evenly; a name picks a preset; no name applies the last one again (nothing, if none was
    ever chosen), as tmux 3.3a, in that order of precedence."""
    target = ctx.require_target()
    window = target.window
    if args.has("n"):
        _apply_layout(window, lambda layout: layout.next_preset())
    elif args.has("p"):
        _apply_layout(window, lambda layout: layout.previous_preset())
    elif args.has("E"):
        _apply_layout(window, lambda layout: layout.spread_out(target.pane.id))
    elif args.positional:
        _apply_layout(window, lambda layout: layout.select_preset(args.positional[0]))
    elif window.layout.last_preset is not None:
        _apply_layout(window, lambda layout: layout.select_preset(layout.last_preset))


# --- clients ----------------------------------------------------------------------


def _neighbour_session(ctx: Context, session, step: int, which: str):
    """tmux's session_next_session / session_previous_session: by name, wrapping; never itself."""
    ordered = ctx.server.ordered_sessions()
    other = ordered[(ordered.index(session) + step) % len(ordered)]
    if other is session:
        raise CommandError(f"can't find {which} session")
    return other


def switch_client(ctx: Context, args: Args) -> None:
    """Show another session in the client: -n / -p the next / previous by name (wrapping), -l
    the one it showed before, else -t's session (a window named there becomes its current one).
    tmux takes -n, then -p, then -l, then -t; the others are then ignored."""
    target = ctx.require_target()
    client = target_client(ctx)
    if args.has("n"):
        session = _neighbour_session(ctx, client.session, 1, "next")
    elif args.has("p"):
        session = _neighbour_session(ctx, client.session, -1, "previous")
    elif args.has("l"):
        session = client.last_session
        if session is None or ctx.server.sessions.get(session.id) is not session:
            raise CommandError("can't find last session")
    else:
        session = target.session
        if target.window is not session.current:  # -t named a window: show it
            session.select(target.window)
    client.attachments.switch(client, session)


def clock_mode(ctx: Context, args: Args) -> None:
    """The pane shows the time in large digits until a key (drawn by the client)."""
    target_client(ctx).ui("clock-mode", pane=ctx.require_target().pane.id)


def suspend_client(ctx: Context, args: Args) -> None:
    """The client stops itself (SIGTSTP, after giving the terminal back) until the shell's ``fg``;
    it stays attached meanwhile, as tmux's."""
    client_named(ctx, args.value("t")).ui("suspend")


def lock_client(ctx: Context, args: Args) -> None:
    """The client runs the session's lock-command in its terminal (/bin/sh; tmux's default is
    ``lock -np``) and comes back when it exits; its screen is drawn again then."""
    client_named(ctx, args.value("t")).lock()


def lock_session(ctx: Context, args: Args) -> None:
    for client in ctx.daemon.clients_of(ctx.require_target().session):
        client.lock()


def lock_server(ctx: Context, args: Args) -> None:
    for client in ctx.daemon.attached_clients():
        client.lock()


def refresh_client(ctx: Context, args: Args) -> None:
    """Draw the client again: all of it, or (-S) its status line. Control-mode flags are
    refused as tmux refuses them for a terminal client; panning (-D -U -L -R -c, a window
    larger than the client) and -l (the terminal's clipboard) have nothing to act on here."""
    if args.has("A") or args.has("B") or args.has("C"):
        raise CommandError("not a control client")
    if args.has("f") or args.has("F"):
        raise CommandError("client flags (-f) are not supported")
    target_client(ctx).redraw(status_only=args.has("S"))


def send_prefix(ctx: Context, args: Args) -> None:
    """The session's prefix key (-2: prefix2) to the pane, as the pane's modes encode it."""
    target = ctx.require_target()
    key = target.session.options.get("prefix2" if args.has("2") else "prefix")
    try:
        target.pane.write(encode_key(str(key), target.pane.key_modes()).encode())
    except UnknownKey:
        pass  # a prefix with no bytes (S-a, S-Tab, a mouse key, None): tmux sends nothing


def command_prompt(ctx: Context, args: Args) -> None:
    """tmux 3.3a's command-prompt: one prompt for each of ``-p``'s comma-separated prompts, each
    starting with the ``-I`` input in the same place (both expanded as formats), asked in turn by
    the client; the answers go into the template (``%1``, ``%%``; with none, the answer is the
    command). Without -p the prompt is ``(first word of the template)``, or ``:``; tmux adds a
    space after each but ``:``. -F expands the template as a format first. How the client takes
    keys: -1 one character, -N digits (any other key ends it and then acts as a key), -i runs
    the template at each change, -k the name of one key (tmux gives these in this order of
    precedence). A client shows one prompt at a time: asked while it shows one, nothing happens.
    The client runs the commands: the CLI never waits for them (tmux waits without -b)."""
    template = args.positional[0] if args.positional else ""
    kind = args.value("T", "command")
    if kind not in PROMPT_TYPES:
        raise CommandError(f"unknown type: {kind}")
    if args.has("p"):
        labels = [label + " " for label in args.value("p").split(",")]
    elif template:
        labels = ["(" + re.split("[ ,]", template, maxsplit=1)[0] + ") "]
    else:
        labels = [":"]
    inputs = args.value("I").split(",") if args.has("I") else []
    questions = [[expand_here(ctx, label), expand_here(ctx, inputs[index]) if index < len(inputs) else ""]
                 for index, label in enumerate(labels)]
    mode = next((mode for flag, mode in (("1", "single"), ("N", "numeric"), ("i", "incremental"), ("k", "key"))
                 if args.has(flag)), "")
    if args.has("F"):
        template = expand_here(ctx, template)
    target_client(ctx).ui("command-prompt", questions=questions, template=template or "%1", mode=mode, type=kind,
                          history=ctx.daemon.prompt_history.lines[kind])


def _prompt_type(args: Args) -> str | None:
    kind = args.value("T")
    if kind is not None and kind not in PROMPT_TYPES:
        raise CommandError(f"invalid type: {kind}")
    return kind


def show_prompt_history(ctx: Context, args: Args) -> Result:
    """Each type's prompt history (-T one type), numbered from the oldest, as tmux prints it."""
    return Result(output=ctx.daemon.prompt_history.show(_prompt_type(args)))


def clear_prompt_history(ctx: Context, args: Args) -> None:
    ctx.daemon.prompt_history.clear(_prompt_type(args))


def confirm_before(ctx: Context, args: Args) -> None:
    """A y/n prompt, ``-p`` or ``Confirm 'COMMAND'? (y/n)`` (the first word); y runs the command.
    -b is taken as tmux's (the CLI never waits for the answer here)."""
    command = " ".join(args.positional)
    prompt = args.value("p") or f"Confirm '{re.split('[ ,]', command, maxsplit=1)[0]}'? (y/n)"
    target_client(ctx).ui("confirm-before", prompt=expand_here(ctx, prompt) + " ", command=command)


def copy_mode(ctx: Context, args: Args) -> None:
    pane = ctx.require_target().pane
    target_client(ctx).ui("copy-mode", pane=pane.id, page_up=args.has("u"))


def display_panes(ctx: Context, args: Args) -> None:
    """Each pane's index over it for a moment; typing the index selects the pane."""
    window = ctx.require_target().window
    panes = {str(window.pane_number(pane)): pane.id for pane in window.ordered_panes()}
    target_client(ctx).ui("display-panes", panes=panes, seconds=args.number("d", 1000, minimum=1, maximum=600_000) / 1000)


def choose(ctx: Context, title: str, template: str, choices: list[tuple[str, str]]) -> None:
    """The client's list to pick from (choose-tree and its kin): each choice is a label and the
    name that fills ``template`` (``%%``, as a ``{ }`` template: the name is never re-parsed)."""
    from tmux_py.cmdline import fill_commands, join_argv

    items = [{"label": label, "command": " ; ".join(join_argv(argv) for argv in fill_commands(template, [name]))}
             for label, name in choices]
    target_client(ctx).ui("choose-tree", title=title, items=items)


def find_window(ctx: Context, args: Args) -> None:
    """The windows whose name (-N), pane titles (-T) or visible pane contents (-C) hold the
    match string (all three unless one is asked for), to pick one, as tmux's find-window:
    ``*match*`` as a glob, or a regular expression with -r; -i ignores case."""
    match = args.positional[0]
    if args.has("r"):
        try:
            pattern = re.compile(match, re.IGNORECASE if args.has("i") else 0)
        except re.error as error:
            raise CommandError(f"bad regular expression: {error}") from None
        found = pattern.search
    else:
        glob = re.compile(fnmatch.translate(f"*{match}*"), re.IGNORECASE if args.has("i") else 0)
        found = glob.match
    where = [flag for flag in "CNT" if args.has(flag)] or ["C", "N", "T"]
    choices = []
    for session in ctx.server.ordered_sessions():
        for window in session.ordered_windows():
            texts = [window.name] if "N" in where else []
            for pane in window.ordered_panes():
                texts += [pane.title] if "T" in where else []
                texts += pane.emulator.capture() if "C" in where else []
            if any(found(text) for text in texts):
                choices.append((f"{session.name}:{window.index}: {window.name}", window.id))
    choose(ctx, f"windows matching {match}", "switch-client -t %%", choices)


def choose_tree(ctx: Context, args: Args) -> None:
    """A list of sessions (-s) or of every window (-w) to pick from; picking runs ``command``."""
    items = []
    for session in ctx.server.ordered_sessions():
        label = f"{session.name}: {len(session.windows)} windows"
        if args.has("s"):
            items.append({"label": label, "command": f"switch-client -t {session.id}"})
            continue
        for window in session.ordered_windows():
            items.append({
                "label": f"{session.name}:{window.index}: {window.name} ({len(window.panes)} panes)",
                "command": f"switch-client -t {window.id}",
            })
    target_client(ctx).ui("choose-tree", title="sessions" if args.has("s") else "windows", items=items)


def chosen_client(ctx: Context, args: Args):
    """-c target-client by name, else the client the command shows things on."""
    return client_named(ctx, args.value("c"))


def client_named(ctx: Context, name: str | None):
    """The attached client called ``name`` (as list-clients names it), else (None) the client
    the command shows things on."""
    if name is None:
        return target_client(ctx)
    client = find_client(ctx, name)
    if client is None:
        raise CommandError(f"can't find client: {name}")
    return client


def find_client(ctx: Context, name: str):
    """The attached client ``name`` names, as tmux's cmd_find_client: its name, with one ``:``
    after it or not (``/dev/pts/1:``, as list-clients prints it), or its tty without /dev/."""
    name = name.removesuffix(":")
    for client in ctx.daemon.attached_clients():
        if name in (client.name, client.name.removeprefix("/dev/")):
            return client
    return None


def _popup_size(args: Args, flag: str, name: str, extent: int) -> int:
    """-w/-h as tmux's args_percentage(1, extent): cells or a percentage of ``extent``;
    default half of it."""
    size = size_argument(args, flag, name)
    if size is None:
        return extent // 2
    cells = extent * size[0] // 100 if size[1] else size[0]
    if cells < 1:
        raise CommandError(f"{name} too small")
    if cells > extent:
        raise CommandError(f"{name} too large")
    return cells


def _border_lines(args: Args, window) -> str:
    """-B (none), else -b, else the window's popup-border-lines; -b is checked as the option is."""
    if args.has("B"):
        return "none"
    lines = args.value("b")
    if lines is None:
        return window.options.get("popup-border-lines")
    if lines not in OPTION_DEFS["popup-border-lines"].choices:
        raise CommandError(f"popup-border-lines unknown value: {lines}")
    return lines


def _popup_style(args: Args, window, option: str, flag: str) -> Style:
    """A popup's style: the window's ``option`` with the ``flag`` style over it (an invalid one
    is ignored, as tmux)."""
    base = Style()
    style = parse_style(window.options.get(option), Style(), base) or base
    if args.has(flag):
        style = parse_style(args.value(flag), style, base) or style
    return style


def display_popup(ctx: Context, args: Args) -> Result | None:
    """tmux 3.3a's display-popup (:mod:`tmux_py.server.popup` says how it lives): the command
    (default-command, else the shell) in a box over the client, -w/-h wide and high (border
    included; cells or %; half the terminal by default), at -x/-y (as display-menu's:
    :func:`~tmux_py.commands.placement.box_position`), -T titled, its border -b lines (-B:
    none) in -S style's colour, its inside's default colours -s style's. -C closes the
    client's popup. Only an attached client can show one.

    As tmux, the command is done when the box goes: the CLI (or a config file, a hook)
    waits, and the CLI exits with the program's status. A key binding's does not wait here:
    the attached client holds its later keys until a binding's command is done (they keep
    their order), and those keys are the ones that close the box."""
    client = chosen_client(ctx, args)
    if args.has("C"):
        if client.popup is not None:
            client.popup.close()
        return
    target = ctx.require_target()
    width = _popup_size(args, "w", "width", client.columns)
    height = _popup_size(args, "h", "height", client.lines)
    x, y = box_position(ctx, client, args, (width, height))
    box = Box(x, y, width, height, _border_lines(args, target.window), expand_here(ctx, args.value("T", "")),
              _popup_style(args, target.window, "popup-border-style", "S").fg,
              _popup_style(args, target.window, "popup-style", "s"))
    argv = ctx.server.shell_argv(args.positional, target.session)
    popup = client.open_popup(box, argv, args.value("d", ctx.cwd), from_flags(args), min(2, args.times.get("E", 0)))
    if popup is None or ctx.client is not None:
        return None
    import asyncio  # not at the top: the CLI loads the command table without asyncio

    closed = asyncio.get_running_loop().create_future()
    popup.waiters.append(closed)
    return Result(wait=_exit_status(closed))


async def _exit_status(closed) -> Result:
    return Result(status=await closed)


ENTRIES = (
    CommandEntry("last-pane", last_pane, aliases=("lastp",), flags="t:", target=WINDOW,
                 usage="[-t target-window]", help="select the previously active pane"),
    CommandEntry("swap-pane", swap_pane, aliases=("swapp",), flags="dDUs:t:", target=PANE,
                 usage="[-dDU] [-s src-pane] [-t dst-pane]", help="swap two panes"),
    CommandEntry("next-window", next_window, aliases=("next",), flags="at:", target=SESSION,
                 usage="[-a] [-t target-session]", help="select the next window"),
    CommandEntry("previous-window", previous_window, aliases=("prev",), flags="at:", target=SESSION,
                 usage="[-a] [-t target-session]", help="select the previous window"),
    CommandEntry("last-window", last_window, aliases=("last",), flags="t:", target=SESSION,
                 usage="[-t target-session]", help="select the previously current window"),
    CommandEntry("rename-window", rename_window, aliases=("renamew",), flags="t:", target=WINDOW,
                 min_args=1, max_args=1, usage="[-t target-window] new-name", help="rename a window"),
    CommandEntry("next-layout", next_layout, aliases=("nextl",), flags="t:", target=WINDOW,
                 usage="[-t target-window]", help="arrange panes in the next preset layout"),
    CommandEntry("previous-layout", previous_layout, aliases=("prevl",), flags="t:", target=WINDOW,
                 usage="[-t target-window]", help="arrange panes in the previous preset layout"),
    CommandEntry("select-layout", select_layout, aliases=("selectl",), flags="Enpt:", target=PANE,
                 max_args=1, usage="[-Enp] [-t target-pane] [layout-name]",
                 help="arrange panes in a preset layout (" + ", ".join(PRESETS) + ")"),
    CommandEntry("switch-client", switch_client, aliases=("switchc",), flags="lnpt:", target=WINDOW,
                 usage="[-lnp] [-t target-session]",
                 help="show another session (or window) in this client: -n/-p next/previous, -l last"),
    CommandEntry("clock-mode", clock_mode, flags="t:", target=PANE, usage="[-t target-pane]",
                 help="show the time in large digits in a pane"),
    CommandEntry("suspend-client", suspend_client, aliases=("suspendc",), flags="t:", target=NO_TARGET,
                 usage="[-t target-client]", help="stop the client until the shell's fg"),
    CommandEntry("lock-client", lock_client, aliases=("lockc",), flags="t:", target=NO_TARGET,
                 usage="[-t target-client]", help="run lock-command in the client, until it exits"),
    CommandEntry("lock-session", lock_session, aliases=("locks",), flags="t:", target=SESSION,
                 usage="[-t target-session]", help="lock every client of the session"),
    CommandEntry("lock-server", lock_server, aliases=("lock",), target=NO_TARGET, help="lock every client"),
    CommandEntry("refresh-client", refresh_client, aliases=("refresh",), flags="A:B:cC:Df:F:lLRSt:U",
                 target=SESSION, max_args=1,
                 usage="[-cDlLRSU] [-A pane:state] [-B name:what:format] [-C XxY] [-f flags] [-t target-client] "
                       "[adjustment]",
                 help="draw a client again (-S: its status line)"),
    CommandEntry("send-prefix", send_prefix, flags="2t:", target=PANE, usage="[-2] [-t target-pane]",
                 help="send the prefix key to a pane"),
    CommandEntry("command-prompt", command_prompt, flags="1bFkiI:Np:t:T:", target=NO_TARGET, max_args=1,
                 usage="[-1bFkiN] [-I inputs] [-p prompts] [-t target-client] [-T type] [template]",
                 help="ask for a command (%% is the answer)"),
    CommandEntry("show-prompt-history", show_prompt_history, aliases=("showphist",), flags="T:", target=NO_TARGET,
                 usage="[-T type]", help="list the prompts' history (-T: one type's)"),
    CommandEntry("clear-prompt-history", clear_prompt_history, aliases=("clearphist",), flags="T:",
                 target=NO_TARGET, usage="[-T type]", help="forget the prompts' history (-T: one type's)"),
    CommandEntry("confirm-before", confirm_before, aliases=("confirm",), flags="bp:t:", target=PANE,
                 min_args=1, max_args=None, usage="[-b] [-p prompt] [-t target-client] command",
                 help="run a command after y"),
    CommandEntry("copy-mode", copy_mode, flags="ut:", target=PANE, usage="[-u] [-t target-pane]",
                 help="scroll a pane's history (search, select, copy)"),
    CommandEntry("display-panes", display_panes, aliases=("displayp",), flags="d:t:", target=WINDOW,
                 usage="[-d duration] [-t target-window]", help="show pane numbers; type one to select it"),
    CommandEntry("find-window", find_window, aliases=("findw",), flags="CiNrt:TZ", target=PANE, min_args=1,
                 max_args=1, usage="[-CiNrTZ] [-t target-pane] match-string",
                 help="pick a window whose name, titles or contents match"),
    CommandEntry("display-popup", display_popup, aliases=("popup",), flags="BCEb:c:d:e:h:s:S:t:T:w:x:y:",
                 target=PANE, max_args=None,
                 usage="[-BCE] [-b border-lines] [-c target-client] [-d start-directory] [-e environment] "
                       "[-h height] [-s style] [-S border-style] [-t target-pane] [-T title] [-w width] "
                       "[-x position] [-y position] [shell-command]",
                 help="run a command in a box over the client"),
    CommandEntry("choose-tree", choose_tree, flags="Zswt:", target=SESSION, usage="[-Zsw] [-t target]",
                 help="pick a session or window from a list"),
)
