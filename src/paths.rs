//! Where ihracat keeps things by default, following the XDG base directories on Linux.

use std::path::PathBuf;

fn home_fallback(sub: &str) -> PathBuf {
    std::env::current_dir().unwrap_or_default().join(sub)
}

/// `$XDG_DATA_HOME/ihracat/ihracat.duckdb` (~/.local/share/ihracat/ihracat.duckdb).
pub fn default_database() -> PathBuf {
    dirs::data_dir().unwrap_or_else(|| home_fallback(".ihracat")).join("ihracat").join("ihracat.duckdb")
}

/// `$XDG_CONFIG_HOME/ihracat/queries`: the user's own catalog, read when it exists.
pub fn user_queries() -> PathBuf {
    dirs::config_dir().unwrap_or_else(|| home_fallback(".ihracat")).join("ihracat").join("queries")
}

/// `$XDG_STATE_HOME/ihracat/history`: the shell's history.
pub fn shell_history() -> PathBuf {
    dirs::state_dir().or_else(dirs::data_dir).unwrap_or_else(|| home_fallback(".ihracat")).join("ihracat").join("history")
}

/// `$XDG_CACHE_HOME/ihracat/checked/`: the marks of users' query files that passed the
/// one-SELECT check (`catalog::prepare`), one empty file per text. Losing it costs one check.
pub fn checked_queries() -> PathBuf {
    dirs::cache_dir().unwrap_or_else(|| home_fallback(".ihracat")).join("ihracat").join("checked")
}
