"""The learner's workbook: an ignored copy of the shipped lessons that `make lab` serves.

The lessons are shipped in notebooks/ (tracked by git); JupyterLab serves workbook/, a copy
made on the first `make lab`. Learners edit, run and save their copy, so updating the
project (`git pull`) never conflicts with their work, and the shipped lessons stay clean.

workbook/.workbook.json remembers, for every copied file, the sha256 of the shipped version
it was copied from. Comparing that with the copy and with today's shipped file tells apart:

    new        shipped, not in the workbook yet          -> sync copies it
    same       copy = what was copied = shipped today      -> nothing to do
    updated    copy untouched, shipped version changed     -> sync refreshes the copy
    edited     the learner changed the copy                -> kept, always
    both       edited by the learner and changed upstream  -> kept; `diff` / `reset` help
    removed    no longer shipped                           -> kept

Commands (make targets in brackets): ``python -m course_lib workbook sync`` (run by
`make lab`), ``status`` (`make changes`), ``diff LESSON`` (`make changes LESSON=...`) and
``reset LESSON`` (`make reset LESSON=...`, the learner's version goes to workbook/.backups/).
Nothing here ever writes under notebooks/.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from course_lib.curriculum import REPO_ROOT

__all__ = ["SHIPPED", "WORKBOOK", "FileState", "status", "sync", "reset", "diff"]

SHIPPED = REPO_ROOT / "notebooks"
WORKBOOK = REPO_ROOT / "workbook"
MANIFEST = ".workbook.json"
BACKUPS = ".backups"
# JupyterLab's jupytext reads its settings only inside the folder it serves; without them a
# save adds `jupytext_version` to the lesson's header.
JUPYTEXT_CONFIG = REPO_ROOT / "jupytext.toml"
_SKIP_DIRS = {"__pycache__", ".ipynb_checkpoints"}
_SKIP_SUFFIXES = {".ipynb", ".pyc"}


@dataclass(frozen=True)
class FileState:
    """One shipped (or once shipped) file: its path relative to notebooks/ and its state."""

    path: str
    state: str  # new | same | updated | edited | both | removed


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _shipped_files(shipped: Path) -> dict[str, Path]:
    """Every file a learner gets, by path relative to `shipped` (generated files left out)."""
    files = {}
    for path in sorted(shipped.rglob("*")):
        rel = path.relative_to(shipped)
        hidden = any(part.startswith(".") or part in _SKIP_DIRS for part in rel.parts)
        if path.is_file() and not hidden and path.suffix not in _SKIP_SUFFIXES:
            files[rel.as_posix()] = path
    return files


def _read_manifest(workbook: Path) -> dict[str, str]:
    try:
        return json.loads((workbook / MANIFEST).read_text(encoding="utf-8"))["copied_from"]
    except FileNotFoundError:
        return {}


def _write(path: Path, data: bytes) -> None:
    """Write via a temporary file and a rename, so an interrupted sync leaves no half file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _write_manifest(workbook: Path, copied_from: dict[str, str]) -> None:
    text = json.dumps({"copied_from": dict(sorted(copied_from.items()))}, indent=1) + "\n"
    _write(workbook / MANIFEST, text.encode())


def status(shipped: Path = SHIPPED, workbook: Path = WORKBOOK) -> list[FileState]:
    """The state of every shipped file in the learner's workbook (see the module docstring)."""
    shipped, workbook = Path(shipped), Path(workbook)
    files, copied_from = _shipped_files(shipped), _read_manifest(workbook)
    states = []
    for rel in sorted(set(files) | set(copied_from)):
        copy, base = workbook / rel, copied_from.get(rel)
        if rel not in files:
            if copy.is_file():
                states.append(FileState(rel, "removed"))
            continue
        now = _sha(files[rel])
        if not copy.is_file():
            states.append(FileState(rel, "new"))
            continue
        mine = _sha(copy)
        if mine == now:
            state = "same"
        elif mine == base:
            state = "updated"
        elif base is None or base == now:
            state = "edited"  # no record (manifest lost): treat the copy as the learner's
        else:
            state = "both"
        states.append(FileState(rel, state))
    return states


