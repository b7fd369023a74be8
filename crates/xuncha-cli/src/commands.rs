//! The commands, writing to the given streams so tests can read what they say.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;
use xuncha_core::exchange::consistency::Local;
use xuncha_core::exchange::crypto;
use xuncha_core::exchange::format::{ExchangeFile, FileKind, ParseError, Source, MAX_FILE_BYTES};
use xuncha_core::exchange::merge::merge_records;
use xuncha_core::i18n::{fill, Label, Lang, T};
use xuncha_core::id::Id;
use xuncha_core::meta::Timestamp;
use xuncha_core::record::{Body, Kind, KindVisitor, Records};

pub const OK: u8 = 0;
pub const INVALID: u8 = 1;
pub const CONFLICTS: u8 = 2;
/// A command given without what it needs, as command-line tools exit.
pub const USAGE: u8 = 2;

pub struct Io<'a> {
    pub lang: Lang,
    pub passphrase_stdin: bool,
    pub out: &'a mut dyn Write,
    pub err: &'a mut dyn Write,
}

impl Io<'_> {
    pub(crate) fn say(&mut self, line: &str) {
        // A closed stdout (e.g. piped into `head`) is not worth failing for.
        let _ = writeln!(self.out, "{line}");
    }

    pub(crate) fn warn(&mut self, line: &str) {
        let _ = writeln!(self.err, "{line}");
    }

    pub(crate) fn text(&self, key: T) -> &'static str {
        key.text(self.lang)
    }

    /// The passphrase, from stdin or asked without echo (twice when `confirm`).
    fn passphrase(&mut self, confirm: bool) -> Option<String> {
        if self.passphrase_stdin {
            let mut line = String::new();
            std::io::stdin().read_line(&mut line).ok()?;
            return Some(line.trim_end_matches(['\r', '\n']).to_owned());
        }
        let first = rpassword::prompt_password(self.text(T::CliPassphrase)).ok()?;
        if confirm {
            let again = rpassword::prompt_password(self.text(T::CliPassphraseAgain)).ok()?;
            if again != first {
                let msg = self.text(T::CliPassphraseMismatch);
                self.warn(msg);
                return None;
            }
        }
        Some(first)
    }
}

pub(crate) fn name(path: &Path) -> String {
    path.display().to_string()
}

pub(crate) fn read(io: &mut Io<'_>, path: &Path) -> Option<Vec<u8>> {
    // A file over the limit is refused from its length, before it is read into memory.
    if let Ok(meta) = std::fs::metadata(path) {
        let bytes = usize::try_from(meta.len()).unwrap_or(usize::MAX);
        if bytes > MAX_FILE_BYTES {
            let reason = ParseError::TooLarge { bytes }.message(io.lang);
            let msg = fill(io.text(T::CliInvalid), &[("file", &name(path)), ("reason", &reason)]);
            io.say(&msg);
            return None;
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            let msg = fill(io.text(T::CliCannotRead), &[("file", &name(path)), ("reason", &e)]);
            io.warn(&msg);
            None
        }
    }
}

fn write(io: &mut Io<'_>, path: &Path, text: &str) -> bool {
    match std::fs::write(path, text) {
        Ok(()) => true,
        Err(e) => {
            let msg = fill(io.text(T::CliCannotWrite), &[("file", &name(path)), ("reason", &e)]);
            io.warn(&msg);
            false
        }
    }
}

/// A refusal as the command line says it: each problem on a line of its own and,
/// for IT staff, the technical details (the two digests of a checksum mismatch).
pub(crate) fn refusal(lang: Lang, e: &ParseError) -> String {
    let mut text = String::new();
    for (i, line) in e.messages(lang).iter().enumerate() {
        if i > 0 {
            text.push_str("\n  ");
        }
        text.push_str(line);
    }
    if let Some(technical) = e.technical(lang) {
        text.push_str("\n  ");
        text.push_str(T::TechnicalDetails.text(lang));
        for line in technical.lines() {
            text.push_str("\n    ");
            text.push_str(line);
        }
    }
    text
}

/// Reads a file and opens it, asking for a passphrase only when it is encrypted;
/// each record checked on its own. `Err("")` when the file could not be read (said already).
fn parse(io: &mut Io<'_>, path: &Path) -> Result<ExchangeFile, String> {
    let bytes = read(io, path).ok_or_else(String::new)?;
    let passphrase = if crypto::is_encrypted(&bytes) { io.passphrase(false) } else { None };
    ExchangeFile::open(&bytes, passphrase.as_deref()).map_err(|e| refusal(io.lang, &e))
}

/// Opens a file and checks it as an import into an empty database would:
/// references must resolve within the file itself.
pub(crate) fn open(io: &mut Io<'_>, path: &Path) -> Result<ExchangeFile, String> {
    let file = parse(io, path)?;
    file.check_rules(&|_, _| false, &Local::default()).map_err(|e| refusal(io.lang, &e))?;
    Ok(file)
}

/// How many of one kind's records are deletions (tombstones).
struct Deletions<'a>(&'a Records);

