"""``python -m newsweave.cli``."""

from newsweave.cli import main

main()
