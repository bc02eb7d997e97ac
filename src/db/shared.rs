//! One read-only engine shared by the requests of a long-running front end (`serve`, `mcp`):
//! a connection a request, file access off and settings locked for the whole engine, a time
//! limit that interrupts DuckDB, and the engine let go while a writer (a `load` in another
//! process) waits for the file, then opened afresh so the next answer shows the new data.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::{Access, Database, EngineSettings, Location, WriterWaiting, lock_configuration, open};
use crate::error::{Error, Result};

pub struct SharedEngine {
    location: Location,
    settings: EngineSettings,
    time_limit: Duration,
    /// The open engine requests share; let go (and dropped once the last request using it ends)
    /// when a writer waits for the file.
    engine: Mutex<Option<Arc<Mutex<Database>>>>,
}

impl SharedEngine {
    /// Nothing is opened until the first request.
    pub fn new(location: Location, settings: EngineSettings, time_limit: Duration) -> SharedEngine {
        SharedEngine { location, settings, time_limit, engine: Mutex::new(None) }
    }

    pub fn location(&self) -> &Location {
        &self.location
    }

    /// Whether a writer waits for the database file; if so, the shared engine is let go (it
    /// closes when the last request on it ends).
    pub fn release_for_writer(&self) -> bool {
        let Location::File(path) = &self.location else { return false };
        let waiting = WriterWaiting::is_waiting(path);
        if waiting {
            self.engine.lock().unwrap_or_else(|e| e.into_inner()).take();
        }
        waiting
    }

    /// A connection for one piece of work, on the engine requests share (opened read-only when
    /// there is none). A writer waiting for the file goes first: the shared engine is let go,
    /// and requests hold back until the writer has the file (or five seconds pass); a database
    /// another process is writing is then tried again for up to two seconds.
    fn engine(&self) -> Result<Arc<Mutex<Database>>> {
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
            match open(&self.location, Access::Analysis, &self.settings) {
                Err(Error::DatabaseInUse { .. }) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(50)),
                other => break other?,
            }
        };
        // Nothing a request runs reads or writes a file: DuckDB's file access is switched off for
        // the whole engine (once off, it cannot be switched on again while the engine runs).
        database.conn.execute_batch("SET enable_external_access = false").map_err(|e| Error::Sql { context: "closing file access".into(), source: e })?;
        // And no request changes a setting for the next (`SET GLOBAL memory_limit = '1MB'`).
        lock_configuration(&database.conn)?;
        let shared = Arc::new(Mutex::new(database));
        *engine = Some(shared.clone());
        Ok(shared)
    }

    /// Runs one piece of work on its own read-only connection, under the time limit.
    pub fn with_db<T>(&self, work: impl FnOnce(&duckdb::Connection) -> Result<T>) -> Result<T> {
        let engine = crate::trace::timed("the engine", || self.engine())?;
        // Declared after `engine`, so dropped before it: the engine outlives its connections.
        let conn = crate::trace::timed("a connection", || engine.lock().unwrap_or_else(|e| e.into_inner()).connect())?;
        let interrupt = conn.interrupt_handle();
        let (done, finished) = std::sync::mpsc::channel::<()>();
        let limit = self.time_limit;
        let watchdog = std::thread::spawn(move || {
            let timed_out = matches!(finished.recv_timeout(limit), Err(std::sync::mpsc::RecvTimeoutError::Timeout));
            if timed_out {
                interrupt.interrupt();
            }
            timed_out
        });
        let result = crate::trace::timed("the work", || work(&conn));
        let _ = done.send(());
        let timed_out = watchdog.join().unwrap_or(false);
        match result {
            Err(_) if timed_out => Err(Error::TimedOut { seconds: limit.as_secs_f64() }),
            other => other,
        }
    }
}
