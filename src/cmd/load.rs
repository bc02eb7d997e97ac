use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ihracat::db::Access;
use ihracat::load::{self, LoadOptions};
use ihracat::messages;
use ihracat::db::ResultStream;
use ihracat::output;
use ihracat::{Error, Result};

use super::choices::{Encoding, InputFormat, LayoutChoice, Locale, Numbers, Unit};
use super::{Context, OutputArgs};

/// Load province export tables into the database: CSV or TSV, Excel, Parquet, JSON.
///
/// A table with country or product columns (ülke, fasıl, GTİP…) is detail: it goes to the
/// detail table, by province, month, country and product, with --complete when the file is the
/// whole table for its province-months.
///
/// Long tables (province, year, month, value; or a period column such as 2025-10) and the wide
/// tables official releases print (a province column and a column per month such as "Ekim
/// 2025", with title rows, a TOPLAM row and columns such as "Değişim (%)" that are not data)
/// are recognised. Numbers in Turkish (4.859.123,45) or English (4,859,123.45) format; "-" or
/// an empty cell is missing, not zero. A file is loaded whole or not at all: every problem is
/// listed by line, column and value, and nothing changes. Loading the same file again changes
/// nothing; a file whose values differ from an earlier load needs --replace. Bundled release
/// figures are replaced without it, and the summary says how many.
///
/// Examples:
///   ihracat load ekim-2025-faaliyet-illeri.xlsx --basis activity
///   ihracat load exports_2024.csv exports_2025.parquet --basis activity
///   ihracat load tim-il-bazinda.csv --basis registered --unit thousand-usd --dry-run
///   ihracat load iller.txt --input-format tsv --basis activity --format json
///   ihracat load ekim-2025.xlsx --basis activity --locale tr
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct LoadArgs {
    /// The files to load, loaded together: all of them or none
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// activity (Ministry of Trade, province of activity) or registered (TİM); required unless the file has a basis column
    #[arg(long, value_parser = ["activity", "registered"])]
    basis: Option<String>,
    /// The unit of the values [default: as the file's title or header says, else usd]
    #[arg(long, value_enum)]
    unit: Option<Unit>,
    /// How the numbers are written, for a file whose cells cannot tell (340,732 in a table of
    /// thousands) [default: from the cells, column by column]
    #[arg(long, value_enum)]
    numbers: Option<Numbers>,
    /// The file's format [default: from the extension]
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// How to print the summary (or, on a rejected load, the problems): text or json
    #[arg(long, value_enum, default_value = "text")]
    format: SummaryFormat,
    /// The table's layout [default: detected from the header]
    #[arg(long, value_enum)]
    layout: Option<LayoutChoice>,
    /// The year of a table whose month headings name no year (OCAK, ŞUBAT …) [default: the one
    /// year its title states]
    #[arg(long, value_parser = clap::value_parser!(i32).range(1990..=2100))]
    year: Option<i32>,
    /// The Excel sheet [default: the first with data]
    #[arg(long)]
    sheet: Option<String>,
    /// The text encoding [default: UTF-8, or Windows-1254 when the file is not UTF-8]
    #[arg(long, value_enum)]
    encoding: Option<Encoding>,
    /// Replace values that an earlier load stored for the same province-months
    #[arg(long)]
    replace: bool,
    /// Check and summarise without writing anything
    #[arg(long)]
    dry_run: bool,
    /// The file is the whole table by country and product for its province-months (detail only)
    #[arg(long)]
    complete: bool,
    /// How many problems to list before stopping
    #[arg(long, default_value_t = 20, value_name = "N")]
    max_errors: usize,
    /// The language of the summary, notes and problems: en or tr [default: from IHRACAT_LOCALE or LANG]
    #[arg(long, alias = "lang", value_enum, env = "IHRACAT_LOCALE")]
    pub locale: Option<Locale>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SummaryFormat {
    Text,
    Json,
}

pub fn run(args: LoadArgs, context: &Context) -> Result<ExitCode> {
    let db = ihracat::trace::timed("opening the database", || context.open(Access::Write))?;
    let options = LoadOptions {
        basis: args.basis,
        unit: args.unit.map(Into::into),
        format: args.input_format.map(Into::into),
        layout: args.layout.map(Into::into),
        year: args.year,
        sheet: args.sheet,
        encoding: args.encoding.map(Into::into),
        replace: args.replace,
        dry_run: args.dry_run,
        max_errors: args.max_errors.max(1),
        complete: args.complete,
        numbers: args.numbers.map(Into::into),
        temp_dir: context.global.temp_dir.clone(),
    };
    for (i, file) in args.files.iter().enumerate() {
        let spinner = context.messages.stderr_is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new_spinner().with_message(format!("loading {}", file.display()));
            bar.enable_steady_tick(std::time::Duration::from_millis(120));
            bar
        });
        let result = load::load(&db.conn, file, &options);
        if let Some(bar) = spinner {
            bar.finish_and_clear();
        }
        let summary = match result {
            Ok(summary) => summary,
            Err(e) if args.format == SummaryFormat::Json => {
                // The located problems as a list for programs; any other failure as one.
                let (problems, more) = match &e {
                    Error::Rejected { problems, stopped_at, .. } => (problems.clone(), stopped_at.is_some()),
                    other => (vec![other.to_string()], false),
                };
                let value = serde_json::json!({
                    "file": file.display().to_string(),
                    "loaded": false,
                    "files_loaded_before": i,
                    "problems": problems,
                    "more_problems": more,
                });
                println!("{value}");
                return Ok(ExitCode::from(1));
            }
            Err(e) if i > 0 => return Err(Error::LoadStopped { loaded: i, error: Box::new(e) }),
            Err(e) => return Err(e),
        };
        match args.format {
            SummaryFormat::Text => println!("{}", summary.describe(context.language)),
            SummaryFormat::Json => println!("{}", serde_json::to_string(&summary).map_err(|e| Error::msg(e.to_string()))?),
        }
        for note in &summary.notes {
            context.messages.note(&format!("{}: {}", file.display(), messages::message(note, context.language)));
        }
        for warning in &summary.warnings {
            context.messages.warn(&format!("{}: {}", file.display(), messages::message(warning, context.language)));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// List the loads: what each file added and replaced, or what one load replaced.
///
/// With an id, every province-month that load replaced, beside the value it loaded and how far
/// apart the two are.
///
/// Examples:
///   ihracat loads
///   ihracat loads 3
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct LoadsArgs {
    /// A load's id: list the rows it replaced (published, derived or an earlier load's)
    id: Option<i64>,
    #[command(flatten)]
    pub(super) output: OutputArgs,
}

pub fn list(args: LoadsArgs, context: &Context) -> Result<ExitCode> {
    let db = context.open(Access::Read)?;
    match args.id {
        None => {
            let mut stmt = ihracat::db::introspect::loads(&db.conn)?;
            output::write(ResultStream::from_statement(&mut stmt, Vec::new())?, &args.output.options())?;
        }
        Some(id) => {
            let mut stmt = ihracat::db::introspect::replaced(&db.conn, id)?;
            output::write(ResultStream::from_statement(&mut stmt, vec![duckdb::types::Value::BigInt(id)])?, &args.output.options())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Undo a load: remove the rows it added and put back the rows it replaced.
///
/// Example:
///   ihracat unload 3
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct UnloadArgs {
    /// The load's id (see `ihracat loads`)
    id: i64,
    /// The language of what it says: en or tr [default: from IHRACAT_LOCALE or LANG]
    #[arg(long, alias = "lang", value_enum, env = "IHRACAT_LOCALE")]
    pub locale: Option<Locale>,
}

pub fn unload(args: UnloadArgs, context: &Context) -> Result<ExitCode> {
    let db = context.open(Access::Write)?;
    let (removed, restored) = load::unload(&db.conn, args.id)?;
    let counted = ihracat::language::counted;
    let (removed, restored) = (counted(removed, "row removed", "rows removed"), counted(restored, "replaced row restored", "replaced rows restored"));
    println!("{}", messages::message(&format!("unloaded load {}: {removed}, {restored}", args.id), context.language));
    Ok(ExitCode::SUCCESS)
}
