//! The facts the analyses are built on, kept in tables (migration 010): each `facts_NAME` table
//! holds what its view `NAME_all` computes for every period. The facts depend only on the data,
//! so the tables are refilled in the same transaction as every change to it (a load, an unload,
//! the bundled rows seeded or refreshed), and a named query reads a scan of a few hundred rows
//! instead of planning the views' tree of joins on every call.
//!
//! The report's detail (migration 015) reads the detail table, which may hold tens of millions of
//! rows, so it is refilled only for the months a change touched: a month's leaders' chapters and
//! countries depend on that month's rows and, through their changes, on the same month a year
//! earlier, so a change to a month refills it and the same month a year later.

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
    ("facts_province_shares", "province_shares_all"),
    ("facts_share_concentration", "share_concentration_all"),
    ("facts_region_figures", "region_figures_all"),
    ("facts_increase_ranking", "increase_ranking_all"),
    ("facts_national_figures", "national_figures_all"),
    ("facts_month_changes", "month_changes_all"),
];

/// The facts that read only the releases (published_figures), which change only when the bundled
/// data is seeded or refreshed (a migration seeds it again): refilled only then, and first (they
/// read nothing kept), so that a load or an unload of a user's file pays nothing for them.
pub const RELEASE_FACTS: &[(&str, &str)] = &[
    ("facts_release_revisions", "release_revisions_all"),
    ("facts_published_national", "published_national_all"),
];

/// The facts of a month (the report's), read from the facts above and the report's detail, so
/// refilled after both, whatever the change.
pub const MONTH_FACTS: (&str, &str) = ("facts_month_facts", "month_facts_all");

/// The report's detail (its leaders' chapters and countries): its table and the view that defines
/// it for every month; the macro `report_detail` gives one month of it.
pub const REPORT_DETAIL: (&str, &str) = ("facts_report_detail", "report_detail_all");

/// Every kept fact, in the order a refill of everything goes: the releases' facts, FACTS, the
/// report's detail, the facts of a month.
pub fn every_fact() -> Vec<(&'static str, &'static str)> {
    RELEASE_FACTS.iter().chain(FACTS).copied().chain([REPORT_DETAIL, MONTH_FACTS]).collect()
}

/// A month of one basis, as the data keys it: year, month, basis.
pub type Month = (i32, i32, String);

