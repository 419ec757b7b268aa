"""The input contract: a case's facts, read from YAML or JSON with line numbers, and its instants.

`model` is the pydantic model (split by part of the case: suspect, offences, interrogations,
measures and events); `io` reads case files and reports problems by file, line and field;
`yaml_lines` is the line-aware YAML loader; `instants` fixes the local zone (Asia/Shanghai).

May import: `legalrules.errors` only. Everything else builds on the case, never the reverse.
"""
