//! The catalogue's texts for the statistics page and the summary paragraphs it writes.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! stats_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            NavStats => "统计", "Statistics";
            ChartFocus => "发现问题按“三个聚焦”", "Problems by focus";
            ChartProgress => "各轮次整改进度", "Rectification by round";
            NavCoverage => "全覆盖", "Coverage";
            CoverageTitle => "巡察全覆盖", "Full coverage";
            CoverageNoTerm => "请先在“届次”录入本届县委。", "Enter the committee's term under “Terms” first.";
            CoverageRule => "以现有巡察对象为基数（已撤并的不计，届中新增的计入）；本届任一已开始的轮次巡察过即为已覆盖。", "The base is the register as it stands (merged villages leave it, new targets join it); a target inspected in any round of the term is covered.";
            CoverageLine => "本届现有巡察对象 {total} 个，已巡察 {covered} 个，全覆盖完成率 {rate}。", "{covered} of {total} targets inspected this term: {rate}.";
            CoverageBehind => "覆盖进度落后：目前 {rate}，按目标（{by} 前达到 {goal}%）此时应达到 {expected}。", "Coverage is behind: {rate} now, {expected} expected by now for the goal of {goal}% by {by}.";
            CoverageGoalPercent => "目标覆盖率（%）", "Goal (%)";
            CoverageGoalBy => "目标日期", "Goal date";
            ErrCoverageGoal => "请填写 1–100 之间的整数作为目标覆盖率，并填写目标日期。", "Enter a whole number from 1 to 100 as the goal, and its date.";
            ErrCoverageGoalDay => "目标日期须在本届的起止年份之内。", "The goal's date must lie within the term's years.";
            CoveragePrintLine => "{office}　{term}　截至 {day}", "{office} · {term} · as of {day}";
            StatsPrintLine => "{office}　{scope}　截至 {day}", "{office} · {scope} · as of {day}";
            CoverageTotal => "现有", "In register";
            CoverageCovered => "已巡察", "Inspected";
            CoverageLeft => "未巡察", "Not yet";
            CoverageRate => "完成率", "Rate";
            CoverageByKind => "按类型", "By kind";
            CoverageCountyLevel => "县直单位和乡镇（街道）合计", "County units and townships";
            CoverageVillages => "村（社区）合计", "Villages and communities";
            CoverageAll => "总计", "All";
            CoverageByTownship => "村（社区）按乡镇（街道）", "Villages by township";
            CoverageVillageCount => "村（社区）", "Villages";
            CoverageRemaining => "尚未巡察的对象", "Not yet inspected";
            HomeCoverageBehind => "本届巡察全覆盖进度落后：目前 {rate}，此时应达到 {expected}。", "Coverage of this term is behind: {rate} now, {expected} expected by now.";
            StatsTitle => "巡察工作统计", "Inspection statistics";
            StatsPeriod => "统计范围", "Period";
            PeriodYear => "年度", "Year";
            PeriodTerm => "届次", "Term";
            PeriodRound => "轮次", "Round";
            PeriodRange => "日期范围", "Date range";
            StatsYearIs => "{year}年度", "{year}";
            StatsPeriodHint => "按巡察轮次的开始日期归入年度或日期范围。", "Rounds count in the year or range their start date falls in.";
            StatsNoPeriod => "请先选择统计范围。", "Choose what to count first.";
            StatsGroupRounds => "巡察轮次", "Rounds";
            StatsGroupTargets => "巡察对象", "Targets inspected";
            StatsGroupActivities => "巡察工作量", "Work done on site";
            StatsGroupProblems => "发现问题", "Problems found";
            StatsGroupClues => "问题线索", "Clues";
            StatsGroupRectification => "整改情况", "Rectification";
            StatsGroupLetters => "巡察建议书", "Recommendation letters";
            StatsGroupQuestionnaires => "问卷", "Questionnaires";
            StatsRounds => "开展巡察（轮）", "Rounds held";
            StatsTargets => "巡察党组织（个）", "Organisations inspected";
            StatsExtendedVillages => "其中延伸巡察村（社区）", "Villages reached by extended rounds";
            StatsProblems => "发现问题（个）", "Problems found";
            StatsOnSpot => "立行立改", "Fixed on the spot";
            StatsRectifications => "已反馈整改（个）", "Fed back for rectification";
            StatsOverdue => "逾期未完成", "Overdue";
            StatsInadequate => "整改不到位", "Rectified inadequately";
            StatsInadequateShare => "占发现问题总数 {percent}%", "{percent}% of all problems";
            StatsClues => "问题线索（件）", "Clues";
            StatsToDiscipline => "移交县纪委监委", "To the discipline commission";
            StatsToOrganisation => "移交县委组织部", "To the organisation department";
            StatsLettersSent => "发出巡察建议书（份）", "Letters sent";
            StatsQuestionnaires => "问卷（份）", "Questionnaires";
            StatsHandedOut => "问卷发放（份）", "Forms handed out";
            StatsReturnRate => "回收率 {percent}%", "{percent}% returned";
            StatsQuestionnaireGap => "巡察对象记录的“发放调查问卷”为 {activities} 份，问卷记录的发放份数为 {records} 份，相差 {gap} 份：请核对其中一处。", "The inspections record {activities} questionnaires handed out, the questionnaires themselves {records}: a difference of {gap}; check one of them.";
            StatsCopyText => "复制为文字", "Copy as text";
            StatsCopied => "已复制，可粘贴到 Word 中。", "Copied; paste it into Word.";
            StatsCopyFailed => "浏览器不允许复制，请在下方文字框中全选后复制。", "The browser does not allow copying: select the text below and copy it.";
            StatsListTargets => "巡察对象明细", "Targets";
            StatsListRounds => "巡察轮次明细", "Rounds";
            StatsListClose => "收起明细", "Close the list";
            StatsColRounds => "所在轮次", "Rounds";
            StatsColCount => "次数", "Count";
            StatsFigure => "项目", "Item";
            StatsValue => "数量", "Number";
            StatsShare => "占比", "Share";
            StatsSection => "类别", "Section";
            StatsTextRoundKind => "{name}{n}轮", "{n} {name}";
            StatsTextTargetKind => "{name}{n}个", "{n} {name}";
            StatsTextRounds => "{scope}共开展巡察{rounds}轮{kinds}，对{targets}个党组织开展了巡察{by_kind}{extended}。", "{scope}: {rounds} rounds{kinds} inspected {targets} party organisations{by_kind}{extended}.";
            StatsTextExtended => "；延伸巡察村（社区）{n}个", "; {n} villages or communities were reached by extended rounds";
            StatsTextYear => "{year}年", "In {year}";
            StatsTextTerm => "{term}以来", "Since the start of {term}";
            StatsTextRound => "{round}期间", "In {round}";
            StatsTextRange => "{from}至{to}", "From {from} to {to}";
            StatsTextWithin => "{scope}（{within}）", "{scope} ({within})";
            StatsTextQuestionnaires => "问卷记录发放调查问卷{handed}份，回收{returned}份，回收率{rate}。", "The questionnaires record {handed} forms handed out and {returned} returned ({rate}).";
            StatsTextKinds => "（{list}）", " ({list})";
            StatsTextByKind => "，其中{list}", ": {list}";
            ErrStatsYear => "请填写 1949 到 2200 之间的年份。", "Enter a year between 1949 and 2200.";
            ErrStatsRange => "请填写起始日期和截止日期，截止日期不能早于起始日期。", "Enter both days; the last cannot come before the first.";
            StatsTextActivities => "巡察期间，共受理群众来电来访{calls}件次，开展个别谈话{talks}人次，听取专题汇报{briefings}个，调阅资料{documents}份，查阅财务凭证{vouchers}本，发放调查问卷{questionnaires}份，走访调研{visits}处。", "On site the groups received {calls} calls and visits, held {talks} individual talks, heard {briefings} briefings, read {documents} documents and {vouchers} books of vouchers, handed out {questionnaires} questionnaires and made {visits} field visits.";
            StatsTextProblems => "巡察发现“三个聚焦”方面问题{total}个，其中：聚焦贯彻落实党的路线方针政策和党中央决策部署方面存在的问题{policy}个；聚焦群众身边腐败问题和不正之风方面存在的问题{corruption}个；聚焦基层党组织软弱涣散、组织力欠缺方面存在的问题{organisation}个。共性问题{common}个，个性问题{individual}个；边巡边改、立行立改问题{on_spot}个。", "The rounds found {total} problems: {policy} in carrying out the Party's policies and decisions, {corruption} of corruption and misconduct close to the people, {organisation} of weak grassroots organisations; {common} common and {individual} individual; {on_spot} fixed on the spot.";
            StatsTextClues => "巡察发现问题线索{clues}件，涉及党员干部{cadres}人，其他{others}人；移交县纪委监委{discipline}件，移交县委组织部{organisation}件。", "They found {clues} clues involving {cadres} party cadres and {others} others; {discipline} went to the discipline commission and {organisation} to the organisation department.";
            StatsTextRectification => "已反馈整改问题{total}个，其中已整改销号{closed}个，待核验{awaiting}个，整改中{in_progress}个，未整改{not_started}个，长期整改{long_term}个，逾期未完成{overdue}个；整改不到位问题{inadequate}个，占巡察发现问题总数的{share}%。", "Of {total} problems fed back for rectification, {closed} are struck off, {awaiting} await verification, {in_progress} are in progress, {not_started} not started and {long_term} long-term; {overdue} are overdue; {inadequate} were rectified inadequately, {share}% of all problems found.";
            StatsTextLetters => "发出巡察建议书{letters}份。", "{letters} recommendation letters were sent.";
        }
    };
}
