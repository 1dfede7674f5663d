"""The Pipeline: components over one Doc, the injected clock, explain."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from kharita.cli import cli
from kharita.models import Article
from kharita.pipeline import Pipeline, Settings, pipeline_for
from kharita.serialize import result_to_dict

SEED_LIKE = (
    "قصف جوي استهدف قاعدة كالسو العسكرية في شمال محافظة بابل فجر السبت، "
    "ما أسفر عن مقتل شخص وإصابة ثمانية آخرين."
)


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return pipeline_for()


def test_pipeline_components_add_layers_in_order(nlp: Pipeline) -> None:
    article = Article(id="a", text=SEED_LIKE, lang="ar", date="2024-04-20")
    names = [name for name, _ in nlp.stages(article)]
    assert names == [
        "make_doc",
        "recognise_places",
        "resolve_places",
        "extract_incidents",
    ]
    docs = dict(nlp.stages(article))
    assert docs["make_doc"].mentions == ()
    assert any("كالسو" in m.text for m in docs["recognise_places"].mentions)
    assert docs["recognise_places"].places == ()
    assert len(docs["resolve_places"].places) == len(docs["recognise_places"].mentions)
    (incident,) = docs["extract_incidents"].incidents
    assert incident.place is not None and incident.place.place is not None
    assert incident.place.place.name_en == "Camp Kalsu"
    assert (incident.killed.min, incident.wounded.min) == (1, 8)
    # every layer indexes the original text
    for rp in docs["extract_incidents"].places:
        assert article.text[rp.start : rp.end] == rp.mention.text


def test_pipeline_call_equals_extract(nlp: Pipeline) -> None:
    article = Article(id="a", text=SEED_LIKE, lang="ar", date="2024-04-20")
    assert nlp(article).result() == nlp.extract(article)


# weekday + day + month, anchored on the years the text states: which years count
# as "already happened" used to depend on the day the run was made
UNDATED = (
    "انفجار عبوة ناسفة في الموصل يوم الجمعة 6 آذار أدى إلى مقتل شخصين. "
    "وكانت خطة عام 2031 قد أعلنت بعد هجمات عام 2015."
)


def test_pipeline_undated_output_does_not_depend_on_the_day_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """No wall clock inside the library: with every kharita module's ``date``
    made to say it is 2040, an undated article gives the same output."""
    import datetime as dt
    import sys

    class Future(dt.date):
        @classmethod
        def today(cls) -> dt.date:
            return dt.date(2040, 1, 1)

    article = Article(id="u", text=UNDATED, lang="ar")
    before = json.dumps(result_to_dict(Pipeline().extract(article)))
    for name, module in list(sys.modules.items()):
        if name.startswith("kharita") and getattr(module, "date", None) is dt.date:
            monkeypatch.setattr(module, "date", Future)
    assert json.dumps(result_to_dict(Pipeline().extract(article))) == before


def test_pipeline_clock_is_injected() -> None:
    assert Pipeline().clock() is None
    day = date(2026, 11, 30)
    article = Article(id="u", text=UNDATED, lang="ar")
    (pinned,) = Pipeline(clock=lambda: day).extract(article).incidents
    assert pinned.date.iso == "2015-03-06"  # Friday 6 March in 2015 (2031 is to come)
    (unpinned,) = Pipeline().extract(article).incidents
    assert unpinned.date.iso is None
    assert Pipeline(clock=lambda: day).clock() == day
    assert Pipeline(settings=Settings(reference_date=day)).clock() == day


@pytest.mark.parametrize(
    ("today", "anchor"), [(date(2026, 11, 30), 2020), (None, 2031)]
)
def test_text_reference_years_to_come_need_a_clock(
    today: date | None, anchor: int
) -> None:
    """An undated text's year anchor: a clock rules out years still to come."""
    from kharita.incidents.dates import find_dates, text_reference

    found = find_dates("خطة عام 2031 أعلنت بعد هجوم عام 2020")
    ref = text_reference(found, today)
    assert ref is not None and ref.year == anchor


def test_explain_shows_each_component(seed_path: Path) -> None:
    result = CliRunner().invoke(cli, ["explain", str(seed_path)])
    assert result.exit_code == 0, result.output
    out = result.output
    for stage in ("[recognise_places]", "[resolve_places]", "[extract_incidents]"):
        assert stage in out
    assert "Camp Kalsu [site:camp-kalsu, base]" in out
    assert "air_strike" in out


def test_explain_json_has_every_stage(seed_path: Path) -> None:
    result = CliRunner().invoke(cli, ["explain", "--json", str(seed_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output.splitlines()[0])
    stages = data["stages"]
    assert list(stages) == [
        "make_doc",
        "recognise_places",
        "resolve_places",
        "extract_incidents",
    ]
    assert stages["make_doc"]["sentences"] > 1
    assert any(m["text"] == "كالسو" for m in stages["recognise_places"])
    (incident,) = stages["extract_incidents"]["incidents"]
    assert incident["place"] == "Camp Kalsu"
    roles = {r["text"]: r["role"] for r in stages["extract_incidents"]["roles"]}
    assert roles["واشنطن"] != "site"
