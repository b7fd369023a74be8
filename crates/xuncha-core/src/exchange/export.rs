//! Building export files from a store, and naming them so people can tell them apart.

use super::format::{ExchangeFile, FileKind, Records, Source, FORMAT_MAJOR, FORMAT_MINOR};
use crate::date::Day;
use crate::meta::Timestamp;
use crate::store::{Store, StoreError};

/// The app version written into every file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// Everything in the store, tombstones included, as one backup file.
pub async fn full_backup<S: Store>(store: &S, source: Source, now: Timestamp) -> Result<ExchangeFile, StoreError> {
    Ok(ExchangeFile {
        format_version: (FORMAT_MAJOR, FORMAT_MINOR),
        app_version: APP_VERSION.to_owned(),
        exported_at: now,
        source,
        kind: FileKind::Backup,
        records: Records {
            terms: store.all().await?,
            targets: store.all().await?,
            rounds: store.all().await?,
            groups: store.all().await?,
            inspections: store.all().await?,
        },
    })
}

/// Settings keys for the backup reminder.
pub const LAST_BACKUP_KEY: &str = "last_backup";
pub const REMINDER_DAYS_KEY: &str = "backup_reminder_days";
pub const DEFAULT_REMINDER_DAYS: u32 = 7;

/// Whether to remind the user to back up: never backed up, or longer ago than `days`.
/// A clock set back before the last backup does not silence the reminder forever.
pub fn backup_overdue(last: Option<Timestamp>, now: Timestamp, days: u32) -> bool {
    match last {
        None => true,
        Some(last) => {
            let age = now.0 - last.0;
            age > time::Duration::days(i64::from(days)) || age < -time::Duration::days(1)
        }
    }
}

/// The shortest passphrase accepted for an encrypted export.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Characters Windows does not allow in file names, and spaces.
fn file_name_part(s: &str) -> String {
    let cleaned: String =
        s.trim()
            .chars()
            .map(|c| {
                if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                    '_'
                } else {
                    c
                }
            })
            .filter(|c| !c.is_whitespace())
            .collect();
    if cleaned.is_empty() {
        "_".to_owned()
    } else {
        cleaned
    }
}

/// "巡察台账-完整备份-某某县委巡察办-2026-11-22.json"
pub fn backup_file_name(office_name: &str, day: Day) -> String {
    format!("巡察台账-完整备份-{}-{day}.json", file_name_part(office_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reminder_comes_after_the_chosen_number_of_days() {
        let day = |d: f64| Timestamp::from_unix_millis(1_795_000_000_000.0 + d * 86_400_000.0);
        assert!(backup_overdue(None, day(0.0), 7));
        assert!(!backup_overdue(Some(day(0.0)), day(6.9), 7));
        assert!(backup_overdue(Some(day(0.0)), day(7.1), 7));
        assert!(!backup_overdue(Some(day(0.0)), day(7.1), 30));
        assert!(backup_overdue(Some(day(10.0)), day(0.0), 7), "a backup dated in the future");
    }

    #[test]
    fn a_backup_file_name_says_what_whose_and_when_in_chinese() {
        let day = Day::from_ymd(2026, 11, 22).unwrap_or_else(|| panic!("valid day"));
        assert_eq!(backup_file_name("某某县委巡察办", day), "巡察台账-完整备份-某某县委巡察办-2026-11-22.json");
        assert_eq!(
            backup_file_name(" 城关镇/纪委: 办公室 ", day),
            "巡察台账-完整备份-城关镇_纪委_办公室-2026-11-22.json"
        );
        assert_eq!(backup_file_name("", day), "巡察台账-完整备份-_-2026-11-22.json");
    }
}
