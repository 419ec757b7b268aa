"""Plain-text renderings for a terminal: decisions, deadline tables, rule listings, wrapping.

May import: what `documents` may.
"""
