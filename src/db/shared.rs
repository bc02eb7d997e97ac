//! One read-only engine shared by the requests of a long-running front end (`serve`, `mcp`):
//! a connection a request (kept for the next request when the work ends well), file access off
//! and settings locked for the whole engine, a time limit that interrupts DuckDB, and the engine
//! let go while a writer (a `load` in another process) waits for the file, then opened afresh so
//! the next answer shows the new data.

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
    engine: Mutex<Option<Arc<Engine>>>,
}

/// An open engine and the connections that requests have finished with. Making a connection
/// (and its catalog search path) was 0.4 ms of a 3 ms request; a kept one also keeps the
/// statements it prepared.
struct Engine {
    // Declared before `database`, so dropped before it: the engine outlives its connections.
    idle: Mutex<Vec<duckdb::Connection>>,
    database: Mutex<Database>,
}

/// At most this many idle connections are kept: more than the server's blocking threads ever
/// run DuckDB at once on a small machine, few enough that their memory does not matter.
const IDLE_CONNECTIONS: usize = 16;

impl Engine {
    fn connection(&self) -> Result<duckdb::Connection> {
        let kept = self.idle.lock().unwrap_or_else(|e| e.into_inner()).pop();
        match kept {
            Some(conn) => Ok(conn),
            None => self.database.lock().unwrap_or_else(|e| e.into_inner()).connect(),
        }
    }

    /// Keeps a connection whose work ended well; one that failed or was interrupted is closed,
    /// so that nothing a failure left behind reaches the next request.
    fn give_back(&self, conn: duckdb::Connection) {
        let mut idle = self.idle.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < IDLE_CONNECTIONS {
            idle.push(conn);
        }
    }
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
    fn engine(&self) -> Result<Arc<Engine>> {
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
        let shared = Arc::new(Engine { idle: Mutex::new(Vec::new()), database: Mutex::new(database) });
        *engine = Some(shared.clone());
        Ok(shared)
    }

    /// Runs one piece of work on a read-only connection of its own while it runs (a kept one,
    /// or a new one), under the time limit.
    pub fn with_db<T>(&self, work: impl FnOnce(&duckdb::Connection) -> Result<T>) -> Result<T> {
        let engine = crate::trace::timed("the engine", || self.engine())?;
        // Declared after `engine`, so dropped before it: the engine outlives its connections.
        let conn = crate::trace::timed("a connection", || engine.connection())?;
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
        if result.is_ok() && !timed_out {
            engine.give_back(conn);
        }
        match result {
            Err(_) if timed_out => Err(Error::TimedOut { seconds: limit.as_secs_f64() }),
            other => other,
        }
    }
}
