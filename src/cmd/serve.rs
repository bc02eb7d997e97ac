use std::net::{IpAddr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use ihracat::db::{Access, EngineSettings};
use ihracat::server::{self, Config};
use ihracat::{Error, Result};

use super::Context;

/// Serve the catalog as a local web application, in Turkish and English.
///
/// A page per analysis with a form built from its parameters, the result as a table with its
/// chart and map, and the same result as JSON, CSV, Parquet, Excel, SVG or PNG from the same
/// address with an extension: /q/top_provinces?year=2025&month=10 and
/// /q/top_provinces.csv?year=2025&month=10. The monthly report at /report/2025/10, a province's
/// page at /province/Bursa, read-only SQL at /sql, the catalog as JSON at /api/queries, and the
/// analyses as tools for AI assistants at /mcp (MCP over streamable HTTP; see `ihracat mcp`). It
/// listens on 127.0.0.1 unless --host says otherwise, reads the database read-only and lets
/// go of it whenever a load in another process waits for it, fetches nothing from the
/// network, and stops on Ctrl-C.
///
/// Examples:
///   ihracat serve
///   ihracat serve --port 8080 --no-sql
///   ihracat serve --host 0.0.0.0 --port 8000 --time-limit 5
#[derive(Args)]
#[command(verbatim_doc_comment)]
pub struct ServeArgs {
    /// The port (0: any free port, printed at start)
    #[arg(long, default_value_t = 8080)]
    port: u16,
    /// The address to listen on; anything but a loopback address serves the whole network
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// Turn off the ad-hoc SQL page
    #[arg(long)]
    no_sql: bool,
    /// Seconds a query may run before it is interrupted
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    time_limit: f64,
    /// Rows a page shows (downloads have them all)
    #[arg(long, default_value_t = 1000, value_name = "N")]
    max_rows: usize,
    /// Run every request's query, even a repeated one (answers are otherwise kept until the
    /// database file changes)
    #[arg(long)]
    no_cache: bool,
    /// Open the address in the default browser once listening
    #[arg(long)]
    open: bool,
}

pub fn run(args: ServeArgs, context: &Context) -> Result<ExitCode> {
    if !(args.time_limit > 0.0 && args.time_limit <= 3600.0) {
        return Err(Error::msg(format!("--time-limit {}: expected seconds above 0 and at most 3600", args.time_limit)));
    }
    let global = context.global;
    let config = Config {
        location: context.location(),
        settings: EngineSettings::for_access(Access::Analysis, global.memory_limit.clone(), global.temp_dir.clone(), global.threads),
        catalog: std::sync::Arc::new(context.catalog()?),
        sql: !args.no_sql,
        time_limit: Duration::from_secs_f64(args.time_limit),
        row_cap: args.max_rows.max(1),
        cache: !args.no_cache,
    };
    let said = |text: &str| ihracat::messages::message(text, context.language);
    if !args.host.is_loopback() {
        context.messages.warn(&said(&format!("listening on {}: anyone who can reach this machine can read the database", args.host)));
    }
    let open = args.open;
    let announce = |line: &str| {
        // The address line goes to stderr like every message, even under --quiet: it is what
        // scripts (and a --port 0 user) wait for. In Turkish too it holds the address whole.
        if line.starts_with("serving ") { context.messages.essential(&said(line)) } else { context.messages.note(&said(line)) }
        if open {
            if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
                let _ = std::process::Command::new("xdg-open").arg(url).stdout(std::process::Stdio::null()).stderr(std::process::Stdio::null()).spawn();
            }
        }
    };
    server::serve(config, SocketAddr::new(args.host, args.port), &announce)?;
    Ok(ExitCode::SUCCESS)
}
