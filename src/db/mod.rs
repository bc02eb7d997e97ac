//! The database: where it lives, how it is opened for each kind of command, and its schema,
//! migrations and bundled data.
//!
//! Every connection has the managed database attached as the catalog `ihracat`. Reading commands
//! attach it read-only (so any number of them can run at once); `load` attaches it for writing;
//! ad-hoc SQL with `--write` writes only to a separate workspace database (`workspace`), with the
//! managed database still read-only beside it, so the managed tables cannot be changed from SQL.

mod bundled;
mod columns;
pub mod facts;
mod result;
mod shared;
pub mod introspect;
pub mod macros;

use std::path::{Path, PathBuf};

use duckdb::{Config, Connection};

use crate::error::{Context, Error, Holder, Result};

pub use bundled::{DATA_VERSION, data_sha256};
pub use columns::{ColumnError, Columns};
pub use result::ResultStream;
pub use shared::SharedEngine;

/// The schema a new database gets: schema.sql (version 1), then every migration in order. An
/// older database gets the migrations it lacks. A schema change is a new migration here.
pub const SCHEMA_VERSION: i64 = 21;

const SCHEMA_SQL: &str = include_str!("schema.sql");

/// Each migration: its version, its file under src/db/ (for `queries show`) and its SQL.
const MIGRATIONS: &[(i64, &str, &str)] = &[
    (2, "migrations/002_detail.sql", include_str!("migrations/002_detail.sql")),
    (3, "migrations/003_province_first.sql", include_str!("migrations/003_province_first.sql")),
    (4, "migrations/004_figures_true.sql", include_str!("migrations/004_figures_true.sql")),
    (5, "migrations/005_sorted_sources.sql", include_str!("migrations/005_sorted_sources.sql")),
    (6, "migrations/006_months.sql", include_str!("migrations/006_months.sql")),
    (7, "migrations/007_month_facts.sql", include_str!("migrations/007_month_facts.sql")),
    (8, "migrations/008_own_changes.sql", include_str!("migrations/008_own_changes.sql")),
    (9, "migrations/009_turkish_order.sql", include_str!("migrations/009_turkish_order.sql")),
    (10, "migrations/010_facts.sql", include_str!("migrations/010_facts.sql")),
    (11, "migrations/011_national_facts.sql", include_str!("migrations/011_national_facts.sql")),
    (12, "migrations/012_detail_once.sql", include_str!("migrations/012_detail_once.sql")),
    (13, "migrations/013_spans.sql", include_str!("migrations/013_spans.sql")),
    (14, "migrations/014_loaded_ranks.sql", include_str!("migrations/014_loaded_ranks.sql")),
    (15, "migrations/015_report_detail.sql", include_str!("migrations/015_report_detail.sql")),
    (16, "migrations/016_halves.sql", include_str!("migrations/016_halves.sql")),
    (17, "migrations/017_places_not_given.sql", include_str!("migrations/017_places_not_given.sql")),
    (18, "migrations/018_notes_in_turkish.sql", include_str!("migrations/018_notes_in_turkish.sql")),
    (19, "migrations/019_kept_shares.sql", include_str!("migrations/019_kept_shares.sql")),
    (20, "migrations/020_release_facts.sql", include_str!("migrations/020_release_facts.sql")),
    (21, "migrations/021_month_changes.sql", include_str!("migrations/021_month_changes.sql")),
];

/// Where the managed database is.
#[derive(Clone, Debug, PartialEq)]
pub enum Location {
    /// A throwaway database in this process's memory, seeded anew each time.
    Memory,
    File(PathBuf),
}

impl Location {
    pub fn parse(text: &str) -> Location {
        if text == ":memory:" { Location::Memory } else { Location::File(PathBuf::from(text)) }
    }

    /// The user's own tables and views live here, beside the managed database.
    pub fn workspace_path(&self) -> Option<PathBuf> {
        match self {
            Location::Memory => None,
            Location::File(path) => {
                let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                Some(path.with_file_name(format!("{stem}.workspace.duckdb")))
            }
        }
    }

    pub fn display(&self) -> String {
        match self {
            Location::Memory => ":memory:".into(),
            Location::File(path) => path.display().to_string(),
        }
    }
}

