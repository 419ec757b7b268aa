"""`python -m legalrules`: the same command line as the `legalrules` script."""

from __future__ import annotations

from .frontends.cli import main

main()
