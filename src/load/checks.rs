//! Everything a load refuses, found in one pass each and named by its place (file, line or row,
//! column, value): unknown provinces, unreadable numbers, impossible months, rows that repeat,
//! rows an earlier load holds, totals that disagree with their detail.

use duckdb::Connection;

use super::layout::Layout;
use super::*;

/// Every problem, as "file:line: column "X": value `v`: what is wrong", in line order.
/// Long because one list of SQL checks, each a few lines, run in one pass: split, the list a reader compares with the documented refusals would scatter.
pub(super) fn check(conn: &Connection, place: &dyn Fn(i64) -> String, limit: usize, unit: Unit, target: &Target, staged_rows: u64, layout: &Layout) -> Result<Vec<String>> {
    let position = |column: &str| layout.column_position(column);
    let key = target.key.split(", ").map(|c| format!("l.{c}")).collect::<Vec<_>>().join(", ");
    let plain_key = target.key;
    let cell = if target.table == "detail" { " {}/{}" } else { "" };
    let cell_args = if target.table == "detail" { ", l.country_code, l.product_code" } else { "" };
    let tolerance = unit.factor();
    // Each check: which cells it finds, and what it says about them. The rows any check could
    // find are set aside first in one scan (none, in a clean file); each check then reads only
    // those, one query at a time (a union of them all ran out of memory on tens of millions of rows).
    let row_checks: [(&str, &str, &str, &str); 15] = [
        (
            // The database stores dollars as DECIMAL(18, 2): a larger value would fail at storing
            // time with no place named. (Turkey exports about 2.7e11 dollars a year.)
            "value_usd >= 10000000000000000",
            "column_header",
            "value_text",
            "'too large to store: a value has at most 16 digits of dollars (Turkey''s exports of a whole year have 12)'",
        ),
        (
            "province_code IS NULL AND NOT total_row AND NOT province_blank AND NOT missing",
            "'province'",
            "province_text",
            "format('unknown province{}', coalesce(' (did you mean ' || (
                 SELECT p.name FROM province_aliases a JOIN provinces p ON p.code = a.province_code
                 ORDER BY jaro_winkler_similarity(a.alias_key, name_key(x.value)) DESC LIMIT 1) || '?)', ''))"
        ),
        ("province_blank AND NOT missing", "'province'", "''", "'a row with values but no province'"),
        (
            "NOT missing AND NOT numeric_text",
            "column_header",
            "value_text",
            "'not a number of US dollars (a currency other than $, or a scale word such as milyon, is not read: convert the table, or write the number in full and use --unit)'",
        ),
        (
            "NOT missing AND numeric_text AND value_usd IS NULL",
            "column_header",
            "value_text",
            "'not a number as the column writes them (groups of three digits, one decimal separator, nothing after it)'",
        ),
        ("value_usd < 0", "column_header", "value_text", "'a negative value: exports cannot be negative'"),
        (
            // A figure is stored as it was published, never rounded without a word: 0.004 would
            // be a positive export stored as 0.00.
            "value_usd <> round(value_usd, 2)",
            "column_header",
            "value_text",
            "'finer than a cent: dollars are stored to the cent, and ihracat does not round a figure silently; round the column in the file'",
        ),
        ("NOT missing AND NOT total_row AND (month IS NULL OR month NOT BETWEEN 1 AND 12)", "'month'", "month_part", "'month must be 1 to 12'"),
        ("NOT missing AND NOT total_row AND (year IS NULL OR year NOT BETWEEN 1990 AND 2100)", "'year'", "year_part", "'year must be 1990 to 2100'"),
        ("NOT missing AND NOT total_row AND basis IS NULL", "'basis'", "basis_text", "'basis must be activity or registered'"),
        ("NOT missing AND NOT total_row AND country_code IS NULL", "'country'", "country_text", "'unknown country (ISO numbers need iso:, as iso:276)'"),
        (
            "NOT missing AND NOT total_row AND product_code IS NULL",
            "'product'",
            "product_text",
            "'unknown product (an HS code such as 87 or 870321, or a chapter name)'",
        ),
        (
            "NOT missing AND quantity_given AND quantity IS NULL",
            "'quantity'",
            "quantity_text",
            "'not a number'",
        ),
        ("quantity < 0", "'quantity'", "quantity_text", "'a negative quantity: a quantity cannot be negative'"),
        (
            // As a dollar figure finer than a cent: 0.0004 tonnes would be stored as 0.000.
            "quantity_exact <> quantity",
            "'quantity'",
            "quantity_text",
            "'finer than a thousandth: quantities are stored to three decimals, and ihracat does not round a figure silently; round the column in the file'",
        ),
    ];
    let suspect = row_checks.iter().map(|(predicate, ..)| format!("({predicate})")).collect::<Vec<_>>().join(" OR ");
    let (suspects, totals): (i64, i64) = conn
        .query_row(&format!("SELECT count(*), count(*) FILTER (WHERE total_row) FROM _parsed WHERE {suspect} OR total_row"), [], |r| Ok((r.get(0)?, r.get(1)?)))
        .context(|| "checking the rows".into())?;
    if suspects > 0 {
        conn.execute_batch(&format!(
            "CREATE OR REPLACE TEMP TABLE _suspect AS
             SELECT * FROM _typed WHERE line IN (SELECT line FROM _parsed WHERE {suspect} OR total_row) AND ({suspect} OR total_row)"
        ))
        .context(|| "checking the rows".into())?;
    }
    let mut queries = Vec::new();
    if suspects > totals {
        for (predicate, column, value, message) in &row_checks {
            queries.push(format!(
                "SELECT line, column_header, value, {message} FROM
                     (SELECT DISTINCT line, {column} AS column_header, coalesce({value}::VARCHAR, '') AS value FROM _suspect WHERE {predicate}) x"
            ));
        }
    }
    if totals > 0 {
        queries.push(format!(
            "SELECT t.line, t.column_header, t.value_text,
                    format('the total row says {{}} but the provinces add up to {{}}', t.value_usd::BIGINT, s.total::BIGINT)
             FROM _suspect t
             JOIN (SELECT column_header, sum(value_usd) AS total, count(*) AS n FROM _parsed
                   WHERE NOT total_row AND NOT missing AND province_code IS NOT NULL GROUP BY column_header) s USING (column_header)
             -- A cumulative column is checked against the row's own months (cumulative_mismatches),
             -- the total row's included; adding up the provinces' cumulative cells would blame the
             -- total row for a province's slip.
             WHERE t.total_row AND NOT t.cumulative AND NOT t.missing AND abs(t.value_usd - s.total) > {tolerance} * (s.n + 1) / 2.0"
        ));
    }
    let mut found: Vec<(i64, String, String, String)> = Vec::new();
    for (n, check) in queries.iter().enumerate() {
        let sql = format!("SELECT line, column_header, coalesce(value::VARCHAR, ''), message FROM ({check}) AS c(line, column_header, value, message) ORDER BY line, column_header LIMIT {limit}");
        let what = || format!("checking the rows (check {})", n + 1);
        let mut stmt = conn.prepare(&sql).context(what)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)))
            .context(what)?;
        for row in rows {
            found.push(row.context(what)?);
        }
    }
    // Duplicates: the keys first (a count per key; a list of lines for every key would not fit
    // in memory), then the lines of the few duplicated keys; year by year, so that counting
    // tens of millions of keys stays within the memory limit. A hash of the key is counted
    // first (one number groups faster than six columns); only a year with a repeated hash has
    // its keys compared whole.
    // A table of fewer rows (a Ministry table, a year of detail) is first counted whole, in
    // one query instead of one a year: most have no duplicates at all.
    let repeated_anywhere = staged_rows >= 1_000_000
        || conn
            .query_row(&format!("SELECT count(*) > 0 FROM (SELECT hash({plain_key}) AS h FROM _load GROUP BY h HAVING count(*) > 1)"), [], |r| r.get::<_, bool>(0))
            .context(|| "checking for duplicates".into())?;
    let years: Vec<i64> = if !repeated_anywhere {
        Vec::new()
    } else {
        // A row whose year is not a year is reported by the row checks; it has no duplicates.
        let mut stmt = conn.prepare("SELECT DISTINCT year FROM _load WHERE year IS NOT NULL ORDER BY year").context(|| "checking the rows".into())?;
        let rows = stmt.query_map([], |r| r.get(0)).context(|| "checking the rows".into())?;
        rows.collect::<std::result::Result<_, _>>().context(|| "checking the rows".into())?
    };
    for year in years {
        let repeated: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM (SELECT hash({plain_key}) AS h FROM _load WHERE year = {year} GROUP BY h HAVING count(*) > 1)"),
                [],
                |r| r.get(0),
            )
            .context(|| "checking for duplicates".into())?;
        if repeated == 0 {
            continue;
        }
        let sql = format!(
            "SELECT max(l.line), 'province', any_value(p.name),
                    -- The first ten lines, and how many more: a million duplicates made megabytes.
                    format('appears {{}} times for {{}}-{{}}{cell} (lines {{}}{{}})', count(*), l.year, lpad(l.month::VARCHAR, 2, '0'){cell_args},
                           array_to_string(list_slice(list(l.line ORDER BY l.line), 1, 10), ', '),
                           CASE WHEN count(*) > 10 THEN format(' and {{}} more', count(*) - 10) ELSE '' END)
             FROM _load l
             JOIN (SELECT {plain_key} FROM _load WHERE year = {year} GROUP BY ALL HAVING count(*) > 1) d USING ({plain_key})
             JOIN provinces p ON p.code = l.province_code
             WHERE l.year = {year}
             GROUP BY {key}
             ORDER BY 1 LIMIT {limit}"
        );
        let mut stmt = conn.prepare(&sql).context(|| "checking for duplicates".into())?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?)))
            .context(|| "checking for duplicates".into())?;
        for row in rows {
            found.push(row.context(|| "checking for duplicates".into())?);
        }
    }
    // A row the checks refused (a misspelt province, an unreadable number) is left out of the
    // provinces' sums, so the total row disagrees in every column: one consequence, said once
    // beside its cause, not a line a month.
    let total = |m: &str| m.starts_with("the total row says");
    let refused_rows: Vec<i64> = found.iter().filter(|f| !total(&f.3)).map(|f| f.0).collect();
    if !refused_rows.is_empty() && found.iter().filter(|f| total(&f.3)).count() > 1 {
        let mut columns: Vec<(i64, String)> = found.iter().filter(|f| total(&f.3)).map(|f| (f.0, f.1.clone())).collect();
        columns.sort_by_key(|(_, c)| position(c));
        let line = columns[0].0;
        let names: Vec<String> = columns.iter().map(|(_, c)| c.clone()).collect();
        let mut refused = refused_rows;
        refused.sort();
        refused.dedup();
        let lines = refused.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
        found.retain(|f| !total(&f.3));
        // No column of its own: the line is the total row's, the columns are listed.
        found.push((line, String::new(), String::new(), format!(
            "the total row disagrees with the provinces in {} columns ({}), as the cells refused above (lines {lines}) would make it: correct those first",
            names.len(),
            names.join(", ")
        )));
    }
    found.sort_by(|a, b| (a.0, position(&a.1)).cmp(&(b.0, position(&b.1))));
    found.truncate(limit);
    Ok(found
        .into_iter()
        .map(|(line, column, value, message)| match column.is_empty() {
            true => format!("{}: {message}", place(line)),
            false => format!("{}: column \"{}\": `{}`: {message}", place(line), layout.column_header(&column), shown(&value)),
        })
        .collect())
}

