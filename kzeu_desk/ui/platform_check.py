"""Naming the missing system library before Qt's X11 (xcb) platform plugin aborts the program.

Qt loads its xcb plugin inside `QApplication()`. When a library the plugin links to is missing, Qt prints a
long message that blames libxcb-cursor0 whatever is actually missing, then aborts (on a bare
Debian the missing ones were libxcb-icccm4 and libxcb-keysyms1). Checking the same libraries first lets
kzeu-desk say in one sentence which packages to install.

Qt-free on purpose: it must run before anything creates a QApplication.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import sys
from collections.abc import Callable, Mapping

# Everything libqxcb.so and libQt6XcbQpa.so link to, beyond what QtGui itself needs (libc, libstdc++, glib, libGL:
# without those, importing PySide6.QtGui has already failed). Shared-object name -> the Debian package with it.
XCB_PLATFORM_LIBRARIES: dict[str, str] = {
    "libxcb.so.1": "libxcb1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def _wants_xcb(environ: Mapping[str, str], system: str) -> bool:
    """Whether Qt will pick its xcb plugin, whatever DISPLAY says (it fails later without one)."""
    if not system.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        # "xcb", "xcb:option=value", or a fallback list like "wayland;xcb" whose first entry wins.
        return requested.split(";")[0].split(":")[0].strip() == "xcb"
    # Unset: Qt prefers its wayland plugin in a Wayland session and uses xcb (or XWayland) otherwise.
    in_wayland_session = bool(environ.get("WAYLAND_DISPLAY")) or environ.get("XDG_SESSION_TYPE") == "wayland"
    return not in_wayland_session


def display_reachable(display: str) -> bool:
    """Whether an X server answers at `display`, asked through libxcb as Qt's plugin will ask.

    When libxcb itself cannot be loaded the answer is left to `missing_window_libraries_message`.
    """
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


def no_display_message(
    environ: Mapping[str, str] | None = None,
    system: str | None = None,
    reachable: Callable[[str], bool] | None = None,
) -> str | None:
    """One sentence when Qt is about to need an X display it cannot reach, else None.

    Without one Qt's xcb plugin aborts the process (SIGABRT, exit 134) after blaming libxcb-cursor0.
    """
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    if not _wants_xcb(environ, system):
        return None
    display = environ.get("DISPLAY", "")
    headless = "to run without a screen, start it with QT_QPA_PLATFORM=offscreen"
    if not display:
        return f"kzeu-desk cannot open a window: no display could be reached (DISPLAY is not set); {headless}."
    reachable = reachable or display_reachable
    if not reachable(display):
        return f"kzeu-desk cannot open a window: no display could be reached at DISPLAY={display}; {headless}."
    return None


def platform_will_be_xcb(environ: Mapping[str, str] | None = None, system: str | None = None) -> bool:
    """Whether Qt is about to load its xcb plugin, following Qt 6's own choice of platform."""
    environ = os.environ if environ is None else environ
    system = sys.platform if system is None else system
    return bool(environ.get("DISPLAY")) and _wants_xcb(environ, system)


def library_loads(shared_object_name: str) -> bool:
    """Ask the dynamic linker for the library exactly as Qt's plugin will.

    By shared-object name rather than ctypes.util.find_library: the linker also searches LD_LIBRARY_PATH, where a
    PyInstaller bundle keeps its own copies, and needs no ldconfig or compiler on the user's machine.
    """
    try:
        ctypes.CDLL(shared_object_name)
    except OSError:
        return False
    return True


def missing_packages(is_loadable: Callable[[str], bool] | None = None) -> list[str]:
    is_loadable = is_loadable or library_loads  # looked up at call time, so tests can replace it
    return [package for library, package in XCB_PLATFORM_LIBRARIES.items() if not is_loadable(library)]


def missing_window_libraries_message(
    environ: Mapping[str, str] | None = None,
    system: str | None = None,
    is_loadable: Callable[[str], bool] | None = None,
    has_apt: bool | None = None,
) -> str | None:
    """One sentence naming the missing packages when the xcb plugin cannot load, else None."""
    if not platform_will_be_xcb(environ, system):
        return None
    packages = missing_packages(is_loadable)
    if not packages:
        return None
    if len(packages) == 1:
        what = f"the system library {packages[0]} is missing"
    else:
        what = f"the system libraries {', '.join(packages[:-1])} and {packages[-1]} are missing"
    pronoun = "it" if len(packages) == 1 else "them"
    has_apt = shutil.which("apt-get") is not None if has_apt is None else has_apt
    if has_apt:
        how = f"install {pronoun} with: sudo apt-get install {' '.join(packages)}"
    else:
        # The names above are Debian's; elsewhere the shared-object names are what package search tools know.
        libraries = [library for library, package in XCB_PLATFORM_LIBRARIES.items() if package in packages]
        how = f"install the packages that provide {', '.join(libraries)}"
    return f"kzeu-desk cannot open a window: {what} ({how})."
