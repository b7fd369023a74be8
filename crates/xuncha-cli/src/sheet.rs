//! `xuncha from-sheet`: an office's ledger kept in Excel, WPS or CSV turned into an
//! exchange file by the app's own reading rules, so IT staff can convert a cupboard of
//! old ledgers at once. Units and rounds are matched by name against the office's
//! backup given with `--with`; every refused row is printed with its reason.

use crate::commands::{name, open_all, read, Io, INVALID, OK, USAGE};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use xuncha_core::exchange::format::{ExchangeFile, FileKind, Source};
use xuncha_core::exchange::merge::merge_records;
use xuncha_core::i18n::{fill, Label, T};
use xuncha_core::id::Id;
use xuncha_core::intake::missing;
use xuncha_core::intake::{self, header, place::Rounds, values, Defaults, Mapping, RowOutcome};
use xuncha_core::meta::Timestamp;
use xuncha_core::record::{Kind, Records};
use xuncha_core::registry::AnyRecord;
use xuncha_core::target::TargetKind;

/// What the command line asks for.
#[derive(Debug)]
pub struct Args {
    pub file: PathBuf,
    pub sheet: Option<String>,
    pub mapping: Option<PathBuf>,
    pub with: Vec<PathBuf>,
    pub round: Option<String>,
    pub year: Option<i32>,
    pub focus: Option<String>,
    pub create_missing: bool,
    pub output: PathBuf,
    pub now: Timestamp,
}

/// The records the new ones refer to, from the office's files, so the output is
/// complete on its own: rounds, terms, units, their townships and the inspections.
fn with_references(new: &Records, stored: &Records) -> Records {
    let by_id: HashMap<(Kind, Id), AnyRecord> =
        stored.clone().into_any().map(|r| ((r.kind(), r.meta().id), r)).collect();
    let mut wanted: Vec<(Kind, Id)> = Vec::new();
    let places: HashSet<(Id, Id)> = new
        .problems
        .iter()
        .map(|p| (p.data.round, p.data.target))
        .chain(new.clues.iter().map(|c| (c.data.round, c.data.target)))
        .collect();
    for i in stored.inspections.iter().filter(|i| places.contains(&(i.data.round, i.data.target))) {
        wanted.push((Kind::Inspection, i.meta.id));
    }
    for r in new.clone().into_any() {
        wanted.extend(r.references().into_iter().map(|x| (x.kind, x.id)));
    }
    let mut out = new.clone();
    let mut seen: HashSet<(Kind, Id)> = new.clone().into_any().map(|r| (r.kind(), r.meta().id)).collect();
    while let Some(key) = wanted.pop() {
        if !seen.insert(key) {
            continue;
        }
        if let Some(r) = by_id.get(&key) {
            wanted.extend(r.references().into_iter().map(|x| (x.kind, x.id)));
            out.push(r.clone());
        }
    }
    out
}

fn mapping(io: &mut Io<'_>, path: Option<&Path>, head: &header::Header) -> Option<Mapping> {
    let Some(path) = path else { return Some(header::guess_for(head)) };
    let bytes = read(io, path)?;
    match serde_json::from_slice::<Mapping>(&bytes) {
        Ok(m) => Some(m),
        Err(_) => {
            let msg = fill(io.text(T::CliBadMapping), &[("file", &name(path))]);
            io.warn(&msg);
            None
        }
    }
}

/// Says what 补建 made: the counts, then each unit with its kind and each round by its title.
fn say_made(io: &mut Io<'_>, made: &Records, stored: &Records) {
    let line = fill(
        io.text(T::CliSheetMade),
        &[
            ("targets", &made.targets.len()),
            ("rounds", &made.rounds.len()),
            ("groups", &made.groups.len()),
            ("inspections", &made.inspections.len()),
        ],
    );
    io.say(&line);
    for t in &made.targets {
        let line = format!("  + {}（{}）", t.data.name, t.data.kind.label().text(io.lang));
        io.say(&line);
    }
    let rounds = Rounds::new(stored);
    for r in &made.rounds {
        let line = format!("  + {}", rounds.title(r.meta.id));
        io.say(&line);
    }
}

