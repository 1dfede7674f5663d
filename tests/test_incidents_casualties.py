"""The casualty grammar, one parametrised test per construction.

Constructions and the rule/table that recognises each are listed in the
docstring of :mod:`kharita.incidents.casualties`; every row of
``lexicon/casualty_words.tsv`` and ``lexicon/casualty_cues.tsv`` names its
construction.
"""

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from factories import make_incident, make_source, phrase_hits
from kharita.evaluate.gold import evaluate_file
from kharita.incidents import merge_incidents
from kharita.incidents.casualties import (
    Toll,
    combine,
    find_casualties,
    says_no_casualties,
    says_revised,
    toll,
)
from kharita.incidents.casualty_combine import merge_counts
from kharita.lexicon import load_table
from kharita.models import Article, Count
from kharita.pipeline import extract_article
from kharita.serialize import count_to_dict

TESTS = Path(__file__).resolve().parent


def _toll(text: str) -> Toll:
    f = phrase_hits(text)
    return toll(find_casualties(f), says_no_casualties(f), revised=says_revised(f))


def _kw(text: str) -> tuple[Count, Count]:
    f = phrase_hits(text)
    return combine(find_casualties(f), says_no_casualties(f), revised=says_revised(f))


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("قتل 3 أشخاص وأصيب 7 آخرون", Count(3, 3), Count(7, 7)),
        ("مقتل ١١ شخصاً", Count(11, 11), Count()),
        ("أسفر عن مقتل ٤ مدنيين وإصابة ١٢ آخرين", Count(4, 4), Count(12, 12)),
        ("killing 4 people and wounding 9 others", Count(4, 4), Count(9, 9)),
        ("1,200 people were killed", Count(1200, 1200), Count()),
    ],
)
def test_casualties_digits(text: str, killed: Count, wounded: Count) -> None:
    assert _kw(text) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("بمقتل خمسة وإصابة 25 أخرين", Count(5, 5), Count(25, 25)),
        ("قُتل ثلاثة من عناصر الشرطة وأصيب خمسة آخرون", Count(3, 3), Count(5, 5)),
        ("killing five passengers and injuring two", Count(5, 5), Count(2, 2)),
        ("لقي خمسة أشخاص حتفهم وأصيب ثمانية آخرون بجروح", Count(5, 5), Count(8, 8)),
        ("a dozen people were wounded", Count(), Count(12, 12)),
        # construction compound_number: tens and units as two words
        ("مقتل خمسة وعشرين شخصا بانفجار", Count(25, 25), Count()),
        ("قتل خمسة وأصيب عشرون", Count(5, 5), Count(20, 20)),  # not 25
        ("twenty-one killed and thirty wounded", Count(21, 21), Count(30, 30)),
    ],
)
def test_casualties_number_words(text: str, killed: Count, wounded: Count) -> None:
    assert _kw(text) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("ما أسفر عن إصابة جنديين بجروح", Count(), Count(2, 2)),
        ("ما أدى إلى مقتل شخصين وإصابة طفلين", Count(2, 2), Count(2, 2)),
        ("مدنيين اثنين اصيبا بتفجير", Count(), Count(2, 2)),
        ("قتيلان وجريح", Count(2, 2), Count(1, 1)),
        ("killing both men inside", Count(2, 2), Count()),
    ],
)
def test_casualties_dual(text: str, killed: Count, wounded: Count) -> None:
    assert _kw(text) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("استشهد شخص وأُصيب 8 آخرين بانفجار", Count(1, 1), Count(8, 8)),
        ("ما أدى إلى مقتله في الحال", Count(1, 1), Count()),
        ("ما أدى إلى مقتل شرطي", Count(1, 1), Count()),
        ("An Iraqi soldier was killed and two others were injured", Count(1, 1), Count(2, 2)),
        ("gunmen shot dead the driver", Count(1, 1), Count()),
        ("لقي شخص حتفه وأصيب اثنان", Count(1, 1), Count(2, 2)),
        # victim nouns and a kinsman with a possessive («ابنه», «زوجته»): one each
        ("قتل راعي أغنام وأصيبت زوجته بانفجار لغم", Count(1, 1), Count(1, 1)),
        ("أصيب سائق بجروح بليغة", Count(), Count(1, 1)),
        # feminine verb forms («قتلت», «أصيبت», «استشهدت»)
        ("قتلت امرأة وأصيب طفلان", Count(1, 1), Count(2, 2)),
        ("استشهدت طفلة وأصيبت سيدة بقصف", Count(1, 1), Count(1, 1)),
        ("طالب النائب بفتح تحقيق", Count(), Count()),  # a verb, no cue before it
    ],
)  # fmt: skip
def test_casualties_singular(text: str, killed: Count, wounded: Count) -> None:
    assert _kw(text) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("إلى 15 قتيلا وأكثر من 15 جريحا", Count(15, 15), Count(16, None)),
        ("قُتل ما لا يقل عن 6 أشخاص وأصيب أكثر من 20 آخرين", Count(6, None), Count(21, None)),
        ("At least 7 people were killed and more than 15 wounded", Count(7, None), Count(16, None)),
        ("the death of one soldier and injuries to at least four others", Count(1, 1), Count(4, None)),
    ],
)  # fmt: skip
def test_casualties_minimum(text: str, killed: Count, wounded: Count) -> None:
    assert _kw(text) == (killed, wounded)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("قتل 3 إلى 5 أشخاص", Count(3, 5)),
        ("وتحدثت المصادر عن مقتل 3 إلى 5 من عناصر الحشد", Count(3, 5)),
        ("killing 3-5 people", Count(3, 5)),
        ("between 4 and 6 people were killed", Count(4, 6)),
    ],
)
def test_casualties_range(text: str, killed: Count) -> None:
    assert _toll(text).killed == killed


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("سقطت ثلاثة صواريخ قرب المطار دون وقوع إصابات", Count(0, 0), Count(0, 0)),
        ("ولم يسفر الانفجار عن خسائر بشرية", Count(0, 0), Count(0, 0)),
        ("لم يسفر عن خسائر بشرية", Count(0, 0), Count(0, 0)),
        ("دون وقوع خسائر بشرية", Count(0, 0), Count(0, 0)),
        ("ولم ترد تقارير عن وقوع إصابات أو أي أضرار", Count(0, 0), Count(0, 0)),
        ("no casualties were reported", Count(0, 0), Count(0, 0)),
        ("a rocket landed inside the base; no one was hurt", Count(0, 0), Count(0, 0)),
        ("no one was killed but 3 were wounded", Count(0, 0), Count(3, 3)),
        # not stated is not zero
        ("the rocket hit the base", Count(), Count()),
        ("أسفر القصف عن خسائر بشرية", Count(), Count()),
    ],
)
def test_casualties_zero(text: str, killed: Count, wounded: Count) -> None:
    got = _kw(text)
    assert got == (killed, wounded)
    assert [c.min is None for c in got] == [c.min is None for c in (killed, wounded)]


