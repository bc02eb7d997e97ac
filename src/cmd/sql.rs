use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ihracat::db::Access;
use ihracat::error::Context as _;
use ihracat::output::{self, ResultStream};
use ihracat::{Error, Result, script};

use super::{Context, OutputArgs};

/// Run ad-hoc SQL: one statement or a script.
///
/// Statements run in order; each one that returns rows is printed. The first error stops the
/// script and names the statement and its line. Without --write nothing can change; with it
/// your own tables and views go to a workspace database beside the managed one, whose tables
/// (provinces, exports, published_figures, loads) change only through ihracat's commands.
///
/// Examples:
///   ihracat sql "SELECT * FROM exports WHERE year = 2025 AND month = 10 ORDER BY value_usd DESC LIMIT 5"
///   ihracat sql -f analysis.sql --format markdown
///   echo "FROM provinces" | ihracat sql -
///   ihracat sql --write "CREATE VIEW marmara AS FROM provinces WHERE nuts1_code IN ('TR1','TR2','TR4')"
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct SqlArgs {
    /// The SQL; `-` reads it from stdin
    #[arg(conflicts_with = "file")]
    sql: Option<String>,
    /// Read the SQL from a file
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    file: Option<PathBuf>,
    /// Allow creating your own tables and views (in the workspace database)
    #[arg(long)]
    write: bool,
    #[command(flatten)]
    output: OutputArgs,
}

pub fn run(args: SqlArgs, context: &Context) -> Result<ExitCode> {
    let text = match (&args.sql, &args.file) {
        (Some(sql), None) if sql == "-" => read_stdin()?,
        (Some(sql), None) => sql.clone(),
        (None, Some(path)) => std::fs::read_to_string(path).context(|| format!("reading {}", path.display()))?,
        (None, None) => return Err(Error::msg("give the SQL as an argument, with -f FILE, or as - to read stdin")),
        (Some(_), Some(_)) => unreachable!("clap refuses both"),
    };
    let db = context.open(if args.write { Access::Workspace } else { Access::Read })?;
    run_script(&db.conn, &text, &args.output.options(), context)?;
    Ok(ExitCode::SUCCESS)
}

pub fn read_stdin() -> Result<String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).context(|| "reading SQL from stdin".into())?;
    Ok(text)
}

/// Runs a script statement by statement (design rule 15: into one file or a binary format,
/// only one statement may return rows).
pub fn run_script(conn: &duckdb::Connection, text: &str, options: &output::OutputOptions, context: &Context) -> Result<()> {
    let statements = script::split(text);
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
    let mut first = true;
    for statement in &statements {
        let fail = |e: Error| Error::msg(format!("{}: {}", statement.describe(), strip_context(e)));
        let mut stmt = conn.prepare(&statement.text).map_err(|e| fail(Error::Sql { context: String::new(), source: e }))?;
        if statement.returns_rows() {
            if !first && options.output.is_none() && matches!(format, output::Format::Csv | output::Format::Tsv | output::Format::Table | output::Format::Markdown) {
                println!();
            }
            first = false;
            let stream = ResultStream::from_statement(&mut stmt, Vec::new()).map_err(fail)?;
            output::write(stream, options).map_err(|e| if e.is_broken_pipe() { e } else { fail(e) })?;
        } else {
            let changed = stmt.execute([]).map_err(|e| fail(Error::Sql { context: String::new(), source: e }))?;
            if changed > 0 {
                context.messages.note(&format!("{}: {changed} rows changed", statement.describe()));
            }
        }
    }
    Ok(())
}

fn strip_context(e: Error) -> String {
    match e {
        Error::Sql { source, .. } => ihracat::error::clean_duckdb_message(&source),
        other => other.to_string(),
    }
}
