"""``kharita extract`` output: one JSON object per article, written as results stream by."""

from __future__ import annotations

import json
from typing import IO

from ..models import ArticleResult
from ..serialize import result_to_dict

__all__ = ["JsonLinesSink", "result_line"]


def result_line(result: ArticleResult) -> str:
    """One result as its JSON line (newline included)."""
    return json.dumps(result_to_dict(result), ensure_ascii=False) + "\n"


class JsonLinesSink:
    """A sink of :func:`kharita.run.run` writing each result as one JSON line
    (an encoding sink: with ``--workers`` the lines are made in the workers)."""

    encode = staticmethod(result_line)

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def add(self, result: ArticleResult) -> None:
        self.handle.write(result_line(result))

    def add_encoded(self, line: str) -> None:
        self.handle.write(line)
