//! The engine requests share and the answers they leave: one read-only DuckDB engine, a
//! connection a request, a time limit that interrupts DuckDB, the engine let go while a writer
//! waits for the file; and answers cached until the database file changes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use axum::body::Body;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;

use super::Config;
use crate::charts::Shapes;
use crate::db::{self, Access, Location};
use crate::error::{Error, Result};

pub(super) struct App {
    pub(super) config: Config,
    pub(super) shapes: Shapes,
    pub(super) cache: Mutex<Cache>,
    /// The open engine requests share; let go (and dropped once the last request using it ends)
    /// when a writer waits for the file.
    pub(super) engine: Mutex<Option<Arc<Mutex<db::Database>>>>,
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
        let Location::File(path) = &self.config.location else { return Vec::new() };
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

    /// Whether a writer waits for the database file; if so, the shared engine is let go (it
    /// closes when the last request on it ends).
    pub(super) fn release_for_writer(&self) -> bool {
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
    pub(super) fn engine(&self) -> Result<Arc<Mutex<db::Database>>> {
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
    pub(super) fn with_db<T>(&self, work: impl FnOnce(&duckdb::Connection) -> Result<T>) -> Result<T> {
        let engine = crate::trace::timed("serve: the engine", || self.engine())?;
        // Declared after `engine`, so dropped before it: the engine outlives its connections.
        let conn = crate::trace::timed("serve: a connection", || engine.lock().unwrap_or_else(|e| e.into_inner()).connect())?;
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
        let result = crate::trace::timed("serve: the work", || work(&conn));
        let _ = done.send(());
        let timed_out = watchdog.join().unwrap_or(false);
        match result {
            Err(_) if timed_out => Err(Error::TimedOut { seconds: limit.as_secs_f64() }),
            other => other,
        }
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
        Error::Sql { source, .. } if source.to_string().contains("Invalid Input Error") => StatusCode::UNPROCESSABLE_ENTITY,
        Error::NothingToDraw { .. } => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    }
}
