//! The catalogue's texts for bringing in ledgers kept in Excel, WPS or CSV: why a
//! file or a row is refused, in the words of the people who keep those ledgers.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! intake_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            IntakeNotASheet => "这个文件不是表格：请选择 Excel（.xlsx、.xls）、WPS 或 CSV 文件。", "This file is not a spreadsheet: choose an Excel (.xlsx, .xls), WPS or CSV file.";
            IntakeProtected => "这个表格设有打开密码：请在 Excel 或 WPS 中取消密码、另存后再导入。", "This workbook is protected by a password: remove it in Excel or WPS, save, and import again.";
            IntakeDamaged => "这个表格无法读取，可能已损坏：请在 Excel 或 WPS 中打开并另存为 .xlsx 后再导入。", "This workbook cannot be read and may be damaged: open it in Excel or WPS, save it as .xlsx and import again.";
            IntakeEmpty => "这个表格是空的。", "This spreadsheet is empty.";
            IntakeTooManyRows => "这个表格超过 200000 行，请分成几个文件导入。", "This sheet has more than 200,000 rows: split it into several files.";
            IntakeNoHeader => "在工作表“{sheet}”的前 20 行中没有找到表头（应有“问题描述”或“线索摘要”等列）。", "No header was found in the first 20 rows of sheet \"{sheet}\" (a column such as \"问题描述\" or \"线索摘要\" is needed).";
            IntakeNoSheet => "没有名为“{sheet}”的工作表；表格中有：{sheets}。", "There is no sheet named \"{sheet}\"; the workbook has: {sheets}.";
            IntakeAtCell => "第{row}行 {col}列“{heading}”：", "Row {row}, column {col} \"{heading}\": ";
            IntakeAtRow => "第{row}行：", "Row {row}: ";
            IntakeAtRows => "第{row}行：", "Rows {row}: ";
            IntakeAtCells => "第{row}行 {col}列“{heading}”：", "Rows {row}, column {col} \"{heading}\": ";
            IntakeRowsList => "{first} 等 {n} ", "{first} and more, {n} rows in all";
            IntakeMissingFocus => "缺少问题类别（三个聚焦）：可在表中补写，或在导入时指定未写类别的问题归入哪一类", "the focus (三个聚焦) is missing: write it in the sheet, or choose one for rows without it when importing";
            IntakeMissing => "缺少{field}", "{field} is missing";
            IntakeNotADate => "“{value}”不是日期（可写作 2026年3月5日、2026.3.5 或 2026/3/5）", "\"{value}\" is not a date (write it as 2026-03-05, 2026.3.5 or 2026/3/5)";
            IntakeLongTermDeadline => "“{value}”不是日期：长期整改的事项请在整改状态中写“长期整改”，整改时限写阶段性完成的日期", "\"{value}\" is not a date: write 长期整改 as the status of a long-term item, and a stage's deadline here";
            IntakeNeedsYear => "“{value}”没有写年份：请在导入时给出年份", "\"{value}\" has no year: give the year when importing";
            IntakeUnknownStatus => "“{value}”不是整改状态（可写 未整改、整改中、待核验、已销号、长期整改）", "\"{value}\" is not a rectification status (未整改, 整改中, 待核验, 已销号, 长期整改)";
            IntakeUnknownFocus => "“{value}”不属于三个聚焦中的任何一个", "\"{value}\" is none of the three focuses";
            IntakeUnknownChoice => "“{value}”不是这一列可选的内容", "\"{value}\" is not one of this column's choices";
            IntakeNotACount => "“{value}”不是人数", "\"{value}\" is not a number of persons";
            IntakeUnknownTarget => "巡察对象名录中没有“{value}”", "\"{value}\" is not in the register of targets";
            IntakeAmbiguousTarget => "名册中有不止一个“{value}”：请写明所属乡镇", "More than one \"{value}\" is registered: name its township";
            IntakeUnknownRound => "没有“{value}”这一轮巡察", "There is no round \"{value}\"";
            IntakeAmbiguousRound => "“{value}”可指不止一轮巡察：请写明届次，如“十五届第三轮”", "\"{value}\" could be more than one round: name the term, e.g. \"十五届第三轮\"";
            IntakeNoRound => "表中没有巡察轮次：请在导入时选择轮次", "The sheet names no round: choose the round when importing";
            IntakeNotInspected => "{target}不在{round}的巡察对象中", "{target} was not inspected in {round}";
            IntakeNoFeedback => "{target}在本轮的反馈日期还没有填写，整改从反馈开始：请在巡察轮次页该单位所在巡察组的“打开”中填写反馈日期", "No feedback day is recorded for {target} in this round, and rectification starts at feedback: enter it under 打开 for the unit on the round's page";
            IntakeRepeated => "与第{row}行重复", "the same as row {row}";
            IntakeClosedButOpen => "填写了销号日期，但整改状态不是已销号", "a day struck off is given, but the status is not struck off";
            IntakeClosedBeforeFeedback => "销号日期早于反馈日期", "struck off before the problem was fed back";
            IntakeCloseDayAssumed => "据原台账导入；原台账未载销号日期，按 {day} 记入", "Brought in from the earlier ledger, which has no day struck off; recorded as {day}";
            IntakeUpdateNote => "据新版台账更新；表格未载这一步的日期，日期为推定", "Updated from a later version of the ledger, which has no day for this step: the day is assumed";
            IntakeStepNote => "据原台账导入", "Brought in from the earlier ledger";
            IntakeNotRecorded => "原台账未载", "Not in the earlier ledger";
            SheetTitle => "从 Excel 导入台账", "Bring in a ledger from Excel";
            SheetHint => "选择本单位原来用 Excel、WPS 保存的问题整改台账、线索台账、巡察建议书台账、巡察对象名录或“一长两员”人才库名单（.xlsx、.xls、.ods 或 CSV）。程序会找出表头、对应各列，逐行检查后先预览，确认后才写入；有错误的行不会导入，并列出行号和原因。", "Choose a ledger the office kept in Excel or WPS (.xlsx, .xls, .ods or CSV): problems and rectifications, clues, recommendation letters, a register of units, or a list of the talent pool. The header is found and the columns matched; every row is checked and previewed before anything is written; rows with errors are left out and listed with their row number and reason.";
            SheetChoose => "选择表格文件", "Choose a spreadsheet";
            SheetWhich => "工作表", "Sheet";
            SheetFound => "表头在第 {row} 行，数据从第 {first} 行起，共 {rows} 行。", "The header is on row {row}; data starts on row {first}, {rows} rows in all.";
            SheetRemembered => "已按上次同样格式表格的设置对应各列。", "The columns are matched as for the last sheet of this layout.";
            SheetColumnsTitle => "各列对应", "Columns";
            SheetColHeading => "表中列名", "Heading in the sheet";
            SheetColSample => "数据示例", "Sample";
            SheetColField => "导入为", "Brought in as";
            SheetRound => "表中未写轮次时按", "Round where the sheet names none";
            SheetRoundAsWritten => "（按表中所写）", "(as the sheet says)";
            SheetYear => "未写年份的日期按年份", "Year for days written without one";
            SheetFocus => "未写类别的问题归入", "Focus of problems that name none";
            SheetFocusNone => "（不指定）", "(none)";
            SheetCheck => "检查并预览", "Check and preview";
            SheetWait => "正在读取本机数据，读完后才能检查。", "This PC's records are still being read; check when they are.";
            SheetCounts => "共 {rows} 行：可导入 {added} 行，本机已有 {same} 行，有错误 {refused} 行。", "Rows: {rows}; to bring in: {added}; already here: {same}; with errors: {refused}.";
            SheetSameHint => "本机已有的行，表格没有写出新进展的不作改动；表格中进度落后于本机的，以本机为准。", "Rows already here that the sheet takes no further are left as they are; where the sheet is behind this PC, this PC's record stands.";
            SheetUpdated => "另有 {n} 行的整改进度比本机新（状态前进或时限延后）：预览后按表格更新，每一步记入办理记录，注明据新版台账更新。", "Rows further along than this PC (a later status or deadline): {n}. After the preview they update the rectifications, each step in the history as updated from the later ledger.";
            SheetDeleted => "另有 {n} 行的事项已在本机删除，不再导入。", "Rows of records deleted on this PC, not brought back: {n}.";
            SheetNoteBehind => "表格中的进度（{sheet}）落后于本机（{kept}），以本机为准", "the sheet's progress ({sheet}) is behind this PC's ({kept}), which stands";
            SheetNoteDiffers => "整改措施、责任单位或责任人与本机不同，但进度没有前进，未按表格改动；如需改动，请在台账中修改", "its measures, unit or person differ from this PC's but it is no further along, so they are not taken; change them in the ledger if need be";
            SheetNotesTitle => "以下各行未作改动：", "These rows were left as they are:";
            SheetStatusRead => "“{words}”→{status}（{n}行）", "\"{words}\" → {status} ({n})";
            SheetStatusReading => "整改情况按以下方式读取（只有“已销号”等写法记为已销号，单位自报“已完成”记为待核验）：{read}。", "The 整改情况 words are read as follows (only 已销号 and the like strike an item off; a unit's own 已完成 waits for verification): {read}.";
            SheetLeftOutCols => "以下各列有内容，但没有对应的字段，不会导入：{cols}。如需导入，请在上表中为其选择字段。", "These columns have data but no field and are left out: {cols}. To bring one in, choose its field in the table above.";
            SheetColumnNamed => "{col}列“{heading}”", "column {col} \"{heading}\"";
            SheetErrorsTitle => "以下各行有错误，不会导入；改正表格后可再导入一次（已导入的行不会重复）：", "These rows have errors and are left out; correct the sheet and import it again (rows already brought in are not repeated):";
            SheetMoreErrors => "另有 {n} 处错误未列出。", "{n} more errors are not listed.";
            SheetNothing => "没有可导入的新行。", "There are no new rows to bring in.";
            SheetYearBad => "年份应为 1949 到 2199 之间的四位数字。", "The year must be four digits between 1949 and 2199.";
            SheetUnknownUnits => "表中有 {n} 个单位不在巡察对象名录中：{names}。", "Units the sheet names that are not in the register ({n}): {names}.";
            SheetUnitsKind => "名称看不出类型的单位按", "Kind for units whose names do not show it";
            SheetUnknownRounds => "表中有 {n} 个轮次本机没有：{names}。", "Rounds the sheet names that are not entered here ({n}): {names}.";
            SheetNotInspected => "表中有 {n} 个单位在所写的轮次中没有巡察记录：{names}。", "Units with no inspection in the round the sheet names ({n}): {names}.";
            SheetMakeMissing => "据表补建（先预览）", "Make them from the sheet (preview first)";
            SheetMakeHint => "补建的轮次以表中这一轮最早的日期为开始日期；单位由该轮的“原台账导入组”巡察，进驻日期为轮次开始日期，反馈日期取表中最晚的发现日期（没有则同开始日期）；轮次和巡察情况的备注注明据原台账补建，请导入后核对。村、社区请写成“乡镇名+村名”。补建导入后，再检查一次这张表。", "A round made starts on its earliest day in the sheet; its units are inspected by its group \"原台账导入组\", entered on the round's start and fed back on the latest day a row was found (else the start); the notes say they were made from the ledger, so check them. Write a village as township + village. Once made, check the sheet again.";
            SheetMadeTitle => "据表补建的轮次、单位和巡察情况", "Rounds, units and inspections made from the sheet";
            SheetPassedOver => "未作为数据读取的行（分类标题、合计、说明等）：第 {rows} 行。", "Rows read as headings, totals or notes, not data: {rows}.";
            StageSheetRows => "正在逐行检查 {file}：{done}/{total} 行", "Checking {file} row by row: {done} of {total}";
            CliSheetNeedsWith => "用法：xuncha from-sheet 台账文件 --with 本单位备份文件 -o 输出文件（台账中的单位和轮次按备份文件中的名称匹配）", "Usage: xuncha from-sheet LEDGER --with BACKUP -o OUT (the ledger's units and rounds are matched by name against the backup)";
            CliBadMapping => "{file} 不是列对应文件（应为 {\"columns\": [\"round\", null, \"description\", …]}）。", "{file} is not a column mapping (it should read {\"columns\": [\"round\", null, \"description\", …]}).";
            CliSheetColumn => "{col}列“{heading}” → {field}", "Column {col} \"{heading}\" → {field}";
            SheetLeftOut => "不导入", "left out";
            CliSheetCounts => "读取 {rows} 行：新增 {added} 行，已有 {same} 行，拒绝 {refused} 行。", "Read {rows} rows: {added} added, {same} already kept, {refused} refused.";
            CliSheetMore => "其中更新本机已有整改事项 {updated} 行，本机已删除的事项 {deleted} 行（不再导入）。", "Of them {updated} update rectifications kept, and {deleted} are of records deleted here (not brought back).";
            IntakeMadeNote => "据原台账《{file}》补建：开始、进驻和反馈日期按表中最早的日期（表中没有日期时按轮次开始日期）推定，请核对。", "Made from the ledger {file}: the start, entry and feedback days are assumed from the sheet's earliest day (the round's start where the sheet has none); check them.";
            IntakeMadeGroup => "原台账导入组", "Group of the earlier ledgers";
            IntakeMadeNoDay => "无法补建“{round}”：表中这一轮的行都没有日期，定不出开始日期，请先在“巡察轮次”页登记这一轮。", "Cannot make \"{round}\": none of its rows has a day to start it on; enter the round on the rounds page first.";
            IntakeMadeNoTerm => "无法补建“{round}”：没有包含 {year} 年的届次，请先在“届次”页登记届次。", "Cannot make \"{round}\": no term covers {year}; enter the term on the terms page first.";
            IntakeMadeRoundInvalid => "无法补建“{round}”：{why}", "Cannot make \"{round}\": {why}";
            CliSheetMade => "补建：巡察对象 {targets} 个，巡察轮次 {rounds} 个，巡察组 {groups} 个，巡察情况（单位分到轮次） {inspections} 个（备注中注明据原台账补建）。", "Made: {targets} units, {rounds} rounds, {groups} groups, {inspections} inspections (each noted as made from the ledger).";
            CliSheetScope => "台账导入：{file}", "Ledger brought in: {file}";
            CliSheetWritten => "已写入 {out}（只含可导入的行）。", "Written to {out} (the rows that could be brought in only).";
        }
    };
}