/// What a command needs from the database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// Named queries and the report: the managed database alone, read-only. The workspace is not
    /// attached, so that nothing of the user's can stand in for a managed table.
    Analysis,
    /// Ad-hoc SQL without --write, reference lists, info: nothing can change; the user's
    /// workspace is readable beside the managed database.
    Read,
    /// `load` and `unload`: the managed tables are writable.
    Write,
    /// Ad-hoc SQL with --write: the user's workspace is writable, the managed tables are not.
    Workspace,
}

/// DuckDB's own settings that a user may need to change (design rule 20).
#[derive(Clone, Debug, Default)]
pub struct EngineSettings {
    pub memory_limit: Option<String>,
    pub temp_directory: Option<PathBuf>,
    pub threads: Option<i64>,
}

/// DuckDB's memory limit for `load` and `unload` unless the user sets one.
pub const LOAD_MEMORY_LIMIT: &str = "700MB";

impl EngineSettings {
    /// The settings a command runs with: the user's, else ihracat's policy. A load stays within
    /// 1 GB whatever the file's size (design rule 20): DuckDB spills the rest into the cache
    /// folder rather than ./.tmp of wherever the user is. Other commands keep DuckDB's default.
    pub fn for_access(access: Access, memory_limit: Option<String>, temp_directory: Option<PathBuf>, threads: Option<i64>) -> EngineSettings {
        let settings = EngineSettings {
            memory_limit: memory_limit.or_else(|| (access == Access::Write).then(|| LOAD_MEMORY_LIMIT.to_string())),
            temp_directory: temp_directory.or_else(|| dirs::cache_dir().map(|d| d.join("ihracat").join("spill"))),
            threads,
        };
        if let Some(dir) = &settings.temp_directory {
            // DuckDB creates only the last folder of the path, and only when it first spills: on a
            // fresh machine a big load would fail halfway. A folder that cannot be made is
            // reported by DuckDB, with its path, if it is ever needed.
            let _ = std::fs::create_dir_all(dir);
        }
        settings
    }
}

pub struct Database {
    pub conn: Connection,
    pub location: Location,
    pub access: Access,
    /// What opening did that the user should hear of (creation, migration, refresh).
    pub notes: Vec<String>,
}

impl Database {
    /// Another connection to the same engine, reading the same catalogs (the web server's
    /// requests each take one). The engine lives as long as this `Database`: drop every
    /// connection made here before it.
    pub fn connect(&self) -> Result<Connection> {
        let conn = self.conn.try_clone().context(|| "opening a connection".into())?;
        match self.access {
            Access::Analysis | Access::Write => use_catalogs(&conn, "ihracat", &["ihracat.main"])?,
            Access::Read | Access::Workspace if self.location.workspace_path().is_some_and(|w| w.exists()) => {
                use_catalogs(&conn, "workspace", &["workspace.main", "ihracat.main"])?
            }
            Access::Read | Access::Workspace => use_catalogs(&conn, "ihracat", &["ihracat.main"])?,
        }
        Ok(conn)
    }
}

impl Database {
    /// A connection that sees the managed database alone, for named queries run from ad-hoc SQL
    /// (the shell's `.run`): a temporary table lives on its own connection and the workspace is
    /// off this one's search path, so nothing of the user's stands in for a managed table there.
    pub fn analysis_connection(&self) -> Result<Connection> {
        let conn = self.conn.try_clone().context(|| "opening a connection".into())?;
        use_catalogs(&conn, "ihracat", &["ihracat.main"])?;
        Ok(conn)
    }
}

/// The state of a database file as its meta table records it.
#[derive(Debug, Clone, PartialEq)]
pub struct Versions {
    pub schema: i64,
    pub data: String,
    pub data_sha256: String,
}

pub fn open(location: &Location, access: Access, settings: &EngineSettings) -> Result<Database> {
    let mut notes = Vec::new();
    let conn = match location {
        Location::Memory => {
            let conn = new_connection(settings)?;
            conn.execute_batch("ATTACH ':memory:' AS ihracat; USE ihracat;").context(|| "creating the database".into())?;
            create_and_seed(&conn)?;
            conn
        }
        Location::File(path) => {
            let conn = new_connection(settings)?;
            let read_only = access != Access::Write;
            prepare_file(&conn, path, read_only, &mut notes)?;
            let workspace = location.workspace_path().expect("a file has a workspace");
            match access {
                Access::Read if workspace.exists() => {
                    attach(&conn, &workspace, "workspace", true)?;
                    use_catalogs(&conn, "workspace", &["workspace.main", "ihracat.main"])?;
                }
                Access::Workspace => {
                    attach(&conn, &workspace, "workspace", false)?;
                    use_catalogs(&conn, "workspace", &["workspace.main", "ihracat.main"])?;
                }
                Access::Analysis | Access::Read | Access::Write => use_catalogs(&conn, "ihracat", &["ihracat.main"])?,
            }
            conn
        }
    };
    Ok(Database { conn, location: location.clone(), access, notes })
}