@pytest.mark.parametrize(
    ("text", "casualties"),
    [
        ("أسفر الانفجار عن سقوط 12 بين قتيل وجريح", Count(12, 12)),
        ("خلّف التفجير 45 قتيلاً وجريحاً", Count(45, 45)),
        ("سقوط ٣٠ شهيدا وجريحا", Count(30, 30)),
        ("left 12 people killed or wounded", Count(12, 12)),
        ("the blast caused 20 casualties, officials said", Count(20, 20)),
        ("more than 40 people were killed and wounded", Count(41, None)),
    ],
)
def test_casualties_combined(text: str, casualties: Count) -> None:
    toll = _toll(text)
    assert toll.casualties == casualties
    assert (toll.killed, toll.wounded) == (Count(), Count())  # never killed alone


@pytest.mark.parametrize(
    ("text", "casualties", "killed"),
    [
        ("سقوط 20 بين قتيل وجريح، بينهم 5 قتلى", Count(20, 20), Count(5, 5)),
        ("the blast caused 12 casualties, including 3 dead", Count(12, 12), Count(3, 3)),
    ],
)  # fmt: skip
def test_casualties_combined_with_its_killed_part(
    text: str, casualties: Count, killed: Count
) -> None:
    toll = _toll(text)
    assert (toll.casualties, toll.killed) == (casualties, killed)


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("مقتل عشرات المدنيين", "killed", Count(20, None)),
        ("إلى سقوط العشرات من الجرحى", "wounded", Count(20, None)),
        ("أصيب عدد من المدنيين بقصف مدفعي", "wounded", Count(2, None)),
        ("Dozens of people were wounded", "wounded", Count(24, None)),
        ("Several soldiers were killed", "killed", Count(1, None)),
        ("الانفجار تسبب بوقوع خسائر مادية وإصابات", "wounded", Count(1, None)),
    ],
)
def test_casualties_vague(text: str, kind: str, count: Count) -> None:
    got: Count = getattr(_toll(text), kind)
    assert got == count
    assert got.vague and got.max is None  # a lower bound, never an exact figure


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "ارتفاع حصيلة الهجوم إلى 15 قتيلا. وكانت الحصيلة مقتل 11 مدنيا.",
            Count(15, 15),
        ),
        (
            "ما أسفر عن مقتل 5 أشخاص. وفي وقت لاحق ارتفعت حصيلة ضحايا التفجير إلى 9 قتلى.",
            Count(9, 9),
        ),
        ("killed 6 people. The death toll later rose to 11.", Count(11, 11)),
        ("the toll climbed to 19 from 12 killed", Count(19, 19)),
    ],
)
def test_casualties_revision(text: str, killed: Count) -> None:
    assert _toll(text).killed == killed  # the latest figure, not a sum or a range


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("ما أدى إلى مقتل شرطي. ومنذ عام 2014 قُتل أكثر من 40 من رجال الشرطة", Count(1, 1)),
        ("قُتل شخصان بهجوم مسلح، وهي منطقة تشهد نزاعاً منذ عام 2005", Count(2, 2)),
        ("killed two soldiers, adding to the 3,000 killed in the province since 2014", Count(2, 2)),
        ("Since 2014, more than 40 policemen have been killed in the district", Count()),
        ("قتل أكثر من 300 شخص منذ بداية العام", Count()),
        ("13 قتيلا منذ اندلاع النزاع، بينهم سبعة أشقاء قتلوا", Count(13, 13)),
    ],
)  # fmt: skip
def test_casualties_background(text: str, killed: Count) -> None:
    assert _toll(text).killed == killed


