"""Fuzz: arbitrary records through ingest -> pipeline -> every output.

Any JSON value in any field, any bytes on a line, any CSV shape, any file
bytes.  Whatever comes in: no traceback, an exit code of 0 or 1, every record
either in the output or named once on stderr as ``file:record``, every good
record kept, and every output file readable.  The number of examples is
bounded so the test runs in CI in seconds.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kharita.cli import cli
from kharita.ingest import iter_articles
from kharita.models import Article, RecordError

FIELDS = ("id", "text", "lang", "outlet", "url", "date", "title", "other")
ARABIC = [
    "قصف جوي استهدف قاعدة كالسو في محافظة بابل",
    "انفجار عبوة ناسفة في الرمادي أسفر عن مقتل شخصين",
    "Rockets hit Ain al-Asad airbase in Anbar on 2024-04-20",
]
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

any_text = st.text(alphabet=st.characters(exclude_categories=()), max_size=40)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | any_text
    | st.sampled_from(ARABIC)
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3)
    ),
    max_leaves=6,
)
records = st.dictionaries(st.sampled_from(FIELDS), json_values, max_size=6)
special_lines = st.sampled_from(
    [
        b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
        b'{"id": ' + b"9" * 5000 + b', "text": "x y"}',
        b'{"text": "\\ud83d"}',
        b"\xff\xfe\x00",
        b"{not json",
    ]
)


def _not_blank(raw: bytes) -> bool:
    try:
        return bool(raw.decode("utf-8-sig").strip())
    except UnicodeDecodeError:
        return True


raw_lines = (
    st.binary(max_size=60).map(lambda b: b.replace(b"\n", b" ")).filter(_not_blank)
)
fuzz_lines = st.one_of(
    records.map(lambda r: json.dumps(r, ensure_ascii=True).encode()),
    raw_lines,
    special_lines,
)


def _good(n: int, text: str) -> bytes:
    return json.dumps({"id": f"good-{n}", "text": text}, ensure_ascii=False).encode()


def _extract(folder: Path, inputs: list[str]) -> tuple[int, list[dict], list[str]]:  # type: ignore[type-arg]
    out = folder / "out"
    result = CliRunner().invoke(
        cli,
        [
            "extract",
            *inputs,
            "-o",
            str(out / "r.jsonl"),
            "--geojson",
            str(out / "i.geojson"),
            "--places-geojson",
            str(out / "p.geojson"),
            "--csv",
            str(out / "i.csv"),
            "--db",
            str(out / "k.db"),
        ],  # fmt: skip
        catch_exceptions=False,
    )
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    lines = (out / "r.jsonl").read_text(encoding="utf-8").splitlines()
    for name in ("i.geojson", "p.geojson"):
        assert (
            json.loads((out / name).read_text(encoding="utf-8"))["type"]
            == "FeatureCollection"
        )
    with (out / "i.csv").open(encoding="utf-8", newline="") as fh:
        list(csv.reader(fh))
    conn = sqlite3.connect(out / "k.db")
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    errors = result.stderr.splitlines()[:-1]  # the last line is the summary
    return result.exit_code, [json.loads(line) for line in lines], errors


@FUZZ
@given(
    st.lists(
        st.one_of(fuzz_lines, st.sampled_from(ARABIC).map(lambda t: t.encode())),
        min_size=1,
        max_size=8,
    )
)
def test_fuzz_jsonl_records_through_every_output(lines: list[bytes]) -> None:
    goods = {
        f"good-{n}"
        for n, line in enumerate(lines)
        if line.decode("utf-8", "replace") in ARABIC
    }
    body = [
        _good(n, line.decode()) if f"good-{n}" in goods else line
        for n, line in enumerate(lines)
    ]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        path.write_bytes(b"\n".join(body) + b"\n")
        code, results, errors = _extract(Path(tmp), [str(path)])
    named = [e.split(": ", 1)[0] for e in errors]
    assert len(named) == len(set(named))  # each bad record named once
    assert all(n.startswith(f"{path}:") for n in named)
    assert len(results) + len(errors) == len(body)  # nothing lost, nothing doubled
    assert goods <= {r["id"] for r in results}  # every good record kept
    assert code == (1 if errors else 0)


csv_cells = st.text(alphabet=st.sampled_from('ab ,"\n\r\tقصف=+-'), max_size=12)


@FUZZ
@given(
    header=st.lists(
        st.sampled_from(["id", "text", "lang", "outlet", "", "x"]),
        min_size=1,
        max_size=4,
    ),
    rows=st.lists(st.lists(csv_cells, max_size=5), max_size=5),
    raw_tail=csv_cells,
)
def test_fuzz_csv_any_shape(
    header: list[str], rows: list[list[str]], raw_tail: str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.csv"
        with path.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([header, *rows])
            fh.write(raw_tail)
        records = list(iter_articles([path]))
        assert all(isinstance(r, Article | RecordError) for r in records)
        code, results, errors = _extract(Path(tmp), [str(path)])
    assert len(results) == sum(isinstance(r, Article) for r in records)
    assert len(errors) == sum(isinstance(r, RecordError) for r in records)
    assert code == (1 if errors else 0)


@FUZZ
@given(
    data=st.binary(max_size=300),
    suffix=st.sampled_from([".json", ".txt", ".csv", ".html", ".jsonl"]),
)
def test_fuzz_any_file_bytes(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"in{suffix}"
        path.write_bytes(data)
        records = list(iter_articles([path], max_bytes=200))
    for record in records:
        assert isinstance(record, Article | RecordError)
        if isinstance(record, RecordError):
            assert record.path == str(path) and "\n" not in record.message
