//! `ihracat serve`: the catalog as a local web application. Pages, downloads, charts and the
//! JSON API are views of the same results as `ihracat run`: each request runs a named query
//! through the execution layer and formats it with the output and chart layers.
//!
//! Requests share one read-only engine, each on its own connection. A load in another process
//! that finds the file held marks that it waits (`db::WriterWaiting`): the server lets the
//! engine go as soon as the requests on it end, holds new ones back until the writer has the
//! file, and opens it afresh after, so the next answer shows the new data. Answers are cached
//! until the database file changes (its size and modification time), so a repeated page costs
//! a look-up. Each query runs with a time limit that interrupts DuckDB. Nothing is written and
//! nothing is fetched: every asset is compiled into the binary.

mod pages;
mod words;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::catalog::{Arg, Catalog};
use crate::charts::{self, Shapes};
use crate::db::{self, Access, EngineSettings, Location};
use crate::error::{Error, Result};
use crate::execution::{self, Collected};
use crate::language::Language;
use crate::output::{self, Format, OutputOptions};

pub struct Config {
    pub location: Location,
    pub settings: EngineSettings,
    pub catalog: Catalog,
    /// The ad-hoc SQL page (`--no-sql` turns it off).
    pub sql: bool,
    pub time_limit: Duration,
    /// Rows a page or the SQL page shows; downloads have them all.
    pub row_cap: usize,
    /// Keep answers until the database changes (off: every request runs its query).
    pub cache: bool,
}

struct App {
    config: Config,
    shapes: Shapes,
    cache: Mutex<Cache>,
    /// The open engine requests share; let go (and dropped once the last request using it ends)
    /// when a writer waits for the file.
    engine: Mutex<Option<Arc<Mutex<db::Database>>>>,
}

/// Answers by request, valid while the database file is unchanged.
#[derive(Default)]
struct Cache {
    stamp: Option<Stamp>,
    answers: HashMap<String, Answer>,
}

type Stamp = Vec<(u64, Option<SystemTime>)>;

#[derive(Clone)]
struct Answer {
    status: StatusCode,
    content_type: &'static str,
    disposition: Option<String>,
    body: Arc<Vec<u8>>,
}

const CACHE_ENTRIES: usize = 2048;

/// Binds, prints the address and serves until Ctrl-C.
pub fn serve(config: Config, address: SocketAddr, announce: &dyn Fn(&str)) -> Result<()> {
    if config.location == Location::Memory {
        return Err(Error::msg("serve needs a database file: a :memory: database would be a new one for every request"));
    }
    // Open once before listening: creates, seeds or migrates the file if it must, and resolves
    // the map's outlines, so that a broken database is an error here and not on every page.
    let shapes = {
        let db = db::open(&config.location, Access::Analysis, &config.settings)?;
        for note in &db.notes {
            announce(note);
        }
        charts::shapes(&db.conn)?
    };
    let app = Arc::new(App { config, shapes, cache: Mutex::default(), engine: Mutex::default() });
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|e| Error::msg(format!("starting the server: {e}")))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(address).await.map_err(|e| Error::msg(format!("listening on {address}: {e}")))?;
        let bound = listener.local_addr().map_err(|e| Error::msg(format!("listening on {address}: {e}")))?;
        announce(&format!("serving {} on http://{bound}/ (Ctrl-C stops)", app.config.location.display()));
        // A writer may wait while every request is answered from the cache and none opens the
        // engine: look for its marker a few times a second, and let the file go.
        let watcher = app.clone();
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(Duration::from_millis(50));
            loop {
                ticks.tick().await;
                watcher.release_for_writer();
            }
        });
        axum::serve(listener, router(app))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| Error::msg(format!("serving: {e}")))
    })
}

fn router(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/q/{name}", get(query))
        .route("/api/queries", get(api_catalog))
        .route("/api/queries/{name}", get(api_query))
        .route("/report/latest", get(report_latest))
        .route("/report/{year}/{month}", get(report))
        .route("/province/{name}", get(province))
        .route("/sql", get(sql))
        .route("/assets/{file}", get(asset))
        .fallback(not_found)
        .with_state(app)
}

