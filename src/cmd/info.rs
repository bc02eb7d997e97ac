use std::process::ExitCode;

use clap::Args;
use ihracat::db::{self, Access};
use ihracat::output::{self, ResultStream};
use ihracat::{Result, error::Context as _};

use super::{Context, OutputArgs};

/// Show the database: its path, schema and data versions, coverage and loads.
///
/// Coverage counts the province-months held for each year and basis, and how many come from
/// releases, are derived from them, or were loaded.
///
/// Example:
///   ihracat info
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct InfoArgs {
    #[command(flatten)]
    output: OutputArgs,
}

const COVERAGE_SQL: &str = "
    SELECT year, basis,
           count(DISTINCT month) AS months,
           count(DISTINCT province_code) AS provinces,
           count(*) AS province_months,
           count(*) FILTER (WHERE load_id IS NULL AND NOT derived) AS published,
           count(*) FILTER (WHERE load_id IS NULL AND derived) AS derived,
           count(*) FILTER (WHERE load_id IS NOT NULL) AS loaded,
           count(*) = 81 * 12 AS complete
    FROM exports GROUP BY ALL ORDER BY year, basis";

pub fn run(args: InfoArgs, context: &Context) -> Result<ExitCode> {
    let database = context.open(Access::Read)?;
    let versions = db::versions(&database)?;
    let location = database.location.display();
    let workspace = database.location.workspace_path().map(|p| p.display().to_string()).unwrap_or_else(|| "none".into());
    let loads: i64 = database.conn.query_row("SELECT count(*) FROM loads", [], |r| r.get(0)).context(|| "counting loads".into())?;
    println!("database:       {location}");
    println!("workspace:      {workspace}");
    println!("schema version: {} (this ihracat: {})", versions.schema, db::SCHEMA_VERSION);
    println!("data version:   {} ({}; this ihracat: {})", versions.data, versions.data_sha256, db::DATA_VERSION);
    println!("loads:          {loads} (ihracat sql \"FROM loads\")");
    println!("coverage (a complete year has 81 provinces x 12 months = 972 province-months):");
    let mut stmt = database.conn.prepare(COVERAGE_SQL).context(|| "reading coverage".into())?;
    output::write(ResultStream::from_statement(&mut stmt, Vec::new())?, &args.output.options())?;
    Ok(ExitCode::SUCCESS)
}