fn new_connection(settings: &EngineSettings) -> Result<Connection> {
    // No secret is ever written to ~/.duckdb (design rule 43): ihracat keeps none.
    let mut config = Config::default()
        .enable_autoload_extension(false)
        .and_then(|c| c.with("allow_persistent_secrets", "false"))
        .context(|| "configuring DuckDB".into())?;
    if let Some(limit) = &settings.memory_limit {
        config = config.max_memory(limit).context(|| format!("memory limit `{limit}`"))?;
    }
    if let Some(threads) = settings.threads {
        config = config.threads(threads).context(|| format!("threads `{threads}`"))?;
    }
    if let Some(dir) = &settings.temp_directory {
        config = config.with("temp_directory", dir.to_string_lossy()).context(|| format!("temp directory {}", dir.display()))?;
    }
    Connection::open_in_memory_with_flags(config).context(|| "starting DuckDB".into())
}

/// Locks DuckDB's configuration for the rest of the process (design rule 43): after this no
/// statement changes a setting (`SET GLOBAL memory_limit`, `threads`, logging, …), so ad-hoc SQL
/// cannot slow, starve or redirect the engine. For `sql`, `shell` and the server, once the engine
/// is set up.
pub fn lock_configuration(conn: &Connection) -> Result<()> {
    conn.execute_batch("SET lock_configuration = true").context(|| "locking the engine's configuration".into())
}

/// A writer waiting for the database: a marker file beside it that readers which open the file
/// again and again (`ihracat serve`) check, and stand back for, until the writer has it. The
/// marker goes when the writer stops waiting.
pub struct WriterWaiting {
    path: PathBuf,
}

impl WriterWaiting {
    pub fn marker(database: &Path) -> PathBuf {
        PathBuf::from(format!("{}.writer-waiting", database.display()))
    }

    /// `None` where there is no file to mark (`:memory:`) or the folder is not writable: the
    /// writer then waits as any other.
    pub fn announce(location: &Location) -> Option<WriterWaiting> {
        let Location::File(database) = location else { return None };
        let path = WriterWaiting::marker(database);
        std::fs::write(&path, std::process::id().to_string()).ok()?;
        Some(WriterWaiting { path })
    }

    /// Whether a writer has been waiting, recently, for `database` (a marker older than a minute
    /// is one a killed writer left).
    pub fn is_waiting(database: &Path) -> bool {
        std::fs::metadata(WriterWaiting::marker(database))
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age < std::time::Duration::from_secs(60)))
    }
}