/// The request's parameters in order, `lang` taken out, empty form fields dropped.
struct Request {
    language: Language,
    args: Vec<(String, Arg)>,
    /// The query string as given, for links that keep the state.
    raw: String,
}

fn request(raw: Option<String>, headers: &HeaderMap) -> std::result::Result<Request, String> {
    let raw = raw.unwrap_or_default();
    let pairs: Vec<(String, String)> = serde_urlencoded_pairs(&raw)?;
    let chosen = pairs.iter().find(|(k, _)| k == "lang").map(|(_, v)| v.as_str());
    let language = match chosen {
        Some("en") => Language::En,
        Some("tr") => Language::Tr,
        _ => {
            // The browser's first language, when the URL does not choose.
            let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
            if accept.trim_start().to_ascii_lowercase().starts_with("en") { Language::En } else { Language::Tr }
        }
    };
    let args = pairs.into_iter().filter(|(k, v)| k != "lang" && !v.trim().is_empty()).map(|(k, v)| (k, Arg::Text(v))).collect();
    Ok(Request { language, args, raw })
}

/// `a=1&b=x+y` as pairs, percent-decoded.
fn serde_urlencoded_pairs(raw: &str) -> std::result::Result<Vec<(String, String)>, String> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(k)?, decode(v)?))
        })
        .collect()
}

fn decode(text: &str) -> std::result::Result<String, String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => return Err(format!("`{text}` is not percent-encoded text")),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| format!("`{text}` is not UTF-8 text"))
}

impl App {
    /// The database's size and time, for the cache: a load changes them.
    fn stamp(&self) -> Stamp {
        let Location::File(path) = &self.config.location else { return Vec::new() };
        let wal = PathBuf::from(format!("{}.wal", path.display()));
        [path.as_path(), wal.as_path()]
            .iter()
            .map(|p| std::fs::metadata(p).map(|m| (m.len(), m.modified().ok())).unwrap_or((0, None)))
            .collect()
    }

    fn cached(&self, key: &str) -> Option<Answer> {
        if !self.config.cache {
            return None;
        }
        let stamp = self.stamp();
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.stamp.as_ref() != Some(&stamp) {
            cache.answers.clear();
            cache.stamp = Some(stamp);
            return None;
        }
        cache.answers.get(key).cloned()
    }

    fn remember(&self, key: String, answer: &Answer) {
        if answer.status != StatusCode::OK || !self.config.cache {
            return;
        }
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.answers.len() >= CACHE_ENTRIES {
            cache.answers.clear();
        }
        cache.answers.insert(key, answer.clone());
    }

    /// Whether a writer waits for the database file; if so, the shared engine is let go (it
    /// closes when the last request on it ends).
    fn release_for_writer(&self) -> bool {
        let Location::File(path) = &self.config.location else { return false };
        let waiting = db::WriterWaiting::is_waiting(path);
        if waiting {
            self.engine.lock().unwrap_or_else(|e| e.into_inner()).take();
        }
        waiting
    }

    /// A connection for one piece of work, on the engine requests share (opened read-only when
    /// there is none). A writer waiting for the file goes first: the shared engine is let go,
    /// and requests hold back until the writer has the file (or five seconds pass); a database
    /// another process is writing is then tried again for up to two seconds.
    fn engine(&self) -> Result<Arc<Mutex<db::Database>>> {
        if self.release_for_writer() {
            let patience = Instant::now() + Duration::from_secs(5);
            while self.release_for_writer() && Instant::now() < patience {
                std::thread::sleep(Duration::from_millis(20));
            }
        }
        let mut engine = self.engine.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(shared) = engine.as_ref() {
            return Ok(shared.clone());
        }
        let deadline = Instant::now() + Duration::from_secs(2);
        let database = loop {
            match db::open(&self.config.location, Access::Analysis, &self.config.settings) {
                Err(Error::DatabaseInUse { .. }) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
                other => break other?,
            }
        };
        // Nothing a request runs reads or writes a file: DuckDB's file access is switched off for
        // the whole engine (once off, it cannot be switched on again while the engine runs).
        database.conn.execute_batch("SET enable_external_access = false").map_err(|e| Error::Sql { context: "closing file access".into(), source: e })?;
        // And no request changes a setting for the next (`SET GLOBAL memory_limit = '1MB'`).
        db::lock_configuration(&database.conn)?;
        let shared = Arc::new(Mutex::new(database));
        *engine = Some(shared.clone());
        Ok(shared)
    }