@pytest.mark.parametrize(
    ("text", "killed", "perpetrators"),
    [
        ("at least three gunmen were killed, and six others wounded", Count(3, None), Count(3, None)),
        ("ما أسفر عن مقتل 3 جنود، فيما قُتل 2 من المسلحين خلال الاشتباك", Count(5, 5), Count(2, 2)),
        ("killing four policemen. Two of the attackers were killed.", Count(6, 6), Count(2, 2)),
        ("مقتل 4 مسلحين", Count(4, 4), Count(4, 4)),
        ("قتل 7 من عناصر داعش بضربة جوية", Count(7, 7), Count(7, 7)),
        ("killing 5 soldiers", Count(5, 5), Count()),
        # a stated total toll is not added to
        ("Three PMF fighters and two militants were killed. 5 fatalities.", Count(5, 5), Count(2, 2)),
        # a vague group never adds to a stated one
        ("three gunmen were killed. A drone killed several people.", Count(3, 3), Count(3, 3)),
        # construction agent_phrase: the attackers after a preposition did the killing
        ("Two soldiers were killed by gunmen in Mosul", Count(2, 2), Count()),
        ("قتل جندي بهجوم مسلح في قضاء الدبس", Count(1, 1), Count()),
        ("قتل جنديان على يد مسلحين في الموصل", Count(2, 2), Count()),
    ],
)  # fmt: skip
def test_casualties_victims_attackers(
    text: str, killed: Count, perpetrators: Count
) -> None:
    toll = _toll(text)
    assert (toll.killed, toll.killed_perpetrators) == (killed, perpetrators)


@pytest.mark.parametrize(
    ("text", "killed", "wounded"),
    [
        ("أدى إلى إصابة عنصر بالجيش العراقي، واثنين من منتسبي الحشد الشعبي", Count(), Count(3, 3)),
        ("أكد المصدر مقتل القائد العام للقوات في القصف و23 آخرين", Count(24, 24), Count()),
        ("Several troops sustained minor injuries and one Iraqi was badly wounded", Count(), Count(2, None)),
    ],
)  # fmt: skip
def test_casualties_conjunct(text: str, killed: Count, wounded: Count) -> None:
    assert _kw(text) == (killed, wounded)


@pytest.mark.parametrize(
    "text",
    ["الفوج 52 قتل", "who killed 30 km north", "قتل في 12 نيسان", "killed in 2019",
     "the 32nd Brigade lost men killed"],
)  # fmt: skip
def test_casualties_not_a_count(text: str) -> None:
    assert all(
        m.count.min not in (52, 30, 12, 2019, 32)
        for m in find_casualties(phrase_hits(text))
    )


@pytest.mark.parametrize(
    ("text", "killed"),
    [("أعلنت الوزارة مقتل 11 عنصرا. وتحدث مصدر عن 24 قتيلا.", Count(11, 24))],
)
def test_casualties_conflicting_figures(text: str, killed: Count) -> None:
    assert _toll(text).killed == killed  # a range between sources


