"""Rules of the architecture that a test can hold: the core never imports Qt, the
simulator shares no code with the client side, and `--help` stays light."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[1] / "meterlab"


def _modules(exclude: tuple[str, ...]) -> list[str]:
    out = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG.parent).with_suffix("")
        name = ".".join(rel.parts).removesuffix(".__init__")
        if not any(name == e or name.startswith(e + ".") for e in exclude):
            out.append(name)
    return out


def test_core_imports_no_qt():
    core = _modules(("meterlab.gui", "meterlab.commands.gui", "meterlab.__main__"))
    assert "meterlab.tolerance" in core and "meterlab.sim.scope" in core
    code = (
        "import importlib, sys\n"
        f"for m in {core!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph'))\n"
        "print(','.join(bad))\n"
    )
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == ""


def test_simulator_shares_no_code_with_the_client_side():
    client = {"meterlab.scpi", "meterlab.visa", "meterlab.profiles", "meterlab.drivers",
              "meterlab.tolerance", "meterlab.units", "meterlab.analysis", "meterlab.decode",
              "meterlab.vocabulary", "meterlab.bench"}
    for path in (PKG / "sim").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for name in names:
                assert not any(name == c or name.startswith(c + ".") for c in client), (
                    f"{path.name} imports {name}")


def test_help_does_not_import_heavy_modules():
    code = ("import sys\nfrom meterlab.cli import cli\n"
            "try:\n    cli.main(['--help'], standalone_mode=False)\nexcept SystemExit:\n    pass\n"
            "print('HEAVY:' + ','.join(m for m in ('pandas', 'PySide6', 'pyvisa', 'numpy') "
            "if m in sys.modules))\n")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    assert "Commands:" in res.stdout
    assert res.stdout.strip().splitlines()[-1] == "HEAVY:"


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at the top or inside a function (ast, not a regex)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
    return names


def _offenders(paths: list[Path], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(f"{p.relative_to(PKG)} imports {name}" for p in paths for name in _imports(p)
                  if any(name == f or name.startswith(f + ".") for f in forbidden))


def test_drivers_never_import_the_store_evaluation_or_the_faces():
    """A driver speaks to an instrument; judging, storing and showing happen above it."""
    forbidden = ("meterlab.store", "meterlab.store_writer", "meterlab.store_chain",
                 "meterlab.store_schema", "meterlab.store_verify", "meterlab.store_frame",
                 "meterlab.tolerance", "meterlab.tolerance_eval", "meterlab.tolerance_parse",
                 "meterlab.stats", "meterlab.plan", "meterlab.runner", "meterlab.bench_io",
                 "meterlab.report", "meterlab.export", "meterlab.bench", "meterlab.gui",
                 "meterlab.commands", "meterlab.cli")
    assert _offenders(sorted((PKG / "drivers").glob("*.py")), forbidden) == []


def test_vocabulary_depends_on_nothing_it_names():
    """Plans, profiles, drivers and the GUI read the vocabulary; it reads none of them."""
    imported = {n for n in _imports(PKG / "vocabulary.py") if n.startswith("meterlab")}
    assert imported <= {"meterlab.errors", "meterlab.errors.UsageError"}, imported


def _under(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


#: The `meterlab gui` command only launches the window; it is how the command tree
#: reaches the desktop face at all, the way `cli.py` does without a command.
_LAUNCHER = PKG / "commands" / "gui.py"


def test_gui_and_commands_never_import_each_other():
    """Both faces call the application layer (`meterlab.bench`), never each other: the
    GUI's plan runner once imported the CLI's helpers to open instruments and record
    sessions, so the two drifted apart."""
    bad = []
    for path in sorted((PKG / "gui").rglob("*.py")):
        bad += [f"gui/{path.name} imports {n}" for n in _imports(path)
                if _under(n, "meterlab.commands")]
    for path in sorted((PKG / "commands").rglob("*.py")):
        if path == _LAUNCHER:
            continue
        bad += [f"commands/{path.name} imports {n}" for n in _imports(path)
                if _under(n, "meterlab.gui")]
    assert bad == []


def test_launcher_imports_only_the_window_entry_points():
    names = {n for n in _imports(_LAUNCHER) if _under(n, "meterlab.gui")}
    assert names <= {"meterlab.gui.app", "meterlab.gui.app.run", "meterlab.gui.preflight",
                     "meterlab.gui.preflight.check_display"}, names


def test_both_faces_use_the_application_layer():
    assert "meterlab.bench.plan_run" in _imports(PKG / "gui" / "plan_worker.py")
    assert "meterlab.bench.plan_run" in _imports(PKG / "commands" / "run.py")


_EVALUATION = ("meterlab.tolerance", "meterlab.tolerance_eval", "meterlab.tolerance_parse",
               "meterlab.stats", "meterlab.outcome")


def test_drivers_never_import_the_store_evaluation_or_the_layers_above():
    """Drivers measure and hand data on; they never judge or persist (design: data flow)."""
    bad = []
    for path in sorted((PKG / "drivers").rglob("*.py")):
        for n in _imports(path):
            if (n.startswith("meterlab.store") or any(_under(n, e) for e in _EVALUATION)
                    or any(_under(n, up) for up in ("meterlab.bench", "meterlab.gui",
                                                    "meterlab.commands", "meterlab.runner",
                                                    "meterlab.export", "meterlab.report"))):
                bad.append(f"drivers/{path.name} imports {n}")
    assert bad == []


def test_the_store_never_imports_the_faces_or_the_layer_above_it():
    """The store records what the layer decided; only the pure outcome rule is shared."""
    bad = []
    for path in sorted(PKG.glob("store*.py")):
        bad += [f"{path.name} imports {n}" for n in _imports(path)
                if any(_under(n, up) for up in ("meterlab.bench", "meterlab.gui",
                                                "meterlab.commands", "meterlab.runner"))]
    assert bad == []