    /// Runs one piece of work on its own read-only connection, under the time limit.
    fn with_db<T>(&self, work: impl FnOnce(&duckdb::Connection) -> Result<T>) -> Result<T> {
        let engine = crate::ui::timed("serve: the engine", || self.engine())?;
        // Declared after `engine`, so dropped before it: the engine outlives its connections.
        let conn = crate::ui::timed("serve: a connection", || engine.lock().unwrap_or_else(|e| e.into_inner()).connect())?;
        let interrupt = conn.interrupt_handle();
        let (done, finished) = std::sync::mpsc::channel::<()>();
        let limit = self.config.time_limit;
        let watchdog = std::thread::spawn(move || {
            let timed_out = matches!(finished.recv_timeout(limit), Err(std::sync::mpsc::RecvTimeoutError::Timeout));
            if timed_out {
                interrupt.interrupt();
            }
            timed_out
        });
        let result = crate::ui::timed("serve: the work", || work(&conn));
        let _ = done.send(());
        let timed_out = watchdog.join().unwrap_or(false);
        match result {
            Err(_) if timed_out => Err(Error::TimedOut { seconds: limit.as_secs_f64() }),
            other => other,
        }
    }
}

/// Runs blocking work off the async threads and turns its outcome into an answer.
async fn answer(app: Arc<App>, key: String, work: impl FnOnce(&App) -> Answer + Send + 'static) -> Response {
    if let Some(hit) = app.cached(&key) {
        return respond(hit);
    }
    let worker = app.clone();
    let answer = match tokio::task::spawn_blocking(move || work(&worker)).await {
        Ok(answer) => answer,
        Err(_) => Answer::text(StatusCode::INTERNAL_SERVER_ERROR, "the request failed inside the server"),
    };
    app.remember(key, &answer);
    respond(answer)
}

impl Answer {
    fn html(status: StatusCode, body: String) -> Answer {
        Answer { status, content_type: "text/html; charset=utf-8", disposition: None, body: Arc::new(body.into_bytes()) }
    }

    fn text(status: StatusCode, body: &str) -> Answer {
        Answer { status, content_type: "text/plain; charset=utf-8", disposition: None, body: Arc::new(body.as_bytes().to_vec()) }
    }

    fn json(status: StatusCode, value: String) -> Answer {
        Answer { status, content_type: "application/json", disposition: None, body: Arc::new(value.into_bytes()) }
    }
}

fn respond(answer: Answer) -> Response {
    let mut response = Response::new(Body::from(answer.body.as_ref().clone()));
    *response.status_mut() = answer.status;
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(answer.content_type));
    // Nothing runs but the page's own styles; nothing is loaded from elsewhere.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static("default-src 'none'; style-src 'self'; img-src 'self' data:; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    if let Some(value) = answer.disposition.and_then(|d| HeaderValue::from_str(&d).ok()) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// The HTTP status an error deserves.
fn status_of(error: &Error) -> StatusCode {
    match error {
        Error::Parameter { .. } | Error::Unknown { .. } => StatusCode::BAD_REQUEST,
        Error::UnknownQuery { .. } => StatusCode::NOT_FOUND,
        Error::DatabaseInUse { .. } => StatusCode::SERVICE_UNAVAILABLE,
        Error::TimedOut { .. } => StatusCode::SERVICE_UNAVAILABLE,
        // A query's own refusal (`error(…)` in its SQL: the data cannot answer), and a chart
        // with no value to draw, which says why.
        Error::Sql { source, .. } if source.to_string().contains("Invalid Input Error") => StatusCode::UNPROCESSABLE_ENTITY,
        Error::NothingToDraw { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

async fn home(State(app): State<Arc<App>>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e)),
    };
    let key = format!("home?{:?}", request.language);
    answer(app, key, move |app| {
        let page = app.with_db(|conn| pages::home(conn, &app.config.catalog, request.language));
        match page {
            Ok(html) => Answer::html(StatusCode::OK, html),
            Err(e) => Answer::html(status_of(&e), pages::error_page(request.language, status_of(&e), &e.to_string(), &[])),
        }
    })
    .await
}

