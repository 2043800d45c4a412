"""Mutation testing: how many small bugs (mutants) planted in the code the tests catch.

    pip install mutmut
    python -m tests.mutation                 # every area (an hour or more on two cores)
    python -m tests.mutation merge exporters # some areas
    python -m tests.mutation --report        # the score of what was run, without running

Not in CI, like the benchmarks: it runs the tests hundreds of times. mutmut's settings
(which files, which tests) are in pyproject.toml under [tool.mutmut]; it works in `mutants/`,
a copy of the project, and keeps each mutant's result there between runs. The domain is
measured with its own tests only (tests/domain/: fast, and what a pure package should be
held to), in a copy of its own under `.mutation/domain/`; the other areas with the
selection in pyproject.toml. While a mutant is under test the property tests try a tenth
of their examples (tests.helpers.examples). The areas and their bars are below;
docs/robustness.md has the last scores and every surviving mutant.
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_STORE = "netpace.store.store."
# Mutant names are module.function__mutmut_N (methods: module.xǁClassǁmethod__mutmut_N).
AREAS: dict[str, tuple[float, list[str]]] = {
    "domain": (0.90, ["netpace.domain.*"]),
    "merge": (0.80, ["netpace.importers.merge.*"]),
    "exporters": (0.80, ["netpace.exporters.*"]),
    # The store's write paths: what is cleaned, written and changed, not how it is read.
    "store-writes": (0.80, [
        f"{_STORE}x_clean_contact__*", f"{_STORE}x_clean_interaction__*",
        f"{_STORE}xǁStoreǁ_row_values__*", f"{_STORE}xǁStoreǁ_write_emails__*", f"{_STORE}xǁStoreǁ_touch__*",
        f"{_STORE}xǁStoreǁ_clean__*", f"{_STORE}xǁStoreǁ_clean_interaction__*", f"{_STORE}xǁStoreǁadd_*",
        f"{_STORE}xǁStoreǁdelete_*", f"{_STORE}xǁStoreǁlog__*", f"{_STORE}xǁStoreǁrestore_interaction__*",
        f"{_STORE}xǁStoreǁset_status__*", f"{_STORE}xǁStoreǁupdate_*",
    ]),
}
# Areas measured with tests of their own, each in its own copy of the project.
OWN_TESTS: dict[str, list[str]] = {"domain": ["tests/domain/"]}
WORK = ROOT / ".mutation"
KILLED = {1, 3, 37}  # a test failed (or pytest stopped on an error), or the type check caught it
SURVIVED = {0}


def results(area: str) -> dict[str, int | None]:
    """Every mutant mutmut knows of where `area` is run, with the exit code of its test
    run (None: not run)."""
    found: dict[str, int | None] = {}
    for meta in (where(area) / "mutants").rglob("*.meta"):
        found.update(json.loads(meta.read_text(encoding="utf-8")).get("exit_code_by_key", {}))
    return found


def where(area: str) -> Path:
    """The folder mutmut runs `area` in: the project, or a copy with the area's own tests."""
    return WORK / area if area in OWN_TESTS else ROOT


def prepare(area: str) -> Path:
    """The copy an area with its own tests runs in, brought up to date (file times kept,
    so mutmut keeps the results of what did not change)."""
    folder = where(area)
    if folder == ROOT:
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("netpace", "tests"):
        shutil.copytree(ROOT / name, folder / name, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for copied in (folder / name).rglob("*.py"):  # what was deleted here goes there too
            if not (ROOT / copied.relative_to(folder)).exists():
                copied.unlink()
    selection = ", ".join(f'"{path}"' for path in OWN_TESTS[area])
    config = re.sub(r"pytest_add_cli_args_test_selection = \[[^\]]*\]",
                    f"pytest_add_cli_args_test_selection = [{selection}]",
                    (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (folder / "pyproject.toml").write_text(config, encoding="utf-8")
    return folder


def in_area(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def report(areas: list[str]) -> bool:
    """Print each area's score and survivors; True if every area run meets its bar."""
    ok = True
    for area in areas:
        known = results(area)
        bar, patterns = AREAS[area]
        mine = {name: code for name, code in known.items() if in_area(name, patterns)}
        ran = {name: code for name, code in mine.items() if code is not None}
        killed = sorted(name for name, code in ran.items() if code in KILLED)
        survived = sorted(name for name, code in ran.items() if code in SURVIVED)
        other = sorted(name for name, code in ran.items() if code not in KILLED | SURVIVED)
        if not ran:
            print(f"{area}: not run ({len(mine)} mutants)")
            continue
        score = len(killed) / len(ran)
        ok &= score >= bar
        print(f"{area}: {len(killed)} of {len(ran)} killed ({score:.0%}; bar {bar:.0%}), "
              f"{len(survived)} survived, {len(other)} other (no test reached them, timeout), "
              f"{len(mine) - len(ran)} not run")
        for name in survived:
            print(f"  survived  {name}")
        for name in other:
            print(f"  {'no tests' if mine[name] in (5, 33) else 'code ' + str(mine[name]):<9} {name}")
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.mutation", description=__doc__.splitlines()[0])
    parser.add_argument("areas", nargs="*", metavar="AREA", help=f"{', '.join(AREAS)} (default: all)")
    parser.add_argument("--report", action="store_true", help="only print the scores of what was run")
    args = parser.parse_args(argv)
    unknown = [area for area in args.areas if area not in AREAS]
    if unknown:
        parser.error(f"unknown area {unknown[0]!r}: use {', '.join(AREAS)}")
    areas = args.areas or list(AREAS)
    if not args.report:
        for folder in dict.fromkeys(where(area) for area in areas):
            mine = [area for area in areas if where(area) == folder]
            patterns = [pattern for area in mine for pattern in AREAS[area][1]]
            subprocess.run([sys.executable, "-m", "mutmut", "run", *patterns], cwd=prepare(mine[0]), check=False)
    return 0 if report(areas) else 1


if __name__ == "__main__":
    sys.exit(main())
