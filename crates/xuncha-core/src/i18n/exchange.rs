//! The catalogue's texts for exchange between offices: export, import, the
//! preview and its conflicts, the archive, refused files and the command line.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! exchange_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            NavExchange => "数据交换", "Exchange";
            ExchangeTitle => "数据交换", "Exchange data";
            ExportTitle => "导出", "Export";
            ExportBackup => "导出完整备份", "Export full backup";
            ExportHint => "把本机的全部记录（包括删除标记）保存为一个文件，用于备份，或交给其他单位导入。", "Saves every record on this PC (deletions included) as one file, for a backup or for another office to import.";
            LastBackup => "上次完整备份：{when}", "Last full backup: {when}";
            NeverBackedUp => "本机尚未做过完整备份。", "No full backup has been made on this PC.";
            BackupReminder => "距上次完整备份已超过 {days} 天，建议现在备份。", "The last full backup is more than {days} days old; back up now.";
            ExportEncrypt => "用口令加密导出文件", "Protect the exported file with a passphrase";
            Passphrase => "口令", "Passphrase";
            PassphraseAgain => "再次输入口令", "Passphrase again";
            ErrPassphraseMismatch => "两次输入的口令不一致。", "The passphrases differ.";
            ErrPassphraseShort => "口令至少 8 个字符。", "A passphrase needs at least 8 characters.";
            Encrypting => "正在加密，请稍候…", "Encrypting, please wait…";
            LockedFile => "{file} 已加密，请输入口令：", "{file} is encrypted; enter its passphrase:";
            Unlock => "解密并检查", "Decrypt and check";
            UndoImport => "撤销上次导入（{file}，{when}）", "Undo the last import ({file}, {when})";
            ConfirmUndo => "撤销上次导入？该次导入新增的记录将被移除，被更新的记录恢复原样。如果其中有记录在导入后又被修改过，将无法撤销，本机数据也不会有任何改动。", "Undo the last import? Records it added are removed and records it updated are put back. If any of them was edited after the import, it cannot be undone and nothing is changed.";
            UndoDone => "已撤销上次导入。", "The last import was undone.";
            ErrUndoSuperseded => "这个“撤销上次导入”已过时：此后（可能在另一个窗口中）又导入或撤销过。本机数据未做任何改动，页面已按现在的情况更新。", "This undo was out of date: a file was imported or an import undone since (perhaps in another window). Nothing was changed; the page now shows how things stand.";
            Undoing => "正在撤销上次导入…", "Undoing the last import…";
            ErrUndoStale => "上次导入之后相关记录已被修改，无法撤销，本机数据未做任何改动。", "Records of the last import were changed since, so it cannot be undone; nothing was changed.";
            ScopeTownship => "{name}及所辖村（社区）", "{name} with its villages and communities";
            ScopeQuestionnaire => "问卷“{title}”（空白，供答卷）", "Questionnaire “{title}” (blank, to answer)";
            ScopeResponses => "问卷“{title}”及其答卷", "Questionnaire “{title}” with its responses";
            CombineImports => "合并为一次导入（{n} 个文件）", "Import all {n} files as one";
            CombineHint => "例如收回的多份答卷文件：合并后一次预览、一次写入、可一次撤销。", "For instance returned response files: one preview, one write, one undo.";
            CombinedFiles => "{n} 个文件", "{n} files";
            ErrFilesDisagree => "这些文件中有 {n} 条记录被分别修改过，请逐个导入并处理冲突。", "{n} records were edited apart in these files; import them one at a time and settle the conflicts.";
            PackagesTitle => "导出数据包", "Export a package";
            PackagesHint => "只导出一部分记录（连同它们引用的记录），交给相关单位。", "Exports part of the records (with the records they refer to) for another office.";
            ExportRoundPackage => "导出本轮数据包", "Export this round";
            ExportGroupPackage => "导出本组数据包", "Export this group";
            ExportTownshipPackage => "导出乡镇数据包", "Export this township";
            ReminderDays => "备份提醒间隔（天）", "Remind me to back up after (days)";
            ImportTitle => "导入", "Import";
            ImportHint => "选择其他单位导出的文件（可多选）。导入前会先检查并预览，确认后才写入；任何一项检查不通过，本机数据都不会改动。", "Choose files exported by other offices (several at once if you like). They are checked and previewed first and written only when you confirm; if any check fails, nothing here changes.";
            ImportChoose => "选择文件", "Choose files";
            ImportDrop => "或把文件拖到这里", "or drop files here";
            ImportChecking => "正在检查文件…", "Checking files…";
            StageReading => "正在读取 {file}…", "Reading {file}…";
            StageUnsealing => "正在解密 {file}…", "Decrypting {file}…";
            StageChecking => "正在检查 {file}：{done} / {total} 条记录", "Checking {file}: {done} of {total} records";
            StageComparing => "正在将 {file} 与本机数据比对…", "Comparing {file} with the data on this PC…";
            StageWriting => "正在写入 {file}：{done} / {total} 条记录", "Writing {file}: {done} of {total} records";
            StageExporting => "正在导出 {file}：{done} / {total} 条记录", "Exporting {file}: {done} of {total} records";
            ImportFileError => "{file}：{message}", "{file}: {message}";
            PreviewTitle => "导入预览：{file}", "Import preview: {file}";
            PreviewSource => "来自：{office}，导出于 {when}", "From {office}, exported {when}";
            ColKind => "类别", "Kind";
            OutcomeNew => "新增", "New";
            OutcomeUpdated => "更新", "Updated";
            OutcomeUnchanged => "相同", "Unchanged";
            OutcomeOlder => "较旧（忽略）", "Older (ignored)";
            OutcomeConflict => "冲突", "Conflicts";
            PreviewNoop => "文件中的记录本机都已有，无需导入。", "Everything in the file is here already; there is nothing to import.";
            Applying => "正在写入，请稍候…", "Writing, please wait…";
            ApplyImport => "确认导入", "Import";
            CancelImport => "放弃", "Discard";
            ImportDone => "导入完成：新增 {new} 条，更新 {updated} 条，处理冲突 {conflicts} 条。", "Imported: {new} new, {updated} updated, {conflicts} conflicts resolved.";
            ErrImportChanged => "预览之后本机数据有变动，未做任何修改。请重新选择文件导入。", "Data here changed after the preview; nothing was written. Choose the file again.";
            ConflictsTitle => "冲突：双方各自修改过同一条记录", "Conflicts: both sides edited the same record";
            ConflictHint => "请逐条选择保留哪一方。未选中的一方存入“冲突存档”，以后可以查看和恢复。", "Choose the side to keep for each record. The other side goes to the conflict archive, where it can be viewed and restored later.";
            ConflictField => "字段", "Field";
            ConflictLocal => "本机", "This PC";
            ConflictIncoming => "文件", "File";
            KeepLocal => "保留本机", "Keep this PC's";
            TakeIncoming => "采用文件", "Take the file's";
            AllLocal => "全部保留本机", "Keep all of this PC's";
            AllIncoming => "全部采用文件", "Take all of the file's";
            ArchiveTitle => "冲突存档", "Conflict archive";
            ArchiveEmpty => "冲突存档为空。", "The conflict archive is empty.";
            ColArchivedAt => "存档时间", "Archived";
            ColFrom => "来源", "From";
            ColRecord => "记录", "Record";
            ThisOffice => "本机", "this PC";
            Restore => "恢复此版本", "Restore this version";
            ConfirmRestore => "用存档的版本替换当前记录？当前版本会存入冲突存档。", "Replace the current record with the archived version? The current one goes to the archive.";

            ErrFileTooLarge => "文件过大（约 {mb} MB），无法导入。", "The file is too large (about {mb} MB) to import.";
            ErrNotUtf8 => "文件不是 UTF-8 文本（第 {offset} 字节起无法识别），可能不是本系统导出的文件。", "The file is not UTF-8 text (unreadable from byte {offset}); it is probably not an export of this app.";
            ErrTruncated => "文件不完整（在结尾处中断），可能复制时出错，请重新拷贝。", "The file is incomplete (it stops early); copy it again.";
            ErrNotJson => "文件内容格式错误（第 {line} 行第 {column} 列），不是有效的 JSON。", "The file is not valid JSON (line {line}, column {column}).";
            ErrNotExchangeFile => "这不是巡察台账的数据交换文件。", "This is not an exchange file of this app.";
            ErrNewerVersion => "文件格式版本 {found} 比本程序新，请先换用新版 xuncha.html。", "The file's format version {found} is newer than this app; use a newer xuncha.html.";
            ErrBadVersion => "文件格式版本“{found}”无法识别。", "The file's format version “{found}” is not one this app knows.";
            ErrChecksumMissing => "文件缺少校验码，无法确认其完整，已拒绝导入。", "The file has no checksum, so it cannot be trusted; refused.";
            ErrChecksumMismatch => "文件校验失败：内容已被改动或损坏，已拒绝导入。", "The checksum does not match: the file was changed or damaged; refused.";
            ErrSchema => "第 {n} 条{kind}记录（{id}）的字段 {path} 有误：{detail}", "Record {n} of kind {kind} ({id}), field {path}: {detail}";
            ErrNeedsPassphrase => "该文件已加密，请输入口令后再导入。", "The file is encrypted; enter its passphrase to import it.";
            ErrWrongPassphrase => "口令错误，或加密文件已被改动，已拒绝导入。", "Wrong passphrase, or the encrypted file was changed; refused.";
            ErrEncryption => "不支持的加密方式，或加密信息已损坏：{what}", "Unsupported or damaged encryption: {what}";
            KindBackup => "完整备份", "full backup";
            KindPackage => "数据包（{scope}）", "package ({scope})";
            CliValid => "{file}：有效。格式 {version}，来自“{office}”，导出于 {when}，{kind}。", "{file}: valid. Format {version}, from “{office}”, exported {when}, {kind}.";
            CliCounts => "  {kind}：{n} 条（其中删除标记 {deleted} 条）", "  {kind}: {n} (of which {deleted} deletions)";
            CliInvalid => "{file}：无效。{reason}", "{file}: invalid. {reason}";
            CliCannotRead => "无法读取 {file}：{reason}", "Cannot read {file}: {reason}";
            CliCannotWrite => "无法写入 {file}：{reason}", "Cannot write {file}: {reason}";
            CliMerged => "已合并 {files} 个文件，共 {n} 条记录，写入 {out}。", "Merged {files} files, {n} records, into {out}.";
            CliConflict => "冲突：{kind}“{title}”（{id}）在多个文件中各自修改过；输出保留 {file} 中的版本，其余版本来自：{others}", "Conflict: {kind} “{title}” ({id}) was edited independently; the output keeps the version from {file}; other versions from: {others}";
            CliConflicts => "共有冲突 {n} 条：请在应用中导入各文件，由人工决定保留哪一方。", "{n} conflicts: import the files in the app so a person can decide which side to keep.";
            CliEncrypted => "已加密写入 {out}。", "Encrypted into {out}.";
            CliDecrypted => "已解密写入 {out}。", "Decrypted into {out}.";
            CliPassphrase => "口令：", "Passphrase: ";
            CliPassphraseAgain => "再次输入口令：", "Passphrase again: ";
            CliPassphraseMismatch => "两次输入的口令不一致。", "The passphrases differ.";
            CliNotEncrypted => "{file} 不是加密文件。", "{file} is not encrypted.";
            ErrDuplicateId => "{kind}记录 {id} 在文件中出现了两次。", "The {kind} record {id} appears twice in the file.";
            ErrDanglingReference => "{kind}记录 {id} 的 {field} 指向 {missing}，但文件和本机都没有这条记录。", "The {kind} record {id} refers in {field} to {missing}, which is in neither the file nor this database.";
        }
    };
}
