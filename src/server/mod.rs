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

mod engine;
mod pages;
mod request;
mod words;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use crate::catalog::Catalog;
use crate::charts;
use crate::db::{self, Access, EngineSettings, Location, SharedEngine};
use crate::error::{Error, Result};
use crate::execution;
use crate::language::Language;
use crate::output::{self, OutputOptions};
use engine::{Answer, App, respond, status_of};
use request::{Request, View, request, view_of};

pub struct Config {
    pub location: Location,
    pub settings: EngineSettings,
    pub catalog: Arc<Catalog>,
    /// The ad-hoc SQL page (`--no-sql` turns it off).
    pub sql: bool,
    pub time_limit: Duration,
    /// Rows a page or the SQL page shows; downloads have them all.
    pub row_cap: usize,
    /// Keep answers until the database changes (off: every request runs its query).
    pub cache: bool,
}

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
    let engine = Arc::new(SharedEngine::new(config.location.clone(), config.settings.clone(), config.time_limit));
    let app = Arc::new(App { config, shapes, cache: Mutex::default(), engine });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .max_blocking_threads(query_threads())
        .enable_all()
        .build()
        .map_err(|e| Error::msg(format!("starting the server: {e}")))?;
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
                watcher.engine.release_for_writer();
            }
        });
        let loopback = address.ip().is_loopback();
        axum::serve(listener, router(app, loopback))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|e| Error::msg(format!("serving: {e}")))
    })
}

/// How many requests run DuckDB at once; the rest wait their turn. Tokio's default (512 threads)
/// let 32 clients start 32 queries on two cores: slower in all (1,150 against 1,290 answers a
/// second) and three times the memory. Four a core keeps a slow query from holding up the rest
/// (its time limit ends it), as Datasette's three SQL threads do.
fn query_threads() -> usize {
    std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get).saturating_mul(4).max(8)
}

fn router(app: Arc<App>, loopback: bool) -> Router {
    // The assistant interface on the same engine, time limit and catalog, curated (no SQL tool).
    let assistant = crate::mcp::Assistant::new(
        crate::mcp::Config { catalog: app.config.catalog.clone(), allow_sql: false, row_cap: app.config.row_cap, size_cap: 200_000 },
        app.engine.clone(),
    );
    Router::new()
        .nest_service("/mcp", crate::mcp::http_service(assistant, loopback))
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

async fn home(State(app): State<Arc<App>>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e.to_string())),
    };
    let key = format!("home?{:?}", request.language);
    answer(app, key, move |app| {
        let page = app.with_db(|conn| pages::home(conn, &app.config.catalog, request.language, &app.shapes));
        match page {
            Ok(html) => Answer::html(StatusCode::OK, html),
            Err(e) => Answer::html(status_of(&e), pages::error_page(request.language, status_of(&e), &e.said(request.language), &[])),
        }
    })
    .await
}

async fn query(State(app): State<Arc<App>>, Path(name): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let (name, view) = view_of(&name);
    let Some(view) = view else {
        return respond(Answer::text(StatusCode::NOT_FOUND, &format!("unknown extension: the views are {}", request::view_extensions())));
    };
    run_view(app, name, view, raw, headers).await
}

async fn api_query(State(app): State<Arc<App>>, Path(name): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    run_view(app, name, View::Json, raw, headers).await
}

