//! The engine requests share and the answers they leave: one read-only DuckDB engine, a
//! connection a request (kept for the next), a time limit that interrupts DuckDB, the engine let
//! go while a writer waits for the file; and answers cached until the database file changes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use super::Config;
use crate::charts::Shapes;
use crate::db::{Location, SharedEngine};
use crate::error::{Error, Result};

pub(super) struct App {
    pub(super) config: Config,
    pub(super) shapes: Shapes,
    pub(super) cache: Mutex<Cache>,
    pub(super) engine: Arc<SharedEngine>,
}

/// Answers by request, valid while the database file is unchanged.
#[derive(Default)]
pub(super) struct Cache {
    pub(super) stamp: Option<Stamp>,
    pub(super) answers: HashMap<String, Answer>,
}

pub(super) type Stamp = Vec<(u64, Option<SystemTime>)>;

#[derive(Clone)]
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) content_type: &'static str,
    pub(super) disposition: Option<String>,
    pub(super) body: Arc<Vec<u8>>,
}

pub(super) const CACHE_ENTRIES: usize = 2048;

impl App {
    /// The database's size and time, for the cache: a load changes them.
    pub(super) fn stamp(&self) -> Stamp {
        let Location::File(path) = self.engine.location() else { return Vec::new() };
        let wal = PathBuf::from(format!("{}.wal", path.display()));
        [path.as_path(), wal.as_path()]
            .iter()
            .map(|p| std::fs::metadata(p).map(|m| (m.len(), m.modified().ok())).unwrap_or((0, None)))
            .collect()
    }

    pub(super) fn cached(&self, key: &str) -> Option<Answer> {
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

    /// Runs one piece of work on the shared engine (see `SharedEngine::with_db`).
    pub(super) fn with_db<T>(&self, work: impl FnOnce(&duckdb::Connection) -> Result<T>) -> Result<T> {
        self.engine.with_db(work)
    }

    pub(super) fn remember(&self, key: String, answer: &Answer) {
        if answer.status != StatusCode::OK || !self.config.cache {
            return;
        }
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.answers.len() >= CACHE_ENTRIES {
            cache.answers.clear();
        }
        cache.answers.insert(key, answer.clone());
    }
}

impl Answer {
    pub(super) fn html(status: StatusCode, body: String) -> Answer {
        Answer { status, content_type: "text/html; charset=utf-8", disposition: None, body: Arc::new(body.into_bytes()) }
    }

    pub(super) fn text(status: StatusCode, body: &str) -> Answer {
        Answer { status, content_type: "text/plain; charset=utf-8", disposition: None, body: Arc::new(body.as_bytes().to_vec()) }
    }

    pub(super) fn json(status: StatusCode, value: String) -> Answer {
        Answer { status, content_type: "application/json", disposition: None, body: Arc::new(value.into_bytes()) }
    }
}

pub(super) fn respond(answer: Answer) -> Response {
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
pub(super) fn status_of(error: &Error) -> StatusCode {
    match error {
        Error::Parameter { .. } | Error::Unknown { .. } => StatusCode::BAD_REQUEST,
        Error::UnknownQuery { .. } => StatusCode::NOT_FOUND,
        Error::DatabaseInUse { .. } => StatusCode::SERVICE_UNAVAILABLE,
        Error::TimedOut { .. } => StatusCode::SERVICE_UNAVAILABLE,
        // A query's own refusal (`error(…)` in its SQL: the data cannot answer), and a chart
        // with no value to draw, which says why.
        Error::Refused { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        Error::NoFigures { .. } => StatusCode::NOT_FOUND,
        Error::NothingToDraw { .. } | Error::NoRowsToDraw { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
