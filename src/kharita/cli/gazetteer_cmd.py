"""``kharita gazetteer``: check the gazetteer; import, list and remove user layers."""

from __future__ import annotations

from pathlib import Path

import click

from ..gazetteer_check import GazetteerReport, check_gazetteer
from ..geo import boundaries_path
from ..layers import FORMATS, data_dir, import_files, list_layers, remove_layer


@click.group("gazetteer")
def gazetteer() -> None:
    """Inspect the offline gazetteer and manage your own layers."""


def _print_report(report: GazetteerReport) -> None:
    click.echo(f"{report.directory}: {report.total} places")
    for layer, count in sorted(report.by_layer.items()):
        click.echo(f"  layer {layer}: {count}")
    for kind, count in sorted(report.by_type.items()):
        click.echo(f"  type {kind}: {count}")
    for problem in report.problems:
        click.echo(str(problem))
    click.echo(f"{len(report.errors)} errors, {len(report.warnings)} warnings")


@gazetteer.command("check")
@click.option(
    "--directory",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Gazetteer folder (default: $KHARITA_GAZETTEER or the shipped one, plus your layers).",
)
def check(directory: Path | None) -> None:
    """Count rows per layer and type and list every problem; exit 1 on errors."""
    reports = [check_gazetteer(directory)]
    if directory is None:
        boundaries = boundaries_path()
        reports += [check_gazetteer(i.path, boundaries) for i in list_layers()]
    for report in reports:
        _print_report(report)
    if any(r.errors for r in reports):
        raise SystemExit(1)


@gazetteer.command("import")
@click.argument(
    "files",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="auto",
    show_default=True,
    help="File format; auto decides from the name and content.",
)
@click.option("--layer", help="Layer name (default: the first file's name).")
@click.option("--licence", help="Licence of the data, kept with the layer.")
def import_command(
    files: tuple[Path, ...], fmt: str, layer: str | None, licence: str | None
) -> None:
    """Import GeoNames, COD-AB, GeoJSON or CSV files as a layer (replacing one of the same name)."""
    report = import_files(list(files), fmt=fmt, layer=layer, licence=licence)
    for problem in report.problems:
        click.echo(problem, err=True)
    info = report.layer
    click.echo(
        f"layer {info.name}: {info.places} places, {info.areas} areas"
        f" ({report.skipped} rows of other feature types skipped,"
        f" {len(report.problems)} problems) in {info.path}"
    )


@gazetteer.command("layers")
def layers_command() -> None:
    """List your layers: name, places, areas, files, licence."""
    found = list_layers()
    if not found:
        click.echo(f"no layers in {data_dir()}")
    for info in found:
        files = ", ".join(f"{f.name} ({f.format})" for f in info.files)
        licence = info.licence or "licence not stated"
        click.echo(
            f"{info.name}\t{info.places} places\t{info.areas} areas\t{files}\t{licence}"
        )


@gazetteer.command("remove")
@click.argument("name")
def remove_command(name: str) -> None:
    """Delete layer NAME from your data folder."""
    info = remove_layer(name)
    click.echo(f"removed layer {info.name} ({info.places} places)")
