#!/bin/sh
cd /tmp/lr16e && PYTHONPATH=src LEGALRULES_CACHE_DIR=/tmp/lr16cache6 exec /work/wt-16/.venv/bin/python -c "from legalrules.frontends.cli import main; main()" "$@"
