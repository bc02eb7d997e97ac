//! Running a named query: the one path that `run`, the report and every other front end take
//! from a query and its arguments to a stream of Arrow batches, with what a reader of the result
//! must be told beside it.
//!
//! A result that rests on an incomplete panel says so twice: in its columns (`panel`,
//! `share_of`, `origin`, `rank_origin`) and in one line for people ([`Notice`]), so that a table
//! cut to fit a terminal cannot hide it.

mod panel;
pub mod pivot;

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::datatypes::SchemaRef;
use duckdb::Connection;

use crate::catalog::{self, Arg, Catalog, Query};
use crate::db::ResultStream;
use crate::error::{Context, Result};

/// What a person reading a result must know that its rows alone may not show.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// The result rests on fewer than 81 provinces.
    Panel(PanelNotice),
    /// The result has no rows, and the query says why that can be (`--- empty`, `--- empty_tr`).
    Empty { english: String, turkish: Option<String> },
}

/// How many of the 81 provinces a result rests on, and what that means, in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct PanelNotice {
    pub english: String,
    pub turkish: String,
}

impl Notice {
    /// The notice as a reader of `language` reads it (a user's query without an `empty_tr`
    /// line gives its English reason).
    pub fn text(&self, language: crate::language::Language) -> String {
        match (self, language) {
            (Notice::Panel(p), crate::language::Language::Tr) => p.turkish.clone(),
            (Notice::Empty { english, turkish }, crate::language::Language::Tr) => format!("satır yok: {}", turkish.as_deref().unwrap_or(english)),
            _ => self.to_string(),
        }
    }

    /// What kind of notice it is, for programs: `panel` or `empty`.
    pub fn code(&self) -> &'static str {
        match self {
            Notice::Panel(_) => "panel",
            Notice::Empty { .. } => "empty",
        }
    }

    /// The reason an empty result of `query` can have, when its header gives one.
    pub fn empty_of(query: &Query) -> Option<Notice> {
        let english = query.header.empty.clone()?;
        Some(Notice::Empty { english, turkish: query.header.empty_tr.clone() })
    }
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::Panel(p) => f.write_str(&p.english),
            Notice::Empty { english, .. } => write!(f, "no rows: {english}"),
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
    let ResultStream { schema, mut batches } = prepared.stream()?;
    let first = batches.next().transpose().context(|| format!("running `{}`", query.name))?;
    // The period is named as the query ran it: a parameter not given has its default (period=ytd
    // for over_threshold).
    let effective = effective_args(query, args);
    let panel_notice = first.as_ref().and_then(|batch| panel::notice(batch, &effective)).map(Notice::Panel);
    let batches = Box::new(first.map(Ok).into_iter().chain(batches));
    let empty_notice = Notice::empty_of(query);
    let stream = match &query.header.pivot {
        None => ResultStream { schema: schema.clone(), batches },
        Some(spec) => {
            let long: Vec<RecordBatch> = batches.collect::<std::result::Result<_, _>>().context(|| format!("running `{}`", query.name))?;
            let (wide, rows) = pivot::pivot(&query.name, spec, &schema, &long)?;
            ResultStream::from_batches(wide, rows)
        }
    };
    Ok(NamedResult { stream, sql_schema: schema, panel_notice, empty_notice })
}

/// Prepares a named query, runs it and hands its result to `use_result` as it streams: the one
/// prepare → run → notices sequence every front end takes (the prepared statement lives until
/// `use_result` returns). With IHRACAT_TIMINGS the two phases are timed.
pub fn with_result<T>(conn: &Connection, query: &Query, args: &[(String, Arg)], use_result: impl FnOnce(NamedResult<'_>) -> Result<T>) -> Result<T> {
    let mut prepared = crate::trace::timed("preparing the query", || prepare(conn, query, args))?;
    let result = crate::trace::timed("running the query", || run(query, &mut prepared, args))?;
    use_result(result)
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

impl Collected {
    /// The sources a result's rows cite: the distinct values of its source columns.
    pub fn sources(&self) -> Result<Vec<String>> {
        let mut found: Vec<String> = Vec::new();
        for batch in &self.batches {
            for name in ["source", "source_url", "previous_source"] {
                let Some(column) = batch.column_by_name(name) else { continue };
                let strings = arrow::compute::cast(column, &arrow::datatypes::DataType::Utf8).map_err(|e| crate::error::Error::msg(format!("column {name}: {e}")))?;
                let strings = strings.as_string::<i32>();
                for i in 0..strings.len() {
                    if strings.is_valid(i) {
                        for part in strings.value(i).split(" ; ") {
                            if !part.is_empty() && !found.iter().any(|f| f == part) {
                                found.push(part.to_string());
                            }
                        }
                    }
                }
            }
        }
        Ok(found)
    }
}

/// Runs a named query to completion: for results read whole (charts, the report's facts).
pub fn collect_named(conn: &Connection, query: &Query, args: &[(String, Arg)]) -> Result<Collected> {
    with_result(conn, query, args, |result| {
        let (schema, sql_schema) = (result.stream.schema.clone(), result.sql_schema.clone());
        let batches: Vec<RecordBatch> = result.stream.batches.map(|b| b.context(|| format!("running `{}`", query.name))).collect::<Result<_>>()?;
        let mut notices: Vec<Notice> = result.panel_notice.into_iter().collect();
        if batches.iter().all(|b| b.num_rows() == 0) {
            notices.extend(result.empty_notice);
        }
        Ok(Collected { schema, sql_schema, batches, notices })
    })
}

