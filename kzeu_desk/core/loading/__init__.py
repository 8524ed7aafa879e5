"""Loading the JSON Lines format back into a fact base (`kzeu-desk load`), split by pass:
checks.py (the first pass, against the shipped schema), id_plan.py (how the file's ids become the
target's), writing.py (the second pass, through the service's bulk operation); load.py runs them.
"""

from kzeu_desk.core.loading.checks import CheckedFile, LoadError, check_file
from kzeu_desk.core.loading.load import LoadResult, load_jsonl

__all__ = ["CheckedFile", "LoadError", "LoadResult", "check_file", "load_jsonl"]
