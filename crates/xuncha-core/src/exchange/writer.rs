//! Writing an exchange file in steps, so that a page can show progress and stay
//! responsive while tens of thousands of records are written out.
//!
//! The file is written in canonical form (keys sorted, no spaces), which is also
//! what the checksum is taken over: each step writes a batch of records once and
//! feeds the same text to a running SHA-256. The checksum member then goes in its
//! sorted place near the top. `ExchangeFile::to_json` runs one writer to the end.

use super::format::{push_canonical_key, write_canonical, ExchangeFile, FORMAT_ID};
use crate::record::{Body, Kind, KindVisitor, Records};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// The record lists in the order their keys sort, as the canonical form writes them.
fn kinds_sorted() -> Vec<Kind> {
    let mut kinds = Kind::ALL.to_vec();
    kinds.sort_by_key(|k| k.store_name());
    kinds
}

fn canonical<V: Serialize>(value: &V, out: &mut String) -> Result<(), serde_json::Error> {
    super::canonical::write_canonical_of(value, out)
}

#[derive(Debug)]
pub struct Writer<'a> {
    file: &'a ExchangeFile,
    /// `{"app_version":…,` — the checksum member goes right after it.
    first: String,
    /// The rest of the text, from `"exported_at"` on.
    rest: String,
    hasher: Sha256,
    kinds: Vec<Kind>,
    kind: usize,
    item: usize,
    opened: bool,
    done: usize,
    total: usize,
}

impl<'a> Writer<'a> {
    pub fn new(file: &'a ExchangeFile) -> Result<Writer<'a>, serde_json::Error> {
        let mut first = String::from("{");
        push_canonical_key("app_version", &mut first);
        first.push(':');
        canonical(&file.app_version, &mut first)?;
        first.push(',');
        let mut rest = String::new();
        let version = format!("{}.{}", file.format_version.0, file.format_version.1);
        let header: [(&str, Value); 4] = [
            ("exported_at", serde_json::to_value(file.exported_at)?),
            ("format", Value::String(FORMAT_ID.to_owned())),
            ("format_version", Value::String(version)),
            ("kind", serde_json::to_value(&file.kind)?),
        ];
        for (key, value) in header {
            push_canonical_key(key, &mut rest);
            rest.push(':');
            write_canonical(&value, &mut rest);
            rest.push(',');
        }
        push_canonical_key("records", &mut rest);
        rest.push_str(":{");
        let mut hasher = Sha256::new();
        hasher.update(first.as_bytes());
        hasher.update(rest.as_bytes());
        Ok(Writer {
            file,
            first,
            rest,
            hasher,
            kinds: kinds_sorted(),
            kind: 0,
            item: 0,
            opened: false,
            done: 0,
            total: file.records.len(),
        })
    }

    pub fn total(&self) -> usize {
        self.total
    }

    pub fn done(&self) -> usize {
        self.done
    }

    /// Writes up to `budget` records; true when every record is written.
    pub fn step(&mut self, budget: usize) -> Result<bool, serde_json::Error> {
        let mut left = budget.max(1);
        while self.kind < self.kinds.len() && left > 0 {
            let kind = self.kinds[self.kind];
            let start = self.rest.len();
            if !self.opened {
                if self.kind > 0 {
                    self.rest.push(',');
                }
                push_canonical_key(kind.store_name(), &mut self.rest);
                self.rest.push_str(":[");
                self.opened = true;
            }
            let r = &self.file.records;
            let count = r.count(kind);
            let end = (self.item + left).min(count);
            kind.visit(WriteItems { records: r, from: self.item, to: end, out: &mut self.rest })?;
            left -= end - self.item;
            self.done += end - self.item;
            self.item = end;
            if self.item >= count {
                self.rest.push(']');
                self.kind += 1;
                self.item = 0;
                self.opened = false;
            }
            self.hasher.update(&self.rest.as_bytes()[start..]);
        }
        Ok(self.kind >= self.kinds.len())
    }

    /// The whole text, with the checksum in its place.
    pub fn finish(mut self) -> Result<String, serde_json::Error> {
        while !self.step(usize::MAX)? {}
        let start = self.rest.len();
        self.rest.push_str("},");
        push_canonical_key("source", &mut self.rest);
        self.rest.push(':');
        canonical(&self.file.source, &mut self.rest)?;
        self.rest.push('}');
        self.hasher.update(&self.rest.as_bytes()[start..]);
        let mut text = String::with_capacity(self.first.len() + self.rest.len() + 90);
        text.push_str(&self.first);
        push_canonical_key("checksum", &mut text);
        text.push_str(":\"sha256:");
        for b in self.hasher.finalize() {
            let _ = write!(text, "{b:02x}");
        }
        text.push_str("\",");
        text.push_str(&self.rest);
        Ok(text)
    }
}

/// Writes records `from..to` of one kind's list, with the commas between them.
struct WriteItems<'a> {
    records: &'a Records,
    from: usize,
    to: usize,
    out: &'a mut String,
}

impl KindVisitor for WriteItems<'_> {
    type Out = Result<(), serde_json::Error>;
    fn visit<B: Body>(self) -> Self::Out {
        for (i, record) in B::list(self.records)[self.from..self.to].iter().enumerate() {
            if self.from + i > 0 {
                self.out.push(',');
            }
            canonical(record, self.out)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::Day;
    use crate::exchange::format::canonical_json;
    use crate::generate::generate;

    fn county() -> ExchangeFile {
        generate(0.01, 17, Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("a valid day")))
    }

    /// The file as one JSON value with its checksum, written the simple way.
    fn written_at_once(file: &ExchangeFile) -> String {
        let mut value = serde_json::json!({
            "format": FORMAT_ID,
            "format_version": format!("{}.{}", file.format_version.0, file.format_version.1),
            "app_version": file.app_version,
            "exported_at": file.exported_at,
            "source": file.source,
            "kind": file.kind,
            "records": file.records,
        });
        let digest = Sha256::digest(canonical_json(&value).as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        if let Value::Object(map) = &mut value {
            map.insert("checksum".into(), Value::String(format!("sha256:{hex}")));
        }
        canonical_json(&value)
    }

    #[test]
    fn writing_in_steps_of_any_size_gives_the_canonical_file_and_its_checksum() {
        let file = county();
        let want = written_at_once(&file);
        for budget in [1, 3, 250, usize::MAX] {
            let mut w = Writer::new(&file).unwrap_or_else(|e| panic!("{e}"));
            let mut seen = vec![w.done()];
            while !w.step(budget).unwrap_or_else(|e| panic!("{e}")) {
                seen.push(w.done());
            }
            assert_eq!(w.done(), w.total());
            assert!(seen.windows(2).all(|p| p[1] - p[0] <= budget && p[0] <= p[1]), "budget {budget}");
            assert_eq!(w.finish().unwrap_or_else(|e| panic!("{e}")), want, "budget {budget}");
        }
        assert_eq!(ExchangeFile::parse(want.as_bytes()), Ok(file));
    }

    #[test]
    fn an_empty_file_is_written_whole() {
        let mut file = county();
        file.records = Default::default();
        assert_eq!(file.to_json().unwrap_or_default(), written_at_once(&file));
        assert_eq!(ExchangeFile::parse(file.to_json().unwrap_or_default().as_bytes()), Ok(file));
    }
}
