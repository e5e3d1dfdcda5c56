"""Paste buffers: set-buffer, paste-buffer, list-buffers, show-buffer, delete-buffer,
save-buffer, load-buffer.

Buffers are the server's list, newest first, named ``buffer0`` (the newest),
``buffer1``...; buffer-limit bounds the list (``Server.add_buffer``).
paste-buffer -p brackets the text when the pane asked for bracketed paste,
and no ``ESC [ 201 ~`` inside the text can end the bracket early.
"""

from __future__ import annotations

import os

from tmux_py.commands.client import choose
from tmux_py.commands.context import Context
from tmux_py.commands.entry import PANE, Args, CommandEntry, CommandError, Result

BRACKET_START, BRACKET_END = "\x1b[200~", "\x1b[201~"


def _index(ctx: Context, args: Args, missing: str) -> int:
    """The -b buffer's index (default: the newest); CommandError with tmux's wording."""
    buffers = ctx.server.buffers
    name = args.value("b")
    if name is None:
        if not buffers:
            raise CommandError("no buffers")
        return 0
    number = name[len("buffer"):] if name.startswith("buffer") else ""
    if not number.isdigit() or int(number) >= len(buffers):
        raise CommandError(f"{missing} {name}")
    return int(number)


def set_buffer(ctx: Context, args: Args) -> None:
    if args.has("a") and ctx.server.buffers:
        ctx.server.buffers[0] += args.positional[0]
    else:
        ctx.server.add_buffer(args.positional[0])


def paste_buffer(ctx: Context, args: Args) -> None:
    index = _index(ctx, args, "no buffer")
    pane = ctx.require_target().pane
    text = ctx.server.buffers[index]
    if not args.has("r"):
        text = text.replace("\r\n", "\r").replace("\n", "\r")
    if args.has("p") and pane.emulator.modes()["bracketed_paste"]:
        while BRACKET_END in text:  # repeated: removing one must not make another
            text = text.replace(BRACKET_END, "")
        text = BRACKET_START + text + BRACKET_END
    pane.write(text.encode())
    if args.has("d"):
        del ctx.server.buffers[index]


def list_buffers(ctx: Context, args: Args) -> Result:
    return Result([f"buffer{index}: {len(text)} bytes: \"{text[:50]}\"" for index, text in enumerate(ctx.server.buffers)])


def choose_buffer(ctx: Context, args: Args) -> None:
    """The buffers to pick one from; picking runs the template with ``%%`` its name (tmux's
    default pastes it). With no buffers, nothing opens, as tmux."""
    if ctx.server.buffers:
        choices = [(line, line.partition(":")[0]) for line in list_buffers(ctx, args).output]
        choose(ctx, "buffers", args.positional[0] if args.positional else "paste-buffer -p -b '%%'",
               choices[::-1] if args.has("r") else choices)


def show_buffer(ctx: Context, args: Args) -> Result:
    return Result(ctx.server.buffers[_index(ctx, args, "no buffer")].splitlines())


def delete_buffer(ctx: Context, args: Args) -> None:
    del ctx.server.buffers[_index(ctx, args, "unknown buffer:")]


def save_buffer(ctx: Context, args: Args) -> None:
    text = ctx.server.buffers[_index(ctx, args, "no buffer")]
    path = os.path.join(ctx.cwd, os.path.expanduser(args.positional[0]))
    try:
        with open(path, "a" if args.has("a") else "w", encoding="utf-8") as file:
            file.write(text)
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}") from None


def load_buffer(ctx: Context, args: Args) -> None:
    path = os.path.join(ctx.cwd, os.path.expanduser(args.positional[0]))
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            ctx.server.add_buffer(file.read())
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}") from None


ENTRIES = (
    CommandEntry("set-buffer", set_buffer, aliases=("setb",), flags="ab:", min_args=1, max_args=1,
                 usage="[-a] [-b buffer-name] data", help="store text as the newest paste buffer"),
    CommandEntry("paste-buffer", paste_buffer, aliases=("pasteb",), flags="b:dprt:", target=PANE,
                 usage="[-dpr] [-b buffer-name] [-t target-pane]", help="type a paste buffer into a pane"),
    CommandEntry("list-buffers", list_buffers, aliases=("lsb",), help="list paste buffers"),
    CommandEntry("choose-buffer", choose_buffer, flags="NrZt:", target=PANE, max_args=1,
                 usage="[-NrZ] [-t target-pane] [template]", help="pick a paste buffer (and paste it)"),
    CommandEntry("show-buffer", show_buffer, aliases=("showb",), flags="b:", usage="[-b buffer-name]",
                 help="print a paste buffer"),
    CommandEntry("delete-buffer", delete_buffer, aliases=("deleteb",), flags="b:", usage="[-b buffer-name]",
                 help="delete a paste buffer"),
    CommandEntry("save-buffer", save_buffer, aliases=("saveb",), flags="ab:", min_args=1, max_args=1,
                 usage="[-a] [-b buffer-name] path", help="write a paste buffer to a file"),
    CommandEntry("load-buffer", load_buffer, aliases=("loadb",), flags="b:", min_args=1, max_args=1,
                 usage="[-b buffer-name] path", help="read a file into a new paste buffer"),
)
