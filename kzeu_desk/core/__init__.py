"""Everything in kzeu_desk that is not Qt: storage, text, values, conflicts, import/export.

Nothing under this package may import PySide6 (tests/test_architecture.py enforces it).
"""
