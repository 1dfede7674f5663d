"""The lexicon tables place recognition reads, normalised once (:class:`Cues`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import load_table
from ..open_places import OpenCues
from ..text.normalize import key


@dataclass(frozen=True, slots=True)
class Cues:
    """The lexicon tables the recogniser needs, normalised with :func:`key`."""

    designators: dict[str, str]  # cue -> |-separated implied types (before the name)
    post_designators: dict[str, str]  # English cue after the name
    trailing: frozenset[str]  # Arabic adjectives after a designated name
    prepositions: frozenset[str]
    org_before: frozenset[str]
    org_after: dict[str, str]  # cue -> requires ("" or "quoted")
    reporting: frozenset[str]  # «ذكرت», «وكالة»: before a quoted outlet name
    latin_articles: frozenset[str]  # al-, el-, ad-...: dropped before Latin names
    common_words: dict[str, str]  # name key -> support level ("any" / "strong")
    open_designators: dict[str, str]  # «مدينة X»: X is a place even when unknown
    open_adjective: dict[str, str]  # «البحر الأحمر»: the adjectives name the place
    open_before_en: dict[str, str]  # "village of X"
    open_after_en: dict[str, str]  # "X village"
    name_heads: frozenset[str] = frozenset()  # «أبو», "Abu": a compound name's head
    articles: frozenset[str] = frozenset()  # "the": between a preposition and a name
    name_links: frozenset[str] = frozenset()  # "of": a lowercase word inside a name
    appositions: frozenset[str] = frozenset()  # «العاصمة»: a noun in apposition


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    """Read ``place_cues``, ``org_cues`` and ``common_word_names`` once."""
    designators: dict[str, str] = {}
    post: dict[str, str] = {}
    words: dict[str, set[str]] = {  # kinds that are plain word sets
        kind: set()
        for kind in (
            "trailing", "preposition", "name_head", "article", "name_link", "apposition"
        )
    }  # fmt: skip
    open_des: dict[str, str] = {}
    open_adj: dict[str, str] = {}
    open_en: dict[str, dict[str, str]] = {
        "open_designator_en": {},
        "open_post_designator_en": {},
    }
    for row in load_table("place_cues"):
        cue, kind = key(row["cue"]), row["kind"]
        if kind in words:
            words[kind].add(cue)
        elif kind in open_en:
            open_en[kind][cue] = row["types"]
        elif kind == "open_designator":
            open_des[cue] = row["types"]
        elif kind == "open_designator_adj":
            open_adj[cue] = row["types"]
        elif kind == "designator":
            designators[cue] = row["types"]
        elif kind == "post_designator":
            post[cue] = row["types"]
    org_rows = load_table("org_cues")
    reporting = frozenset(
        key(r["cue"]) for r in org_rows if r["position"] == "reporting"
    )
    return Cues(
        designators=designators,
        post_designators=post,
        trailing=frozenset(words["trailing"]),
        prepositions=frozenset(words["preposition"]),
        org_before=frozenset(
            key(r["cue"]) for r in org_rows if r["position"] == "before"
        ),
        reporting=reporting,
        latin_articles=frozenset(r["article"] for r in load_table("latin_articles")),
        org_after={
            key(r["cue"]): r["requires"] for r in org_rows if r["position"] == "after"
        },
        common_words={
            key(r["name"]): r["support"] for r in load_table("common_word_names")
        },
        open_designators=open_des,
        open_adjective=open_adj,
        open_before_en=open_en["open_designator_en"],
        open_after_en=open_en["open_post_designator_en"],
        name_heads=frozenset(words["name_head"]),
        articles=frozenset(words["article"]),
        name_links=frozenset(words["name_link"]),
        appositions=frozenset(words["apposition"]),
    )


def open_cues(cues: Cues) -> OpenCues:
    """The open-designator part of the cues, for :class:`~kharita.open_places.OpenPlaces`."""
    return OpenCues(
        arabic=cues.open_designators,
        arabic_adjective=cues.open_adjective,
        english_before=cues.open_before_en,
        english_after=cues.open_after_en,
        prepositions=cues.prepositions,
        designators=frozenset(cues.designators),
    )
