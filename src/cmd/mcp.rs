use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;
use ihracat::db::{self, Access, EngineSettings, Location, SharedEngine};
use ihracat::mcp::{self, Assistant};
use ihracat::{Error, Result};

use super::Context;

/// Serve the analyses to an AI assistant over the Model Context Protocol, on stdin and stdout.
///
/// Each named analysis is a tool whose input schema comes from its typed header (shipped queries
/// and your own folders); beside them: list_analyses, describe_analysis, resolve_name,
/// monthly_report and draw_chart (a PNG). Results carry their rows as JSON, the same rows as
/// `ihracat run NAME --format json`, with a Markdown table, the notices (an incomplete panel, a
/// missing figure's reason) and the sources, in Turkish unless a call says lang: en (headings,
/// number style, notices and errors). Read-only: nothing writes, loads or reaches a file
/// or the network, and there is no SQL tool unless --allow-sql. Every call has a time limit and
/// a row cap. A load in another process goes ahead: the database is let go while it waits.
/// `ihracat serve` answers the same at /mcp (streamable HTTP).
///
/// Claude Desktop, VS Code and other clients start it from their configuration:
///   {"mcpServers": {"ihracat": {"command": "ihracat", "args": ["mcp"]}}}
///
/// Examples:
///   ihracat mcp
///   ihracat mcp --allow-sql --time-limit 5
///   ihracat --db exports.duckdb mcp --queries ./my-queries
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct McpArgs {
    /// Offer run_sql: one read-only SELECT, with file access off, the row cap and the time limit
    #[arg(long)]
    allow_sql: bool,
    /// Seconds a call may run before it is interrupted
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    time_limit: f64,
    /// Rows a result carries; a longer one says it was cut and how to narrow it
    #[arg(long, default_value_t = 1000, value_name = "N")]
    max_rows: usize,
    /// Bytes of text a result carries
    #[arg(long, default_value_t = 200_000, value_name = "BYTES")]
    max_bytes: usize,
}

pub fn run(args: McpArgs, context: &Context) -> Result<ExitCode> {
    if !(args.time_limit > 0.0 && args.time_limit <= 3600.0) {
        return Err(Error::msg(format!("--time-limit {}: expected seconds above 0 and at most 3600", args.time_limit)));
    }
    let location = context.location();
    if location == Location::Memory {
        return Err(Error::msg("mcp needs a database file: a :memory: database would be a new one for every call"));
    }
    let global = context.global;
    let settings = EngineSettings::for_access(Access::Analysis, global.memory_limit.clone(), global.temp_dir.clone(), global.threads);
    // Open once first: creates, seeds or migrates the file if it must, so that a broken database
    // is an error here (on stderr: stdout is the protocol's) and not on every call.
    {
        let opened = db::open(&location, Access::Analysis, &settings)?;
        for note in &opened.notes {
            context.messages.note(&ihracat::messages::message(note, context.language));
        }
    }
    let engine = Arc::new(SharedEngine::new(location, settings, Duration::from_secs_f64(args.time_limit)));
    let config = mcp::Config { catalog: Arc::new(context.catalog()?), allow_sql: args.allow_sql, row_cap: args.max_rows.max(1), size_cap: args.max_bytes.max(1000) };
    mcp::serve_stdio(Assistant::new(config, engine))?;
    Ok(ExitCode::SUCCESS)
}
