"""The curriculum index (curriculum.yml): where each item is taught, implemented and tested.

    >>> from course_lib import where
    >>> where("C1.23")        # prints the lesson, the NumPy function, its twin, tests, check

From a shell: ``make where ID=C1.23`` or ``python -m course_lib where C1.23``.
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from pathlib import Path

import yaml

__all__ = ["REPO_ROOT", "load_index", "entry", "where", "validate_index"]

INDEX_PATH = Path(__file__).with_name("curriculum.yml")
REPO_ROOT = INDEX_PATH.parent.parent
ID_PATTERN = re.compile(r"^(C[1-5]|X)\.\d{2,3}$")
REQUIRED = ("id", "title", "notebook", "numpy", "keras", "tests")


@lru_cache(maxsize=1)
def load_index() -> tuple[dict, ...]:
    """All entries of curriculum.yml, in file order."""
    with INDEX_PATH.open(encoding="utf-8") as f:
        return tuple(yaml.safe_load(f) or ())


def entry(item_id: str) -> dict:
    """The entry for one id, e.g. ``"C1.23"``; KeyError naming the nearest ids if absent."""
    item_id = item_id.strip().upper()
    for item in load_index():
        if item["id"] == item_id:
            return item
    prefix = item_id.split(".")[0]
    known = [item["id"] for item in load_index() if item["id"].startswith(prefix)]
    raise KeyError(f"{item_id} is not in the workbook yet. Covered in {prefix}: {known or 'none'}.")


def _resolve(dotted: str):
    module, _, attribute = dotted.rpartition(".")
    return getattr(importlib.import_module(module), attribute)


def where(item_id: str) -> str:
    """Print (and return) where an item is taught, implemented, twinned, tested and checked."""
    item = entry(item_id)
    lines = [
        f"{item['id']}  {item['title']}",
        f"  lesson : {item['notebook']}",
        f"  NumPy  : {item['numpy'] or '(concept: no function)'}",
        f"  Keras  : {item['keras'] or '(none: ' + item.get('why', 'no reason given') + ')'}",
        f"  tests  : {', '.join(item['tests'])}",
    ]
    if item.get("check"):
        lines.append(f"  check  : {item['check']}(your_function)")
    text = "\n".join(lines)
    print(text)
    return text


def validate_index(import_keras: bool = True) -> list[str]:
    """Every problem with the index: missing fields, bad ids, paths that do not resolve.

    Args:
        import_keras: also import the Keras twins (needs TensorFlow).

    Returns:
        A list of human-readable problems; empty when the index is sound.
    """
    problems, seen = [], set()
    for item in load_index():
        label = item.get("id", "<no id>")
        missing = [key for key in REQUIRED if key not in item]
        if missing:
            problems.append(f"{label}: missing {missing}")
            continue
        if not ID_PATTERN.match(label):
            problems.append(f"{label}: not a curriculum id")
        if label in seen:
            problems.append(f"{label}: listed twice")
        seen.add(label)
        notebook, _, section = item["notebook"].partition("#")
        lesson = REPO_ROOT / notebook
        if not lesson.is_file():
            problems.append(f"{label}: lesson {notebook} does not exist")
        elif section and f"## {section.split('-', 1)[0]}." not in lesson.read_text("utf-8"):
            problems.append(f"{label}: lesson {notebook} has no section numbered {section}")
        targets = [item["numpy"], item.get("check")]
        if import_keras:
            targets.append(item["keras"])
        for dotted in filter(None, targets):
            try:
                if not callable(_resolve(dotted)):
                    problems.append(f"{label}: {dotted} is not callable")
            except (ImportError, AttributeError) as err:
                problems.append(f"{label}: {dotted} does not resolve ({err})")
        if item["keras"] is None and not item.get("why"):
            problems.append(f"{label}: keras is null without a `why`")
        for test in item["tests"]:
            if not (REPO_ROOT / test.split("::")[0]).is_file():
                problems.append(f"{label}: test file {test} does not exist")
    return problems
