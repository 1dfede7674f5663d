"""Outputs checked before the work, exit codes, signals, reproducible and safe outputs."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from factories import make_article, make_incident, make_resolved, make_source
from kharita.cli import cli
from kharita.export.acled_csv import incident_row
from kharita.render import render_map

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEED = EXAMPLES / "en-sample.txt"


def _run(args: list[str], stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)


def test_cli_output_equal_to_an_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": "قصف في بغداد"}, ensure_ascii=False) + "\n")
    before = source.read_bytes()
    for args in (["extract", str(source), "-o", str(source)],
                 ["map", str(source), "--csv", str(source)]):  # fmt: skip
        result = _run(args)
        assert result.exit_code == 2
        assert result.stderr.strip().splitlines() == [
            f"Error: {source} is also an input; choose another output file"
        ]
    assert source.read_bytes() == before


@pytest.mark.parametrize("option", ["-o", "--csv", "--geojson", "--db", "--png"])
def test_cli_unwritable_output_fails_before_the_work(
    tmp_path: Path, option: str
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    target = blocker / "out.x"
    result = _run(
        [
            "map",
            str(EXAMPLES),
            option,
            str(target),
            "-o" if option != "-o" else "--geojson",
            str(tmp_path / "ok.y"),
        ]
    )
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert (
        len(lines) == 1 and lines[0].startswith("Error: ") and str(target) in lines[0]
    )
    assert "articles read" not in result.stderr  # nothing was extracted
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]


def test_cli_read_only_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(
        **kwargs: object,
    ) -> None:  # what a read-only folder does (tests may run as root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "TemporaryFile", refuse)
    result = _run(["map", str(SEED), "-o", str(tmp_path / "ro" / "m.html")])
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: cannot write {tmp_path / 'ro' / 'm.html'}: Permission denied in {tmp_path}"
    ]


def test_cli_interrupt_exits_130_with_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from kharita.cli import _common

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(_common, "run", interrupted)
    result = _run(["map", str(SEED), "-o", str(tmp_path / "m.html")])
    assert result.exit_code == 130
    assert result.stderr.strip().splitlines() == ["Error: interrupted"]
    assert list(tmp_path.iterdir()) == []


def _default_sigint() -> None:
    # A shell starts background jobs with SIGINT ignored, and Python keeps an
    # ignored SIGINT ignored: give the child the terminal's default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize(
    ("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)]
)
def test_cli_signals_leave_no_partial_files(
    tmp_path: Path, signum: int, code: int
) -> None:
    args = ["extract", "-", "-o", "out/lines.jsonl", "--csv", "out/i.csv"]
    with subprocess.Popen(
        [sys.executable, "-m", "kharita", *args],
        cwd=tmp_path,
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_default_sigint,
    ) as proc:
        assert proc.stdin is not None and proc.stderr is not None
        try:
            proc.stdin.write(b"{not json\n")  # kharita reports it, then waits for more
            proc.stdin.flush()
            first = proc.stderr.readline().decode()
            assert first.startswith("<stdin>:1: invalid JSON"), first
            assert any(p.suffix == ".tmp" for p in (tmp_path / "out").iterdir())
            proc.send_signal(signum)
            proc.wait(60)  # stdin stays open: the run ends by the signal, not EOF
            err = proc.stderr.read().decode()
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert list((tmp_path / "out").iterdir()) == []


def test_cli_interrupt_during_start_up_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import builtins

    from kharita.cli import main

    real_import = builtins.__import__

    def slow_import(name: str, *args: object, **kwargs: object) -> object:
        if name == "app":  # ``from .app import cli``: the command group and its imports
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", slow_import)
    monkeypatch.setattr(sys, "argv", ["kharita", "extract", str(SEED)])
    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(SystemExit) as info:
            main()
    finally:
        monkeypatch.setattr(builtins, "__import__", real_import)
        signal.signal(signal.SIGTERM, previous)
    assert info.value.code == 130
    assert capsys.readouterr().err == "kharita: interrupted\n"


def test_cli_map_html_is_reproducible(tmp_path: Path) -> None:
    for name in ("a.html", "b.html"):
        assert _run(["map", str(EXAMPLES), "-o", str(tmp_path / name)]).exit_code == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_csv_neutralises_formulas_in_incident_id() -> None:
    row = incident_row(
        make_incident(id='=HYPERLINK("http://x","y")', place=make_resolved())
    )
    assert row["incident_id"] == '\'=HYPERLINK("http://x","y")'


def test_sources_line_isolates_and_caps_outlet_names() -> None:
    evil = "\u202eevil outlet " + "x" * 200
    article = make_article("قصف في بغداد", outlet=evil)
    incident = make_incident(
        type="air_strike", place=make_resolved(), sources=[make_source(article)]
    )
    page = render_map([incident], compress=False)
    blob = re.search(r'id="kharita-data">(.*?)</script>', page, re.S)
    assert blob is not None
    # the sources list is drawn from the blob's outlet names, each in a <bdi>
    (name,) = [o for o in json.loads(blob.group(1))["outlets"] if o]
    assert "\u202e" not in name
    assert name.startswith("evil outlet") and len(name) <= 40 and name.endswith("…")


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["-q", "extract", str(SEED)], 0),
        (["-q", "extract", "-"], 1),  # a record without text
        (["extract", "--no-such-option"], 2),
    ],
)
def test_cli_console_script_flushes_outputs_and_keeps_exit_codes(
    tmp_path: Path, args: list[str], code: int
) -> None:
    # the console script ends with os._exit: what it wrote must all be there
    lines = tmp_path / "lines.jsonl"
    with lines.open("w") as handle:
        done = subprocess.run(
            [sys.executable, "-m", "kharita", *args],
            input=b'{"id": "a"}\n',
            stdout=handle,
            stderr=subprocess.PIPE,
            cwd=tmp_path,
            check=False,
        )
    assert done.returncode == code, done.stderr
    expected = _run(args, stdin='{"id": "a"}\n').stdout
    assert lines.read_text(encoding="utf-8") == expected
    if code == 0:
        assert json.loads(expected)["incidents"]