/// What `/q/NAME.EXT` asks for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum View {
    Page,
    Json,
    Csv,
    Parquet,
    Xlsx,
    Svg,
    Png,
}

fn view_of(name: &str) -> (String, Option<View>) {
    match name.rsplit_once('.') {
        None => (name.to_string(), Some(View::Page)),
        Some((base, ext)) => (
            base.to_string(),
            match ext {
                "json" => Some(View::Json),
                "csv" => Some(View::Csv),
                "parquet" => Some(View::Parquet),
                "xlsx" => Some(View::Xlsx),
                "svg" => Some(View::Svg),
                "png" => Some(View::Png),
                _ => None,
            },
        ),
    }
}

async fn query(State(app): State<Arc<App>>, Path(name): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let (name, view) = view_of(&name);
    let Some(view) = view else {
        return respond(Answer::text(StatusCode::NOT_FOUND, "unknown extension: the views are .json, .csv, .parquet, .xlsx, .svg and .png"));
    };
    run_view(app, name, view, raw, headers).await
}

async fn api_query(State(app): State<Arc<App>>, Path(name): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    run_view(app, name, View::Json, raw, headers).await
}

async fn run_view(app: Arc<App>, name: String, view: View, raw: Option<String>, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e)),
    };
    let key = format!("q/{name}/{view:?}/{:?}?{}", request.language, request.raw);
    answer(app, key, move |app| query_answer(app, &name, view, &request)).await
}

