"""Time kzeu-desk's start: `--smoke` wall time and, with app.py's first-paint hook, time until the window is painted.

    python packaging/measure_startup.py --runs 7 -- dist/kzeu-desk/kzeu-desk
    python packaging/measure_startup.py --runs 7 -- .venv/bin/python -m kzeu_desk
    DISPLAY=:99 python packaging/measure_startup.py --platform xcb -- dist/kzeu-desk/kzeu-desk

Each run gets an empty environment (PATH, HOME, the platform, a data folder) and an unrelated working directory.
By default every run starts from a fresh data folder, so `--smoke` includes creating, migrating and filling the
fact base with the sample corpus; `--existing` reuses one folder made by an uncounted first run.
First paint comes from KZEU_DESK_REPORT_FIRST_PAINT=1 (docs/PACKAGING.md); without that hook only wall time is shown.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST_PAINT = re.compile(r"first paint at (\d+\.\d+)")


def run_once(command: list[str], data_dir: Path, platform: str,
             extra_env: dict[str, str]) -> tuple[float, float | None]:
    """One `--smoke` run: (wall seconds, seconds from launch to first paint or None without the hook)."""
    env = {"PATH": os.defpath, "HOME": str(data_dir.parent), "KZEU_DESK_DATA_DIR": str(data_dir),
           "KZEU_DESK_REPORT_FIRST_PAINT": "1", **extra_env}
    if platform == "xcb":
        env["DISPLAY"] = os.environ["DISPLAY"]
    else:
        env["QT_QPA_PLATFORM"] = platform
    started = time.time()
    result = subprocess.run([*command, "--smoke"], env=env, cwd=data_dir.parent, capture_output=True, text=True,
                            timeout=120)
    wall = time.time() - started
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} --smoke failed ({result.returncode}):\n{result.stderr[-2000:]}")
    painted = FIRST_PAINT.search(result.stderr)
    return wall, (float(painted.group(1)) - started) if painted else None


def describe(label: str, seconds: list[float]) -> str:
    return (f"{label}: median {statistics.median(seconds):.2f} s "
            f"(min {min(seconds):.2f}, max {max(seconds):.2f}, n={len(seconds)})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--platform", default="offscreen", help="offscreen (default) or xcb (uses $DISPLAY)")
    parser.add_argument("--existing", action="store_true", help="reuse one fact base instead of a new one per run")
    parser.add_argument("--env", action="append", default=[], metavar="KEY=VALUE", help="extra environment")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the program to start")
    args = parser.parse_args()
    command = [part for part in args.command if part != "--"]
    # absolute(), not resolve(): a venv's python is a symlink, and resolving it would leave the venv.
    command[0] = str(Path(command[0]).absolute()) if Path(command[0]).exists() else command[0]
    extra_env = dict(item.split("=", 1) for item in args.env)
    walls, paints = [], []
    with tempfile.TemporaryDirectory() as scratch:
        shared = Path(scratch) / "existing" / "data"
        if args.existing:
            shared.parent.mkdir()
            run_once(command, shared, args.platform, extra_env)
        for number in range(args.runs):
            data_dir = shared if args.existing else Path(scratch) / f"run{number}" / "data"
            data_dir.parent.mkdir(exist_ok=True)
            wall, paint = run_once(command, data_dir, args.platform, extra_env)
            walls.append(wall)
            if paint is not None:
                paints.append(paint)
    print(describe("--smoke wall time", walls))
    if paints:
        print(describe("first paint after launch", paints))
    return 0


if __name__ == "__main__":
    sys.exit(main())
