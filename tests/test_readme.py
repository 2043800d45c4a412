"""The README a newcomer reads first: its commands are CI's, its links lead somewhere."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_lines() -> list[str]:
    block = re.search(r"```sh\n(.*?)```", README, flags=re.S)
    assert block, "the README has no ```sh block of set-up commands"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_the_two_setup_commands_make_their_own_environment():
    demo, tests = _setup_lines()
    for line in (demo, tests):  # PEP 668: never pip into the system Python
        assert line.startswith("python3 -m venv .venv && .venv/bin/pip install ")
    assert demo.endswith(".venv/bin/netpace --demo") and tests.endswith(".venv/bin/pytest")


def test_ci_runs_exactly_the_readmes_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _setup_lines()[1] in ci


def test_every_link_and_picture_in_the_readme_is_there():
    targets = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README)
    assert any(t.startswith("docs/") for t in targets) and any(t.startswith("screenshots/") for t in targets)
    missing = [t for t in targets if not (ROOT / t).exists()]
    assert not missing, missing


def test_the_benchmark_table_has_its_place_in_the_performance_page():
    from tests.benchmarks.run import BEGIN, END, README as PAGE

    text = PAGE.read_text(encoding="utf-8")
    assert PAGE == ROOT / "docs" / "performance.md"
    assert text.index(BEGIN) < text.index(END)
