"""Command line: ``python -m course_lib where C1.23 | list | map | workbook ...``.

where ID                 where a curriculum item is taught, implemented and tested
list                     every indexed item
map [FILE]               the workbook's start page (to FILE, e.g. notebooks/START_HERE.md)
workbook sync            create or refresh workbook/ (what `make lab` runs first)
workbook status          which shipped lessons changed since your copy (`make changes`)
workbook diff LESSON     how your copy differs from the shipped lesson
workbook reset LESSON    put one lesson back to the shipped version (`make reset`)
"""

from __future__ import annotations

import sys
from pathlib import Path

from course_lib import workbook
from course_lib.curriculum import describe, load_index, start_page

USAGE = __doc__.split("\n\n", 1)[1].rstrip()


def _workbook(argv: list[str]) -> int:
    if argv == ["sync"]:
        print(workbook.report(workbook.sync(), synced=True))
    elif argv == ["status"]:
        print(workbook.report(workbook.status()))
    elif len(argv) == 2 and argv[0] == "diff":
        print(workbook.diff(argv[1]) or f"{argv[1]}: your copy is the shipped version.")
    elif len(argv) == 2 and argv[0] == "reset":
        backup = workbook.reset(argv[1])
        kept = f"; your version is in {backup}" if backup else ""
        print(f"{argv[1]}: back to the shipped version{kept}.")
    else:
        return 2
    return 0


def main(argv: list[str]) -> int:
    try:
        if len(argv) == 2 and argv[0] == "where":
            print(describe(argv[1]))
            return 0
        if argv == ["list"]:
            for item in load_index():
                print(f"{item['id']:7} {item['title']}")
            return 0
        if argv and argv[0] == "map" and len(argv) <= 2:
            page = start_page()
            if len(argv) == 2:
                Path(argv[1]).write_text(page, encoding="utf-8")
            else:
                print(page, end="")
            return 0
        if argv and argv[0] == "workbook" and _workbook(argv[1:]) == 0:
            return 0
    except (ValueError, TypeError) as err:
        print(err, file=sys.stderr)
        return 1
    print("usage: python -m course_lib COMMAND\n" + USAGE, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
