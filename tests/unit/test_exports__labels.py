"""An export asks each column's label once per key (a label costs a translation lookup or a
query), in the export's language, and blank keys stay blank."""

import datetime as dt
from types import SimpleNamespace

from django.utils import translation

from workflows.exports import ExportColumn, choice_label, export_rows
from workflows.models import Client


def test_labels_are_asked_once_per_key_in_the_exports_language():
    asked = []

    def label(key):
        asked.append(key)
        return f"={key}"

    columns = (
        ExportColumn("code", lambda o: o.code, label),
        ExportColumn("sex", lambda o: o.sex, choice_label(Client, "sex")),
        ExportColumn("born", lambda o: o.born),
    )
    objects = [
        SimpleNamespace(code=code, sex=sex, born=dt.date(1980, 8, 6))
        for code, sex in [("a", "male"), ("b", "female"), ("a", "male"), ("", "other"), (None, "")]
        * 50
    ]
    with translation.override("th"):
        rows = list(export_rows(objects, columns))
    assert asked == ["a", "b"]
    assert rows[1] == ["'=a", "ชาย", "06/08/2523"] and rows[2][:2] == ["'=b", "หญิง"]
    assert rows[4][0] == "" and rows[5] == ["", "", "06/08/2523"]
    with translation.override("en"):
        assert list(export_rows(objects[:1], columns))[1] == ["'=a", "Male", "06/08/1980"]
