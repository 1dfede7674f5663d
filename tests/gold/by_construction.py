"""Incident scores of the Arabic construction set, one line per construction.

Run: ``python tests/gold/by_construction.py`` (reads ``tests/gold/ar_incidents_dev.jsonl`` and
``tests/data/ar_passages.jsonl``; prints the ``kharita eval`` incident measures per construction,
and the incidents found in the passages that report none).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from kharita.api import extract
from kharita.evaluate.gold import load_articles
from kharita.evaluate.incidents import score_incidents
from kharita.gazetteer import load_gazetteer

HERE = Path(__file__).resolve().parent
MEASURES = ("type_accuracy", "date_accuracy", "casualty_exact", "location_acc10")


def main() -> int:
    rows = [json.loads(line) for line in (HERE / "ar_incidents_dev.jsonl").open()]
    articles = load_articles(HERE.parent / "data" / "ar_passages.jsonl")
    gaz = load_gazetteer()
    results = {aid: extract(a, gazetteer=gaz) for aid, a in articles.items()}
    kinds = sorted({r["construction"] for r in rows})
    for kind in kinds:
        mine = [r for r in rows if r["construction"] == kind]
        ids = {r["article_id"] for r in mine}
        s = score_incidents(mine, [results[i] for i in sorted(ids)])
        cells = " ".join(f"{m}={s[m]}" for m in MEASURES)
        found = s["gold_incidents"] - s["missed"]
        line = f"{kind:15s} gold={s['gold_incidents']} predicted={s['predicted_incidents']} "
        sys.stdout.write(f"{line}found={found} {cells}\n")
    gold_ids = {r["article_id"] for r in rows}
    extra = {aid: len(r.incidents) for aid, r in results.items() if aid not in gold_ids}
    sys.stdout.write(
        f"no-incident passages: {len(extra)}, incidents found: {sum(extra.values())}\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
