//! Running a named query: the one path that `run`, the report and every other front end take
//! from a query and its arguments to a stream of Arrow batches, with what a reader of the result
//! must be told beside it.
//!
//! A result that rests on an incomplete panel says so twice: in its columns (`panel`,
//! `share_of`, `origin`, `rank_origin`) and in one line for people ([`Notice`]), so that a table
//! cut to fit a terminal cannot hide it.

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Int64Type};
use duckdb::Connection;

use std::path::{Path, PathBuf};

use crate::catalog::{self, Arg, Catalog, Query};
use crate::charts;
use crate::error::{Context, Error, Result};
use arrow::datatypes::SchemaRef;

use crate::output::{Compression, OutputFile};

/// A query's result as DuckDB hands it over: the schema first, then batches as they come.
pub struct ResultStream<'a> {
    pub schema: SchemaRef,
    pub batches: Box<dyn Iterator<Item = std::result::Result<RecordBatch, duckdb::Error>> + 'a>,
}

impl<'a> ResultStream<'a> {
    pub fn from_statement(stmt: &'a mut duckdb::Statement<'_>, params: Vec<duckdb::types::Value>) -> Result<ResultStream<'a>> {
        let stream = stmt.stream_arrow(duckdb::params_from_iter(params)).context(|| "running the query".into())?;
        let schema = stream.get_schema();
        Ok(ResultStream { schema, batches: Box::new(stream) })
    }

    pub fn from_batches(schema: SchemaRef, batches: Vec<RecordBatch>) -> ResultStream<'static> {
        ResultStream { schema, batches: Box::new(batches.into_iter().map(Ok)) }
    }
}

/// What a person reading a result must know that its rows alone may not show.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The result rests on fewer than 81 provinces.
    Panel(String),
    /// The result has no rows, and the query says why that can be.
    Empty(String),
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Panel(text) => f.write_str(text),
            Notice::Empty(why) => write!(f, "no rows: {why}"),
        }
    }
}

/// A named query's result as it streams, and the notice its first batch calls for.
pub struct NamedResult<'s> {
    pub stream: ResultStream<'s>,
    /// The columns as the SQL returns them: the stream's, unless the query pivots its result.
    pub sql_schema: SchemaRef,
    /// Said before the rows, when the first batch shows fewer than 81 provinces.
    pub panel_notice: Option<Notice>,
    /// Said after the rows when there were none (the query's `--- empty` line).
    pub empty_notice: Option<Notice>,
}

/// Prepares a named query with its arguments (typed, bound by name: never pasted into SQL).
pub fn prepare<'c>(conn: &'c Connection, query: &Query, args: &[(String, Arg)]) -> Result<catalog::Prepared<'c>> {
    catalog::prepare(conn, query, args)
}

/// Runs a prepared named query. The first batch is read at once, so that the notice about the
/// panel is known before the result is written; the rest stream as DuckDB produces them. A
/// query with a `--- pivot` line is read whole and reshaped (its tables are a few hundred cells).
pub fn run<'s>(query: &Query, prepared: &'s mut catalog::Prepared<'_>, args: &[(String, Arg)]) -> Result<NamedResult<'s>> {
    let values = std::mem::take(&mut prepared.values);
    let ResultStream { schema, mut batches } = ResultStream::from_statement(&mut prepared.stmt, values)?;
    let first = batches.next().transpose().context(|| format!("running `{}`", query.name))?;
    // The period is named as the query ran it: a parameter not given has its default (period=ytd
    // for over_threshold).
    let effective = effective_args(query, args);
    let panel_notice = first.as_ref().and_then(|batch| panel_notice(batch, &effective)).map(Notice::Panel);
    let batches = Box::new(first.map(Ok).into_iter().chain(batches));
    let empty_notice = query.header.empty.clone().map(Notice::Empty);
    let stream = match &query.header.pivot {
        None => ResultStream { schema: schema.clone(), batches },
        Some(spec) => {
            let long: Vec<RecordBatch> = batches.collect::<std::result::Result<_, _>>().context(|| format!("running `{}`", query.name))?;
            let (wide, rows) = crate::pivot::pivot(&query.name, spec, &schema, &long)?;
            ResultStream::from_batches(wide, rows)
        }
    };
    Ok(NamedResult { stream, sql_schema: schema, panel_notice, empty_notice })
}

