//! Ad-hoc SQL scripts: split into statements (keeping where each starts, for error messages),
//! tell those that return rows from those that do not, and run them: the one way a script runs,
//! for `sql` and the shell alike.

use crate::error::{Error, Result};
use crate::db::ResultStream;

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub text: String,
    /// 1-based line of the script where the statement starts.
    pub line: usize,
    /// 1-based position of the statement in the script.
    pub index: usize,
}

impl Statement {
    /// The statement's leading keywords, upper case, with every comment between them skipped as
    /// DuckDB skips it (`EXPLAIN /* SELECT */ ANALYZE COPY` is an EXPLAIN ANALYZE of a COPY).
    fn keywords(&self, count: usize) -> Vec<String> {
        let mut words = Vec::new();
        let mut text = self.text.as_str();
        while words.len() < count {
            text = strip_leading_comments(text);
            let Some(c) = text.chars().next() else { break };
            if c.is_ascii_alphabetic() || c == '_' {
                let end = text.find(|c: char| !c.is_ascii_alphabetic() && c != '_').unwrap_or(text.len());
                words.push(text[..end].to_ascii_uppercase());
                text = &text[end..];
            } else {
                text = &text[c.len_utf8()..];
            }
        }
        words
    }

    /// Whether the statement yields a result set, judged by its first keyword as DuckDB's own
    /// grammar would: queries, and the utility statements that answer with rows.
    pub fn returns_rows(&self) -> bool {
        let keyword = self.keywords(1).into_iter().next().unwrap_or_default();
        matches!(
            keyword.as_str(),
            "SELECT" | "WITH" | "FROM" | "VALUES" | "TABLE" | "SHOW" | "DESCRIBE" | "DESC" | "SUMMARIZE" | "PRAGMA" | "EXPLAIN" | "CALL" | "PIVOT" | "UNPIVOT"
        )
    }

    /// Everything a statement must pass before it runs. DuckDB's parser decides (design rule 43):
    /// the text is one statement to it (the duckdb crate's `prepare` would run all but the last of
    /// several), and on a reading connection a query; then the keywords ad-hoc SQL may not start
    /// with. A syntax error is left to `prepare`, which reports it and runs nothing.
    pub fn check(&self, conn: &duckdb::Connection, writable: bool) -> Result<()> {
        match crate::parser::statement_count(&self.text) {
            Ok(1) | Err(_) => {}
            Ok(n) => {
                return Err(Error::msg(format!(
                    "{}: DuckDB reads this as {n} statements (a quote or comment that ihracat's splitter reads otherwise); end each statement with its own semicolon",
                    self.describe()
                )))
            }
        }
        self.check_allowed()?;
        if !writable {
            self.check_query(conn)?;
        }
        Ok(())
    }

    /// On a reading connection (`sql` and `shell` without `--write`, the server's SQL page) only
    /// what DuckDB's parser calls a query runs, or EXPLAIN of one (never EXPLAIN ANALYZE, which
    /// runs what it explains), or a reading PRAGMA.
    fn check_query(&self, conn: &duckdb::Connection) -> Result<()> {
        let words = self.keywords(2);
        let word = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
        let checked = match (word(0), word(1)) {
            ("EXPLAIN", "ANALYZE") => Ok(false),
            ("EXPLAIN", _) => {
                let body = strip_leading_comments(&strip_leading_comments(&self.text)["EXPLAIN".len()..]);
                crate::parser::is_query(conn, body)
            }
            ("PRAGMA", name) => Ok(READ_PRAGMAS.contains(&name.to_ascii_lowercase().as_str())),
            _ => crate::parser::is_query(conn, &self.text),
        };
        match checked {
            Ok(true) => Ok(()),
            // A syntax error: `prepare` reports it in DuckDB's words, and runs nothing.
            Err(_) => Ok(()),
            Ok(false) => Err(Error::msg(format!(
                "{}: this command only reads, and DuckDB reads this statement as something other than a query (SELECT, FROM, WITH, VALUES, SHOW, DESCRIBE, SUMMARIZE, or EXPLAIN of one); add --write to create your own tables and views in the workspace",
                self.describe()
            ))),
        }
    }

