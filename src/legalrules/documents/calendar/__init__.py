"""Deadline calendars: the month/agenda view, its HTML and Markdown templates, ICS files.

May import: what `documents` may.
"""
