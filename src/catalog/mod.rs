//! The query catalog: analyses as plain `.sql` files with a typed header. The shipped catalog
//! (sql/) is compiled in; users add folders with `--queries DIR` and `IHRACAT_QUERIES`, and a
//! user query with a shipped query's name overrides it.

pub mod header;
pub mod params;
mod shape;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use duckdb::Connection;
use duckdb::types::Value;

use crate::error::{Context, Error, Result, Invalid};
pub use header::Header;
pub use shape::{ChartSpec, Kind, PivotSpec};
pub use params::{Arg, Args, Param, ParamType, args};

include!(concat!(env!("OUT_DIR"), "/shipped_queries.rs"));

#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    Shipped(String),
    User(PathBuf),
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Shipped(path) => write!(f, "sql/{path} (shipped)"),
            Origin::User(path) => write!(f, "{}", path.display()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Query {
    /// The file's stem: `top_provinces` for sql/rankings/top_provinces.sql.
    pub name: String,
    /// The subfolder it sits in, if any.
    pub category: Option<String>,
    pub origin: Origin,
    pub header: Header,
    pub sql: String,
    /// Set once the text has passed the one-SELECT check: a query's text does not change while
    /// the catalog is loaded, so a server checks it on its first run, not on every request.
    verified: std::sync::Arc<std::sync::OnceLock<()>>,
}

impl Query {
    pub fn from_text(relative: &str, origin: Origin, text: &str) -> Result<Query> {
        let path = Path::new(relative);
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let category = path.parent().map(|p| p.to_string_lossy().replace('\\', "/")).filter(|c| !c.is_empty());
        let header = header::parse(&origin.to_string().replace(" (shipped)", ""), text)?;
        Ok(Query { name, category, origin, header, sql: text.to_string(), verified: Default::default() })
    }

    pub fn param(&self, name: &str) -> Option<&Param> {
        self.header.params.iter().find(|p| p.name == name)
    }

    /// `year month [n=10]`: the parameters as `queries` lists them.
    pub fn signature(&self) -> String {
        self.header
            .params
            .iter()
            .map(|p| match &p.default {
                None => p.name.clone(),
                Some(d) => format!("[{}={d}]", p.name),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Default)]
pub struct Catalog {
    queries: BTreeMap<String, Query>,
    /// Files that failed to parse; `queries check` reports them, other commands only when asked for.
    pub broken: Vec<Error>,
}

/// The most a query file may hold: a query is text a person wrote, not data.
const MAX_QUERY_FILE: u64 = 1 << 20;

/// A query file's text: a regular file (through symlinks), at most a MiB, in UTF-8.
fn read_query_file(path: &std::path::Path) -> Result<String> {
    let metadata = std::fs::metadata(path).context(|| format!("reading {}", path.display()))?;
    if !metadata.is_file() {
        return Err(Error::msg(format!("{}: not a regular file; a query file is a .sql text file", path.display())));
    }
    if metadata.len() > MAX_QUERY_FILE {
        return Err(Error::msg(format!("{}: {} bytes is too large for a query file (at most 1 MiB)", path.display(), metadata.len())));
    }
    let bytes = std::fs::read(path).context(|| format!("reading {}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| Error::msg(format!("{}: not UTF-8 text (byte {}); save it as UTF-8", path.display(), e.utf8_error().valid_up_to())))
}

impl Catalog {
    /// The shipped catalog, then each user folder in order; later ones override earlier ones.
    pub fn load(user_dirs: &[PathBuf]) -> Result<Catalog> {
        let mut catalog = Catalog::default();
        for (relative, text) in SHIPPED {
            catalog.add(Query::from_text(relative, Origin::Shipped(relative.to_string()), text));
        }
        for dir in user_dirs {
            if !dir.is_dir() {
                return Err(Error::msg(format!("query folder {} does not exist", dir.display())));
            }
            let mut files = Vec::new();
            collect_sql_files(dir, &mut files).context(|| format!("reading query folder {}", dir.display()))?;
            for path in files {
                // One unreadable file is listed as broken, as a bad header is: it must not stop
                // every other query (nor hang a run, as a FIFO would).
                let relative = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().into_owned();
                catalog.add(read_query_file(&path).and_then(|text| Query::from_text(&relative, Origin::User(path.clone()), &text)));
            }
        }
        Ok(catalog)
    }

    fn add(&mut self, query: Result<Query>) {
        match query {
            Ok(query) => {
                self.queries.insert(query.name.clone(), query);
            }
            Err(e) => self.broken.push(e),
        }
    }

    pub fn queries(&self) -> impl Iterator<Item = &Query> {
        self.queries.values()
    }

    pub fn get(&self, name: &str) -> Result<&Query> {
        self.queries.get(name).ok_or_else(|| {
            // A query file of that name that could not be read says why, where the user runs it
            // (a `--- parm` line is not an unknown query).
            let broken = self.broken.iter().find_map(|e| match e {
                Error::Header { path, line, message } if Path::new(path).file_stem().is_some_and(|s| s == name) => {
                    Some(Error::Header { path: path.clone(), line: *line, message: message.clone() })
                }
                _ => None,
            });
            broken.unwrap_or_else(|| Error::UnknownQuery {
                name: name.to_string(),
                suggestions: crate::suggest::closest(name, self.queries.keys().map(String::as_str)),
            })
        })
    }
}

fn collect_sql_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries = std::fs::read_dir(dir)?.map(|e| e.map(|e| e.path())).collect::<std::io::Result<Vec<_>>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_sql_files(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "sql") {
            out.push(path);
        }
    }
    Ok(())
}

/// The header and the SQL for people (`queries show`), then the SQL of the macros the query
/// calls, so that an analysis built on them reads to the end.
/// In Turkish (`--locale tr`) the title, the detail, the parameters' help and the section names
/// are Turkish; names, types and the SQL stay as written.
pub fn describe_text(query: &Query, language: crate::language::Language) -> String {
    let h = &query.header;
    let tr = language == crate::language::Language::Tr;
    let word = |en: &'static str, turkish: &'static str| if tr { turkish } else { en };
    let mut text = format!("{} — {}\n", query.name, h.title_in(language));
    let origin = query.origin.to_string();
    let origin = crate::codes::cell_text("source", &origin, language).unwrap_or(origin);
    text.push_str(&format!("{}: {}\n", word("source", "kaynak"), origin));
    if !h.detail.is_empty() {
        text.push('\n');
        for line in h.detail_in(language) {
            text.push_str(line);
            text.push('\n');
        }
    }
    if !h.params.is_empty() {
        text.push_str(&format!("\n{}:\n", word("parameters", "parametreler")));
        for p in &h.params {
            let range = p.range.as_ref().map(|(l, h)| format!(" {l}..{h}")).unwrap_or_default();
            let default = match &p.default {
                None => format!(" ({})", word("required", "zorunlu")),
                Some(d) => format!(" = {d}"),
            };
            text.push_str(&format!("  {:<12} {}{range}{default}  {}\n", p.name, p.ty.describe(), crate::headings::parameter_help(&p.doc, language)));
        }
        for check in &h.checks {
            text.push_str(&format!("  {} {}\n", word("checked:", "denetlenir:"), check.describe()));
        }
    }
    if !h.returns.is_empty() {
        text.push_str(&format!("\n{}:\n", word("returns", "sütunlar")));
        for (name, ty) in &h.returns {
            text.push_str(&format!("  {name:<16} {ty}\n"));
        }
        if let Some(pivot) = &h.pivot {
            let rows = match &pivot.row_heading {
                Some(corner) => format!("the other columns, the first named by `{corner}`"),
                None => "the other columns".to_string(),
            };
            text.push_str(&format!("  shown wide: a column for each `{}`, filled from `{}`; rows keyed by {rows}\n", pivot.column, pivot.value));
        }
    }
    if !h.examples.is_empty() {
        text.push_str(&format!("\n{}:\n", word("examples", "örnekler")));
        for example in &h.examples {
            let args: String = example.split_whitespace().map(|a| format!(" -p {a}")).collect();
            text.push_str(&format!("  ihracat run {}{args}\n", query.name));
        }
        if let (Some(chart), Some(example)) = (&h.chart, h.examples.first()) {
            let args: String = example.split_whitespace().map(|a| format!(" -p {a}")).collect();
            text.push_str(&format!("  ihracat chart {}{args} -o {}.svg    # a {} chart\n", query.name, query.name, chart.kind.name()));
        }
    }
    text.push_str("\nsql:\n");
    text.push_str(&query.sql);
    if !query.sql.ends_with('\n') {
        text.push('\n');
    }
    for called in crate::db::macros::called_by(&query.sql) {
        text.push_str(&format!("\n{} {} (src/db/{}):\n{}", called.kind, called.name, called.file, called.text));
    }
    text
}

/// The header and the SQL as one JSON object, for programs.
pub fn describe_json(query: &Query) -> serde_json::Value {
    let h = &query.header;
    serde_json::json!({
        "name": query.name,
        "category": query.category,
        "source": query.origin.to_string(),
        "summary": h.summary,
        "summary_tr": h.summary_tr,
        "detail": h.detail,
        "detail_tr": h.detail_tr,
        "parameters": h.params.iter().map(|p| serde_json::json!({
            "name": p.name,
            "type": p.ty.describe(),
            "range": p.range.as_ref().map(|(low, high)| [low, high]),
            "default": p.default,
            "required": p.required(),
            "description": p.doc,
        })).collect::<Vec<_>>(),
        "returns": h.returns.iter().map(|(name, ty)| serde_json::json!({"name": name, "type": ty})).collect::<Vec<_>>(),
        "examples": h.examples,
        "checks": h.checks.iter().map(|c| c.describe()).collect::<Vec<_>>(),
        "empty": h.empty,
        "empty_tr": h.empty_tr,
        "chart": h.chart.as_ref().map(|c| serde_json::json!({"kind": c.kind.name(), "value": c.value, "label": c.label})),
        "pivot": h.pivot.as_ref().map(|p| serde_json::json!({"column": p.column, "value": p.value, "row_heading": p.row_heading})),
        "sql": query.sql,
        "macros": crate::db::macros::called_by(&query.sql).into_iter().map(|m| serde_json::json!({"name": m.name, "kind": m.kind, "file": format!("src/db/{}", m.file), "sql": m.text})).collect::<Vec<_>>(),
    })
}

/// `-p name=value` as given on the command line.
pub fn parse_assignment(text: &str) -> Result<(String, Arg)> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() => Ok((name.trim().to_string(), Arg::Text(value.to_string()))),
        _ => Err(Error::msg(format!("`{text}` is not a parameter: write name=value, as in -p year=2025"))),
    }
}

/// A query ready to run: its statement and the values for each of its placeholders.
pub struct Prepared<'c> {
    /// Back in the connection's statement cache when dropped after its result was read to the
    /// end: a server's kept connection runs the same analysis again without parsing it afresh.
    /// DuckDB binds a statement with parameters again at each execution, with the values, and
    /// optimizes it there (BENCHMARKS.md, issue 33's sixth and eighth steps). A result left
    /// open closes with its statement.
    stmt: Option<duckdb::CachedStatement<'c>>,
    pub values: Vec<Value>,
    finished: std::cell::Cell<bool>,
}

