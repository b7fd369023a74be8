//! The one catalogue of user-visible text, Chinese first, English second.
//! Code names a message by its key; the UI, the panic panel and the CLI read it here.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Anything but "en" is Chinese, the default.
    pub fn from_code(code: &str) -> Lang {
        if code == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The `lang` attribute for the page.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
}

/// An enum whose values have a catalogue label.
pub trait Label: Copy {
    fn label(self) -> T;
}

/// Replaces `{name}` placeholders in a catalogue text.
pub fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = text.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), &value.to_string());
    }
    out
}

/// Declares a closed list of values stored as snake_case text, with `ALL` in
/// display order and a catalogue label for each value.
#[macro_export]
macro_rules! labelled_enum {
    ($(#[$m:meta])* pub enum $name:ident { $($(#[$vm:meta])* $variant:ident => $key:ident),* $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $variant),* }

        impl $name {
            pub const ALL: [$name; [$($name::$variant),*].len()] = [$($name::$variant),*];
        }

        impl $crate::i18n::Label for $name {
            fn label(self) -> $crate::i18n::T {
                match self { $($name::$variant => $crate::i18n::T::$key),* }
            }
        }
    };
}

macro_rules! catalogue {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// A catalogue key.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum T { $($key),* }

        impl T {
            pub const ALL: &'static [T] = &[$(T::$key),*];

            pub fn text(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $((T::$key, Lang::Zh) => $zh, (T::$key, Lang::En) => $en,)*
                }
            }
        }
    };
}

