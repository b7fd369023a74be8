//! Which round and which unit a row means, by the names a ledger writes: "第三轮",
//! "十五届县委第三轮巡察", "县财政局党组", "城关镇东关村". A name that fits none, or
//! more than one, is refused: nothing is made up or guessed between two.

use super::refusal::Why;
use super::values::{round_ordinal, small_number, squeeze};
use crate::date::Day;
use crate::i18n::Lang;
use crate::id::Id;
use crate::record::{Record, Records};
use crate::round::Round;
use crate::target::{Target, TargetKind};

/// The party-organisation words ledgers add to a unit's name.
const PARTY_SUFFIXES: [&str; 7] = ["机关党委", "党工委", "党总支", "党支部", "党组", "党委", "总支"];

/// A unit's name without the party organisation's words: "县财政局党组" → "县财政局".
pub fn unit_name(name: &str) -> String {
    let mut n = squeeze(name);
    if let Some(rest) = n.strip_prefix("中共") {
        n = rest.to_owned();
    }
    for suffix in PARTY_SUFFIXES {
        if let Some(rest) = n.strip_suffix(suffix) {
            if !rest.is_empty() {
                return rest.to_owned();
            }
        }
    }
    n
}

/// A unit's name to keep, as written but for the party organisation's words:
/// "县发改局（县粮食和物资储备局）党组" → "县发改局（县粮食和物资储备局）".
pub fn written_unit_name(name: &str) -> String {
    let n = name.trim();
    let n = n.strip_prefix("中共").unwrap_or(n).trim();
    PARTY_SUFFIXES
        .iter()
        .find_map(|suffix| n.strip_suffix(suffix).map(str::trim).filter(|rest| !rest.is_empty()))
        .unwrap_or(n)
        .to_owned()
}

/// Finds units by name, with the township that tells villages apart.
#[derive(Debug)]
pub struct Units<'a> {
    /// Each live unit with its name as matched (`unit_name`), worked out once.
    targets: Vec<(&'a Record<Target>, String)>,
}

impl<'a> Units<'a> {
    pub fn new(records: &'a Records) -> Units<'a> {
        Units {
            targets: records.targets.iter().filter(|t| t.is_live()).map(|t| (t, unit_name(&t.data.name))).collect(),
        }
    }

    fn name_of(&self, id: Id) -> Option<&str> {
        self.targets.iter().find(|(t, _)| t.meta.id == id).map(|(_, n)| n.as_str())
    }

    /// The one unit `name` means; `township` is the 乡镇 column's words, if any.
    pub fn find(&self, name: &str, township: &str) -> Result<Id, Why> {
        let wanted = unit_name(name);
        let town = unit_name(township);
        let in_town = |t: &Record<Target>| {
            town.is_empty() || t.data.township.and_then(|id| self.name_of(id)).is_some_and(|n| n == town)
        };
        let same: Vec<Id> =
            self.targets.iter().filter(|(t, n)| *n == wanted && in_town(t)).map(|(t, _)| t.meta.id).collect();
        match same.as_slice() {
            [one] => return Ok(*one),
            [_, _, ..] => return Err(Why::AmbiguousTarget(name.trim().to_owned())),
            [] => {}
        }
        // "城关镇东关村": a township's name, then a village or community under it.
        let towns = self.targets.iter().filter(|(t, _)| t.data.kind == TargetKind::Township);
        let mut found = Vec::new();
        for (t, tn) in towns {
            if let Some(rest) = wanted.strip_prefix(tn.as_str()).filter(|r| !r.is_empty()) {
                found.extend(
                    self.targets
                        .iter()
                        .filter(|(v, vn)| v.data.township == Some(t.meta.id) && vn == rest)
                        .map(|(v, _)| v.meta.id),
                );
            }
        }
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(Why::UnknownTarget(name.trim().to_owned())),
            _ => Err(Why::AmbiguousTarget(name.trim().to_owned())),
        }
    }
}

/// Finds rounds by the words a ledger names them with.
#[derive(Debug)]
pub struct Rounds<'a> {
    records: &'a Records,
}