/// The arguments as the query runs with them: those given, then each other parameter's default.
pub fn effective_args(query: &Query, args: &[(String, Arg)]) -> Vec<(String, Arg)> {
    let mut effective: Vec<(String, Arg)> = args.to_vec();
    for param in &query.header.params {
        if let (false, Some(default)) = (args.iter().any(|(n, _)| *n == param.name), &param.default) {
            effective.push((param.name.clone(), Arg::Text(default.clone())));
        }
    }
    effective
}

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
pub fn write_file(conn: &Connection, source: Source<'_>, options: &crate::output::OutputOptions, partition_by: &[String], protected: Vec<PathBuf>) -> Result<(usize, Vec<Notice>)> {
    use crate::output::Format;
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
                options.about.get_or_insert_with(|| crate::excel::About { query: query.name.clone(), summary: query.header.summary.clone(), parameters: effective_args(query, args) });
                let mut prepared = prepare(conn, query, args)?;
                let result = run(query, &mut prepared, args)?;
                let notices: Vec<Notice> = result.panel_notice.clone().into_iter().collect();
                let empty = result.empty_notice.clone();
                let rows = crate::output::write(result.stream, &options)? as usize;
                Ok((rows, notices.into_iter().chain(empty.filter(|_| rows == 0)).collect()))
            }
            Source::Sql(sql) => {
                options.about.get_or_insert_with(|| crate::excel::About { query: "SQL".into(), summary: sql.to_string(), parameters: Vec::new() });
                let mut stmt = conn.prepare(sql).map_err(|e| Error::Sql { context: "preparing --sql".into(), source: e })?;
                let stream = ResultStream::from_statement(&mut stmt, Vec::new())?;
                Ok((crate::output::write(stream, &options)? as usize, Vec::new()))
            }
        };
    };
    let target = ExportTarget { path, format: file_format, partition_by, compression: options.compression, overwrite: options.overwrite };
    match source {
        Source::Named { query, args } => write_named(conn, query, args, &target),
        Source::Sql(sql) => Ok((export(conn, sql, Vec::new(), &target)?, Vec::new())),
    }
}

fn file_format_of(format: crate::output::Format) -> Option<FileFormat> {
    use crate::output::Format;
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
        notices.extend(query.header.empty.clone().map(Notice::Empty));
    }
    Ok((rows, notices))
}

/// Runs a named query from the catalog to completion and keeps its batches: for the report and
/// other callers that read a small result as facts.
pub fn collect(conn: &Connection, catalog: &Catalog, name: &str, args: &[(String, Arg)]) -> Result<Vec<RecordBatch>> {
    Ok(collect_named(conn, catalog.get(name)?, args)?.batches)
}

/// A named query's whole result, with the notices a reader needs.
pub struct Collected {
    pub schema: SchemaRef,
    /// The columns as the SQL returns them (differs from `schema` for a query that pivots).
    pub sql_schema: SchemaRef,
    pub batches: Vec<RecordBatch>,
    pub notices: Vec<Notice>,
}

/// Runs a named query to completion: for results read whole (charts, the report's facts).
pub fn collect_named(conn: &Connection, query: &Query, args: &[(String, Arg)]) -> Result<Collected> {
    let mut prepared = prepare(conn, query, args)?;
    let result = run(query, &mut prepared, args)?;
    let (schema, sql_schema) = (result.stream.schema.clone(), result.sql_schema.clone());
    let batches: Vec<RecordBatch> = result.stream.batches.map(|b| b.context(|| format!("running `{}`", query.name))).collect::<Result<_>>()?;
    let mut notices: Vec<Notice> = result.panel_notice.into_iter().collect();
    if batches.iter().all(|b| b.num_rows() == 0) {
        notices.extend(result.empty_notice);
    }
    Ok(Collected { schema, sql_schema, batches, notices })
}

/// Runs a named query and draws its result: the one path from a query to a chart, for the
/// `chart` command and the report's HTML. An empty result is an error that says why it can be
/// empty, never a blank picture.
pub fn draw_named(conn: &Connection, catalog: &Catalog, query: &Query, args: &[(String, Arg)], request: &charts::Request) -> Result<(charts::Chart, Vec<Notice>)> {
    let collected = collect_named(conn, query, args)?;
    let chart = draw_collected(conn, catalog, query, args, &collected, request, None)?;
    Ok((chart, collected.notices))
}

/// Draws a result already collected (the web server shows the same batches as a table and a
/// chart). `shapes`: the map's outlines when the caller holds them resolved, else resolved here.
/// A map of a query whose chart line names `map=OTHER` draws OTHER's result for the same
/// parameters instead: a ranking lists the provinces a release ranked, but its map shows every
/// province with a value for the period (a map of values, not of ranks).
pub fn draw_collected(conn: &Connection, catalog: &Catalog, query: &Query, args: &[(String, Arg)], collected: &Collected, request: &charts::Request, shapes: Option<&charts::Shapes>) -> Result<charts::Chart> {
    let kind = request.kind.or(query.header.chart.as_ref().map(|c| c.kind));
    let map_of = query.header.chart.as_ref().and_then(|c| c.map.as_deref()).filter(|other| *other != query.name);
    if let (Some(charts::Kind::Map), Some(other)) = (kind, map_of) {
        let map_query = catalog.get(other)?;
        let map_args: Vec<(String, Arg)> =
            effective_args(query, args).into_iter().filter(|(name, _)| map_query.header.params.iter().any(|p| p.name == *name)).collect();
        let map_collected = collect_named(conn, map_query, &map_args)?;
        let map_request = charts::Request { kind: Some(charts::Kind::Map), ..request.clone() };
        return draw_result(conn, map_query, &map_args, &map_collected, &map_request, shapes);
    }
    draw_result(conn, query, args, collected, request, shapes)
}

