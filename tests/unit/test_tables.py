"""course_lib.tables.Table: text and HTML views of the same rows."""

import pytest

from course_lib.tables import Table


def test_text_view_aligns_columns_under_a_rule():
    table = Table(["model", "dev error"], [["A", "11.0 %"], ["bigger B", "9 %"]], title="T")
    assert str(table).splitlines() == [
        "T",
        "model     dev error",
        "--------  ---------",
        "A         11.0 %",
        "bigger B  9 %",
    ]


def test_html_view_escapes_cells():
    html = Table(["a<b"], [["x & y"]], title="caption")._repr_html_()
    assert '<th style="text-align: left">a&lt;b</th>' in html
    assert '<td style="text-align: left">x &amp; y</td>' in html
    assert "<caption>caption</caption>" in html


def test_column_and_errors():
    table = Table(["a", "b"], [[1, 2], [3, 4]])
    assert table.column("b") == [2, 4]
    with pytest.raises(KeyError, match="the columns are"):
        table.column("c")
    with pytest.raises(ValueError, match="row 1 has 1 cells"):
        Table(["a", "b"], [[1, 2], [3]])


def test_text_columns_are_left_aligned_and_number_columns_right_aligned():
    table = Table(
        ["model", "dev error", "count", "note"],
        [["A", "11.0 %", 1200, "3 layers"], ["B", "−2.5 pts", "12,000", "ok"]],
    )
    assert table.alignments() == ["left", "right", "right", "left"]
    html = table._repr_html_()
    assert html.count('style="text-align: left"') == 2 * 3
    assert '<td style="text-align: right">11.0 %</td>' in html