def sync(shipped: Path = SHIPPED, workbook: Path = WORKBOOK) -> list[FileState]:
    """Create or refresh the workbook: copy new lessons, refresh untouched ones, keep edits.

    Returns the states found before syncing (``new`` and ``updated`` files were written).
    """
    shipped, workbook = Path(shipped), Path(workbook)
    files, copied_from = _shipped_files(shipped), _read_manifest(workbook)
    states = status(shipped, workbook)
    for item in states:
        if item.state in ("new", "updated"):
            data = files[item.path].read_bytes()
            _write(workbook / item.path, data)
            copied_from[item.path] = hashlib.sha256(data).hexdigest()
        elif item.state == "same":
            copied_from[item.path] = _sha(files[item.path])
    _write(workbook / JUPYTEXT_CONFIG.name, JUPYTEXT_CONFIG.read_bytes())
    _write_manifest(workbook, copied_from)
    return states


def _resolve(lesson: str, shipped: Path) -> str:
    """A lesson named as `make reset` accepts it -> its path relative to notebooks/."""
    files = _shipped_files(shipped)
    name = lesson.strip().replace("\\", "/")
    for prefix in ("notebooks/", "workbook/", "./"):
        name = name.removeprefix(prefix)
    if name in files:
        return name
    by_name = [rel for rel in files if name in (Path(rel).name, Path(rel).stem, rel[:-3])]
    if len(by_name) == 1:
        return by_name[0]
    close = by_name or difflib.get_close_matches(name, list(files), n=3, cutoff=0.5)
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise ValueError(
        f"{lesson!r} is not a shipped lesson; name it by its path under notebooks/, "
        f"e.g. c1_neural_networks/01_logistic_regression.py.{hint}"
    )


def reset(lesson: str, shipped: Path = SHIPPED, workbook: Path = WORKBOOK) -> Path | None:
    """Put one lesson of the workbook back to its shipped version.

    The learner's version, if it differs, is moved to workbook/.backups/<time>/<path> first.

    Returns:
        The backup's path, or None when there was nothing of the learner's to keep.
    """
    shipped, workbook = Path(shipped), Path(workbook)
    rel = _resolve(lesson, shipped)
    data, copy, backup = (shipped / rel).read_bytes(), workbook / rel, None
    if copy.is_file() and copy.read_bytes() != data:
        backup = workbook / BACKUPS / time.strftime("%Y%m%d-%H%M%S") / rel
        backup.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(copy, backup)
    _write(copy, data)
    copied_from = _read_manifest(workbook)
    copied_from[rel] = hashlib.sha256(data).hexdigest()
    _write_manifest(workbook, copied_from)
    return backup


def diff(lesson: str, shipped: Path = SHIPPED, workbook: Path = WORKBOOK) -> str:
    """A unified diff from the shipped lesson to the learner's copy ('' when they agree)."""
    shipped, workbook = Path(shipped), Path(workbook)
    rel = _resolve(lesson, shipped)
    copy = workbook / rel
    mine = copy.read_text(encoding="utf-8").splitlines(True) if copy.is_file() else []
    theirs = (shipped / rel).read_text(encoding="utf-8").splitlines(True)
    return "".join(
        difflib.unified_diff(theirs, mine, f"notebooks/{rel} (shipped)", f"workbook/{rel} (yours)")
    )


_LABELS = {
    "new": "new: the next `make lab` copies it in",
    "updated": "changed upstream, untouched by you: the next `make lab` refreshes it",
    "both": "changed upstream AND edited by you: kept as yours",
    "edited": "edited by you",
    "removed": "no longer shipped: your copy stays",
}


def report(states: list[FileState], workbook: Path = WORKBOOK, synced: bool = False) -> str:
    """Human-readable lines: what `make lab` just did (synced=True), or `make changes`."""
    head = f"Your workbook: {workbook}"
    new = [item.path for item in states if item.state == "new"]
    if synced and new and len(new) == len(states):
        return f"{head} (created: {len(new)} files copied from notebooks/)"
    done = {"new": "copied in", "updated": "refreshed from the shipped version"}
    shown = ("new", "updated", "both") if synced else tuple(_LABELS)
    lines = [
        f"  {item.path}: {(done.get(item.state) if synced else None) or _LABELS[item.state]}"
        for item in states
        if item.state in shown
    ]
    if any(item.state == "both" for item in states):
        lines.append(
            "  `make changes LESSON=<path>` shows how yours differs from the shipped one;"
            f" `make reset LESSON=<path>` takes the shipped one (yours goes to {BACKUPS}/)."
        )
    if not lines:
        return head + (" (up to date)" if synced else " (every lesson as shipped)")
    return head + "\n" + "\n".join(lines)