/// What a change to the data touched.
pub enum Change<'a> {
    /// The bundled rows seeded or refreshed, a migration: every fact is refilled, and only here
    /// the facts of the releases (RELEASE_FACTS).
    Everything,
    /// Province totals (a load or an unload) in these months: the province-level facts are
    /// refilled, and the report's detail of these months and of the same months a year later.
    Totals(&'a [Month]),
    /// Detail rows in these months: only the report's detail of these months and of the same
    /// months a year later (the province-level facts do not read the detail table).
    Detail(&'a [Month]),
}

/// The memory a refill may use whatever `--memory-limit` says: each of DuckDB's hash joins holds
/// about 10 MB however few its rows, and a fact joins up to four tables while the transaction of
/// a change holds its own rows. A limit set for a large load (50 MB, to make it spill) would
/// otherwise fail the refill of a few thousand rows.
const REFILL_MEMORY_FLOOR_BYTES: i64 = 256 * 1024 * 1024;

/// Refills the facts a change touched. The caller holds the transaction of the change.
pub fn refresh(conn: &Connection, change: Change) -> Result<()> {
    let limit: String = conn
        .query_row("SELECT current_setting('memory_limit')", [], |r| r.get(0))
        .context(|| "reading the memory limit".into())?;
    let bytes = parse_bytes(&limit);
    let raise = bytes < REFILL_MEMORY_FLOOR_BYTES;
    if raise {
        conn.execute_batch(&format!("SET memory_limit = '{REFILL_MEMORY_FLOOR_BYTES}B'")).context(|| "raising the memory limit for the facts".into())?;
    }
    let refilled = crate::trace::timed("keeping the facts", || {
        match change {
            Change::Everything => refill(conn, RELEASE_FACTS).and_then(|()| refill(conn, FACTS)).and_then(|()| refill(conn, &[REPORT_DETAIL]))?,
            Change::Totals(months) => refill(conn, FACTS).and_then(|()| refill_report_months(conn, months))?,
            Change::Detail(months) => refill_report_months(conn, months)?,
        }
        refill_month_facts(conn, &change)
    });
    if raise {
        // As DuckDB states it: to a tenth of a MiB.
        conn.execute_batch(&format!("SET memory_limit = {}", super::sql_literal(&limit))).context(|| "restoring the memory limit".into())?;
    }
    refilled
}

/// Each statement is prepared once a connection. Planning the views is most of a refill's cost
/// on small data, and DuckDB plans a prepared statement that reads tables again at every
/// execution (`always_require_rebind`: the tables may have changed since), so a statement
/// prepared and run is planned twice and a kept one once: a process that loads many files (a
/// script over the library, the property test of loads: 37 s for 4 × 100 loads, 64 s preparing
/// each time) plans each once a load. `execute` reads each statement's whole result, so none is
/// left open on the connection.
fn refill(conn: &Connection, facts: &[(&str, &str)]) -> Result<()> {
    for (table, view) in facts {
        for statement in [format!("DELETE FROM {table}"), format!("INSERT INTO {table} SELECT * FROM {view}")] {
            conn.prepare_cached(&statement)
                .and_then(|mut prepared| prepared.execute([]))
                .context(|| format!("keeping {table} up to date"))?;
        }
    }
    Ok(())
}

/// The facts of the months a change can reach, from their view. The view holds every month from
/// 2000 to 2100 (some 22,000 rows, most of them a month without data saying why): rewritten whole
/// at every load, they doubled what a load of one month's totals wrote to the database's log (a
/// load on a nearly full disk failed for it) and took 0.03 s more a load. Which months a change
/// reaches:
/// - province totals in a month reach the national figures of every year-to-date that holds the
///   month, in its year and in the next (whose change compares with it), so that month and every
///   later one of both years; the rest of a month's facts (its panel, ranking, increases and
///   leaders' detail) read only the month and the same month a year earlier;
/// - detail rows reach only the leaders' detail of their month and of the same month a year later.
fn refill_month_facts(conn: &Connection, change: &Change) -> Result<()> {
    let (table, view) = MONTH_FACTS;
    let (touched, to_december) = match change {
        Change::Everything => return refill(conn, &[MONTH_FACTS]),
        Change::Totals(months) => (months, true),
        Change::Detail(months) => (months, false),
    };
    // One span of years and months a basis, from the first touched to the last and a year later:
    // it holds every month reached (and a few more, refilled all the same), and as constant
    // bounds it narrows the view's reads, where a list of months joined to it would not.
    let mut spans: std::collections::BTreeMap<&str, (i32, i32, i32, i32)> = std::collections::BTreeMap::new();
    for (year, month, basis) in touched.iter() {
        let span = spans.entry(basis.as_str()).or_insert((*year, *year + 1, *month, *month));
        *span = (span.0.min(*year), span.1.max(*year + 1), span.2.min(*month), span.3.max(*month));
    }
    let keeping = || format!("keeping {table} up to date");
    let within = "basis = $1 AND year BETWEEN $2 AND $3 AND month BETWEEN $4 AND $5";
    for (basis, (first_year, last_year, first_month, last_month)) in spans {
        let last_month = if to_december { 12 } else { last_month };
        for statement in [format!("DELETE FROM {table} WHERE {within}"), format!("INSERT INTO {table} SELECT * FROM {view} WHERE {within}")] {
            conn.prepare_cached(&statement)
                .and_then(|mut prepared| prepared.execute(duckdb::params![basis, first_year, last_year, first_month, last_month]))
                .context(keeping)?;
        }
    }
    Ok(())
}

/// The report's detail of the months touched and of the same months a year later, a month at a
/// time: the view over every month does not narrow its read to the months asked for (DuckDB
/// plans its lateral join over the whole detail table), where one month's call reads that month.
/// A month with no ranking or no detail rows has no report's detail, and is not asked for
/// (`report_detail_months`).
fn refill_report_months(conn: &Connection, touched: &[Month]) -> Result<()> {
    let (table, _) = REPORT_DETAIL;
    let mut months: Vec<Month> = touched.iter().flat_map(|(y, m, b)| [(*y, *m, b.clone()), (*y + 1, *m, b.clone())]).collect();
    months.sort();
    months.dedup();
    let possible: std::collections::HashSet<Month> = {
        let mut statement = conn.prepare_cached("FROM report_detail_months").context(|| "reading the months with detail".into())?;
        let rows = statement.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).context(|| "reading the months with detail".into())?;
        rows.collect::<std::result::Result<_, _>>().context(|| "reading the months with detail".into())?
    };
    let keeping = || format!("keeping {table} up to date");
    let mut delete = conn.prepare_cached(&format!("DELETE FROM {table} WHERE year = ? AND month = ? AND basis = ?")).context(keeping)?;
    let insert = format!("INSERT INTO {table} SELECT ?::INTEGER, ?::INTEGER, ?::VARCHAR, * FROM report_detail(?, ?, ?)");
    for (year, month, basis) in &months {
        delete.execute(duckdb::params![year, month, basis]).context(keeping)?;
        if possible.contains(&(*year, *month, basis.clone())) {
            // Prepared only when a month has detail: planning it is most of a small load's refill.
            conn.prepare_cached(&insert)
                .and_then(|mut prepared| prepared.execute(duckdb::params![year, month, basis, year, month, basis]))
                .context(keeping)?;
        }
    }
    Ok(())
}

/// The months a load's rows are in, totals and detail (read before an unload removes them).
pub fn months_of_load(conn: &Connection, id: i64) -> Result<Vec<Month>> {
    let mut statement = conn
        .prepare_cached(
            "SELECT DISTINCT year, month, basis FROM (
                 SELECT year, month, basis FROM exports WHERE load_id = $1
                 UNION ALL SELECT year, month, basis FROM detail WHERE load_id = $1)
             ORDER BY ALL",
        )
        .context(|| "reading the months of the load".into())?;
    let rows = statement.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))).context(|| "reading the months of the load".into())?;
    rows.collect::<std::result::Result<_, _>>().context(|| "reading the months of the load".into())
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
