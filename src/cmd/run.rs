use std::process::ExitCode;

use clap::Args;
use ihracat::db::Access;
use ihracat::output;
use ihracat::trace::timed;
use ihracat::{Result, catalog, execution};

use super::{Context, OutputArgs};

/// Run a named query from the catalog.
///
/// Parameters are typed and bound, never pasted into SQL; `ihracat queries show NAME` lists
/// them. Named queries only read: they cannot change the database. A result that rests on
/// fewer than 81 provinces says so in its columns and in one line on stderr.
///
/// Examples:
///   ihracat run top_provinces -p year=2025 -p month=10 -p n=5
///   ihracat run yoy_growth -p year=2025 -p month=10 --format csv > growth.csv
///   ihracat run share_of_total -p year=2025 -p month=10 -o shares.parquet
///   ihracat run top_provinces -p year=2025 -p month=10 -o top.xlsx
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct RunArgs {
    /// The query's name (see `ihracat queries`)
    name: String,
    /// A parameter as name=value; repeatable
    #[arg(short = 'p', long = "param", value_name = "NAME=VALUE")]
    params: Vec<String>,
    #[command(flatten)]
    pub(super) output: OutputArgs,
}

pub fn run(args: RunArgs, context: &Context) -> Result<ExitCode> {
    let catalog = timed("reading the catalog", || context.catalog())?;
    let query = catalog.get(&args.name)?;
    let assignments = args.params.iter().map(|p| catalog::parse_assignment(p)).collect::<Result<Vec<_>>>()?;
    let db = timed("opening the database", || context.open(Access::Analysis))?;
    let mut options = args.output.options();
    // Notices in the command's language (--locale, IHRACAT_LOCALE or a Turkish LANG), as the
    // table's numbers are.
    let notice_language = context.language;
    // An Excel file says on its second sheet what it holds: the query and every parameter.
    options.about = Some(ihracat::output::excel::About {
        query: query.name.clone(),
        summary: query.header.title_in(options.words).to_string(),
        parameters: execution::effective_args(query, &assignments),
        notices: Vec::new(),
    });
    if let Some(path) = options.output.clone() {
        let source = ihracat::output::copy::Source::Named { query, args: &assignments };
        let (rows, notices) = timed("writing the result", || ihracat::output::copy::write_file(&db.conn, source, &options, &[], context.protected_files()))?;
        for notice in notices {
            context.messages.note(&notice.text(notice_language));
        }
        context.messages.note(&ihracat::messages::message(&format!("wrote {} to {}", ihracat::language::counted(rows as u64, "row", "rows"), path.display()), notice_language));
        return Ok(ExitCode::SUCCESS);
    }
    execution::with_result(&db.conn, query, &assignments, |result| {
        if let Some(notice) = &result.panel_notice {
            // Before the rows, so that it is seen above a long table.
            context.messages.note(&notice.text(notice_language));
        }
        let empty_notice = result.empty_notice.clone();
        let rows = timed("writing the result", || output::write(result.stream, &options))?;
        if let (0, Some(notice)) = (rows, empty_notice) {
            context.messages.note(&notice.text(notice_language));
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

