"""The output contract: a decision, its deadline outcomes and the tri-state values in them.

`model` is the `Decision` and its parts, `deadlines` the deadline outcomes, violations and
not-started entries, `tristate` the true / false / undetermined values.

May import: `case`, and the shared top-level modules (errors, interpretations, paths).
"""
