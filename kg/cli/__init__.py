"""The ``kg`` command line: a thin face over the library (each command calls one function of ``kg``).

A command's module is imported only when that command runs (or ``kg --help`` lists them all), so
that ``kg query`` does not pay for the imports of ``kg build`` or ``kg stats``.
"""
from __future__ import annotations

import importlib
import sys
import warnings
from typing import Any

import click

from kg.errors import KgError, KgWarning

# command name -> the module of kg.cli that defines it (in its COMMANDS)
COMMAND_MODULES = {"build": "build", "query": "query", "serve": "query", "push": "query",
                   "viz": "viz", "stats": "analytics", "path": "analytics", "export": "analytics",
                   "eval": "evaluate"}


class LazyGroup(click.Group):
    """A group whose commands are imported from their modules when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMAND_MODULES)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMAND_MODULES.get(cmd_name)
        if module is None:
            return None
        commands: list[click.Command] = importlib.import_module(f"{__name__}.{module}").COMMANDS
        return next(command for command in commands if command.name == cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]},
             invoke_without_command=True)
@click.version_option(package_name="ampere-kg")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Build and explore a knowledge graph from text documents."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: Any = None, line: str | None = None) -> None:
    """``warning: <message>`` on stderr for a KgWarning; Python's usual form for any other."""
    if issubclass(category, KgWarning):
        click.echo(f"warning: {message}", err=True)
    else:
        sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def main() -> None:
    """Entry point: run the CLI; user errors become one line on stderr and exit code 2, and
    input warnings one ``warning:`` line each."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", KgWarning)
            warnings.showwarning = _show_warning
            code = cli.main(standalone_mode=False)
        if isinstance(code, int):
            sys.exit(code)
    except KgError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(2)
    except click.exceptions.Exit as err:
        sys.exit(err.exit_code)
