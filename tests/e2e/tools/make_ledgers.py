"""Writes ledgers the way county offices keep them, for the import test: a workbook
with an instructions sheet first, a title merged across, a header over two rows, the
unit merged down over its problems, section headings, dates as date cells and as
text, a 合计 row and notes under the table; and a 线索台账 as CSV in GBK.

Usage: make_ledgers.py OUT_DIR; prints the files' paths as JSON.
"""
import datetime
import json
import os
import sys

import openpyxl


def rectification_book(path):
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = "填表说明"
    notes["A1"] = "请按要求填写，整改时限写明具体日期。"
    s = book.create_sheet("整改台账")
    s.append(["十五届县委第一轮巡察反馈问题整改台账"])
    s.merge_cells("A1:I1")
    s.append(["序号", "被巡察单位", "存在问题", "整改情况", None, None, None, None, "备注"])
    s.append([None, None, None, "整改措施", "责任单位", "责任人", "完成时限", "完成情况", None])
    for col in "ABCI":
        s.merge_cells(f"{col}2:{col}3")
    s.merge_cells("D2:H2")
    s.append(["一、贯彻落实党的路线方针政策和党中央决策部署方面"])
    s.merge_cells("A4:I4")
    s.append([1, "县财政局党组", "预算执行进度慢", "建立月调度机制", "县财政局", "张三", datetime.date(2026, 6, 30), "已完成", None])
    s.append([2, None, "专项资金闲置", "清理盘活存量资金", None, "李四", "2026.8.31", "整改中", None])
    s.merge_cells("B5:B6")
    s.append(["二、群众身边腐败问题和不正之风方面"])
    s.merge_cells("A7:I7")
    s.append([3, "城关镇东关村", "村务公开不及时", "按月公开村务", "东关村", "王五", "2026年9月底", "未整改", None])
    s.append([4, "县财政局", "公务接待超标准", "退回超标费用", "县财政局", "赵六", "下月底", "整改中", "时限待定"])
    s.append(["合计", None, "4个问题"])
    s.append([])
    s.append(["填表人：钱七", None, None, "审核人：孙八"])
    for row in s.iter_rows(min_row=5, max_row=9, min_col=7, max_col=7):
        for cell in row:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "yyyy年m月d日"
    book.save(path)


def clue_csv(path):
    text = (
        "序号,被巡察单位,线索摘要,涉及党员干部（人）,涉及其他人员（人）,移交单位,移交日期,处置方式\r\n"
        "1,县财政局,反映某股长违规报销差旅费,1,0,县纪委监委,2026年6月1日,初步核实\r\n"
        "2,东关村,反映村干部优亲厚友,2,1,县委组织部,2026.6.2,\r\n"
    )
    with open(path, "wb") as f:
        f.write(text.encode("gbk"))


# The three good rows of the workbook above, as older Excel (.xls) and LibreOffice or
# WPS (.ods) save them: read the same, they are already kept after the workbook.
OLD_HEADER = ["序号", "巡察轮次", "被巡察单位", "问题类别", "存在问题", "整改措施", "责任单位", "责任人", "整改时限", "整改情况"]
OLD_ROWS = [
    [1, "第一轮", "县财政局", "第一个聚焦", "预算执行进度慢", "建立月调度机制", "县财政局", "张三", datetime.date(2026, 6, 30), "已完成"],
    [2, "第一轮", "县财政局", "第一个聚焦", "专项资金闲置", "清理盘活存量资金", "", "李四", "2026.8.31", "整改中"],
    [3, "第一轮", "城关镇东关村", "第二个聚焦", "村务公开不及时", "按月公开村务", "东关村", "王五", "2026年9月底", "未整改"],
]


def xls_book(path):
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    s = book.add_sheet("整改台账")
    s.write_merge(0, 0, 0, len(OLD_HEADER) - 1, "十五届县委第一轮巡察反馈问题整改台账")
    day = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for c, h in enumerate(OLD_HEADER):
        s.write(1, c, h)
    for r, row in enumerate(OLD_ROWS, start=2):
        for c, v in enumerate(row):
            s.write(r, c, v, day) if isinstance(v, datetime.date) else s.write(r, c, v)
    book.save(path)


def ods_book(path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="整改台账")
    for row in [OLD_HEADER] + OLD_ROWS:
        tr = TableRow()
        for v in row:
            if isinstance(v, datetime.date):
                cell = TableCell(valuetype="date", datevalue=v.isoformat())
            elif isinstance(v, int):
                cell = TableCell(valuetype="float", value=v)
            else:
                cell = TableCell(valuetype="string")
            cell.addElement(P(text=str(v)))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(path)


def unregistered_csv(path):
    text = (
        "巡察轮次,被巡察单位,问题类别,问题描述\n"
        "第一轮,县审计局党组,第一个聚焦,审计整改督促不力\n"
        "第一轮,大山镇,第三个聚焦,党委会议记录不全\n"
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def later_csv(path):
    """The rectification ledger a month on, as the office kept it in Excel alongside:
    one item struck off with its deadline moved, one started, one still as before;
    its 问题编号 column has no field to go to."""
    text = (
        "问题编号,巡察轮次,被巡察单位,存在问题,整改措施,责任单位,责任人,整改时限,整改情况\n"
        "财-02,第一轮,县财政局,专项资金闲置,清理盘活存量资金并建立台账,县财政局,李四,2026.10.31,已销号\n"
        "村-01,第一轮,城关镇东关村,村务公开不及时,按月公开村务,东关村,王五,2026年9月底,整改中\n"
        "财-01,第一轮,县财政局,预算执行进度慢,建立月调度机制,县财政局,张三,2026.6.30,整改中\n"
    )
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main(out):
    os.makedirs(out, exist_ok=True)
    files = {
        "rect": os.path.join(out, "整改台账.xlsx"),
        "clues": os.path.join(out, "线索台账.csv"),
        "unregistered": os.path.join(out, "未登记单位.csv"),
        "later": os.path.join(out, "整改台账（新版）.csv"),
        "xls": os.path.join(out, "整改台账（旧版）.xls"),
        "ods": os.path.join(out, "整改台账.ods"),
    }
    xls_book(files["xls"])
    ods_book(files["ods"])
    rectification_book(files["rect"])
    clue_csv(files["clues"])
    unregistered_csv(files["unregistered"])
    later_csv(files["later"])
    print(json.dumps(files, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