fn query_answer(app: &App, name: &str, view: View, request: &Request) -> Answer {
    let language = request.language;
    let query = match app.config.catalog.get(name) {
        Ok(q) => q,
        Err(e) => {
            let suggestions = match &e {
                Error::UnknownQuery { suggestions, .. } => suggestions.clone(),
                _ => Vec::new(),
            };
            return match view {
                View::Page => Answer::html(StatusCode::NOT_FOUND, pages::error_page(language, StatusCode::NOT_FOUND, &e.to_string(), &suggestions)),
                _ => Answer::json(StatusCode::NOT_FOUND, error_json(&e)),
            };
        }
    };
    let missing_required = query.header.params.iter().any(|p| p.required() && !request.args.iter().any(|(k, _)| *k == p.name));
    if view == View::Page && missing_required {
        // The form alone, with the defaults filled in.
        return Answer::html(StatusCode::OK, pages::query_page(language, query, &request.args, None, &app.shapes, None));
    }
    let outcome = app.with_db(|conn| {
        let collected = crate::ui::timed("serve: the query", || execution::collect_named(conn, query, &request.args))?;
        Ok(match view {
            View::Page => {
                let result = pages::QueryResult { conn, catalog: &app.config.catalog, collected: &collected, row_cap: app.config.row_cap };
                Answer::html(StatusCode::OK, pages::query_page(language, query, &request.args, Some(&result), &app.shapes, None))
            }
            View::Json => Answer::json(StatusCode::OK, result_json(query, &request.args, &collected)?),
            View::Csv | View::Parquet | View::Xlsx => {
                let (format, content_type, ext) = match view {
                    View::Csv => (Format::Csv, "text/csv; charset=utf-8", "csv"),
                    View::Parquet => (Format::Parquet, "application/vnd.apache.parquet", "parquet"),
                    _ => (Format::Xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
                };
                let options = OutputOptions {
                    locale: if language == Language::Tr { output::Locale::Tr } else { output::Locale::En },
                    about: Some(crate::excel::About { query: query.name.clone(), summary: query.header.summary.clone(), parameters: execution::effective_args(query, &request.args) }),
                    ..OutputOptions::default()
                };
                let mut body: Vec<u8> = Vec::new();
                let stream = execution::ResultStream::from_batches(collected.schema.clone(), collected.batches.clone());
                output::write_into(stream, format, &options, &mut body)?;
                Answer { status: StatusCode::OK, content_type, disposition: Some(format!("attachment; filename=\"{}.{ext}\"", query.name)), body: Arc::new(body) }
            }
            View::Svg | View::Png => {
                let chart_request = charts::Request { language, ..charts::Request::default() };
                let chart = execution::draw_collected(conn, &app.config.catalog, query, &request.args, &collected, &chart_request, Some(&app.shapes))?;
                match view {
                    View::Svg => Answer { status: StatusCode::OK, content_type: "image/svg+xml", disposition: None, body: Arc::new(chart.svg.into_bytes()) },
                    _ => Answer { status: StatusCode::OK, content_type: "image/png", disposition: None, body: Arc::new(chart.png(1.0)?) },
                }
            }
        })
    });
    match outcome {
        Ok(answer) => answer,
        Err(e) => {
            let status = status_of(&e);
            match view {
                View::Page => Answer::html(status, pages::query_page(language, query, &request.args, None, &app.shapes, Some(&e))),
                _ => Answer::json(status, error_json(&e)),
            }
        }
    }
}

fn error_json(error: &Error) -> String {
    let field = match error {
        Error::Parameter { name, .. } => Some(name.clone()),
        _ => None,
    };
    serde_json::json!({ "error": error.to_string(), "parameter": field }).to_string()
}

/// A result for programs: the query, the parameters it ran with (defaults included), the columns
/// with their types, the rows (written by the output layer's JSON writer), the notices and the
/// sources the rows cite.
fn result_json(query: &crate::catalog::Query, args: &[(String, Arg)], collected: &Collected) -> Result<String> {
    let mut rows: Vec<u8> = Vec::new();
    let stream = execution::ResultStream::from_batches(collected.schema.clone(), collected.batches.clone());
    let count = output::write_into(stream, Format::Json, &OutputOptions::default(), &mut rows)?;
    let rows = String::from_utf8(rows).map_err(|_| Error::msg("the JSON writer wrote text that is not UTF-8"))?;
    let mut parameters = serde_json::Map::new();
    for param in &query.header.params {
        let value = args.iter().find(|(k, _)| *k == param.name).map(|(_, v)| v.to_string()).or_else(|| param.default.clone().filter(|d| d != "null"));
        parameters.insert(param.name.clone(), value.map(serde_json::Value::String).unwrap_or(serde_json::Value::Null));
    }
    let columns: Vec<serde_json::Value> = collected.schema.fields().iter().map(|f| serde_json::json!({"name": f.name(), "type": f.data_type().to_string()})).collect();
    let sources = pages::sources(collected)?;
    let head = serde_json::json!({
        "query": query.name,
        "summary": query.header.summary,
        "parameters": parameters,
        "columns": columns,
        "row_count": count,
        "notices": collected.notices.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
        "sources": sources,
    });
    let head = head.to_string();
    // The rows are the output layer's own JSON array, placed into the object as they are.
    let rows = rows.trim();
    let rows = if rows.is_empty() { "[]" } else { rows };
    Ok(format!("{},\"rows\":{rows}}}\n", &head[..head.len() - 1]))
}

async fn api_catalog(State(app): State<Arc<App>>) -> Response {
    let queries: Vec<serde_json::Value> = app.config.catalog.queries().map(crate::catalog::describe_json).collect();
    respond(Answer::json(StatusCode::OK, serde_json::json!({ "queries": queries }).to_string()))
}

async fn report(State(app): State<Arc<App>>, Path((year, month)): Path<(String, String)>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e)),
    };
    let (Ok(year), Ok(month)) = (year.parse::<i32>(), month.parse::<u32>()) else {
        return respond(Answer::html(StatusCode::NOT_FOUND, pages::error_page(request.language, StatusCode::NOT_FOUND, "a report's address is /report/YEAR/MONTH, such as /report/2025/10", &[])));
    };
    if !(1..=12).contains(&month) || !(2000..=2100).contains(&year) {
        return respond(Answer::html(StatusCode::NOT_FOUND, pages::error_page(request.language, StatusCode::NOT_FOUND, &format!("no such month: {year}/{month}"), &[])));
    }
    let basis = request.args.iter().find(|(k, _)| k == "basis").map(|(_, v)| v.to_string()).unwrap_or_else(|| "activity".to_string());
    if basis != "activity" && basis != "registered" {
        return respond(Answer::html(StatusCode::BAD_REQUEST, pages::error_page(request.language, StatusCode::BAD_REQUEST, "basis: expected activity or registered", &[])));
    }
    let key = format!("report/{year}/{month}/{basis}/{:?}", request.language);
    answer(app, key, move |app| {
        let page = app.with_db(|conn| {
            let facts = crate::report::facts(conn, &app.config.catalog, year, month, &basis)?;
            if facts.is_empty() {
                return Err(Error::msg(format!("no figures for {year}-{month:02} on the {basis} basis")));
            }
            crate::report::html(conn, &app.config.catalog, &facts, request.language)
        });
        match page {
            Ok(html) => Answer::html(StatusCode::OK, pages::with_navigation(&html, request.language, &format!("/report/{year}/{month}"))),
            Err(e) => {
                let status = if e.to_string().starts_with("no figures") { StatusCode::NOT_FOUND } else { status_of(&e) };
                Answer::html(status, pages::error_page(request.language, status, &e.to_string(), &[]))
            }
        }
    })
    .await
}

