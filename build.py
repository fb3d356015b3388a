#!/usr/bin/env python3
"""Build the site: ``python build.py --help``. All the work is in ``src/undocs``."""

import sys

from undocs.cli import main

if __name__ == "__main__":
    sys.exit(main())
