"""Place roles and site choice for incidents (rules over the folded text).

A place mention's role (``ResolvedPlace.role``):

* ``actor`` - part of an actor's name or the subject of a speech verb
  (``واشنطن تنفي``, "Washington denies");
* ``site`` - the chosen incident location (every mention of the same place in
  the incident's sentences);
* ``prior`` - only named in a sentence recalling an earlier event (Davos,
  February's strikes in the seed);
* ``container`` - a governorate, district or country that contains a site;
* ``reference`` - a point the site is described from (``جنوب بغداد``), or a
  launch site ("fired from inside Anbar");
* ``other`` - anything else (datelines, background mentions).

Site choice: among the incident's non-foreign, non-actor, non-reference
mentions, the most specific (``lexicon/place_specificity.tsv``: base > town >
district > governorate > country); low-confidence mentions and places outside
a governorate named in the same incident are demoted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..lexicon import load_table
from ..models import ResolvedPlace
from ..text.normalize import key as _fold_key
from ..text.phrases import phrase_key
from ._doc import Doc

UNKNOWN_RANK = 5
key = lru_cache(maxsize=4096)(_fold_key)  # place names repeat across mentions
# a dateline place is followed by its agency or a dash ("BAGHDAD (Reuters) -"),
# possibly after its country or the day ("KIRKUK, Iraq (AFP) -", "BAGHDAD, Sept 10 (Reuters) -")
_DATELINE = re.compile(r"^\s*(?:/|-|\(|\||,\s*(?:[^\s,(/]+\s*){1,3}(?:\(|-\s|/))")
# a dateline heads the text: at most three words before it, no preposition
# («قتل شرطي في ناحية العلم (20 كم شرق تكريت)» is no dateline)
_DATELINE_HEAD = re.compile(r"^(?:\s*(?!(?:في|ب|من|in|at|of)\s)[^\s.\n]+){0,3}\s*$")
_BETWEEN_AND = re.compile(r"(?<!\w)between\s+[\w'-]+(?:\s+[\w'-]+){0,2}\s+and\s+$")


@lru_cache(maxsize=1)
def _ranks() -> dict[str, int]:
    return {row["type"]: int(row["rank"]) for row in load_table("place_specificity")}


@lru_cache(maxsize=1)
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    groups: dict[str, list[str]] = {}
    for row in load_table("place_role_cues"):
        kind = row["kind"]
        if kind == "affiliation":  # the Arabic and English constructions differ
            kind = f"affiliation_{row['lang']}"
        groups.setdefault(kind, []).append(phrase_key(row["cue"]))
    out = {}
    for kind, cues in groups.items():
        body = "|".join(
            r"\s+".join(map(re.escape, c.split()))
            for c in sorted(set(cues), key=len, reverse=True)
        )
        if kind == "affiliation_ar":
            # a construct chain: «والي كركوك», «محافظ نينوى», «أمير تنظيم الرطبة»
            word = r"(?:\s+(?!(?:في|من|الي|علي|عن|قرب|بين)\s)[^\s,.;:()\"،]+)"
            out[kind] = re.compile(rf"(?<!\w)[وف]?(?:ال)?(?:{body}){word}{{0,2}}\s+$")
        elif kind == "affiliation_en":
            # "IS commander in Iraq's Mosul", "leader for Anbar"
            out[kind] = re.compile(
                rf"(?<!\w)(?:{body})s?['\"’]?\s+(?:in|of|for)\s+(?:iraq['’]s\s+|the\s+)?$"
            )
        elif kind == "affiliation_after":  # "Islamic State Kirkuk 'governor'"
            out[kind] = re.compile(rf"^\s*['\"’]?(?:{body})(?!\w)")
        elif kind in ("reference",):
            out[kind] = re.compile(
                rf"(?<!\w)[وف]?(?:ب|ل)?(?:{body})\s*(?:من\s+|of\s+)?$"
            )
        elif kind == "launch":
            out[kind] = re.compile(rf"(?:{body})\s+(?:[\w-]+\s+){{0,2}}$")
        elif kind == "actor_verb":
            out[kind] = re.compile(rf"^\s*(?:{body})(?!\w)")
        else:
            out[kind] = re.compile(rf"(?<!\w)[وف]?(?:{body})(?!\w)")
    return out


def is_prior_text(folded: str) -> bool:
    """True when a sentence recalls an earlier event (``الماضي``, "last week"...)."""
    return bool(_cue_patterns()["prior"].search(folded))


def rank(rp: ResolvedPlace) -> int:
    """Specificity of a resolved place: lower is more specific."""
    if rp.place is None:
        return 2 if rp.relative is not None and rp.relative.distance_km else 11
    return _ranks().get(rp.place.type, UNKNOWN_RANK)


def contains(outer: ResolvedPlace, inner: ResolvedPlace) -> bool:
    """True when ``outer`` is a country/governorate/district that contains ``inner``."""
    o, i = outer.place, inner.place
    if o is None or i is None or o.id == i.id:
        return False
    if o.type == "country":
        return i.country == o.country and i.type != "country"
    if o.type == "governorate":
        return (
            bool(i.governorate)
            and i.type != "governorate"
            and key(i.governorate or "") in {key(o.governorate or ""), key(o.name_en)}
        )
    if o.type in ("district", "sub-district", "subdistrict"):
        return (
            bool(i.district)
            and rank(inner) < rank(outer)
            and key(i.district or "") in {key(o.district or ""), key(o.name_en)}
        )
    return False


def near_text(doc: Doc, rp: ResolvedPlace) -> tuple[str, str]:
    """Folded text just before and just after a mention."""
    s, e = doc.folded(rp.start), doc.folded(rp.end)
    return doc.text[max(0, s - 30) : s], doc.text[e : e + 25]


@lru_cache(maxsize=1)
def _person_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    groups: dict[str, list[str]] = {}
    for row in load_table("person_name_cues"):
        groups.setdefault(row["kind"], []).append(phrase_key(row["cue"]))

    def body(kind: str) -> str:
        return "|".join(
            r"\s+".join(map(re.escape, c.split()))
            for c in sorted(set(groups.get(kind, [])), key=len, reverse=True)
        )

    tail = r"\s+(?:al-|el-)?$"
    given = re.compile(rf"(?<!\w)[وف]?(?:{body('given_name')}){tail}")
    words = r"(?:\s+(?!(?:في|من|الي|علي|قرب|in|at|of|near)\s)[^\s,.;:()\"]+){0,3}"
    title = re.compile(rf"(?<!\w)[وف]?(?:{body('title')}){words}{tail}")
    return given, title


def in_person_name(doc: Doc, rp: ResolvedPlace) -> bool:
    """True for a family name that is also a place: a given name right before
    it («مقتدى الصدر», "Moqtada al-Sadr") or a title up to three words before
    it with no punctuation or preposition between («الشيخ عبد الرزاق الرمادي»).
    A name led by its designator («زار السيد مقتدى الصدر مدينة النجف») is a
    place, whatever stands before it."""
    s = doc.folded(rp.start)
    lead = rp.mention.designator
    if lead and doc.text.startswith(lead, s):
        return False
    before = doc.text[max(0, s - 50) : s]
    given, title = _person_patterns()
    return bool(given.search(before) or title.search(before))


def cue_role(doc: Doc, rp: ResolvedPlace) -> str | None:
    """``person``, ``actor``, ``reference``, ``launch``, ``dateline`` or
    ``affiliation`` from the words around a mention."""
    if in_person_name(doc, rp):
        return "person"
    before, after = near_text(doc, rp)
    pats = _cue_patterns()
    if pats["actor_verb"].search(after):
        return "actor"
    if (
        doc.folded(rp.start) < 40
        and _DATELINE.search(after)
        and _DATELINE_HEAD.match(doc.text[: doc.folded(rp.start)])
    ):
        return "dateline"
    if pats["launch"].search(before):
        return "launch"
    if (
        pats["reference"].search(before)
        or (rp.relative is not None and not rp.relative.distance_km)
        or between_second(doc, rp)
    ):
        return "reference"
    if (
        pats["affiliation_ar"].search(before)
        or pats["affiliation_en"].search(before)
        or pats["affiliation_after"].search(after)
    ):
        return "affiliation"
    return None


def between_second(doc: Doc, rp: ResolvedPlace) -> bool:
    """True for Y in "between X and Y" (English): a reference point, like X."""
    s = doc.folded(rp.start)
    return bool(_BETWEEN_AND.search(doc.text[max(0, s - 50) : s]))


_IN_GAP = re.compile(r"^\s*(?:[,،]\s*|(?:في|in|of)\s+|ب|\(\s*)$")


def stated_containers(doc: Doc, places: Sequence[ResolvedPlace]) -> dict[str, set[str]]:
    """``{Y: {X...}}`` for mentions written «X بY», «X في Y», "X, Y", "X in Y", "X (Y)".

    The text puts X inside Y («كويسنجق بأربيل»), so Y is not X's incident site.
    """
    out: dict[str, set[str]] = {}
    ordered = sorted(places, key=lambda p: p.start)
    for x, y in zip(ordered, ordered[1:], strict=False):
        gap = doc.text[doc.folded(x.end) : doc.folded(y.start)]
        m = _IN_GAP.match(gap) if len(gap) <= 5 else None
        if m is None or same_place(x, y):
            continue
        comma = "," in gap or "،" in gap  # a list «ديالى، صلاح الدين» is no container
        paren = (
            "(" in gap
        )  # "Al-Zubair district (Basrah)": the bracket names the container
        if paren or rank(y) > rank(x) or (rank(y) == rank(x) and not comma):
            out.setdefault(_pid(y), set()).add(_pid(x))
        elif comma and _namesake_of_governorate(y, x):
            out.setdefault(_pid(y), set()).add(_pid(x))  # "Qurna, Basra"
    return out


def _namesake_of_governorate(y: ResolvedPlace, x: ResolvedPlace) -> bool:
    """``y`` is the city that shares its name with ``x``'s governorate: after
    a comma ("in Qurna, Basra") it names the governorate, X's container."""
    gy, gx = y.place, x.place
    return (
        gy is not None
        and gx is not None
        and gx.governorate is not None
        and gy.governorate == gx.governorate
        and key(gy.name_en) == key(gx.governorate)
    )


