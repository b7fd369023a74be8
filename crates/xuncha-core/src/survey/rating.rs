//! 测评汇总: the table offices report after a 民主测评 — each rated item with the
//! votes for every level and the share of the top levels ("好和较好率"), and the
//! same over all items — made from a tally, for the screen, print and .xlsx.

use crate::questionnaire::QuestionType;
use crate::tally::Tally;

/// One line of the summary: a rated item, or all items together.
#[derive(Clone, Debug, PartialEq)]
pub struct RatingRow {
    pub item: String,
    /// Votes per level, best first.
    pub counts: Vec<u32>,
    /// Every vote on the item, whatever its level.
    pub votes: u32,
    /// Votes for the favourable levels out of all votes, 0–100; none without votes.
    pub favourable: Option<f64>,
}

/// The items rated on one scale (好/较好/一般/差, or 满意/基本满意/…).
#[derive(Clone, Debug, PartialEq)]
pub struct RatingSummary {
    /// The scale's levels, best first.
    pub levels: Vec<String>,
    /// How many of the best levels count as favourable.
    pub favourable_levels: usize,
    pub rows: Vec<RatingRow>,
    /// All items added together.
    pub overall: RatingRow,
}

impl RatingSummary {
    /// The favourable levels' names joined, for the rate's heading: "好和较好".
    pub fn favourable_names(&self, joiner: &str) -> String {
        self.levels.iter().take(self.favourable_levels).cloned().collect::<Vec<_>>().join(joiner)
    }
}

/// The top two levels are favourable on a scale of three or more (好 and 较好,
/// 满意 and 基本满意), the top one on a shorter scale.
fn favourable_levels(levels: usize) -> usize {
    if levels >= 3 {
        2
    } else {
        levels.min(1)
    }
}

fn row(item: String, counts: Vec<u32>, favourable_levels: usize) -> RatingRow {
    let votes: u32 = counts.iter().sum();
    let good: u32 = counts.iter().take(favourable_levels).sum();
    let favourable = (votes > 0).then(|| f64::from(good) * 100.0 / f64::from(votes));
    RatingRow { item, counts, votes, favourable }
}

/// One summary per scale among the tally's rating questions, in the order the
/// scales first appear; items keep their questionnaire numbers ("2. 领导班子总体评价").
pub fn summaries(tally: &Tally) -> Vec<RatingSummary> {
    let mut out: Vec<(Vec<String>, Vec<RatingRow>)> = Vec::new();
    for (i, q) in tally.questions.iter().enumerate() {
        if q.question.kind != QuestionType::Rating || q.options.is_empty() {
            continue;
        }
        let levels: Vec<String> = q.options.iter().map(|o| o.label.clone()).collect();
        let counts: Vec<u32> = q.options.iter().map(|o| o.count).collect();
        let item = row(format!("{}. {}", i + 1, q.question.text), counts, favourable_levels(levels.len()));
        match out.iter_mut().find(|(l, _)| *l == levels) {
            Some((_, rows)) => rows.push(item),
            None => out.push((levels, vec![item])),
        }
    }
    out.into_iter()
        .map(|(levels, rows)| {
            let favourable = favourable_levels(levels.len());
            let totals = (0..levels.len()).map(|l| rows.iter().map(|r| r.counts[l]).sum()).collect();
            RatingSummary {
                overall: row(String::new(), totals, favourable),
                levels,
                favourable_levels: favourable,
                rows,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::{IdSource, SequentialIds};
    use crate::questionnaire::{Level, Question};
    use crate::tally::{OptionTally, QuestionTally};

    fn rating(ids: &SequentialIds, text: &str, levels: &[&str], counts: &[u32]) -> QuestionTally {
        let mut question = Question::new(ids.next_id(), QuestionType::Rating, text);
        question.levels = levels.iter().map(|l| Level { label: (*l).to_owned(), weight: 0 }).collect();
        let options = levels
            .iter()
            .zip(counts)
            .map(|(l, c)| OptionTally { label: (*l).to_owned(), count: *c, percent: 0.0 })
            .collect();
        QuestionTally { question, answered: counts.iter().sum(), options, score: None, numbers: None, texts: vec![] }
    }

    fn tally(questions: Vec<QuestionTally>) -> Tally {
        Tally { handed_out: 0, returned: 0, return_rate: None, questions }
    }

    #[test]
    fn each_item_shows_its_votes_and_the_share_of_good_and_fairly_good_and_so_does_the_whole() {
        let ids = SequentialIds::default();
        let good = ["好", "较好", "一般", "差"];
        let mut single = Question::new(ids.next_id(), QuestionType::Single, "您的身份");
        single.options = vec!["干部".into()];
        let t = tally(vec![
            QuestionTally { question: single, answered: 3, options: vec![], score: None, numbers: None, texts: vec![] },
            rating(&ids, "领导班子总体评价", &good, &[30, 10, 8, 2]),
            rating(&ids, "选人用人情况", &good, &[20, 15, 10, 5]),
        ]);
        let s = summaries(&t);
        assert_eq!(s.len(), 1);
        let s = &s[0];
        assert_eq!(s.favourable_names("和"), "好和较好");
        assert_eq!(s.rows[0].item, "2. 领导班子总体评价", "numbered as in the questionnaire");
        assert_eq!(s.rows[0].votes, 50);
        assert_eq!(s.rows[0].favourable, Some(80.0));
        assert_eq!(s.rows[1].favourable, Some(70.0));
        assert_eq!(s.overall.counts, vec![50, 25, 18, 7]);
        assert_eq!(s.overall.votes, 100);
        assert_eq!(s.overall.favourable, Some(75.0));
    }

    #[test]
    fn two_scales_make_two_tables_and_an_item_without_votes_has_no_rate() {
        let ids = SequentialIds::default();
        let t = tally(vec![
            rating(&ids, "总体评价", &["好", "较好", "一般", "差"], &[0, 0, 0, 0]),
            rating(&ids, "是否满意", &["满意", "基本满意", "不满意", "不了解"], &[3, 1, 0, 0]),
            rating(&ids, "是否清正", &["是", "否"], &[4, 1]),
        ]);
        let s = summaries(&t);
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].rows[0].favourable, None);
        assert_eq!(s[0].overall.favourable, None);
        assert_eq!(s[1].favourable_names("和"), "满意和基本满意");
        assert_eq!(s[1].overall.favourable, Some(100.0));
        assert_eq!(s[2].favourable_levels, 1, "on a two-level scale only the better level");
        assert_eq!(s[2].rows[0].favourable, Some(80.0));
        assert!(summaries(&tally(vec![])).is_empty());
    }
}
