//! The subcommands. Each file holds one command's arguments (with its help and an example)
//! beside a `run` that calls the library and hands the result to the output layer.

mod chart;
mod choices;
mod completions;
mod export;
mod generate;
mod help_tr;
mod info;
mod load;
mod mcp;
mod queries;
mod reference;
mod report;
mod run;
mod serve;
mod shell;
mod sql;
pub mod ui;
pub mod usage;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use ihracat::catalog::Catalog;
use ihracat::db::{self, Access, Database, EngineSettings, Location};
use ihracat::language::Locale;
use ihracat::output::OutputOptions;

pub use choices::Compression;
use ihracat::output::Format;
use ui::Messages;
use ihracat::{Error, Result};


/// Seconds a writing command waits, without --wait, for readers to let go of the database.
const DEFAULT_WRITER_WAIT: f64 = 5.0;

// One line a paragraph: clap wraps them to the terminal.
const AFTER_HELP: &str = "\
Exit codes: 0 success, 1 error (bad input, failed query, database in use), 2 usage error.

Environment: IHRACAT_DB (database file), IHRACAT_QUERIES (query folders, separated like PATH), \
IHRACAT_LOCALE (en or tr), IHRACAT_MEMORY_LIMIT, IHRACAT_TEMP_DIR, IHRACAT_THREADS, IHRACAT_WAIT, NO_COLOR, \
IHRACAT_TIMINGS=1 (how long each phase of load and run took, on stderr).";

const AFTER_HELP_TR: &str = "\
Çıkış kodları: 0 başarılı, 1 hata (hatalı girdi, başarısız sorgu, kullanımda olan veritabanı), 2 kullanım hatası.

Ortam değişkenleri: IHRACAT_DB (veritabanı dosyası), IHRACAT_QUERIES (analiz klasörleri, PATH gibi ayrılmış), \
IHRACAT_LOCALE (en ya da tr), IHRACAT_MEMORY_LIMIT, IHRACAT_TEMP_DIR, IHRACAT_THREADS, IHRACAT_WAIT, NO_COLOR, \
IHRACAT_TIMINGS=1 (load ve run'ın her aşamasının ne kadar sürdüğü, stderr'e).";

/// Turkey's province-level export statistics in an embedded DuckDB database.
///
/// ihracat ships the Ministry of Trade's published province figures, named SQL analyses
/// (rankings, growth, thresholds, shares), ad-hoc SQL and the monthly report.
#[derive(Parser)]
#[command(name = "ihracat", version, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The command line parsed, with `--help` in Turkish when `turkish` (`help_tr`).
    pub fn parse_in(turkish: bool) -> std::result::Result<Cli, clap::Error> {
        use clap::{CommandFactory, FromArgMatches};
        if !turkish {
            return Cli::try_parse();
        }
        let matches = help_tr::in_turkish(Cli::command()).try_get_matches()?;
        Cli::from_arg_matches(&matches)
    }

    /// The language an error is said in: the one the reader asked the command for (`--lang` of
    /// `chart` and `report`, Turkish unless told; `--locale`, IHRACAT_LOCALE or the locale's
    /// language (LC_ALL, LC_MESSAGES, LANG) of the tabular commands, as `run`'s notices, and of
    /// `load`, `unload` and `export`), else English. Errors
    /// ihracat has words for in Turkish (an unknown name, a parameter, a refusal, a month without
    /// figures, a load's refusals) are then said in Turkish, as `load`'s summary and notes are.
    pub fn language(&self) -> ihracat::language::Language {
        use ihracat::language::Language;
        let locale = match &self.command {
            Command::Chart(args) => return args.lang.into(),
            Command::Report(args) => return args.lang.into(),
            Command::Provinces(args) | Command::Countries(args) | Command::Products(args) => args.output().locale,
            Command::Queries(args) => args.output.locale,
            Command::Load(args) => args.locale,
            Command::Loads(args) => args.output.locale,
            Command::Unload(args) => args.locale,
            Command::Export(args) => args.locale,
            Command::Run(args) => args.output.locale,
            Command::Sql(args) => args.output.locale,
            Command::Shell(args) => args.output.locale,
            Command::Info(args) => args.output.locale,
            _ => None,
        };
        match (locale, std::env::var("IHRACAT_LOCALE")) {
            (Some(locale), _) => locale.into(),
            (None, Ok(value)) if value.trim().eq_ignore_ascii_case("tr") => Language::Tr,
            (None, Ok(_)) => Language::En,
            // As the table's numbers do: a Turkish LANG reads Turkish.
            (None, Err(_)) => Language::of_messages().unwrap_or(Language::En),
        }
    }
}