impl KindVisitor for Deletions<'_> {
    type Out = usize;
    fn visit<B: Body>(self) -> usize {
        B::list(self.0).iter().filter(|r| r.meta.deleted).count()
    }
}

fn summary(io: &mut Io<'_>, path: &Path, file: &ExchangeFile) {
    let kind = match &file.kind {
        FileKind::Backup => io.text(T::KindBackup).to_owned(),
        FileKind::Package { scope } => fill(io.text(T::KindPackage), &[("scope", scope)]),
    };
    let version = format!("{}.{}", file.format_version.0, file.format_version.1);
    let line = fill(
        io.text(T::CliValid),
        &[
            ("file", &name(path)),
            ("version", &version),
            ("office", &file.source.office_name),
            ("when", &file.exported_at.display_local()),
            ("kind", &kind),
        ],
    );
    io.say(&line);
    let r = &file.records;
    let rows = Kind::ALL.map(|k| (k, r.count(k), k.visit(Deletions(r))));
    for (k, n, deleted) in rows {
        let line = fill(io.text(T::CliCounts), &[("kind", &k.label().text(io.lang)), ("n", &n), ("deleted", &deleted)]);
        io.say(&line);
        // What a kind's count hides: rounds that are not the county's, units assessed.
        let (within, n) = match k {
            Kind::Round => (T::CliUpperRounds, r.rounds.iter().filter(|x| !x.data.kind.is_county()).count()),
            Kind::Inspection => {
                (T::CliAssessments, r.inspections.iter().filter(|i| i.data.assessment.is_some()).count())
            }
            _ => continue,
        };
        if n > 0 {
            io.say(&fill(io.text(within), &[("n", &n)]));
        }
    }
}

/// `xuncha check FILE...`
pub fn check(mut io: Io<'_>, files: &[std::path::PathBuf]) -> u8 {
    if files.is_empty() {
        let msg = io.text(T::CliCheckUsage);
        io.warn(msg);
        return USAGE;
    }
    let opened: Vec<Result<ExchangeFile, String>> = files.iter().map(|path| parse(&mut io, path)).collect();
    // Files given together are checked as one import into an empty database: a
    // response file's questionnaire, or a package's targets, may be in another of them.
    let given = opened.iter().flatten();
    let ids: HashSet<(Kind, Id)> = given.clone().flat_map(ExchangeFile::ids).collect();
    let targets: Vec<_> = given.clone().flat_map(|f| f.records.targets.iter().cloned()).collect();
    let questionnaires: Vec<_> = given.flat_map(|f| f.records.questionnaires.iter().cloned()).collect();
    let local = Local { targets: &targets, questionnaires: &questionnaires };
    let mut code = OK;
    for (path, file) in files.iter().zip(opened) {
        let checked = file.and_then(|f| {
            f.check_rules(&|kind, id| ids.contains(&(kind, id)), &local).map_err(|e| refusal(io.lang, &e))?;
            Ok(f)
        });
        match checked {
            Ok(file) => summary(&mut io, path, &file),
            Err(reason) => {
                code = INVALID;
                if !reason.is_empty() {
                    let msg = fill(io.text(T::CliInvalid), &[("file", &name(path)), ("reason", &reason)]);
                    io.say(&msg);
                }
            }
        }
    }
    code
}

/// Every file opened and checked, or `None` after saying why one could not be.
pub(crate) fn open_all(io: &mut Io<'_>, files: &[std::path::PathBuf]) -> Option<Vec<ExchangeFile>> {
    let mut parsed = Vec::new();
    for path in files {
        match open(io, path) {
            Ok(f) => parsed.push(f),
            Err(reason) => {
                if !reason.is_empty() {
                    let msg = fill(io.text(T::CliInvalid), &[("file", &name(path)), ("reason", &reason)]);
                    io.warn(&msg);
                }
                return None;
            }
        }
    }
    Some(parsed)
}

/// `xuncha merge A B ... -o OUT`: the same merge rule as the app. Conflicts cannot
/// be decided here: the output keeps the first file's version, and every conflict
/// is reported so a person can settle it in the app.
pub fn merge(mut io: Io<'_>, files: &[std::path::PathBuf], output: &Path) -> u8 {
    let Some(parsed) = open_all(&mut io, files) else { return INVALID };
    let names: Vec<String> = files.iter().map(|p| name(p)).collect();
    let (records, conflicts) = merge_records(&parsed.iter().map(|f| &f.records).collect::<Vec<_>>());
    let conflict_lines: Vec<String> = conflicts
        .iter()
        .map(|c| {
            let others: Vec<&str> = c.others.iter().map(|i| names[*i].as_str()).collect();
            fill(
                io.text(T::CliConflict),
                &[
                    ("kind", &c.kept.kind().label().text(io.lang)),
                    ("title", &c.kept.title()),
                    ("id", &c.kept.meta().id),
                    ("file", &names[c.file]),
                    ("others", &others.join("、")),
                ],
            )
        })
        .collect();
    let exported_at = parsed.iter().map(|f| f.exported_at).max().unwrap_or(Timestamp::from_unix_millis(0.0));
    // The merged file is made by no office: it gets an id of its own, as an office would.
    let mut random = [0u8; 16];
    if getrandom::fill(&mut random).is_err() {
        let msg = io.text(T::CliNoRandomness);
        io.warn(msg);
        return INVALID;
    }
    let office_id = Id::from_random_bytes(random);
    let source = Source { office_id, office_name: format!("xuncha merge: {}", names.join(", ")) };
    let kind = FileKind::Package { scope: format!("merge of {}", names.join(", ")) };
    let merged = ExchangeFile::new(source, exported_at, kind, records);
    let text = match merged.to_json() {
        Ok(t) => t,
        Err(e) => {
            io.warn(&e.to_string());
            return INVALID;
        }
    };
    if !write(&mut io, output, &text) {
        return INVALID;
    }
    let msg =
        fill(io.text(T::CliMerged), &[("files", &files.len()), ("n", &merged.records.len()), ("out", &name(output))]);
    io.say(&msg);
    for line in &conflict_lines {
        io.say(line);
    }
    if conflict_lines.is_empty() {
        OK
    } else {
        let msg = fill(io.text(T::CliConflicts), &[("n", &conflict_lines.len())]);
        io.say(&msg);
        CONFLICTS
    }
}

