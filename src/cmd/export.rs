use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ihracat::db::Access;
use ihracat::execution::{self, ExportTarget, FileFormat};
use ihracat::output::Format;

use super::choices;
use ihracat::{Error, Result, catalog};

use super::Context;

/// Export a named query's result or any SQL to Parquet, CSV or JSON files.
///
/// DuckDB's own writers do the work, streaming: memory does not grow with the result. Rows
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
    #[arg(long, value_enum)]
    format: Option<choices::Format>,
    /// Columns to partition by, as COL[,COL]
    #[arg(long, value_delimiter = ',', value_name = "COLS")]
    partition_by: Vec<String>,
    /// Replace the target if it exists
    #[arg(long)]
    overwrite: bool,
    /// Parquet compression
    #[arg(long, value_enum, default_value = "zstd")]
    compression: choices::Compression,
}

pub fn run(args: ExportArgs, context: &Context) -> Result<ExitCode> {
    let extension = args.to.extension().map(|e| e.to_string_lossy().to_lowercase());
    let format = match args.format.map(Format::from).or_else(|| Format::from_path(&args.to)) {
        // A name that says another format (top.xlsx) is refused before anything is written:
        // Parquet under an .xlsx name would open in nothing.
        None if args.partition_by.is_empty() && extension.is_some() => {
            return Err(Error::msg(format!(
                "export cannot write `.{}` files ({}): it writes parquet, csv, json or xlsx; give --to a .parquet, .csv, .json or .xlsx name, or --format",
                extension.unwrap_or_default(),
                args.to.display()
            )));
        }
        None => Format::Parquet,
        Some(f @ (Format::Parquet | Format::Csv | Format::Ndjson | Format::Json | Format::Xlsx)) => f,
        Some(other) => return Err(Error::msg(format!("export writes parquet, csv, json or xlsx, not {other:?}").to_lowercase())),
    };
    if format == Format::Xlsx && !args.partition_by.is_empty() {
        return Err(Error::msg("an Excel workbook is one file: --partition-by writes folders of parquet, csv or json"));
    }
    let catalog = context.catalog()?;
    let pivots = match &args.name {
        Some(name) => catalog.get(name)?.header.pivot.is_some(),
        None => false,
    };
    if pivots && !args.partition_by.is_empty() {
        return Err(Error::msg(format!(
            "`{}` is a wide table (a column per heading): it is one file; --partition-by splits long results such as `ihracat export --sql` over the exports table",
            args.name.as_deref().unwrap_or_default()
        )));
    }
    // A named query reads the managed database alone (as `run` does); --sql is ad-hoc SQL and
    // may read the workspace too.
    let db = context.open(if args.name.is_some() { Access::Analysis } else { Access::Read })?;
    if format == Format::Xlsx || pivots {
        // Excel, and a table the library reshapes, are written by the output layer, from the
        // same stream `run` writes.
        let mut options = ihracat::output::OutputOptions { format: Some(format), output: Some(args.to.clone()), overwrite: args.overwrite, compression: args.compression.into(), ..Default::default() };
        let rows = match (&args.name, &args.sql) {
            (Some(name), None) => {
                let query = catalog.get(name)?;
                let assignments = args.params.iter().map(|p| catalog::parse_assignment(p)).collect::<Result<Vec<_>>>()?;
                options.about = Some(ihracat::excel::About { query: query.name.clone(), summary: query.header.summary.clone(), parameters: execution::effective_args(query, &assignments) });
                let mut prepared = execution::prepare(&db.conn, query, &assignments)?;
                let result = execution::run(query, &mut prepared, &assignments)?;
                ihracat::output::write(result.stream, &options)?
            }
            (None, Some(sql)) => {
                catalog::ensure_one_select(&db.conn, sql).map_err(|reason| Error::msg(format!("--sql {reason}")))?;
                options.about = Some(ihracat::excel::About { query: "SQL".into(), summary: sql.clone(), parameters: Vec::new() });
                let mut stmt = db.conn.prepare(sql).map_err(|e| Error::Sql { context: "preparing --sql".into(), source: e })?;
                let stream = execution::ResultStream::from_statement(&mut stmt, Vec::new())?;
                let rows = ihracat::output::write(stream, &options)?;
                rows
            }
            _ => unreachable!("clap requires exactly one"),
        };
        context.messages.note(&format!("wrote {rows} rows to {}", args.to.display()));
        return Ok(ExitCode::SUCCESS);
    }
    let (sql, values) = match (&args.name, &args.sql) {
        (Some(name), None) => {
            let query = catalog.get(name)?;
            let assignments = args.params.iter().map(|p| catalog::parse_assignment(p)).collect::<Result<Vec<_>>>()?;
            let prepared = catalog::prepare(&db.conn, query, &assignments)?;
            (query.sql.clone(), prepared.values)
        }
        (None, Some(sql)) => {
            catalog::ensure_one_select(&db.conn, sql).map_err(|reason| Error::msg(format!("--sql {reason}")))?;
            (sql.clone(), Vec::new())
        }
        _ => unreachable!("clap requires exactly one"),
    };
    let file_format = match format {
        Format::Parquet => FileFormat::Parquet,
        Format::Csv => FileFormat::Csv,
        Format::Json => FileFormat::Json,
        _ => FileFormat::Ndjson,
    };
    let location = context.location();
    let protected = match &location {
        ihracat::db::Location::File(path) => [Some(path.clone()), location.workspace_path()].into_iter().flatten().collect(),
        ihracat::db::Location::Memory => Vec::new(),
    };
    let target = ExportTarget { path: &args.to, format: file_format, partition_by: &args.partition_by, compression: args.compression.into(), overwrite: args.overwrite, protected };
    let rows = execution::export(&db.conn, &sql, values, &target)?;
    context.messages.note(&format!("wrote {rows} rows to {}", args.to.display()));
    Ok(ExitCode::SUCCESS)
}
