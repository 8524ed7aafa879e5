"""Repeating a measurement and summarising it: medians, never single runs, never best-of."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Sample:
    """Seconds of several runs of one operation."""

    seconds: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)

    @property
    def worst(self) -> float:
        return max(self.seconds)

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.seconds)
        return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


# Scales every repeat() budget; `--quick` lowers it so `make bench` stays within minutes.
budget_scale = 1.0


def repeat(operation: Callable[[], object], *, runs: int, budget_seconds: float,
           before_each: Callable[[], object] | None = None) -> Sample:
    """Time `operation` up to `runs` times; stop early once `budget_seconds` are spent (one run at least).

    `before_each` runs untimed before every run (a fresh copy of a file, a rolled-back state).
    """
    sample = Sample()
    spent = 0.0
    budget_seconds *= budget_scale
    while len(sample.seconds) < runs and (not sample.seconds or spent < budget_seconds):
        if before_each is not None:
            before_each()
        started = time.perf_counter()
        operation()
        elapsed = time.perf_counter() - started
        sample.seconds.append(elapsed)
        spent += elapsed
    return sample


def timed(operation: Callable[[], object]) -> float:
    started = time.perf_counter()
    operation()
    return time.perf_counter() - started
