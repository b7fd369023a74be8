//! The catalogue's texts for 成果运用: the outcomes of inspections, their kinds,
//! the page that lists them and the summary's sentence.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! outcome_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            KindOutcome => "成果运用", "inspection outcome";
            NavOutcomes => "成果运用", "Outcomes";
            OutcomesTitle => "巡察成果运用", "Outcomes of inspections";
            NewOutcome => "登记成果", "New outcome";
            EditOutcome => "编辑成果", "Edit outcome";
            NoOutcomes => "还没有登记巡察成果。建章立制、解决民生问题、约谈、问责、挽回资金和巡审联动情况在此登记，统计和工作总结会计入。", "No outcome yet. Enter rules set up, problems solved, talks, accountability, money recovered and audit cooperation here; the statistics and summaries count them.";
            OutcomeRule => "建章立制", "rule set up";
            OutcomeLivelihood => "解决民生问题", "livelihood problem solved";
            OutcomeTalk => "约谈", "talk (约谈)";
            OutcomeAccountability => "问责处理", "accountability";
            OutcomeRecovery => "挽回（追缴）资金", "money recovered";
            OutcomeAuditInfo => "巡审联动·互通信息", "audit cooperation: information exchanged";
            OutcomeAuditors => "巡审联动·抽调审计人员", "audit cooperation: auditors seconded";
            SanctionAccountability => "问责", "accountability";
            SanctionPartyDiscipline => "党纪处分", "party discipline";
            SanctionGovDiscipline => "政务处分", "administrative sanction";
            SanctionOrganisational => "组织处理", "organisational measure";
            FieldOutcomeKind => "成果类别", "Kind";
            FieldOutcomeTitle => "事项", "Matter";
            OutcomeTitleHint => "制度名称、约谈对象、解决的问题或问责对象", "The rule's name, who was talked to, the problem solved or who was held to account";
            FieldOutcomeDay => "日期", "Day";
            FieldOutcomeCount => "数量（项、个、人次、条）", "Count";
            FieldSanction => "处理方式", "Measure";
            FieldAmount => "金额（元）", "Amount (yuan)";
            OutcomeSentence => "推动建立健全制度机制{rules}项，解决群众急难愁盼问题{livelihood}个，约谈{talks}人次，问责处理{accountability}人，挽回经济损失{amount}元；巡审联动互相通报信息{info}条，抽调审计专业人员{auditors}人次。", "{rules} rules and mechanisms set up, {livelihood} livelihood problems solved, {talks} talks, {accountability} persons held to account, {amount} yuan recovered; {info} pieces of information exchanged with audit and {auditors} auditors seconded.";
            OutcomesSheetTitle => "巡察成果运用台账", "Outcomes of inspections";
            StatsGroupOutcomes => "成果运用", "Outcomes";
            FigOutcomeAmount => "挽回经济损失（元）", "Money recovered (yuan)";
            OutcomeScoped => "统计范围内的 {n} 轮", "{n} rounds of the statistics";
            ErrNamedByOutcome => "已有成果运用记录指向它，请先修改或删除那些记录。", "An outcome names it; change or delete that outcome first.";
            ErrOutcomeProblem => "所选问题不属于该轮次、该巡察对象。", "The problem chosen is not of this round and unit.";
            ErrOutcomeClue => "所选线索不属于该轮次、该巡察对象。", "The clue chosen is not of this round and unit.";
            ErrOutcomeTitle => "请填写事项（制度名称、约谈对象、解决的问题或问责对象）。", "Enter the matter (the rule, who was talked to, the problem solved or who was held to account).";
            ErrOutcomeTitleTooLong => "事项不能超过 200 字。", "The matter may have 200 characters at most.";
            ErrOutcomeCount => "数量应为 1 到 100000 的整数。", "The count must be a whole number from 1 to 100,000.";
            ErrOutcomeAmount => "挽回资金须填写大于 0 的金额（元）。", "Money recovered needs an amount in yuan above 0.";
        }
    };
}