/// `xuncha from-sheet LEDGER --with BACKUP -o OUT`
pub fn from_sheet(mut io: Io<'_>, args: &Args) -> u8 {
    if args.with.is_empty() {
        let msg = io.text(T::CliSheetNeedsWith);
        io.warn(msg);
        return USAGE;
    }
    let Some(bytes) = read(&mut io, &args.file) else { return INVALID };
    let book = match intake::read(&bytes) {
        Ok(b) => b,
        Err(e) => {
            let msg = fill(io.text(T::CliInvalid), &[("file", &name(&args.file)), ("reason", &io.text(e.text()))]);
            io.warn(&msg);
            return INVALID;
        }
    };
    let grid = match &args.sheet {
        Some(wanted) => book.sheets.iter().find(|s| s.name == *wanted),
        None => book.sheets.iter().find(|s| header::find(s).is_some()).or(book.sheets.first()),
    };
    let Some(grid) = grid else {
        let names: Vec<&str> = book.sheets.iter().map(|s| s.name.as_str()).collect();
        let sheet = args.sheet.clone().unwrap_or_default();
        let msg = fill(io.text(T::IntakeNoSheet), &[("sheet", &sheet), ("sheets", &names.join("、"))]);
        io.warn(&msg);
        return INVALID;
    };
    let Some(head) = header::find(grid) else {
        let sheet = if grid.name.is_empty() { name(&args.file) } else { grid.name.clone() };
        let msg = fill(io.text(T::IntakeNoHeader), &[("sheet", &sheet)]);
        io.warn(&msg);
        return INVALID;
    };
    let Some(mapping) = mapping(&mut io, args.mapping.as_deref(), &head) else { return INVALID };
    for (c, heading) in head.names.iter().enumerate() {
        let field = mapping.columns.get(c).copied().flatten();
        let to = field.map_or(io.text(T::SheetLeftOut), |f| f.label().text(io.lang));
        let letters = intake::grid::column_letters(c);
        let line = fill(io.text(T::CliSheetColumn), &[("col", &letters), ("heading", heading), ("field", &to)]);
        io.say(&line);
    }
    let Some(files) = open_all(&mut io, &args.with) else { return INVALID };
    let (stored, _) = merge_records(&files.iter().map(|f| &f.records).collect::<Vec<_>>());
    let round = match &args.round {
        None => None,
        Some(words) => match Rounds::new(&stored).find(words, None) {
            Ok(id) => Some(id),
            Err(why) => {
                io.warn(&why.message(io.lang));
                return INVALID;
            }
        },
    };
    let focus = match &args.focus {
        None => None,
        Some(words) => match values::focus(words) {
            Some(f) => Some(f),
            None => {
                let msg = intake::Why::UnknownFocus(words.clone()).message(io.lang);
                io.warn(&msg);
                return INVALID;
            }
        },
    };
    let source = files[0].source.clone();
    let defaults = Defaults { round, year: args.year, focus, office: source.office_id, now: args.now, lang: io.lang };
    let mut conversion = intake::convert(grid, &head, &mapping, &stored, defaults.clone());
    let mut stored = stored;
    let mut made = Records::default();
    if args.create_missing {
        let file = name(&args.file);
        let plan = missing::plan(
            (grid, &head, &mapping),
            &stored,
            &defaults,
            &conversion.problems,
            TargetKind::CountyGovDept,
            &file,
        );
        for line in &plan.cannot {
            io.warn(line);
        }
        if !plan.is_empty() {
            for r in plan.records.clone().into_any() {
                stored.push(r);
            }
            say_made(&mut io, &plan.records, &stored);
            conversion = intake::convert(grid, &head, &mapping, &stored, defaults);
            made = plan.records;
        }
    }
    for problem in &conversion.problems {
        let line = problem.message(io.lang);
        io.say(&line);
    }
    let counts = [RowOutcome::Added, RowOutcome::Same, RowOutcome::Refused, RowOutcome::Updated, RowOutcome::Deleted]
        .map(|o| conversion.count(o));
    let line = fill(
        io.text(T::CliSheetCounts),
        &[("rows", &conversion.rows.len()), ("added", &counts[0]), ("same", &counts[1]), ("refused", &counts[2])],
    );
    io.say(&line);
    if counts[3] + counts[4] > 0 {
        let line = fill(io.text(T::CliSheetMore), &[("updated", &counts[3]), ("deleted", &counts[4])]);
        io.say(&line);
    }
    for line in intake::RowNote::grouped(&conversion.notes, io.lang) {
        io.say(&line);
    }
    if let Some(c) = mapping.column_of(xuncha_core::ledger::table::Col::Status) {
        let read = intake::values::status_reading(&header::column_words(grid, &head, c), io.lang);
        if !read.is_empty() {
            let line = fill(io.text(T::SheetStatusReading), &[("read", &read)]);
            io.say(&line);
        }
    }
    let left = header::left_out_with_data(grid, &head, &mapping);
    if !left.is_empty() {
        let line = fill(io.text(T::SheetLeftOutCols), &[("cols", &header::columns_named(&head, &left, io.lang))]);
        io.say(&line);
    }
    let mut new = conversion.records.clone();
    for r in made.into_any() {
        new.push(r);
    }
    let records = with_references(&new, &stored);
    let scope = fill(io.text(T::CliSheetScope), &[("file", &name(&args.file))]);
    let file = ExchangeFile::new(
        Source { office_id: source.office_id, office_name: source.office_name },
        args.now,
        FileKind::Package { scope },
        records,
    );
    let text = match file.to_json() {
        Ok(t) => t,
        Err(e) => {
            let msg = fill(io.text(T::CliCannotWrite), &[("file", &name(&args.output)), ("reason", &e)]);
            io.warn(&msg);
            return INVALID;
        }
    };
    if let Err(e) = std::fs::write(&args.output, text) {
        let msg = fill(io.text(T::CliCannotWrite), &[("file", &name(&args.output)), ("reason", &e)]);
        io.warn(&msg);
        return INVALID;
    }
    let msg = fill(io.text(T::CliSheetWritten), &[("out", &name(&args.output))]);
    io.say(&msg);
    if counts[2] > 0 {
        INVALID
    } else {
        OK
    }
}
