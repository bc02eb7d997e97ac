use std::fs::File;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use clap::Args;
use ihracat::catalog::{self, Catalog};
use ihracat::db::Access;
use ihracat::db::ResultStream;
use ihracat::language::Language;
use ihracat::output::{self, Format, OutputOptions};
use ihracat::{Error, Result, script};
use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Config, Editor, Helper};

use super::{Context, OutputArgs};

/// An interactive SQL shell over the database, with the query catalog at hand.
///
/// Statements may span lines and end with `;`. Ctrl-C cancels a running query, Ctrl-D leaves.
/// Tab completes table and column names, SQL keywords and query names. History is kept in
/// $XDG_STATE_HOME/ihracat/history. When stdin is not a terminal, the shell reads it as typed
/// (dot-commands between statements) and stops at the first error with exit code 1.
/// `.run` reads the managed tables, whatever tables of yours are named like them.
///
/// Dot-commands: .tables  .schema [TABLE]  .queries  .run NAME key=value ...  .mode FORMAT
///   .output [FILE]  .timer on|off  .read FILE  .help  .quit
///
/// Examples:
///   ihracat shell
///   ihracat shell --write
///   echo "FROM exports LIMIT 3" | ihracat shell
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct ShellArgs {
    /// Allow creating your own tables and views (in the workspace database)
    #[arg(long)]
    write: bool,
    #[command(flatten)]
    pub(super) output: OutputArgs,
}

/// `.help`, in English and in Turkish (`Cli::language`).
const HELP: &str = "\
.tables                 list tables and views
.schema [TABLE]         show the columns of every table, or of one
.queries                list the named queries
.run NAME key=value ... run a named query
.mode FORMAT            table, csv, tsv, json, ndjson, markdown
.output [FILE]          send results to FILE (--overwrite to replace one), or back to the screen
.timer on|off           show how long each statement took
.read FILE              run the statements in FILE
.help                   this text
.quit                   leave (or Ctrl-D)
";

const HELP_TR: &str = "\
.tables                 tabloları ve görünümleri listeler
.schema [TABLE]         her tablonun ya da bir tablonun sütunlarını gösterir
.queries                adlandırılmış analizleri listeler
.run NAME key=value ... adlandırılmış bir analizi çalıştırır
.mode FORMAT            table, csv, tsv, json, ndjson, markdown
.output [FILE]          sonuçları FILE dosyasına yazar (var olanın yerine yazmak için --overwrite), ya da yeniden ekrana
.timer on|off           her ifadenin ne kadar sürdüğünü gösterir
.read FILE              FILE dosyasındaki ifadeleri çalıştırır
.help                   bu metin
.quit                   çıkar (ya da Ctrl-D)
";

const KEYWORDS: &[&str] = &[
    "SELECT", "FROM", "WHERE", "GROUP", "BY", "ORDER", "HAVING", "LIMIT", "WITH", "AS", "JOIN", "LEFT", "INNER", "ON", "USING",
    "AND", "OR", "NOT", "IN", "IS", "NULL", "DISTINCT", "COUNT", "SUM", "AVG", "MIN", "MAX", "CASE", "WHEN", "THEN", "ELSE",
    "END", "UNION", "ALL", "DESC", "ASC", "CREATE", "VIEW", "TABLE", "DESCRIBE", "SUMMARIZE", "PIVOT", "QUALIFY", "OVER",
    "PARTITION", "BETWEEN", "LIKE", "ILIKE", "CAST", "FILTER", "WINDOW", "EXCLUDE", "REPLACE",
];

