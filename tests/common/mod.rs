//! A work directory per test: the database, the XDG folders and every ihracat environment
//! variable point into it, so tests neither see nor touch the user's files.

#![allow(dead_code)]

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Workdir {
    pub dir: tempfile::TempDir,
}

impl Workdir {
    /// A work directory holding the database the binary creates on first use (with the bundled
    /// data and the kept facts), copied from `created_database()`: creating it costs about 1.5 s
    /// of CPU, and most tests begin with one. Tests of creation itself use `Workdir::empty`.
    pub fn new() -> Workdir {
        let w = Workdir::empty();
        std::fs::copy(created_database(), w.db()).expect("the created database copies");
        w
    }

    /// A work directory without a database: the first command creates it.
    pub fn empty() -> Workdir {
        Workdir { dir: tempfile::tempdir().expect("a temporary directory") }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("test.duckdb")
    }

    pub fn write(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).unwrap();
        }
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// `ihracat --db <workdir>/test.duckdb ARGS`, isolated from the user's environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_ihracat"));
        command.current_dir(self.dir.path());
        for (key, _) in std::env::vars_os() {
            if key.to_string_lossy().starts_with("IHRACAT_") {
                command.env_remove(&key);
            }
        }
        command
            .env("XDG_DATA_HOME", self.path("xdg/data"))
            .env("XDG_CONFIG_HOME", self.path("xdg/config"))
            .env("XDG_STATE_HOME", self.path("xdg/state"))
            .env("XDG_CACHE_HOME", self.path("xdg/cache"))
            .env("HOME", self.path("home"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_NUMERIC")
            .env_remove("LC_MESSAGES")
            .env("NO_COLOR", "1")
            .arg("--db")
            .arg(self.db())
            .args(args);
        command
    }

    /// Runs and requires success; panics with everything a reader needs otherwise.
    pub fn run(&self, args: &[&str]) -> Output {
        let output = self.command(args).output().expect("ihracat runs");
        if !output.status.success() {
            panic!("ihracat {args:?} failed: {}\nstdout:\n{}\nstderr:\n{}", output.status, text(&output.stdout), text(&output.stderr));
        }
        output
    }

    pub fn stdout(&self, args: &[&str]) -> String {
        text(&self.run(args).stdout)
    }

    /// Runs and requires failure; returns stderr.
    pub fn fail(&self, args: &[&str]) -> (i32, String) {
        let output = self.command(args).output().expect("ihracat runs");
        if output.status.success() {
            panic!("ihracat {args:?} succeeded but should have failed\nstdout:\n{}\nstderr:\n{}", text(&output.stdout), text(&output.stderr));
        }
        (output.status.code().unwrap_or(-1), text(&output.stderr))
    }

    /// Runs a query and parses its CSV output into rows of strings (header first).
    pub fn csv(&self, args: &[&str]) -> Vec<Vec<String>> {
        let mut all = args.to_vec();
        all.extend(["--format", "csv"]);
        parse_csv(&self.stdout(&all))
    }

    /// Opens the database through the library for writing, to set up fixtures that no command
    /// can write (the managed tables change only through loads).
    pub fn with_database<T>(&self, work: impl FnOnce(&duckdb::Connection) -> T) -> T {
        let db = ihracat::db::open(
            &ihracat::db::Location::File(self.db()),
            ihracat::db::Access::Write,
            &ihracat::db::EngineSettings::default(),
        )
        .expect("the database opens for writing");
        let result = work(&db.conn);
        // Rows written here bypass `load`; keep the facts as every change does (src/db/facts.rs),
        // unless the test made the database an older schema's, which the next command migrates.
        let version: String = db.conn.query_row("SELECT value FROM ihracat_meta WHERE key = 'schema_version'", [], |r| r.get(0)).expect("the schema version");
        if version == ihracat::db::SCHEMA_VERSION.to_string() {
            ihracat::db::facts::refresh(&db.conn, ihracat::db::facts::Change::Everything).expect("the facts are kept");
        }
        result
    }
}

