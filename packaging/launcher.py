"""Entry script of the frozen program: exactly what the `vpnotebook` console script runs."""

import sys

from vpnotebook.cli import main

if __name__ == "__main__":
    sys.exit(main())
