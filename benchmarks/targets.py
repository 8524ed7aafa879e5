"""The metrics the harness reports, with the targets from the performance issue, and one measurement each.

Values are kept in base units (seconds, megabytes) and shown in the metric's display unit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime


@dataclass(frozen=True)
class Target:
    key: str
    title: str
    unit: str  # display unit: "s", "ms" or "MB"
    limit: float | None = None  # in the display unit; None: shown for context, judged by no target
    floor_ratio_limit: float | None = None  # measured / raw-SQLite floor must stay at or below this
    judged_at: str | None = None  # the level the issue sets the target for ("1M"); None: every level

    @property
    def target_text(self) -> str:
        parts = []
        if self.limit is not None:
            parts.append(f"≤ {self.limit:g} {self.unit}")
        if self.floor_ratio_limit is not None:
            parts.append(f"≤ {self.floor_ratio_limit:g}× floor")
        return " and ".join(parts) or "—"


# The workspace actions `benchmarks/stall_probe.py` triggers, as the table names them.
STALL_ACTIONS = {
    "backup": "File > Back up now", "check": "Tools > Check fact base", "rescan": "Re-check all conflicts",
    "repair": "Check, then Repair", "refresh": "File > Refresh", "reviewer_copy": "Export reviewer copy",
    "export": "Export (JSON Lines)", "import": "Import of ten documents",
    "revision": "Import new revision of the 1 MB source", "load": "File > Load JSON Lines (sample articles)",
    "restore": "Restore from backup",
}

TARGETS: tuple[Target, ...] = (
    Target("startup.first_window", "Cold start to first window (process start → MainWindow shown)", "s", 1.5),
    Target("startup.workspace_attached", "Cold start to workspace attached (fact base open, panes built)", "s"),
    Target("startup.hook_first_window", "Cold start to first window, via KZEU_DESK_REPORT_STARTUP hook", "s", 1.5),
    Target("startup.smoke_end_to_end", "`kzeu-desk --smoke` end to end, less its 0.4 s dwell (fallback)", "s"),
    Target("workspace.open", "Open fact base to interactive workspace (window painted)", "s", 1.0, judged_at="1M"),
    Target("table.scroll_repaint", "Facts table repaint while scrolling (one screen per step)", "ms", 16,
           judged_at="1M"),
    Target("table.jump_repaint", "Facts table repaint after a jump to a random row", "ms"),
    Target("search.keystroke", "Filter/search as you type, per keystroke (query + first repaint)", "ms", 100,
           judged_at="1M"),
    Target("search.keystroke_worst", "Filter/search as you type, slowest keystroke", "ms"),
    Target("source.open", "Open a 1 MB source with 10k highlights (read + show + first paint)", "ms", 300),
    Target("source.repaint", "Repaint of that source after scrolling", "ms", 16),
    Target("edit.end_to_end", "One curator edit end to end (service, audit, conflict check, commit)", "ms", 20),
    Target("conflicts.rescan", "Full conflict re-scan", "s", 1.0, judged_at="1M"),
    Target("conflicts.incremental", "Incremental conflict check of one (subject, property)", "ms", 5),
    Target("conflicts.recheck_changed", "Re-check of the facts changed since the last check (200 facts)", "ms"),
    Target("load.jsonl", "Bulk load (`kzeu-desk load` of the JSONL export)", "s", 10, 2.5, judged_at="1M"),
    Target("load.core_executemany", "Bulk insert of the same rows through SQLAlchemy Core executemany", "s",
           None, 2.5, judged_at="1M"),
    Target("export.sqlite", "Export: SQLite snapshot", "s", None, 3, judged_at="1M"),
    Target("export.datapackage", "Export: Frictionless Data Package", "s", None, 3, judged_at="1M"),
    Target("export.csv", "Export: CSV of facts", "s", None, 3, judged_at="1M"),
    Target("export.turtle", "Export: RDF (Turtle)", "s", None, 3, judged_at="1M"),
    Target("export.webannotation", "Export: W3C Web Annotations", "s", None, 3, judged_at="1M"),
    Target("export.wikidata", "Export: Wikidata statements", "s", None, 3, judged_at="1M"),
    Target("export.jsonl", "Export: JSON Lines", "s", None, 3, judged_at="1M"),
    Target("memory.peak", "Peak memory with the fact base open in the workspace", "MB", 500, judged_at="1M"),
    *(Target(f"stall.{action}", f"Longest stall of the window (10 ms timer) during {title}", "ms", 100,
             judged_at="1M") for action, title in STALL_ACTIONS.items()),
)
TARGET_BY_KEY = {target.key: target for target in TARGETS}

_SCALE = {"s": 1.0, "ms": 1000.0, "MB": 1.0}


@dataclass
class Measurement:
    metric: str
    level: str  # "10k", "100k", "1M", or "sample" for the sample fact base
    values: list[float] = field(default_factory=list)  # base units: seconds, or MB
    floor: float | None = None  # the same work through raw sqlite3, base units
    floor_what: str = ""
    note: str = ""
    unavailable: str | None = None  # why nothing was measured ("not yet available", "did not finish ...")
    measured_at: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%d"))
    variant: str = ""  # "" for the app as it is; a name for a proposed fix measured on a patched copy

    @property
    def target(self) -> Target:
        return TARGET_BY_KEY[self.metric]

    @property
    def median(self) -> float | None:
        if not self.values:
            return None
        ordered = sorted(self.values)
        middle = len(ordered) // 2
        return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2

    @property
    def shown_median(self) -> float | None:
        median = self.median
        return None if median is None else median * _SCALE[self.target.unit]

    @property
    def shown_floor(self) -> float | None:
        return None if self.floor is None else self.floor * _SCALE[self.target.unit]

    @property
    def ratio(self) -> float | None:
        median = self.median
        if median is None or not self.floor:
            return None
        return median / self.floor

    @property
    def status(self) -> str:
        target = self.target
        if self.unavailable is not None:
            judged = target.limit is not None or target.floor_ratio_limit is not None
            return "MISSES" if self.unavailable.startswith("did not finish") and judged else "n/a"
        if target.limit is None and target.floor_ratio_limit is None:
            return "info"
        if not self._judged():
            return "info"
        if not self.values:
            return "n/a"
        misses = (target.limit is not None and self.shown_median is not None and self.shown_median > target.limit) \
            or (target.floor_ratio_limit is not None and self.ratio is not None
                and self.ratio > target.floor_ratio_limit)
        return "MISSES" if misses else "meets"

    def _judged(self) -> bool:
        judged_at = self.target.judged_at
        return judged_at is None or judged_at == self.level or self.level == "sample"

    def to_json(self) -> dict:
        return {
            "metric": self.metric, "level": self.level, "variant": self.variant, "values": self.values,
            "median": self.median, "floor": self.floor, "floor_what": self.floor_what, "ratio": self.ratio,
            "unit": "MB" if self.target.unit == "MB" else "s", "status": self.status, "note": self.note,
            "unavailable": self.unavailable, "measured_at": self.measured_at,
        }

    @classmethod
    def from_json(cls, data: dict) -> Measurement:
        return cls(metric=data["metric"], level=data["level"], values=data["values"], floor=data["floor"],
                   floor_what=data.get("floor_what", ""), note=data.get("note", ""),
                   unavailable=data.get("unavailable"), measured_at=data.get("measured_at", ""),
                   variant=data.get("variant", ""))