/// The database this build of the binary creates on first use, made once by `ihracat info` in an
/// empty work directory and kept in the target's temporary folder under the binary's size and
/// modification time, so that every test process of one build shares it and a new build makes
/// its own (removing the last build's).
fn created_database() -> &'static Path {
    static PATH: std::sync::OnceLock<PathBuf> = std::sync::OnceLock::new();
    PATH.get_or_init(|| {
        let binary = std::fs::metadata(env!("CARGO_BIN_EXE_ihracat")).expect("the binary under test");
        let modified = binary.modified().expect("its modification time").duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
        let name = format!("created-{}-{}.duckdb", binary.len(), modified.as_nanos());
        let path = folder.join(&name);
        if path.exists() {
            return path;
        }
        let w = Workdir::empty();
        w.run(&["info"]);
        assert!(!w.path("test.duckdb.wal").exists(), "the created database left a log: copying the file alone would lose it");
        for entry in std::fs::read_dir(&folder).expect("the target's temporary folder").flatten() {
            let other = entry.file_name().to_string_lossy().into_owned();
            if other.starts_with("created-") && other.ends_with(".duckdb") && other != name {
                let _ = std::fs::remove_file(entry.path());
            }
        }
        // Another test process may be making the same file: each renames its own whole copy.
        let partial = folder.join(format!("{name}.{}", std::process::id()));
        std::fs::copy(w.db(), &partial).expect("the created database copies");
        std::fs::rename(&partial, &path).expect("the created database is kept");
        path
    })
}

pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A small RFC 4180 reader, independent of the code under test.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// The value of `column` in each data row.
pub fn column(rows: &[Vec<String>], column: &str) -> Vec<String> {
    let index = rows[0].iter().position(|h| h == column).unwrap_or_else(|| panic!("no column {column} in {:?}", rows[0]));
    rows[1..].iter().map(|r| r[index].clone()).collect()
}

/// Whether an outside program a test needs is here. On a machine with Rust and Python alone the
/// test says what it needs and skips (DECISIONS 31); where `require` is set (as `.ci/run` sets
/// it) a missing program fails the test, so that it cannot pass there by being skipped.
pub fn tool_available(what: &str, present: bool, require: &str) -> bool {
    if present {
        return true;
    }
    assert!(std::env::var_os(require).is_none(), "{require} is set but {what} is missing");
    eprintln!("skipped: this test needs {what} (set {require}=1 to make its absence a failure)");
    false
}

/// A release-figures file read as one map a row, header names as keys (rows shorter than the
/// header are left out).
pub fn release_rows(file: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let rows = parse_csv(&std::fs::read_to_string(release_fixture(file)).unwrap());
    rows[1..]
        .iter()
        .filter(|r| r.len() == rows[0].len())
        .map(|r| rows[0].iter().cloned().zip(r.iter().cloned()).collect())
        .collect()
}

/// A release-figures file kept in the repository as the tests' reference
/// (tests/fixtures/releases/README.md), independent of the bundled data in data/.
pub fn release_fixture(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/releases").join(file)
}

/// A running server; killed when dropped.
pub struct Server {
    pub child: std::process::Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `ihracat GLOBAL… serve --port 0 OPTIONS…`, once it listens.
pub fn serve_with(w: &Workdir, global: &[&str], options: &[&str]) -> Server {
    let mut args = global.to_vec();
    args.extend(["serve", "--port", "0"]);
    args.extend_from_slice(options);
    let mut child = w.command(&args).stderr(std::process::Stdio::piped()).stdout(std::process::Stdio::null()).spawn().expect("ihracat serve starts");
    let stderr = child.stderr.take().unwrap();
    let mut lines = std::io::BufReader::new(stderr).lines();
    // Wait for the address line: the server is listening once it is printed.
    let port = loop {
        let line = lines.next().expect("the server prints its address before it stops").unwrap();
        if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Server { child, port }
}
