"""The tmux command language, as config files, key bindings and the ``:`` prompt write it.

Text becomes a list of :class:`ParsedCommand` (an argv and the line it starts
on), following tmux 3.3a's parser (``cmd-parse.y``) for what configs use:

- one command per line; ``;`` ends a command (``a;b`` is two), while ``\\;``
  is a literal ``;`` argument (``bind x split-window \\; select-pane`` hands
  ``;`` to bind-key, which splits its command there);
- ``#`` starts a comment where a word could start (``a#b`` is one word);
- a backslash before a newline joins the lines, even inside quotes;
- ``'...'`` is literal; ``"..."`` and bare words take escapes (``\\n``,
  ``\\t``, ``\\e``, ``\\101``, ``\\u00e9``; any other ``\\c`` is ``c``) and
  ``$NAME`` / ``${NAME}``; a word starting with ``~`` gets the home directory;
- ``{ ... }`` is one argument: the commands inside, checked as commands and
  joined by `` ; `` (tmux 3.3a's own rendering joins lines with ``;;``), kept as a
  :class:`Block` so that it prints back in braces, as tmux lists it.

:func:`escape_argument` quotes a word the way tmux prints it (``show-options``,
``list-keys``: tmux's ``args_escape``). :func:`fill_commands` puts a prompt's
answers into a command template (``%%``, ``%1``), :func:`fill_template` into its text. Pure: the client and the
daemon both use it.
"""

from __future__ import annotations

import os
import pwd
from dataclasses import dataclass

#: tmux's escapes after a backslash (outside single quotes).
_ESCAPES = {"a": "\a", "b": "\b", "e": "\x1b", "f": "\f", "n": "\n", "r": "\r", "s": " ", "t": "\t", "v": "\v"}
_WORD_END = " \t\n;"


class CommandLineError(ValueError):
    """Text the parser cannot read (an unclosed quote or brace); ``line`` is 1-based."""

    def __init__(self, message: str, line: int = 1) -> None:
        super().__init__(message)
        self.line = line


class Block(str):
    """A ``{ ... }`` argument: the commands inside as one string (a ``str`` everywhere), printed
    back in braces by :func:`escape_argument`, as tmux prints a command-list argument."""


@dataclass
class ParsedCommand:
    argv: list[str]
    line: int


class _Lexer:
    """Reads words and separators from the text, tracking the line number."""

    def __init__(self, text: str, environ: dict[str, str] | None) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.environ = os.environ if environ is None else environ

    def peek(self) -> str:
        # A backslash-newline vanishes wherever it is (tmux joins the lines first).
        while self.text.startswith("\\\n", self.pos):
            self.pos += 2
            self.line += 1
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def take(self) -> str:
        char = self.peek()
        if char:
            self.pos += 1
            if char == "\n":
                self.line += 1
        return char

    # --- tokens -------------------------------------------------------------

    def token(self) -> tuple[str, str | None]:
        """The next token: ("word", text), ("end", None) for ; or newline, ("eof", None),
        ("open", None) for a ``{`` word and ("close", None) for a ``}`` word."""
        while True:
            char = self.peek()
            if char in (" ", "\t", "\r"):
                self.take()
                continue
            if char == "#":
                while self.peek() not in ("\n", ""):
                    self.take()
                continue
            break
        if char == "":
            return "eof", None
        if char in ("\n", ";"):
            self.take()
            return "end", None
        if char in "{}" and self._alone(self.pos + 1):
            self.take()
            return ("open" if char == "{" else "close"), None
        return "word", self._word()

    def _alone(self, after: int) -> bool:
        """The character before ``after`` is a whole word (a brace, not part of ``{x}``)."""
        return after >= len(self.text) or self.text[after] in _WORD_END or self.text.startswith("\\\n", after)

    def _word(self) -> str:
        start_line = self.line
        parts: list[str] = []
        if self.peek() == "~":
            self.take()
            parts.append(self._home())
        while True:
            char = self.peek()
            if char == "" or char in _WORD_END:
                return "".join(parts)
            self.take()
            if char == "'":
                parts.append(self._quoted("'", start_line))
            elif char == '"':
                if self.peek() == "~" and not parts:
                    self.take()
                    parts.append(self._home())
                parts.append(self._quoted('"', start_line))
            elif char == "\\":
                parts.append(self._escape())
            elif char == "$":
                parts.append(self._variable())
            else:
                parts.append(char)

    def _quoted(self, quote: str, start_line: int) -> str:
        parts: list[str] = []
        while True:
            char = self.take()
            if char == "":
                raise CommandLineError("syntax error (unclosed quote)", start_line)
            if char == quote:
                return "".join(parts)
            if quote == '"' and char == "\\":
                parts.append(self._escape())
            elif quote == '"' and char == "$":
                parts.append(self._variable())
            else:
                parts.append(char)

    def _escape(self) -> str:
        char = self.take()
        if char == "":
            return "\\"
        if char in _ESCAPES:
            return _ESCAPES[char]
        if char in "01234567":
            digits = char
            while len(digits) < 3 and self.peek() and self.peek() in "01234567":
                digits += self.take()
            return chr(int(digits, 8) & 0xFF) if len(digits) == 3 else digits
        if char in "uU":
            size = 4 if char == "u" else 8
            digits = self.text[self.pos:self.pos + size]
            try:
                value = chr(int(digits, 16))
            except (ValueError, OverflowError):
                raise CommandLineError(f"invalid \\{char} argument", self.line) from None
            self.pos += size
            return value
        return char

    def _variable(self) -> str:
        if self.peek() == "{":
            end = self.text.find("}", self.pos)
            if end < 0:
                raise CommandLineError("syntax error (unclosed ${)", self.line)
            name = self.text[self.pos + 1:end]
            self.pos = end + 1
            return self.environ.get(name, "")
        if not _starts_name(self.peek()):
            return "$"  # $1, $(, $ : no variable, as in tmux
        name = ""
        while (char := self.peek()) and (char.isalnum() or char == "_"):
            name += self.take()
        return self.environ.get(name, "")

    def _home(self) -> str:
        """``~`` or ``~user`` at the start of a word."""
        user = ""
        while (char := self.peek()) and char not in _WORD_END and char not in "/'\"\\$":
            user += self.take()
        if not user:
            return self.environ.get("HOME") or os.path.expanduser("~")
        try:
            return pwd.getpwnam(user).pw_dir
        except KeyError:
            return "~" + user