    pub fn describe(&self) -> String {
        format!("statement {} (line {})", self.index, self.line)
    }

    /// What ad-hoc SQL may do (design rule 17): read the managed data, and with --write create
    /// and change the user's own tables in the workspace. Statements that would reach past that
    /// are refused by their leading keyword, before they run: attaching, detaching or switching
    /// databases (a re-attached managed file would be writable), writing files (`COPY … TO`,
    /// `EXPORT DATABASE`: files are written by `ihracat export`, which checks what it replaces),
    /// changing DuckDB's settings, and installing or loading extensions.
    fn check_allowed(&self) -> Result<()> {
        let words = self.keywords(5);
        let word = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
        // EXPLAIN ANALYZE runs the statement it explains (and EXPLAIN (ANALYZE, …) too).
        if word(0) == "EXPLAIN" && words.iter().skip(1).take(3).any(|w| w == "ANALYZE" || w == "ANALYSE") {
            return Err(Error::msg(format!(
                "{}: EXPLAIN ANALYZE runs the statement it explains; ad-hoc SQL explains without running (EXPLAIN SELECT …)",
                self.describe()
            )));
        }
        let first = match (word(0), word(1)) {
            ("EXPLAIN", second) => second,
            (first, _) => first,
        };
        let reason = match first {
            "ATTACH" | "DETACH" | "USE" => "ad-hoc SQL cannot attach, detach or switch databases: the managed database stays read-only, and your own tables live in the workspace (sql --write)",
            "COPY" | "EXPORT" | "IMPORT" => "ad-hoc SQL does not write or import files: `ihracat export --sql \"…\" --to FILE` writes a result (and checks what it replaces); read a file with read_csv(…) or `ihracat load`",
            "SET" | "RESET" => "DuckDB's settings are ihracat's options (--memory-limit, --threads, --temp-dir); ad-hoc SQL cannot change them",
            "INSTALL" | "LOAD" | "FORCE" => "ihracat does not install or load DuckDB extensions",
            "PREPARE" | "EXECUTE" | "DEALLOCATE" => "ad-hoc SQL runs each statement as written; a parameterised query is a named query (`ihracat queries`, and `--queries DIR` for your own)",
            "CALL" => "ad-hoc SQL calls table functions in a query: SELECT * FROM function(…)",
            _ if words.iter().any(|w| w == "SECRET") && matches!(first, "CREATE" | "DROP") => "ihracat keeps no DuckDB secrets",
            "PRAGMA" if !READ_PRAGMAS.contains(&word(1).to_ascii_lowercase().as_str()) => {
                "only reading pragmas (table_info, show_tables, database_list, database_size, storage_info, version, platform, functions) are allowed in ad-hoc SQL"
            }
            _ => return Ok(()),
        };
        Err(Error::msg(format!("{}: {reason}", self.describe())))
    }
}

const READ_PRAGMAS: &[&str] = &["table_info", "show_tables", "show_tables_expanded", "database_list", "database_size", "storage_info", "version", "platform", "functions", "show"];

/// The text after its leading comments, read as DuckDB reads them: a `--` comment ends at a line
/// feed or a carriage return, and `/* */` comments nest.
fn strip_leading_comments(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("--") {
            text = rest.find(['\n', '\r']).map_or("", |at| &rest[at..]);
        } else if text.starts_with("/*") {
            text = &text[block_comment_end(text.as_bytes(), 0)..];
        } else {
            return text;
        }
    }
}

/// Where a `/* */` comment that starts at `start` ends (just past its closing `*/`), counting the
/// comments nested in it as DuckDB does; the end of the text if it never closes.
fn block_comment_end(bytes: &[u8], start: usize) -> usize {
    let (mut i, mut depth) = (start + 2, 1);
    while i < bytes.len() {
        if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
            depth += 1;
            i += 2;
        } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
            depth -= 1;
            i += 2;
            if depth == 0 {
                return i;
            }
        } else {
            i += 1;
        }
    }
    bytes.len()
}

