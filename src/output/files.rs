//! Files a result is written to: staged beside the target and renamed into place when whole,
//! never over a DuckDB database, replaced only when the user said so; and finished documents
//! (a report, a chart) to a file or stdout.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::error::{Context, Error, Result};

/// The shell's `.output FILE`: the results that follow go to FILE, which is replaced, as the
/// `.output` of sqlite3 and DuckDB's shell replaces it (an interactive redirect; files of results
/// named with `-o` or `--to` are written through `OutputFile`, replaced only with `--overwrite`).
pub fn redirect(path: &Path, overwrite: bool) -> Result<std::fs::File> {
    never_a_database(path)?;
    if path.exists() && !overwrite {
        return Err(Error::msg(format!("{} exists; `.output {} --overwrite` replaces it", path.display(), path.display())));
    }
    std::fs::File::create(path).context(|| format!("opening {}", path.display()))
}

/// No writer replaces a DuckDB database or its write-ahead log, whoever asks and with whatever
/// flag (design rule 43): one check every file ihracat writes passes, by the file's content
/// (DuckDB's `DUCK` magic at byte 8), not by the path the caller happens to know.
pub fn never_a_database(target: &Path) -> Result<()> {
    let is_duckdb = |path: &Path| -> bool {
        let mut head = [0u8; 12];
        std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head)).is_ok() && &head[8..12] == b"DUCK"
    };
    let wal_of = target.to_str().and_then(|t| t.strip_suffix(".wal")).map(Path::new);
    if is_duckdb(target) || wal_of.is_some_and(is_duckdb) {
        return Err(Error::msg(format!(
            "{} is a DuckDB database{}: ihracat never writes a result over one",
            target.display(),
            if is_duckdb(target) { "" } else { "'s write-ahead log" }
        )));
    }
    Ok(())
}

/// A file being written: staged beside its target under a name that says whose it is, and
/// renamed over the target only when complete, so that a failure leaves the old file (or none)
/// and never half a file. Created with the user's umask, as any program's files are. Every
/// command that writes a file of its own (`-o`, `report -o`, `export --to`) writes it here, by
/// the same rule: an existing target is replaced only when the user said `--overwrite`.
pub struct OutputFile {
    target: PathBuf,
    staging: PathBuf,
    committed: bool,
}

impl OutputFile {
    pub fn create(target: &Path, overwrite: bool) -> Result<OutputFile> {
        never_a_database(target)?;
        // A folder first: "add --overwrite" would only lead to this refusal.
        if target.is_dir() {
            return Err(Error::msg(format!("{} is a folder, not a file", target.display())));
        }
        if target.exists() && !overwrite {
            return Err(Error::msg(format!("{} exists; add --overwrite to replace it", target.display())));
        }
        crate::staging::clear_beside(target);
        let staging = crate::staging::beside(target);
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&staging)
            // Named by the file the user asked for: the staged name beside it is ihracat's own.
            .context(|| format!("writing {}", target.display()))?;
        Ok(OutputFile { target: target.to_path_buf(), staging, committed: false })
    }

    /// Where the content goes until `commit` (a path for writers that open it themselves).
    pub fn staging_path(&self) -> &Path {
        &self.staging
    }

    pub fn writer(&self) -> Result<std::fs::File> {
        std::fs::OpenOptions::new().write(true).truncate(true).open(&self.staging).context(|| format!("opening {}", self.staging.display()))
    }

    /// Moves the finished file into place.
    pub fn commit(mut self) -> Result<()> {
        std::fs::rename(&self.staging, &self.target).context(|| format!("writing {}", self.target.display()))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.staging);
        }
    }
}

/// Writes a finished document (a report, a chart) to `target` through a staged file, or to
/// stdout. A binary document is never written to a terminal.
pub fn write_document(target: Option<&Path>, bytes: &[u8], overwrite: bool, binary: bool) -> Result<()> {
    match target {
        Some(path) => {
            let file = OutputFile::create(path, overwrite)?;
            file.writer()?.write_all(bytes).context(|| format!("writing {}", path.display()))?;
            file.commit()
        }
        None if binary && std::io::stdout().is_terminal() => {
            Err(Error::msg("this is a binary format and stdout is a terminal: write it to a file with -o FILE, or redirect stdout"))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
                // A reader that stops early (`| head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context(|| "writing to stdout".into()),
            }
        }
    }
}