#[derive(Args)]
pub struct GlobalArgs {
    /// Database file (`:memory:` for a throwaway one) [default: $XDG_DATA_HOME/ihracat/ihracat.duckdb]
    #[arg(long, global = true, env = "IHRACAT_DB", value_name = "PATH")]
    pub db: Option<String>,
    /// Open the database read-only (reading commands always do; this also refuses --write)
    #[arg(long, global = true)]
    pub read_only: bool,
    /// When another process holds the database, wait up to this many seconds for it [default: 0, 5 for load, unload and --write]
    #[arg(long, global = true, env = "IHRACAT_WAIT", value_name = "SECONDS")]
    pub wait: Option<f64>,
    /// A folder of your own .sql queries; repeatable, later folders override earlier ones
    #[arg(long = "queries", global = true, value_name = "DIR")]
    pub queries: Vec<PathBuf>,
    /// DuckDB's memory limit, such as 2GB
    #[arg(long, global = true, env = "IHRACAT_MEMORY_LIMIT", value_name = "SIZE")]
    pub memory_limit: Option<String>,
    /// Where DuckDB spills when a query outgrows memory [default: $XDG_CACHE_HOME/ihracat/spill],
    /// and where a load stages its text [default: the system's temporary folder]
    #[arg(long, global = true, env = "IHRACAT_TEMP_DIR", value_name = "DIR")]
    pub temp_dir: Option<PathBuf>,
    /// DuckDB's worker threads
    #[arg(long, global = true, env = "IHRACAT_THREADS", value_name = "N")]
    pub threads: Option<i64>,
    /// Say nothing on stderr but errors and warnings
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Subcommand)]
pub enum Command {
    #[command(about = "List Turkey's 81 provinces, or show what names resolve to", long_about = reference::PROVINCES_HELP)]
    Provinces(reference::ReferenceArgs),
    #[command(about = "List partner countries, or show what names and codes resolve to", long_about = reference::COUNTRIES_HELP)]
    Countries(reference::ReferenceArgs),
    #[command(about = "List HS chapters, or show what codes and names resolve to", long_about = reference::PRODUCTS_HELP)]
    Products(reference::ReferenceArgs),
    Queries(queries::QueriesArgs),
    Load(load::LoadArgs),
    Loads(load::LoadsArgs),
    Unload(load::UnloadArgs),
    Run(run::RunArgs),
    Chart(chart::ChartArgs),
    Sql(sql::SqlArgs),
    Shell(shell::ShellArgs),
    Export(export::ExportArgs),
    Report(report::ReportArgs),
    Serve(serve::ServeArgs),
    Mcp(mcp::McpArgs),
    Info(info::InfoArgs),
    Completions(completions::CompletionsArgs),
    Generate(generate::GenerateArgs),
}

/// Where and how results are written; every tabular command flattens this.
#[derive(Args, Clone)]
pub struct OutputArgs {
    /// Output format [default: table on a terminal, csv otherwise, or from -o's extension]
    #[arg(long, value_parser = choices::format_parser())]
    pub format: Option<Format>,
    /// Write to FILE instead of stdout (format from the extension unless --format)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Number style in tables: en 4,859.5 or tr 4.859,5 [default: from IHRACAT_LOCALE or LANG]
    // `--lang` too, as chart and report spell a document's language.
    #[arg(long, alias = "lang", value_enum, env = "IHRACAT_LOCALE")]
    pub locale: Option<choices::Locale>,
    /// Rows a table shows before abbreviating (0: all)
    #[arg(long, default_value_t = 40, value_name = "N")]
    pub max_rows: usize,
    /// Parquet compression
    #[arg(long, value_enum, default_value = "zstd")]
    pub compression: Compression,
    /// Replace the -o file if it exists
    #[arg(long)]
    pub overwrite: bool,
    /// exact: values as DECIMAL (pandas gets Decimal objects); float: as 64-bit floats
    #[arg(long, value_enum, default_value = "exact")]
    pub decimals: choices::Decimals,
}

impl OutputArgs {
    pub fn options(&self) -> OutputOptions {
        OutputOptions {
            format: self.format,
            output: self.output.clone(),
            locale: self.locale.map_or_else(Locale::from_env, Into::into),
            words: self.locale.map_or(ihracat::language::Language::Tr, Into::into),
            max_rows: self.max_rows,
            compression: self.compression.into(),
            overwrite: self.overwrite,
            about: None,
            decimals_as_float: self.decimals == choices::Decimals::Float,
        }
    }
}