/// Splits on semicolons outside strings, quoted identifiers, comments and dollar quotes.
/// Statements holding only whitespace and comments are dropped.
pub fn split(script: &str) -> Vec<Statement> {
    let bytes = script.as_bytes();
    let mut statements = Vec::new();
    let mut start = 0;
    let mut i = 0;
    let mut line = 1;
    let mut start_line = 1;
    let push = |from: usize, to: usize, at_line: usize, statements: &mut Vec<Statement>| {
        let text = script[from..to].trim();
        if !strip_leading_comments(text).is_empty() {
            let index = statements.len() + 1;
            // The statement starts at its first non-blank character.
            let leading_newlines = script[from..to].chars().take_while(|c| c.is_whitespace()).filter(|c| *c == '\n').count();
            statements.push(Statement { text: text.to_string(), line: at_line + leading_newlines, index });
        }
    };
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b'\n' => line += 1,
            b'\'' | b'"' => {
                i += 1;
                while i < bytes.len() {
                    if bytes[i] == b'\n' {
                        line += 1;
                    }
                    if bytes[i] == c {
                        if bytes.get(i + 1) == Some(&c) {
                            i += 1; // a doubled quote stands for itself
                        } else {
                            break;
                        }
                    }
                    i += 1;
                }
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                // DuckDB ends a line comment at a carriage return too.
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let end = block_comment_end(bytes, i);
                line += script[i..end].matches('\n').count();
                i = end;
                continue;
            }
            b'$' => {
                // $tag$ ... $tag$, but not a $name parameter
                let tag_end = script[i + 1..].find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_')).map(|p| i + 1 + p);
                if let Some(end) = tag_end.filter(|e| bytes[*e] == b'$') {
                    let tag = &script[i..=end];
                    if let Some(close) = script[end + 1..].find(tag) {
                        line += script[i..end + 1 + close].matches('\n').count();
                        i = end + 1 + close + tag.len();
                        continue;
                    }
                }
            }
            b';' => {
                push(start, i, start_line, &mut statements);
                start = i + 1;
                start_line = line;
            }
            _ => {}
        }
        i += 1;
    }
    if start < script.len() {
        push(start, script.len(), start_line, &mut statements);
    }
    statements
}

/// True when the text ends a statement: the shell keeps reading lines until it does.
pub fn is_complete(text: &str) -> bool {
    let trimmed = text.trim_end();
    if trimmed.is_empty() {
        return false;
    }
    // Complete when splitting leaves nothing after the last semicolon.
    let statements = split(trimmed);
    match statements.last() {
        None => true,
        Some(last) => {
            let consumed = trimmed.rfind(last.text.as_str()).map(|p| p + last.text.len()).unwrap_or(0);
            trimmed[consumed..].trim_start().starts_with(';')
        }
    }
}

