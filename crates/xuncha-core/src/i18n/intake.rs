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
            IntakeMissing => "缺少{field}", "{field} is missing";
            IntakeNotADate => "“{value}”不是日期（可写作 2026年3月5日、2026.3.5 或 2026/3/5）", "\"{value}\" is not a date (write it as 2026-03-05, 2026.3.5 or 2026/3/5)";
            IntakeNeedsYear => "“{value}”没有写年份：请在导入时给出年份", "\"{value}\" has no year: give the year when importing";
            IntakeUnknownStatus => "“{value}”不是整改状态（可写 未整改、整改中、待核验、已销号、长期整改）", "\"{value}\" is not a rectification status (未整改, 整改中, 待核验, 已销号, 长期整改)";
            IntakeUnknownFocus => "“{value}”不属于三个聚焦中的任何一个", "\"{value}\" is none of the three focuses";
            IntakeUnknownChoice => "“{value}”不是这一列可选的内容", "\"{value}\" is not one of this column's choices";
            IntakeNotACount => "“{value}”不是人数", "\"{value}\" is not a number of persons";
            IntakeUnknownTarget => "名册中没有“{value}”：请先在巡察对象名册中登记", "\"{value}\" is not in the register of targets: register it first";
            IntakeAmbiguousTarget => "名册中有不止一个“{value}”：请写明所属乡镇", "More than one \"{value}\" is registered: name its township";
            IntakeUnknownRound => "没有“{value}”这一轮巡察", "There is no round \"{value}\"";
            IntakeAmbiguousRound => "“{value}”可指不止一轮巡察：请写明届次，如“十五届第三轮”", "\"{value}\" could be more than one round: name the term, e.g. \"十五届第三轮\"";
            IntakeNoRound => "表中没有巡察轮次：请在导入时选择轮次", "The sheet names no round: choose the round when importing";
            IntakeNotInspected => "{target}不在{round}的巡察对象中", "{target} was not inspected in {round}";
            IntakeNoFeedback => "{target}还没有填写反馈日期，整改从反馈开始：请先在巡察记录中填写反馈日期", "No feedback day is recorded for {target}, and rectification starts at feedback: record the feedback day first";
            IntakeRepeated => "与第{row}行是同一个问题", "the same as row {row}";
            IntakeStepNote => "据原台账导入", "Brought in from the earlier ledger";
            IntakeNotRecorded => "原台账未载", "Not in the earlier ledger";
            CliSheetNeedsWith => "用法：xuncha from-sheet 台账文件 --with 本单位备份文件 -o 输出文件（台账中的单位和轮次按备份文件中的名称匹配）", "Usage: xuncha from-sheet LEDGER --with BACKUP -o OUT (the ledger's units and rounds are matched by name against the backup)";
            CliBadMapping => "{file} 不是列对应文件（应为 {\"columns\": [\"round\", null, \"description\", …]}）。", "{file} is not a column mapping (it should read {\"columns\": [\"round\", null, \"description\", …]}).";
            CliSheetColumn => "{col}列“{heading}” → {field}", "Column {col} \"{heading}\" → {field}";
            CliSheetLeftOut => "不导入", "left out";
            CliSheetCounts => "读取 {rows} 行：新增 {added} 行，已有 {same} 行，拒绝 {refused} 行。", "Read {rows} rows: {added} added, {same} already kept, {refused} refused.";
            CliSheetScope => "台账导入：{file}", "Ledger brought in: {file}";
            CliSheetWritten => "已写入 {out}（只含可导入的行）。", "Written to {out} (the rows that could be brought in only).";
        }
    };
}
