"""Notices a decision calls for: which ones, their particulars, law, memos, wording and rendering.

May import: what `documents` may.
"""
