//! The conflict table: where two versions of a record differ, field by field, in
//! the words of the forms. Every kind names and reads its own fields (`Model`), so
//! a status shows as 整改中, an id as the unit's name and a step log as its steps.

use crate::i18n::{Lang, T};
use crate::id::Id;
use crate::record::{leaves, plain, AnyRecord, Body, Field, Kind, KindVisitor};
use serde_json::Value;

/// One field that differs between the two sides of a conflict, as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldDiff {
    pub path: String,
    pub local: Value,
    pub incoming: Value,
}

/// One line of the conflict table, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictRow {
    pub path: String,
    pub label: String,
    pub local: String,
    pub incoming: String,
}

/// The fields (content and the deleted flag) in which two versions differ.
pub fn field_diff(local: &AnyRecord, incoming: &AnyRecord) -> Vec<FieldDiff> {
    let mut left = leaves(&local.data_json());
    let mut right = leaves(&incoming.data_json());
    left.push(("deleted".into(), Value::Bool(local.meta().deleted)));
    right.push(("deleted".into(), Value::Bool(incoming.meta().deleted)));
    let mut paths: Vec<&String> = left.iter().chain(right.iter()).map(|(p, _)| p).collect();
    paths.sort();
    paths.dedup();
    let get = |side: &[(String, Value)], p: &str| {
        side.iter().find(|(q, _)| q == p).map(|(_, v)| v.clone()).unwrap_or(Value::Null)
    };
    paths
        .into_iter()
        .filter_map(|p| {
            let (l, r) = (get(&left, p), get(&right, p));
            (l != r).then(|| FieldDiff { path: p.clone(), local: l, incoming: r })
        })
        .collect()
}

/// How a field of `kind` is named and read; the deleted flag belongs to every kind.
pub fn field_of(kind: Kind, path: &str) -> Option<Field> {
    struct Of<'a>(&'a str);
    impl KindVisitor for Of<'_> {
        type Out = Option<Field>;
        fn visit<B: Body>(self) -> Option<Field> {
            B::field(self.0)
        }
    }
    if path == "deleted" {
        return Some(Field::flag(T::FieldDeleted));
    }
    kind.visit(Of(path))
}

/// The conflict table of two versions of one record. A field this version of the
/// app does not know (from a newer one) shows under its stored name.
pub fn conflict_rows(
    local: &AnyRecord,
    incoming: &AnyRecord,
    lang: Lang,
    name_of: &dyn Fn(Kind, Id) -> Option<String>,
) -> Vec<ConflictRow> {
    let kind = local.kind();
    field_diff(local, incoming)
        .into_iter()
        .map(|d| {
            let (label, local, incoming) = match field_of(kind, &d.path) {
                Some(f) => {
                    (f.label.text(lang).to_owned(), f.show(&d.local, lang, name_of), f.show(&d.incoming, lang, name_of))
                }
                None => (d.path.clone(), plain(&d.local), plain(&d.incoming)),
            };
            ConflictRow { path: d.path, label, local, incoming }
        })
        .collect()
}

