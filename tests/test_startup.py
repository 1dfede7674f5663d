"""Start-up: a command imports only what it runs (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]

_PROBE = """
import json, sys
from click.testing import CliRunner
from kharita.cli import cli
result = CliRunner().invoke(cli, ["-q", "extract", "-"], input="قتل شخص في بغداد")
print(json.dumps({"exit": result.exit_code, "modules": sorted(sys.modules)}))
"""


def _probe(script: str, cwd: Path) -> dict[str, Any]:
    """Run ``script`` in a fresh interpreter; its last line is a JSON report."""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=cwd,
    )
    report: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    assert report["exit"] == 0
    return report


def test_startup_extract_loads_no_map_renderer(tmp_path: Path) -> None:
    report = _probe(_PROBE, tmp_path)
    loaded = set(report["modules"])
    assert "kharita.incidents" in loaded  # the probe really extracted
    for heavy in ("folium", "jinja2", "kharita.render", "kharita.cli.map_cmd"):
        assert heavy not in loaded, heavy
    # what only some runs need: worker pools, other outputs, layer import, --online
    for unused in (
        "multiprocessing",
        "concurrent.futures",
        "mgrs",
        "kharita.export.geojson",
        "kharita.export.acled_csv",
        "kharita.store",
        "kharita.layers.importer",
        "kharita.resolve.online",
    ):
        assert unused not in loaded, unused


_SIDE = """
import json, sys
from click.testing import CliRunner
from kharita.cli import cli
text = "سقط صاروخ على معسكر شمالي بابل وقصفت طائرات مواقع في شمال العراق"
result = CliRunner().invoke(cli, ["-q", "extract", "-"], input=text)
print(json.dumps({"exit": result.exit_code, "out": result.output,
                  "modules": sorted(sys.modules)}))
"""


def test_startup_a_side_of_an_area_needs_no_geometry_library(tmp_path: Path) -> None:
    """«شمالي بابل», «شمال العراق» are placed with plain Python: shapely and
    numpy take longer to import than a whole article takes."""
    report = _probe(_SIDE, tmp_path)
    line = next(x for x in report["out"].splitlines() if x.startswith("{"))
    places = json.loads(line)["places"]
    assert any(p["relative"] and p["relative"]["distance_km"] is None for p in places)
    loaded = set(report["modules"])
    assert "shapely" not in loaded and "numpy" not in loaded