catalogue! {
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
    HomeStart => "建议顺序：先录入届次和巡察对象，再新建巡察轮次、设置巡察组并分配巡察对象。", "Suggested order: enter terms and targets first, then create a round, its groups and their targets.";

    TargetsTitle => "巡察对象名录", "Register of targets";
    NewTarget => "新增巡察对象", "New target";
    EditTarget => "编辑巡察对象", "Edit target";
    FieldName => "名称", "Name";
    FieldKind => "类型", "Kind";
    FieldOrgForm => "党组织形式", "Party organisation";
    FieldTownship => "所属乡镇（街道）", "Township";
    FieldStatus => "状态", "Status";
    FieldNotes => "备注", "Notes";
    FieldDeleted => "已删除", "Deleted";
    BulkTitle => "批量录入", "Bulk entry";
    BulkHint => "每行一个名称，可直接从 Word 或 Excel 粘贴；行首编号会自动去掉。", "One name per line, pasted from Word or Excel; leading list numbers are removed.";
    BulkAdd => "批量添加", "Add all";
    BulkNothing => "没有可添加的名称。", "There are no names to add.";
    BulkDone => "已添加 {added} 个；已存在而跳过 {skipped} 个。", "Added {added}; skipped {skipped} that already exist.";
    BulkSkipped => "跳过：{names}", "Skipped: {names}";
    KindCountyPartyDept => "县直党群部门", "County party and mass department";
    KindCountyGovDept => "县直政府部门", "County government department";
    KindInstitution => "事业单位", "Public institution";
    KindStateEnterprise => "国有企业", "State enterprise";
    KindTownship => "乡镇（街道）", "Township (subdistrict)";
    KindVillage => "村", "Village";
    KindCommunity => "社区", "Community";
    FormCommittee => "党委", "Party committee";
    FormLeadingGroup => "党组", "Leading party group";
    FormWorkingCommittee => "党工委", "Working committee";
    FormGeneralBranch => "党总支", "General branch";
    FormBranch => "党支部", "Branch";
    StatusActive => "在册", "Active";
    StatusMerged => "已撤并", "Merged";

    TermsTitle => "届次", "Terms";
    NewTerm => "新增届次", "New term";
    EditTerm => "编辑届次", "Edit term";
    FieldTermName => "届次名称", "Term name";
    TermNameHint => "如：十五届", "e.g. 十五届";
    FieldStartYear => "起始年份", "First year";
    FieldEndYear => "截止年份", "Last year";

    RoundsTitle => "巡察轮次", "Rounds";
    NewRound => "新建巡察轮次", "New round";
    EditRound => "编辑巡察轮次", "Edit round";
    NeedTermFirst => "请先在“届次”中录入至少一个届次。", "Enter at least one term under “Terms” first.";
    FieldTerm => "届次", "Term";
    FieldOrdinal => "轮次（第几轮）", "Round number";
    FieldRoundKind => "巡察类型", "Kind of round";
    FieldTopic => "专项主题", "Topic";
    TopicHint => "专项巡察必填，如：人防系统", "Required for a special round, e.g. civil air defence";
    FieldStart => "开始日期", "Start date";
    FieldEnd => "结束日期", "End date";
    FieldRoundStatus => "状态", "Status";
    ColRound => "轮次", "Round";
    ColDates => "起止日期", "Dates";
    ColGroups => "巡察组", "Groups";
    ColTargets => "巡察对象", "Targets";
    RoundRegular => "常规巡察", "Regular";
    RoundSpecial => "专项巡察", "Special";
    RoundMobile => "机动巡察", "Ad hoc";
    RoundExtended => "延伸巡察", "Extended";
    RoundEscalated => "提级巡察", "Escalated";
    RoundCross => "交叉巡察", "Cross";
    RoundLookBack => "巡察“回头看”", "Look-back";
    RoundJoint => "上下联动巡察", "Joint with higher level";
    RoundPlanned => "计划中", "Planned";
    RoundOngoing => "进行中", "Ongoing";
    RoundFinished => "已结束", "Finished";

    GroupsTitle => "巡察组及巡察对象", "Groups and their targets";
    NewGroup => "新增巡察组", "New group";
    EditGroup => "编辑巡察组", "Edit group";
    FieldGroupName => "组名", "Group name";
    FieldLeader => "组长", "Leader";
    FieldDeputy => "副组长", "Deputy";
    FieldMembers => "组员", "Members";
    MembersHint => "多个姓名用逗号、顿号或空格分隔", "Separate names with commas or spaces";
    NoGroups => "本轮还没有巡察组。", "This round has no groups yet.";
    AssignTargets => "分配巡察对象", "Assign targets";
    AssignHint => "勾选要由本组巡察的对象。每个对象在一轮中只能分配一次。", "Tick the targets this group inspects. A target can be assigned once per round.";
    AssignSelected => "分配所选", "Assign selected";
    NothingToAssign => "没有可分配的巡察对象：在册对象都已分配到本轮。", "No targets left: every active target is already in this round.";
    Unassign => "移出本轮", "Remove from round";
    ConfirmUnassign => "将“{name}”移出本轮？其节点日期和工作量也将一并删除。", "Remove “{name}” from this round? Its dates and figures go with it.";
    InspectionTitle => "{target}：巡察情况", "{target}: inspection record";
    MilestonesTitle => "节点日期", "Milestones";
    ActivitiesTitle => "工作量", "Activity";
    SuggestDue => "按反馈后两个月填入", "Fill in: feedback + 2 months";
    ColGroup => "巡察组", "Group";
    ColTarget => "巡察对象", "Target";
    ColProgress => "进度", "Progress";
    ProgressNone => "未进驻", "Not entered";

    MsEntry => "进驻", "Entry";
    MsEnd => "巡察结束", "End of inspection";
    MsLeadingGroupReport => "向领导小组汇报", "Report to leading group";
    MsSecretaryReport => "向书记专题会汇报", "Report to secretary";
    MsFeedback => "反馈", "Feedback";
    MsTransfer => "移交", "Transfer";
    MsRectificationDue => "整改报告截止", "Rectification report due";
    MsDisclosure => "整改公开", "Rectification disclosed";
    ActCallsAndVisits => "受理来电来访（件次）", "Calls and visits received";
    ActTalks => "个别谈话（人次）", "Individual talks";
    ActBriefings => "听取专题汇报（个）", "Briefings heard";
    ActDocuments => "调阅资料（份）", "Documents read";
    ActVouchers => "查阅财务凭证（本）", "Voucher books checked";
    ActQuestionnaires => "发放调查问卷（份）", "Questionnaires handed out";
    ActFieldVisits => "走访调研（处）", "Field visits";

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
    ErrStale => "该记录已在其他窗口中被修改。您的输入仍保留，请刷新后再改。", "This record was changed in another window. Your input is kept; reload and try again.";
    ErrExists => "记录已存在。", "The record exists already.";
    ErrCorrupt => "本机数据无法读取，请导出应急备份并联系技术人员。", "Local data could not be read; export an emergency backup and contact IT staff.";
    ErrBackend => "保存失败（浏览器存储出错）。您的输入仍保留，可稍后重试。", "Saving failed (browser storage error). Your input is kept; try again.";
    ErrInvalidDate => "日期格式应为 2026-11-22。", "Dates are written 2026-11-22.";
    ErrInvalidNumber => "请输入 0 或正整数。", "Enter 0 or a whole positive number.";

    Yes => "是", "yes";
    No => "否", "no";
    KindTerm => "届次", "term";
    KindTarget => "巡察对象", "target";
    KindRound => "巡察轮次", "round";
    KindGroup => "巡察组", "group";
    KindInspection => "巡察情况", "inspection record";

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
    ConfirmUndo => "撤销上次导入？该次导入新增的记录将被移除，被更新的记录恢复原样。", "Undo the last import? Records it added are removed and records it updated are put back.";
    UndoDone => "已撤销上次导入。", "The last import was undone.";
    ErrUndoStale => "上次导入之后相关记录已被修改，无法撤销，本机数据未做任何改动。", "Records of the last import were changed since, so it cannot be undone; nothing was changed.";
    ScopeTownship => "{name}及所辖村（社区）", "{name} with its villages and communities";
    ScopeQuestionnaire => "问卷“{title}”（空白，供答卷）", "Questionnaire “{title}” (blank, to answer)";
    ScopeResponses => "问卷“{title}”及其答卷", "Questionnaire “{title}” with its responses";
    FieldQTitle => "标题", "Title";
    FieldPurpose => "用途", "Purpose";
    FieldIntro => "说明", "Introduction";
    FieldQuestions => "题目", "Questions";
    FieldSeries => "问卷系列", "Series";
    FieldQVersion => "版本", "Version";
    FieldHandedOut => "发放份数", "Forms handed out";
    FieldDay => "日期", "Day";
    FieldChannel => "收集方式", "Collected";
    FieldAnswers => "答案", "Answers";
    FieldForms => "份数", "Forms";
    FieldCounts => "各选项计数", "Counts per option";
    ErrPinFormat => "PIN 须为 4 到 8 位数字。", "The PIN must be 4 to 8 digits.";
    ErrPinMismatch => "两次输入的 PIN 不一致。", "The two PINs differ.";
    ErrPinWrong => "PIN 不正确。", "Wrong PIN.";
    TallyTitle => "问卷统计", "Tally";
    TallyReturned => "回收份数", "Forms returned";
    TallyHandedOut => "发放 {n} 份", "{n} handed out";
    TallyNumbers => "最小 {min}，最大 {max}，平均 {mean}", "min {min}, max {max}, mean {mean}";
    TallyQuestion => "题目", "Question";
    TallyOption => "选项", "Option";
    TallyCount => "份数", "Count";
    TallyPercent => "百分比", "Share";
    TallyScore => "加权得分", "Weighted score";
    NavQuestionnaires => "问卷", "Questionnaires";
    QuestionnairesTitle => "问卷", "Questionnaires";
    QuestionnairesHint => "调查问卷、民主测评、纪律作风后评估：先从模板新建并修改题目，再现场填写、通过文件收集或录入纸质问卷，最后查看统计。", "Surveys, democratic evaluations and conduct reviews: start from a template and edit the questions, then collect answers on this PC, by file or from paper, and read the tally.";
    NewQuestionnaire => "从模板新建", "New from template";
    ReturnRate => "回收率", "Return rate";
    BackToQuestionnaires => "← 问卷列表", "← Questionnaires";
    VersionN => "第 {n} 版", "version {n}";
    TabDesign => "设计", "Design";
    TabPreview => "预览", "Preview";
    TabCollect => "收集答卷", "Collect";
    TabTally => "统计", "Tally";
    QuestionsFrozenNote => "这份问卷已有答卷，题目已冻结，统计不会混入改动后的题目。要修改题目，请另存为新版本。", "This questionnaire has responses, so its questions are frozen and its tally stays as answered. To change a question, save a new version.";
    NewVersion => "另存为新版本", "Save as a new version";
    AddQuestion => "添加题目", "Add a question";
    QuestionN => "第 {n} 题", "Question {n}";
    QuestionText => "题目", "Question";
    QuestionKind => "题型", "Type";
    Required => "必答", "Required";
    MaxChoices => "最多可选", "At most";
    MaxChoicesHint => "（最多选 {n} 项）", "(at most {n})";
    OptionsOnePerLine => "选项（每行一个）", "Options (one per line)";
    LevelsOnePerLine => "等级及分值（每行一个，如“满意 100”）", "Levels and points (one per line, e.g. “Satisfied 100”)";
    MoveUp => "上移", "Up";
    MoveDown => "下移", "Down";
    PreviewHint => "这是答卷人看到的样子。预览中填写的答案不会保存。", "This is what respondents see. Answers given in the preview are not kept.";
    PreviewSubmit => "检查答案", "Check the answers";
    PreviewChecked => "答案符合要求（预览不保存答案）。", "The answers fit (the preview keeps nothing).";
    AnonymousNote => "本问卷不记名：不记录填写人，也不记录填写时间（只记日期）。", "This form is anonymous: it records neither who answers nor when, only the day.";
    AnswersIncomplete => "还有题目没有按要求作答，请看标红的题目。", "Some questions are not answered as required; see the ones marked in red.";
    Overall => "总体", "Overall";
    AllTargets => "全部对象", "All units";
    HandedOutTitle => "发放份数", "Forms handed out";
    KioskTitle => "现场填写", "Kiosk";
    KioskHint => "在这台电脑上让被调查人员逐一匿名填写。开始前设置一个 PIN，只有输入该 PIN 才能退出现场填写。", "Let people answer one after another on this PC, anonymously. Set a PIN first; only that PIN leaves kiosk mode.";
    KioskPin => "PIN", "PIN";
    KioskPinAgain => "再次输入 PIN", "PIN again";
    StartKiosk => "开始现场填写", "Start kiosk mode";
    KioskAbout => "评价对象：{name}", "About: {name}";
    KioskSubmit => "提交并交给下一位", "Submit and hand to the next person";
    KioskThanks => "已提交，谢谢！请将电脑交给下一位。", "Submitted, thank you! Please hand the PC to the next person.";
    KioskNext => "开始填写", "Start";
    KioskLeave => "退出现场填写", "Leave kiosk mode";
    KioskUnlock => "确定", "OK";
    ByFileTitle => "通过文件收集", "Collect by file";
    ByFileHint => "导出空白问卷发给答卷人；答卷人用自己的 xuncha.html 打开、作答并导出答卷文件；收回的答卷文件在“数据交换”页一次导入多个，同一份答卷不会重复计数。", "Export the blank questionnaire for respondents; they open it in their own xuncha.html, answer and export a response file; import the returned files, many at once, on the Exchange page. A response is never counted twice.";
    ExportBlankQuestionnaire => "导出空白问卷（供答卷人）", "Export the blank questionnaire (for respondents)";
    ExportWithResponses => "导出问卷及答卷（供其他单位）", "Export with responses (for another office)";
    ImportResponsesLink => "到“数据交换”页导入答卷文件", "Import response files on the Exchange page";
    TallySummary => "发放 {handed} 份，回收 {returned} 份，回收率 {rate}。", "{handed} handed out, {returned} returned, return rate {rate}.";
    TallyScoreIs => "加权得分 {score}", "weighted score {score}";
    TallyAnswered => "{n} 份作答", "{n} answered";
    CompareTargets => "各对象对比", "Units side by side";
    Respondent => "答卷人", "Respondent";
    ScopeResponseFile => "问卷“{title}”的答卷", "A response to “{title}”";
    AnswerLink => "我是答卷人：打开问卷文件作答", "I am a respondent: open a questionnaire file";
    AnswerTitle => "填写问卷", "Answer a questionnaire";
    AnswerHint => "打开发放单位给您的问卷文件，作答后点“提交并保存答卷文件”，再把保存的答卷文件交回发放单位。答卷不记名，本浏览器不保留您的答案。", "Open the questionnaire file you were given, answer, press “Submit and save the response file”, and hand the saved file back. The response is anonymous and this browser keeps nothing of it.";
    AnswerOpen => "打开问卷文件", "Open the questionnaire file";
    AnswerSubmit => "提交并保存答卷文件", "Submit and save the response file";
    AnswerSaved => "答卷文件已保存：{file}。请把它交回发放单位。", "The response file is saved: {file}. Please hand it back.";
    ErrNoQuestionnaireInFile => "这个文件里没有问卷。", "This file holds no questionnaire.";
    CombineImports => "合并为一次导入（{n} 个文件）", "Import all {n} files as one";
    CombineHint => "例如收回的多份答卷文件：合并后一次预览、一次写入、可一次撤销。", "For instance returned response files: one preview, one write, one undo.";
    CombinedFiles => "{n} 个文件", "{n} files";
    ErrFilesDisagree => "这些文件中有 {n} 条记录被分别修改过，请逐个导入并处理冲突。", "{n} records were edited apart in these files; import them one at a time and settle the conflicts.";
    PaperTitle => "纸质问卷", "Paper forms";
    PaperHint => "打印空白问卷（“预览”页的“打印”），收回后在这里录入：逐份录入，或只录入各选项的份数。", "Print the blank form (Print on the Preview tab); once returned, enter it here form by form, or only the count per option.";
    PaperEntryStart => "逐份录入纸质问卷", "Enter paper forms one by one";
    PaperEntryHint => "只用键盘：选择题按数字键 1–9 选择（多选题再按一次取消），回车到下一题，退格回到上一题；最后一题回车即保存本份，开始下一份。未填的题目留空。", "Keyboard only: on a choice question press 1–9 (again to untick on a multiple choice), Enter for the next question, Backspace to go back; Enter on the last question saves this form and starts the next. Leave blank what was left blank.";
    PaperEntered => "已录入 {n} 份，正在录入第 {next} 份。", "{n} entered; now entering form {next}.";
    PaperBatchStart => "按选项录入一批的份数", "Enter counts per option for a batch";
    PaperBatchHint => "不逐份录入时，填写这一批问卷的份数和每个选项被勾选的份数（只统计选择题和量表）。", "Without entering each form, give the number of forms in the batch and how many ticked each option (choice questions and scales only).";
    PaperBatches => "已录入的纸质汇总", "Paper batches entered";
    PaperBatchLine => "{day}：{forms} 份", "{day}: {forms} forms";
    ConfirmDeleteBatch => "确定删除这批纸质汇总吗？", "Delete this paper batch?";
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

    FocusPolicy => "贯彻落实党的路线方针政策和党中央决策部署", "Carrying out party policy and decisions";
    FocusCorruption => "群众身边腐败问题和不正之风", "Corruption and misconduct close to the people";
    FocusOrganisation => "基层党组织软弱涣散、组织力欠缺", "Weak, lax grassroots party organisations";
    SrcTalk => "个别谈话", "Individual talk";
    SrcLetter => "来信来访", "Letters and visits";
    SrcDocuments => "调阅资料", "Document review";
    SrcFieldVisit => "走访调研", "Field visit";
    SrcQuestionnaire => "问卷", "Questionnaire";
    SrcAudit => "审计", "Audit";
    SrcOther => "其他", "Other";
    ScopeIndividual => "个性问题", "Individual";
    ScopeCommon => "共性问题", "Common";
    RsNotStarted => "未整改", "Not started";
    RsInProgress => "整改中", "In progress";
    RsAwaiting => "待核验", "Awaiting verification";
    RsClosed => "已销号", "Struck off";
    RsLongTerm => "长期整改", "Long-term";
    StepStart => "开始整改", "Start";
    StepSubmit => "提请核验", "Submit for verification";
    StepClose => "核验销号", "Verify and strike off";
    StepInadequate => "整改不到位", "Inadequate: send back";
    StepLongTerm => "转为长期整改", "Make long-term";
    StepFollowUp => "跟踪督办", "Follow up";
    StepExtend => "申请延期", "Extend the deadline";
    RcptDiscipline => "县纪委监委", "County discipline commission";
    RcptOrganisation => "县委组织部", "County organisation department";
    RcptOther => "其他", "Other";
    DispInquiry => "谈话函询", "Talk or written inquiry";
    DispPreliminary => "初步核实", "Preliminary verification";
    DispShelved => "暂存待查", "Kept on file";
    DispConcluded => "予以了结", "Concluded";
    DispCase => "立案审查", "Case opened";
    KindProblem => "问题", "problem";
    KindRectification => "整改", "rectification";
    KindClue => "问题线索", "clue";
    KindRecommendation => "巡察建议书", "recommendation letter";
    KindQuestionnaire => "问卷", "questionnaire";
    KindResponse => "答卷", "response";
    KindPaperBatch => "纸质汇总", "paper batch";
    PurposeSurvey => "调查问卷", "Survey";
    PurposeDemocratic => "民主测评", "Democratic evaluation";
    PurposeConduct => "纪律作风后评估", "Conduct review of the group";
    PurposeCustom => "自定义", "Custom";
    QTypeSingle => "单选题", "Single choice";
    QTypeMultiple => "多选题", "Multiple choice";
    QTypeRating => "评分量表", "Rating scale";
    QTypeNumber => "数字题", "Number";
    QTypeText => "文字题", "Free text";
    ChannelKiosk => "现场填写", "Kiosk";
    ChannelFile => "文件答卷", "By file";
    ChannelPaper => "纸质录入", "From paper";
    ErrQTitleRequired => "请填写问卷标题。", "Enter a title for the questionnaire.";
    ErrQNoQuestions => "问卷至少要有一道题。", "A questionnaire needs at least one question.";
    ErrQDuplicateQuestion => "题目编号重复。", "Two questions share an id.";
    ErrQQuestionText => "每道题都要有题目文字。", "Every question needs its text.";
    ErrQOptionCount => "选择题和量表需要 2 到 12 个选项。", "Choice questions and scales need 2 to 12 options.";
    ErrQOptionBlank => "选项不能为空。", "An option is blank.";
    ErrQOptionTwice => "同一道题的选项不能重复。", "A question lists the same option twice.";
    ErrQMaxChoices => "多选题最多可选的项数须在 1 和选项数之间。", "The most options a multiple choice allows must be between 1 and its number of options.";
    ErrQWeight => "量表各级的分值须在 0 到 100 之间。", "The points of a scale level must be between 0 and 100.";
    ErrQuestionsFrozen => "这份问卷已有答卷，题目不能再改。请另存为新版本后修改。", "This questionnaire has responses, so its questions are frozen. Save a new version to change them.";
    ErrQuestionnaireHasResponses => "这份问卷已有答卷，不能删除。", "This questionnaire has responses and cannot be deleted.";
    ErrAnswerRequired => "此题必答。", "This question must be answered.";
    ErrAnswerOneChoice => "请选择一项。", "Choose one option.";
    ErrAnswerTooMany => "选择的项数超过了本题的上限。", "Too many options are chosen for this question.";
    ErrAnswerNumber => "请填写一个整数。", "Enter a whole number.";
    ErrQuestionnaireMissing => "问卷不存在或已删除。", "The questionnaire is missing or deleted.";
    ErrAnswersInvalid => "答案与问卷的题目不符。", "The answers do not fit the questions.";
    ErrBatchForms => "请填写本批表格的份数。", "Enter how many forms the batch holds.";
    ErrBatchOverCount => "勾选数不能超过表格份数。", "There cannot be more ticks than forms.";
    ErrTargetNotInRound => "该巡察对象不在本轮巡察范围内。", "This target is not inspected in this round.";
    ErrDescriptionRequired => "请填写问题描述。", "Describe the problem.";
    ErrTextTooLong => "内容过长。", "The text is too long.";
    ErrBeforeFound => "日期不能早于发现问题的日期。", "The date cannot precede the day the problem was found.";
    ErrStepNotAllowed => "当前状态下不能进行这一操作。", "This step is not allowed in the current status.";
    ErrStepBeforeLast => "日期不能早于上一次操作的日期。", "The date cannot precede the previous step.";
    ErrNoteRequired => "请填写原因或说明。", "Give the reason.";
    ErrVerifierRequired => "销号须填写核验人。", "Striking off needs the verifier.";
    ErrEvidenceRequired => "销号须填写佐证材料。", "Striking off needs the evidence.";
    ErrNewDeadlineRequired => "申请延期须填写新的整改时限。", "An extension needs the new deadline.";
    ErrNewDeadlineNotLater => "新的整改时限须晚于原时限。", "The new deadline must be later than the current one.";
    ErrProblemMissing => "所属问题不存在或已删除。", "The problem does not exist or was deleted.";
    ErrProblemNotFedBack => "问题尚未反馈，不能开始整改。", "The problem has not been fed back yet.";
    ErrDeadlineBeforeFeedback => "整改时限不能早于反馈日期。", "The deadline cannot precede the feedback.";
    ErrProblemHasRectification => "该问题已有整改记录。", "This problem already has a rectification.";
    ErrMeasuresRequired => "请填写整改措施。", "Enter the measures.";
    ErrUnitRequired => "请填写责任单位。", "Enter the responsible unit.";
    ErrSummaryRequired => "请填写线索摘要。", "Enter the clue's summary.";
    ErrRecipientRequired => "移交给“其他”时请写明接收单位。", "Name the body the clue goes to.";
    ErrCloseNeedsTransfer => "办结前须先移交。", "A clue must be transferred before it is closed.";
    ErrCloseNeedsDisposal => "办结前须填写处置方式。", "Enter the disposal before closing.";
    ErrCloseBeforeTransfer => "办结日期不能早于移交日期。", "The closing date cannot precede the transfer.";
    ErrAddresseeRequired => "请填写主送部门。", "Enter the addressee department.";
    ErrLetterProblemMissing => "所列问题须为本轮问题，且不能重复。", "Listed problems must be of this round and listed once.";
    ErrResponseBeforeSent => "回复日期须在发出日期之后，且须先发出。", "A response must come after the letter was sent.";
    ErrProblemHasLedger => "该问题已被整改记录或巡察建议书引用，不能删除。", "This problem is used by a rectification or a letter and cannot be deleted.";
    ErrInspectionHasLedger => "该巡察对象本轮已有问题或线索，不能移出或删除。", "This target has problems or clues in the round; it cannot be removed.";
    ErrRoundHasLedger => "该轮次已有问题、线索或建议书，不能删除。", "This round has problems, clues or letters and cannot be deleted.";
    ErrReportBeforeFeedback => "整改报告报送日期不能早于反馈日期。", "The report cannot be sent before the feedback.";
    LedgerProblems => "问题台账", "Problems";
    LedgerRectifications => "整改台账", "Rectifications";
    LedgerClues => "问题线索台账", "Clues";
    LedgerLetters => "巡察建议书台账", "Recommendation letters";
    ColTerm => "届次", "Term";
    ColTownship => "乡镇（街道）", "Township";
    ColFocus => "问题类别（三个聚焦）", "Focus";
    ColSubCategory => "具体类别", "Sub-category";
    ColDescription => "问题描述", "Description";
    ColSource => "问题来源", "Source";
    ColFoundOn => "发现日期", "Found on";
    ColScope => "共性/个性", "Common or individual";
    ColOnSpot => "立行立改日期", "Rectified on the spot";
    ColStatus => "整改状态", "Status";
    ColMeasures => "整改措施", "Measures";
    ColUnit => "责任单位", "Responsible unit";
    ColPerson => "责任人", "Responsible person";
    ColDeadline => "整改时限", "Deadline";
    ColOverdue => "逾期", "Overdue";
    ColVerifier => "核验人", "Verifier";
    ColEvidence => "佐证材料", "Evidence";
    ColClosedOn => "销号（办结）日期", "Closed on";
    ColInadequate => "整改不到位次数", "Times found inadequate";
    ColSummary => "线索摘要", "Summary";
    ColCadres => "涉及党员干部（人）", "Party cadres involved";
    ColOthers => "涉及其他人员（人）", "Others involved";
    ColNames => "涉及人员姓名", "Names of persons";
    ColRecipient => "移交单位", "Transferred to";
    ColTransferredOn => "移交日期", "Transferred on";
    ColDisposal => "处置方式", "Disposal";
    ColFeedbackDue => "反馈期限", "Feedback due";
    ColResult => "处置结果", "Result";
    ColAddressee => "主送部门", "Addressee";
    ColSector => "行业（系统）", "Sector";
    ColProblemCount => "涉及问题数", "Problems listed";
    ColSentOn => "发出日期", "Sent on";
    ColResponse => "回复情况", "Response";
    ColRespondedOn => "回复日期", "Responded on";
    OverdueMark => "逾期", "Overdue";
    StateOnSpot => "立行立改", "Rectified on the spot";
    StateFedBack => "已反馈", "Fed back";
    StateNotFedBack => "未反馈", "Not fed back";
    FilterDates => "日期", "Dates";
    FilterText => "关键词", "Search";
    FilterOverdueOnly => "仅逾期", "Overdue only";
    FilterNone => "全部记录", "All records";
    TotalsProblems => "问题 {n} 个，其中立行立改 {spot} 个，已销号 {closed} 个（{closed_pct}），逾期 {overdue} 个，整改不到位 {inadequate} 个（占问题总数的 {inadequate_pct}）。", "{n} problems: {spot} rectified on the spot, {closed} struck off ({closed_pct}), {overdue} overdue, {inadequate} found inadequate ({inadequate_pct} of all).";
    TotalsRectifications => "整改事项 {n} 项，已销号 {closed} 项（{closed_pct}），长期整改 {long} 项，逾期 {overdue} 项，整改不到位 {inadequate} 项。", "{n} rectifications: {closed} struck off ({closed_pct}), {long} long-term, {overdue} overdue, {inadequate} found inadequate.";
    TotalsClues => "问题线索 {n} 件，涉及党员干部 {cadres} 人、其他人员 {others} 人；已移交 {transferred} 件，已办结 {closed} 件，逾期未反馈 {overdue} 件。", "{n} clues involving {cadres} party cadres and {others} others; {transferred} transferred, {closed} closed, {overdue} overdue.";
    TotalsLetters => "巡察建议书 {n} 份，已发出 {sent} 份，已回复 {responded} 份。", "{n} recommendation letters: {sent} sent, {responded} answered.";
    SheetSubtitle => "筛选条件：{filter}　导出日期：{day}", "Filter: {filter}   Exported: {day}";
    NavLedger => "台账", "Ledgers";
    NewProblem => "新增问题", "New problem";
    EditProblem => "编辑问题", "Edit problem";
    NewClue => "新增线索", "New clue";
    EditClue => "编辑线索", "Edit clue";
    NewLetter => "新增建议书", "New letter";
    EditLetter => "编辑建议书", "Edit letter";
    FeedBack => "反馈整改", "Feed back";
    HandleRectification => "办理整改", "Rectification";
    EditRectification => "修改整改措施、责任单位等", "Edit measures, unit and evidence";
    ExportXlsx => "导出 Excel", "Export Excel";
    ExportCsv => "导出 CSV", "Export CSV";
    Exporting => "正在导出…", "Exporting…";
    ExportFailed => "导出失败：", "Export failed:";
    LedgerExported => "已导出 {n} 行。", "Exported {n} rows.";
    FilterFrom => "起始日期", "From";
    FilterTo => "截止日期", "To";
    FilterClear => "清除筛选", "Clear filters";
    ShowNames => "显示涉及人员姓名（敏感）", "Show names (sensitive)";
    PagePrev => "上一页", "Previous";
    PageNext => "下一页", "Next";
    PageInfo => "第 {page} / {pages} 页，共 {n} 条", "Page {page} of {pages}, {n} rows";
    SaveAndNext => "保存并继续录入", "Save and add another";
    ProblemsAdded => "本次已录入 {n} 个问题。", "{n} problems added so far.";
    OnSpotHint => "立行立改的填写整改日期", "Only if put right during the round";
    FieldFedBackOn => "反馈日期", "Fed back on";
    Close => "关闭", "Close";
    Confirm => "确定", "Confirm";
    DeadlineIs => "整改时限 {day}", "due {day}";
    FieldStepOn => "日期", "Date";
    FieldStep => "操作", "Step";
    FieldChange => "变化", "Change";
    FieldStepNote => "说明", "Note";
    FieldExtendReason => "延期理由", "Reason for the extension";
    FieldInadequateReason => "不到位的具体情况", "What was inadequate";
    FieldNewDeadline => "新的整改时限", "New deadline";
    HistoryTitle => "办理记录", "History";
    SensitiveHint => "选填，属敏感信息", "Optional and sensitive";
    FieldRecipientOther => "接收单位名称", "Name of the receiving body";
    NotYet => "（尚未处置）", "(not yet)";
    LetterProblems => "建议书涉及的问题", "Problems the letter lists";
    OnlyCommonProblems => "只列共性问题", "Common problems only";
    ReportSent => "整改报告报送日期", "Rectification report sent";
    ReportOverdue => "整改报告逾期", "Report overdue";
    StatProblems => "发现问题", "Problems found";
    StatRectOverdue => "整改逾期", "Rectifications overdue";
    StatClues => "问题线索", "Clues";
    CliBadScale => "规模 {scale} 不在 0 到 20 之间。", "The scale {scale} is not between 0 and 20.";
    CliGenerated => "已生成 {file}：巡察对象 {targets} 个，轮次 {rounds} 轮，问题 {problems} 个，整改 {rectifications} 项，线索 {clues} 件，问卷 {questionnaires} 份，答卷 {responses} 份。", "Wrote {file}: {targets} targets, {rounds} rounds, {problems} problems, {rectifications} rectifications, {clues} clues, {questionnaires} questionnaires, {responses} responses.";
    ExportLedgerPackage => "导出为数据包", "Export as package";
    PanicTitle => "程序出错", "The app hit an error";
    PanicBody => "很抱歉，程序遇到意外错误而停止。您已保存的数据仍在本机浏览器中。建议先导出应急备份，再刷新页面。", "Sorry, the app stopped on an unexpected error. Your saved data is still in this browser. Export an emergency backup, then reload.";
    PanicDetails => "技术信息", "Technical details";
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(s: &str) -> Vec<String> {
        let mut out: Vec<String> =
            s.split('{').filter_map(|part| part.split_once('}').map(|(name, _)| name.to_owned())).collect();
        out.sort();
        out
    }

    #[test]
    fn every_key_has_text_in_both_languages() {
        for key in T::ALL {
            assert!(!key.text(Lang::Zh).trim().is_empty(), "{key:?} zh");
            assert!(!key.text(Lang::En).trim().is_empty(), "{key:?} en");
        }
    }

    #[test]
    fn both_languages_use_the_same_placeholders() {
        for key in T::ALL {
            assert_eq!(placeholders(key.text(Lang::Zh)), placeholders(key.text(Lang::En)), "{key:?}");
        }
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        let text = fill(T::BulkDone.text(Lang::Zh), &[("added", &3), ("skipped", &1)]);
        assert_eq!(text, "已添加 3 个；已存在而跳过 1 个。");
    }

    #[test]
    fn chinese_is_the_default_and_unknown_codes_fall_back_to_it() {
        assert_eq!(Lang::default(), Lang::Zh);
        assert_eq!(Lang::from_code("en"), Lang::En);
        assert_eq!(Lang::from_code("fr"), Lang::Zh);
        assert_eq!(Lang::from_code(Lang::En.code()), Lang::En);
    }
}
