"""Golden digests of ``kharita extract`` output: refactors must not change results.

The SHA-256 of the extract JSON lines (the stable contract, one line per
article) over ``examples/``, the shared samples and the Arabic NER dev set,
compared with ``tests/data/extract_digests.json``.  A change that is MEANT to
change results regenerates the file and says why in its commit::

    python tests/test_extract_digest.py --update
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
DIGESTS = REPO / "tests" / "data" / "extract_digests.json"
SETS = {
    "examples": REPO / "examples",
    "samples": REPO.parent / "shared" / "samples" / "articles.jsonl",
    "ner_ar_dev": REPO.parent / "shared" / "eval-dev" / "ner_ar_dev.jsonl",
}


def digest(path: Path) -> str:
    """SHA-256 of the extract output of ``path`` (as ``kharita extract`` writes it)."""
    from kharita.ingest import iter_articles
    from kharita.models import RecordError
    from kharita.pipeline import pipeline_for
    from kharita.serialize import result_to_dict

    nlp = pipeline_for()
    h = hashlib.sha256()
    for record in iter_articles([path]):
        if isinstance(record, RecordError):
            line = str(record)
        else:
            line = json.dumps(result_to_dict(nlp.extract(record)), ensure_ascii=False)
        h.update(line.encode("utf-8") + b"\n")
    return h.hexdigest()


@pytest.mark.reference
@pytest.mark.parametrize("name", sorted(SETS))
def test_extract_digest_unchanged(name: str) -> None:
    path = SETS[name]
    if not path.exists():
        pytest.fail(f"missing input {path} (tests read ../shared beside the repo)")
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))[name]
    assert digest(path) == expected, (
        f"extract output on {name} changed; if intended, run "
        "`python tests/test_extract_digest.py --update` and say why in the commit"
    )


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        sys.exit("usage: python tests/test_extract_digest.py --update")
    DIGESTS.write_text(
        json.dumps({n: digest(p) for n, p in sorted(SETS.items())}, indent=2) + "\n",
        encoding="utf-8",
    )
    print(f"wrote {DIGESTS}")
