//! Turkey's 81 provinces and the resolution of the names real tables print.
//!
//! Resolution happens in SQL against `province_aliases` (keyed by the `name_key` macro of
//! schema.sql), so that a load resolves a whole column with one join and `provinces resolve`
//! answers exactly as a load would.

use duckdb::Connection;

use crate::error::{Context, Error, Result};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Province {
    pub code: i32,
    pub name: String,
    /// The alias that matched, or "plate code".
    pub matched: String,
}

const RESOLVE_SQL: &str = "
    SELECT p.code, p.name, a.alias
    FROM province_aliases a JOIN provinces p ON p.code = a.province_code
    WHERE a.alias_key = name_key($1)
    UNION ALL
    SELECT code, name, 'plate code' FROM provinces WHERE code = TRY_CAST(trim($1) AS INTEGER)
    LIMIT 1";

const SUGGEST_SQL: &str = "
    SELECT name FROM (
        SELECT p.name, max(jaro_winkler_similarity(a.alias_key, name_key($1))) AS similarity
        FROM province_aliases a JOIN provinces p ON p.code = a.province_code
        GROUP BY p.name)
    WHERE similarity >= 0.7
    ORDER BY similarity DESC, name
    LIMIT 3";

/// Resolves one name (any case, with or without Turkish letters, short and old names) or plate code.
pub fn resolve(conn: &Connection, name: &str) -> Result<Province> {
    let mut stmt = conn.prepare_cached(RESOLVE_SQL).context(|| "resolving a province".into())?;
    let found = stmt
        .query_map([name], |r| Ok(Province { code: r.get(0)?, name: r.get(1)?, matched: r.get(2)? }))
        .context(|| format!("resolving province `{name}`"))?
        .next()
        .transpose()
        .context(|| format!("resolving province `{name}`"))?;
    match found {
        Some(province) => Ok(province),
        None => Err(Error::UnknownProvince { name: name.to_string(), suggestions: suggest(conn, name)? }),
    }
}

/// The provinces whose spellings are closest to `name`, best first.
pub fn suggest(conn: &Connection, name: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(SUGGEST_SQL).context(|| "suggesting provinces".into())?;
    let names = stmt
        .query_map([name], |r| r.get::<_, String>(0))
        .context(|| "suggesting provinces".into())?
        .collect::<Result<Vec<_>, _>>()
        .context(|| "suggesting provinces".into())?;
    Ok(names)
}

/// The SQL behind `ihracat provinces`.
pub const LIST_SQL: &str = "SELECT code, name, name_ascii, nuts1_code, nuts1_name, nuts2_code, nuts2_name FROM provinces ORDER BY code";
