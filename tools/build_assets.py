"""Vendor the map's JS/CSS and icon glyphs from npm packages into ``render/assets/``.

Run once when upgrading a package (needs npm and the registry, never at map time)::

    mkdir -p NPM_DIR && cd NPM_DIR && npm init -y && npm install --no-audit --no-fund \\
        leaflet@1.9.3 leaflet.markercluster@1.5.3 @fortawesome/fontawesome-free@6.7.2
    python tools/build_assets.py NPM_DIR/node_modules     # from the repository root

It copies the few files the map needs plus each package's licence, converts the
Font Awesome SVGs named in :data:`ICONS` into one small JSON of path data
(``fa-icons.json``), and writes ``VERSIONS.md``.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "kharita"
ASSETS = PACKAGE / "render" / "assets"

FILES = {
    "leaflet": [
        "dist/leaflet.js",
        "dist/leaflet.css",
        "dist/images/layers.png",
        "dist/images/layers-2x.png",
        "LICENSE",
    ],
    "leaflet.markercluster": [
        "dist/leaflet.markercluster.js",
        "dist/MarkerCluster.css",
        "dist/MarkerCluster.Default.css",
        "MIT-LICENCE.txt",
    ],
    "@fortawesome/fontawesome-free": ["LICENSE.txt"],
}
LICENCES = {
    "leaflet": "BSD-2-Clause",
    "leaflet.markercluster": "MIT",
    "@fortawesome/fontawesome-free": "icons CC BY 4.0 (only SVG path data is used)",
}
ICONS = [
    "bomb",
    "burst",
    "explosion",
    "rocket",
    "plane",
    "plane-up",
    "helicopter",
    "crosshairs",
    "gun",
    "person-rifle",
    "person-military-rifle",
    "skull",
    "fire",
    "car-burst",
    "user-secret",
    "handcuffs",
    "people-group",
    "land-mine-on",
    "shield",
    "shield-halved",
    "flag",
    "hand-fist",
    "triangle-exclamation",
    "circle-exclamation",
    "location-dot",
    "jet-fighter",
    "jet-fighter-up",
    "house-crack",
    "building",
    "bullseye",
    "tower-broadcast",
    "person-falling-burst",
    "house-fire",
    "truck-field",
    "road-barrier",
    "user-injured",
    "people-arrows",
    "bullhorn",
    "circle-question",
    "hand",
    "star-of-life",
    "skull-crossbones",
    "mask",
    "user-ninja",
    "gavel",
    "scale-balanced",
    "bolt",
    "circle",
    "tower-observation",
]
VIEWBOX = re.compile(r'viewBox="0 0 (\d+) (\d+)"')
PATH = re.compile(r'<path d="([^"]+)"')


LEXICON_TYPES = PACKAGE / "lexicon" / "incident_types.tsv"


def wanted_icons() -> list[str]:
    """:data:`ICONS` plus every icon named in ``lexicon/incident_types.tsv``."""
    names = list(ICONS)
    if LEXICON_TYPES.is_file():
        rows = [
            ln.split("\t")
            for ln in LEXICON_TYPES.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.startswith("#")
        ]
        column = rows[0].index("icon")
        names += [
            r[column].strip() for r in rows[1:] if len(r) > column and r[column].strip()
        ]
    return sorted(set(names))


def icon_paths(modules: Path) -> dict[str, list[object]]:
    """``name -> [width, height, path d]`` for every icon of :func:`wanted_icons`."""
    root = modules / "@fortawesome/fontawesome-free/svgs/solid"
    out: dict[str, list[object]] = {}
    for name in wanted_icons():
        svg = (root / f"{name}.svg").read_text(encoding="utf-8")
        box, path = VIEWBOX.search(svg), PATH.search(svg)
        if not box or not path:
            raise SystemExit(f"cannot parse {name}.svg")
        out[name] = [int(box.group(1)), int(box.group(2)), path.group(1)]
    return out


def main(argv: list[str]) -> int:
    modules = Path(argv[1] if len(argv) > 1 else "node_modules")
    lines = [
        "# Vendored map assets",
        "",
        "Written by `python tools/build_assets.py`.",
        "",
        "| package | version | licence | files |",
        "| --- | --- | --- | --- |",
    ]
    for package, files in FILES.items():
        version = json.loads((modules / package / "package.json").read_text())[
            "version"
        ]
        target = ASSETS / package.replace("@fortawesome/", "")
        target.mkdir(parents=True, exist_ok=True)
        for rel in files:
            shutil.copyfile(modules / package / rel, target / Path(rel).name)
        names = ", ".join(Path(r).name for r in files)
        lines.append(f"| {package} | {version} | {LICENCES[package]} | {names} |")
    icons = icon_paths(modules)
    (ASSETS / "fa-icons.json").write_text(
        json.dumps(icons, separators=(",", ":")), encoding="utf-8"
    )
    lines += [
        "",
        f"`fa-icons.json`: SVG path data of {len(icons)} Font Awesome Free solid icons "
        "(CC BY 4.0, attribution in the map's attribution control).",
        "",
    ]
    (ASSETS / "VERSIONS.md").write_text("\n".join(lines), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
