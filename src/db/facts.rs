//! The facts the analyses are built on, kept in tables (migration 010): each `facts_NAME` table
//! holds what its view `NAME_all` computes for every period. The facts depend only on the data,
//! so the tables are refilled in the same transaction as every change to it (a load of totals,
//! an unload, the bundled rows seeded or refreshed), and a named query reads a scan of a few
//! hundred rows instead of planning the views' tree of joins on every call.

use duckdb::Connection;

use crate::error::{Context, Result};

/// Each kept fact: its table and the view that defines it. A view reads the tables before it, so
/// they are refilled in this order.
pub const FACTS: &[(&str, &str)] = &[
    ("facts_period_values", "period_values_all"),
    ("facts_province_values", "province_values_all"),
    ("facts_stated_changes", "stated_changes_all"),
    ("facts_period_compare", "period_compare_all"),
    ("facts_period_denominator", "period_denominator_all"),
    ("facts_province_ranks", "province_ranks_all"),
    ("facts_province_ranking", "province_ranking_all"),
    ("facts_increase_ranking", "increase_ranking_all"),
    ("facts_national_figures", "national_figures_all"),
];

/// The memory a refill may use whatever `--memory-limit` says: each of DuckDB's hash joins holds
/// about 10 MB however few its rows, and a fact joins up to four tables while the transaction of
/// a change holds its own rows. A limit set for a large load (50 MB, to make it spill) would
/// otherwise fail the refill of a few thousand rows.
const REFILL_MEMORY_FLOOR_BYTES: i64 = 256 * 1024 * 1024;

/// Refills every fact table from its view. The caller holds the transaction of the change.
pub fn refresh(conn: &Connection) -> Result<()> {
    let limit: String = conn
        .query_row("SELECT current_setting('memory_limit')", [], |r| r.get(0))
        .context(|| "reading the memory limit".into())?;
    let bytes = parse_bytes(&limit);
    let raise = bytes < REFILL_MEMORY_FLOOR_BYTES;
    if raise {
        conn.execute_batch(&format!("SET memory_limit = '{REFILL_MEMORY_FLOOR_BYTES}B'")).context(|| "raising the memory limit for the facts".into())?;
    }
    let refilled = crate::trace::timed("keeping the facts", || refill(conn));
    if raise {
        // As DuckDB states it: to a tenth of a MiB.
        conn.execute_batch(&format!("SET memory_limit = {}", super::sql_literal(&limit))).context(|| "restoring the memory limit".into())?;
    }
    refilled
}

/// Each statement is prepared once a connection: planning the views is most of a refill's cost
/// on small data, and a process that loads many files (a script over the library, the property
/// test of loads: 37 s for 4 × 100 loads, 64 s preparing each time) pays it once. `execute`
/// reads each statement's whole result, so none is left open on the connection.
fn refill(conn: &Connection) -> Result<()> {
    for (table, view) in FACTS {
        for statement in [format!("DELETE FROM {table}"), format!("INSERT INTO {table} SELECT * FROM {view}")] {
            conn.prepare_cached(&statement)
                .and_then(|mut prepared| prepared.execute([]))
                .context(|| format!("keeping {table} up to date"))?;
        }
    }
    Ok(())
}

/// DuckDB's way of writing a memory limit (`47.6 MiB`, `1.2 GiB`) in bytes; an unreadable one
/// counts as no limit.
fn parse_bytes(text: &str) -> i64 {
    let mut parts = text.split_whitespace();
    let (Some(number), Some(unit)) = (parts.next().and_then(|n| n.parse::<f64>().ok()), parts.next()) else { return i64::MAX };
    let scale: f64 = match unit {
        "bytes" | "B" => 1.0,
        "KiB" => 1024.0,
        "MiB" => 1024.0 * 1024.0,
        "GiB" => 1024.0 * 1024.0 * 1024.0,
        "TiB" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        "KB" => 1e3,
        "MB" => 1e6,
        "GB" => 1e9,
        "TB" => 1e12,
        _ => return i64::MAX,
    };
    (number * scale) as i64
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_memory_limit_reads_as_bytes() {
        assert_eq!(super::parse_bytes("47.6 MiB"), (47.6 * 1024.0 * 1024.0) as i64);
        assert_eq!(super::parse_bytes("1.2 GiB"), (1.2 * 1024.0 * 1024.0 * 1024.0) as i64);
        assert_eq!(super::parse_bytes("nonsense"), i64::MAX);
    }
}
