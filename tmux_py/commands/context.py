"""What a command's handler is given: the daemon, who asked, and the resolved target."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tmux_py.commands.entry import CommandError

if TYPE_CHECKING:
    from tmux_py.server.model import Server, Target


@dataclass
class Context:
    daemon: Any  # tmux_py.server.daemon.Daemon (not imported: commands stay light)
    client: Any | None  # the attached client that ran it (a key binding, the prompt), else None
    cwd: str
    current: Target | None  # where the caller is: its $TMUXPY pane, or its attached window
    tty: bool  # the CLI that asked runs on a terminal (it can attach)
    target: Target | None = None
    #: Why ``target`` is None: what :meth:`require_target` says (a target that may fail, not found).
    target_error: str = "no current target"
    #: How many source-file levels deep this runs (0: the CLI, a binding or the prompt).
    depth: int = 0
    #: The environment of the CLI that asked (empty for bindings, the prompt and config files).
    environment: dict[str, str] = field(default_factory=dict)
    #: False for the commands a hook runs (and what they run): they run no after-hooks and their
    #: events notify nothing, as tmux's CMDQ_STATE_NOHOOKS (so a hook cannot set itself off).
    hooks: bool = True
    #: Format variables a hook gives its commands (#{hook}, #{hook_session}, ...), as tmux's
    #: cmdq_add_format.
    formats: dict[str, str] = field(default_factory=dict)
    #: Who runs it, as show-messages names them (``client-PID``, an attached client's tty);
    #: empty for the config file and hooks, whose commands tmux logs under no client.
    caller: str = ""

    @property
    def server(self) -> Server:
        return self.daemon.server

    def nested(self) -> Context:
        """A context for commands this one runs (source-file's lines, if-shell's branches): same
        caller, place and hook state, no terminal, one level deeper."""
        return Context(daemon=self.daemon, client=self.client, cwd=self.cwd, current=self.current, tty=False,
                       depth=self.depth + 1, hooks=self.hooks, formats=self.formats, caller=self.caller)

    def attached_client(self) -> Any | None:
        """The client a command shows things on (tmux's target client): the one that ran it,
        else the newest attached to the target's session (any session's, with no target)."""
        if self.client is not None:
            return self.client
        session = self.target.session if self.target else None
        clients = [client for client in self.daemon.attached_clients() if session is None or client.session is session]
        return max(clients, key=lambda client: client.created, default=None)

    def require_target(self) -> Target:
        if self.target is None:
            raise CommandError(self.target_error)
        return self.target
