"""``python -m kharita``."""

from .cli import console

console()
