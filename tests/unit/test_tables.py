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
    assert "<th>a&lt;b</th>" in html and "<td>x &amp; y</td>" in html
    assert "<caption>caption</caption>" in html


def test_column_and_errors():
    table = Table(["a", "b"], [[1, 2], [3, 4]])
    assert table.column("b") == [2, 4]
    with pytest.raises(KeyError, match="the columns are"):
        table.column("c")
    with pytest.raises(ValueError, match="row 1 has 1 cells"):
        Table(["a", "b"], [[1, 2], [3]])
