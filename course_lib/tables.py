"""Small tables for lessons: shown as HTML in JupyterLab and as aligned text elsewhere.

    from course_lib.tables import Table
    Table(["model", "train error", "dev error"], [["A", "1.0 %", "11.0 %"], ...],
          title="Two numbers per model")

The workbook does not depend on pandas; a Table is a list of rows with a header, which is
all an error-analysis tally or a bias/variance table needs. Cells are shown with ``str``;
format numbers before passing them (``f"{x:.1%}"``).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

__all__ = ["Table"]


class Table:
    """A header and rows of cells, with ``_repr_html_`` for notebooks and ``str`` for text.

    Args:
        columns: the header, one name per column.
        rows: sequences of cells, each as long as ``columns``.
        title: optional caption above the table.
    """

    def __init__(self, columns: Sequence[str], rows: Sequence[Sequence], title: str = ""):
        self.columns = [str(c) for c in columns]
        self.rows = [list(row) for row in rows]
        for k, row in enumerate(self.rows):
            if len(row) != len(self.columns):
                raise ValueError(
                    f"row {k} has {len(row)} cells but the table has {len(self.columns)} "
                    f"columns {self.columns}."
                )
        self.title = title

    def column(self, name: str) -> list:
        """The cells of the column called ``name``, top to bottom."""
        if name not in self.columns:
            raise KeyError(f"no column {name!r}; the columns are {self.columns}.")
        k = self.columns.index(name)
        return [row[k] for row in self.rows]

    def __str__(self) -> str:
        cells = [self.columns] + [[str(c) for c in row] for row in self.rows]
        widths = [max(len(row[k]) for row in cells) for k in range(len(self.columns))]
        lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip() for row in cells]
        lines.insert(1, "  ".join("-" * w for w in widths))
        return "\n".join(([self.title] if self.title else []) + lines)

    def __repr__(self) -> str:
        return str(self)

    def alignments(self) -> list[str]:
        """Per column, "right" when every cell is a number (units allowed), else "left"."""
        return [
            "right" if all(_is_number(c) for c in self.column(name)) else "left"
            for name in self.columns
        ]

    def _repr_html_(self) -> str:
        # JupyterLab right-aligns every cell; text reads better left-aligned, numbers right.
        esc = lambda value: html.escape(str(value), quote=False)  # noqa: E731
        align = [f' style="text-align: {a}"' for a in self.alignments()]
        head = "".join(f"<th{a}>{esc(c)}</th>" for c, a in zip(self.columns, align))
        body = "".join(
            "<tr>" + "".join(f"<td{a}>{esc(c)}</td>" for c, a in zip(row, align)) + "</tr>"
            for row in self.rows
        )
        caption = f"<caption>{esc(self.title)}</caption>" if self.title else ""
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _is_number(cell) -> bool:
    """True for 3, 0.25, "1.0 %", "12,000", "-3.5 pts", "x2.1": a number with a unit."""
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return True
    text = str(cell).strip().replace(",", "").replace("\u2212", "-")
    for unit in ("%", "pts", "ms", "s", "x", "×"):
        text = text.removesuffix(unit).removeprefix(unit).strip()
    try:
        float(text)
    except ValueError:
        return False
    return True