impl Drop for WriterWaiting {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Text as a SQL string literal, for the few places where DuckDB takes no parameter (file paths
/// in ATTACH, read_csv and COPY). Values from users are always bound, never quoted here.
pub fn sql_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The storage format of the files ihracat creates: the oldest that holds everything it keeps,
/// so that DuckDB 1.1 and every later release (the CLI, Python, R, DBeaver) open the database,
/// not only the DuckDB built into ihracat (1.0 cannot read its macros). A test opens one with
/// Python's duckdb 1.1.3.
pub const STORAGE_VERSION: &str = "v1.1.0";

fn attach(conn: &Connection, path: &Path, alias: &str, read_only: bool) -> Result<()> {
    let storage = format!(" (STORAGE_VERSION '{STORAGE_VERSION}')");
    let mode = if read_only { " (READ_ONLY)" } else if !path.exists() { storage.as_str() } else { "" };
    conn.execute_batch(&format!("ATTACH {} AS {alias}{mode}", sql_literal(&path.to_string_lossy())))
        .map_err(|e| classify_open_error(e, path, read_only))
}

fn use_catalogs(conn: &Connection, default: &str, search_path: &[&str]) -> Result<()> {
    conn.execute_batch(&format!("USE {default}; SET search_path = {};", sql_literal(&search_path.join(","))))
        .context(|| "setting the search path".into())
}

/// DuckDB reports a held lock as an IO error; users need to know another process has it, and
/// whether it reads or writes. A reader is kept out only by a writer; a writer by either, and a
/// read-only attempt tells which.
fn classify_open_error(e: duckdb::Error, path: &Path, read_only: bool) -> Error {
    let text = e.to_string();
    if text.contains("Could not set lock") || text.contains("Conflicting lock") {
        let readers = !read_only
            && Connection::open_in_memory()
                .and_then(|probe| probe.execute_batch(&format!("ATTACH {} AS probe (READ_ONLY)", sql_literal(&path.to_string_lossy()))))
                .is_ok();
        Error::DatabaseInUse { path: path.to_path_buf(), holder: if readers { Holder::Readers } else { Holder::Writer } }
    } else {
        Error::Sql { context: format!("opening database {}", path.display()), source: e }
    }
}

/// Attaches the database file as `ihracat`, first creating, migrating or refreshing it if it
/// must. The versions are read in the same attach that then serves the command (a second
/// DuckDB instance only to read them cost a third of a named query's start-up); the file is
/// attached for writing only when there is something to write.
fn prepare_file(conn: &Connection, path: &Path, read_only: bool, notes: &mut Vec<String>) -> Result<()> {
    if !path.exists() {
        // As DuckDB's own CLI and sqlite3 do, a path in a folder that is not there is refused: a
        // mistyped --db must not leave new folders behind a "created database" note.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty() && !d.is_dir()) {
            return Err(Error::NoFolder { path: path.to_path_buf(), folder: dir.to_path_buf() });
        }
        let created = attach(conn, path, "ihracat", false).and_then(|()| {
            use_catalogs(conn, "ihracat", &["ihracat.main"])?;
            create_and_seed(conn)
        });
        if let Err(e) = created {
            // A database that could not be set up is no database: leave nothing behind.
            let _ = conn.execute_batch("USE memory; DETACH DATABASE IF EXISTS ihracat");
            let _ = std::fs::remove_file(path);
            let _ = std::fs::remove_file(path.with_extension("duckdb.wal"));
            return Err(e);
        }
        notes.push(format!("created database {} with the bundled data ({})", path.display(), DATA_VERSION));
        return reattach(conn, path, read_only);
    }
    attach(conn, path, "ihracat", read_only)?;
    let found = read_versions(conn, path)?;
    if found.schema > SCHEMA_VERSION {
        return Err(Error::NewerSchema { path: path.to_path_buf(), found: found.schema, supported: SCHEMA_VERSION });
    }
    let data_stale = found.data.as_str() < DATA_VERSION
        || (found.data == DATA_VERSION && found.data_sha256 != data_sha256());
    if found.schema == SCHEMA_VERSION && !data_stale {
        return Ok(());
    }
    if read_only {
        reattach(conn, path, false)?;
    }
    use_catalogs(conn, "ihracat", &["ihracat.main"])?;
    in_transaction(conn, "updating the database", || {
        if found.schema < SCHEMA_VERSION {
            migrate(conn, found.schema)?;
            notes.push(format!("migrated database {} from schema version {} to {}", path.display(), found.schema, SCHEMA_VERSION));
        }
        bundled::seed(conn)?;
        Ok(())
    })?;
    if data_stale {
        // Under one label the data changed all the same (its fingerprint differs): name both.
        let (from, to) = if found.data == DATA_VERSION {
            (format!("{} ({})", found.data, found.data_sha256), format!("{DATA_VERSION} ({})", data_sha256()))
        } else {
            (found.data.clone(), DATA_VERSION.to_string())
        };
        notes.push(format!("refreshed the bundled data in {} from {from} to {to} (your loaded rows are kept)", path.display()));
    }
    if read_only {
        reattach(conn, path, true)?;
    }
    Ok(())
}

/// Attaches the file again in the other mode (DuckDB cannot change an attached file's mode).
fn reattach(conn: &Connection, path: &Path, read_only: bool) -> Result<()> {
    conn.execute_batch("USE memory; DETACH DATABASE IF EXISTS ihracat").context(|| format!("closing {}", path.display()))?;
    attach(conn, path, "ihracat", read_only)
}

fn read_versions(conn: &Connection, path: &Path) -> Result<Versions> {
    let mut stmt = conn
        .prepare("SELECT key, value FROM ihracat.main.ihracat_meta")
        .map_err(|_| Error::msg(format!("{} is a DuckDB database, but not one of ihracat's (it has no ihracat_meta table)", path.display())))?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .context(|| format!("reading {}", path.display()))?;
    let mut versions = Versions { schema: 0, data: String::new(), data_sha256: String::new() };
    for row in rows {
        let (key, value) = row.context(|| format!("reading {}", path.display()))?;
        match key.as_str() {
            "schema_version" => versions.schema = value.parse().unwrap_or(0),
            "data_version" => versions.data = value,
            "data_sha256" => versions.data_sha256 = value,
            _ => {}
        }
    }
    Ok(versions)
}

/// What `info` shows of a database.
pub struct Info {
    pub location: String,
    pub workspace: Option<String>,
    pub versions: Versions,
    /// DuckDB's storage format of the file (v1.1.0+): the oldest DuckDB that opens it.
    pub storage: Option<String>,
    pub loads: i64,
    pub detail: DetailSummary,
}

/// What the detail table (by country and product) holds: the releases' top lists, bundled, and
/// the user's loaded tables, which `coverage` (province totals) does not show.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DetailSummary {
    pub bundled_rows: i64,
    pub loaded_rows: i64,
    pub provinces: i64,
    /// The first and last month with detail, as YYYY-MM.
    pub first_month: Option<String>,
    pub last_month: Option<String>,
    /// Province-months whose loaded table is the whole of them (`load --complete`).
    pub complete_province_months: i64,
}

