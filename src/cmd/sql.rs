use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ihracat::db::Access;
use ihracat::error::Context as _;
use ihracat::db::ResultStream;
use ihracat::output::{self, Format, OutputOptions};
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
    pub(super) output: OutputArgs,
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
    ihracat::db::lock_configuration(&db.conn)?;
    for (name, managed) in ihracat::db::introspect::shadowing(&db.conn)? {
        let note = format!("your {name} stands in for the managed `{managed}` in ad-hoc SQL (ihracat.main.{managed} is the managed one); named queries read the managed tables");
        context.messages.note(&ihracat::messages::message(&note, context.language));
    }
    run_script(&db.conn, &text, &args.output.options(), args.write, context)?;
    Ok(ExitCode::SUCCESS)
}

/// Runs a script and writes each result where the options say: with several results to the
/// terminal or a text stream, one after another with a blank line between them.
pub fn run_script(conn: &duckdb::Connection, text: &str, options: &OutputOptions, writable: bool, context: &Context) -> Result<()> {
    let format = options.resolved_format()?;
    let one_result = options.output.is_some() || format.is_binary();
    let mut first = true;
    let mut show = |stream: ResultStream<'_>| {
        if !first && options.output.is_none() && matches!(format, Format::Csv | Format::Tsv | Format::Table | Format::Markdown) {
            println!();
        }
        first = false;
        output::write(stream, options).map(|_| ())
    };
    script::run(conn, text, writable, one_result, &mut show, &|note| context.messages.note(&ihracat::messages::message(note, context.language)))
}

pub fn read_stdin() -> Result<String> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).context(|| "reading SQL from stdin".into())?;
    Ok(text)
}