impl<'a> Rounds<'a> {
    pub fn new(records: &'a Records) -> Rounds<'a> {
        Rounds { records }
    }

    fn term_name(&self, term: Id) -> String {
        self.records.terms.iter().find(|t| t.meta.id == term).map(|t| t.data.name.clone()).unwrap_or_default()
    }

    /// How people write the round: "十五届县委第三轮巡察".
    pub fn title(&self, round: Id) -> String {
        self.records
            .rounds
            .iter()
            .find(|r| r.meta.id == round)
            .map(|r| r.data.title(&self.term_name(r.data.term), Lang::Zh))
            .unwrap_or_default()
    }

    pub fn get(&self, round: Id) -> Option<&'a Record<Round>> {
        self.records.rounds.iter().find(|r| r.is_live() && r.meta.id == round)
    }

    /// The one round `text` names. A row's day chooses between rounds of the same
    /// number in different terms.
    pub fn find(&self, text: &str, day: Option<Day>) -> Result<Id, Why> {
        let words = squeeze(text);
        let live = || self.records.rounds.iter().filter(|r| r.is_live());
        // A round fed back from above is named by its title or by its group alone.
        let titled: Vec<Id> = live()
            .filter(|r| {
                squeeze(&r.data.title(&self.term_name(r.data.term), Lang::Zh)) == words
                    || (!r.data.kind.is_county() && squeeze(&r.data.topic) == words)
            })
            .map(|r| r.meta.id)
            .collect();
        if let [one] = titled.as_slice() {
            return Ok(*one);
        }
        let ordinal = round_ordinal(&words)
            .or_else(|| small_number(words.trim_end_matches('轮')))
            .ok_or_else(|| Why::UnknownRound(text.trim().to_owned()))?;
        let named_term = |r: &&Record<Round>| {
            let term = squeeze(&self.term_name(r.data.term));
            !term.is_empty() && words.contains(&term)
        };
        let mut candidates: Vec<&Record<Round>> =
            live().filter(|r| r.data.ordinal == ordinal && r.data.kind.is_county()).collect();
        if candidates.iter().any(named_term) {
            candidates.retain(|r| named_term(r));
        }
        if candidates.len() > 1 {
            if let Some(day) = day {
                let term_has = |r: &Record<Round>| {
                    self.records.terms.iter().any(|t| t.meta.id == r.data.term && t.data.contains_year(day.year()))
                };
                candidates.retain(|r| term_has(r) && r.data.start.is_none_or(|s| s <= day));
            }
        }
        match candidates.as_slice() {
            [one] => Ok(one.meta.id),
            [] => Err(Why::UnknownRound(text.trim().to_owned())),
            _ => Err(Why::AmbiguousRound(text.trim().to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::rec as stored;

    #[test]
    fn a_unit_is_known_with_or_without_its_party_words() {
        assert_eq!(unit_name("县财政局党组"), "县财政局");
        assert_eq!(unit_name("中共城关镇委员会"), "城关镇委员会");
        assert_eq!(unit_name("城关镇党委"), "城关镇");
        assert_eq!(unit_name(" 东关村党支部 "), "东关村");
        assert_eq!(unit_name("党委"), "党委");
        assert_eq!(written_unit_name("县发改局（县粮食和物资储备局）党组"), "县发改局（县粮食和物资储备局）");
    }

    #[test]
    fn villages_of_the_same_name_are_told_apart_by_their_township() {
        let mut records = Records::default();
        let a = stored(1, Target::new("城关镇", TargetKind::Township, None));
        let b = stored(2, Target::new("河口乡", TargetKind::Township, None));
        let va = stored(3, Target::new("新村", TargetKind::Village, Some(a.meta.id)));
        let vb = stored(4, Target::new("新村", TargetKind::Village, Some(b.meta.id)));
        let bureau = stored(5, Target::new("县财政局", TargetKind::CountyGovDept, None));
        let ids = (va.meta.id, vb.meta.id, bureau.meta.id);
        records.targets = vec![a, b, va, vb, bureau];
        let units = Units::new(&records);
        assert_eq!(units.find("县财政局党组", ""), Ok(ids.2));
        assert_eq!(units.find("新村", ""), Err(Why::AmbiguousTarget("新村".into())));
        assert_eq!(units.find("新村", "河口乡"), Ok(ids.1));
        assert_eq!(units.find("城关镇新村", ""), Ok(ids.0));
        assert_eq!(units.find("县审计局", ""), Err(Why::UnknownTarget("县审计局".into())));
    }
}
