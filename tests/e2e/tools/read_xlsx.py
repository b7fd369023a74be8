"""Reads a workbook the way a spreadsheet program does and prints it as JSON.

Used by the end-to-end tests to check exported ledgers with a reader that is not
ours: cell values with their types, merged title rows, and the print settings.
"""
import datetime
import json
import sys

import openpyxl


def value(v):
    if isinstance(v, datetime.datetime):
        return {"date": v.date().isoformat()}
    if isinstance(v, datetime.date):
        return {"date": v.isoformat()}
    return v


def main(path):
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    rows = [[value(c) for c in row] for row in sheet.iter_rows(values_only=True)]
    print(json.dumps({
        "sheets": book.sheetnames,
        "tabs": {ws.title: [[value(c) for c in row] for row in ws.iter_rows(values_only=True)] for ws in book.worksheets},
        "rows": rows,
        "merged": [str(r) for r in sheet.merged_cells.ranges],
        "landscape": sheet.page_setup.orientation == "landscape",
        "paper": sheet.page_setup.paperSize,
        "repeat_rows": sheet.print_title_rows,
        "freeze": sheet.freeze_panes,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