/// A cell as an error message shows it: a long one is cut (a 1 MB cell was echoed whole).
pub(super) fn shown(value: &str) -> String {
    const MAX: usize = 60;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}… ({} characters)", &value[..cut], value.chars().count()),
        None => value.to_string(),
    }
}

/// A cumulative column (Ocak-Ekim) against the sum of the same months in the file, row by row:
/// each province's and the total row's. `place` names a row as the file does ("line" or "row").
pub(super) fn cross_check(conn: &Connection, unit: Unit, place: &str) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT c.line, coalesce(p.name, 'the total row'), c.column_header, c.value_usd::DECIMAL(18, 0)::VARCHAR, sum(m.value_usd)::DECIMAL(18, 0)::VARCHAR
         FROM _parsed c
         JOIN _parsed m ON m.line = c.line AND NOT m.cumulative AND NOT m.missing AND m.year = c.year AND m.month BETWEEN c.first_month AND c.month
         LEFT JOIN provinces p ON p.code = c.province_code
         WHERE c.cumulative AND NOT c.missing AND (c.province_code IS NOT NULL OR c.total_row)
         GROUP BY ALL
         HAVING count(*) = any_value(c.month) - any_value(c.first_month) + 1
            AND abs(any_value(c.value_usd) - sum(m.value_usd)) > {} * (count(*) + 1) / 2.0
         ORDER BY c.line",
        unit.factor()
    );
    let mut stmt = conn.prepare(&sql).context(|| "cross-checking cumulative columns".into())?;
    let rows = stmt
        .query_map([], |r| Ok(format!("{place} {}: {}: \"{}\" says {} but its months add up to {}", r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, String>(4)?)))
        .context(|| "cross-checking cumulative columns".into())?;
    rows.collect::<std::result::Result<_, _>>().context(|| "cross-checking cumulative columns".into())
}

