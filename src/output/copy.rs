//! Writing a result to a file: the one path from a query to a file, for `run -o` and `export`.
//! Parquet, CSV and JSON of a query's own rows go through DuckDB's `COPY` (streamed, flat
//! memory, Hive partitions); everything else through this layer's writers.

use std::path::{Path, PathBuf};

use arrow::datatypes::DataType;
use duckdb::Connection;

use super::{Compression, Format, OutputFile, OutputOptions};
use crate::catalog::{self, Arg, Query};
use crate::db::ResultStream;
use crate::error::{Context, Error, Result};
use crate::execution::{Notice, effective_args, prepare, run};

/// What a result written to a file comes from: a named query with its arguments, or one SELECT
/// of ad-hoc SQL (checked to be one, never pasted into another statement).
pub enum Source<'q> {
    Named { query: &'q Query, args: &'q [(String, Arg)] },
    Sql(&'q str),
}

/// Writes a result to a file: the one path from a query to a file, for `run -o` and `export`.
/// Parquet, CSV and JSON go through DuckDB's own writers (`COPY`, streamed, flat memory);
/// Excel, and a result the library reshapes (a pivoted table) or converts (`--decimals float`),
/// through the output layer from the same stream `run` prints. `options.output` is the target;
/// `partition_by` writes a Hive-partitioned folder. Returns the rows written and the notices a
/// reader needs.
pub fn write_file(conn: &Connection, source: Source<'_>, options: &OutputOptions, partition_by: &[String], protected: Vec<PathBuf>) -> Result<(usize, Vec<Notice>)> {
    let path = options.output.as_deref().ok_or_else(|| Error::msg("no file to write to"))?;
    let format = options.resolved_format()?;
    let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    if path.exists() && protected.iter().any(|p| canonical(p) == canonical(path)) {
        return Err(Error::msg(format!("{} is ihracat's database: a result is never written over it", path.display())));
    }
    let reshaped = matches!(source, Source::Named { query, .. } if query.header.pivot.is_some());
    if !partition_by.is_empty() {
        if format == Format::Xlsx {
            return Err(Error::msg("an Excel workbook is one file: --partition-by writes folders of parquet, csv or json"));
        }
        if let Source::Named { query, .. } = &source {
            if reshaped {
                return Err(Error::msg(format!(
                    "`{}` is a wide table (a column per heading): it is one file; --partition-by splits long results such as `ihracat export --sql` over the exports table",
                    query.name
                )));
            }
        }
    }
    if let Source::Sql(sql) = &source {
        catalog::ensure_one_select(conn, sql).map_err(|reason| Error::msg(format!("--sql {reason}")))?;
    }
    let duckdb_format = match source {
        Source::Named { query, .. } => duckdb_file_format(query, options)?,
        Source::Sql(_) if options.decimals_as_float => None,
        Source::Sql(_) => file_format_of(format),
    };
    let Some(file_format) = duckdb_format else {
        let mut options = options.clone();
        return match source {
            Source::Named { query, args } => {
                options.about.get_or_insert_with(|| super::excel::About {
                    query: query.name.clone(),
                    summary: query.header.title_in(options.words).to_string(),
                    parameters: effective_args(query, args),
                    notices: Vec::new(),
                });
                crate::execution::with_result(conn, query, args, |result| {
                    let notices: Vec<Notice> = result.panel_notice.clone().into_iter().collect();
                    let empty = result.empty_notice.clone();
                    // The workbook says on its source sheet what the notices say on stderr.
                    let words = options.words;
                    if let Some(about) = options.about.as_mut() {
                        about.notices = notices.iter().map(|n| n.text(words)).collect();
                    }
                    let rows = super::write(result.stream, &options)? as usize;
                    Ok((rows, notices.into_iter().chain(empty.filter(|_| rows == 0)).collect()))
                })
            }
            Source::Sql(sql) => {
                options.about.get_or_insert_with(|| super::excel::About { query: "SQL".into(), summary: sql.to_string(), parameters: Vec::new(), notices: Vec::new() });
                let mut stmt = conn.prepare(sql).map_err(|e| Error::Sql { context: "preparing --sql".into(), source: e })?;
                let stream = ResultStream::from_statement(&mut stmt, Vec::new())?;
                Ok((super::write(stream, &options)? as usize, Vec::new()))
            }
        };
    };
    let target = ExportTarget { path, format: file_format, partition_by, compression: options.compression, overwrite: options.overwrite };
    match source {
        Source::Named { query, args } => write_named(conn, query, args, &target),
        Source::Sql(sql) => Ok((export(conn, sql, Vec::new(), &target)?, Vec::new())),
    }
}