def _parse(lexer: _Lexer, *, in_block: bool) -> list[ParsedCommand]:
    commands: list[ParsedCommand] = []
    argv: list[str] = []
    line = lexer.line

    def finish() -> None:
        nonlocal argv
        if argv:
            commands.append(ParsedCommand(argv, line))
        argv = []

    while True:
        start = lexer.line
        kind, value = lexer.token()
        if kind == "eof":
            if in_block:
                raise CommandLineError("syntax error (unclosed {)", start)
            finish()
            return commands
        if kind == "close":
            if not in_block:
                raise CommandLineError("syntax error (unexpected })", start)
            finish()
            return commands
        if kind == "end":
            finish()
            continue
        if not argv:
            line = start
        if kind == "open":
            inner = _parse(lexer, in_block=True)
            argv.append(Block(" ; ".join(join_argv(command.argv) for command in inner)))
        else:
            argv.append(value)


def parse_commands(text: str, environ: dict[str, str] | None = None) -> list[ParsedCommand]:
    """Every command in ``text`` (a config file, a binding, a prompt line), with its line."""
    return _parse(_Lexer(text, environ), in_block=False)


def split_arguments(argv: list[str]) -> list[list[str]]:
    """A command list given as arguments (``split-window ; select-pane``) -> one argv each.

    This is how bind-key and the CLI treat a lone ``;`` argument (tmux's ``\\;``).
    """
    commands: list[list[str]] = [[]]
    for word in argv:
        if not word.endswith(";"):
            commands[-1].append(word)
        elif word.endswith("\\;"):
            commands[-1].append(word[:-2] + ";")  # an escaped ; stays, unescaped
        else:
            if word[:-1]:
                commands[-1].append(word[:-1])
            commands.append([])
    return [command for command in commands if command]


def split_command(command: str) -> list[str]:
    """The argv of a string holding one command (an error if it holds none or several)."""
    parsed = split_commands(command)
    if len(parsed) != 1:
        raise CommandLineError(f"{command!r}: {'no command' if not parsed else 'more than one command'}")
    return parsed[0]


def split_commands(command: str) -> list[list[str]]:
    """The argvs of a command string (a binding or a prompt line); errors name the string."""
    try:
        return [parsed.argv for parsed in parse_commands(command)]
    except CommandLineError as error:
        raise CommandLineError(f"{command!r}: {error}", error.line) from None


# --- printing words back -------------------------------------------------------------

_DQUOTED = " #';${}%"
_SQUOTED = ' "'
_VIS = {"\t": "\\t", "\n": "\\n", "\r": "\\r", "\a": "\\a", "\b": "\\b", "\v": "\\v", "\f": "\\f", "\\": "\\\\"}


