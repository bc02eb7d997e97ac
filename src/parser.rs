//! What DuckDB's own parser says a piece of ad-hoc SQL is, before anything runs (design rule 43):
//! how many statements a text holds, and whether a statement is a query. A guard that reads
//! keywords as text can be fooled (DuckDB nests `/* */` comments and ends a `--` comment at a
//! carriage return, so `/* /* */ SELECT */ USE memory` is a USE); the parser cannot, since it is
//! the one that runs the text.
//!
//! The count matters on its own: the duckdb crate's `prepare` runs every statement of a text but
//! the last, so a text the splitter takes for one statement must be one statement to DuckDB.

use std::ffi::{CStr, CString};
use std::ptr;
use std::sync::{Mutex, OnceLock};

use duckdb::ffi;

use crate::error::{Error, Result};

/// A scratch in-memory database for parsing only: nothing is bound or run in it, and the user's
/// database is not involved. It lives as long as the process and is never closed: closing it in
/// a destructor at exit races DuckDB's own teardown.
struct Scratch {
    // Held, never read: the connection needs its database open.
    _db: ffi::duckdb_database,
    con: ffi::duckdb_connection,
}

// SAFETY: the handles are used only under the mutex below, one caller at a time.
unsafe impl Send for Scratch {}

impl Scratch {
    fn open() -> Result<Scratch> {
        let mut db: ffi::duckdb_database = ptr::null_mut();
        let mut con: ffi::duckdb_connection = ptr::null_mut();
        // SAFETY: out-pointers to handles this function owns; a failed open leaves nothing to close
        // but the database, which is closed before returning.
        unsafe {
            if ffi::duckdb_open(ptr::null(), &mut db) != ffi::DuckDBSuccess {
                return Err(Error::msg("opening DuckDB's parser failed"));
            }
            if ffi::duckdb_connect(db, &mut con) != ffi::DuckDBSuccess {
                ffi::duckdb_close(&mut db);
                return Err(Error::msg("opening DuckDB's parser failed"));
            }
        }
        Ok(Scratch { _db: db, con })
    }
}

static SCRATCH: OnceLock<Mutex<Option<Scratch>>> = OnceLock::new();

/// The number of statements DuckDB's parser finds in `text`, or its syntax error.
pub fn statement_count(text: &str) -> Result<usize> {
    let c_text = CString::new(text).map_err(|_| Error::msg("the SQL holds a NUL character"))?;
    let cell = SCRATCH.get_or_init(|| Mutex::new(None));
    {
        let mut slot = cell.lock().unwrap_or_else(|e| e.into_inner());
        if slot.is_none() {
            *slot = Some(Scratch::open()?);
        }
        let scratch = slot.as_ref().ok_or_else(|| Error::msg("opening DuckDB's parser failed"))?;
        let mut extracted: ffi::duckdb_extracted_statements = ptr::null_mut();
        // SAFETY: a live connection, a NUL-terminated text and an out-pointer; the extracted
        // statements are destroyed on every path, as the C API asks.
        unsafe {
            let count = ffi::duckdb_extract_statements(scratch.con, c_text.as_ptr(), &mut extracted);
            let result = if count == 0 {
                let message = ffi::duckdb_extract_statements_error(extracted);
                if message.is_null() {
                    Ok(0)
                } else {
                    Err(Error::msg(CStr::from_ptr(message).to_string_lossy().into_owned()))
                }
            } else {
                Ok(count as usize)
            };
            ffi::duckdb_destroy_extracted(&mut extracted);
            result
        }
    }
}

/// Whether DuckDB parses `text` as exactly one query (SELECT, FROM, WITH, VALUES, TABLE, SHOW,
/// DESCRIBE, SUMMARIZE): `json_serialize_sql` serializes queries only, so it answers with the
/// parser's own verdict. `Err` carries DuckDB's syntax error.
pub fn is_query(conn: &duckdb::Connection, text: &str) -> Result<bool> {
    let json: String = conn
        .query_row("SELECT json_serialize_sql(?)", [text], |r| r.get(0))
        .map_err(|e| Error::Sql { context: "reading the statement".into(), source: e })?;
    let value: serde_json::Value = serde_json::from_str(&json).map_err(|e| Error::msg(format!("reading DuckDB's parse: {e}")))?;
    if value["error"] == serde_json::Value::Bool(true) {
        let message = value["error_message"].as_str().unwrap_or_default();
        // A statement that is not a query is a verdict, not an error; a syntax error is.
        return if message.starts_with("Only SELECT statements") { Ok(false) } else { Err(Error::msg(message.to_string())) };
    }
    Ok(value["statements"].as_array().is_some_and(|s| s.len() == 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parser_counts_what_a_text_splitter_cannot() {
        assert_eq!(statement_count("SELECT 1").unwrap(), 1);
        assert_eq!(statement_count("SELECT 1; SELECT 2").unwrap(), 2);
        // An E-string's escaped quote: one statement to a naive splitter, two to DuckDB.
        assert_eq!(statement_count("SELECT E'\\''; COPY (SELECT 1) TO 'c.csv'; --'").unwrap(), 2);
        assert!(statement_count("SELEC 1").is_err());
    }

    #[test]
    fn only_what_duckdb_calls_a_query_is_one() {
        let conn = duckdb::Connection::open_in_memory().unwrap();
        for query in ["SELECT 1", "FROM range(3)", "WITH a AS (SELECT 1) SELECT * FROM a", "DESCRIBE SELECT 1", "SHOW TABLES", "VALUES (1)"] {
            assert!(is_query(&conn, query).unwrap(), "{query}");
        }
        for other in ["/* /* */ SELECT */ USE memory", "CREATE TABLE t AS SELECT 1", "COPY (SELECT 1) TO 'x.csv'", "EXPLAIN ANALYZE SELECT 1", "SET threads = 1"] {
            assert!(!is_query(&conn, other).unwrap(), "{other}");
        }
    }
}
