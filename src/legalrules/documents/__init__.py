"""What people read: text renderings, calendars (HTML, Markdown, ICS) and notices.

`deadline_words` words deadlines for every document; `text/` renders decisions, deadline
tables and rule listings for a terminal; `calendar/` builds calendar views, their templates
and ICS files; `notices/` selects, fills and renders the notices a decision calls for.

May import: `engine`, `decision`, `legaltime`, `ruleformat`, `case`, and the shared top-level modules.
"""