/// Runs a script statement by statement, handing each result to `show` as it streams (design
/// rule 15: with `one_result`, into one file or a binary format, only one statement may return
/// rows). The first error stops it, naming the statement and its line. `writable` says whether
/// the connection may write the workspace, so that a write refused on a read-only one can say
/// how to allow it. `note` hears how many rows a statement changed.
pub fn run(conn: &duckdb::Connection, text: &str, writable: bool, one_result: bool, show: &mut dyn FnMut(ResultStream<'_>) -> Result<()>, note: &dyn Fn(&str)) -> Result<()> {
    let statements = split(text);
    if statements.is_empty() {
        return Err(Error::msg("no SQL statement to run"));
    }
    let with_rows: Vec<_> = statements.iter().filter(|s| s.returns_rows()).collect();
    if with_rows.len() > 1 && one_result {
        let names: Vec<String> = with_rows.iter().map(|s| s.describe()).collect();
        return Err(Error::msg(format!(
            "{} statements return rows ({}); into a file or a binary format only one may",
            with_rows.len(),
            names.join(", ")
        )));
    }
    // Nothing runs unless every statement may.
    for statement in &statements {
        statement.check(conn, writable)?;
    }
    for statement in &statements {
        let fail = |e: Error| Error::msg(format!("{}: {}", statement.describe(), explain(e, writable, statement)));
        // `execute`'s caller here names the statement once.
        let changed = execute(conn, statement, writable, show).map_err(|e| if e.is_broken_pipe() { e } else { fail(e) })?;
        if changed > 0 {
            note(&format!("{}: {} changed", statement.describe(), crate::language::counted(changed as u64, "row", "rows")));
        }
    }
    Ok(())
}

/// Runs one statement of a script, after `check_allowed`: a statement with rows hands its result
/// to `show` as it streams; any other returns how many rows it changed. The shell runs its
/// statements here too.
pub fn execute(conn: &duckdb::Connection, statement: &Statement, writable: bool, show: &mut dyn FnMut(ResultStream<'_>) -> Result<()>) -> Result<usize> {
    statement.check(conn, writable)?;
    let mut stmt = conn.prepare(&statement.text).map_err(|e| Error::from_duckdb(String::new(), e))?;
    if statement.returns_rows() {
        show(ResultStream::from_statement(&mut stmt, Vec::new())?)?;
        Ok(0)
    } else {
        stmt.execute([]).map_err(|e| Error::from_duckdb(String::new(), e))
    }
}

/// The one statement that returns rows which the web application's SQL page and the assistant
/// interface's SQL tool take (their other checks are `execute`'s).
pub fn one_read_statement(text: &str) -> Result<Statement> {
    let mut statements = split(text);
    match statements.len() {
        0 => Err(Error::msg("no SQL statement")),
        1 if statements[0].returns_rows() => Ok(statements.remove(0)),
        1 => Err(Error::msg("only a statement that returns rows (SELECT, FROM, WITH …) runs here")),
        n => Err(Error::msg(format!("one statement at a time: this text has {n}"))),
    }
}

/// The longest text a cell of ad-hoc SQL keeps on the web application's SQL page and in the
/// assistant's SQL tool: a row cap alone does not bound one cell of 100 MB.
pub const CELL_CAP: usize = 10_000;

/// Runs the one read statement of `text` and keeps its rows up to the first batch past
/// `row_cap` (the caller shows at most `row_cap`), each text cut to `CELL_CAP` bytes with its
/// length said: the web application's SQL page and the assistant interface's SQL tool.
pub fn read_capped(conn: &duckdb::Connection, text: &str, row_cap: usize) -> Result<crate::execution::Collected> {
    let statement = one_read_statement(text)?;
    let mut collected = None;
    execute(conn, &statement, false, &mut |stream| {
        let schema = stream.schema.clone();
        let mut batches = Vec::new();
        let mut rows = 0usize;
        for batch in stream.batches {
            let batch = cap_cells(batch.map_err(|e| Error::from_duckdb(String::new(), e))?)?;
            rows += batch.num_rows();
            batches.push(batch);
            if rows > row_cap {
                break;
            }
        }
        collected = Some(crate::execution::Collected { sql_schema: schema.clone(), schema, batches, notices: Vec::new() });
        Ok(())
    })?;
    collected.ok_or_else(|| Error::msg("the statement returned no result"))
}

/// The batch with every text longer than `CELL_CAP` cut at a character boundary and followed by
/// its length ("xxx… (100000000 characters)"); a batch with none is returned as it came.
fn cap_cells(batch: arrow::record_batch::RecordBatch) -> Result<arrow::record_batch::RecordBatch> {
    use arrow::array::{Array, AsArray, StringArray};
    use arrow::datatypes::DataType;
    let arrow_error = |e: arrow::error::ArrowError| Error::msg(format!("capping long cells: {e}"));
    let mut columns = batch.columns().to_vec();
    let mut changed = false;
    for (i, column) in batch.columns().iter().enumerate() {
        if !matches!(column.data_type(), DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View) {
            continue;
        }
        let strings = arrow::compute::cast(column, &DataType::Utf8).map_err(arrow_error)?;
        let strings = strings.as_string::<i32>();
        if strings.iter().flatten().all(|s| s.len() <= CELL_CAP) {
            continue;
        }
        let cut = |s: &str| {
            let end = (0..=CELL_CAP).rev().find(|&at| s.is_char_boundary(at)).unwrap_or(0);
            format!("{}… ({} characters)", &s[..end], s.chars().count())
        };
        let capped: StringArray = strings.iter().map(|s| s.map(|s| if s.len() > CELL_CAP { cut(s) } else { s.to_string() })).collect();
        columns[i] = arrow::compute::cast(&capped, column.data_type()).map_err(arrow_error)?;
        debug_assert_eq!(columns[i].len(), column.len());
        changed = true;
    }
    if !changed {
        return Ok(batch);
    }
    arrow::record_batch::RecordBatch::try_new(batch.schema(), columns).map_err(arrow_error)
}

/// DuckDB's own words for a failed statement, without ihracat's context (for the web server's
/// SQL page, where no command-line hint applies).
pub fn clean(e: &Error) -> String {
    match e {
        Error::Sql { source, .. } => crate::error::clean_duckdb_message(source),
        Error::Refused { message, .. } | Error::Interrupted { message, .. } => message.clone(),
        other => other.to_string(),
    }
}

/// DuckDB's message without ihracat's context, and what to do about a refused write. DuckDB
/// names a prepared statement's type as EXECUTE; the user wrote DELETE, UPDATE or INSERT.
fn explain(e: Error, writable: bool, statement: &Statement) -> String {
    let text = match e {
        Error::Sql { source, .. } => crate::error::clean_duckdb_message(&source),
        Error::Refused { message, .. } | Error::Interrupted { message, .. } => message,
        other => other.to_string(),
    };
    if text.contains("attached in read-only mode") && text.contains("\"ihracat\"") {
        let keyword = statement.keywords(1).into_iter().next().unwrap_or_default();
        return if writable {
            format!("{keyword} would change the managed database, which ad-hoc SQL only reads: the managed tables change only through ihracat's commands (load, unload); create your own tables and views instead")
        } else {
            format!("{keyword} would change the managed database: this command only reads (add --write to create your own tables and views in the workspace; the managed tables change only through ihracat's commands)")
        };
    }
    if text.contains("read-only") || text.contains("read only") {
        if writable {
            format!("{text} (the managed tables change only through ihracat's commands: create your own tables and views instead)")
        } else {
            format!("{text} (this command only reads: add --write to create your own tables and views in the workspace; the managed tables change only through ihracat's commands)")
        }
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_outside_quotes_and_comments() {
        let script = "SELECT 'a;b';\n-- a comment; with a semicolon\nSELECT \"x;y\" FROM t; /* ; */\n\nCREATE MACRO m() AS $$;$$;\nSELECT $year";
        let statements = split(script);
        let texts: Vec<&str> = statements.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, vec!["SELECT 'a;b'", "-- a comment; with a semicolon\nSELECT \"x;y\" FROM t", "/* ; */\n\nCREATE MACRO m() AS $$;$$", "SELECT $year"]);
        assert_eq!(statements.iter().map(|s| s.line).collect::<Vec<_>>(), vec![1, 2, 3, 6]);
    }

    #[test]
    fn drops_empty_statements() {
        assert!(split(" ; -- nothing\n ;").is_empty());
        assert_eq!(split("SELECT 1;;SELECT 2").len(), 2);
    }

    #[test]
    fn knows_which_statements_return_rows() {
        let kinds: Vec<bool> = split("SELECT 1; FROM t; -- c\n WITH x AS (SELECT 1) SELECT * FROM x; CREATE TABLE t(a INT); INSERT INTO t VALUES (1); (SELECT 2); DESCRIBE t")
            .iter()
            .map(Statement::returns_rows)
            .collect();
        assert_eq!(kinds, vec![true, true, true, false, false, true, true]);
    }

    #[test]
    fn completeness_needs_a_final_semicolon() {
        assert!(is_complete("SELECT 1;"));
        assert!(is_complete("SELECT 1;\n"));
        assert!(!is_complete("SELECT 1"));
        assert!(!is_complete("SELECT ';'"));
        assert!(!is_complete("SELECT 1; SELECT 2"));
        assert!(is_complete("SELECT 1; SELECT 2;"));
    }
}
