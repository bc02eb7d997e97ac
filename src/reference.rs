//! The reference tables and the resolution of the names real tables print: provinces, partner
//! countries and products (HS codes).
//!
//! Resolution happens in SQL against the alias tables (keyed by the `name_key` macro of
//! schema.sql), so that a load resolves a whole column with one join and `resolve` answers
//! exactly as a load would.

use duckdb::Connection;

use crate::error::{Context, Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Province,
    Country,
    Product,
}

/// What a name resolved to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The plate code, ISO alpha-2 code, or HS code.
    pub code: String,
    pub name: String,
    /// The spelling or code form that matched.
    pub matched: String,
}

impl Kind {
    pub fn label(self) -> &'static str {
        match self {
            Kind::Province => "province",
            Kind::Country => "country",
            Kind::Product => "product",
        }
    }

    /// `$1` is the name as given; the code and the spelling or code form that matched. No join
    /// to the reference table: the parameters of an analysis bind the code alone, and the join
    /// was most of a resolution's cost (about 1 ms of 2.7 on a fresh connection).
    fn code_sql(self) -> &'static str {
        match self {
            Kind::Province => {
                "SELECT province_code::VARCHAR, alias FROM province_aliases WHERE alias_key = name_key($1)
                 UNION ALL
                 -- A plate code is one or two digits: a cast alone would take 0x10 (Bursa) or 34.5.
                 SELECT code::VARCHAR, 'plate code' FROM provinces
                 WHERE regexp_full_match(trim($1), '[0-9]{1,2}') AND code = TRY_CAST(trim($1) AS INTEGER)
                 LIMIT 1"
            }
            Kind::Country => {
                "SELECT country_code, alias FROM country_aliases
                 WHERE alias_key = name_key($1) AND NOT regexp_matches(trim($1), '^[0-9]+$')
                 UNION ALL
                 SELECT code, 'ISO 3166-1 numeric' FROM countries
                 WHERE numeric = lpad(regexp_extract(lower(trim($1)), '^iso:\\s*([0-9]{1,3})$', 1), 3, '0')
                 LIMIT 1"
            }
            Kind::Product => {
                "WITH k AS (SELECT name_key($1) AS key,
                                   hs_digits($1) AS digits)
                 SELECT CASE WHEN length(k.digits) <= 2 THEN p.code ELSE k.digits END,
                        CASE length(k.digits) WHEN 1 THEN 'chapter code' WHEN 2 THEN 'chapter code' WHEN 4 THEN 'HS heading in chapter ' || p.code
                             WHEN 6 THEN 'HS subheading in chapter ' || p.code ELSE 'national tariff line in chapter ' || p.code END
                 FROM products p, k
                 WHERE length(k.digits) IN (1, 2, 4, 6, 8, 10, 12)
                   AND p.code = CASE WHEN length(k.digits) <= 2 THEN lpad(k.digits, 2, '0') ELSE left(k.digits, 2) END
                 UNION ALL
                 SELECT a.product_code, a.alias
                 FROM product_aliases a, k
                 WHERE a.alias_key = k.key
                 LIMIT 1"
            }
        }
    }

    /// `$1` is a code `code_sql` gave; the name a person reads for it (for an HS heading or a
    /// tariff line, its chapter's title).
    fn name_sql(self) -> &'static str {
        match self {
            Kind::Province => "SELECT name FROM provinces WHERE code = $1::INTEGER",
            Kind::Country => "SELECT name_tr FROM countries WHERE code = $1",
            Kind::Product => "SELECT coalesce(title_tr, title_en) FROM products WHERE code = left($1, 2)",
        }
    }

    fn suggest_sql(self) -> &'static str {
        match self {
            Kind::Province => {
                "SELECT name FROM (
                     SELECT p.name, max(jaro_winkler_similarity(a.alias_key, name_key($1))) AS similarity
                     FROM province_aliases a JOIN provinces p ON p.code = a.province_code GROUP BY p.name)
                 WHERE similarity >= 0.7 ORDER BY similarity DESC, name LIMIT 3"
            }
            Kind::Country => {
                "SELECT name FROM (
                     SELECT c.name_tr || ' (' || c.code || ')' AS name, max(jaro_winkler_similarity(a.alias_key, name_key($1))) AS similarity
                     FROM country_aliases a JOIN countries c ON c.code = a.country_code WHERE length(a.alias_key) > 3 GROUP BY ALL)
                 WHERE similarity >= 0.75 ORDER BY similarity DESC, name LIMIT 3"
            }
            Kind::Product => {
                "SELECT name FROM (
                     SELECT p.code || ' ' || coalesce(p.title_tr, p.title_en) AS name,
                            max(jaro_winkler_similarity(a.alias_key, name_key($1))) AS similarity
                     FROM product_aliases a JOIN products p ON p.code = a.product_code GROUP BY ALL)
                 WHERE similarity >= 0.7 ORDER BY similarity DESC, name LIMIT 3"
            }
        }
    }

    /// The SQL behind `ihracat provinces`, `countries` and `products`.
    pub fn list_sql(self) -> &'static str {
        match self {
            Kind::Province => "SELECT code, name, name_ascii, nuts1_code, nuts1_name, nuts2_code, nuts2_name FROM provinces ORDER BY code",
            Kind::Country => "SELECT code, alpha3, numeric, name_tr, name_en, iso FROM countries ORDER BY code",
            Kind::Product => "SELECT code, level, title_tr, title_en FROM products ORDER BY code",
        }
    }
}