async fn run_view(app: Arc<App>, name: String, view: View, raw: Option<String>, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e.to_string())),
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
                View::Page => Answer::html(StatusCode::NOT_FOUND, pages::error_page(language, StatusCode::NOT_FOUND, &e.said(language), &suggestions)),
                _ => Answer::json(StatusCode::NOT_FOUND, error_json(&e)),
            };
        }
    };
    let missing_required = query.header.params.iter().any(|p| p.required() && !request.args.iter().any(|(k, _)| *k == p.name));
    if view == View::Page && missing_required {
        // The form alone, with the defaults filled in.
        return Answer::html(StatusCode::OK, pages::query_page(language, query, &request.args, None, &app.shapes, None));
    }
    // A chart's size and scale are the picture's, not the query's.
    let mut args = request.args.clone();
    let size = match view {
        View::Svg | View::Png => match request::chart_size(&mut args, query) {
            Ok(size) => Some(size),
            Err(e) => return Answer::json(status_of(&e), error_json(&e)),
        },
        _ => None,
    };
    let request = &Request { language: request.language, args, raw: request.raw.clone() };
    let outcome = app.with_db(|conn| {
        let collected = crate::trace::timed("serve: the query", || execution::collect_named(conn, query, &request.args))?;
        Ok(match view {
            View::Page => {
                let result = pages::QueryResult { conn, catalog: &app.config.catalog, collected: &collected, row_cap: app.config.row_cap };
                Answer::html(StatusCode::OK, pages::query_page(language, query, &request.args, Some(&result), &app.shapes, None))
            }
            View::Json => Answer::json(StatusCode::OK, output::document::result_json(query, &request.args, &collected)?),
            View::Download(format) => {
                let spec = format.spec();
                let options = OutputOptions {
                    locale: language,
                    words: language,
                    about: Some(crate::output::excel::About {
                        query: query.name.clone(),
                        summary: query.header.title_in(language).to_string(),
                        parameters: execution::effective_args(query, &request.args),
                        notices: collected.notices.iter().map(|n| n.text(language)).collect(),
                    }),
                    ..OutputOptions::default()
                };
                let mut body: Vec<u8> = Vec::new();
                let stream = crate::db::ResultStream::from_batches(collected.schema.clone(), collected.batches.clone());
                output::write_into(stream, format, &options, &mut body)?;
                Answer { status: StatusCode::OK, content_type: spec.media_type, disposition: Some(format!("attachment; filename=\"{}.{}\"", query.name, spec.extensions[0])), body: Arc::new(body) }
            }
            View::Svg | View::Png => {
                let size = size.unwrap_or(request::ChartSize { width: None, scale: 1.0 });
                let chart_request = charts::Request { language, width: size.width, ..charts::Request::default() };
                let chart = charts::draw_collected(conn, &app.config.catalog, query, &request.args, &collected, &chart_request, Some(&app.shapes))?;
                match view {
                    View::Svg => Answer { status: StatusCode::OK, content_type: "image/svg+xml", disposition: None, body: Arc::new(chart.svg.into_bytes()) },
                    _ => Answer { status: StatusCode::OK, content_type: "image/png", disposition: None, body: Arc::new(chart.png(size.scale)?) },
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

async fn api_catalog(State(app): State<Arc<App>>) -> Response {
    let queries: Vec<serde_json::Value> = app.config.catalog.queries().map(crate::catalog::describe_json).collect();
    respond(Answer::json(StatusCode::OK, serde_json::json!({ "queries": queries }).to_string()))
}

async fn report(State(app): State<Arc<App>>, Path((year, month)): Path<(String, String)>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e.to_string())),
    };
    let (Ok(year), Ok(month)) = (year.parse::<i32>(), month.parse::<u32>()) else {
        return respond(Answer::html(StatusCode::NOT_FOUND, pages::error_page(request.language, StatusCode::NOT_FOUND, words::words(request.language).report_address, &[])));
    };
    if !(1..=12).contains(&month) || !(2000..=2100).contains(&year) {
        return respond(Answer::html(StatusCode::NOT_FOUND, pages::error_page(request.language, StatusCode::NOT_FOUND, &format!("{}: {year}/{month}", words::words(request.language).no_such_month), &[])));
    }
    let basis = request.args.iter().find(|(k, _)| k == "basis").map(|(_, v)| v.to_string()).unwrap_or_else(|| "activity".to_string());
    if basis != "activity" && basis != "registered" {
        return respond(Answer::html(StatusCode::BAD_REQUEST, pages::error_page(request.language, StatusCode::BAD_REQUEST, words::words(request.language).basis_expected, &[])));
    }
    let key = format!("report/{year}/{month}/{basis}/{:?}", request.language);
    answer(app, key, move |app| {
        let page = app.with_db(|conn| {
            let facts = crate::report::facts(conn, &app.config.catalog, year, month, &basis)?;
            if facts.is_empty() {
                return Err(Error::NoFigures { period: format!("{year}-{month:02}"), basis: basis.clone() });
            }
            let html = crate::report::html(conn, &app.config.catalog, &facts, request.language)?;
            let downloads = pages::report_downloads(&app.config.catalog, year, month, &basis, !facts.top_increases.is_empty(), request.language);
            // At the end of the report's column, after its sources.
            Ok(html.replacen("</main>", &format!("{downloads}\n</main>"), 1))
        });
        match page {
            Ok(html) => {
                let months = app.with_db(|conn| pages::report_months(conn, &app.config.catalog)).unwrap_or_default();
                Answer::html(StatusCode::OK, pages::with_navigation(&html, request.language, &format!("/report/{year}/{month}"), Some((year, month, &months))))
            }
            Err(e) => {
                let status = status_of(&e);
                Answer::html(status, pages::error_page(request.language, status, &e.said(request.language), &[]))
            }
        }
    })
    .await
}

/// A province's page: its months of a year on both bases, side by side when both exist.
async fn province(State(app): State<Arc<App>>, Path(name): Path<String>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e.to_string())),
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
                let svg = if has_values { charts::draw_collected(conn, &app.config.catalog, query, &args, &collected, &chart, None).ok().map(|c| c.svg) } else { None };
                bases.push(pages::Basis { basis, args, collected, svg, has_values });
            }
            Ok(pages::province_page(language, &resolved.name, year, &bases, app.config.row_cap))
        });
        match page {
            Ok(html) => Answer::html(StatusCode::OK, html),
            Err(e) => Answer::html(status_of(&e), pages::error_page(language, status_of(&e), &e.said(language), &[])),
        }
    })
    .await
}