@pytest.mark.parametrize(
    ("counts", "merged"),
    [
        # the founding example: 8 wounded + "injuries" (at least one) = 8
        ([Count(8, 8), Count(1, None, vague=True)], Count(8, 8)),
        ([Count(1, None, vague=True), Count(8, 8)], Count(8, 8)),
        ([Count(11, 11), Count(15, 15)], Count(11, 15)),  # different outlets: a range
        ([Count(3, None), Count(5, 5)], Count(3, None)),
        ([Count(1, None, vague=True), Count(20, None, vague=True)], Count(20, None)),
        ([Count(), Count(2, 2)], Count(2, 2)),
        ([Count(), Count()], Count()),
    ],
)
def test_casualties_merge_keeps_most_specific(
    counts: list[Count], merged: Count
) -> None:
    got = merge_counts(counts)
    assert got == merged
    known = [c for c in counts if c.min is not None]
    assert got.vague == (bool(known) and all(c.vague for c in known))


@pytest.mark.parametrize(
    ("count", "out"),
    [
        (Count(1, 1), {"min": 1, "max": 1}),
        (Count(), {"min": None, "max": None}),
        (Count(20, None, vague=True), {"min": 20, "max": None, "vague": True}),
    ],
)
def test_casualties_count_contract(count: Count, out: dict[str, object]) -> None:
    assert count_to_dict(count) == out


@pytest.mark.parametrize("table", ["casualty_words", "casualty_cues"])
def test_casualties_every_rule_names_its_construction(table: str) -> None:
    rows = load_table(table)
    assert rows
    assert all(r["construction"] and r["source"] for r in rows)


def _builder():  # type: ignore[no-untyped-def]
    path = TESTS / "gold" / "build_casualty_gold.py"
    spec = importlib.util.spec_from_file_location("build_casualty_gold", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_casualties_gold_files_match_builder() -> None:
    build = _builder()
    articles, gold = build.build()
    assert build.DATA.read_text(encoding="utf-8") == build._lines(articles)
    assert build.GOLD.read_text(encoding="utf-8") == build._lines(gold)
    for a, g in zip(articles, gold, strict=True):
        assert a["text"][g["place_start"] : g["place_end"]] == g["place_text"]


def test_casualties_gold_per_construction(gazetteer) -> None:  # type: ignore[no-untyped-def]
    scores = evaluate_file(
        TESTS / "gold" / "casualty_constructions.jsonl",
        TESTS / "data" / "casualty_constructions.jsonl",
        gazetteer,
    )
    assert scores["missed"] == 0
    wrong = {
        k: v for k, v in scores["by_construction"].items() if v["casualty_exact"] != 1.0
    }
    assert not wrong


def _sample(row: dict[str, Any]) -> Article:
    return Article(
        id=row["id"], text=row["text"], lang=row["lang"], outlet=row["outlet"],
        url=row["url"], date=row["date"], title=row["title"],
    )  # fmt: skip


def test_casualties_issue12_samples_kalsu_merged_keeps_eight_wounded(
    samples: dict[str, dict[str, Any]], gazetteer: Any
) -> None:
    """The founding example: the seed (1 killed, 8 wounded) and a vaguer report
    of the same strike («إصابات») merge into one incident with 1 killed, 8 wounded."""
    found = [
        i
        for aid in ("seed-athr-kalsu", "c6")
        for i in extract_article(_sample(samples[aid]), gazetteer).incidents
    ]
    vague = [i for i in found if i.sources[0].article_id == "c6"]
    assert vague and vague[0].wounded.vague  # c6 only says «إصابات»
    (merged,) = merge_incidents(found)
    assert (merged.killed, merged.wounded) == (Count(1, 1), Count(8, 8))
    assert not merged.wounded.vague


@pytest.mark.parametrize(
    ("first", "second", "wounded"),
    [
        (Count(8, 8), Count(1, None, vague=True), Count(8, 8)),
        (Count(8, 8), Count(10, 10), Count(8, 10)),
    ],
)
def test_casualties_merge_incidents_figures(
    first: Count, second: Count, wounded: Count
) -> None:
    a = make_incident(id="a", type="air_strike", sources=[make_source(article_id="a")])
    b = make_incident(id="b", type="air_strike", sources=[make_source(article_id="b")])
    merged = merge_incidents(
        [replace(a, wounded=first), replace(b, wounded=second, killed=Count())]
    )
    assert [m.wounded for m in merged] == [wounded]
