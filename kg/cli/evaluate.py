"""CLI commands for this area (filled in by its issue)."""
import click

COMMANDS: list[click.Command] = []
