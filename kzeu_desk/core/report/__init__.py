"""A report for people without the app: a folder of plain HTML pages that opens in any browser.

    kzeu-desk report --db FACT_BASE --out FOLDER      (and File > Export report…)

index.html (figures, the timeline as SVG, contents), facts-N.html (facts by subject and property with
values, times, statuses, quotes and full citations), conflicts.html (every conflict with its
decision and rationale), sources.html (the bibliography) and timeline.svg. No script, no font or
image from elsewhere: the folder can be zipped, mailed, or put on a web server as it is.

The fact base is opened read-only and read in one transaction. The pages are written to a new
folder beside the target and moved into place when complete; a folder that already holds other
files is refused rather than mixed into, and a previous report in it is replaced whole.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection

from kzeu_desk import __version__
from kzeu_desk.core import markup, timeline
from kzeu_desk.core.errors import UserError
from kzeu_desk.core.locations import Location, location_from_text, shown_name
from kzeu_desk.core.export.common import ExportCancelled, Progress, ProgressCallback, fsync_directory, reading_fact_base
from kzeu_desk.core.overview import Overview, overview
from kzeu_desk.core.report import content, pages
from kzeu_desk.core.timeline_svg import TimelinePicture, timeline_svg, window_around

__all__ = ["ExportCancelled", "ReportResult", "folder_problem", "write_report"]

MAX_TIMELINE_LANES = 150
MARKER = ".kzeu-report"  # names a folder as one of our reports, so writing again may replace it
_OUR_FILES = ("index.html", "conflicts.html", "sources.html", "timeline.svg", MARKER)

E = markup.text
A = markup.attribute


@dataclass(frozen=True)
class ReportResult:
    folder: Path
    index: Path
    facts: int
    conflicts: int
    sources: int
    pages: int
    seconds: float

    @property
    def summary(self) -> str:
        return (f"Report written to {self.index}: {self.facts:,} facts on {self.pages:,} "
                f"page{'s' if self.pages != 1 else ''}, {self.conflicts:,} conflicts, {self.sources:,} sources.")


def folder_problem(out: Path, fact_base_path: Path | None = None) -> str | None:
    """Why a report cannot be written to `out` (one sentence), or None."""
    if not str(out).strip():
        return "Choose a folder for the report."
    if out.exists() and not out.is_dir():
        return f"“{out}” is a file; a report is a folder of pages. Choose a folder name."
    if fact_base_path is not None and out.exists() and out.resolve() == fact_base_path.resolve().parent:
        if any(out.iterdir()) and not (out / MARKER).exists():
            return f"“{out}” holds the fact base and other files; choose a new folder for the report."
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        return f"“{out}” already holds other files; choose an empty or new folder for the report."
    parent = out.parent
    while not parent.exists():
        parent = parent.parent
    if not os.access(parent, os.W_OK):
        return f"“{parent}” is not writable; choose another place for the report."
    return None


def write_report(fact_base_path: Location, out: Path | str, *, progress: ProgressCallback | None = None,
                 facts_per_page: int = content.FACTS_PER_PAGE) -> ReportResult:
    """Write the report of the fact base at `fact_base_path` (a file, or a server's address) into the
    folder `out`."""
    started = time.monotonic()
    source_path, target = location_from_text(fact_base_path), Path(out)
    problem = folder_problem(target, source_path if isinstance(source_path, Path) else None)
    if problem:
        raise UserError(problem)
    target.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".partial", dir=target.parent))
    tracker = Progress(progress)
    try:
        with reading_fact_base(source_path) as conn:
            written = _write_pages(conn, building, source_path, tracker, facts_per_page)
        (building / MARKER).write_text(f"kzeu_desk {__version__} report\n", encoding="utf-8")
        _move_into_place(building, target)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    facts, conflicts, sources, page_count = written
    return ReportResult(folder=target, index=target / "index.html", facts=facts, conflicts=conflicts,
                        sources=sources, pages=page_count, seconds=time.monotonic() - started)


def _move_into_place(building: Path, target: Path) -> None:
    if target.exists():
        # An empty folder or an earlier report: set it aside, move the new one in, then drop the old.
        old = target.with_name(f".{target.name}.old-{os.getpid()}-{int(time.time())}")
        os.replace(target, old)
        try:
            os.replace(building, target)
        except BaseException:
            os.replace(old, target)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(building, target)
    os.chmod(target, 0o755)
    fsync_directory(target.parent)


def _write_pages(conn: Connection, folder: Path, source_path: Location, tracker: Progress,
                 facts_per_page: int) -> tuple[int, int, int, int]:
    generated = datetime.now(UTC).astimezone().strftime("%d %B %Y, %H:%M %Z").lstrip("0")
    base_name = source_path.stem if isinstance(source_path, Path) else shown_name(source_path)
    tracker.stage("Reading figures")
    figures = overview(conn)
    sources = content.sources(conn)
    by_id = {source.id: source for source in sources}
    total = content.fact_count(conn)
    tracker.start(total)
    tracker.stage("Writing facts")

    def write(name: str, title: str, body: str, current: str) -> None:
        (folder / name).write_text(pages.page(title, body, current=current, base_name=base_name, generated=generated),
                                   encoding="utf-8")

    page_of_fact: dict[int, int] = {}
    contents: list[tuple[str, str, int, int]] = []  # subject, its anchor, its page, its facts
    plan = content.page_plan(conn, facts_per_page)
    for page_number, facts in enumerate(content.fact_pages(conn, plan), start=1):
        for fact in facts:
            page_of_fact[fact.id] = page_number
            anchor = _subject_anchor(fact)
            if not contents or contents[-1][1] != anchor:
                contents.append((fact.subject, anchor, page_number, 0))
            subject, anchor, number, count = contents[-1]
            contents[-1] = (subject, anchor, number, count + 1)
        body = pages.facts_page_body(facts, by_id, page_number, plan.pages, _subject_anchor)
        write(f"facts-{page_number}.html", "Facts", body, "facts-1.html")
        tracker.advance(len(facts))
    page_count = plan.pages
    if not page_of_fact:
        write("facts-1.html", "Facts", "<h1>Facts</h1><p>This fact base has no facts yet.</p>", "facts-1.html")

    tracker.stage("Writing conflicts")
    conflicts = content.conflicts(conn)
    write("conflicts.html", "Conflicts",
          pages.conflicts_body(conflicts, by_id,
                               lambda fact_id: f"facts-{page_of_fact[fact_id]}.html" if fact_id in page_of_fact else None),
          "conflicts.html")
    tracker.stage("Writing sources")
    write("sources.html", "Sources", pages.sources_body(sources), "sources.html")
    tracker.stage("Drawing the timeline")
    svg, timeline_note = _timeline(conn, page_of_fact)
    if svg:
        (folder / "timeline.svg").write_text(svg, encoding="utf-8")
    write("index.html", "Overview",
          _index_body(figures, contents, svg, timeline_note, base_name, generated, len(conflicts)), "index.html")
    tracker.finish()
    return total, len(conflicts), len(sources), page_count


def _subject_anchor(fact: content.ReportFact) -> str:
    return f"subject-{fact.subject_id}" if fact.subject_id is not None else "subject-none"


def _timeline(conn: Connection, page_of_fact: dict[int, int]) -> tuple[str, str]:
    """The whole timeline as SVG: by subject, or by property when subjects would be too many
    lanes to read, and then the busiest lanes."""
    query = timeline.TimelineQuery(grouping=timeline.Grouping.SUBJECT)
    lane_set = timeline.lanes(conn, query)
    note = ""
    if len(lane_set.lanes) > MAX_TIMELINE_LANES:
        query = timeline.TimelineQuery(grouping=timeline.Grouping.PROPERTY)
        by_property = timeline.lanes(conn, query)
        note = f"{len(lane_set.lanes):,} subjects have facts with a time; shown here by property."
        lane_set = by_property
    if not lane_set.lanes or lane_set.first_day is None or lane_set.last_day is None:
        return "", "No fact has a time yet."
    lanes = lane_set.lanes
    if len(lanes) > MAX_TIMELINE_LANES:
        busiest = sorted(lanes, key=lambda lane: (-lane.facts, lane.name.casefold()))[:MAX_TIMELINE_LANES]
        kept = {lane.key for lane in busiest}
        lanes = tuple(lane for lane in lanes if lane.key in kept)
        note += f" The {MAX_TIMELINE_LANES} lanes with most facts of {len(lane_set.lanes):,}."
    first, last = window_around(lane_set.first_day, lane_set.last_day)
    region = timeline.region(conn, query, [lane.key for lane in lanes], first, last)
    words = "subject" if query.grouping is timeline.Grouping.SUBJECT else "property"
    picture = TimelinePicture(lanes=lanes, first_day=first, last_day=last, items=region.items, cells=region.cells,
                              title=f"Facts with a time, by {words}", note=note.strip())
    svg = timeline_svg(picture, width=1180,
                       link_of=lambda fact_id: f"facts-{page_of_fact[fact_id]}.html#fact-{fact_id}"
                       if fact_id in page_of_fact else None)
    return svg, note.strip()


def _index_body(figures: Overview, contents: list[tuple[str, str, int, int]], svg: str, timeline_note: str, base_name: str, generated: str,
                conflict_total: int) -> str:
    by_status, by_rank = figures.by_status(), figures.by_rank()
    open_conflicts = figures.conflict_counts.get("open", 0)
    settled = figures.conflict_counts.get("resolved", 0) + figures.conflict_counts.get("dismissed", 0)
    out = [f"<h1>Kazakhstan–EU relations: the fact base <bdi>{E(base_name)}</bdi></h1>",
           f'<p class="lead">A report of every fact in the fact base as of {E(generated)}, each with the words it was '
           "taken from and where they were published, and every disagreement between sources with what curators "
           "decided.</p>",
           '<div class="cards">',
           f'<div class="card"><b>{figures.facts:,}</b> facts</div>',
           f'<div class="card"><b>{by_status.get("confirmed", 0):,}</b> confirmed</div>',
           f'<div class="card"><b>{figures.sources:,}</b> <a href="sources.html">sources</a></div>',
           f'<div class="card"><b>{open_conflicts:,}</b> <a href="conflicts.html">open conflicts</a></div>',
           f'<div class="card"><b>{settled:,}</b> <a href="conflicts.html">conflicts settled</a></div>',
           "</div>",
           "<h2>Facts by status and rank</h2>",
           "<table><tr><th>Status</th><th class=n>Facts</th><th>Rank</th><th class=n>Facts</th></tr>"]
    statuses, ranks = list(by_status.items()), list(by_rank.items())
    for number in range(max(len(statuses), len(ranks))):
        status = statuses[number] if number < len(statuses) else None
        rank = ranks[number] if number < len(ranks) else None
        out.append("<tr>" + (f"<td>{pages.status_badge(status[0])}</td><td class=n>{status[1]:,}</td>" if status
                             else "<td></td><td></td>")
                   + (f"<td>{E(rank[0].capitalize())}</td><td class=n>{rank[1]:,}</td>" if rank else "<td></td><td></td>")
                   + "</tr>")
    out.append("</table>")
    out.append("<h2>Timeline</h2>")
    if svg:
        out.append('<p class="muted">Each mark is a fact, placed by its date or the time it holds for; hover for '
                   'details, click to read it. Also as <a href="timeline.svg">timeline.svg</a>.'
                   + (f" {E(timeline_note)}" if timeline_note else "") + "</p>")
        out.append(f'<div class="timeline">{svg}</div>')
    else:
        out.append(f"<p>{E(timeline_note)}</p>")
    if figures.curators:
        out.append("<h2>Curators</h2><table><tr><th>Curator</th><th class=n>Actions</th><th class=n>Facts created</th>"
                   "<th>Last active</th></tr>")
        for curator in figures.curators[:30]:
            out.append(f"<tr><td><bdi>{E(curator.actor)}</bdi></td><td class=n>{curator.actions:,}</td>"
                       f"<td class=n>{curator.facts_created:,}</td><td>{E(curator.last[:10])}</td></tr>")
        out.append("</table>")
    out.append("<h2>Contents</h2>")
    if contents:
        out.append('<ul class="toc">')
        for subject, anchor, page_number, count in contents:
            out.append(f'<li><a href="facts-{page_number}.html#{A(anchor)}"><bdi>{E(subject)}</bdi></a> '
                       f'<span class="muted">({count:,})</span></li>')
        out.append("</ul>")
    else:
        out.append("<p>No facts yet.</p>")
    out.append(f'<p class="muted">{conflict_total:,} conflicts are listed on <a href="conflicts.html">the conflicts '
               'page</a>.</p>')
    return "\n".join(out)
