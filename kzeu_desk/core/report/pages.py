"""The report's HTML: plain pages with their style inline, no script, nothing fetched.

Each page carries a Content-Security-Policy that forbids scripts and every network request, so even
a mistake in escaping could not make a reader's browser run or fetch anything; escaping itself is
core.markup's (every stored string is hostile). User text sits in <bdi> or dir="auto" blocks, so a
right-to-left override inside a title cannot reverse the words around it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from kzeu_desk import __version__
from kzeu_desk.core import markup
from kzeu_desk.core.palette import CONFLICT_RGB, SETTLED_RGB, hex_colour, status_rgb
from kzeu_desk.core.report.content import ConflictMark, ReportConflict, ReportFact, SourceCitation

E = markup.text
A = markup.attribute

_CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'")

STYLE = f"""
:root {{ --ink: #1d2330; --muted: #5b6573; --line: #d9dee6; --panel: #f5f7fa; --accent: #2b5aa6; }}
* {{ box-sizing: border-box; }}
body {{ margin: 0; font: 15px/1.5 "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink);
       background: #fff; }}
header.site {{ background: #1f3b63; color: #fff; padding: 14px 28px; }}
header.site a {{ color: #fff; }}
header.site .name {{ font-size: 20px; font-weight: 600; }}
nav {{ margin-top: 6px; font-size: 14px; }}
nav a {{ margin-right: 18px; color: #dbe6f5; text-decoration: none; }}
nav a[aria-current] {{ color: #fff; text-decoration: underline; }}
main {{ max-width: 1240px; margin: 0 auto; padding: 18px 28px 48px; }}
h1 {{ font-size: 26px; margin: 10px 0 6px; }}
h2 {{ font-size: 21px; margin: 34px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }}
h3 {{ font-size: 16px; margin: 20px 0 6px; color: #31405a; }}
p.lead, .muted {{ color: var(--muted); }}
a {{ color: var(--accent); }}
bdi, .user {{ unicode-bidi: isolate; }}
table {{ border-collapse: collapse; width: 100%; margin: 8px 0 16px; }}
th, td {{ text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }}
th {{ background: var(--panel); font-weight: 600; }}
td.n, th.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
.cards {{ display: flex; flex-wrap: wrap; gap: 12px; margin: 10px 0 4px; }}
.card {{ background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px;
         min-width: 150px; }}
.card b {{ display: block; font-size: 24px; }}
.fact {{ border: 1px solid var(--line); border-left: 5px solid var(--status); border-radius: 6px; padding: 8px 12px;
         margin: 8px 0; background: #fff; }}
.fact.rejected {{ opacity: .7; }}
.fact.rejected .value {{ text-decoration: line-through; }}
.fact.deprecated {{ border-left-style: dashed; opacity: .8; }}
.fact .value {{ font-size: 17px; font-weight: 600; }}
.fact .meta {{ color: var(--muted); font-size: 13px; }}
.badge {{ display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px; font-weight: 600;
          color: #fff; background: var(--status); margin-right: 4px; vertical-align: 1px; }}
.badge.rank {{ background: #fff; color: var(--ink); border: 1px solid var(--ink); }}
.badge.rank.deprecated {{ border-style: dashed; color: var(--muted); }}
.badge.open-conflict {{ background: {hex_colour(CONFLICT_RGB)}; }}
.badge.settled {{ background: {hex_colour(SETTLED_RGB)}; }}
blockquote {{ margin: 6px 0 2px; padding: 4px 12px; border-left: 3px solid var(--line); background: var(--panel);
              white-space: pre-wrap; overflow-wrap: anywhere; }}
.cite {{ font-size: 13px; color: var(--muted); margin: 0 0 6px 14px; }}
.cite a {{ overflow-wrap: anywhere; }}
.conflict {{ border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; margin: 12px 0; }}
.conflict.open {{ border-left: 5px solid {hex_colour(CONFLICT_RGB)}; }}
.conflict.resolved, .conflict.dismissed {{ border-left: 5px solid {hex_colour(SETTLED_RGB)}; }}
.decision {{ background: #eef3fb; border-radius: 4px; padding: 6px 10px; margin-top: 6px; }}
.toc {{ columns: 3 260px; padding-left: 18px; }}
.timeline {{ overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; padding: 4px; }}
.timeline svg {{ display: block; }}
footer {{ color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); margin-top: 40px; padding-top: 8px; }}
@media print {{ header.site {{ background: none; color: #000; }} header.site a, nav a {{ color: #000; }}
  .fact, .conflict {{ break-inside: avoid; }} }}
"""

PAGES = (("index.html", "Overview"), ("facts-1.html", "Facts"), ("conflicts.html", "Conflicts"),
         ("sources.html", "Sources"))


def page(title: str, body: str, *, current: str, base_name: str, generated: str) -> str:
    links = "".join(f'<a href="{href}"{" aria-current=page" if href == current else ""}>{word}</a>'
                    for href, word in PAGES)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kzeu_desk {A(__version__)}">
<meta name="referrer" content="no-referrer">
<title>{E(title)} — {E(base_name)}</title>
<style>{STYLE}</style>
</head>
<body>
<header class="site"><div class="name">Kazakhstan–EU fact base: <bdi>{E(base_name)}</bdi></div><nav>{links}</nav></header>
<main>
{body}
<footer>Written by kzeu_desk {E(__version__)} on {E(generated)}. Every fact is quoted from its source; statuses say
how far curators have checked it. This report needs no network and runs no script.</footer>
</main>
</body>
</html>
"""


# -- pieces ------------------------------------------------------------------------------------------------


def status_badge(status: str) -> str:
    return f'<span class="badge" style="--status:{hex_colour(status_rgb(status))}">{E(status.capitalize())}</span>'


def rank_badge(rank: str) -> str:
    if rank == "normal":
        return ""
    word = "★ Preferred" if rank == "preferred" else "Deprecated"
    return f'<span class="badge rank {A(rank)}">{word}</span>'


def conflict_badges(marks: Sequence[ConflictMark]) -> str:
    badges = []
    for mark in marks:
        settled = mark.status != "open"
        word = {"open": "Open conflict", "resolved": "Resolved conflict", "dismissed": "Dismissed conflict"}.get(
            mark.status, f"Conflict ({mark.status})")
        badges.append(f'<a class="badge {"settled" if settled else "open-conflict"}" '
                      f'href="conflicts.html#conflict-{mark.conflict_id}">{E(word)} #{mark.conflict_id}</a>')
    return "".join(badges)


def citation(source: SourceCitation | None, *, with_link: bool = True) -> str:
    """Author, title, publisher, date and URL, as much as is known: the order of the app's own full
    citation (core/citation.py), so a reader meets one form of reference everywhere."""
    if source is None:
        return '<span class="muted">(source no longer in the fact base)</span>'
    title = f"“<bdi>{E(source.title)}</bdi>”"
    if with_link:
        title = f'<a href="sources.html#source-{source.id}">{title}</a>'
    known = [" ".join(part.split()) for part in (source.author, source.publisher, source.published_text) if part]
    author = [f"<bdi>{E(known.pop(0))}</bdi>"] if source.author and source.author.strip() else []
    parts = [*author, title, *(f"<bdi>{E(part)}</bdi>" for part in known if part)]
    target = markup.link_target(source.url)
    if target is not None:
        parts.append(f'<a href="{target}" rel="noopener noreferrer nofollow">{E(source.url)}</a>')
    elif source.url:
        parts.append(f'<span class="muted">address given as <bdi>{E(source.url)}</bdi> (not a web link)</span>')
    return ", ".join(parts) + "."


def fact_block(fact: ReportFact, sources: dict[int, SourceCitation]) -> str:
    colour = hex_colour(status_rgb(fact.status))
    classes = " ".join(part for part in ("fact", fact.status if fact.status == "rejected" else "",
                                         "deprecated" if fact.rank == "deprecated" else "") if part)
    when = f"<b>{E(fact.time)}</b> · " if fact.time else ""
    scope = f' · scope: <bdi>{E(fact.scope_note)}</bdi>' if fact.scope_note else ""
    scope += "".join(f" · <bdi>{E(label)}</bdi>" for label in fact.qualifiers)
    lines = [f'<div class="{classes}" id="fact-{fact.id}" style="--status:{colour}">',
             f'<div><span class="value" dir="auto">{E(fact.value)}</span></div>',
             f'<div class="meta">{when}{status_badge(fact.status)}{rank_badge(fact.rank)}'
             f'{conflict_badges(fact.conflicts)} fact {fact.id}{scope}</div>']
    if fact.note:
        lines.append(f'<div class="meta">Note: <span class="user" dir="auto">{E(fact.note)}</span></div>')
    if not fact.quotes:
        lines.append('<div class="meta">No quote: this fact has no evidence in any source.</div>')
    for quote in fact.quotes:
        earlier = " (quoted from an earlier version of the source)" if quote.orphaned else ""
        lines.append(f'<blockquote dir="auto">{E(quote.quote)}</blockquote>'
                     f'<div class="cite">— {citation(sources.get(quote.source_id))}{earlier}</div>')
    lines.append("</div>")
    return "\n".join(lines)


def facts_page_body(facts: Sequence[ReportFact], sources: dict[int, SourceCitation], page_number: int,
                    page_count: int, subject_anchor: Callable[[ReportFact], str]) -> str:
    out = [f"<h1>Facts, part {page_number} of {page_count}</h1>" if page_count > 1 else "<h1>Facts</h1>",
           '<p class="lead">By subject, then property, earliest first. Each fact shows its value, when it holds, '
           'how far it is checked, and the words it was taken from with their source.</p>', _pager(page_number, page_count)]
    subject, prop = None, None
    for fact in facts:
        if (fact.subject_id, fact.subject) != subject:
            subject, prop = (fact.subject_id, fact.subject), None
            out.append(f'<h2 id="{A(subject_anchor(fact))}"><bdi>{E(fact.subject)}</bdi></h2>')
        if fact.property != prop:
            prop = fact.property
            out.append(f"<h3><bdi>{E(fact.property)}</bdi></h3>")
        out.append(fact_block(fact, sources))
    out.append(_pager(page_number, page_count))
    return "\n".join(out)


def _pager(page_number: int, page_count: int) -> str:
    if page_count <= 1:
        return ""
    links = []
    for number in range(1, page_count + 1):
        links.append(f"<b>{number}</b>" if number == page_number else f'<a href="facts-{number}.html">{number}</a>')
    return f'<p class="muted">Pages: {" ".join(links)}</p>'


def conflicts_body(conflicts: Sequence[ReportConflict], sources: dict[int, SourceCitation],
                   page_of_fact: Callable[[int], str | None]) -> str:
    totals = {status: sum(1 for conflict in conflicts if conflict.status == status)
              for status in ("open", "resolved", "dismissed")}
    out = ["<h1>Conflicts</h1>",
           f'<p class="lead">{totals["open"]:,} open, {totals["resolved"]:,} resolved, {totals["dismissed"]:,} '
           "dismissed. Open conflicts come first. A resolved conflict names the decision and the curator's "
           "rationale; a dismissed one says why it was no conflict.</p>"]
    if not conflicts:
        out.append("<p>No conflict has been found in this fact base.</p>")
    rules = {"value": "Values that cannot both be true", "declared": "Declared contradiction",
             "manual": "Flagged for review"}
    decisions = {"prefer": "one fact preferred, the others deprecated", "reject": "a fact rejected",
                 "merge": "merged as duplicates", "scope": "the facts given different times",
                 "dismiss": "not a conflict"}
    for conflict in conflicts:
        state = {"open": "Open", "resolved": "Resolved", "dismissed": "Dismissed"}.get(conflict.status, conflict.status)
        out.append(f'<div class="conflict {A(conflict.status)}" id="conflict-{conflict.id}">')
        out.append(f'<h3>#{conflict.id} · {E(state)} · <bdi>{E(conflict.subject)}</bdi> · '
                   f'<bdi>{E(conflict.property)}</bdi></h3>')
        out.append(f'<div class="meta muted">{E(rules.get(conflict.rule, conflict.rule))}, found '
                   f'{E(conflict.created_at[:10])}</div>')
        out.append(f'<p dir="auto">{E(conflict.explanation)}</p>')
        out.append("<table><tr><th>Fact</th><th>Value</th><th>When</th><th>Status</th><th>Sources</th></tr>")
        for member in conflict.members:
            page = page_of_fact(member.fact_id)
            fact_link = (f'<a href="{A(page)}#fact-{member.fact_id}">fact {member.fact_id}</a>' if page
                         else f"fact {member.fact_id}")
            cited = "; ".join(citation(sources.get(source_id)) for source_id in member.source_ids) or \
                '<span class="muted">no evidence</span>'
            qualified = "".join(f'<div class="meta"><bdi>{E(label)}</bdi></div>' for label in member.qualifiers)
            out.append(f'<tr><td>{fact_link}</td><td dir="auto">{E(member.value)}{qualified}</td><td>{E(member.time)}</td>'
                       f"<td>{status_badge(member.status)}{rank_badge(member.rank)}</td><td>{cited}</td></tr>")
        out.append("</table>")
        if conflict.status != "open":
            by = f" by <bdi>{E(conflict.resolved_by)}</bdi>" if conflict.resolved_by else ""
            when = f" on {E(conflict.resolved_at[:10])}" if conflict.resolved_at else ""
            how = decisions.get(conflict.resolution or "", conflict.resolution or "settled")
            rationale = (f': <span class="user" dir="auto">{E(conflict.rationale)}</span>' if conflict.rationale
                         else " (no rationale recorded)")
            out.append(f'<div class="decision"><b>{E(state)}{by}{when}</b> — {E(how)}{rationale}</div>')
        out.append("</div>")
    return "\n".join(out)


def sources_body(sources: Iterable[SourceCitation]) -> str:
    listed = list(sources)
    out = ["<h1>Sources</h1>",
           f'<p class="lead">The {len(listed):,} documents the facts are quoted from, with everything known about '
           "where they come from.</p>", "<table><tr><th>Source</th><th class=n>Facts</th><th>Notes</th></tr>"]
    for source in listed:
        file_note = f'<div class="muted">imported from <bdi>{E(source.file_name)}</bdi></div>' if source.file_name else ""
        note = f'<span class="user" dir="auto">{E(source.note)}</span>' if source.note else ""
        out.append(f'<tr id="source-{source.id}"><td>{citation(source, with_link=False)}{file_note}</td>'
                   f"<td class=n>{source.facts:,}</td><td>{note}</td></tr>")
    out.append("</table>")
    return "\n".join(out)