/// A stored dollar value as text without the cents its type adds: 2000 is `2000`, not `2000.00`
/// (design rule 39); a value with cents keeps both places, as the tables print money.
fn as_written(value: &str) -> String {
    format!("regexp_replace({value}::VARCHAR, '\\.00$', '')")
}

pub(super) fn conflicts(conn: &Connection, place: &dyn Fn(i64) -> String, max: usize, target: &Target) -> Result<Vec<String>> {
    let cell = if target.table == "detail" { "p.name || ' ' || l.country_code || '/' || l.product_code" } else { "p.name" };
    let mut stmt = conn
        .prepare(&format!(
            "SELECT l.line, {cell}, l.year, l.month, {loaded}, {earlier}, e.load_id
             FROM _load l JOIN {table} e USING ({key}) JOIN provinces p ON p.code = l.province_code
             WHERE e.load_id IS NOT NULL AND e.value_usd <> l.value_usd ORDER BY l.line LIMIT {max}",
            table = target.table,
            key = target.key,
            loaded = as_written("l.value_usd"),
            earlier = as_written("e.value_usd"),
        ))
        .context(|| "listing conflicts".into())?;
    let rows = stmt
        .query_map([], |r| {
            Ok(format!(
                "  {}: {} {}-{:02}: {} here, {} from load {}",
                place(r.get(0)?),
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, i64>(6)?
            ))
        })
        .context(|| "listing conflicts".into())?;
    rows.collect::<std::result::Result<_, _>>().context(|| "listing conflicts".into())
}
