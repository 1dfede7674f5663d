"""What merging keeps of each report: its group and its articles, in flat arrays."""

from __future__ import annotations

import pytest

from factories import make_article, make_incident, make_source
from kharita.incidents.groups import ArticleKeys, Groups, article_digest


def _report(*article_ids: str):  # type: ignore[no-untyped-def]
    sources = [make_source(make_article(id=a)) for a in article_ids]
    return make_incident(sources=sources)


@pytest.mark.parametrize(
    ("first", "second", "shared"),
    [
        (("a",), ("a",), True),
        (("a",), ("b",), False),
        (("a", "a"), ("a",), True),  # two sources of one article
        (("a", "b"), ("b",), True),
        (("a", "b"), ("c", "d"), False),
        (("b",), ("c", "b"), True),
        ((), ("a",), False),
        ((), (), False),
        (("ق",), ("ق",), True),
        (("\ud83d",), ("\ud83d",), True),  # a lone surrogate is an id too
    ],
)
def test_groups_article_keys_share(
    first: tuple[str, ...], second: tuple[str, ...], shared: bool
) -> None:
    keys = ArticleKeys()
    keys.add(_report("x"))  # not at index 0
    keys.add(_report(*first))
    keys.add(_report(*second))
    assert keys.share(1, 2) is shared
    assert keys.share(2, 1) is shared
    assert keys.share(0, 1) is ("x" in first)


def test_groups_article_digest_is_fixed_size() -> None:
    assert len(article_digest("a" * 10_000)) == len(article_digest("")) == 16
    assert article_digest("a") != article_digest("b")


def test_groups_members_in_order_of_first_report() -> None:
    groups = Groups()
    for _ in range(7):
        groups.add()
    groups.union(4, 1)
    groups.union(6, 0)
    groups.union(4, 6)
    assert list(groups.members()) == [[0, 1, 4, 6], [2], [3], [5]]
    assert list(Groups().members()) == []
