//! Ad-hoc SQL scripts: split into statements (keeping where each starts, for error messages),
//! tell those that return rows from those that do not, and run them: the one way a script runs,
//! for `sql` and the shell alike.

use crate::error::{Error, Result};
use crate::execution::ResultStream;
use crate::output;

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub text: String,
    /// 1-based line of the script where the statement starts.
    pub line: usize,
    /// 1-based position of the statement in the script.
    pub index: usize,
}

impl Statement {
    /// The statement's leading keywords, upper case: DuckDB's grammar decides a statement's kind
    /// by them (a COPY, an ATTACH or a SET cannot hide inside another statement).
    fn keywords(&self, count: usize) -> Vec<String> {
        strip_leading_comments(&self.text)
            .trim_start_matches(|c: char| c == '(' || c.is_whitespace())
            .split(|c: char| !c.is_ascii_alphabetic() && c != '_')
            .filter(|w| !w.is_empty())
            .take(count)
            .map(str::to_ascii_uppercase)
            .collect()
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

    pub fn describe(&self) -> String {
        format!("statement {} (line {})", self.index, self.line)
    }

    /// What ad-hoc SQL may do (design rule 17): read the managed data, and with --write create
    /// and change the user's own tables in the workspace. Statements that would reach past that
    /// are refused by their leading keyword, before they run: attaching, detaching or switching
    /// databases (a re-attached managed file would be writable), writing files (`COPY … TO`,
    /// `EXPORT DATABASE`: files are written by `ihracat export`, which checks what it replaces),
    /// changing DuckDB's settings, and installing or loading extensions.
    pub fn check_allowed(&self) -> Result<()> {
        let words = self.keywords(3);
        let word = |i: usize| words.get(i).map(String::as_str).unwrap_or("");
        // EXPLAIN ANALYZE runs the statement it explains.
        let first = match (word(0), word(1)) {
            ("EXPLAIN", "ANALYZE") => word(2),
            ("EXPLAIN", second) => second,
            (first, _) => first,
        };
        let reason = match first {
            "ATTACH" | "DETACH" | "USE" => "ad-hoc SQL cannot attach, detach or switch databases: the managed database stays read-only, and your own tables live in the workspace (sql --write)",
            "COPY" | "EXPORT" | "IMPORT" => "ad-hoc SQL does not write or import files: `ihracat export --sql \"…\" --to FILE` writes a result (and checks what it replaces); read a file with read_csv(…) or `ihracat load`",
            "SET" | "RESET" => "DuckDB's settings are ihracat's options (--memory-limit, --threads, --temp-dir); ad-hoc SQL cannot change them",
            "INSTALL" | "LOAD" | "FORCE" => "ihracat does not install or load DuckDB extensions",
            "PRAGMA" if !READ_PRAGMAS.contains(&word(1).to_ascii_lowercase().as_str()) => {
                "only reading pragmas (table_info, show_tables, database_list, database_size, storage_info, version, platform, functions) are allowed in ad-hoc SQL"
            }
            _ => return Ok(()),
        };
        Err(Error::msg(format!("{}: {reason}", self.describe())))
    }
}

const READ_PRAGMAS: &[&str] = &["table_info", "show_tables", "show_tables_expanded", "database_list", "database_size", "storage_info", "version", "platform", "functions", "show"];

fn strip_leading_comments(mut text: &str) -> &str {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("--") {
            text = rest.split_once('\n').map_or("", |(_, r)| r);
        } else if let Some(rest) = text.strip_prefix("/*") {
            text = rest.split_once("*/").map_or("", |(_, r)| r);
        } else {
            return text;
        }
    }
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
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i < bytes.len() && !(bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/')) {
                    if bytes[i] == b'\n' {
                        line += 1;
                    }
                    i += 1;
                }
                i += 1;
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

/// Runs a script statement by statement (design rule 15: into one file or a binary format, only
/// one statement may return rows). The first error stops it, naming the statement and its line.
/// `writable` says whether the connection may write the workspace, so that a write refused on a
/// read-only one can say how to allow it.
pub fn run(conn: &duckdb::Connection, text: &str, options: &output::OutputOptions, writable: bool, note: &dyn Fn(&str)) -> Result<()> {
    let statements = split(text);
    if statements.is_empty() {
        return Err(Error::msg("no SQL statement to run"));
    }
    let with_rows: Vec<_> = statements.iter().filter(|s| s.returns_rows()).collect();
    let format = options.resolved_format()?;
    if with_rows.len() > 1 && (options.output.is_some() || format.is_binary()) {
        let names: Vec<String> = with_rows.iter().map(|s| s.describe()).collect();
        return Err(Error::msg(format!(
            "{} statements return rows ({}); into a file or a binary format only one may",
            with_rows.len(),
            names.join(", ")
        )));
    }
    for statement in &statements {
        statement.check_allowed()?;
    }
    let mut first = true;
    for statement in &statements {
        let fail = |e: Error| Error::msg(format!("{}: {}", statement.describe(), explain(e, writable)));
        let mut show = |stream: ResultStream<'_>| {
            if !first && options.output.is_none() && matches!(format, output::Format::Csv | output::Format::Tsv | output::Format::Table | output::Format::Markdown) {
                println!();
            }
            first = false;
            output::write(stream, options).map(|_| ()).map_err(|e| if e.is_broken_pipe() { e } else { fail(e) })
        };
        let changed = execute(conn, statement, &mut show).map_err(|e| if e.is_broken_pipe() { e } else { fail(e) })?;
        if changed > 0 {
            note(&format!("{}: {changed} rows changed", statement.describe()));
        }
    }
    Ok(())
}

/// Runs one statement of a script, after `check_allowed`: a statement with rows hands its result
/// to `show` as it streams; any other returns how many rows it changed. The shell runs its
/// statements here too.
pub fn execute(conn: &duckdb::Connection, statement: &Statement, show: &mut dyn FnMut(ResultStream<'_>) -> Result<()>) -> Result<usize> {
    statement.check_allowed()?;
    let mut stmt = conn.prepare(&statement.text).map_err(|e| Error::Sql { context: String::new(), source: e })?;
    if statement.returns_rows() {
        show(ResultStream::from_statement(&mut stmt, Vec::new())?)?;
        Ok(0)
    } else {
        stmt.execute([]).map_err(|e| Error::Sql { context: String::new(), source: e })
    }
}

/// DuckDB's own words for a failed statement, without ihracat's context (for the web server's
/// SQL page, where no command-line hint applies).
pub fn clean(e: &Error) -> String {
    match e {
        Error::Sql { source, .. } => crate::error::clean_duckdb_message(source),
        other => other.to_string(),
    }
}

/// DuckDB's message without ihracat's context, and what to do about a refused write.
fn explain(e: Error, writable: bool) -> String {
    let text = match e {
        Error::Sql { source, .. } => crate::error::clean_duckdb_message(&source),
        other => other.to_string(),
    };
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
