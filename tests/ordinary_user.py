"""Running kzeu-desk as an ordinary user (nobody) from tests that run as root.

Root ignores file modes, so permission behaviour is only real for another user. That user cannot
reach the project's Python (it lives under /root), so a virtual environment is built from the
system Python (/usr/bin/python3) in the temporary folder, once per machine and set of dependencies
(it is reused while pyproject.toml's dependencies are unchanged), and a copy of the code is put
beside it for each test session. Tests use `ordinary_user()` and skip, saying why, where this
cannot be done (not root, no setpriv, no system Python).
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import tempfile
import tomllib
from functools import cache
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = Path("/usr/bin/python3")
USER, GROUP = "nobody", "nogroup"


class OrdinaryUser:
    def __init__(self, python: Path, code: Path, home: Path):
        self.python = python
        self.code = code
        self.home = home

    def run(self, *args: str, timeout: float = 120, program: str | None = None) -> subprocess.CompletedProcess:
        """`kzeu-desk ARGS...` (or `python -c PROGRAM`) as the ordinary user."""
        command = ["-c", program] if program is not None else ["-m", "kzeu_desk", *args]
        env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "PYTHONPATH": str(self.code),
               "KZEU_DESK_DATA_DIR": str(self.home / "data"), "QT_QPA_PLATFORM": "offscreen",
               "XDG_RUNTIME_DIR": str(self.home), "LANG": "C.UTF-8"}
        return subprocess.run(["setpriv", f"--reuid={USER}", f"--regid={GROUP}", "--clear-groups",
                               str(self.python), *command], capture_output=True, text=True, env=env,
                              timeout=timeout)


def _dependencies() -> list[str]:
    with (PROJECT / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["dependencies"]


def why_unavailable() -> str | None:
    if os.geteuid() != 0:
        return "needs root to run a command as another user"
    if shutil.which("setpriv") is None:
        return "setpriv (util-linux) is not installed"
    if not SYSTEM_PYTHON.exists():
        return "there is no system Python at /usr/bin/python3 to build the other user's environment from"
    return None


@cache
def _environment() -> Path:
    """A venv with the app's dependencies, built from the system Python, readable by everyone."""
    key = hashlib.sha256("\n".join([str(SYSTEM_PYTHON.resolve()), *_dependencies()]).encode()).hexdigest()[:12]
    venv = Path(tempfile.gettempdir()) / f"kzeu-desk-user-venv-{key}"
    ready = venv / ".ready"
    if ready.exists() and _trustworthy(venv):
        return venv / "bin" / "python"
    # Test workers running side by side (pytest-xdist) build it once: the others wait here for the
    # ~15 s build instead of each running pip. O_NOFOLLOW: a planted link in /tmp is never opened.
    lock = os.open(f"{venv}.lock", os.O_CREAT | os.O_RDWR | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if ready.exists() and _trustworthy(venv):
            return venv / "bin" / "python"
        return _build(venv)
    finally:
        os.close(lock)


def _build(venv: Path) -> Path:
    shutil.rmtree(venv, ignore_errors=True)
    building = Path(tempfile.mkdtemp(prefix="kzeu-desk-user-venv-building-"))
    subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", str(building)], check=True, capture_output=True)
    subprocess.run([str(building / "bin" / "python"), "-m", "pip", "install", "--quiet", *_dependencies()],
                   check=True, capture_output=True, timeout=1800)
    (building / ".ready").touch()
    building.chmod(0o755)
    try:
        building.rename(venv)  # another session may have finished first
    except OSError:
        shutil.rmtree(building, ignore_errors=True)
    return venv / "bin" / "python"


def _trustworthy(venv: Path) -> bool:
    """Made by root and writable by no one else: nobody else could have put code in it."""
    info = venv.stat()
    return info.st_uid == 0 and not info.st_mode & 0o022


@cache
def ordinary_user() -> OrdinaryUser:
    python = _environment()
    session = Path(tempfile.mkdtemp(prefix="kzeu-desk-user-session-"))
    session.chmod(0o755)
    code = session / "code"
    for part in ("kzeu_desk", "resources", "db"):
        shutil.copytree(PROJECT / part, code / part, ignore=shutil.ignore_patterns("__pycache__", "_data"))
    home = session / "home"
    home.mkdir()
    shutil.chown(home, USER, GROUP)
    for path in [code, *code.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return OrdinaryUser(python, code, home)
