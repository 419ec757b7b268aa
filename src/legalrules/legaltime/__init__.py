"""Legal time: period arithmetic (CPL Art. 105, SPC 2021 Art. 202) and statutory holidays.

Pure functions of instants and a holiday calendar; nothing here knows a rule or a case.

May import: `case` (for instants), and the shared top-level modules.
"""
