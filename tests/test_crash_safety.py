"""SIGKILL during editing and during bulk import loses nothing that was acknowledged (tests/crash_harness.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

KILLS = 200  # `make soak` runs thousands


def test_two_hundred_kills_lose_nothing_acknowledged(tmp_path):
    harness = Path(__file__).with_name("crash_harness.py")
    result = subprocess.run([sys.executable, str(harness), "--kills", str(KILLS), "--folder", str(tmp_path)],
                            capture_output=True, text=True, timeout=600, env={**os.environ})
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["problems"] == [], summary["problems"]
    assert summary["kills"] == KILLS and summary["acknowledged"] > KILLS
    assert result.returncode == 0