fn file_format_of(format: Format) -> Option<FileFormat> {
    match format {
        Format::Parquet => Some(FileFormat::Parquet),
        Format::Csv => Some(FileFormat::Csv),
        Format::Json => Some(FileFormat::Json),
        Format::Ndjson => Some(FileFormat::Ndjson),
        _ => None,
    }
}

/// Writes a named query's result to a file with DuckDB's own writers, the way `export` does (one
/// writer per file format), and returns the rows written with the notices a reader needs. A query
/// that returns a `panel` column has its first batch read first for the panel notice (the
/// analyses that carry one return a few dozen rows).
fn write_named(conn: &Connection, query: &Query, args: &[(String, Arg)], target: &ExportTarget) -> Result<(usize, Vec<Notice>)> {
    let mut notices = Vec::new();
    let values = {
        // The statement and its result are dropped before COPY runs: DuckDB serves one result a
        // connection at a time.
        let mut prepared = prepare(conn, query, args)?;
        let values = prepared.values.clone();
        if query.header.returns.iter().any(|(name, _)| name == "panel") {
            notices.extend(run(query, &mut prepared, args)?.panel_notice);
        }
        values
    };
    let rows = export(conn, &query.sql, values, target)?;
    if rows == 0 {
        notices.extend(Notice::empty_of(query));
    }
    Ok((rows, notices))
}

/// The DuckDB writer for a named query's output file, if one writes it: Parquet, CSV and JSON
/// are DuckDB's, streamed with `COPY`; tables, Markdown, TSV, Arrow IPC and Excel files are
/// written by the output layer, and so is every result the library reshapes or converts on its
/// way (a pivoted table, `--decimals float`), since `COPY` would write the query's own rows.
fn duckdb_file_format(query: &Query, options: &OutputOptions) -> Result<Option<FileFormat>> {
    if options.decimals_as_float || query.header.pivot.is_some() {
        return Ok(None);
    }
    Ok(file_format_of(options.resolved_format()?))
}

/// A file format DuckDB's own writers produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FileFormat {
    Parquet,
    Csv,
    /// One JSON array.
    Json,
    /// One JSON object a line.
    Ndjson,
}

/// Where and how `export` writes.
struct ExportTarget<'a> {
    pub path: &'a Path,
    pub format: FileFormat,
    /// Columns of a Hive-partitioned folder (year=2025/month=10/…); empty for one file.
    pub partition_by: &'a [String],
    pub compression: Compression,
    pub overwrite: bool,
}

/// Writes a query's result with DuckDB's own writers (`COPY … TO`), streaming: memory stays flat
/// however large the result. `sql` is one SELECT (a named query's text, or ad-hoc SQL checked to
/// be one), its parameters bound, never pasted. The file is staged beside the target and moved
/// into place when complete; an existing target is replaced only with `overwrite` (never the
/// database: `write_file` checks that first), and a folder only when it holds nothing but what a
/// partitioned export writes. Returns the number of rows written.
fn export(conn: &Connection, sql: &str, values: Vec<duckdb::types::Value>, target: &ExportTarget) -> Result<usize> {
    let path = target.path;
    if path.is_dir() {
        // One file cannot replace a folder: "add --overwrite" would only lead to this refusal.
        if target.partition_by.is_empty() {
            return Err(Error::msg(format!("{} is a folder, not a file", path.display())));
        }
        if !target.overwrite {
            return Err(Error::msg(format!("{} exists; add --overwrite to replace it", path.display())));
        }
        ensure_partitioned_export(path)?;
    }
    let mut options = vec![match target.format {
        FileFormat::Parquet => "FORMAT parquet".to_string(),
        FileFormat::Csv => "FORMAT csv, HEADER true".to_string(),
        FileFormat::Json => "FORMAT json, ARRAY true".to_string(),
        FileFormat::Ndjson => "FORMAT json".to_string(),
    }];
    if target.format == FileFormat::Parquet {
        // DuckDB's own row groups (122,880 rows): its writer works on them in parallel, and a
        // million-row group made the export half again as slow for 1 % smaller files.
        options.push(format!("COMPRESSION {}", match target.compression {
            Compression::Zstd => "zstd",
            Compression::Snappy => "snappy",
            Compression::Uncompressed => "uncompressed",
        }));
    }
    if !target.partition_by.is_empty() {
        let columns = target.partition_by.iter().map(|c| format!("\"{}\"", c.replace('"', "\"\""))).collect::<Vec<_>>();
        options.push(format!("PARTITION_BY ({})", columns.join(", ")));
    }
    let body = sql.trim().trim_end_matches(';');
    let body = if target.format == FileFormat::Parquet { portable_columns(conn, body, &values)? } else { body.to_string() };
    let copy = |to: &Path| format!("COPY ({body}\n) TO {} ({})", crate::db::sql_literal(&to.to_string_lossy()), options.join(", "));
    // Keeping the order of a result that has no ORDER BY made COPY hold it in memory: 1.4 GB
    // for 50 million rows, against 120 MB without (BENCHMARKS.md).
    let run = |to: &Path| {
        conn.execute_batch("SET preserve_insertion_order = false")
            .and_then(|()| conn.prepare(&copy(to)))
            .and_then(|mut stmt| stmt.execute(duckdb::params_from_iter(values)))
            .context(|| format!("exporting to {}", path.display()))
    };
    if target.partition_by.is_empty() {
        let file = OutputFile::create(path, target.overwrite)?;
        let rows = run(file.staging_path())?;
        file.commit()?;
        return Ok(rows);
    }
    crate::staging::clear_beside(path);
    let staging = crate::staging::beside(path);
    let rows = match run(&staging) {
        Ok(rows) => rows,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&staging);
            return Err(e);
        }
    };
    if path.exists() {
        std::fs::remove_dir_all(path).context(|| format!("replacing {}", path.display()))?;
    }
    std::fs::rename(&staging, path).context(|| format!("moving the export into {}", path.display()))?;
    Ok(rows)
}

