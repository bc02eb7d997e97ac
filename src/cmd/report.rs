use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ihracat::db::Access;
use ihracat::report;

use super::choices::{Language, ReportFormat};
use ihracat::Result;

use super::Context;

/// Write the monthly provincial export release from the data, in Turkish or English.
///
/// The year-to-date national exports and their change, how many provinces passed 1 billion USD
/// and how many increased, the month's top five provinces and its five largest increases.
/// Figures are computed when the province panel is complete, else taken from what the
/// releases published, and the report says which, with sources. Without --year and --month it
/// reports the latest month in the data. --format html writes one self-contained page with the
/// charts of the top five, the largest increases and the map of the month (inline SVG).
///
/// Examples:
///   ihracat report --year 2025 --month 10
///   ihracat report --year 2025 --month 10 --lang en
///   ihracat report --year 2025 --month 10 --format json
///   ihracat report --year 2025 --month 10 --format markdown -o ekim-2025.md
///   ihracat report --year 2025 --month 10 --format html -o ekim-2025.html
///   ihracat report --year 2025 --month 10 --format xlsx -o ekim-2025.xlsx
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct ReportArgs {
    /// The year [default: the latest month in the data, with --month]
    #[arg(long, requires = "month")]
    year: Option<i32>,
    /// The month, 1 to 12 [default: the latest month in the data, with --year]
    #[arg(long, requires = "year", value_parser = clap::value_parser!(u32).range(1..=12))]
    month: Option<u32>,
    /// Province of activity (Ministry of Trade) or of registration (TİM)
    #[arg(long, default_value = "activity", value_parser = ["activity", "registered"])]
    basis: String,
    /// The language of the report: its words, numbers and months
    #[arg(long, value_enum, default_value = "tr")]
    pub(super) lang: Language,
    /// text (to read on a terminal), markdown, json (the facts with their sources), html or xlsx
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// Write to FILE instead of stdout
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the -o file if it exists
    #[arg(long)]
    overwrite: bool,
}

pub fn run(args: ReportArgs, context: &Context) -> Result<ExitCode> {
    let catalog = context.catalog()?;
    let db = context.open(Access::Analysis)?;
    let (year, month) = match (args.year, args.month) {
        (Some(y), Some(m)) => (y, m),
        _ => report::latest_month(&db.conn, &args.basis)?,
    };
    let facts = report::facts(&db.conn, &catalog, year, month, &args.basis)?;
    if facts.is_empty() {
        // Said in the report's language, as the report itself would have been.
        let basis = ihracat::codes::cell_text("basis", &args.basis, args.lang.into()).unwrap_or_else(|| args.basis.clone());
        return Err(ihracat::Error::msg(match args.lang {
            Language::Tr => format!(
                "{year}-{month:02} için {basis} esasında rakam yok: ayda hiçbir ilin değeri yok ve hiçbir bülten o ay için ulusal bir rakam vermedi (`ihracat run coverage` rakamı olan ayları listeler)"
            ),
            Language::En => format!(
                "no figures for {year}-{month:02} on the {basis} basis: no province has a value for the month and no release stated a national figure for it (`ihracat run coverage` lists the months there are)"
            ),
        }));
    }
    let bytes = match args.format {
        ReportFormat::Text => report::text(&facts, args.lang.into()).into_bytes(),
        ReportFormat::Markdown => report::markdown(&facts, args.lang.into()).into_bytes(),
        ReportFormat::Json => report::json(&facts)?.into_bytes(),
        ReportFormat::Html => report::html(&db.conn, &catalog, &facts, args.lang.into())?.into_bytes(),
        ReportFormat::Xlsx => report::xlsx(&db.conn, &catalog, &facts, args.lang.into())?,
    };
    ihracat::output::write_document(args.output.as_deref(), &bytes, args.overwrite, args.format == ReportFormat::Xlsx)?;
    Ok(ExitCode::SUCCESS)
}
