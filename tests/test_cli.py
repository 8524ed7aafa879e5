"""The command line end to end, in a temporary directory, as a user would run it."""

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from kzeu_desk import __version__
from kzeu_desk.paths import sample_corpus_dir

RUSSIAN = "Казахстан и Европейский союз установили дипломатические отношения в 1993 году. Товарооборот вырос."
KAZAKH = "Қазақстан мен Еуропалық Одақ арасындағы тауар айналымы өсті 😀."


def kzeu(*args: str, cwd: Path, env_extra: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "kzeu_desk", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_version(tmp_path):
    result = kzeu("--version", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"kzeu-desk {__version__}"


def test_import_keeps_every_character_and_check_passes(tmp_path):
    corpus = sorted(sample_corpus_dir().glob("*.txt"))
    russian = tmp_path / "ru.txt"
    russian.write_bytes(RUSSIAN.encode("windows-1251"))
    kazakh = tmp_path / "kk.txt"
    kazakh.write_bytes(KAZAKH.encode("utf-16"))
    db = tmp_path / "facts.sqlite"
    result = kzeu("import", "--db", str(db), *map(str, corpus), str(russian), str(kazakh), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 7
    assert lines[-2].endswith("windows-1251") and lines[-1].endswith("utf-16")
    with sqlite3.connect(db) as raw:
        texts = dict(raw.execute("SELECT file_name, text FROM source"))
    assert texts["ru.txt"] == RUSSIAN and texts["kk.txt"] == KAZAKH
    for file in corpus:
        assert texts[file.name] == file.read_text(encoding="utf-8").replace("\r\n", "\n")
    check = kzeu("check", "--db", str(db), cwd=tmp_path)
    assert check.returncode == 0 and "no problems" in check.stdout


def test_check_reports_a_broken_invariant(tmp_path):
    db = tmp_path / "facts.sqlite"
    kzeu("import", "--db", str(db), str(sample_corpus_dir() / "kz_eu_30_years.txt"), cwd=tmp_path)
    from kzeu_desk.core.service import FactBase

    with FactBase.open(db) as fb:
        fb.create_fact_from_selection(1, 10, 20)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE evidence SET quote = 'tampered'")
    result = kzeu("check", "--db", str(db), cwd=tmp_path)
    assert result.returncode == 1
    assert "evidence quote matches its source" in result.stdout


@pytest.mark.parametrize("scenario", ["missing", "not_a_fact_base", "binary_document", "newer_schema"])
def test_user_mistakes_are_one_sentence_without_traceback(tmp_path, scenario):
    db = tmp_path / "facts.sqlite"
    if scenario == "missing":
        result = kzeu("check", "--db", str(tmp_path / "absent.sqlite"), cwd=tmp_path)
    elif scenario == "not_a_fact_base":
        db.write_text("hello")
        result = kzeu("check", "--db", str(db), cwd=tmp_path)
    elif scenario == "binary_document":
        png = tmp_path / "photo.png"
        png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
        result = kzeu("import", "--db", str(db), str(png), cwd=tmp_path)
    else:
        kzeu("import", "--db", str(db), str(sample_corpus_dir() / "kz_eu_30_years.txt"), cwd=tmp_path)
        with sqlite3.connect(db) as raw:
            raw.execute("UPDATE alembic_version SET version_num = 'zzzz_future'")
        result = kzeu("import", "--db", str(db), str(sample_corpus_dir() / "kz_eu_25_years.txt"), cwd=tmp_path)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and message


def test_installed_wheel_carries_resources_and_migrations(tmp_path):
    """`pip install .` gives a package that finds its files through itself, never the working directory."""
    project = Path(__file__).resolve().parent.parent
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels),
                            str(project)], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr[-2000:]
    (wheel,) = wheels.glob("kzeu_desk-*.whl")
    target = tmp_path / "site"
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
                              str(target), str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr[-2000:]
    assert (target / "kzeu_desk/_data/resources/corpus/sources.json").exists()
    assert (target / "kzeu_desk/_data/db/env.py").exists()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    program = ("import kzeu_desk, kzeu_desk.paths as p; from kzeu_desk.cli import main; "
               "assert kzeu_desk.__file__.startswith(%r), kzeu_desk.__file__; "
               "assert p.data_root() == p._PACKAGE_DIR / '_data'; "
               "raise SystemExit(main(['import', '--db', 'f.sqlite', str(p.sample_corpus_dir() / 'kz_eu_25_years.txt')]))"
               % str(target))
    env = {**os.environ, "PYTHONPATH": str(target)}
    result = subprocess.run([sys.executable, "-c", program], cwd=elsewhere, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (elsewhere / "f.sqlite").exists()


def test_smoke_opens_the_window_on_a_fresh_default_fact_base(tmp_path):
    data = tmp_path / "data"
    result = kzeu("--smoke", cwd=tmp_path, env_extra={"KZEU_DESK_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(data / "facts.kzeu.sqlite") as raw:
        assert raw.execute("SELECT count(*) FROM source").fetchone()[0] == 5


def test_smoke_read_only_on_missing_file_fails_cleanly(tmp_path):
    result = kzeu("--smoke", "--read-only", str(tmp_path / "nope.sqlite"), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no fact base" in result.stderr


@pytest.mark.slow  # seven commands, each a new process (~10 s)
def test_a_file_that_looks_like_a_new_version_is_not_made_a_second_source_and_imports_as_a_revision(tmp_path):
    pair = Path(__file__).parent / "data" / "revisions" / "en-30-years"
    article = tmp_path / "kz_eu_30_years.txt"
    article.write_bytes((pair / "old.txt").read_bytes())
    db = tmp_path / "facts.sqlite"
    assert kzeu("import", "--db", str(db), str(article), cwd=tmp_path).returncode == 0
    old = article.read_text(encoding="utf-8")
    from kzeu_desk.core.service import FactBase
    from kzeu_desk.core.typed_value import TypedValue, ValueKind

    with FactBase.open(db) as fb:
        for quote in ("almost US$77 billion", "one third of the total volume", "exceeded US$160 billion"):
            start = old.index(quote)
            fb.create_fact(value=TypedValue(ValueKind.TEXT, text=quote), evidence=[(1, start, start + len(quote))])

    again = kzeu("import", "--db", str(db), str(article), cwd=tmp_path)
    assert again.returncode == 1 and again.stderr.strip() == (
        "kz_eu_30_years.txt: not imported: it is already imported as source 1 “Kazakhstan and EU mark 30 years of diplomatic relations” (the same original file).")

    article.write_bytes((pair / "new.txt").read_bytes())  # the publisher updated the article
    suspected = kzeu("import", "--db", str(db), str(article), cwd=tmp_path)
    assert suspected.returncode == 1 and suspected.stdout == ""
    assert suspected.stderr.strip() == (
        "kz_eu_30_years.txt: not imported: it looks like a new version of source 1 “Kazakhstan and EU mark 30 years of diplomatic relations” (the same file "
        "name); import it with --revision-of 1, or with --as-new-source to keep it as a separate source.")

    revised = kzeu("import", "--db", str(db), "--revision-of", "1", str(article), cwd=tmp_path)
    assert revised.returncode == 0, revised.stderr
    summary, *to_check = revised.stdout.strip().splitlines()
    assert summary == ("kz_eu_30_years.txt: imported as revision 2 of source 1 “Kazakhstan and EU mark 30 years of diplomatic relations”; 3 evidence spans "
                       "(1 exact, 1 fuzzy, 1 orphaned); 2 to check in Evidence to check.")
    assert sorted(line.split("\t")[3] for line in to_check) == ["lost", "number changed"]
    assert "“almost US$77 billion” → “almost US$78 billion”" in "\n".join(to_check)
    with sqlite3.connect(db) as raw:
        assert raw.execute("SELECT count(*) FROM source").fetchone() == (1,)
        assert raw.execute("SELECT number_changed FROM evidence WHERE quote = 'almost US$78 billion'").fetchone() == (1,)

    unchanged = kzeu("import", "--db", str(db), "--revision-of", "1", str(article), cwd=tmp_path)
    assert unchanged.returncode == 0 and "no new revision was made" in unchanged.stdout
    article.write_text(article.read_text(encoding="utf-8") + "\nA reader's letter.\n", encoding="utf-8")
    apart = kzeu("import", "--db", str(db), "--as-new-source", str(article), cwd=tmp_path)
    assert apart.returncode == 0
    assert apart.stdout.strip().split("\t")[::3] == [
        "Kazakhstan and EU mark 30 years of diplomatic relations",
        "kept apart from source 1 “Kazakhstan and EU mark 30 years of diplomatic relations” (the same file name)"]
    check = kzeu("check", "--db", str(db), cwd=tmp_path)
    assert check.returncode == 0, check.stdout


@pytest.mark.parametrize(("arguments", "message"), [
    (["--revision-of", "7", "x.txt"], "x.txt: not imported: There is no source 7 in this fact base."),
    (["--revision-of", "1", "x.txt", "y.txt"], "kzeu-desk: Give exactly one file with --revision-of: the new text of that source."),
])
def test_revision_import_mistakes_are_one_sentence(tmp_path, arguments, message):
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_text("Some text.", encoding="utf-8")
    result = kzeu("import", "--db", str(tmp_path / "facts.sqlite"), *arguments, cwd=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert result.stderr.strip() == message


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path):
    db = tmp_path / "facts.sqlite"
    assert kzeu("import", "--db", str(db), *map(str, sorted(sample_corpus_dir().glob("*.txt"))),
                cwd=tmp_path).returncode == 0
    # `kzeu-desk property list | head -0`: the reading end is closed before the command writes.
    reader, writer = os.pipe()
    os.close(reader)
    try:
        run = subprocess.run([sys.executable, "-m", "kzeu_desk", "property", "list", "--db", str(db)], cwd=tmp_path,
                             env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, stdout=writer,
                             stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(writer)
    assert run.stderr == ""
    assert run.returncode == 141