fn random<const N: usize>() -> Option<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes)
}

/// `xuncha encrypt FILE -o OUT`: only a valid exchange file is encrypted.
pub fn encrypt(mut io: Io<'_>, path: &Path, output: &Path) -> u8 {
    let Some(bytes) = read(&mut io, path) else {
        return INVALID;
    };
    if let Err(e) = ExchangeFile::parse(&bytes) {
        let msg = fill(io.text(T::CliInvalid), &[("file", &name(path)), ("reason", &e.message(io.lang))]);
        io.warn(&msg);
        return INVALID;
    }
    let Some(passphrase) = io.passphrase(true) else {
        return INVALID;
    };
    let (Some(salt), Some(nonce)) = (random::<16>(), random::<12>()) else {
        return INVALID;
    };
    match crypto::encrypt(&bytes, &passphrase, salt, nonce) {
        Ok(text) if write(&mut io, output, &text) => {
            let msg = fill(io.text(T::CliEncrypted), &[("out", &name(output))]);
            io.say(&msg);
            OK
        }
        Ok(_) => INVALID,
        Err(e) => {
            let msg = ParseError::from(e).message(io.lang);
            io.warn(&msg);
            INVALID
        }
    }
}

/// `xuncha decrypt FILE -o OUT`
pub fn decrypt(mut io: Io<'_>, path: &Path, output: &Path) -> u8 {
    let Some(bytes) = read(&mut io, path) else {
        return INVALID;
    };
    if !crypto::is_encrypted(&bytes) {
        let msg = fill(io.text(T::CliNotEncrypted), &[("file", &name(path))]);
        io.warn(&msg);
        return INVALID;
    }
    let Some(passphrase) = io.passphrase(false) else {
        return INVALID;
    };
    match crypto::decrypt(&bytes, &passphrase) {
        Ok(plain) => {
            let text = String::from_utf8_lossy(&plain);
            if !write(&mut io, output, &text) {
                return INVALID;
            }
            let msg = fill(io.text(T::CliDecrypted), &[("out", &name(output))]);
            io.say(&msg);
            OK
        }
        Err(e) => {
            let msg = ParseError::from(e).message(io.lang);
            io.warn(&msg);
            INVALID
        }
    }
}

/// Writes a generated backup; the deadlines are placed around today.
pub fn generate(mut io: Io<'_>, scale: f64, seed: u64, output: &Path) -> u8 {
    if !(scale.is_finite() && scale > 0.0 && scale <= 20.0) {
        io.warn(&fill(io.text(T::CliBadScale), &[("scale", &scale)]));
        return 1;
    }
    let today = Timestamp(time::OffsetDateTime::now_utc()).local_date_day();
    let file = xuncha_core::generate::generate(scale, seed, today);
    let mut text = match file.to_json() {
        Ok(t) => t,
        Err(e) => {
            io.warn(&e.to_string());
            return 1;
        }
    };
    // With --passphrase-stdin the county comes sealed, as an office would send it.
    if io.passphrase_stdin {
        let Some(passphrase) = io.passphrase(false) else { return INVALID };
        let (Some(salt), Some(nonce)) = (random::<16>(), random::<12>()) else { return INVALID };
        text = match crypto::encrypt(text.as_bytes(), &passphrase, salt, nonce) {
            Ok(sealed) => sealed,
            Err(e) => {
                let msg = ParseError::from(e).message(io.lang);
                io.warn(&msg);
                return INVALID;
            }
        };
    }
    if !write(&mut io, output, &text) {
        return 1;
    }
    let n = xuncha_core::generate::counts(&file);
    let line = fill(
        io.text(T::CliGenerated),
        &[
            ("file", &name(output)),
            ("problems", &n.problems),
            ("rectifications", &n.rectifications),
            ("clues", &n.clues),
            ("targets", &n.targets),
            ("rounds", &n.rounds),
            ("questionnaires", &n.questionnaires),
            ("responses", &n.responses),
        ],
    );
    io.say(&line);
    0
}
