//! Every way a file is refused is said in the user's words: no word of the
//! program's own (Rust's, serde's, a library's) reaches the sentence.

use xuncha_core::exchange::format::ParseError as E;
use xuncha_core::i18n::Lang;
use xuncha_core::id::Id;
use xuncha_core::record::Kind;

#[test]
fn no_refusal_of_a_file_speaks_the_programs_own_words() {
    let id = Id::from_random_bytes([7; 16]);
    let every = [
        E::TooLarge { bytes: 500 * 1024 * 1024 },
        E::NotUtf8 { offset: 49 },
        E::Truncated,
        E::NotJson { line: 1, column: 1 },
        E::NotExchangeFile,
        E::NewerVersion { found: "9.0".into() },
        E::BadVersion { found: String::new() },
        E::ChecksumMissing,
        E::ChecksumMismatch,
        E::Schema {
            kind: Some(Kind::Target),
            index: 0,
            id: id.to_string(),
            path: "data.kind".into(),
            detail: "unknown variant `x`, expected one of `township`".into(),
        },
        E::DuplicateId { kind: Kind::Problem, id },
        E::DanglingReference { kind: Kind::Target, id, field: "township", missing: id },
        E::TooLong { kind: Kind::Problem, id, field: "description", max: 4000 },
        E::NeedsPassphrase,
        E::WrongPassphrase,
        E::Encryption("aead::Error".into()),
    ];
    // Words a clerk may meet: the names of file kinds and of this app.
    let allowed = ["JSON", "json", "Excel", "Word", "html", "xuncha", "MB", "SHA"];
    for e in every {
        let said = e.message(Lang::Zh);
        let foreign: Vec<&str> = said
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() > 1 && !allowed.contains(w))
            // An id is hex: it may hold runs of a–f.
            .filter(|w| !w.chars().all(|c| c.is_ascii_hexdigit()))
            .collect();
        assert!(foreign.is_empty(), "{said}: {foreign:?}");
    }
}
