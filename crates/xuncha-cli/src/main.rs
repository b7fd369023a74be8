//! `xuncha`: checks, merges, encrypts and decrypts exchange files with the same
//! core as the app, for the county's IT staff and for archiving. Every failure is
//! a message and an exit code, never a panic.

mod commands;
mod sheet;
mod stats;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use xuncha_core::i18n::Lang;

#[derive(Parser, Debug)]
#[command(name = "xuncha", version, about = "巡察台账数据交换文件工具 / xuncha exchange-file tool")]
struct Cli {
    /// Message language: zh (default) or en.
    #[arg(long, global = true, default_value = "zh")]
    lang: String,
    /// Read the passphrase from standard input instead of asking.
    #[arg(long, global = true)]
    passphrase_stdin: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate files and print a summary; exit 1 if any file is invalid.
    Check { files: Vec<PathBuf> },
    /// Merge files with the app's rules into one; exit 2 if there were conflicts.
    Merge {
        files: Vec<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Encrypt a file with a passphrase.
    Encrypt {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Make a realistic full backup of a made-up county for benchmarks and load tests;
    /// sealed with a passphrase when --passphrase-stdin is given.
    Gen {
        /// 1 is about 50,000 problems, 50,000 rectifications and 5,000 clues.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Count the statistics of a work summary from files (several count as one county).
    Stats {
        files: Vec<PathBuf>,
        /// The rounds that start in this year.
        #[arg(long)]
        year: Option<i32>,
        /// A term, by its name (十五届) or id.
        #[arg(long)]
        term: Option<String>,
        /// A round, by its id.
        #[arg(long)]
        round: Option<String>,
        /// With --to: the rounds that start between the two days (YYYY-MM-DD).
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// Only this township and its villages, by name.
        #[arg(long)]
        township: Option<String>,
        /// Only targets of this kind: its code (village) or name (村).
        #[arg(long)]
        kind: Option<String>,
        /// Every figure under its stable key (docs/statistics.md).
        #[arg(long)]
        json: bool,
        /// The day overdue items are counted on; today when left out.
        #[arg(long)]
        today: Option<String>,
    },
    /// Turn a ledger kept in Excel, WPS or CSV into an exchange file; exit 1 if rows were refused.
    FromSheet {
        /// The ledger: .xlsx, .xls, .ods or .csv.
        file: PathBuf,
        /// The sheet to read, by its name; the first with a ledger header when left out.
        #[arg(long)]
        sheet: Option<String>,
        /// A JSON file saying which field each column is: {"columns": ["round", null, "description", ...]}.
        #[arg(long)]
        mapping: Option<PathBuf>,
        /// The office's backup (or packages): units and rounds are matched against it by name.
        #[arg(long = "with")]
        with: Vec<PathBuf>,
        /// The round of every row, when the sheet names none (e.g. 十五届第三轮).
        #[arg(long)]
        round: Option<String>,
        /// The year of days written without one (3月5日).
        #[arg(long)]
        year: Option<i32>,
        /// The 三个聚焦 of rows that name none.
        #[arg(long)]
        focus: Option<String>,
        /// Also make the units, rounds and inspections the sheet names and the backup lacks
        /// (each noted as made from the ledger); without it such rows are refused.
        #[arg(long)]
        create_missing: bool,
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Decrypt an encrypted file.
    Decrypt {
        file: PathBuf,
        #[arg(short, long)]
        output: PathBuf,
    },
}

fn now() -> xuncha_core::meta::Timestamp {
    xuncha_core::meta::Timestamp::from_unix_millis(
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as f64).unwrap_or(0.0),
    )
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::from_code(&cli.lang);
    let mut out = std::io::stdout().lock();
    let mut err = std::io::stderr().lock();
    let io = commands::Io { lang, passphrase_stdin: cli.passphrase_stdin, out: &mut out, err: &mut err };
    let code = match cli.command {
        Command::Check { files } => commands::check(io, &files),
        Command::Merge { files, output } => commands::merge(io, &files, &output),
        Command::Encrypt { file, output } => commands::encrypt(io, &file, &output),
        Command::Decrypt { file, output } => commands::decrypt(io, &file, &output),
        Command::Gen { scale, seed, output } => commands::generate(io, scale, seed, &output),
        Command::FromSheet { file, sheet, mapping, with, round, year, focus, create_missing, output } => {
            let args =
                sheet::Args { file, sheet, mapping, with, round, year, focus, create_missing, output, now: now() };
            sheet::from_sheet(io, &args)
        }
        Command::Stats { files, year, term, round, from, to, township, kind, json, today } => {
            let now = now();
            let Some(day) = today.map_or(Some(now.local_date_day()), |t| t.parse().ok()) else {
                eprintln!("--today: YYYY-MM-DD");
                return ExitCode::from(commands::INVALID);
            };
            let choice = stats::Choice { year, term, round, from, to, township, kind, json };
            stats::stats(io, &files, &choice, day)
        }
    };
    ExitCode::from(code)
}
