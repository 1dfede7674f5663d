"""The incident tables as phrase sets of the one matcher, built once per pipeline.

:class:`IncidentLexicon` reads the lexicon tables the incident stages look up
as plain phrases and compiles them into one
:class:`~kharita.text.phrases.PhraseMatcher` (one automaton, one pass per
text).  The pipeline builds it once and reads every article with it when it
makes the article's :class:`~kharita.doc.Doc` (``doc.phrases``).

Tables (``TABLE:LANG`` sets, in the order their languages first appear):

* ``trigger`` / ``headline`` / ``forces`` - ``incident_triggers.tsv`` by
  scope (Arabic with an ending: «استهدافات»);
* ``force`` - ``armed_forces.tsv`` (the nouns a ``forces`` trigger needs);
* ``boundary`` - ``incident_boundaries.tsv`` (no proclitic stack);
* ``non_incident`` - ``non_incident_cues.tsv`` (Arabic with an ending);
* ``actor``, ``attribution`` - ``actors.tsv``, ``attribution_cues.tsv``;
* ``casualty`` / ``zero`` - ``casualty_cues.tsv`` (a figure is read next to
  these; ``zero`` = "nobody hurt" phrases);
* ``revision`` - the ``revision`` words of ``casualty_words.tsv`` (with an
  ending);
* ``similar`` / ``another`` - ``event_references.tsv``: an event told as "a
  similar one", or as another one («عبوة ثانية», "a second bomb"), with an
  ending.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..errors import ConfigurationError
from ..lexicon import load_table
from ..text.phrases import PhraseHits, PhraseMatcher, PhraseSet, phrase_key

ZERO_KINDS = frozenset({"zero", "zero_killed", "zero_if_negated"})
SCOPES = ("", "headline", "forces")


def by_lang(
    rows: Iterable[dict[str, str]], field: str
) -> dict[str, dict[str, dict[str, str]]]:
    """``{lang: {phrase_key: row}}`` from lexicon rows (first row of a key wins)."""
    out: dict[str, dict[str, dict[str, str]]] = {}
    for row in rows:
        table = out.setdefault(row.get("lang") or "ar", {})
        table.setdefault(phrase_key(row[field]), row)
    return out


def _sets(
    table: str, rows: Iterable[dict[str, str]], field: str, *, clitics: bool = True,
    suffix: bool = False,
) -> Iterator[PhraseSet]:  # fmt: skip
    for lang, keyed in by_lang(rows, field).items():
        yield PhraseSet(f"{table}:{lang}", lang, keyed, clitics, suffix)


def trigger_rows(types: Iterable[str]) -> list[dict[str, str]]:
    """``incident_triggers.tsv``, each row's type and scope checked."""
    known = list(types)
    rows = load_table("incident_triggers")
    for row in rows:
        if row["type"] not in known:
            raise ConfigurationError(
                f"incident_triggers.tsv: trigger {row['trigger']!r} has unknown type "
                f"{row['type']!r}; options are: {', '.join(known)}"
            )
        if row.get("scope", "") not in SCOPES:
            raise ConfigurationError(
                f"incident_triggers.tsv: trigger {row['trigger']!r} has unknown scope "
                f"{row['scope']!r}; options are: (empty), headline, forces"
            )
    return rows


def phrase_sets(types: Iterable[str]) -> list[PhraseSet]:
    """Every incident phrase set (see module doc)."""
    triggers = trigger_rows(types)
    cues = by_lang(load_table("casualty_cues"), "cue")  # a key's first row, any kind
    return [
        *_sets("trigger", (r for r in triggers if not r.get("scope")), "trigger",
               suffix=True),
        *_sets("headline", (r for r in triggers if r.get("scope") == "headline"),
               "trigger", suffix=True),
        *_sets("forces", (r for r in triggers if r.get("scope") == "forces"),
               "trigger", suffix=True),
        *_sets("force", load_table("armed_forces"), "word"),
        *_sets("boundary", load_table("incident_boundaries"), "marker", clitics=False),
        *_sets("non_incident", load_table("non_incident_cues"), "cue", suffix=True),
        *_sets("actor", load_table("actors"), "pattern"),
        *_sets("attribution", load_table("attribution_cues"), "cue"),
        *(PhraseSet(f"casualty:{lang}", lang, {k: r for k, r in t.items()
                    if r["kind"] not in ZERO_KINDS}) for lang, t in cues.items()),
        *(PhraseSet(f"zero:{lang}", lang, {k: r for k, r in t.items()
                    if r["kind"] in ZERO_KINDS}) for lang, t in cues.items()),
        *_sets("revision", (r for r in load_table("casualty_words")
                            if r["set"] == "revision"), "word", suffix=True),
        *_sets("similar", (r for r in load_table("event_references")
                           if r["kind"] == "similar"), "word", suffix=True),
        *_sets("another", (r for r in load_table("event_references")
                           if r["kind"] == "another"), "word", suffix=True),
    ]  # fmt: skip


class IncidentLexicon:
    """The incident phrase tables in one matcher (built once; see module doc)."""

    def __init__(self, types: Iterable[str]) -> None:
        self.matcher = PhraseMatcher(phrase_sets(types))

    def read(self, folded: str) -> PhraseHits:
        """The phrase hits of a folded text (one automaton pass)."""
        return self.matcher(folded)
