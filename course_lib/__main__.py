"""Command line: ``python -m course_lib where C1.23`` or ``python -m course_lib list``."""

from __future__ import annotations

import sys

from course_lib.curriculum import load_index, where


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "where":
        try:
            where(argv[1])
        except KeyError as err:
            print(err.args[0], file=sys.stderr)
            return 1
        return 0
    if argv == ["list"]:
        for item in load_index():
            print(f"{item['id']:7} {item['title']}")
        return 0
    print("usage: python -m course_lib where ID | list", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
