"""The explorer page: a trainer's view of a case, served over HTTP (the page and the endpoints it needs).

`routes.explorer_router` is mounted by the HTTP service (`legalrules serve`) at `/explorer`; the work it
does lives in `variations.workbench`. May import everything in the package.
"""
