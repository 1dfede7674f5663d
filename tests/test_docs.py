"""Docs that cannot drift: README's commands, CI, and every command documented."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kharita.cli import cli

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _readme_commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", README, flags=re.S)[:2]


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    """Every command and subcommand, as click resolves them (loaded on demand)."""
    ctx = click.Context(group)
    found = []
    for name in group.list_commands(ctx):
        command = group.get_command(ctx, name)
        assert command is not None, name
        found.append((prefix + name, command))
        if isinstance(command, click.Group):
            found.extend(_commands(command, prefix + name + " "))
    return found


def test_docs_readme_starts_with_two_commands() -> None:
    first, second = _readme_commands()
    assert README.index(first) < 400
    assert "kharita map examples/" in first and "output/" in first
    assert "pytest" in second


def test_docs_ci_runs_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"^TEST_COMMAND='(.+)'$", ci, flags=re.M)
    assert match is not None
    assert match.group(1) == _readme_commands()[1]
    assert 'bash -c "$TEST_COMMAND"' in ci


@pytest.mark.parametrize(("name", "command"), _commands(cli))
def test_docs_every_command_has_help_and_is_documented(
    name: str, command: click.Command
) -> None:
    assert command.help and command.help.strip()
    assert f"kharita {name}" in README


def test_docs_readme_first_command_maps_the_examples(tmp_path: Path) -> None:
    words = shlex.split(_readme_commands()[0].split("&&")[-1])
    assert words[:3] == ["kharita", "map", "examples/"]
    output = tmp_path / "examples.html"
    args = [*words[1:-1], str(output)]
    args[1] = str(REPO / "examples")
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    html = output.read_text(encoding="utf-8")
    assert "Kalsu" in html or "كالسو" in html
    assert not re.search(r"<(?:script|link)[^>]+(?:src|href)=\"https?://", html)


def test_docs_readme_python_api_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    block = re.findall(r"```python\n(.+?)\n```", README, flags=re.S)[0]
    assert "kharita.extract(" in block and "kharita.render_map(" in block
    monkeypatch.chdir(REPO)
    exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "Camp Kalsu" in out and "incidents," in out


def test_docs_every_readme_command_option_exists() -> None:
    options = {
        opt for _, command in _commands(cli) for p in command.params for opt in p.opts
    }
    documented = set(re.findall(r"`(--[a-z][a-z-]+)", README))
    assert documented <= options | {"--help", "--check"}


DOCS = [
    p
    for p in REPO.rglob("*.md")
    if not {"node_modules", "build", "output"} & set(p.relative_to(REPO).parts)
    and not any(part.startswith(".") for part in p.relative_to(REPO).parts)
    and ".egg-info" not in str(p)
]  # hidden folders are tool caches (.venv, .pytest_cache/README.md after a first run)


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(REPO)))
def test_docs_speak_of_the_project_only(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert not re.search(r"(?<![\w.])/(?:work|tmp|root|home)/", text), "machine path"
    for script in re.findall(r"`(tools/[\w/]+\.py)", text):
        assert (REPO / script).is_file(), script
