use std::process::ExitCode;

use clap::{Args, Subcommand};
use ihracat::db::Access;
use ihracat::output;
use ihracat::{Result, catalog};

use super::{Context, OutputArgs};

/// List the named queries, show one, or check them all.
///
/// The shipped catalog is compiled in; add your own folders of .sql files with --queries DIR
/// or IHRACAT_QUERIES, or put them in $XDG_CONFIG_HOME/ihracat/queries. A query of yours with a
/// shipped query's name overrides it.
///
/// Examples:
///   ihracat queries
///   ihracat queries show top_provinces
///   ihracat --queries ./my-queries queries check
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct QueriesArgs {
    #[command(subcommand)]
    action: Option<Action>,
    #[command(flatten)]
    pub(super) output: OutputArgs,
}

#[derive(Subcommand)]
enum Action {
    /// Show a query's description, parameters and SQL
    Show {
        /// The query's name (see `ihracat queries`)
        name: String,
        /// text, json (the header and SQL as one object) or sql (the SQL alone, to copy)
        #[arg(long, value_enum, default_value = "text")]
        format: ShowFormat,
    },
    /// Parse every header, prepare every query and run its examples; exit 1 on any problem
    Check {
        /// text (messages on stderr) or json (the problems as a list on stdout)
        #[arg(long, value_enum, default_value = "text")]
        format: CheckFormat,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ShowFormat {
    Text,
    Json,
    Sql,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum CheckFormat {
    Text,
    Json,
}

pub fn run(args: QueriesArgs, context: &Context) -> Result<ExitCode> {
    let catalog = context.catalog()?;
    match args.action {
        None => {
            for broken in &catalog.broken {
                context.messages.warn(&format!("{broken} (run `ihracat queries check`)"));
            }
            let queries: Vec<_> = catalog.queries().collect();
            // The summary in the reader's language; the column's name stays, as every machine
            // format keeps its names.
            let table = output::string_table(&[
                ("name", queries.iter().map(|q| Some(q.name.clone())).collect()),
                ("category", queries.iter().map(|q| q.category.clone()).collect()),
                ("summary", queries.iter().map(|q| Some(q.header.title_in(context.language).to_string())).collect()),
                ("parameters", queries.iter().map(|q| Some(q.signature())).collect()),
                ("source", queries.iter().map(|q| Some(q.origin.to_string())).collect()),
            ])?;
            output::write(table, &args.output.options())?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Action::Show { name, format }) => {
            let query = catalog.get(&name)?;
            match format {
                // In the command's language, as run's notices.
                ShowFormat::Text => print!("{}", catalog::describe_text(query, context.language)),
                ShowFormat::Sql => print!("{}", query.sql),
                ShowFormat::Json => println!("{}", catalog::describe_json(query)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Action::Check { format }) => {
            let db = context.open(Access::Analysis)?;
            let problems = ihracat::checks::check(&db.conn, &catalog);
            let count = catalog.queries().count();
            if format == CheckFormat::Json {
                let list: Vec<_> = problems.iter().map(|p| serde_json::json!({"query": p.query, "source": p.origin, "message": p.message})).collect();
                println!("{}", serde_json::json!({"checked": count, "problems": list}));
                return Ok(if problems.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) });
            }
            for problem in &problems {
                let place = if problem.origin.is_empty() { String::new() } else { format!("{} ({}): ", problem.query, problem.origin) };
                context.messages.error(&format!("{place}{}", ihracat::messages::message(&problem.message, context.language)));
            }
            if problems.is_empty() {
                context.messages.note(&ihracat::messages::message(&format!("{count} queries checked: all parse, prepare and run their examples"), context.language));
                Ok(ExitCode::SUCCESS)
            } else {
                let problems = ihracat::language::counted(problems.len() as u64, "problem", "problems");
                context.messages.note(&ihracat::messages::message(&format!("{count} queries checked, {problems}"), context.language));
                Ok(ExitCode::from(1))
            }
        }
    }
}
