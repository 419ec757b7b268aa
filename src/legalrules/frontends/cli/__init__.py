"""The `legalrules` command line (Typer): one module per command; may import everything."""

from __future__ import annotations

from .app import app, main

__all__ = ["app", "main"]
