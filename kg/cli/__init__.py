"""The ``kg`` command line: a thin face over the library (each command calls one function of ``kg``)."""
from __future__ import annotations

import sys
import warnings
from typing import TextIO

import click

from kg.errors import KgError, KgWarning

from . import analytics, build, evaluate, query, viz

_MODULES = (build, query, viz, analytics, evaluate)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.version_option(package_name="ampere-kg")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Build and explore a knowledge graph from text documents."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


for _module in _MODULES:
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def _show_warning(message: Warning | str, category: type[Warning], filename: str, lineno: int,
                  file: TextIO | None = None, line: str | None = None) -> None:
    """Print kg's own warnings as one ``warning: ...`` line; others as Python does."""
    if issubclass(category, KgWarning):
        click.echo(f"warning: {message}", err=True)
    else:
        _PYTHON_SHOW_WARNING(message, category, filename, lineno, file, line)


_PYTHON_SHOW_WARNING = warnings.showwarning


def main() -> None:
    """Entry point: run the CLI; user errors become one line on stderr and exit code 2."""
    warnings.showwarning = _show_warning
    try:
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
