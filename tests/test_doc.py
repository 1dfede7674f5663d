"""The Doc: one normalisation, one sentence split, one tokenisation per article."""

from __future__ import annotations

import pytest

from kharita.doc import make_doc, split_sentences
from kharita.models import Article
from kharita.text.clitics import clitic_splits, strip_proclitic


def _doc(text: str, lang: str = "ar"):  # type: ignore[no-untyped-def]
    return make_doc(Article(id="t", text=text, lang=lang))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "قصفٌ جويّ استهدف قاعدةَ كالسو.",  # tashkeel dropped from the folded text
        "Drone strike hits Ain al-Asad air base – no casualties",
        "انفجار في الموصل\u200f اليوم",  # a bidi mark dropped
    ],
)
def test_doc_offsets_map_back_to_the_original(text: str) -> None:
    doc = _doc(text)
    for token in doc.tokens:
        start, end = doc.original(token.start, token.end)
        assert (
            doc.original_text[start:end]
            .replace("\u064c", "")
            .replace("\u0651", "")
            .replace("\u064e", "")
            .lower()
            .startswith(token.text[:1])
        )
        assert doc.folded(start) == token.start


def test_doc_sentences_are_contiguous_and_cover_the_text() -> None:
    doc = _doc("قتل شخصان في بغداد. وأصيب ثلاثة في البصرة! Then it ended\nnew line")
    assert doc.sentences[0].start == 0
    assert doc.sentences[-1].end == len(doc.text)
    for a, b in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert a.end == b.start
    assert [s.text.strip() for s in doc.sentences] == [
        "قتل شخصان في بغداد.",
        "واصيب ثلاثه في البصره!",
        "then it ended",
        "new line",
    ]


def test_doc_same_sentence_uses_original_offsets() -> None:
    text = "انفجار في بغداد. قصف في البصرة"
    doc = _doc(text)
    a, b, c = text.index("انفجار"), text.index("بغداد"), text.index("البصرة")
    assert doc.same_sentence(a, b)
    assert not doc.same_sentence(b, c)


def test_split_sentences_of_empty_text_is_one_empty_sentence() -> None:
    (only,) = split_sentences("")
    assert (only.start, only.end) == (0, 0)


@pytest.mark.parametrize(
    ("word", "vocabulary", "expected"),
    [
        ("وبالموصل", {"الموصل"}, ("وب", "الموصل")),
        ("للجيش", {"جيش"}, ("لل", "جيش")),
        ("بغداد", {"بغداد", "غداد"}, ("", "بغداد")),  # the bare word first
        ("فكالقصف", {"قصف"}, ("فكال", "قصف")),
        ("لالجيش", {"جيش"}, None),  # ل + ال is written لل, never «لال»
    ],
)
def test_clitics_one_table_splits_stacks(
    word: str, vocabulary: set[str], expected: tuple[str, str] | None
) -> None:
    assert strip_proclitic(word, vocabulary) == expected


def test_clitic_splits_lists_every_reading_shortest_stack_first() -> None:
    assert clitic_splits("والقصف") == (
        ("", "والقصف"),
        ("و", "القصف"),
        ("وال", "قصف"),
    )


def test_doc_tokens_carry_their_clitic_stack() -> None:
    doc = _doc("وبالقصف استهدف")
    first = doc.tokens[0]
    assert (first.text, first.clitic, first.base) == ("وبالقصف", "وبال", "قصف")


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # a decimal point is not a sentence end
        ("the blast was 3.5 km away. police came", 2),
        # nor the period of a one-letter abbreviation
        ("u.s. forces said. the u.n. agreed", 2),
        # a period glued to the next word is
        ("قتل شخص.واصيب اخر", 2),
    ],
)
def test_doc_sentence_boundaries(text: str, sentences: int) -> None:
    assert len(split_sentences(text)) == sentences