impl Prepared<'_> {
    /// Runs the statement with its bound values; its batches as DuckDB produces them.
    pub fn stream(&mut self) -> Result<crate::db::ResultStream<'_>> {
        let values = std::mem::take(&mut self.values);
        let Some(stmt) = self.stmt.as_mut() else { return Err(Error::msg("a prepared query runs once")) };
        crate::db::ResultStream::from_statement_marking(stmt, values, &self.finished)
    }
}

impl Drop for Prepared<'_> {
    fn drop(&mut self) {
        if let (false, Some(stmt)) = (self.finished.get(), self.stmt.take()) {
            stmt.discard();
        }
    }
}

/// Checks the arguments against the header, binds them, and prepares the statement. Named
/// queries are analyses: only a single read statement is accepted, whatever the file says.
pub fn prepare<'c>(conn: &'c Connection, query: &Query, args: &[(String, Arg)]) -> Result<Prepared<'c>> {
    for (name, _) in args {
        if query.param(name).is_none() {
            let known = query.header.params.iter().map(|p| p.name.as_str());
            return Err(Error::Parameter {
                name: name.clone(),
                message: format!(
                    "`{}` has no such parameter{}",
                    query.name,
                    // A parameter's label ("yıl" on a Turkish form) names it as well as a typo does.
                    match crate::headings::parameter_by_label(name)
                        .filter(|p| query.param(p).is_some())
                        .map(str::to_string)
                        .or_else(|| crate::suggest::closest(name, known).into_iter().next())
                    {
                        Some(s) => format!("; did you mean `{s}`?"),
                        None => format!(" (it takes: {})", query.signature()),
                    }
                ),
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    for (name, _) in args {
        if !seen.insert(name) {
            return Err(Error::Parameter { name: name.clone(), message: "is given twice".into() });
        }
    }
    // A value given wrongly is said before a value not given: `-p month=2025-10` alone hears how
    // to write the month, not that the year is missing.
    for (name, value) in args {
        if let Some(param) = query.param(name) {
            param.check(value)?;
        }
    }
    // The shipped queries are compiled in and pass `queries check` (in CI and before a
    // release); parsing them again on every run was 2.5 ms of a 50 ms start-up.
    if !matches!(query.origin, Origin::Shipped(_)) && query.verified.get().is_none() {
        let mark = checked_mark(&query.sql);
        if !mark.as_deref().is_some_and(Path::exists) {
            ensure_single_select(conn, query)?;
            remember_checked(mark.as_deref());
        }
        let _ = query.verified.set(());
    }
    let stmt = conn.prepare_cached(&query.sql).context(|| format!("preparing query `{}`", query.name))?;
    let used = placeholder_names(&stmt)?;
    check_placeholders(query, &used)?;
    let mut values = Vec::with_capacity(used.len());
    for name in &used {
        let param = query.param(name).expect("checked above");
        let given = args.iter().find(|(n, _)| n == name).map(|(_, v)| v);
        values.push(param.bind(conn, given)?);
    }
    for check in &query.header.checks {
        check.verify(&query.header.params, args)?;
    }
    Ok(Prepared { stmt: Some(stmt), values, finished: std::cell::Cell::new(false) })
}

fn placeholder_names(stmt: &duckdb::Statement<'_>) -> Result<Vec<String>> {
    (1..=stmt.parameter_count())
        .map(|i| stmt.parameter_name(i).context(|| format!("reading placeholder {i}")))
        .collect()
}

/// Every `$name` in the SQL must be declared, and every declared parameter used (as aiosql does).
fn check_placeholders(query: &Query, used: &[String]) -> Result<()> {
    for name in used {
        if name.parse::<usize>().is_ok() {
            return Err(Error::msg(format!("query `{}` uses a positional placeholder (${name} or ?): name it, as $year", query.name)));
        }
        if query.param(name).is_none() {
            return Err(Error::msg(format!("query `{}` uses ${name}, which its header does not declare", query.name)));
        }
    }
    for param in &query.header.params {
        if !used.contains(&param.name) {
            return Err(Error::msg(format!("query `{}` declares parameter `{}` but its SQL never uses ${}", query.name, param.name, param.name)));
        }
    }
    Ok(())
}

/// Where a user's query text that passed the one-SELECT check is remembered: the check is a
/// DuckDB query of its own, 0.7 ms of the 3.5 ms a small query takes through `run`, and its answer
/// depends only on the text and on the build that checked it (its parser and its rules), which the
/// name hashes together: the program file's size and time stand for the build. A text or a
/// build that changes gets another name, so it is checked again.
fn checked_mark(sql: &str) -> Option<PathBuf> {
    use sha2::{Digest, Sha256};
    let program = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let built = program.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    let mut hash = Sha256::new();
    hash.update(format!("{} {} {}\0", env!("CARGO_PKG_VERSION"), program.len(), built.as_nanos()).as_bytes());
    hash.update(sql.as_bytes());
    let name: String = hash.finalize().iter().map(|b| format!("{b:02x}")).collect();
    Some(crate::paths::checked_queries().join(name))
}

/// Marks a checked text; a mark that cannot be written only means the check runs again.
fn remember_checked(mark: Option<&Path>) {
    if let Some(mark) = mark {
        if let Some(dir) = mark.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = std::fs::write(mark, b"");
    }
}

/// DuckDB serialises only SELECT statements to JSON, which makes it the parser that tells a read
/// from anything else.
pub fn ensure_single_select(conn: &Connection, query: &Query) -> Result<()> {
    ensure_one_select(conn, &query.sql).map_err(|reason| Error::msg(format!("query `{}` ({}): {reason}", query.name, query.origin)))
}

/// Whether `sql` is exactly one SELECT statement; the reason when it is not. Text that is
/// wrapped into another statement (`export --sql` into `COPY (…) TO`) must pass this first, so
/// that it cannot close the parenthesis and run statements of its own.
pub fn ensure_one_select(conn: &Connection, sql: &str) -> std::result::Result<(), Invalid> {
    let json: String = conn
        .query_row("SELECT json_serialize_sql($1::VARCHAR)::VARCHAR", [sql], |r| r.get(0))
        .map_err(|e| format!("cannot be parsed: {e}"))?;
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    if parsed["error"].as_bool() == Some(true) {
        let message = parsed["error_message"].as_str().unwrap_or("not a SELECT statement");
        return Err(Invalid(if message.contains("Only SELECT") { "must be one SELECT statement (it may not change anything)".to_string() } else { message.to_string() }));
    }
    let count = parsed["statements"].as_array().map_or(0, Vec::len);
    if count != 1 {
        return Err(crate::invalid!("has {count} statements; it must be exactly one SELECT"));
    }
    // A SELECT can carry a write in a common table expression (WITH d AS (DELETE … RETURNING *)):
    // the parsed tree names it. (Text inside a string literal is escaped in the JSON, so it
    // cannot match.)
    for node in ["DELETE_QUERY_NODE", "INSERT_QUERY_NODE", "UPDATE_QUERY_NODE", "MERGE_INTO_QUERY_NODE"] {
        if json.contains(&format!("\"type\":\"{node}\"")) {
            return Err(crate::invalid!("must only read: it has a {} inside", node.trim_end_matches("_QUERY_NODE").replace('_', " ")));
        }
    }
    Ok(())
}

