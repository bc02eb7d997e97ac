//! Writing a checked load in one transaction, recording it in `loads` with what it replaced, and
//! `unload`, which restores what a load replaced.

use duckdb::Connection;

use super::*;
use crate::db::facts::{self, Change};

/// What the rows hold, in one scan of them: their number, bases, provinces and periods (as
/// 202510 for October 2025, written 2025-10).
pub(super) fn summarise(conn: &Connection) -> Result<(u64, Option<String>, u64, Vec<String>)> {
    let (rows, basis, provinces, periods): (u64, Option<String>, u64, Option<String>) = conn
        .query_row(
            "WITH g AS (SELECT year, month, basis, province_code, count(*) AS n FROM _load GROUP BY ALL)
             SELECT coalesce(sum(n), 0)::UBIGINT, string_agg(DISTINCT basis, ', ' ORDER BY basis), count(DISTINCT province_code),
                    string_agg(DISTINCT format('{:04d}-{:02d}', year, month), ' ' ORDER BY format('{:04d}-{:02d}', year, month))
             FROM g",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .context(|| "summarising the rows".into())?;
    // Written by SQL as 2025-10: no slicing of digits here (a year 0 with a one-digit month once
    // panicked on it).
    let periods = periods.iter().flat_map(|p| p.split(' ')).map(str::to_string).collect();
    Ok((rows, basis, provinces, periods))
}

/// The rows' keys the database already holds (design rule 2): with the same loaded value, from
/// the bundled data, and with a different loaded value.
pub(super) fn overlaps(conn: &Connection, target: &Target) -> Result<(u64, u64, u64)> {
    conn.query_row(
        &format!(
            "SELECT count(*) FILTER (WHERE e.load_id IS NOT NULL AND e.value_usd = l.value_usd),
                    count(*) FILTER (WHERE e.load_id IS NULL),
                    count(*) FILTER (WHERE e.load_id IS NOT NULL AND e.value_usd <> l.value_usd)
             FROM _load l JOIN {} e USING ({})",
            target.table, target.key
        ),
        [],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .context(|| "comparing with the database".into())
}

/// The load's own row in `loads`, with the numbers its summary gives.
#[allow(clippy::too_many_arguments)]
pub(super) fn record_load(conn: &Connection, file: &str, hash: &str, format: InputFormat, unit: Unit, summary: &Summary, target: &Target, complete: bool) -> Result<i64> {
    conn.query_row(
        "INSERT INTO loads (load_id, file, content_sha256, format, basis, unit, loaded_at, rows_added, rows_replaced, target, complete)
         VALUES (nextval('load_ids'), ?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?, ?, ?) RETURNING load_id",
        duckdb::params![
            file,
            hash,
            format!("{format:?}").to_lowercase(),
            summary.basis,
            unit.name(),
            summary.added,
            summary.replaced_bundled + summary.replaced_loaded,
            target.table,
            complete
        ],
        |r| r.get(0),
    )
    .context(|| "recording the load".into())
}

/// The one write: record the load, keep the rows it replaces, store its rows.
#[allow(clippy::too_many_arguments)]
pub(super) fn apply(conn: &Connection, file: &str, hash: &str, format: InputFormat, unit: Unit, summary: &Summary, target: &Target, complete: bool) -> Result<i64> {
    crate::db::in_transaction(conn, "storing the load", || {
        let id = record_load(conn, file, hash, format, unit, summary, target, complete)?;
        let (table, replaced, key, rest) = (target.table, target.replaced, target.key, target.rest);
        let same_key = key.split(", ").map(|c| format!("e.{c} = l.{c}")).collect::<Vec<_>>().join(" AND ");
        let completeness = if table == "detail" { format!(", {complete} AS complete_table") } else { ", false AS derived".to_string() };
        let insert = format!(
            "INSERT INTO {table} BY NAME
             SELECT {key}, l.value_usd, 0 AS precision_usd{rest}, {} AS source, {id} AS load_id, now()::TIMESTAMP AS loaded_at{completeness}
             FROM _load l",
            crate::db::sql_literal(file)
        );
        // The comparison already counted the rows the database holds for these keys: with none
        // (a new month, the usual load), the rows go straight in, without three joins.
        let batch = if summary.added == summary.rows {
            insert
        } else {
            format!(
                "INSERT INTO {replaced}
                 SELECT {id}, e.* FROM {table} e JOIN _load l USING ({key})
                 WHERE e.value_usd <> l.value_usd OR e.load_id IS NULL;
                 DELETE FROM {table} e USING _load l
                 WHERE {same_key} AND (e.value_usd <> l.value_usd OR e.load_id IS NULL);
                 {insert}
                 WHERE NOT EXISTS (SELECT 1 FROM {table} e WHERE {same_key});"
            )
        };
        conn.execute_batch(&batch).context(|| "storing the rows".into())?;
        let months = facts::months_of_load(conn, id)?;
        facts::refresh(conn, if table == "exports" { Change::Totals(&months) } else { Change::Detail(&months) })?;
        Ok(id)
    })
}

/// `ihracat unload ID`: removes what a load added and puts back what it replaced.
pub fn unload(conn: &Connection, id: i64) -> Result<(u64, u64)> {
    let exists: bool = conn.query_row("SELECT count(*) > 0 FROM loads WHERE load_id = ?", [id], |r| r.get(0)).context(|| "reading loads".into())?;
    if !exists {
        return Err(Error::msg(format!("there is no load {id} (ihracat loads lists them)")));
    }
    let later: Option<i64> = conn
        .query_row(
            "SELECT min(replaced_by) FROM (SELECT replaced_by FROM replaced_exports WHERE load_id = $1 UNION ALL SELECT replaced_by FROM replaced_detail WHERE load_id = $1)",
            [id],
            |r| r.get(0),
        )
        .context(|| "reading loads".into())?;
    if let Some(later) = later {
        return Err(Error::msg(format!("load {later} replaced rows of load {id}: unload {later} first")));
    }
    crate::db::in_transaction(conn, "unloading", || {
        // Read before the rows go: the restored rows have the same keys.
        let months = facts::months_of_load(conn, id)?;
        let mut removed = 0;
        let mut restored = 0;
        for target in [&TOTALS, &DETAIL] {
            removed += conn.execute(&format!("DELETE FROM {} WHERE load_id = ?", target.table), [id]).context(|| "removing rows".into())? as u64;
            restored += conn
                .execute(&format!("INSERT INTO {} SELECT * EXCLUDE (replaced_by) FROM {} WHERE replaced_by = ?", target.table, target.replaced), [id])
                .context(|| "restoring replaced rows".into())? as u64;
            conn.execute(&format!("DELETE FROM {} WHERE replaced_by = ?", target.replaced), [id]).context(|| "restoring replaced rows".into())?;
        }
        conn.execute("DELETE FROM loads WHERE load_id = ?", [id]).context(|| "removing the load".into())?;
        facts::refresh(conn, Change::Totals(&months))?;
        Ok((removed, restored))
    })
}