/// The latest month with data, as a redirect, so that a link to "the report" stays right.
async fn report_latest(State(app): State<Arc<App>>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let asked = request(raw, &headers).ok();
    let language = asked.as_ref().map(|r| r.language).unwrap_or_default();
    // The report page's month picker sends ?month=YYYY-MM here: answered with that month's page.
    let picked = asked.as_ref().and_then(|r| r.args.iter().find(|(k, _)| k == "month")).and_then(|(_, v)| {
        let text = v.to_string();
        let (year, month) = text.trim().split_once('-')?;
        Some((year.parse::<i32>().ok()?, month.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?))
    });
    let worker = app.clone();
    let latest = match picked {
        Some(month) => Ok(Ok(month)),
        None => tokio::task::spawn_blocking(move || worker.with_db(|conn| crate::report::latest_month(conn, "activity"))).await,
    };
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
        Ok(Err(e)) => respond(Answer::html(status_of(&e), pages::error_page(language, status_of(&e), &e.said(language), &[]))),
        Err(_) => respond(Answer::text(StatusCode::INTERNAL_SERVER_ERROR, "the request failed inside the server")),
    }
}

async fn sql(State(app): State<Arc<App>>, RawQuery(raw): RawQuery, headers: HeaderMap) -> Response {
    let request = match request(raw, &headers) {
        Ok(r) => r,
        Err(e) => return respond(Answer::text(StatusCode::BAD_REQUEST, &e.to_string())),
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
            // No file is read from the server: the engine's file access is off (see `engine`),
            // and `execute` refuses SET, ATTACH, COPY and the rest before anything runs.
            crate::script::read_capped(conn, &text, app.config.row_cap).and_then(|c| pages::sql_result(language, &c, app.config.row_cap))
        });
        match outcome {
            Ok(result) => Answer::html(StatusCode::OK, pages::sql_page(language, &text, Some(Ok(result)))),
            Err(e) => {
                let status = if matches!(status_of(&e), StatusCode::SERVICE_UNAVAILABLE) { StatusCode::SERVICE_UNAVAILABLE } else { StatusCode::BAD_REQUEST };
                Answer::html(status, pages::sql_page(language, &text, Some(Err(crate::error::Invalid(crate::script::clean(&e))))))
            }
        }
    })
    .await
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
    respond(Answer::html(StatusCode::NOT_FOUND, pages::error_page(language, StatusCode::NOT_FOUND, words::words(language).no_page, &[])))
}

#[cfg(test)]
mod tests {
    use super::request::serde_urlencoded_pairs;
    use super::*;
    use crate::output::Format;

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
        assert_eq!(view_of("top_provinces.csv"), ("top_provinces".into(), Some(View::Download(Format::Csv))));
        assert_eq!(view_of("top_provinces.ndjson"), ("top_provinces".into(), Some(View::Download(Format::Ndjson))));
        assert_eq!(view_of("top_provinces.txt"), ("top_provinces".into(), None));
        assert_eq!(view_of("top_provinces"), ("top_provinces".into(), Some(View::Page)));
        assert_eq!(view_of("top_provinces.exe").1, None);
    }
}
