"""Front ends: the ways people and programs reach the engine (the Typer CLI; HTTP; batch runs).

May import: everything in the package.
"""
