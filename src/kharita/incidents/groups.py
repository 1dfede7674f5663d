"""What merging keeps of each report in memory: its group and its articles.

:class:`kharita.incidents.dedup.Merger` numbers the reports as they arrive.
:class:`Groups` is the union-find over those numbers and :class:`ArticleKeys`
tells whether two reports share an article (reports of one article are never
the same event).  Both are flat arrays: 8 bytes of group and 16 of article a
report, however long its ids and texts, so the reports themselves may live
elsewhere (on disk: :class:`kharita.spill.SpillFile`).
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterator

from ..models import Incident

__all__ = ["ArticleKeys", "Groups", "article_digest"]

DIGEST_BYTES = 16
_SEE_SETS = bytes(DIGEST_BYTES)  # placeholder of a report with no or several articles


def article_digest(article_id: str) -> bytes:
    """A 128-bit digest of an article id: equal ids, equal digests; different ids
    collide with a probability of about 2**-128 a pair (never, in practice)."""
    data = article_id.encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=DIGEST_BYTES).digest()


class ArticleKeys:
    """The articles of each report: one digest for a report of one article
    (almost all), a set of digests for the others."""

    def __init__(self) -> None:
        self._single = bytearray()  # DIGEST_BYTES a report
        self._sets: dict[int, frozenset[bytes]] = {}  # reports of 0 or 2+ articles

    def add(self, incident: Incident) -> None:
        """Record the articles of the next report."""
        digests = frozenset(article_digest(s.article_id) for s in incident.sources)
        if len(digests) == 1:
            self._single += next(iter(digests))
            return
        self._sets[len(self._single) // DIGEST_BYTES] = digests
        self._single += _SEE_SETS

    def share(self, i: int, j: int) -> bool:
        """True when reports ``i`` and ``j`` have an article in common."""
        sets = self._sets
        if i in sets or j in sets:
            return not self._of(i).isdisjoint(self._of(j))
        single, a, b = self._single, i * DIGEST_BYTES, j * DIGEST_BYTES
        return single[a : a + DIGEST_BYTES] == single[b : b + DIGEST_BYTES]

    def _of(self, i: int) -> frozenset[bytes]:
        found = self._sets.get(i)
        if found is not None:
            return found
        at = i * DIGEST_BYTES
        return frozenset([bytes(self._single[at : at + DIGEST_BYTES])])


class Groups:
    """Union-find over report numbers."""

    def __init__(self) -> None:
        self.parent = array("q")

    def __len__(self) -> int:
        return len(self.parent)

    def add(self) -> int:
        """A new report in a group of its own; its number."""
        i = len(self.parent)
        self.parent.append(i)
        return i

    def root(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        self.parent[self.root(j)] = self.root(i)

    def members(self) -> Iterator[list[int]]:
        """The reports of each group in order, groups in the order of their first
        report (a chain through the reports: 17 bytes a report meanwhile)."""
        count = len(self.parent)
        following = array("q", [-1]) * count  # the next report of the same group
        last = array("q", [-1]) * count  # by root: the group's last report so far
        first = bytearray(count)  # 1 where a group begins
        for i in range(count):
            root = self.root(i)
            if last[root] < 0:
                first[i] = 1
            else:
                following[last[root]] = i
            last[root] = i
        del last
        for i in range(count):
            if first[i]:
                group, j = [], i
                while j >= 0:
                    group.append(j)
                    j = following[j]
                yield group
