//! Letters from the office: the 问题线索移交函 that sends a round's clues to the
//! discipline commission or the organisation department (persons named only when
//! the user asks), and the 巡察建议书 to a sector's department about the problems
//! its units share.

use super::draft::long_day;
use super::{party_org, Document, Para, Style};
use crate::clue::{Clue, Recipient};
use crate::i18n::{fill, Label, Lang, T};
use crate::ops::Snapshot;
use crate::recommendation::Recommendation;
use crate::record::Record;

fn round_title(snapshot: &Snapshot, round: crate::id::Id, lang: Lang) -> String {
    snapshot.round(round).map(|r| snapshot.round_title(r, lang)).unwrap_or_default()
}

fn org_of(snapshot: &Snapshot, target: crate::id::Id, lang: Lang) -> String {
    snapshot.target(target).map(|t| party_org(&t.data, lang)).unwrap_or_default()
}

fn day_or_blank(day: Option<crate::date::Day>, lang: Lang) -> String {
    day.map(|d| long_day(d, lang)).unwrap_or_else(|| T::DocDateBlank.text(lang).to_owned())
}

/// Who a clue goes to, as a letter addresses it.
fn recipient(clue: &Clue, lang: Lang) -> String {
    match clue.recipient {
        Recipient::Other if !clue.recipient_other.trim().is_empty() => clue.recipient_other.trim().to_owned(),
        r => r.label().text(lang).to_owned(),
    }
}

/// The 移交函 of the transfer `clue` is part of: every live clue of its round sent to
/// the same recipient on the same day, in the order entered. `names` puts the
/// persons' names in (they are sensitive: only when the user asks).
pub fn transfer(snapshot: &Snapshot, clue: &Record<Clue>, names: bool, lang: Lang) -> Document {
    let c = &clue.data;
    let to = recipient(c, lang);
    let mut batch: Vec<&Record<Clue>> = snapshot
        .clues
        .iter()
        .filter(|x| {
            x.is_live()
                && x.data.round == c.round
                && x.data.transferred_on == c.transferred_on
                && recipient(&x.data, lang) == to
        })
        .collect();
    // The store gives records in the order of their ids; a letter lists them as entered.
    batch.sort_by_key(|x| (x.meta.created_at, x.meta.id));
    let round = round_title(snapshot, c.round, lang);
    let (cadres, others): (u32, u32) =
        batch.iter().fold((0, 0), |(a, b), x| (a.saturating_add(x.data.cadres), b.saturating_add(x.data.others)));
    // Only the persons counted: no "其他人员0人".
    let persons = |cadres: u32, others: u32, frame: T| {
        let parts: Vec<String> = [(T::TransferCadres, cadres), (T::TransferOthers, others)]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(key, n)| fill(key.text(lang), &[("n", &n)]))
            .collect();
        let joined = parts.join(if lang == Lang::Zh { "、" } else { " and " });
        if joined.is_empty() {
            String::new()
        } else {
            fill(frame.text(lang), &[("persons", &joined)])
        }
    };
    let mut paras = vec![
        Para::new(Style::Title, fill(T::TransferTitle.text(lang), &[("round", &round)])),
        Para::new(Style::Addressee, fill(T::DocAddressee.text(lang), &[("to", &to)])),
        Para::new(
            Style::Body,
            fill(
                T::TransferIntro.text(lang),
                &[
                    ("round", &round),
                    ("n", &batch.len()),
                    ("persons", &persons(cadres, others, T::TransferPersonsIntro)),
                ],
            ),
        ),
    ];
    for (k, x) in batch.iter().enumerate() {
        let mut line = fill(
            T::TransferItem.text(lang),
            &[
                ("k", &(k + 1)),
                ("org", &org_of(snapshot, x.data.target, lang)),
                ("summary", &x.data.summary.trim().trim_end_matches(['。', '.'])),
                ("persons", &persons(x.data.cadres, x.data.others, T::TransferPersonsItem)),
            ],
        );
        if names && !x.data.names.trim().is_empty() {
            line.push_str(&fill(T::TransferNames.text(lang), &[("names", &x.data.names.trim())]));
        }
        paras.push(Para::new(Style::Body, line));
    }
    paras.push(Para::new(Style::Body, T::TransferRequest.text(lang)));
    paras.push(Para::new(Style::Closing, T::DocOfficeSigned.text(lang)));
    paras.push(Para::new(Style::Closing, day_or_blank(c.transferred_on, lang)));
    Document { name: fill(T::TransferFileName.text(lang), &[("to", &to), ("round", &round)]), paras }
}

/// The 巡察建议书 of a letter: its problems, with the units they were found at, and
/// what the department is asked to do.
pub fn recommendation(snapshot: &Snapshot, letter: &Record<Recommendation>, lang: Lang) -> Document {
    let l = &letter.data;
    let round = round_title(snapshot, l.round, lang);
    let problems: Vec<_> =
        l.problems.iter().filter_map(|id| snapshot.problems.iter().find(|p| p.meta.id == *id && p.is_live())).collect();
    let mut units: Vec<String> = Vec::new();
    for p in &problems {
        let name = snapshot.target(p.data.target).map(|t| t.data.name.clone()).unwrap_or_default();
        if !units.contains(&name) {
            units.push(name);
        }
    }
    let sector =
        if l.sector.trim().is_empty() { T::LetterNoSector.text(lang).to_owned() } else { l.sector.trim().to_owned() };
    let mut paras = vec![
        Para::new(Style::Title, fill(T::LetterTitle.text(lang), &[("sector", &sector)])),
        Para::new(Style::Addressee, fill(T::DocAddressee.text(lang), &[("to", &l.addressee.trim())])),
        Para::new(
            Style::Body,
            fill(
                match units.len() {
                    0 => T::LetterIntroNone,
                    1 => T::LetterIntroOne,
                    _ => T::LetterIntro,
                }
                .text(lang),
                &[
                    ("round", &round),
                    ("units", &units.join(T::ListJoiner.text(lang))),
                    ("n", &units.len()),
                    ("sector", &sector),
                ],
            ),
        ),
        Para::new(Style::Heading1, T::LetterProblemsHeading.text(lang)),
    ];
    for (k, p) in problems.iter().enumerate() {
        let unit = snapshot.target(p.data.target).map(|t| t.data.name.clone()).unwrap_or_default();
        let mark = super::feedback::item_mark(lang);
        paras.push(Para::new(Style::Body, format!("{}{mark}{}（{unit}）", k + 1, p.data.description.trim())));
    }
    paras.push(Para::new(Style::Heading1, T::LetterAdviceHeading.text(lang)));
    paras.push(Para::new(Style::Body, T::LetterAdvice.text(lang)));
    paras.push(Para::new(Style::Heading1, T::LetterRequirementsHeading.text(lang)));
    paras.push(Para::new(Style::Body, T::LetterRequirements.text(lang)));
    paras.push(Para::new(Style::Closing, T::DocOfficeSigned.text(lang)));
    paras.push(Para::new(Style::Closing, day_or_blank(l.sent_on, lang)));
    Document { name: fill(T::LetterFileName.text(lang), &[("to", &l.addressee.trim()), ("round", &round)]), paras }
}
