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
            FeedbackIntro => "根据县委统一部署，县委{group}于{from}至{to}对{org}开展了{round}。{during}现将巡察发现的主要问题及整改要求反馈如下。", "As the county committee arranged, its {group} carried out the {round} at {org} from {from} to {to}.{during} The main problems found and what is required are fed back below.";
            FeedbackTalks => "开展个别谈话{n}人次", "held {n} individual talks";
            FeedbackCalls => "受理来电来访{n}件次", "received {n} calls and visits";
            FeedbackDocuments => "调阅资料{n}份", "read {n} documents";
            FeedbackVisits => "走访调研{n}处", "visited {n} places";
            FeedbackDuring => "巡察期间，巡察组{activities}。", " During it the group {activities}.";
            FeedbackProblemsHeading => "一、巡察发现的主要问题", "1. The main problems found";
            FeedbackFocusHeading => "（{n}）{focus}方面", "({n}) {focus}";
            FeedbackNoProblems => "巡察未发现需要反馈的问题。", "The inspection found no problem to feed back.";
            FeedbackAdviceHeading => "二、整改意见和建议", "2. Recommendations";
            FeedbackAdvice => "{org}要切实履行整改主体责任，主要负责同志要履行第一责任人职责，对巡察反馈的问题逐条制定整改措施，明确责任单位、责任人和整改时限，做到条条有整改、件件有着落；要举一反三、标本兼治，建立健全长效机制。", "{org} must take charge of the rectification, its principal leader first: set measures for each problem fed back, with the unit, the person and the deadline responsible, see every one through, and build rules that last.";
            FeedbackRequirementsHeading => "三、整改要求", "3. What is required";
            FeedbackRequirements => "请{org}在收到反馈意见后{months}个月内，将整改情况报告报送县委巡察办，同时抄送县纪委监委、县委组织部。整改进展情况按规定向党内和社会公开。", "{org} shall send its rectification report to the county inspection office within {months} months of this feedback, with copies to the county discipline commission and the organisation department, and disclose the progress as required.";
            FeedbackSigned => "县委{group}", "The county committee's {group}";
            DocTransfer => "问题线索移交函", "Transfer of clues";
            DocLetter => "巡察建议书", "Recommendation letter";
            DocReport => "整改情况报告", "Rectification report";
            DocSummary => "巡察工作总结", "Work summary";
            DocOpenTransfer => "移交函", "Transfer letter";
            DocOpenLetter => "建议书", "Letter";
            DocOpenReport => "整改报告", "Rectification report";
            DocOpenSummary => "生成工作总结", "Write the work summary";
            DocShowNames => "写入涉及人员姓名", "Include the names of the persons involved";
            DocAddressee => "{to}：", "To {to}:";
            DocOfficeSigned => "县委巡察工作领导小组办公室", "Office of the county inspection leading group";
            DocDateBlank => "年　　月　　日", "Date: ____________";
            DocFillIn => "（请填写。）", "(To be written.)";
            TransferTitle => "关于移交{round}发现问题线索的函", "Transfer of the clues found in the {round}";
            TransferFileName => "问题线索移交函-{to}-{round}", "Transfer of clues-{to}-{round}";
            TransferIntro => "根据《中国共产党巡视工作条例》和县委巡察工作有关规定，现将{round}中发现的问题线索{n}件移交你单位{persons}。具体如下：", "Under the inspection work regulations, the {n} clues found in the {round} are transferred to you{persons}:";
            TransferPersonsIntro => "，涉及{persons}", "; they involve {persons}";
            TransferCadres => "党员干部{n}人", "{n} Party cadres";
            TransferOthers => "其他人员{n}人", "{n} other persons";
            TransferItem => "{k}．{org}：{summary}{persons}。", "{k}. {org}: {summary}{persons}.";
            TransferPersonsItem => "（涉及{persons}）", " ({persons} involved)";
            TransferNames => "涉及人员：{names}。", " Persons involved: {names}.";
            TransferRequest => "请按照有关规定认真处置，并将处置情况及时反馈县委巡察办。", "Please dispose of them as the rules require and report the outcome to the county inspection office.";
            LetterTitle => "关于{sector}存在问题的巡察建议书", "Recommendation letter on the problems in {sector}";
            LetterNoSector => "有关行业（系统）", "the sector";
            LetterFileName => "巡察建议书-{to}-{round}", "Recommendation letter-{to}-{round}";
            LetterIntro => "县委巡察组在{round}中对{units}等{n}个单位开展巡察时，发现{sector}存在一些共性问题。根据《中国共产党巡视工作条例》有关规定，现将有关情况通报如下，并提出建议。", "In the {round} the county's groups found, at {units} ({n} units), problems shared across {sector}. Under the inspection work regulations they are set out below with recommendations.";
            LetterIntroNone => "县委巡察组在{round}中发现{sector}存在一些问题。根据《中国共产党巡视工作条例》有关规定，现将有关情况通报如下，并提出建议。", "In the {round} the county's groups found problems in {sector}. Under the inspection work regulations they are set out below with recommendations.";
            ListJoiner => "、", ", ";
            DocDiscardEdits => "重新生成文书会丢失刚才在页面上所做的修改，确定继续吗？", "Writing the document again loses the edits made on this page. Go on?";
            LetterIntroOne => "县委巡察组在{round}中对{units}开展巡察时，发现{sector}存在一些问题。根据《中国共产党巡视工作条例》有关规定，现将有关情况通报如下，并提出建议。", "In the {round} the county's groups found, at {units}, problems in {sector}. Under the inspection work regulations they are set out below with recommendations.";
            LetterProblemsHeading => "一、发现的主要问题", "1. The main problems found";
            LetterAdviceHeading => "二、意见建议", "2. Recommendations";
            LetterAdvice => "请你单位针对上述问题，加强对本行业（系统）的监管和指导，深入分析问题产生的根源，从制度机制上堵塞漏洞，推动问题系统整改、源头治理。", "Please strengthen the supervision and guidance of the sector on these problems, find their causes, close the gaps in its rules and see them rectified at the source.";
            LetterRequirementsHeading => "三、有关要求", "3. What is required";
            LetterRequirements => "请在收到本建议书后2个月内，将采纳和落实情况书面反馈县委巡察办。", "Please report in writing to the county inspection office within 2 months what was adopted and done.";
            ReportTitle => "{org}关于{round}反馈意见整改情况的报告", "Report of {org} on the rectification after the {round}";
            ReportFileName => "整改情况报告-{target}-{round}", "Rectification report-{target}-{round}";
            ReportAddressee => "县委巡察工作领导小组：", "To the county inspection leading group:";
            ReportIntro => "根据县委{group}反馈意见，{org}高度重视，切实履行整改主体责任，逐条制定整改措施，认真抓好整改落实。现将整改情况报告如下。", "After the feedback of the county committee's {group}, {org} set measures for each problem and saw them through. The rectification is reported below.";
            ReportOverallHeading => "一、整改工作总体情况", "1. The rectification as a whole";
            ReportProblemsHeading => "二、反馈问题整改落实情况", "2. Each problem fed back";
            ReportProblem => "{k}．关于“{problem}”的问题。", "{k}. On “{problem}”.";
            ReportMeasures => "整改措施：{text}", "Measures: {text}";
            ReportStatus => "整改情况：{status}（整改时限：{deadline}）。", "Status: {status} (deadline {deadline}).";
            ReportClosed => "整改情况：已于{day}销号（整改时限：{deadline}）。", "Status: struck off on {day} (deadline {deadline}).";
            ReportEvidence => "佐证材料：{text}", "Evidence: {text}";
            ReportOnSpot => "已于{day}立行立改。", "Put right on the spot on {day}.";
            ReportNotFedBack => "尚未反馈整改。", "Not yet fed back for rectification.";
            ReportNextHeading => "三、下一步工作打算", "3. Next steps";
            SummaryTitle => "{year}年度巡察工作总结", "Inspection work summary {year}";
            SummaryScope => "{year}年", "In {year}";
            SummaryFileName => "巡察工作总结-{year}年", "Work summary-{year}";
            SummaryWorkHeading => "一、主要工作及成效", "1. The work done and its results";
            SummaryShortcomingsHeading => "二、存在的问题和不足", "2. Problems and shortcomings";
            SummaryNextHeading => "三、下一步工作打算", "3. Next steps";
            DayLong => "{y}年{m}月{d}日", "{y}-{m}-{d}";
        }
    };
}
