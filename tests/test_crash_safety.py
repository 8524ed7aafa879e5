"""SIGKILL during editing and during bulk import loses nothing that was acknowledged (tests/crash_harness.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

KILLS = 200  # `make soak` runs thousands


@pytest.mark.slow
def test_two_hundred_kills_lose_nothing_acknowledged(tmp_path):
    harness = Path(__file__).with_name("crash_harness.py")
    result = subprocess.run([sys.executable, str(harness), "--kills", str(KILLS), "--folder", str(tmp_path)],
                            capture_output=True, text=True, timeout=600, env={**os.environ})
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["problems"] == [], summary["problems"]
    assert summary["kills"] == KILLS and summary["acknowledged"] > KILLS
    assert result.returncode == 0


JOURNAL_KILLS = 40


@pytest.mark.slow
def test_killed_rollback_writers_and_restores_never_show_uncommitted_data(tmp_path):
    """Hot journals (#14): a writer in rollback-journal mode or a restore SIGKILLed mid-transaction
    leaves its uncommitted pages in the file; every reader after it sees a committed state only."""
    harness = Path(__file__).with_name("crash_harness.py")
    result = subprocess.run([sys.executable, str(harness), "--journal", "--kills", str(JOURNAL_KILLS),
                             "--folder", str(tmp_path)], capture_output=True, text=True, timeout=600,
                            env={**os.environ})
    assert result.returncode in (0, 1), result.stderr
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["problems"] == [], summary["problems"]
    assert summary["kills"] == JOURNAL_KILLS and result.returncode == 0
