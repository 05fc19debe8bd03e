"""Options every ``kg`` command shares: the build folder (``--build``, with the old spellings as
hidden deprecated aliases), and ``-v/--verbose`` / ``-q/--quiet``.

Verbosity is kept on the click context (:func:`quiet`, :func:`verbose`) and sets the level of the
``kg`` logger, whose INFO lines (files read, time taken) go to stderr with ``-v``.
"""
from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from kg.errors import InputError

F = TypeVar("F", bound=Callable[..., Any])
BUILD_HELP = "Build folder (written by kg build) or one RDF file."
_LEVEL_KEY = "kg.verbosity"  # -1 quiet, 0 normal, 1 verbose
_LOG_FORMAT = "kg: %(message)s"


def verbosity() -> int:
    """-1 with ``--quiet``, 1 with ``--verbose``, else 0 (also outside a command)."""
    ctx = click.get_current_context(silent=True)
    return int(ctx.meta.get(_LEVEL_KEY, 0)) if ctx is not None else 0


def quiet() -> bool:
    """Whether the running command was given ``-q/--quiet``."""
    return verbosity() < 0


def say(message: str) -> None:
    """A line of the command's report on stdout ("wrote ...", "pushed ..."), left out with
    ``--quiet``."""
    if not quiet():
        click.echo(message)


def _set_level(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value:
        return
    level = 1 if param.name == "verbose" else -1
    if ctx.meta.get(_LEVEL_KEY, 0) not in (0, level):
        raise click.UsageError("give -v/--verbose or -q/--quiet, not both")
    ctx.meta[_LEVEL_KEY] = level


class _EchoHandler(logging.Handler):
    """Log lines to whatever stderr is now (click.echo looks it up on each call)."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(self.format(record), err=True)


def _configure_logging(level: int) -> None:
    """Route the ``kg`` logger to stderr: INFO with -v, WARNING otherwise."""
    logger = logging.getLogger("kg")
    if not any(isinstance(h, _EchoHandler) for h in logger.handlers):
        handler = _EchoHandler()
        handler.setFormatter(logging.Formatter(_LOG_FORMAT))
        logger.addHandler(handler)
        logger.propagate = False
    logger.setLevel(logging.INFO if level > 0 else logging.WARNING)


def verbosity_options(command: F) -> F:
    """Add ``-v/--verbose`` and ``-q/--quiet`` to a command; with -v, log how long it took."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        level = verbosity()
        _configure_logging(level)
        start = time.perf_counter()
        result = command(*args, **kwargs)
        logging.getLogger("kg").info("done in %.2f s", time.perf_counter() - start)
        return result

    run = click.option("--quiet", "-q", is_flag=True, expose_value=False, is_eager=True,
                       callback=_set_level,
                       help="Print only the answer, warnings and errors.")(run)
    run = click.option("--verbose", "-v", is_flag=True, expose_value=False, is_eager=True,
                       callback=_set_level,
                       help="Also print what is read and how long it takes (on stderr).")(run)
    return run  # type: ignore[return-value]


def build_option(*deprecated: str, dest: str = "build", help: str = BUILD_HELP) -> Callable[[F], F]:
    """Add ``--build PATH`` (default ``build``) as the keyword ``dest``; each name in
    ``deprecated`` (``"--graph"``) still works, hidden, with a one-line note on stderr."""

    def decorate(command: F) -> F:
        @functools.wraps(command)
        def run(*args: Any, **kwargs: Any) -> Any:
            ctx = click.get_current_context()
            given = [(name, kwargs.pop(_alias_key(name))) for name in deprecated]
            used = [(name, value) for name, value in given if value is not None]
            explicit = ctx.get_parameter_source(dest) == click.core.ParameterSource.COMMANDLINE
            if len(used) + explicit > 1:
                names = ["--build"] * explicit + [name for name, _ in used]
                raise InputError(f"{' and '.join(names)} name the same folder: give only --build")
            for name, value in used:
                click.echo(f"note: {name} is deprecated, use --build", err=True)
                kwargs[dest] = value
            return command(*args, **kwargs)

        for name in deprecated:
            run = click.option(name, _alias_key(name), type=click.Path(path_type=Path), default=None,
                               hidden=True)(run)
        run = click.option("--build", "-b", dest, type=click.Path(path_type=Path),
                           default=Path("build"), show_default=True, help=help)(run)
        return run  # type: ignore[return-value]

    return decorate


def _alias_key(name: str) -> str:
    return "deprecated_" + name.lstrip("-").replace("-", "_")