/// The default database, its folder made: XDG's data folder is ihracat's to make, for every
/// command and front end that opens it (a --db the user gives must be in a folder that exists,
/// and db::open refuses it otherwise). A folder that cannot be made is reported by that refusal,
/// with its path.
fn default_database() -> PathBuf {
    let path = ihracat::paths::default_database();
    if let Some(dir) = path.parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    path
}

/// What every command shares: the global options and the messages handle.
pub struct Context<'a> {
    pub global: &'a GlobalArgs,
    pub messages: &'a Messages,
    /// The language the command's messages are said in (`Cli::language`).
    pub language: ihracat::language::Language,
}

impl Context<'_> {
    pub fn location(&self) -> Location {
        match &self.global.db {
            Some(text) => Location::parse(text),
            None => Location::File(default_database()),
        }
    }

    /// The files a written result must never replace: the database and its workspace.
    pub fn protected_files(&self) -> Vec<PathBuf> {
        let location = self.location();
        match &location {
            Location::File(path) => [Some(path.clone()), location.workspace_path()].into_iter().flatten().collect(),
            Location::Memory => Vec::new(),
        }
    }

    pub fn open(&self, access: Access) -> Result<Database> {
        // --wait: a database another process holds is tried again until the time is up. A writer
        // waits a few seconds even without it, and says so to readers that take turns with it
        // (`ihracat serve` opens the file for each request and holds back while a writer waits).
        let writes = matches!(access, Access::Write | Access::Workspace);
        let wait = self.global.wait.or(writes.then_some(DEFAULT_WRITER_WAIT));
        let deadline = wait.map(|s| std::time::Instant::now() + std::time::Duration::from_secs_f64(s));
        let mut marker: Option<db::WriterWaiting> = None;
        loop {
            match self.open_once(access) {
                Err(Error::DatabaseInUse { .. }) if deadline.is_some_and(|d| std::time::Instant::now() < d) => {
                    if writes && marker.is_none() {
                        marker = db::WriterWaiting::announce(&self.location());
                    }
                    std::thread::sleep(std::time::Duration::from_millis(50));
                }
                other => return other,
            }
        }
    }

    fn open_once(&self, access: Access) -> Result<Database> {
        if self.global.read_only && !matches!(access, Access::Read | Access::Analysis) {
            return Err(Error::msg("--read-only was given, but this command writes"));
        }
        let settings = EngineSettings::for_access(access, self.global.memory_limit.clone(), self.global.temp_dir.clone(), self.global.threads);
        let database = db::open(&self.location(), access, &settings)?;
        for note in &database.notes {
            self.messages.note(&ihracat::messages::message(note, self.language));
        }
        Ok(database)
    }

    /// The shipped catalog, the user's XDG folder, IHRACAT_QUERIES, then each --queries.
    pub fn catalog(&self) -> Result<Catalog> {
        let mut dirs = Vec::new();
        let xdg = ihracat::paths::user_queries();
        if xdg.is_dir() {
            dirs.push(xdg);
        }
        if let Some(list) = std::env::var_os("IHRACAT_QUERIES") {
            dirs.extend(std::env::split_paths(&list).filter(|p| !p.as_os_str().is_empty()));
        }
        dirs.extend(self.global.queries.iter().cloned());
        Catalog::load(&dirs)
    }
}

pub fn run(cli: Cli, messages: &Messages) -> Result<ExitCode> {
    let language = cli.language();
    let context = Context { global: &cli.global, messages, language };
    match cli.command {
        Command::Provinces(args) => reference::run(ihracat::reference::Kind::Province, args, &context),
        Command::Countries(args) => reference::run(ihracat::reference::Kind::Country, args, &context),
        Command::Products(args) => reference::run(ihracat::reference::Kind::Product, args, &context),
        Command::Queries(args) => queries::run(args, &context),
        Command::Load(args) => load::run(args, &context),
        Command::Loads(args) => load::list(args, &context),
        Command::Unload(args) => load::unload(args, &context),
        Command::Run(args) => run::run(args, &context),
        Command::Chart(args) => chart::run(args, &context),
        Command::Sql(args) => sql::run(args, &context),
        Command::Shell(args) => shell::run(args, &context),
        Command::Export(args) => export::run(args, &context),
        Command::Report(args) => report::run(args, &context),
        Command::Serve(args) => serve::run(args, &context),
        Command::Mcp(args) => mcp::run(args, &context),
        Command::Info(args) => info::run(args, &context),
        Command::Completions(args) => completions::run(args),
        Command::Generate(args) => generate::run(args, &context),
    }
}
