"""``kharita extract`` output: one JSON object per article, written as results stream by."""

from __future__ import annotations

import json
from typing import IO

from ..models import ArticleResult
from ..serialize import result_to_dict

__all__ = ["JsonLinesSink"]


class JsonLinesSink:
    """A sink of :func:`kharita.run.run` writing each result as one JSON line."""

    def __init__(self, handle: IO[str]) -> None:
        self.handle = handle

    def add(self, result: ArticleResult) -> None:
        line = json.dumps(result_to_dict(result), ensure_ascii=False)
        self.handle.write(line + "\n")
