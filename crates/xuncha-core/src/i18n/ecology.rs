//! The catalogue's texts for 政治生态评估: grades, the indicator set, the page that
//! lists assessments, its form and the summary's sentence.

/// Passes this area's texts on to the next area's macro, after those already
/// gathered; the last in the chain is `catalogue!`.
macro_rules! ecology_texts {
    ($next:ident $(, $rest:ident)*; $($done:tt)*) => {
        $next! {
            $($rest),*;
            $($done)*
            NavEcology => "政治生态", "Ecology";
            EcologyTitle => "政治生态评估", "Political-ecology assessment";
            GradeGood => "良好", "Good";
            GradeFair => "较好", "Fairly good";
            GradeAverage => "一般", "Average";
            GradePoor => "较差", "Poor";
            EcologySentence => "对{n}个被巡察党组织进行了政治生态综合评估，根据得分情况，{grades}。", "The political ecology of {n} inspected party organisations was assessed; by their scores, {grades}.";
            EcologySentenceGrade => "{n}个为{grade}等次", "{n} graded {grade}";
            EcologySentenceAll => "对{n}个被巡察党组织进行了政治生态综合评估，均评定为{grade}等次。", "The political ecology of {n} inspected party organisations was assessed; all were graded {grade}.";
            ErrEcologyNoIndicators => "指标体系至少要有一项指标。", "The indicator set needs at least one indicator.";
            ErrEcologyIndicatorName => "每项指标都要有名称（不超过100字）。", "Every indicator needs a name (100 characters at most).";
            ErrEcologyIndicatorTwice => "指标名称重复。", "Two indicators have the same name.";
            ErrEcologyWeights => "各项指标的权重应为正整数，合计为100。", "Each indicator's weight must be a whole number above 0, and they must add up to 100.";
            ErrEcologyMax => "每项指标的满分应为大于0的数，最多一位小数。", "Every indicator's full marks must be a number above 0 with one decimal at most.";
            ErrEcologyThresholds => "等次分数线应为：0 < 一般 < 较好 < 良好 ≤ 100。", "The grade lines must be 0 < average < fairly good < good ≤ 100.";
            ErrEcologyScore => "得分应为不超过该项满分的数，最多一位小数。", "Each score must be a number up to that indicator's full marks, with one decimal at most.";
            ErrEcologyBeforeEntry => "评估日期早于巡察组进驻日期。", "The assessment is dated before the group entered.";
            ErrEcologyDay => "请填写评估日期。", "Enter the day of the assessment.";
            FieldAssessedOn => "评估日期", "Assessed on";
            FieldAssessor => "评估人", "Assessor";
            ColIndicator => "评估指标", "Indicator";
            ColWeight => "权重", "Weight";
            ColMaxScore => "满分", "Full marks";
            ColScore => "得分", "Score";
            ColScores => "各项得分", "Scores";
            ColTotal => "总分", "Total";
            ColGrade => "等次", "Grade";
            ColEarlier => "以往评估", "Earlier assessments";
            ThresholdGood => "良好（不低于）", "Good from";
            ThresholdFair => "较好（不低于）", "Fairly good from";
            ThresholdAverage => "一般（不低于）", "Average from";
            EcologyScheme => "评估指标体系和等次分数线", "Indicator set and grade lines";
            EcologySchemeHint => "各项得分按“得分÷满分×权重”折算后相加，满分100分。改动只用于此后的评估，已做的评估按当时的指标和分数线保留。", "Each score counts as score ÷ full marks × weight, out of 100 in all. A change applies to later assessments; those made keep the indicators and lines they were graded by.";
            EcologyAddIndicator => "添加指标", "Add indicator";
            EcologyBuiltin => "恢复内置指标体系", "Restore the built-in set";
            EcologyAssess => "评估", "Assess";
            EcologyRemove => "删除评估", "Remove assessment";
            EcologyNone => "还没有政治生态评估。在巡察轮次页各巡察组的被巡察单位旁点“评估”录入。", "No assessments yet. Enter one with “Assess” beside a unit in a group on its round's page.";
            EcologyTotalLine => "总分 {total}，{grade}", "Total {total}, {grade}";
            EcologySheetTitle => "政治生态评估情况表", "Political-ecology assessments";
            EcologyScoped => "统计所计的{n}个", "The {n} the statistics counted";
            FigEcologyAssessed => "开展政治生态评估（个）", "Units assessed";
            StatsGroupEcology => "政治生态评估", "Political-ecology assessment";
            ErrInspectionHasAssessment => "本轮有单位已做政治生态评估，删除或移出前请先在“政治生态”页删除其评估。", "A unit of this round has a political-ecology assessment: remove the assessment on the Ecology page first.";
            EcologyKeptLines => "本评估按评估时的指标和分数线计分（良好{good}、较好{fair}、一般{average}分以上）。", "Scored by the indicators and lines in force when it was made (good from {good}, fairly good from {fair}, average from {average}).";
        }
    };
}
