"""Rulesets as data: the YAML schema, the loader, compiled rules, conditions, the fact catalog, the cache.

A ruleset directory becomes a `CompiledRuleset`; the catalog says which case fact each
condition reads; the cache keeps compiled rulesets between runs.

May import: `case`, and the shared top-level modules.
"""
