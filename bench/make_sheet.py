"""Writes a 问题整改台账 workbook of N rows for one unit of one round, as an office
would keep it, for the benchmark of bringing a ledger in from Excel.

Usage: make_sheet.py OUT.xlsx ROUND UNIT N
"""
import datetime
import sys

import openpyxl


def main(out, round_words, unit, n):
    book = openpyxl.Workbook()
    s = book.active
    s.title = "整改台账"
    s.append([f"{round_words}巡察反馈问题整改台账"])
    s.merge_cells("A1:J1")
    s.append(["序号", "巡察轮次", "被巡察单位", "问题类别", "问题描述", "整改措施", "责任单位", "责任人", "整改时限", "整改情况"])
    focuses = ["第一个聚焦", "第二个聚焦", "第三个聚焦"]
    statuses = ["已完成", "整改中", "未整改"]
    for i in range(n):
        deadline = datetime.date(2026, 1 + i % 12, 1 + i % 28)
        s.append([i + 1, round_words, unit, focuses[i % 3], f"基准导入问题第{i + 1}条：制度执行不到位", "建立制度，限期整改",
                  unit, f"责任人{i % 50}", deadline, statuses[i % 3]])
    s.append(["合计", None, None, None, f"{n}个问题"])
    book.save(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
