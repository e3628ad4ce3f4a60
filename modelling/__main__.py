"""Entry point: ``python -m modelling``."""

import sys

from modelling.cli import main

if __name__ == "__main__":
    sys.exit(main())
