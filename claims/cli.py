"""The `claims` command: a thin layer over the library functions that do the work."""

from __future__ import annotations

import click

from claims import __version__


@click.group()
@click.version_option(__version__, prog_name="claims")
def cli():
    """Track the numbers in the news."""
