"""Performance benchmarks for kzeu_desk: synthetic fact bases at scale, measured beside raw SQLite.

Run `make bench` (10k and 100k facts) or `make bench-full` (adds 1M); see docs/PERFORMANCE.md.
"""