fn draw_result(conn: &Connection, query: &Query, args: &[(String, Arg)], collected: &Collected, request: &charts::Request, shapes: Option<&charts::Shapes>) -> Result<charts::Chart> {
    if collected.batches.iter().all(|b| b.num_rows() == 0) {
        let why = query.header.empty.as_deref().map(|w| format!(": {w}")).unwrap_or_default();
        return Err(Error::msg(format!("`{}` returned no rows for these parameters, so there is nothing to draw{why}", query.name)));
    }
    let kind = request.kind.or(query.header.chart.as_ref().map(|c| c.kind));
    let resolved = match (kind, shapes) {
        (Some(charts::Kind::Map), None) => Some(charts::shapes(conn)?),
        _ => None,
    };
    let data = charts::ResultData { query, args, batches: &collected.batches, schema: collected.schema.clone() };
    charts::draw(&data, request, shapes.or(resolved.as_ref()))
}

/// The DuckDB writer for a named query's output file, if one writes it: Parquet, CSV and JSON
/// are DuckDB's, streamed with `COPY`; tables, Markdown, TSV, Arrow IPC and Excel files are
/// written by the output layer, and so is every result the library reshapes or converts on its
/// way (a pivoted table, `--decimals float`), since `COPY` would write the query's own rows.
fn duckdb_file_format(query: &Query, options: &crate::output::OutputOptions) -> Result<Option<FileFormat>> {
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
    if path.is_dir() && path.exists() {
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
            let to = match (field.data_type(), crate::output::portable_type(field.data_type())) {
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

/// "5 of 81 provinces have data for 2025-10: shares are of …": built from the result's own
/// columns, so every query that carries `panel` gets it.
fn panel_notice(batch: &RecordBatch, args: &[(String, Arg)]) -> Option<String> {
    let panels = i64s(batch, "panel");
    let (low, high) = (*panels.iter().min()?, *panels.iter().max()?);
    if low >= 81 {
        return None;
    }
    let mut clauses = Vec::new();
    if let Some(share_of) = first_text(batch, "share_of") {
        match share_of.strip_prefix("none: ") {
            Some(why) => clauses.push(format!("no shares ({why})")),
            None => clauses.push(format!("shares are of the {share_of}")),
        }
    }
    if texts(batch, "rank_origin").iter().any(|o| o.as_deref() == Some("published")) {
        clauses.push("ranks are the release's".to_string());
    } else if texts(batch, "origin").iter().any(|o| o.as_deref() == Some("published")) {
        clauses.push("figures with origin published are the release's, with its source".to_string());
    }
    // A result over several periods (a province's months) has a panel for each.
    let mut text = if low == high {
        format!("{low} of 81 provinces have data for {}", period_label(args))
    } else {
        format!("{low} to {high} of 81 provinces have data in these periods")
    };
    if !clauses.is_empty() {
        text.push_str(": ");
        text.push_str(&clauses.join("; "));
    }
    Some(text)
}

/// The period the arguments name, as `2025-10`, `2025-01..2025-10` or `2024`.
fn period_label(args: &[(String, Arg)]) -> String {
    let get = |name: &str| args.iter().find(|(n, _)| n == name).map(|(_, v)| v.to_string().trim().to_string());
    let (Some(year), month) = (get("year"), get("month").and_then(|m| m.parse::<u32>().ok())) else {
        return "the period".to_string();
    };
    match (get("period").as_deref(), month) {
        (Some("year"), _) => year,
        (Some("ytd"), Some(m)) => format!("{year}-01..{year}-{m:02}"),
        (_, Some(m)) => format!("{year}-{m:02}"),
        (_, None) => year,
    }
}

fn i64s(batch: &RecordBatch, name: &str) -> Vec<i64> {
    let Some(column) = batch.column_by_name(name).and_then(|c| cast(c, &DataType::Int64).ok()) else { return Vec::new() };
    let values = column.as_primitive::<Int64Type>();
    (0..values.len()).filter(|&i| !values.is_null(i)).map(|i| values.value(i)).collect()
}

fn texts(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
    let Some(column) = batch.column_by_name(name).and_then(|c| cast(c, &DataType::Utf8).ok()) else { return Vec::new() };
    let values = column.as_string::<i32>();
    (0..values.len()).map(|i| (!values.is_null(i)).then(|| values.value(i).to_string())).collect()
}

fn first_text(batch: &RecordBatch, name: &str) -> Option<String> {
    texts(batch, name).into_iter().flatten().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&str, &str)]) -> Vec<(String, Arg)> {
        pairs.iter().map(|(k, v)| (k.to_string(), Arg::from(*v))).collect()
    }

    #[test]
    fn periods_are_named_as_the_arguments_say() {
        assert_eq!(period_label(&args(&[("year", "2025"), ("month", "10")])), "2025-10");
        assert_eq!(period_label(&args(&[("year", "2025"), ("month", "3"), ("period", "ytd")])), "2025-01..2025-03");
        // period=year ignores the month entirely.
        assert_eq!(period_label(&args(&[("year", "2024"), ("month", "7"), ("period", "year")])), "2024");
        assert_eq!(period_label(&args(&[("province", "Bursa")])), "the period");
    }
}
