"""The schema revision check that opening a fact base does without Alembic, kept honest against it."""

import subprocess
import sys

from alembic.script import ScriptDirectory

from kzeu_desk.core import migrations
from kzeu_desk.core.service import FactBase


def test_revision_graph_read_from_the_files_agrees_with_alembic():
    scripts = ScriptDirectory.from_config(migrations._config())
    assert migrations.head_revision() == scripts.get_current_head()
    assert migrations.known_revisions() == {script.revision for script in scripts.walk_revisions()}
    assert migrations._revision_graph() == {script.revision: script.down_revision for script in scripts.walk_revisions()}


def test_opening_a_fact_base_at_head_does_not_import_alembic(tmp_path):
    path = tmp_path / "at-head.sqlite"
    FactBase.open(path, actor="tester").close()
    probe = (
        "import sys\n"
        "from kzeu_desk.core.service import FactBase\n"
        f"FactBase.open({str(path)!r}, actor='tester').close()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] == 'alembic'))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert result.stdout.strip() == "[]"
