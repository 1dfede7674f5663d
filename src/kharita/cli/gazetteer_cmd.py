"""``kharita gazetteer check``: validate the gazetteer files and print what they hold."""

from __future__ import annotations

from pathlib import Path

import click

from ..gazetteer_check import check_gazetteer


@click.group("gazetteer")
def gazetteer() -> None:
    """Inspect and validate the offline gazetteer."""


@gazetteer.command("check")
@click.option(
    "--directory",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Gazetteer folder (default: $KHARITA_GAZETTEER or the shipped one).",
)
def check(directory: Path | None) -> None:
    """Count rows per layer and type and list every problem; exit 1 on errors."""
    report = check_gazetteer(directory)
    click.echo(f"{report.directory}: {report.total} places")
    for layer, count in sorted(report.by_layer.items()):
        click.echo(f"  layer {layer}: {count}")
    for kind, count in sorted(report.by_type.items()):
        click.echo(f"  type {kind}: {count}")
    for problem in report.problems:
        click.echo(str(problem))
    click.echo(f"{len(report.errors)} errors, {len(report.warnings)} warnings")
    if report.errors:
        raise SystemExit(1)
