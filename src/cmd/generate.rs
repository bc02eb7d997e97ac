use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use ihracat::db::Access;
use ihracat::{Result, synthetic};

use super::Context;

/// Write a SYNTHETIC detail table for tests and benchmarks (not real figures).
///
/// Deterministic from --seed; a few provinces, markets and chapters dominate, with a sparse
/// long tail and no zero rows, as in real tables. The files are named synthetic-detail-N-seedS
/// and say so in a title line (CSV) and in their metadata (Parquet). Each is the whole table of
/// its province-months, so it loads with `ihracat load FILE --basis activity --complete` (without
/// --complete the analyses that need whole tables, such as market_concentration, refuse it).
/// Nothing is written but the files: no database is created.
///
/// Example:
///   ihracat generate --rows 1000000 --seed 42 --to /tmp/bench
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct GenerateArgs {
    /// How many rows
    #[arg(long, default_value_t = 100_000)]
    rows: u64,
    /// The seed: the same seed and rows write the same files
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// The folder to write into
    #[arg(long, value_name = "DIR")]
    to: PathBuf,
    /// Which files: csv, parquet or both
    #[arg(long, default_value = "both", value_parser = ["csv", "parquet", "both"])]
    format: String,
}

pub fn run(args: GenerateArgs, context: &Context) -> Result<ExitCode> {
    // The reference tables come from a throwaway database in memory: generating test files
    // creates no database as a side effect.
    let settings = ihracat::db::EngineSettings::for_access(Access::Read, context.global.memory_limit.clone(), context.global.temp_dir.clone(), context.global.threads);
    let db = ihracat::db::open(&ihracat::db::Location::Memory, Access::Read, &settings)?;
    let files = synthetic::generate(&db.conn, args.rows, args.seed, &args.to, args.format != "parquet", args.format != "csv")?;
    for file in files {
        println!("{}", file.display());
    }
    Ok(ExitCode::SUCCESS)
}
