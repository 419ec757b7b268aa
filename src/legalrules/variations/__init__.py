"""Variations on a case, for trainers: facts overridden, decisions compared, ranges swept, interviews.

May import: case, decision, ruleformat, legaltime, engine and the top-level modules;
front ends (frontends/) import this package, never the other way round.
"""
