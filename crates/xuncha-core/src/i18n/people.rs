//! The catalogue's texts for the 巡察人才库 ("一长两员"库): persons, their pools and
//! ranks, choosing a group's people from the pool, and the 回避 warnings.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! people_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            KindPerson => "人才库人员", "pool member";
            NavPeople => "人才库", "Talent pool";
            PeopleTitle => "巡察人才库（“一长两员”库）", "Talent pool (one leader, two kinds of staff)";
            NewPerson => "新增人员", "New person";
            EditPerson => "编辑人员", "Edit person";
            NoPersons => "人才库还没有人员。先录入组长库、专业人员库和工作人员库的人员，组建巡察组时即可从库中选人。", "The pool is empty. Enter the group leaders, specialists and staff first; groups then choose their people from the pool.";
            PoolLeaders => "组长库", "group leaders";
            PoolSpecialists => "专业人员库", "specialists";
            PoolStaff => "工作人员库", "staff";
            RankDivisionChief => "正处级", "division head";
            RankDivisionDeputy => "副处级", "deputy division head";
            RankSectionChief => "正科级", "section head";
            RankSectionDeputy => "副科级", "deputy section head";
            RankBelowSection => "科级以下", "below section level";
            SpecialtyAudit => "审计", "audit";
            SpecialtyFinance => "财务", "finance";
            SpecialtyLaw => "法律", "law";
            SpecialtyEngineering => "工程", "engineering";
            SpecialtyDiscipline => "纪检监察", "discipline inspection";
            SpecialtyPersonnel => "组织人事", "personnel";
            SpecialtyOther => "其他", "other";
            FieldPersonName => "姓名", "Name";
            FieldUnit => "工作单位", "Unit";
            FieldUnitName => "工作单位（不在巡察对象名录中时填写）", "Unit (when it is not a registered target)";
            UnitNotListed => "不在巡察对象名录中", "Not a registered target";
            FieldPost => "职务", "Post";
            FieldRank => "职级", "Rank";
            FieldPools => "所在库", "Pools";
            FieldFullTime => "专职", "Full time";
            FieldSpecialty => "专业特长", "Specialty";
            FieldJoined => "入库时间", "Joined";
            FieldLeft => "出库时间", "Left";
            FieldFormerUnits => "曾工作单位", "Former units";
            FormerUnitsHint => "每行一个单位，可写年份，如“县财政局 2015-2021”；用于回避提示。", "One unit a line, with years if known, e.g. “County finance bureau 2015-2021”; used for recusal warnings.";
            ColServed => "参加巡察", "Served";
            ColInPool => "在库", "In pool";
            ShowLeftPersons => "也列出已出库人员", "Also list persons who left the pool";
            ServiceTitle => "参加巡察情况", "Inspections served";
            NoService => "还没有参加过巡察。", "Has not served in an inspection yet.";
            RoleMember => "组员", "Member";
            FieldSeats => "人才库人员", "Pool members";
            FieldRecusals => "回避确认", "Recusal confirmations";
            PoolSentence => "“一长两员”库共有人员{total}人，其中组长库{leaders}人，其中专职组长{full_time}人、专业人员库{specialists}人、工作人员库{staff}人；其中副科级以上领导干部{cadres}人。", "The pool holds {total} persons: {leaders} in the group-leader pool ({full_time} of them full-time leaders), {specialists} specialists and {staff} staff; {cadres} are leading cadres at deputy section level or above.";
            RecusalYears => "回避年限（离开原单位的年数）", "Recusal span (years since leaving a unit)";
            RecusalYearsHint => "人员被安排巡察本单位，或巡察离开年份与本轮年份相差不超过此年数的原单位（离开年份不详的也算）时，提示回避。", "A person sent to their own unit, or to a unit they left no more than this many years before the round's year (or in a year not known), gets a recusal warning.";
            RecusalOwn => "{person} 的工作单位是 {target}", "{target} is the unit of {person}";
            RecusalFormer => "{person} 于 {year} 年离开 {target}", "{person} left {target} in {year}";
            RecusalFormerUnknown => "{person} 曾在 {target} 工作（离开年份不详）", "{person} worked at {target} (year of leaving not known)";
            RecusalTitle => "回避提示", "Recusal warning";
            RecusalHint => "按回避规定，以下人员不宜巡察这些单位。如确需安排，请逐条填写理由，理由随巡察组保存。", "By the recusal rule these persons should not inspect these units. To send them anyway, give a reason for each; the reasons are kept with the group.";
            RecusalReason => "安排理由", "Reason";
            RecusalConfirm => "填写理由后仍然安排", "Send them anyway, with these reasons";
            FreeNames => "不在人才库中：{names}", "Not in the talent pool: {names}";
            AddToPool => "加入人才库", "Add to the pool";
            AddedToPool => "已加入人才库。", "Added to the pool.";
            PoolChoiceHint => "可从人才库选择，也可直接填写姓名", "Choose from the pool or type a name";
            PoolOnDay => "按 {day} 在库人员统计", "The pool as it stood on {day}";
            PeopleSheetTitle => "巡察人才库人员名单", "Talent pool";
            StatsGroupPool => "“一长两员”库", "Talent pool";
            FigPoolTotal => "人才库人员", "Persons in the pool";
            FigPoolLeaders => "组长库", "Group-leader pool";
            FigPoolFullTime => "其中专职组长", "of them full-time leaders";
            FigPoolSpecialists => "专业人员库", "Specialist pool";
            FigPoolStaff => "工作人员库", "Staff pool";
            FigPoolCadres => "副科级以上领导干部", "Leading cadres (deputy section level and above)";
            ScopeAllButPersons => "全部记录（不含人才库人员）", "every record but the talent pool's persons";
            ExportWithoutPersons => "不含人才库人员信息", "Leave out the talent pool's persons";
            ExportWithoutPersonsHint => "人才库含个人信息（姓名、单位、职级、工作经历）。交给其他单位的文件如不需要，可勾选此项不导出。", "The pool holds personal data (names, units, ranks, careers). Tick this when the office receiving the file does not need it.";
            ErrPersonNameTooLong => "姓名不能超过 30 字。", "The name may have 30 characters at most.";
            ErrPoolRequired => "请至少选择一个所在库。", "Choose at least one pool.";
            ErrUnitNameTooLong => "单位名称不能超过 60 字。", "The unit's name may have 60 characters at most.";
            ErrPostTooLong => "职务不能超过 60 字。", "The post may have 60 characters at most.";
            ErrLeftBeforeJoined => "出库时间不能早于入库时间。", "The day of leaving the pool cannot be before the day of joining.";
            ErrFormerUnitName => "曾工作单位需要写明单位名称。", "Each former unit needs its name.";
            ErrFormerUnitYears => "曾工作单位的离开年份不能早于起始年份。", "A former unit's year of leaving cannot be before its first year.";
            ErrFormerUnitLine => "曾工作单位有一行看不懂，请写成“单位名称 起始年-离开年”。", "A line of the former units cannot be read; write “unit name first-year-last-year”.";
            ErrPersonTaken => "人才库中已有同一单位的同名人员。", "The pool already has a person of this name in this unit.";
            ErrRecusalReason => "每条回避提示都需要填写安排理由。", "Every recusal warning needs a reason.";
            ErrRecusalReasonTooLong => "安排理由不能超过 200 字。", "A reason may have 200 characters at most.";
            ErrRecusalYears => "回避年限应为 0 到 30 年。", "The recusal span must be 0 to 30 years.";
            ErrSharedName => "人才库中有同名人员，请从列表中选择带单位的姓名，如“张伟（县财政局）”。", "Several persons of the pool have this name: choose the one with the unit from the list, e.g. “Zhang Wei (County finance bureau)”.";
            SharedNames => "人才库中有多位同名人员，请从列表中选择带单位的姓名：{names}", "Several persons of the pool have these names; choose the one with the unit from the list: {names}";
            ErrPersonNameRequired => "请填写姓名。", "Enter the name.";
            ErrRecusalUnconfirmed => "有回避提示尚未填写理由确认，未保存。", "A recusal warning has not been confirmed with a reason; nothing was saved.";
        }
    };
}
