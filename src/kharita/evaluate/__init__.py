"""Scoring kharita against gold annotations: pure functions returning dicts.

* :mod:`.prf` -- a precision/recall/F1 counter (after spaCy's ``PRFScore``);
* :mod:`.places` -- place spans (exact and overlap) and distances of resolved points;
* ``.incidents`` -- incident scoring (written by the incidents work).
"""

from __future__ import annotations

from .places import distance_scores, score_places, span_scores
from .prf import PRF

__all__ = ["PRF", "distance_scores", "score_places", "span_scores"]
