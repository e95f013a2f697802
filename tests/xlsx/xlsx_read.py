#!/usr/bin/python3
"""Reads workbooks back with openpyxl (Debian's python3-openpyxl), a reader
fuel did not write, and checks them as a secretary would use them: sorts and
filters, types values, reads dates and percentages. Prints one line per
problem ("FAIL file sheet: what") and one "sheets N" line per file; exits 1
when anything failed.

Usage: xlsx_read.py FILE.xlsx ...
"""
import datetime
import re
import sys

import openpyxl
from openpyxl.utils import get_column_letter, range_boundaries

ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
failures = 0


def fail(path, sheet, what):
    global failures
    failures += 1
    print(f"FAIL {path} {sheet}: {what}")


def check_sheet(path, ws):
    name = ws.title
    if len(name) > 31:
        fail(path, name, "name longer than 31 characters")
    if re.search(r" \([0-9]+\)$", name):
        fail(path, name, "name numbered instead of named")
    if ws["A1"].value in (None, ""):
        fail(path, name, "A1 is empty")
    tables = list(ws.tables.values())
    if len(tables) != 1:
        fail(path, name, f"{len(tables)} Excel tables, not one")
        return
    table = tables[0]
    min_col, min_row, max_col, max_row = range_boundaries(table.ref)
    if table.autoFilter is None:
        fail(path, name, "the table has no filter")
    header_row = min_row if table.headerRowCount != 0 else None
    last_data = max_row - (table.totalsRowCount or 0)
    first_data = min_row + (1 if header_row else 0)
    if header_row:
        for col in range(min_col, max_col + 1):
            header = str(ws.cell(header_row, col).value or "")
            parts = [p.strip() for p in header.split(",")]
            if len(parts) != len(set(parts)):
                fail(path, name, f"header {header!r} repeats itself")
    for row in range(first_data, last_data + 1):
        for col in range(min_col, max_col + 1):
            value = ws.cell(row, col).value
            if isinstance(value, str) and value.strip() in ("Totalt", "Summa", "Total"):
                fail(path, name, f"a total row inside the data at row {row}: sorting takes it along")
    for col in range(min_col, max_col + 1):
        letter = get_column_letter(col)
        formats = set()
        numbers = 0
        for row in range(first_data, max_row + 1):
            cell = ws.cell(row, col)
            if isinstance(cell.value, str) and ISO_DATE.match(cell.value):
                fail(path, name, f"{cell.coordinate} is a date written as text")
            if isinstance(cell.value, datetime.datetime) and cell.number_format != "yyyy-mm-dd":
                fail(path, name, f"{cell.coordinate} is a date formatted {cell.number_format!r}")
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                numbers += 1
                formats.add(cell.number_format)
                if "%" in cell.number_format and abs(cell.value) > 10:
                    fail(path, name, f"{cell.coordinate} is a percentage of {cell.value}, not a fraction")
        if len(formats) > 1:
            fail(path, name, f"column {letter} has the formats {sorted(formats)}, not one")
        if numbers and ws.column_dimensions[letter].number_format != next(iter(formats)):
            fail(path, name, f"column {letter}: a typed value would not get the column's format")
        if header_row and numbers:
            header = str(ws.cell(header_row, col).value or "")
            if ("procent" in header.lower() or "%" in header) and "%" not in next(iter(formats)):
                fail(path, name, f"column {letter} ({header!r}) holds percentages without a percent format")


def main(paths):
    for path in paths:
        workbook = openpyxl.load_workbook(path)
        names = [ws.title for ws in workbook.worksheets]
        if len({n.casefold() for n in names}) != len(names):
            fail(path, "-", "two sheets with one name")
        for ws in workbook.worksheets:
            check_sheet(path, ws)
        print(f"sheets {len(names)} {path}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
