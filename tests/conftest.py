"""Test-wide settings: Qt offscreen, and a private data directory so no test touches real user data."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path_factory, monkeypatch) -> Path:
    folder = tmp_path_factory.mktemp("user-data")
    monkeypatch.setenv("KZEU_DESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def fact_base(tmp_path):
    """A new, migrated, seeded fact base with the sample corpus imported."""
    from kzeu_desk.core.sample_corpus import import_sample_corpus
    from kzeu_desk.core.service import FactBase

    with FactBase.open(tmp_path / "facts.sqlite", actor="tester") as opened:
        import_sample_corpus(opened)
        yield opened
