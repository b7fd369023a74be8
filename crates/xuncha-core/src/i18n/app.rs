//! The catalogue's texts for the app as a whole: its frame and navigation, first
//! run, settings, storage, the words every form uses, and the panic panel.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! app_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            AppTitle => "巡察台账", "Inspection Ledger";
            AppSubtitle => "巡察工作台账管理", "Inspection work records";
            NavHome => "首页", "Home";
            NavTargets => "巡察对象", "Targets";
            NavTerms => "届次", "Terms";
            NavRounds => "巡察轮次", "Rounds";
            NavSettings => "设置", "Settings";
            LangSwitch => "English", "中文";
            Loading => "正在加载…", "Loading…";
            LoadingLists => "正在读取台账：{done} / {total} 条", "Reading the ledgers: {done} / {total} records";
            NotFound => "没有这个页面。", "There is no such page.";
            BackHome => "返回首页", "Back to home";

            StorageWhere => "数据保存在本机浏览器中，不会上传到任何服务器；换电脑或清理浏览器数据前，请先导出备份。", "Data is kept in this browser on this PC and never uploaded; export a backup before changing PCs or clearing browser data.";
            StoragePersisted => "浏览器已允许持久保存。", "The browser granted persistent storage.";
            StorageNotPersisted => "浏览器未允许持久保存：磁盘空间紧张时数据可能被清除，请定期备份。", "The browser did not grant persistent storage: data may be cleared when disk space runs low, so back up regularly.";
            StoragePersistPending => "正在申请持久保存…", "Requesting persistent storage…";
            StoragePersistNoAnswer => "浏览器没有答复持久保存申请：数据仍保存在本机，但磁盘空间紧张时可能被清除，请定期备份。", "The browser did not answer the request for persistent storage: the data stays on this PC, but may be cleared when the disk runs short; back up regularly.";
            StoragePersistUnsupported => "此浏览器不支持持久保存申请，请定期备份。", "This browser cannot grant persistent storage; back up regularly.";
            DbOpenFailed => "无法打开本机数据库。可能是浏览器禁止了本地存储（如无痕模式）。", "The local database could not be opened. The browser may block local storage (private mode, for example).";
            DbVersionChange => "本应用已在另一个窗口中以新版本打开，本窗口已断开数据库。请刷新本页后继续。", "The app was opened in a newer version in another window, so this window let go of the database. Reload this page to continue.";
            DbBlocked => "请关闭其他打开本应用的窗口或标签页，然后刷新。", "Close the other windows or tabs running this app, then reload.";
            Reload => "刷新页面", "Reload";

            SetupTitle => "首次使用：设置本单位", "First run: set up your office";
            SetupIntro => "本应用无需安装、无需联网。请先填写本单位信息，之后各类记录都会标明由本单位创建。", "No installation or network needed. Tell the app which office this is; every record you create will carry it.";
            SetupSubmit => "开始使用", "Start";
            FieldOfficeName => "单位名称", "Office name";
            FieldRole => "单位类型", "Office type";
            OfficeIdLabel => "单位编号", "Office id";
            RoleCounty => "县委巡察办", "County inspection office";
            RoleTownship => "乡镇（街道）", "Township office";
            RoleGroup => "巡察组", "Inspection group";

            Save => "保存", "Save";
            Cancel => "取消", "Cancel";
            Delete => "删除", "Delete";
            Edit => "编辑", "Edit";
            Open => "打开", "Open";
            Print => "打印", "Print";
            Saved => "已保存。", "Saved.";
            Deleted => "已删除。", "Deleted.";
            ConfirmDelete => "确定删除“{name}”吗？", "Delete “{name}”?";
            Actions => "操作", "Actions";
            All => "全部", "All";
            None => "（无）", "(none)";
            Search => "搜索", "Search";
            SearchPlaceholder => "输入名称中的文字", "Type part of a name";
            NoRecords => "暂无记录。", "Nothing here yet.";
            CountShown => "显示 {shown} / 共 {total} 条", "Showing {shown} of {total}";
            FormHasErrors => "请更正以下问题后再保存：", "Please correct these before saving:";

            HomeTitle => "工作概览", "Overview";
            HomeOffice => "本单位：{name}（{role}）", "This office: {name} ({role})";
            StatTargets => "在册巡察对象", "Active targets";
            StatTownships => "乡镇（街道）", "Townships";
            StatVillages => "村（社区）", "Villages and communities";
            StatTerms => "届次", "Terms";
            StatRounds => "巡察轮次", "Rounds";
            StatGroups => "巡察组", "Groups";
            StatInspections => "已安排巡察的党组织（次）", "Targets scheduled (times)";
            HintCountyRegister => "第一步：在“届次”录入本届县委，在“巡察对象”录入被巡察党组织（村、社区选择所属乡镇）。", "First: enter the party committee's term under “Terms” and the organisations to inspect under “Targets” (villages and communities with their township).";
            HintCountyRound => "下一步：在“巡察轮次”新建本轮巡察。", "Next: create this round under “Rounds”.";
            HintCountyGroups => "下一步：打开巡察轮次，设置巡察组并为各组分配巡察对象；完成后把数据交换文件发给各巡察组。", "Next: open the round, set up its groups and assign their targets; then send the exchange file to the groups.";
            HintGroupImport => "巡察组：请先在“数据交换”导入县委巡察办发来的文件（含届次、巡察对象、轮次和本组）。", "Inspection group: first import the file from the county office under “Exchange” (terms, targets, the round and this group).";
            HintGroupRecord => "下一步：在“台账”登记发现的问题和问题线索，定期在“数据交换”导出文件发回县委巡察办。", "Next: record problems and clues under “Ledgers” and regularly export a file for the county office under “Exchange”.";
            HintTownshipImport => "乡镇：请先在“数据交换”导入县委巡察办发来的文件（含本乡镇的巡察对象和轮次）。", "Township: first import the file from the county office under “Exchange” (this township's targets and rounds).";
            HintTownshipRecord => "下一步：在“台账”登记延伸巡察发现的问题，记录整改进展，定期导出文件发回县委巡察办。", "Next: record the problems found in villages under “Ledgers”, log rectification progress and regularly export a file for the county office.";
            StatReportsOverdue => "整改报告逾期", "Rectification reports overdue";
            ReportsOverdueTitle => "整改报告逾期未报送", "Rectification reports overdue";
            ReportOverdueLine => "{target}（{round}）：{due} 到期", "{target} ({round}): due {due}";

            SettingsTitle => "设置", "Settings";
            SettingsOffice => "本单位", "This office";
            SettingsLanguage => "界面语言", "Language";
            SettingsStorage => "数据存储", "Storage";
            EmergencyExport => "导出应急备份（原始数据）", "Export emergency backup (raw data)";
            EmergencyExportHint => "把本机数据库中的全部原始记录下载为一个 JSON 文件，供技术人员恢复。", "Downloads every raw record in this browser's database as one JSON file for recovery.";

            ErrNameRequired => "请填写名称。", "A name is required.";
            ErrNameTooLong => "名称过长。", "The name is too long.";
            ErrYearOutOfRange => "年份不在合理范围内（1949–2200）。", "The year is out of range (1949–2200).";
            ErrEndBeforeStart => "结束不能早于开始。", "The end cannot come before the start.";
            ErrRoundEndBeforeStart => "结束日期不能早于开始日期。", "The end date cannot come before the start date.";
            ErrTermEndBeforeStart => "届次的结束年份不能早于开始年份。", "The term's last year cannot come before its first year.";
            ErrRoundRequired => "请选择轮次。", "Choose the round.";
            ErrTargetRequired => "请选择巡察对象。", "Choose the target.";
            ErrTermNameTaken => "已有同名届次。", "A term with this name exists.";
            ErrVillageNeedsTownship => "村、社区必须选择所属乡镇（街道）。", "A village or community needs its township.";
            ErrTownshipMissing => "所选乡镇（街道）不存在或已删除。", "The chosen township does not exist or was deleted.";
            ErrOnlyVillagesHaveTownship => "只有村、社区才隶属于乡镇（街道）。", "Only villages and communities belong to a township.";
            ErrTargetNameTaken => "同一乡镇（或县直单位中）已有同名巡察对象。", "A target with this name exists in the same place.";
            ErrTermMissing => "请选择届次。", "Choose a term.";
            ErrOrdinalRange => "轮次应在 1 到 99 之间。", "The round number must be between 1 and 99.";
            ErrOrdinalTaken => "本届已有这一轮。", "This term already has a round with this number.";
            ErrTopicRequired => "专项巡察须填写专项主题。", "A special round needs its topic.";
            ErrStartRequired => "请填写开始日期。", "Enter the start date.";
            ErrRoundOutsideTerm => "开始日期不在所选届次的年份内。", "The start date lies outside the term's years.";
            ErrRoundMissing => "所属巡察轮次不存在或已删除。", "The round does not exist or was deleted.";
            ErrGroupNameTaken => "本轮已有同名巡察组。", "This round already has a group with this name.";
            ErrGroupMissing => "巡察组不存在或不属于本轮。", "The group does not exist or is not in this round.";
            ErrTargetMissing => "巡察对象不存在或已删除。", "The target does not exist or was deleted.";
            ErrTargetTwiceInRound => "该巡察对象本轮已分配，不能重复分配。", "This target is already assigned in this round.";
            ErrMilestoneOrder => "节点日期先后顺序有误（如反馈早于进驻）。", "The milestone dates are out of order (feedback before entry, for example).";
            ErrTermHasRounds => "该届次下还有巡察轮次，不能删除。", "This term still has rounds and cannot be deleted.";
            ErrTownshipHasVillages => "该乡镇（街道）下还有村（社区），不能删除或改为其他类型。", "This township still has villages; it cannot be deleted or changed to another kind.";
            ErrTargetInspected => "该巡察对象已安排巡察，请先将其移出相关轮次。", "This target is in a round; remove it from the round first.";
            ErrStorageFull => "磁盘空间不足，浏览器无法保存。请清理磁盘（如删除不用的大文件）后重试。", "The disk is full, so the browser could not save. Free some disk space (delete large files you no longer need) and try again.";
            ErrStale => "该记录已在其他窗口中被修改。您的输入仍保留，请刷新后再改。", "This record was changed in another window. Your input is kept; reload and try again.";
            ErrExists => "记录已存在。", "The record exists already.";
            ErrCorrupt => "本机数据无法读取，请导出应急备份并联系技术人员。", "Local data could not be read; export an emergency backup and contact IT staff.";
            ErrDbNewer => "本机数据已由更新版本的巡察台账保存，本程序文件版本较旧，无法读取。请改用最新的程序文件打开；数据没有改动。", "The data on this PC was saved by a newer version of the app, which this older file cannot read. Open it with the newest app file; nothing was changed.";
            ErrBackend => "保存失败（浏览器存储出错）。您的输入仍保留，可稍后重试。", "Saving failed (browser storage error). Your input is kept; try again.";
            ErrInvalidDate => "日期格式应为 2026-11-22。", "Dates are written 2026-11-22.";
            ErrInvalidNumber => "请输入 0 或正整数。", "Enter 0 or a whole positive number.";

            Yes => "是", "yes";
            No => "否", "no";
            KindTerm => "届次", "term";
            KindTarget => "巡察对象", "target";
            KindRound => "巡察轮次", "round";
            KindGroup => "巡察组", "group";
            KindInspection => "巡察情况", "inspection";
            CliBadScale => "规模 {scale} 不在 0 到 20 之间。", "The scale {scale} is not between 0 and 20.";
            CliGenerated => "已生成 {file}：巡察对象 {targets} 个，轮次 {rounds} 轮，问题 {problems} 个，整改 {rectifications} 项，线索 {clues} 件，问卷 {questionnaires} 份，答卷 {responses} 份。", "Wrote {file}: {targets} targets, {rounds} rounds, {problems} problems, {rectifications} rectifications, {clues} clues, {questionnaires} questionnaires, {responses} responses.";
            PanicTitle => "程序出错", "The app hit an error";
            PanicBody => "很抱歉，程序遇到意外错误而停止。您已保存的数据仍在本机浏览器中。建议先导出应急备份，再刷新页面。", "Sorry, the app stopped on an unexpected error. Your saved data is still in this browser. Export an emergency backup, then reload.";
            PanicDetails => "技术信息", "Technical details";
        }
    };
}