/// A province's page: its months of a year on both bases, side by side when both exist.
async fn province(State(app): State<Arc<App>>, Path(name): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e)),
    };
    let key = format!("province/{name}/{:?}?{}", request.language, request.raw);
    answer(app, key, move |app| {
        let language = request.language;
        let page = app.with_db(|conn| {
            let resolved = crate::reference::resolve(conn, crate::reference::Kind::Province, &name)?;
            let year: i32 = match request.args.iter().find(|(k, _)| k == "year") {
                Some((_, y)) => y.to_string().parse().map_err(|_| Error::Parameter { name: "year".into(), message: format!("`{y}` is not a year") })?,
                None => crate::report::latest_month(conn, "activity")?.0,
            };
            let query = app.config.catalog.get("province_profile")?;
            let mut bases = Vec::new();
            for basis in ["activity", "registered"] {
                let args = crate::catalog::args([("province", resolved.name.as_str().into()), ("year", year.into()), ("basis", basis.into())]);
                let collected = execution::collect_named(conn, query, &args)?;
                let chart = charts::Request { language, kind: Some(charts::Kind::Line), ..charts::Request::default() };
                let has_values = pages::has_values(&collected, "value_usd")?;
                let svg = if has_values { execution::draw_collected(conn, &app.config.catalog, query, &args, &collected, &chart, None).ok().map(|c| c.svg) } else { None };
                bases.push(pages::Basis { basis, args, collected, svg, has_values });
            }
            Ok(pages::province_page(language, &resolved.name, year, &bases, app.config.row_cap))
        });
        match page {
            Ok(html) => Answer::html(StatusCode::OK, html),
            Err(e) => Answer::html(status_of(&e), pages::error_page(language, status_of(&e), &e.to_string(), &[])),
        }
    })
    .await
}

/// The latest month with data, as a redirect, so that a link to "the report" stays right.
async fn report_latest(State(app): State<Arc<App>>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let language = request(raw, &headers).map(|r| r.language).unwrap_or_default();
    let worker = app.clone();
    let latest = tokio::task::spawn_blocking(move || worker.with_db(|conn| crate::report::latest_month(conn, "activity"))).await;
    match latest {
        Ok(Ok((year, month))) => {
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::SEE_OTHER;
            let target = format!("/report/{year}/{month}?lang={}", if language == Language::En { "en" } else { "tr" });
            if let Ok(value) = HeaderValue::from_str(&target) {
                response.headers_mut().insert(header::LOCATION, value);
            }
            response
        }
        Ok(Err(e)) => respond(Answer::html(status_of(&e), pages::error_page(language, status_of(&e), &e.to_string(), &[]))),
        Err(_) => respond(Answer::text(StatusCode::INTERNAL_SERVER_ERROR, "the request failed inside the server")),
    }
}