def choose_site(
    candidates: Sequence[ResolvedPlace], inside: dict[str, set[str]] | None = None
) -> ResolvedPlace | None:
    """The most specific, best supported candidate (see module doc).

    A candidate the text names as containing another candidate (``inside``,
    from :func:`stated_containers`) is left out.
    """
    usable = [
        c
        for c in candidates
        if c.lat is not None and c.lon is not None and not c.foreign
    ]
    if inside:
        ids = {_pid(c) for c in usable}
        usable = [c for c in usable if not inside.get(_pid(c), set()) & ids] or usable
    if not usable:
        return None
    govs = {
        key(c.place.governorate or c.place.name_en)
        for c in usable
        if c.place and c.place.type == "governorate"
    }
    counts: dict[str, int] = {}
    for c in usable:
        counts[_pid(c)] = counts.get(_pid(c), 0) + 1

    def score(c: ResolvedPlace) -> tuple[float, int, float, int]:
        r: float = rank(c)
        if c.confidence < 0.4:
            r += 3
        if (
            govs
            and c.place is not None
            and c.place.type != "governorate"
            and c.place.governorate
            and key(c.place.governorate) not in govs
        ):
            r += 4
        return (r, -counts[_pid(c)], -c.confidence, c.start)

    return min(usable, key=score)


def _pid(rp: ResolvedPlace) -> str:
    return rp.place.id if rp.place is not None else f"@{rp.lat},{rp.lon}"


def same_place(a: ResolvedPlace, b: ResolvedPlace) -> bool:
    return _pid(a) == _pid(b)


def between_pair(a: ResolvedPlace, b: ResolvedPlace) -> bool:
    """True when the text between two mentions is just "and": "between A and B"."""
    return a.end < b.start and b.start - a.end <= 6


_BRACKET_GAP = re.compile(r"^\s*\(\s*$")


def bracketed_next(
    doc: Doc, places: Sequence[ResolvedPlace], rp: ResolvedPlace
) -> bool:
    """True when a place follows ``rp`` in brackets: "X (Y)" names X's container."""
    nxt = min(
        (p for p in places if p.start >= rp.end), key=lambda p: p.start, default=None
    )
    return nxt is not None and bool(
        _BRACKET_GAP.match(doc.original_text[rp.end : nxt.start])
    )
