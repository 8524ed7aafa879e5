"""Structural rules: the core never loads Qt, and the PySide6 build in use does not corrupt None."""

import subprocess
import sys
import pkgutil

import kzeu_desk.core


def test_importing_every_core_module_loads_no_qt():
    modules = [f"kzeu_desk.core.{m.name}" for m in pkgutil.iter_modules(kzeu_desk.core.__path__)]
    program = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=True)
    assert len(modules) > 10
    assert result.stdout.strip() == ""


def test_pyside_void_calls_do_not_drift_none_refcount():
    """PySide6 6.12.0 on CPython 3.11 drops a reference to None per void call (QWidget.update,
    setObjectName, ...) and aborts with "none_dealloc" after a few thousand (docs/ARCHITECTURE.md, traps)."""
    program = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication, QObject\n"
        "app = QCoreApplication([])\n"
        "o = QObject()\n"
        "before = sys.getrefcount(None)\n"
        "for i in range(100_000): o.setObjectName('x')\n"
        "after = sys.getrefcount(None)\n"
        "print(after - before)\n"
    )
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-500:]
    assert abs(int(result.stdout.strip())) < 100
