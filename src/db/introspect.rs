//! What the database holds, as the shell and the loads list show it: the statements live here,
//! beside the schema they read, so that the commands hold no SQL of their own.

use duckdb::{Connection, Statement};

use crate::error::{Context, Result};

/// The tables and views of the managed database and the workspace, as `.tables` lists them.
pub const TABLES_SQL: &str = "SELECT database_name AS database, table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE NOT internal AND database_name <> 'memory' \
     UNION ALL SELECT database_name, view_name, 'view' FROM duckdb_views() WHERE NOT internal AND database_name <> 'memory' ORDER BY 1, 2";

/// The columns of every table (or of one), as `.schema` lists them. The table name is bound.
pub fn columns<'c>(conn: &'c Connection, table: Option<&str>) -> Result<(Statement<'c>, Vec<duckdb::types::Value>)> {
    // A name that is no table or view is an error, not an empty table (`.schema nosuch`).
    if let Some(name) = table {
        let known: bool = conn
            .query_row("SELECT count(*) > 0 FROM information_schema.columns WHERE table_catalog <> 'memory' AND table_name = ?", [name], |r| r.get(0))
            .context(|| "reading the schema".into())?;
        if !known {
            return Err(crate::error::Error::msg(format!("no table or view named `{name}` (.tables lists them)")));
        }
    }
    let stmt = conn
        .prepare(
            "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
             WHERE table_catalog <> 'memory' AND ($1::VARCHAR IS NULL OR table_name = $1::VARCHAR)
             ORDER BY table_catalog, table_name, ordinal_position",
        )
        .context(|| "reading the schema".into())?;
    let value = table.map_or(duckdb::types::Value::Null, |t| duckdb::types::Value::Text(t.to_string()));
    Ok((stmt, vec![value]))
}

/// Every table and column name, for completion.
pub fn names(conn: &Connection) -> Vec<String> {
    let Ok(mut stmt) = conn.prepare(
        "SELECT DISTINCT table_name FROM information_schema.columns WHERE table_catalog <> 'memory'
         UNION SELECT DISTINCT column_name FROM information_schema.columns WHERE table_catalog <> 'memory'",
    ) else {
        return Vec::new();
    };
    stmt.query_map([], |r| r.get::<_, String>(0)).map(|rows| rows.flatten().collect()).unwrap_or_default()
}

/// The loads, as `ihracat loads` lists them.
pub fn loads(conn: &Connection) -> Result<Statement<'_>> {
    conn.prepare("SELECT load_id, file, content_sha256, format, basis, unit, loaded_at, rows_added, rows_replaced FROM loads ORDER BY load_id")
        .context(|| "listing loads".into())
}

/// Every province-month a load replaced (bind the load's id): the value it replaced, with its
/// precision, origin and source, beside the value the load brought and their difference.
/// `beyond_rounding` is true where the two differ by more than the replaced figure's rounding.
/// An unknown id is an error that says so.
pub fn replaced(conn: &Connection, id: i64) -> Result<Statement<'_>> {
    let known: bool = conn
        .query_row("SELECT count(*) > 0 FROM loads WHERE load_id = ?", [id], |r| r.get(0))
        .context(|| "listing a load's replaced rows".into())?;
    if !known {
        return Err(crate::error::Error::msg(format!("there is no load {id} (`ihracat loads` lists them)")));
    }
    conn.prepare(
        "SELECT p.name AS province, r.year, r.month, r.basis,
                r.value_usd AS replaced_usd, r.precision_usd AS replaced_precision_usd,
                CASE WHEN r.load_id IS NOT NULL THEN format('load {}', r.load_id) WHEN r.derived THEN 'derived' ELSE 'published' END AS replaced_origin,
                coalesce(e.value_usd, x.value_usd) AS loaded_usd,
                CASE WHEN r.value_usd > 0 THEN round(100 * (coalesce(e.value_usd, x.value_usd) - r.value_usd) / r.value_usd, 1) END::DOUBLE AS difference_pct,
                abs(coalesce(e.value_usd, x.value_usd) - r.value_usd) > r.precision_usd / 2 AS beyond_rounding,
                r.source AS replaced_source
         FROM replaced_exports r
         JOIN provinces p ON p.code = r.province_code
         LEFT JOIN exports e ON e.province_code = r.province_code AND e.year = r.year AND e.month = r.month AND e.basis = r.basis
                            AND e.load_id = r.replaced_by
         -- The loaded value, where a later load has replaced it in turn.
         LEFT JOIN replaced_exports x ON x.province_code = r.province_code AND x.year = r.year AND x.month = r.month AND x.basis = r.basis
                                     AND x.load_id = r.replaced_by
         WHERE r.replaced_by = ?
         ORDER BY r.year, r.month, r.province_code, r.basis",
    )
    .context(|| "listing a load's replaced rows".into())
}

/// The user's tables and views (in the workspace, or temporary) named like a managed one, which
/// they stand in for in ad-hoc SQL: each as its qualified name and the managed name.
pub fn shadowing(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn
        .prepare(
            "WITH objects AS (
                 SELECT database_name, schema_name, table_name AS name FROM duckdb_tables()
                 UNION ALL SELECT database_name, schema_name, view_name FROM duckdb_views() WHERE NOT internal
             )
             SELECT DISTINCT o.database_name || '.' || o.schema_name || '.' || o.name, o.name
             FROM objects o JOIN objects m ON m.name = o.name AND m.database_name = 'ihracat' AND m.schema_name = 'main'
             WHERE o.database_name IN ('workspace', 'temp')
             ORDER BY 1",
        )
        .context(|| "reading the schema".into())?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).context(|| "reading the schema".into())?;
    rows.collect::<std::result::Result<_, _>>().context(|| "reading the schema".into())
}