/// The query with its columns cast to types every Parquet reader takes. DuckDB writes HUGEINT
/// (what `sum` of BIGINT gives) as a DOUBLE, losing digits past 2^53; unsigned integers and
/// nanosecond timestamps are types Spark refuses or misreads. A result without such columns is
/// written as it is.
fn portable_columns(conn: &Connection, body: &str, values: &[duckdb::types::Value]) -> Result<String> {
    use arrow::datatypes::TimeUnit;
    let schema = {
        let mut stmt = conn.prepare(&format!("SELECT * FROM ({body}\n) LIMIT 0")).context(|| "reading the result's column types".into())?;
        let result = stmt.query_arrow(duckdb::params_from_iter(values.iter().cloned())).context(|| "reading the result's column types".into())?;
        result.get_schema()
    };
    let casts: Vec<String> = schema
        .fields()
        .iter()
        .filter_map(|field| {
            // HUGEINT and UHUGEINT reach Arrow as Decimal128(38, 0): cast, so that COPY writes
            // a decimal and not its DOUBLE. The other types follow the output layer's rule.
            let to = match (field.data_type(), super::portable_type(field.data_type())) {
                (DataType::Decimal128(38, 0), _) => "DECIMAL(38, 0)".to_string(),
                (_, Some(DataType::Decimal128(p, s))) => format!("DECIMAL({p}, {s})"),
                (_, Some(DataType::Int64)) => "BIGINT".into(),
                (_, Some(DataType::Int32)) => "INTEGER".into(),
                (_, Some(DataType::Int16)) => "SMALLINT".into(),
                (_, Some(DataType::Timestamp(TimeUnit::Microsecond, None))) => "TIMESTAMP".into(),
                (_, Some(DataType::Timestamp(TimeUnit::Microsecond, Some(_)))) => "TIMESTAMPTZ".into(),
                _ => return None,
            };
            let name = format!("\"{}\"", field.name().replace('"', "\"\""));
            Some(format!("CAST({name} AS {to}) AS {name}"))
        })
        .collect();
    Ok(if casts.is_empty() { body.to_string() } else { format!("SELECT * REPLACE ({}) FROM ({body}\n) AS q", casts.join(", ")) })
}

/// A folder `--overwrite` may replace: one that holds only `column=value` folders, as a
/// partitioned export writes them. Anything else may be the user's, and stays.
fn ensure_partitioned_export(path: &Path) -> Result<()> {
    let entries = std::fs::read_dir(path).context(|| format!("reading {}", path.display()))?;
    for entry in entries {
        let entry = entry.context(|| format!("reading {}", path.display()))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let is_partition = entry.file_type().map(|t| t.is_dir()).unwrap_or(false) && name.contains('=');
        if !is_partition {
            return Err(Error::msg(format!(
                "{} holds {name}, which no partitioned export wrote: --overwrite replaces only a folder of column=value partitions",
                path.display()
            )));
        }
    }
    Ok(())
}

