//! Where files stand before they are complete, and what a killed process left there.
//!
//! A load stages its text in a working folder (`ihracat-stage-PID-…` under the temporary folder
//! that `--temp-dir` names, else the cache's spill folder); a file being written stands beside
//! its target as `.NAME.ihracat-PID.tmp` until it is moved into place. A process killed with
//! `kill -9` cannot remove either, so every load and every file write first removes those whose
//! process is gone. A process that still runs keeps its own: the check is by process id.

use std::path::{Path, PathBuf};

use crate::error::{Context, Result};

const STAGE_PREFIX: &str = "ihracat-stage-";

/// A load's working folder under `base` (or the system's temporary folder), after clearing what
/// dead loads left there. Removed when dropped.
pub fn work_dir(base: Option<&Path>) -> Result<tempfile::TempDir> {
    let base = base.map(Path::to_path_buf).unwrap_or_else(std::env::temp_dir);
    std::fs::create_dir_all(&base).context(|| format!("creating {}", base.display()))?;
    if let Ok(entries) = std::fs::read_dir(&base) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if let Some(pid) = name.strip_prefix(STAGE_PREFIX).and_then(|rest| rest.split('-').next()).and_then(|p| p.parse::<u32>().ok()) {
                if is_gone(pid) {
                    let _ = std::fs::remove_dir_all(entry.path());
                }
            }
        }
    }
    tempfile::Builder::new()
        .prefix(&format!("{STAGE_PREFIX}{}-", std::process::id()))
        .tempdir_in(&base)
        .context(|| format!("creating a working folder in {}", base.display()))
}

/// The staging name of a file written to `target` by this process.
pub fn beside(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "output".into());
    target.with_file_name(format!(".{name}.ihracat-{}.tmp", std::process::id()))
}

/// Removes the staging files and folders of `target` that dead processes left beside it.
pub fn clear_beside(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else { return };
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = format!(".{name}.ihracat-");
    let Ok(entries) = std::fs::read_dir(&folder) else { return };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file.strip_prefix(&prefix).and_then(|rest| rest.strip_suffix(".tmp")).and_then(|p| p.parse::<u32>().ok()) else { continue };
        if is_gone(pid) {
            let path = entry.path();
            let _ = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
        }
    }
}

/// Whether no process has this id any more. Where that cannot be known (no /proc), nothing is
/// taken to be gone, and nothing is removed.
fn is_gone(pid: u32) -> bool {
    pid != std::process::id() && Path::new("/proc/self").exists() && !Path::new(&format!("/proc/{pid}")).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clears_what_dead_processes_left_and_keeps_the_living_ones() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("top.csv");
        // Process ids beyond the kernel's limit (4194304) belong to no process.
        let dead = dir.path().join(".top.csv.ihracat-4999999.tmp");
        let living = beside(&target);
        let unrelated = dir.path().join(".top.csv.backup");
        for path in [&dead, &living, &unrelated] {
            std::fs::write(path, "x").unwrap();
        }
        clear_beside(&target);
        assert!(!dead.exists());
        assert!(living.exists() && unrelated.exists());

        let stale = dir.path().join(format!("{STAGE_PREFIX}4999999-abc"));
        std::fs::create_dir_all(stale.join("inner")).unwrap();
        let work = work_dir(Some(dir.path())).unwrap();
        assert!(!stale.exists());
        assert!(work.path().file_name().unwrap().to_string_lossy().starts_with(&format!("{STAGE_PREFIX}{}-", std::process::id())));
    }
}
