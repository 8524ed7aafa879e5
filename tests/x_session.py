"""A real X server with a real window manager for launch tests: Xvfb plus openbox, from Debian.

Offscreen Qt has no window manager: nothing moves, decorates, maximises or closes a window, so
bugs in restoring a window's state can hide there. These tests start both programs on a free
display; where they are missing and the run is root with apt-get (CI, a fresh machine), they are
installed first, as `make test` must on a clean clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PROGRAMS = {"Xvfb": "xvfb", "openbox": "openbox", "wmctrl": "wmctrl"}
# What Qt's xcb plugin links to beyond libxcb itself (kzeu_desk/ui/platform_check.py lists them all).
XCB_PACKAGES = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxkbcommon-x11-0", "libxcb-image0",
                "libxcb-render-util0", "libxcb-shape0", "libxcb-randr0", "libxcb-xkb1", "libx11-xcb1"]
SCREEN = (1600, 1000)


def _missing_packages() -> list[str]:
    missing = [package for program, package in PROGRAMS.items() if shutil.which(program) is None]
    if shutil.which("dpkg"):
        for package in XCB_PACKAGES:
            if subprocess.run(["dpkg", "-s", package], capture_output=True).returncode != 0:
                missing.append(package)
    return missing


def ensure_programs() -> None:
    missing = _missing_packages()
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip(f"needs {', '.join(missing)} (installed automatically only as root with apt-get)")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=environment, capture_output=True)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=environment, capture_output=True)


def _wait_for(condition, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise TimeoutError(f"{what} did not start within {seconds} s")


@contextmanager
def x_session() -> Iterator[dict[str, str]]:
    """An environment (DISPLAY and QT_QPA_PLATFORM=xcb) for a running Xvfb with openbox managing it."""
    ensure_programs()
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write_end)
    manager = None
    try:
        with os.fdopen(read_end) as numbers:
            display = f":{numbers.readline().strip()}"
        environment = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        manager = subprocess.Popen(["openbox", "--sm-disable"], env=environment,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _wait_for(lambda: subprocess.run(["wmctrl", "-m"], env=environment, capture_output=True).returncode == 0,
                  20, "openbox")
        yield environment
    finally:
        for process in (manager, server):
            if process is not None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