/// Resolves one name, in any case and with or without Turkish letters, or a code.
pub fn resolve(conn: &Connection, kind: Kind, name: &str) -> Result<Resolved> {
    let (code, matched) = code_of(conn, kind, name)?;
    let mut stmt = conn.prepare_cached(kind.name_sql()).context(|| format!("naming a {}", kind.label()))?;
    let name = stmt.query_row([&code], |r| r.get(0)).context(|| format!("naming {} `{code}`", kind.label()))?;
    Ok(Resolved { code, name, matched })
}

/// The code a name resolves to, as `resolve` gives it: what an analysis's parameter binds.
pub fn resolve_code(conn: &Connection, kind: Kind, name: &str) -> Result<String> {
    Ok(code_of(conn, kind, name)?.0)
}

/// The code and the matched spelling, or the error that names the closest entries.
fn code_of(conn: &Connection, kind: Kind, name: &str) -> Result<(String, String)> {
    if kind == Kind::Country && name.trim().chars().all(|c| c.is_ascii_digit()) && !name.trim().is_empty() {
        return Err(Error::msg(format!(
            "country `{name}`: a number is ambiguous (Turkish tables use the EU geonomenclature, where 004 is Germany; in ISO 3166 004 is Afghanistan): write iso:{name} for the ISO number"
        )));
    }
    let mut stmt = conn.prepare_cached(kind.code_sql()).context(|| format!("resolving a {}", kind.label()))?;
    let found = stmt
        .query_map([name], |r| Ok((r.get(0)?, r.get(1)?)))
        .context(|| format!("resolving {} `{name}`", kind.label()))?
        .next()
        .transpose()
        .context(|| format!("resolving {} `{name}`", kind.label()))?;
    match found {
        Some(found) => Ok(found),
        None => Err(Error::Unknown { kind: kind.label(), name: name.to_string(), suggestions: suggest(conn, kind, name)? }),
    }
}

/// Resolves many province names with one query, as `resolve` would each (aliases in any case
/// and spelling, or a plate code); `None` for a name that resolves to nothing. For callers with
/// dozens of names at once, such as the map's outlines.
pub fn resolve_provinces(conn: &Connection, names: &[String]) -> Result<Vec<Option<Resolved>>> {
    let list = serde_json::to_string(names).map_err(|e| Error::msg(format!("resolving provinces: {e}")))?;
    let sql = "WITH given AS (
                   SELECT generate_subscripts(l, 1) AS i, unnest(l) AS name FROM (SELECT from_json($1::VARCHAR, '[\"VARCHAR\"]') AS l)),
               matched AS (
                   SELECT g.i, p.code::VARCHAR AS code, p.name, a.alias AS matched
                   FROM given g JOIN province_aliases a ON a.alias_key = name_key(g.name) JOIN provinces p ON p.code = a.province_code
                   UNION ALL
                   SELECT g.i, p.code::VARCHAR, p.name, 'plate code'
                   FROM given g JOIN provinces p ON regexp_full_match(trim(g.name), '[0-9]{1,2}') AND p.code = TRY_CAST(trim(g.name) AS INTEGER))
               SELECT i, any_value(code), any_value(name), any_value(matched) FROM matched GROUP BY i";
    let mut stmt = conn.prepare_cached(sql).context(|| "resolving provinces".into())?;
    let mut resolved: Vec<Option<Resolved>> = vec![None; names.len()];
    let rows = stmt
        .query_map([list], |r| Ok((r.get::<_, i64>(0)?, Resolved { code: r.get(1)?, name: r.get(2)?, matched: r.get(3)? })))
        .context(|| "resolving provinces".into())?;
    for row in rows {
        let (i, found) = row.context(|| "resolving provinces".into())?;
        if let Some(slot) = usize::try_from(i - 1).ok().and_then(|i| resolved.get_mut(i)) {
            *slot = Some(found);
        }
    }
    Ok(resolved)
}

/// The entries whose spellings are closest to `name`, best first.
pub fn suggest(conn: &Connection, kind: Kind, name: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(kind.suggest_sql()).context(|| format!("suggesting a {}", kind.label()))?;
    let names = stmt
        .query_map([name], |r| r.get::<_, String>(0))
        .context(|| format!("suggesting a {}", kind.label()))?
        .collect::<Result<Vec<_>, _>>()
        .context(|| format!("suggesting a {}", kind.label()))?;
    Ok(names)
}
