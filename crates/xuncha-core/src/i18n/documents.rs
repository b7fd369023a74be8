//! The catalogue's texts for documents: the 问题底稿 and the 巡察反馈意见, in the
//! wording county offices use, and the page that previews and writes them.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! documents_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            DocFeedback => "巡察反馈意见", "Feedback";
            DocDrafts => "问题底稿", "Working papers";
            DocGone => "这份文书依据的记录已不存在。", "The record this document is written from no longer exists.";
            DocDownload => "下载 Word 文件", "Download Word file";
            DocPrint => "打印", "Print";
            DocCopy => "复制为文字", "Copy as text";
            DocReset => "恢复原文", "Start again";
            DocEditHint => "可直接修改下面各段文字，再下载或打印；修改只用于本次生成的文书，不改动台账。", "Edit the paragraphs below, then download or print; edits go into this document only, not into the ledgers.";
            DocNoProblems => "该单位还没有登记问题。", "No problem is recorded for this unit yet.";
            DocOpenFeedback => "反馈意见", "Feedback";
            DocOpenDrafts => "问题底稿", "Working papers";
            DocOpenDraft => "底稿", "Paper";
            DocSaved => "已生成 Word 文件：{file}（在浏览器的下载文件夹中）", "Word file written: {file} (in the browser's downloads folder)";
            DraftTitle => "巡察发现问题底稿", "Working paper of a problem found";
            DraftFileName => "问题底稿-{target}-{round}", "Working paper-{target}-{round}";
            DraftRound => "巡察轮次：{round}", "Round: {round}";
            DraftGroup => "巡察组：{group}", "Group: {group}";
            DraftTarget => "被巡察单位：{target}", "Inspected unit: {target}";
            DraftFocus => "问题类别：{focus}", "Category: {focus}";
            DraftSource => "问题来源：{source}", "Source: {source}";
            DraftFound => "发现时间：{day}", "Found on: {day}";
            DraftDescriptionHeading => "一、问题描述", "1. The problem";
            DraftFactsHeading => "二、事实依据", "2. The facts";
            DraftBasisHeading => "三、定性依据", "3. The basis";
            DraftNotEntered => "（未填写）", "(not entered)";
            DraftSignHandler => "承办人（签字）：", "Prepared by (signature): ";
            DraftSignDeputy => "副组长（签字）：", "Deputy leader (signature): ";
            DraftSignLeader => "组长（签字）：", "Group leader (signature): ";
            DraftSignDate => "年　　月　　日", "Date: ____________";
            FeedbackTitle => "县委{group}关于巡察{org}的反馈意见", "Feedback of the county committee's {group} on the inspection of {org}";
            FeedbackFileName => "巡察反馈意见-{target}-{round}", "Feedback-{target}-{round}";
            FeedbackAddressee => "{org}：", "To {org}:";
            FeedbackIntro => "根据县委统一部署，县委{group}于{from}至{to}对{org}开展了{round}。巡察期间，巡察组{activities}。现将巡察发现的主要问题及整改要求反馈如下。", "As the county committee arranged, its {group} carried out the {round} at {org} from {from} to {to}. During it the group {activities}. The main problems found and what is required are fed back below.";
            FeedbackActivities => "开展个别谈话{talks}人次，受理来电来访{calls}件次，调阅资料{documents}份，走访调研{visits}处", "held {talks} individual talks, received {calls} calls and visits, read {documents} documents and visited {visits} places";
            FeedbackProblemsHeading => "一、巡察发现的主要问题", "1. The main problems found";
            FeedbackFocusHeading => "（{n}）{focus}方面", "({n}) {focus}";
            FeedbackNoProblems => "巡察未发现需要反馈的问题。", "The inspection found no problem to feed back.";
            FeedbackAdviceHeading => "二、整改意见和建议", "2. Recommendations";
            FeedbackAdvice => "{org}要切实履行整改主体责任，主要负责同志要履行第一责任人职责，对巡察反馈的问题逐条制定整改措施，明确责任单位、责任人和整改时限，做到条条有整改、件件有着落；要举一反三、标本兼治，建立健全长效机制。", "{org} must take charge of the rectification, its principal leader first: set measures for each problem fed back, with the unit, the person and the deadline responsible, see every one through, and build rules that last.";
            FeedbackRequirementsHeading => "三、整改要求", "3. What is required";
            FeedbackRequirements => "请{org}在收到反馈意见后{months}个月内，将整改情况报告报送县委巡察办，同时抄送县纪委监委、县委组织部。整改进展情况按规定向党内和社会公开。", "{org} shall send its rectification report to the county inspection office within {months} months of this feedback, with copies to the county discipline commission and the organisation department, and disclose the progress as required.";
            FeedbackSigned => "县委{group}", "The county committee's {group}";
            DayLong => "{y}年{m}月{d}日", "{y}-{m}-{d}";
        }
    };
}