/// What an update changes, in one line for an import's preview: "整改状态：整改中 →
/// 已销号；整改时限：2026-08-31 → 2026-10-31". A log (办理记录, checks) is named,
/// not spelt out; long values are cut, an empty one is "—".
pub fn change_line(
    local: &AnyRecord,
    incoming: &AnyRecord,
    lang: Lang,
    name_of: &dyn Fn(Kind, Id) -> Option<String>,
) -> String {
    const LONG: usize = 30;
    let cut = |v: String| {
        if v.is_empty() {
            "—".to_owned()
        } else if v.chars().count() > LONG {
            format!("{}…", v.chars().take(LONG).collect::<String>())
        } else {
            v
        }
    };
    let mut logs: Vec<String> = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    for row in conflict_rows(local, incoming, lang, name_of) {
        let top = row.path.split('.').next().unwrap_or_default();
        if matches!(top, "history" | "checks") {
            if !logs.contains(&row.label) {
                logs.push(row.label);
            }
            continue;
        }
        let colon = if lang == Lang::Zh { "：" } else { ": " };
        parts.push(format!("{}{colon}{} → {}", row.label, cut(row.local), cut(row.incoming)));
    }
    parts.extend(logs);
    parts.join(if lang == Lang::Zh { "；" } else { "; " })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meta::{Meta, Timestamp};
    use crate::record::Record;
    use crate::term::Term;
    use crate::testing::{office, term_with};

    fn label(kind: Kind, path: &str) -> Option<T> {
        field_of(kind, path).map(|f| f.label)
    }

    fn show(kind: Kind, path: &str, value: Value, lang: Lang, name_of: &dyn Fn(Kind, Id) -> Option<String>) -> String {
        field_of(kind, path).map(|f| f.show(&value, lang, name_of)).unwrap_or_default()
    }

    #[test]
    fn field_paths_read_as_form_labels() {
        assert_eq!(label(Kind::Term, "name"), Some(T::FieldName));
        assert_eq!(label(Kind::Inspection, "milestones.feedback").map(|t| t.text(Lang::Zh)), Some("反馈"));
        assert_eq!(label(Kind::Inspection, "activities.talks").map(|t| t.text(Lang::Zh)), Some("个别谈话（人次）"));
        assert_eq!(label(Kind::Inspection, "milestones.nonsense"), None);
        assert_eq!(label(Kind::Term, "future_field"), None);
    }

    #[test]
    fn conflict_values_read_as_labels_and_names() {
        let town = office(5);
        let name_of = |kind: Kind, id: Id| (kind == Kind::Target && id == town).then(|| "城关镇".to_owned());
        let s = |v: &str| Value::String(v.to_owned());
        assert_eq!(show(Kind::Target, "kind", s("village"), Lang::Zh, &name_of), "村");
        assert_eq!(show(Kind::Round, "kind", s("look_back"), Lang::Zh, &name_of), "巡察“回头看”");
        assert_eq!(show(Kind::Target, "status", s("merged"), Lang::Zh, &name_of), "已撤并");
        assert_eq!(show(Kind::Target, "org_form", s("branch"), Lang::En, &name_of), "Branch");
        assert_eq!(show(Kind::Target, "deleted", Value::Bool(true), Lang::Zh, &name_of), "是");
        assert_eq!(show(Kind::Target, "township", s(&town.to_string()), Lang::Zh, &name_of), "城关镇");
        let unknown = office(6).to_string();
        assert_eq!(show(Kind::Target, "township", s(&unknown), Lang::Zh, &name_of), unknown);
        assert_eq!(show(Kind::Target, "name", s("village"), Lang::Zh, &name_of), "village", "free text stays as typed");
        assert_eq!(show(Kind::Rectification, "status", s("in_progress"), Lang::Zh, &name_of), "整改中");
    }

    #[test]
    fn differing_fields_are_listed_side_by_side() {
        let mut a = term_with(&[(1, 1)], "十五届");
        let b = term_with(&[(2, 1)], "第十五届");
        a.meta.deleted = true;
        let diff = field_diff(&Term::into_any(a.clone()), &Term::into_any(b.clone()));
        let paths: Vec<&str> = diff.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(paths, vec!["deleted", "name"]);
        assert_eq!(diff[1].local, Value::String("十五届".into()));
        assert_eq!(diff[1].incoming, Value::String("第十五届".into()));
        let rows = conflict_rows(&Term::into_any(a), &Term::into_any(b), Lang::Zh, &|_, _| None);
        assert_eq!(rows[0].label, "已删除");
        assert_eq!((rows[0].local.as_str(), rows[0].incoming.as_str()), ("是", "否"));
        assert_eq!((rows[1].local.as_str(), rows[1].incoming.as_str()), ("十五届", "第十五届"));
    }

    #[test]
    fn an_update_reads_as_one_line_of_what_changes() {
        use crate::rectification::{Rectification, Step, StepInput};
        let day = |s: &str| s.parse::<crate::date::Day>().unwrap_or_else(|e| panic!("{e}"));
        let mut rect = Rectification::new(office(3), day("2026-08-31"));
        rect.measures = "清理盘活存量资金".into();
        let before = crate::record::Record { meta: term_with(&[(1, 1)], "").meta, data: rect.clone() };
        let mut after = before.clone();
        let _ = after.data.apply(StepInput::new(Step::Start, day("2026-09-01")));
        after.data.measures = "清理盘活存量资金并建立台账".into();
        let line =
            change_line(&Rectification::into_any(before), &Rectification::into_any(after), Lang::Zh, &|_, _| None);
        assert_eq!(
            line,
            "整改措施：清理盘活存量资金 → 清理盘活存量资金并建立台账；整改状态：未整改 → 整改中；办理记录"
        );
    }

    /// One record of `kind` from a generated county, with every optional field it
    /// can carry filled in by the generator.
    fn sample(kind: Kind) -> AnyRecord {
        let day = crate::date::Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a valid day"));
        let file = crate::generate::generate(0.02, 5, day);
        let mut all: Vec<AnyRecord> = file.records.into_any().filter(|r| r.kind() == kind).collect();
        // The record with the most content says the most about the kind's fields.
        all.sort_by_key(|r| std::cmp::Reverse(r.data_json().to_string().len()));
        all.into_iter().next().unwrap_or_else(|| made_by_hand(kind, file.source.office_id, day))
    }

    /// The kinds the generator does not make, filled in by hand.
    fn made_by_hand(kind: Kind, office: Id, day: crate::date::Day) -> AnyRecord {
        use crate::response::{OptionCount, PaperBatch};
        let meta = Meta::new(office, office, Timestamp::from_unix_millis(0.0));
        match kind {
            Kind::Recommendation => {
                let mut letter = crate::recommendation::Recommendation::new(office);
                letter.addressee = "县教育局".into();
                letter.problems = vec![office];
                letter.sent_on = Some(day);
                crate::recommendation::Recommendation::into_any(Record { meta, data: letter })
            }
            Kind::PaperBatch => {
                let counts = vec![OptionCount { question: office, option: 1, count: 7 }];
                let batch = PaperBatch { questionnaire: office, target: Some(office), day, forms: 9, counts };
                PaperBatch::into_any(Record { meta, data: batch })
            }
            other => panic!("the generator makes no {other:?} records"),
        }
    }

    /// Every field of a generated record of `kind` has a label, and no value reads
    /// as a code or as raw JSON.
    fn every_field_reads_in_words(kind: Kind) {
        let record = sample(kind);
        let mut leaves = leaves(&record.data_json());
        leaves.push(("deleted".into(), Value::Bool(record.meta().deleted)));
        let name_of = |_: Kind, _: Id| Some("某单位".to_owned());
        for (path, value) in leaves {
            let field = field_of(kind, &path).unwrap_or_else(|| panic!("{kind:?}.{path} has no label"));
            let text = field.show(&value, Lang::Zh, &name_of);
            assert!(!text.contains('{') && !text.contains('"'), "{kind:?}.{path} reads as JSON: {text}");
            if let (crate::record::Show::Choice(_), Value::String(code)) = (field.show, &value) {
                assert_ne!(&text, code, "{kind:?}.{path} shows its code");
            }
            if let crate::record::Show::Ref(_) | crate::record::Show::Refs(_) = field.show {
                assert!(text.is_empty() || text.contains("某单位"), "{kind:?}.{path} shows an id: {text}");
            }
        }
    }

    #[test]
    fn records_without_a_name_are_titled_by_what_they_refer_to() {
        let name_of = |kind: Kind, _: Id| Some(format!("某{}", kind.store_name()));
        for kind in [Kind::Round, Kind::Inspection, Kind::Response] {
            let record = sample(kind);
            let title = record.title_in(Lang::Zh, &name_of);
            assert!(!title.contains(&record.meta().id.to_string()), "{kind:?} is titled by its id");
        }
        assert!(sample(Kind::Round).title_in(Lang::Zh, &name_of).starts_with("某terms"));
        assert!(sample(Kind::Inspection).title_in(Lang::Zh, &name_of).contains("某targets（某rounds）"));
        let term = Term::into_any(term_with(&[(1, 1)], "十五届"));
        assert_eq!(term.title_in(Lang::Zh, &name_of), "十五届", "a record with a name keeps it");
    }

    macro_rules! a_test_per_kind {
        ($($kind:ident => $ty:ty, $list:ident, $store:ident, $label:ident;)*) => {
            $(mod $list {
                #[test]
                fn every_field_has_a_label_and_reads_in_words() {
                    super::every_field_reads_in_words(crate::Kind::$kind);
                }
            })*
        };
    }
    crate::for_each_kind!(a_test_per_kind);
}
