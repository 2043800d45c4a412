"""Benchmarks for issue 5 (fast at 10,000 contacts). Not part of the pytest run.

Run from the repository root:

    python -m tests.benchmarks            # every row, 5 runs each, updates docs/performance.md
    python -m tests.benchmarks --quick    # 3 runs each
    python -m tests.benchmarks --help

See run.py for what each row measures.
"""
