"""The architecture holds: pure domain, a store that never sees Textual, a lazy CLI."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "netpace"


def loaded_after(code: str) -> set[str]:
    script = f"import sys\n{code}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    return {line.split(".")[0] for line in result.stdout.splitlines()}


@pytest.mark.parametrize("module", ["netpace.domain.pressure", "netpace.domain.when", "netpace.domain.defaults"])
def test_domain_imports_no_storage_and_no_ui(module):
    loaded = loaded_after(f"import {module}")
    assert "peewee" not in loaded and "textual" not in loaded and "sqlite3" not in loaded


def test_store_never_imports_textual():
    assert "textual" not in loaded_after("import netpace.store, netpace.store.store, netpace.demo")


def test_quick_commands_never_import_textual(tmp_path):
    code = (
        "from netpace.cli import cli\n"
        f"cli.main(['--db', {str(tmp_path / 'x.db')!r}, 'add', 'Maren Holt'], standalone_mode=False)\n"
        f"cli.main(['--db', {str(tmp_path / 'x.db')!r}, 'list'], standalone_mode=False)\n"
        f"cli.main(['--db', {str(tmp_path / 'x.db')!r}, 'triage', '--all'], standalone_mode=False)"
    )
    assert "textual" not in loaded_after(code)


def test_imports_point_one_way_and_no_package_has_a_cycle(capsys):
    """import-linter's contracts in pyproject.toml: the layers (ui/cli -> startup ->
    importers/exporters -> store -> domain), lazy imports included, and no cycle between
    the modules of any package."""
    from importlinter.cli import lint_imports

    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert code == 0, capsys.readouterr().out


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_domain_source_reads_no_clock_and_does_no_io():
    for path in (PACKAGE / "domain").glob("*.py"):
        source = path.read_text()
        assert not (_imports(path) & {"peewee", "textual", "sqlite3", "os", "pathlib", "click"}), path
        for call in ("datetime.now(", "pendulum.now(", "date.today(", "time.time(", "open("):
            assert call not in source, f"{path.name} calls {call}"


def test_the_launch_draws_its_first_frame_without_peewee_pendulum_or_click():
    """What the app process imports before the list is on screen (netpace.__main__): the
    child process reads the database; this one loads Textual and the first screen only."""
    assert not loaded_after("import netpace.__main__") & {"textual", "peewee", "pendulum", "click", "sqlite3"}
    code = (
        "import netpace.__main__\n"
        "from netpace.ui.run import run_after_child\n"
        "import netpace.ui.app, netpace.ui.screens.main\n"
        "from netpace.startup.kept_list import moment, unpack\n"
        "unpack((1, 'A', '', 'active', None, 3, 'calm', 'ok', 739000)); moment(0.0, 3600)"
    )
    assert not loaded_after(code) & {"peewee", "pendulum", "click"}