def _starts_name(char: str) -> bool:
    """A variable's name starts with an ASCII letter or ``_`` (tmux's isalpha in the C locale)."""
    return char == "_" or (char.isascii() and char.isalpha())


def _vis(text: str, double: bool) -> str:
    out = []
    for index, char in enumerate(text):
        following = text[index + 1:index + 2]
        if char in _VIS:
            out.append(_VIS[char])
        elif double and (char == '"' or (char == "$" and (_starts_name(following) or following == "{"))):
            # A $ is escaped only where the parser would expand it ($NAME, ${NAME}), as tmux prints.
            out.append("\\" + char)
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\{ord(char):03o}")
        else:
            out.append(char)
    return "".join(out)


def escape_argument(text: str) -> str:
    """A word quoted so that tmux's parser reads it back unchanged, as tmux prints it."""
    if isinstance(text, Block):
        return f"{{ {text} }}"
    if text == "":
        return "''"
    if any(char in _DQUOTED for char in text):
        quote = '"'
    elif any(char in _SQUOTED for char in text):
        quote = "'"
    else:
        quote = ""
    if len(text) == 1 and text != " " and (quote or text == "~"):
        return "\\" + text
    escaped = _vis(text, quote == '"')
    tilde = "\\" if escaped.startswith("~") else ""
    if quote == "'":
        return f"'{escaped}'"
    if quote == '"':
        return f'"{tilde}{escaped}"'
    return tilde + escaped


def join_argv(argv: list[str]) -> str:
    """An argv as one command string, each word escaped as tmux prints it (``;`` as ``\\;``)."""
    return " ".join(escape_argument(word) for word in argv)


# --- prompt templates ----------------------------------------------------------------

#: What ``%%%`` and ``%1%`` escape with a backslash (tmux 3.3a's cmd_template_replace).
_TEMPLATE_QUOTED = '"\\$;~'


def _replace_one(template: str, answer: str, index: int, escape: bool = True) -> str:
    """tmux's cmd_template_replace: every ``%index`` and the first ``%%`` become ``answer``; a
    third ``%`` after either (``%%%``, ``%1%``) escapes the characters the parser would read
    (with ``escape``; else it only goes)."""
    out: list[str] = []
    replaced = False
    position = 0
    while position < len(template):
        char, following = template[position], template[position + 1:position + 2]
        position += 1
        numbered = 1 <= index <= 9 and following == str(index)
        if char != "%" or not (numbered or (following == "%" and not replaced)):
            out.append(char)
            continue
        replaced = replaced or not numbered
        third = template[position + 1:position + 2] == "%"
        position += 2 if third else 1
        out.append("".join("\\" + c if escape and third and c in _TEMPLATE_QUOTED else c for c in answer))
    return "".join(out)


def _handed_over(answers: list[str]) -> list[str]:
    # tmux 3.3a hands the last answer over twice.
    return [*answers, *answers[-1:]]


def fill_template(template: str, answers: list[str]) -> str:
    """A command template with a prompt's answers in it, as tmux 3.3a's command-prompt: answer N
    replaces ``%N`` and the first ``%%`` left, in turn. tmux 3.3a hands the last answer over twice,
    so with one prompt ``"%% %%"`` is the answer twice, with two ``%3`` is the second."""
    for index, answer in enumerate(_handed_over(answers), start=1):
        template = _replace_one(template, answer, index)
    return template


def fill_commands(template: str, answers: list[str]) -> list[list[str]]:
    """The commands a prompt's answers make of ``template``, filled as tmux 3.3a fills a ``{ ... }``
    template (args_make_commands): the template is parsed first and the answers go into each
    argument as it is, in turn as :func:`fill_template`'s, so an answer is never read by the
    parser (``a"b``, ``$HOME``, ``~``, ``a\\b`` stay as typed) and ``%%%`` is ``%%``. A template
    whose command names hold a ``%`` (``%1``, no template: the answer is the command) is filled
    as text and then parsed. Raises :class:`CommandLineError`."""
    argvs = split_commands(template)
    if any("%" in argv[0] for argv in argvs if argv):
        return split_commands(fill_template(template, answers))
    filled = []
    for argv in argvs:
        words = argv[1:]
        for index, answer in enumerate(_handed_over(answers), start=1):
            # A Block stays one: the daemon parses its commands when they run.
            words = [type(word)(_replace_one(word, answer, index, escape=False)) for word in words]
        filled.append(argv[:1] + words)
    return filled
