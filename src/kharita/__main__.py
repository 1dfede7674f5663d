"""``python -m kharita``."""

from .cli import main

main()
