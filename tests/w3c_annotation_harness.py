"""The W3C Web Annotation test material (web-annotation-tests, tests/data/web_annotation_tests, W3C
test-suite licence in its license.md), run as its harness runs it.

Each `.test` file lists assertions; each assertion is a JSON Schema (draft 4) whose `$ref`s point
into `definitions/*.json` by their ids. The harness validates the pasted JSON against every
assertion: a `must` assertion that does not validate fails the test; `should` and `may` assertions
only report whether the feature is implemented. The harness checks the formats `uri` and
`date-time` (as its validator does), so those are checked here too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path

import jsonschema
import rfc3986
import rfc3986.exceptions
import rfc3986.validators
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

MATERIAL = Path(__file__).parent / "data" / "web_annotation_tests"
# What the harness's validator accepts as a URI: a scheme, then no white space.
_URI = re.compile(r"^[a-z][a-z0-9+\-.]*:[^\s]*$", re.IGNORECASE)


@dataclass(frozen=True)
class Outcome:
    assertion: str
    kind: str  # must, should, may
    passed: bool
    message: str


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted((MATERIAL / "definitions").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append((schema["id"], Resource.from_contents(schema, default_specification=DRAFT4)))
    return Registry().with_resources(resources)


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker(formats=())

    @checker.checks("uri")
    def is_uri(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not _URI.match(value):
            return False
        validator = rfc3986.validators.Validator().require_presence_of("scheme")
        try:
            validator.validate(rfc3986.uri_reference(value))
        except rfc3986.exceptions.ValidationError:
            return False
        return True

    @checker.checks("date-time")
    def is_date_time(value: object) -> bool:
        if not isinstance(value, str):
            return True
        if not re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)", value):
            return False
        datetime.fromisoformat(value.replace("Z", "+00:00"))
        return True

    return checker


def run(test_file: str, document: object) -> list[Outcome]:
    """Every assertion of `test_file` (relative to the material, e.g. "collections/collectionMusts.test")."""
    test = json.loads((MATERIAL / test_file).read_text(encoding="utf-8"))
    outcomes = []
    for name in test["assertions"]:
        schema = json.loads((MATERIAL / name).read_text(encoding="utf-8"))
        validator = jsonschema.Draft4Validator(schema, registry=_registry(), format_checker=_format_checker())
        errors = list(validator.iter_errors(document))
        passed = not errors if schema.get("expectedResult", "valid") == "valid" else bool(errors)
        outcomes.append(Outcome(name, schema.get("assertionType", "must"), passed,
                                "" if passed else schema.get("errorMessage", schema.get("title", name))))
    return outcomes


def failed_musts(test_file: str, document: object) -> list[str]:
    return [f"{o.assertion}: {o.message}" for o in run(test_file, document) if o.kind == "must" and not o.passed]


def implemented(test_file: str, document: object) -> set[str]:
    """The optional features (should/may assertions) the document implements, by assertion file name."""
    return {Path(o.assertion).name for o in run(test_file, document) if o.kind != "must" and o.passed}
