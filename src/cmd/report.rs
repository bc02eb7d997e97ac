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
///   ihracat report --month 2025-10
///   ihracat report --year 2025 --month 10 --lang en
///   ihracat report --year 2025 --month 10 --format json
///   ihracat report --year 2025 --month 10 --format markdown -o ekim-2025.md
///   ihracat report --year 2025 --month 10 --format html -o ekim-2025.html
///   ihracat report --year 2025 --month 10 --format xlsx -o ekim-2025.xlsx
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct ReportArgs {
    /// The year [default: the latest month in the data, with --month]
    #[arg(long, requires = "month", value_parser = clap::value_parser!(i32).range(2000..=2100))]
    year: Option<i32>,
    /// The month, 1 to 12 with --year, or with its year: 2025-10 [default: the latest month in the data]
    #[arg(long, value_parser = month_arg)]
    month: Option<MonthArg>,
    /// Province of activity (Ministry of Trade) or of registration (TİM)
    #[arg(long, default_value = "activity", value_parser = ["activity", "registered"])]
    basis: String,
    /// The language of the report: its words, numbers and months
    // `--locale` too, as the commands that write tables and workbooks spell it.
    #[arg(long, alias = "locale", value_enum, default_value = "tr")]
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
        (Some(y), Some(MonthArg::Month(m))) => (y, m),
        (given, Some(MonthArg::YearMonth(y, m))) if given.is_none_or(|given| given == y) => (y, m),
        (Some(given), Some(MonthArg::YearMonth(y, m))) => {
            return Ok(usage_error(context, &format!("--year {given} and --month {y}-{m:02} name different years: give one of them")));
        }
        (None, Some(MonthArg::Month(m))) => {
            return Ok(usage_error(context, &format!("--month {m} needs --year, or the month with its year, such as --month 2025-{m:02}")));
        }
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

/// `--month`: a month of the year given with `--year`, or a month with its year, as the web
/// application's addresses write it (`/report/latest?month=2025-07`).
#[derive(Clone, Copy, Debug, PartialEq)]
enum MonthArg {
    Month(u32),
    YearMonth(i32, u32),
}

fn month_arg(text: &str) -> std::result::Result<MonthArg, String> {
    const HOW: &str = "a month is 1 to 12, or a year and month such as 2025-10";
    let number = |digits: &str, max: usize| (1..=max).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit());
    let month = |digits: &str| match digits.parse::<u32>() {
        Ok(m @ 1..=12) if number(digits, 2) => Ok(m),
        _ => Err(HOW.to_string()),
    };
    let text = text.trim();
    if !text.contains('-') {
        return month(text).map(MonthArg::Month);
    }
    match ihracat::catalog::params::year_and_month(text) {
        Some((year @ 2000..=2100, m)) => Ok(MonthArg::YearMonth(year as i32, m)),
        Some(_) => Err("the year must be 2000 to 2100".to_string()),
        None => Err(HOW.to_string()),
    }
}

/// A combination of arguments clap cannot check (`--month 10` without `--year`), refused as
/// clap refuses a usage error: in the reader's language, exit code 2.
fn usage_error(context: &Context, english: &str) -> ExitCode {
    context.messages.error(&ihracat::messages::message(english, context.language));
    ExitCode::from(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_a_number_or_a_year_and_month() {
        assert_eq!(month_arg("10"), Ok(MonthArg::Month(10)));
        assert_eq!(month_arg("07"), Ok(MonthArg::Month(7)));
        assert_eq!(month_arg("2024-01"), Ok(MonthArg::YearMonth(2024, 1)));
        assert_eq!(month_arg("2025-7"), Ok(MonthArg::YearMonth(2025, 7)));
        for bad in ["0", "13", "2024-13", "2024-00", "24-01", "2024-", "-3", "ekim", "2024-01-15", "1999-12", "+5"] {
            assert!(month_arg(bad).is_err(), "{bad}");
        }
    }
}