async fn sql(State(app): State<Arc<App>>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e)),
    };
    let language = request.language;
    if !app.config.sql {
        return respond(Answer::html(StatusCode::NOT_FOUND, pages::error_page(language, StatusCode::NOT_FOUND, words::words(language).sql_disabled, &[])));
    }
    let text = request.args.iter().find(|(k, _)| k == "q").map(|(_, v)| v.to_string());
    let Some(text) = text else {
        return respond(Answer::html(StatusCode::OK, pages::sql_page(language, "", None)));
    };
    let key = format!("sql/{language:?}?{}", request.raw);
    answer(app, key, move |app| {
        let outcome = app.with_db(|conn| {
            let statement = one_read_statement(&text)?;
            // No file is read from the server: the engine's file access is off (see `engine`),
            // and `execute` refuses SET, ATTACH, COPY and the rest before anything runs.
            let mut collected = None;
            crate::script::execute(conn, &statement, false, &mut |stream| {
                let schema = stream.schema.clone();
                let mut batches = Vec::new();
                let mut rows = 0usize;
                for batch in stream.batches {
                    let batch = batch.map_err(|e| Error::Sql { context: String::new(), source: e })?;
                    rows += batch.num_rows();
                    batches.push(batch);
                    if rows > app.config.row_cap {
                        break;
                    }
                }
                collected = Some(Collected { sql_schema: schema.clone(), schema, batches, notices: Vec::new() });
                Ok(())
            })?;
            collected.ok_or_else(|| Error::msg("the statement returned no result"))
                .and_then(|c| pages::sql_result(language, &c, app.config.row_cap))
        });
        match outcome {
            Ok(result) => Answer::html(StatusCode::OK, pages::sql_page(language, &text, Some(Ok(result)))),
            Err(e) => {
                let status = if matches!(status_of(&e), StatusCode::SERVICE_UNAVAILABLE) { StatusCode::SERVICE_UNAVAILABLE } else { StatusCode::BAD_REQUEST };
                Answer::html(status, pages::sql_page(language, &text, Some(Err(crate::script::clean(&e)))))
            }
        }
    })
    .await
}

/// The SQL page takes one statement that returns rows.
fn one_read_statement(text: &str) -> Result<crate::script::Statement> {
    let mut statements = crate::script::split(text);
    match statements.len() {
        0 => Err(Error::msg("no SQL statement")),
        1 if statements[0].returns_rows() => Ok(statements.remove(0)),
        1 => Err(Error::msg("only a statement that returns rows (SELECT, FROM, WITH …) runs here")),
        n => Err(Error::msg(format!("one statement at a time: this text has {n}"))),
    }
}

async fn asset(Path(file): Path<String>) -> Response {
    // Only the embedded files exist: no path reaches the disk.
    match pages::asset(&file) {
        Some((content_type, body)) => {
            let mut response = respond(Answer { status: StatusCode::OK, content_type, disposition: None, body: Arc::new(body.to_vec()) });
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=86400"));
            response
        }
        None => not_found_plain(),
    }
}

fn not_found_plain() -> Response {
    respond(Answer::text(StatusCode::NOT_FOUND, "not found"))
}

async fn not_found(RawQuery(raw): RawQuery, headers: HeaderMap) -> impl IntoResponse {
    let language = request(raw, &headers).map(|r| r.language).unwrap_or_default();
    respond(Answer::html(StatusCode::NOT_FOUND, pages::error_page(language, StatusCode::NOT_FOUND, "no page at this address", &[])))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_decode_as_forms_send_them() {
        assert_eq!(serde_urlencoded_pairs("year=2025&province=%C4%B0stanbul&x=a+b").unwrap(), vec![
            ("year".into(), "2025".into()),
            ("province".into(), "İstanbul".into()),
            ("x".into(), "a b".into())
        ]);
        assert!(serde_urlencoded_pairs("a=%ZZ").is_err());
        assert!(serde_urlencoded_pairs("a=%C4").is_err());
        assert!(serde_urlencoded_pairs("a=%4").is_err());
    }

    #[test]
    fn extensions_choose_the_view() {
        assert_eq!(view_of("top_provinces.csv"), ("top_provinces".into(), Some(View::Csv)));
        assert_eq!(view_of("top_provinces"), ("top_provinces".into(), Some(View::Page)));
        assert_eq!(view_of("top_provinces.exe").1, None);
    }
}
