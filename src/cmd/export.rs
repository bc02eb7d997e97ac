use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ihracat::db::Access;
use ihracat::output::Format;

use super::choices;
use ihracat::{Error, Result, catalog};

use super::Context;

/// Export a named query's result or any SQL to Parquet, CSV, JSON or Excel files.
///
/// DuckDB's own writers do the work (ihracat's for Excel), streaming: memory does not grow with
/// the result. A workbook's headings are in the reader's language (--locale), and its second
/// sheet says where the figures come from. Rows
/// keep the order of the query's ORDER BY; without one, DuckDB writes them in whatever order
/// its threads finish (keeping the order would hold the result in memory).
/// --partition-by writes a Hive-partitioned folder (year=2025/month=10/data_0.parquet) that
/// pandas, polars, Spark and DuckDB read as one dataset. An existing target is replaced only
/// with --overwrite.
///
/// Examples:
///   ihracat export --sql "FROM exports" --to exports/ --partition-by year
///   ihracat export top_provinces -p year=2025 -p month=10 --to top.parquet
///   ihracat export --sql "FROM published_figures" --to published.csv
///   ihracat export top_provinces -p year=2025 -p month=10 --to top.xlsx
///   ihracat export top_provinces -p year=2025 -p month=10 --to top-en.xlsx --locale en
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct ExportArgs {
    /// A named query to export (or use --sql)
    #[arg(required_unless_present = "sql", conflicts_with = "sql")]
    name: Option<String>,
    /// A parameter of the named query as name=value; repeatable
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    /// The SQL whose result to export
    #[arg(long)]
    sql: Option<String>,
    /// The file, or with --partition-by the folder, to write
    #[arg(long, value_name = "PATH")]
    to: PathBuf,
    /// parquet, csv, json (one object a line) or xlsx [default: from --to's extension, else parquet]
    #[arg(long, value_parser = choices::format_parser())]
    format: Option<Format>,
    /// Columns to partition by, as COL[,COL]
    #[arg(long, value_delimiter = ',', value_name = "COLS")]
    partition_by: Vec<String>,
    /// Replace the target if it exists
    #[arg(long)]
    overwrite: bool,
    /// Parquet compression
    #[arg(long, value_enum, default_value = "zstd")]
    compression: choices::Compression,
    /// The language of a workbook's headings and words (Turkish unless en) and of the notes: en
    /// or tr [default: from IHRACAT_LOCALE]
    // `--lang` too, as chart and report spell a document's language.
    #[arg(long, alias = "lang", value_enum, env = "IHRACAT_LOCALE")]
    pub locale: Option<choices::Locale>,
}

pub fn run(args: ExportArgs, context: &Context) -> Result<ExitCode> {
    let extension = args.to.extension().map(|e| e.to_string_lossy().to_lowercase());
    let format = match args.format.or_else(|| Format::from_path(&args.to)) {
        // A name that says another format (top.xlsx) is refused before anything is written:
        // Parquet under an .xlsx name would open in nothing.
        // A name that says a format export does not write (top.txt is a table) is refused the same way.
        None | Some(Format::Table | Format::Markdown | Format::Tsv)
            if args.format.is_none() && args.partition_by.is_empty() && extension.is_some() =>
        {
            return Err(Error::msg(format!(
                "export cannot write `.{}` files ({}): it writes parquet, csv, json or xlsx; give --to a .parquet, .csv, .json or .xlsx name, or --format",
                extension.unwrap_or_default(),
                args.to.display()
            )));
        }
        None => Format::Parquet,
        Some(f @ (Format::Parquet | Format::Csv | Format::Ndjson | Format::Json | Format::Xlsx)) => f,
        Some(other) => return Err(Error::msg(format!("export writes parquet, csv, json or xlsx, not {}", other.name()))),
    };
    let catalog = context.catalog()?;
    // A named query reads the managed database alone (as `run` does); --sql is ad-hoc SQL and
    // may read the workspace too.
    let db = context.open(if args.name.is_some() { Access::Analysis } else { Access::Read })?;
    let options = ihracat::output::OutputOptions {
        format: Some(format),
        output: Some(args.to.clone()),
        overwrite: args.overwrite,
        compression: args.compression.into(),
        words: args.locale.map_or(ihracat::language::Language::Tr, Into::into),
        ..Default::default()
    };
    let assignments = args.params.iter().map(|p| catalog::parse_assignment(p)).collect::<Result<Vec<_>>>()?;
    let source = match (&args.name, &args.sql) {
        (Some(name), None) => ihracat::output::copy::Source::Named { query: catalog.get(name)?, args: &assignments },
        (None, Some(sql)) => ihracat::output::copy::Source::Sql(sql),
        _ => unreachable!("clap requires exactly one"),
    };
    let (rows, notices) = ihracat::output::copy::write_file(&db.conn, source, &options, &args.partition_by, context.protected_files())?;
    for notice in notices {
        context.messages.note(&notice.text(context.language));
    }
    context.messages.note(&ihracat::messages::message(&format!("wrote {} to {}", ihracat::language::counted(rows as u64, "row", "rows"), args.to.display()), context.language));
    Ok(ExitCode::SUCCESS)
}