pub fn run(args: ShellArgs, context: &Context) -> Result<ExitCode> {
    let db = context.open(if args.write { Access::Workspace } else { Access::Read })?;
    // `.run` reads the managed tables only, on a connection of its own (set up before the
    // configuration is locked).
    let analysis = db.analysis_connection()?;
    ihracat::db::lock_configuration(&db.conn)?;
    let catalog = context.catalog()?;
    let interactive = std::io::stdin().is_terminal();
    let running = Arc::new(Mutex::new(false));
    let mut session = Session {
        // A terminal shows tables; a pipe gets what `ihracat sql` gives it (CSV off a terminal).
        options: if interactive { OutputOptions { format: Some(args.output.format.unwrap_or(Format::Table)), ..args.output.options() } } else { args.output.options() },
        sink: None,
        timer: false,
        running: running.clone(),
        writable: args.write,
        analysis: std::rc::Rc::new(analysis),
        shadowing_said: Vec::new(),
        results: 0,
    };
    session.announce_shadowing(&db.conn, context);
    if !interactive {
        // Read as typed: a line starting with `.` between statements is a dot-command, the rest
        // SQL up to each `;`. The first error stops the shell, as it stops `ihracat sql -`.
        let text = super::sql::read_stdin()?;
        let mut pending = String::new();
        for line in text.lines() {
            if pending.trim().is_empty() && line.trim_start().starts_with('.') {
                if !session.handle(&db.conn, &catalog, line, context)? {
                    return Ok(ExitCode::SUCCESS);
                }
                continue;
            }
            pending.push_str(line);
            pending.push('\n');
            if script::is_complete(&pending) {
                session.handle(&db.conn, &catalog, &std::mem::take(&mut pending), context)?;
            }
        }
        if !pending.trim().is_empty() {
            session.handle(&db.conn, &catalog, &pending, context)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    {
        let interrupts = [db.conn.interrupt_handle(), session.analysis.interrupt_handle()];
        let running = running.clone();
        // At the prompt the line editor owns Ctrl-C; while a query runs it interrupts the query.
        ctrlc::set_handler(move || {
            if *running.lock().unwrap() {
                interrupts.iter().for_each(|i| i.interrupt());
            }
        })
        .map_err(|e| Error::msg(format!("installing the Ctrl-C handler: {e}")))?;
    }
    let words = completion_words(&db.conn, &catalog);
    let mut editor: Editor<ShellHelper, rustyline::history::DefaultHistory> =
        Editor::with_config(Config::builder().auto_add_history(false).build()).map_err(|e| Error::msg(e.to_string()))?;
    editor.set_helper(Some(ShellHelper { words }));
    let history = ihracat::paths::shell_history();
    let _ = editor.load_history(&history);
    let (version, location) = (env!("CARGO_PKG_VERSION"), db.location.display());
    match context.language {
        Language::En => eprintln!("ihracat {version} shell on {location}. Type .help for help, Ctrl-D to leave."),
        Language::Tr => eprintln!("ihracat {version} kabuğu: {location}. Yardım için .help, çıkmak için Ctrl-D."),
    }
    let mut pending = String::new();
    loop {
        // A statement continues over lines until its `;`, each further line with its own prompt.
        let prompt = if pending.is_empty() { "ihracat> " } else { "    ...> " };
        match editor.readline(prompt) {
            Ok(line) => {
                if pending.is_empty() && line.trim().is_empty() {
                    continue;
                }
                let dot_command = pending.is_empty() && line.trim_start().starts_with('.');
                pending.push_str(&line);
                pending.push('\n');
                if !dot_command && !script::is_complete(&pending) {
                    continue;
                }
                let input = std::mem::take(&mut pending);
                let _ = editor.add_history_entry(input.trim_end());
                match session.handle(&db.conn, &catalog, &input, context) {
                    Ok(true) => {}
                    Ok(false) => break,
                    Err(e) => context.messages.error(&e.said(context.language)),
                }
            }
            // Ctrl-C drops a statement being typed, as in DuckDB's shell.
            Err(ReadlineError::Interrupted) => pending.clear(),
            Err(ReadlineError::Eof) => break,
            Err(e) => return Err(Error::msg(format!("reading input: {e}"))),
        }
    }
    if let Some(dir) = history.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    editor.save_history(&history).map_err(|e| Error::msg(format!("saving history to {}: {e}", history.display())))?;
    Ok(ExitCode::SUCCESS)
}

struct Session {
    options: OutputOptions,
    sink: Option<(PathBuf, File)>,
    timer: bool,
    running: Arc<Mutex<bool>>,
    /// `--write`: the workspace takes the user's own tables; else only queries run.
    writable: bool,
    /// The managed database alone, for `.run`.
    analysis: std::rc::Rc<duckdb::Connection>,
    /// The user's objects already said to stand in for managed ones.
    shadowing_said: Vec<String>,
    /// Results shown so far (off a terminal, a blank line parts them, as in `ihracat sql`).
    results: usize,
}

impl Session {
    /// Runs one input (statements or a dot-command); false when the user wants to leave.
    fn handle(&mut self, conn: &duckdb::Connection, catalog: &Catalog, input: &str, context: &Context) -> Result<bool> {
        let trimmed = input.trim();
        if let Some(command) = trimmed.strip_prefix('.') {
            return self.dot_command(conn, catalog, command, context);
        }
        let result = self.statements(conn, trimmed, context.language);
        self.announce_shadowing(conn, context);
        result.map(|()| true)
    }

    /// Says, once each, which of the user's tables and views stand in for a managed one in
    /// ad-hoc SQL (a temporary `exports` is read before the managed table).
    fn announce_shadowing(&mut self, conn: &duckdb::Connection, context: &Context) {
        for (name, managed) in ihracat::db::introspect::shadowing(conn).unwrap_or_default() {
            if !self.shadowing_said.contains(&name) {
                context.messages.note(&ihracat::messages::message(
                    &format!("your {name} stands in for the managed `{managed}` in this shell's SQL (ihracat.main.{managed} is the managed one); named queries and .run read the managed tables"),
                    context.language,
                ));
                self.shadowing_said.push(name);
            }
        }
    }

    fn statements(&mut self, conn: &duckdb::Connection, text: &str, language: Language) -> Result<()> {
        for statement in script::split(text) {
            let started = Instant::now();
            *self.running.lock().unwrap() = true;
            let result = self.one_statement(conn, &statement);
            *self.running.lock().unwrap() = false;
            if self.timer {
                // DuckDB's shell's words in English; seconds with a decimal comma in Turkish.
                let seconds = format!("{:.3}", started.elapsed().as_secs_f64());
                match language {
                    Language::En => eprintln!("Run Time: {seconds} s"),
                    Language::Tr => eprintln!("Süre: {} sn", seconds.replace('.', ",")),
                }
            }
            result.map_err(|e| match e {
                Error::Interrupted { .. } => Error::msg("query cancelled"),
                other => other,
            })?;
        }
        Ok(())
    }

    fn one_statement(&mut self, conn: &duckdb::Connection, statement: &script::Statement) -> Result<()> {
        let writable = self.writable;
        script::execute(conn, statement, writable, &mut |stream| self.show(stream)).map(|_| ()).map_err(|e| match e {
            Error::Sql { source, .. } => Error::Sql { context: statement.describe(), source },
            Error::Refused { message, .. } => Error::Refused { context: statement.describe(), message },
            Error::Interrupted { message, .. } => Error::Interrupted { context: statement.describe(), message },
            other => other,
        })
    }

    fn show(&mut self, stream: ResultStream<'_>) -> Result<()> {
        let format = self.options.resolved_format()?;
        self.results += 1;
        if self.results > 1 && self.sink.is_none() && !std::io::stdout().is_terminal() && matches!(format, Format::Csv | Format::Tsv | Format::Table | Format::Markdown) {
            println!();
        }
        match &mut self.sink {
            Some((path, file)) => {
                output::write_into(stream, format, &self.options, file)?;
                file.flush().map_err(|e| Error::Io { context: format!("writing {}", path.display()), source: e })
            }
            None => {
                let mut out = std::io::stdout();
                output::write_into(stream, format, &self.options, &mut out)?;
                out.flush().map_err(|e| Error::Io { context: "writing to stdout".into(), source: e })
            }
        }
    }

    fn dot_command(&mut self, conn: &duckdb::Connection, catalog: &Catalog, command: &str, context: &Context) -> Result<bool> {
        let mut words = command.split_whitespace();
        let name = words.next().unwrap_or_default();
        let rest: Vec<&str> = words.collect();
        match name {
            "quit" | "exit" | "q" => return Ok(false),
            "help" => eprint!("{}", if context.language == Language::Tr { HELP_TR } else { HELP }),
            "tables" => self.statements(conn, ihracat::db::introspect::TABLES_SQL, context.language)?,
            "schema" => {
                let (mut stmt, values) = ihracat::db::introspect::columns(conn, rest.first().copied())?;
                self.show(ResultStream::from_statement(&mut stmt, values)?)?;
            }
            "queries" => {
                let queries: Vec<_> = catalog.queries().collect();
                let table = output::string_table(&[
                    ("name", queries.iter().map(|q| Some(q.name.clone())).collect()),
                    ("summary", queries.iter().map(|q| Some(q.header.title_in(context.language).to_string())).collect()),
                    ("parameters", queries.iter().map(|q| Some(q.signature())).collect()),
                ])?;
                self.show(table)?;
            }
            "run" => {
                let Some((query_name, args)) = rest.split_first() else {
                    return Err(Error::msg(".run NAME key=value ..."));
                };
                let query = catalog.get(query_name)?;
                let assignments = args.iter().map(|a| catalog::parse_assignment(a)).collect::<Result<Vec<_>>>()?;
                *self.running.lock().unwrap() = true;
                let analysis = std::rc::Rc::clone(&self.analysis);
                let result = ihracat::execution::with_result(&analysis, query, &assignments, |r| {
                    if let Some(notice) = &r.panel_notice {
                        context.messages.note(&notice.text(context.language));
                    }
                    self.show(r.stream)
                });
                *self.running.lock().unwrap() = false;
                result?;
            }
            "mode" => {
                let text_formats: Vec<&str> = ihracat::output::FORMATS.iter().filter(|f| !f.binary).map(|f| f.name).collect();
                let format = rest.first().ok_or_else(|| Error::msg(format!(".mode FORMAT ({})", text_formats.join(", "))))?;
                let format = Format::from_name(format).ok_or_else(|| Error::msg(format!("unknown mode `{format}`")))?;
                if format.is_binary() {
                    return Err(Error::msg("binary formats go to files: use `ihracat sql -o FILE`"));
                }
                self.options.format = Some(format);
            }
            "output" => match rest.first() {
                None => self.sink = None,
                Some(path) => {
                    let overwrite = rest.get(1) == Some(&"--overwrite");
                    let file = ihracat::output::redirect(std::path::Path::new(path), overwrite)?;
                    self.sink = Some((PathBuf::from(path), file));
                }
            },
            "timer" => match rest.first().copied() {
                Some("on") => self.timer = true,
                Some("off") => self.timer = false,
                _ => return Err(Error::msg(".timer on|off")),
            },
            "read" => {
                let path = rest.first().ok_or_else(|| Error::msg(".read FILE"))?;
                let text = std::fs::read_to_string(path).map_err(|e| Error::Io { context: format!("reading {path}"), source: e })?;
                self.statements(conn, &text, context.language)?;
            }
            other => {
                let known = ["tables", "schema", "queries", "run", "mode", "output", "timer", "read", "help", "quit"];
                let hint = ihracat::suggest::closest(other, known).first().map(|h| format!("; did you mean .{h}?")).unwrap_or_default();
                context.messages.error(&ihracat::messages::message(&format!("unknown command .{other}{hint} (.help lists them)"), context.language));
            }
        }
        Ok(true)
    }
}

/// Table, view and column names, keywords and query names, read once at start.
fn completion_words(conn: &duckdb::Connection, catalog: &Catalog) -> Vec<String> {
    let mut words: Vec<String> = KEYWORDS.iter().map(|k| k.to_string()).collect();
    words.extend(ihracat::db::introspect::names(conn));
    words.extend(catalog.queries().map(|q| q.name.clone()));
    words.extend([".tables", ".schema", ".queries", ".run", ".mode", ".output", ".timer", ".read", ".help", ".quit"].map(String::from));
    words.sort();
    words.dedup();
    words
}

struct ShellHelper {
    words: Vec<String>,
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, _ctx: &rustyline::Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before.rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')).map_or(0, |i| i + 1);
        let prefix = &before[start..];
        if prefix.is_empty() {
            return Ok((pos, Vec::new()));
        }
        let lower = prefix.to_lowercase();
        let candidates = self
            .words
            .iter()
            .filter(|w| w.to_lowercase().starts_with(&lower))
            .map(|w| {
                // Keywords follow the case the user is typing in.
                let replacement = if w.chars().all(|c| c.is_ascii_uppercase()) && prefix.chars().all(|c| c.is_lowercase()) { w.to_lowercase() } else { w.clone() };
                Pair { display: w.clone(), replacement }
            })
            .collect();
        Ok((start, candidates))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}

impl Highlighter for ShellHelper {}

// Each line is taken as typed (the default): the shell gathers a statement's lines itself, so
// that every line after the first has its continuation prompt.
impl Validator for ShellHelper {}

impl Helper for ShellHelper {}
