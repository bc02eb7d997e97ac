//! What the database holds, as the shell and the loads list show it: the statements live here,
//! beside the schema they read, so that the commands hold no SQL of their own.

use duckdb::{Connection, Statement};

use crate::error::{Context, Result};

/// The tables and views of the managed database and the workspace, as `.tables` lists them.
pub const TABLES_SQL: &str = "SELECT database_name AS database, table_name AS name, 'table' AS kind FROM duckdb_tables() WHERE NOT internal AND database_name <> 'memory' \
     UNION ALL SELECT database_name, view_name, 'view' FROM duckdb_views() WHERE NOT internal AND database_name <> 'memory' ORDER BY 1, 2";

/// The columns of every table (or of one), as `.schema` lists them. The table name is bound.
pub fn columns<'c>(conn: &'c Connection, table: Option<&str>) -> Result<(Statement<'c>, Vec<duckdb::types::Value>)> {
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