pub fn info(db: &Database) -> Result<Info> {
    let loads: i64 = db.conn.query_row("SELECT count(*) FROM loads", [], |r| r.get(0)).context(|| "counting loads".into())?;
    let detail = db
        .conn
        .query_row(
            "SELECT count(*) FILTER (WHERE load_id IS NULL), count(*) FILTER (WHERE load_id IS NOT NULL), count(DISTINCT province_code),
                    printf('%d-%02d', min(year * 100 + month) // 100, min(year * 100 + month) % 100),
                    printf('%d-%02d', max(year * 100 + month) // 100, max(year * 100 + month) % 100),
                    (SELECT count(*) FROM (SELECT DISTINCT province_code, year, month, basis FROM detail WHERE complete_table))
             FROM detail",
            [],
            |r| {
                Ok(DetailSummary {
                    bundled_rows: r.get(0)?,
                    loaded_rows: r.get(1)?,
                    provinces: r.get(2)?,
                    first_month: r.get(3)?,
                    last_month: r.get(4)?,
                    complete_province_months: r.get(5)?,
                })
            },
        )
        .context(|| "summarising the detail".into())?;
    // The format a file was created in, as ihracat recorded it (DuckDB's own tag names a range:
    // `v1.0.0+` for a file that DuckDB 1.0 cannot read); else, for a file an older ihracat made,
    // DuckDB's tag. None for a database in memory.
    let storage: Option<String> = db
        .conn
        .query_row(
            "SELECT coalesce((SELECT value FROM ihracat_meta WHERE key = 'storage_version'),
                             (SELECT tags['storage_version'] FROM duckdb_databases() WHERE database_name = 'ihracat' AND path IS NOT NULL))",
            [],
            |r| r.get::<_, Option<String>>(0),
        )
        .context(|| "reading the storage version".into())?
        .filter(|_| matches!(db.location, Location::File(_)));
    Ok(Info {
        location: db.location.display(),
        workspace: db.location.workspace_path().map(|p| p.display().to_string()),
        versions: versions(db)?,
        storage,
        loads,
        detail,
    })
}

/// The versions of the database this connection has open.
pub fn versions(db: &Database) -> Result<Versions> {
    let path = match &db.location {
        Location::File(p) => p.clone(),
        Location::Memory => PathBuf::from(":memory:"),
    };
    read_versions(&db.conn, &path)
}

fn create_and_seed(conn: &Connection) -> Result<()> {
    in_transaction(conn, "creating the database", || {
        conn.execute_batch(SCHEMA_SQL).context(|| "creating the schema".into())?;
        for (version, _, sql) in MIGRATIONS {
            conn.execute_batch(sql).context(|| format!("creating the schema (version {version})"))?;
        }
        conn.execute(
            "INSERT INTO ihracat_meta VALUES ('schema_version', ?), ('created_by', ?), ('created_at', now()::VARCHAR),
                                             ('storage_version', ?)",
            duckdb::params![SCHEMA_VERSION.to_string(), format!("ihracat {}", env!("CARGO_PKG_VERSION")), STORAGE_VERSION],
        )
        .context(|| "recording the schema version".into())?;
        bundled::seed(conn)
    })
}

/// Brings an older database to SCHEMA_VERSION, one migration at a time.
fn migrate(conn: &Connection, from: i64) -> Result<()> {
    for (version, _, sql) in MIGRATIONS.iter().filter(|(v, _, _)| *v > from) {
        conn.execute_batch(sql).context(|| format!("migrating to schema version {version}"))?;
    }
    conn.execute("UPDATE ihracat_meta SET value = ? WHERE key = 'schema_version'", [SCHEMA_VERSION.to_string()])
        .context(|| "recording the schema version".into())?;
    Ok(())
}

pub fn in_transaction<T>(conn: &Connection, what: &str, work: impl FnOnce() -> Result<T>) -> Result<T> {
    let mut value = None;
    trial(conn, what, || {
        value = Some(work()?);
        Ok(true)
    })?;
    value.ok_or_else(|| Error::msg(format!("{what}: the transaction was rolled back")))
}

/// A transaction that `work` may decline: it is committed when `work` returns true, rolled back
/// (and the space it took given back) when `work` returns false or fails.
pub fn trial(conn: &Connection, what: &str, work: impl FnOnce() -> Result<bool>) -> Result<bool> {
    conn.execute_batch("BEGIN TRANSACTION").context(|| what.to_string())?;
    let result = work().and_then(|keep| if keep { conn.execute_batch("COMMIT").context(|| what.to_string()).map(|()| true) } else { Ok(false) });
    if !matches!(result, Ok(true)) {
        let _ = conn.execute_batch("ROLLBACK");
        give_back_space(conn);
    }
    result.map_err(disk_full)
}

/// A failed write leaves the database file as long as the blocks it wrote (DuckDB writes a big
/// insert straight to new blocks, and rolling back forgets them without shortening the file): a
/// load that failed on a full disk kept the disk full. After the rollback and a checkpoint, with
/// no write-ahead log left that could point past it, the file is cut back to the blocks its
/// header holds: DuckDB's main header and two database headers (4 KiB each; the one with the
/// higher iteration is current), then `block_count` blocks of `block_alloc_size` bytes. No other
/// process has the file open (a writer holds DuckDB's lock), and blocks DuckDB writes later land
/// past that end again.
fn give_back_space(conn: &Connection) {
    let _ = conn.execute_batch("CHECKPOINT ihracat");
    let Ok(path) = conn.query_row("SELECT path FROM duckdb_databases() WHERE database_name = 'ihracat' AND path IS NOT NULL", [], |r| r.get::<_, String>(0)) else {
        return;
    };
    let wal = PathBuf::from(format!("{path}.wal"));
    if std::fs::metadata(&wal).map(|m| m.len() > 0).unwrap_or(false) {
        return;
    }
    if let Some(held) = held_length(Path::new(&path)) {
        if let Ok(file) = std::fs::OpenOptions::new().write(true).open(&path) {
            if file.metadata().map(|m| m.len() > held).unwrap_or(false) {
                let _ = file.set_len(held);
            }
        }
    }
}

/// The length of a DuckDB file that its current header accounts for, if the header reads as one.
fn held_length(path: &Path) -> Option<u64> {
    use std::io::Read;
    const HEADER: usize = 4096;
    let mut head = vec![0u8; 3 * HEADER];
    std::fs::File::open(path).ok()?.read_exact(&mut head).ok()?;
    if &head[8..12] != b"DUCK" {
        return None;
    }
    let field = |header: usize, index: usize| -> u64 {
        let at = header * HEADER + 8 * index;
        u64::from_le_bytes(head[at..at + 8].try_into().unwrap_or_default())
    };
    // Fields after the checksum: iteration, meta block, free list, block count, block size.
    let current = if field(1, 1) >= field(2, 1) { 1 } else { 2 };
    let (blocks, block_size) = (field(current, 4), field(current, 5));
    (block_size.is_power_of_two() && (16 * 1024..=16 * 1024 * 1024).contains(&block_size)).then(|| (3 * HEADER) as u64 + blocks * block_size)
}

/// "No space left on device" from deep inside DuckDB, said as what it means for the user.
fn disk_full(e: Error) -> Error {
    let text = e.to_string();
    if text.contains("No space left on device") {
        let file = text.split('"').nth(1).unwrap_or("the database");
        Error::msg(format!("the disk is full (writing {file}): nothing was changed and the space the attempt took was given back; free some space and try again"))
    } else {
        e
    }
}
