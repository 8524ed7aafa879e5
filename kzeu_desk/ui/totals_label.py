"""The status bar's totals: sources, facts and open conflicts, kept without counting on the GUI thread.

Counting them took 9-21 ms at 1M facts with SQLite's cache warm and far longer after a restore or a
refresh (the file new to the cache), once after every operation, on the GUI thread. Now the counts
of sources and facts follow each `Changes` (the rows it inserted and deleted), and whatever a
`Changes` cannot tell (open conflicts after a conflict changed, a bulk load, a refresh) is counted
again off the GUI thread, the label showing the earlier totals until the new ones come.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel

from kzeu_desk.core.changes import Changes
from kzeu_desk.core.queries import Totals, totals
from kzeu_desk.ui.background import BackgroundReader
from kzeu_desk.ui.plain_text import counted
from kzeu_desk.ui.session import Session

_CHANNEL = "totals"


class TotalsLabel(QObject):
    """Keeps the window's totals label (made before any fact base is open) showing the totals."""

    def __init__(self, label: QLabel, session: Session):
        super().__init__(label)
        self._label = label
        self._session = session
        self._reader = BackgroundReader(session.fact_base.reading, self)
        self._totals: Totals | None = None
        with session.fact_base.reading() as conn:  # once, at start-up, before the first change
            self._show(totals(conn))
        session.changed.connect(self.follow)

    @property
    def totals(self) -> Totals | None:
        """What the label shows."""
        return self._totals

    def follow(self, changes: Changes) -> None:
        if self._totals is None or changes.bulk_counts or self.counting:
            self.recount()  # (a count under way may have read the state before this change)
            return
        self._show(replace(
            self._totals,
            sources=self._totals.sources + changes.net_rows("source"),
            facts=self._totals.facts + changes.net_rows("fact")))
        if changes.affects("conflict", "conflict_member"):
            self.recount()  # whether a changed conflict is open is not in the Changes

    def recount(self) -> None:
        """Count everything again off the GUI thread (after a refresh, a restore, a bulk load)."""
        self._reader.request(_CHANNEL, lambda conn, _report: totals(conn), self._show)

    @property
    def counting(self) -> bool:
        return self._reader.pending()

    def wait(self) -> None:
        """Block until a count under way is shown (tests)."""
        self._reader.wait_until_delivered()

    def stop(self) -> None:
        """The window is closing: no more counts."""
        self._reader.stop()

    def _show(self, found: Totals) -> None:
        self._totals = found
        self._label.setText(f"{counted(found.sources, 'source')} · {counted(found.facts, 'fact')} · "
                            f"{counted(found.open_conflicts, 'open conflict')}")

