import sys

from vpnotebook.cli import main

sys.exit(main())
