//! From staged text cells to typed rows: the layout's cells gathered (long or wide), numbers read
//! in their column's style, provinces, countries, products and months resolved by one join
//! each. All of it in DuckDB, set-based.

use duckdb::Connection;

use super::numbers::NumberStyles;
use super::*;

pub(super) fn first_rows(conn: &Connection, columns: usize, n: usize) -> Result<Vec<(i64, Vec<Option<String>>)>> {
    let mut stmt = conn.prepare(&format!("SELECT * FROM _raw ORDER BY line LIMIT {n}")).context(|| "reading the header".into())?;
    let rows = stmt
        .query_map([], |r| {
            let line: i64 = r.get(0)?;
            let cells = (1..=columns).map(|i| r.get::<_, Option<String>>(i)).collect::<duckdb::Result<Vec<_>>>()?;
            Ok((line, cells))
        })
        .context(|| "reading the header".into())?;
    rows.collect::<std::result::Result<_, _>>().context(|| "reading the header".into())
}

/// `_cells`: one row per data cell, with its line, column header, period and text.
pub(super) fn build_cells(conn: &Connection, layout: &layout::Layout) -> Result<()> {
    let p = layout.province;
    let header = |c: usize| crate::db::sql_literal(&layout.headers[c - 1]);
    let body = match &layout.shape {
        layout::Shape::Long(layout::Long { year, month, period, value, basis, country, product, quantity, unit }) => {
            let column = |c: &Option<usize>| c.map(|c| format!("c{c}")).unwrap_or_else(|| "NULL".into());
            let (year, month, period, basis) = (column(year), column(month), column(period), column(basis));
            let (country, product, quantity, unit) = (column(country), column(product), column(quantity), column(unit));
            format!(
                "SELECT line, c{p} AS province_text, {} AS column_header, {year} AS year_text, {month} AS month_text, {period} AS period_text,
                        NULL::INTEGER AS first_month, c{value} AS value_text, {basis} AS basis_text, false AS cumulative,
                        {country} AS country_text, {product} AS product_text, {quantity} AS quantity_text, {unit} AS unit_text
                 FROM _raw WHERE line > {}",
                header(*value),
                layout.header_line
            )
        }
        layout::Shape::Wide { months, cumulative } => {
            // One UNPIVOT and a join on a small table of what each column is: a union of a
            // SELECT per column made every later query plan over a hundred branches.
            let columns = months
                .iter()
                .map(|(c, y, m)| (c, y, m, None::<u32>))
                .chain(cumulative.iter().map(|(c, y, first, last)| (c, y, last, Some(*first))))
                .collect::<Vec<_>>();
            let what = columns
                .iter()
                .map(|(c, y, m, first)| {
                    format!("('c{c}', {}, '{y}', '{m}', {}::INTEGER, {})", header(**c), first.map(|f| f.to_string()).unwrap_or_else(|| "NULL".into()), first.is_some())
                })
                .collect::<Vec<_>>()
                .join(", ");
            let names = columns.iter().map(|(c, ..)| format!("c{c}")).collect::<Vec<_>>().join(", ");
            format!(
                "WITH k(col, column_header, year_text, month_text, first_month, cumulative) AS (VALUES {what}),
                 u AS (FROM (SELECT line, c{p} AS province_text, {names} FROM _raw WHERE line > {})
                       UNPIVOT INCLUDE NULLS (value_text FOR col IN ({names})))
                 SELECT u.line, u.province_text, k.column_header, k.year_text, k.month_text, NULL AS period_text,
                        k.first_month, u.value_text, NULL AS basis_text, k.cumulative,
                        NULL AS country_text, NULL AS product_text, NULL AS quantity_text, NULL AS unit_text
                 FROM u JOIN k USING (col)",
                layout.header_line
            )
        }
    };
    // A wide table's cells are its UNPIVOT, which every later step would compute again: they are
    // kept (a few thousand rows); a long table's are its staged rows, read as they are.
    let sql = if matches!(layout.shape, layout::Shape::Wide { .. }) {
        format!("CREATE OR REPLACE TEMP TABLE _unpivoted AS {body}; CREATE OR REPLACE TEMP VIEW _cells AS FROM _unpivoted")
    } else {
        format!("CREATE OR REPLACE TEMP VIEW _cells AS {body}")
    };
    conn.execute_batch(&sql).context(|| "reading the cells".into())
}

/// Each distinct spelling of a province in `texts` (a query of `province_text`), with its code,
/// and whether it names the total row. Both ways of reading a file resolve names with these.
pub(super) fn resolve_provinces(texts: &str) -> String {
    format!(
        r"SELECT t.province_text,
                 -- A plate code is one or two digits: a cast alone would take 34.5 (as 35) or 0x22 (as 34).
                 coalesce(a.province_code, CASE WHEN regexp_full_match(trim(t.province_text), '[0-9]{{1,2}}') AND TRY_CAST(trim(t.province_text) AS INTEGER) BETWEEN 1 AND 81
                                                THEN TRY_CAST(trim(t.province_text) AS INTEGER) END) AS province_code,
                 name_key(t.province_text) IN ('toplam', 'geneltoplam', 'total', 'grandtotal', 'turkiye', 'turkey', 'turkiyetoplami', 'turkiyetoplam') AS total_row
          FROM ({texts}) t
          LEFT JOIN province_aliases a ON a.alias_key = name_key(t.province_text)"
    )
}

/// Each distinct spelling of a country (`country_text`), with its code; a blank cell is all countries.
pub(super) fn resolve_countries(texts: &str) -> String {
    format!(
        r"SELECT t.country_text, CASE WHEN trim(t.country_text) = '' THEN 'ALL' ELSE ca.country_code END AS country_code
          FROM ({texts}) t
          LEFT JOIN country_aliases ca ON ca.alias_key = name_key(t.country_text) AND NOT regexp_matches(trim(t.country_text), '^[0-9]+$')"
    )
}

/// Each distinct spelling of a product (`product_text`): an HS code or a chapter's name.
pub(super) fn resolve_products(texts: &str) -> String {
    format!(
        r"WITH t AS (SELECT product_text, hs_digits(product_text) AS digits FROM ({texts}))
          SELECT t.product_text,
                 CASE WHEN trim(t.product_text) = '' THEN 'ALL'
                      WHEN length(t.digits) <= 2 THEN chapter.code
                      WHEN length(t.digits) IN (4, 6, 8, 10, 12) AND parent.code IS NOT NULL THEN t.digits
                      WHEN t.digits IS NULL THEN pa.product_code END AS product_code
          FROM t
          LEFT JOIN products chapter ON chapter.code = lpad(t.digits, 2, '0')
          LEFT JOIN products parent ON parent.code = left(t.digits, 2)
          LEFT JOIN product_aliases pa ON pa.alias_key = name_key(t.product_text)"
    )
}

/// Each distinct spelling of a month (`month_text`): a number, or a name as headers are read.
pub(super) fn resolve_months(texts: &str) -> String {
    let months = crate::turkish::month_spellings().iter().map(|(name, number)| format!("('{name}',{number})")).collect::<Vec<_>>().join(",");
    format!(
        r"WITH names(name, number) AS (VALUES {months})
          SELECT t.month_text, coalesce(CASE WHEN regexp_full_match(trim(t.month_text), '[0-9]{{1,2}}') THEN TRY_CAST(trim(t.month_text) AS INTEGER) END, n.number) AS month
          FROM ({texts}) t
          LEFT JOIN names n ON n.name = name_key(t.month_text)"
    )
}

/// No spellings at all (of a column the table does not have).
pub(super) const NONE: &str = "SELECT NULL::VARCHAR AS country_text, NULL::VARCHAR AS product_text WHERE false";

/// A year or month written in digits, as a number: a cast alone would round 2021.7 to 2022 and
/// 6.5 to 7, or read 1e1 as 10. (DuckDB's integer cast skips the spaces around a number itself.)
pub(super) fn whole_number(text: &str) -> String {
    format!("CASE WHEN regexp_full_match(trim({text}), '[0-9]+') THEN TRY_CAST({text} AS INTEGER) END")
}

/// A period cell's year and month: the period is the whole cell (2025-10, 2025/10, 2025.10), so
/// 2021-1012 is no October.
pub(super) fn period_year(text: &str) -> String {
    format!(r"regexp_extract({text}, '^\s*([0-9]{{4}})[-/.][0-9]{{1,2}}\s*$', 1)")
}

pub(super) fn period_month(text: &str) -> String {
    format!(r"nullif(regexp_extract({text}, '^\s*[0-9]{{4}}[-/.]([0-9]{{1,2}})\s*$', 1), '')")
}

/// A value as stored: dollars to the cent.
pub(super) fn stored_value(dollars: &str) -> String {
    format!("round({dollars}, 2)::DECIMAL(18, 2)")
}

/// `_typed`: every cell typed, beside its text; `_parsed`: the same without the texts; `_load`:
/// the rows to store.
pub(super) fn parse_cells(conn: &Connection, styles: &NumberStyles, unit: Unit, basis_expr: &str, detail: bool) -> Result<()> {
    let normalise = normalise_expression(&styles.values);
    let all_english = !styles.values.is_empty() && styles.values.iter().all(|(_, s)| *s == NumberStyle::English);
    // The quantity's own style, on its text as written (a unit word in the cell is not a number).
    let quantity = styles.quantity.normalise().replace('@', "trim(c.quantity_text)");
    // Names are resolved once per distinct spelling (a few hundred), not once per row, and the
    // cells join those small tables on their text: tens of millions of rows parse in seconds.
    let batch = format!(
        r"CREATE OR REPLACE TEMP TABLE _seen_provinces AS {provinces};
          CREATE OR REPLACE TEMP TABLE _seen_countries AS {countries};
          CREATE OR REPLACE TEMP TABLE _seen_products AS {products};
          CREATE OR REPLACE TEMP TABLE _seen_months AS {months};

          CREATE OR REPLACE TEMP VIEW _typed AS
          WITH cells AS (
              SELECT *,
                     -- A cast alone would also take 1e5, 0x10 or 1_000; only plain digits take the short way.
                     CASE WHEN regexp_full_match(value_text, '-?[0-9]+{plain_fraction}') THEN TRY_CAST(value_text AS DECIMAL(38, 10)) END AS plain,
                     CASE WHEN period_text IS NULL THEN year_text ELSE {period_year} END AS year_part,
                     CASE WHEN period_text IS NULL THEN month_text ELSE {period_month} END AS period_month
              FROM _cells
          ),
          typed AS (
              SELECT *,
                     -- Plain numbers are most cells; only the others go through the patterns.
                     CASE WHEN plain IS NOT NULL THEN false
                          ELSE value_text IS NULL OR trim(value_text) IN ('', '-', '–', '—', '..', 'n/a', 'NA') END AS missing,
                     CASE WHEN plain IS NOT NULL THEN true
                          -- Dollars only, and no scale word: `1.000 TL`, `€1.000` or `4 milyon dolar` are
                          -- not a number of US dollars (a dropped word would store 4 for 4 million).
                          ELSE regexp_matches(lower(trim(value_text)), '^[$]?\s*[-+]?[0-9][0-9.,]*\s*([$]|usd|dolar)?$') END AS numeric_text,
                     coalesce(plain, TRY_CAST({normalise} AS DECIMAL(38, 10))) AS number
              FROM cells
          )
          SELECT c.line, c.column_header, c.province_text, c.value_text, c.cumulative, c.first_month, c.missing, c.numeric_text,
                 c.province_text IS NULL OR trim(c.province_text) = '' AS province_blank,
                 c.quantity_text IS NOT NULL AND trim(c.quantity_text) <> '' AS quantity_given,
                 CASE WHEN c.numeric_text THEN c.number * {factor} END AS value_usd,
                 {year} AS year,
                 coalesce({month}, sm.month) AS month,
                 -- A problem shows the cell as the file writes it: a period column's whole `2026-13`.
                 coalesce(c.period_text, c.year_part) AS year_part, coalesce(c.period_text, c.period_month) AS month_part,
                 {basis_expr} AS basis, c.basis_text,
                 coalesce(sp.total_row, false) AS total_row,
                 sp.province_code,
                 c.country_text, c.product_text,
                 CASE WHEN c.country_text IS NULL THEN 'ALL' ELSE sc.country_code END AS country_code,
                 CASE WHEN c.product_text IS NULL THEN 'ALL' ELSE sk.product_code END AS product_code,
                 TRY_CAST({quantity} AS DECIMAL(18, 3)) AS quantity, TRY_CAST({quantity} AS DECIMAL(38, 10)) AS quantity_exact,
                 nullif(trim(c.unit_text), '') AS quantity_unit,
                 c.quantity_text
          FROM typed c
          LEFT JOIN _seen_provinces sp ON sp.province_text = c.province_text
          LEFT JOIN _seen_countries sc ON sc.country_text = c.country_text
          LEFT JOIN _seen_products sk ON sk.product_text = c.product_text
          LEFT JOIN _seen_months sm ON sm.month_text = c.period_month;

          -- The texts stay in the staging table: the checks fetch them only for rows with a problem.
          CREATE OR REPLACE TEMP TABLE _parsed AS
          SELECT * EXCLUDE (province_text, value_text, year_part, month_part, basis_text, country_text, product_text, quantity_text)
          FROM _typed;

          CREATE OR REPLACE TEMP VIEW _load AS
          SELECT province_code, year, month, basis, {detail_columns} {value} AS value_usd, line
          FROM _parsed
          WHERE NOT cumulative AND NOT missing AND NOT total_row AND province_code IS NOT NULL AND value_usd IS NOT NULL;",
        provinces = resolve_provinces("SELECT DISTINCT province_text FROM _cells WHERE province_text IS NOT NULL"),
        // A table of province totals has no countries or products to look for.
        countries = resolve_countries(if detail { "SELECT DISTINCT country_text FROM _cells WHERE country_text IS NOT NULL" } else { NONE }),
        products = resolve_products(if detail { "SELECT DISTINCT product_text FROM _cells WHERE product_text IS NOT NULL" } else { NONE }),
        months = resolve_months("SELECT DISTINCT month_text FROM _cells WHERE month_text IS NOT NULL"),
        period_year = period_year("period_text"),
        period_month = period_month("period_text"),
        year = whole_number("c.year_part"),
        month = whole_number("c.period_month"),
        value = stored_value("value_usd"),
        factor = unit.factor(),
        // A point is a decimal point only in English numbers (in Turkish ones it groups thousands).
        plain_fraction = if all_english { r"(\.[0-9]+)?" } else { "" },
        detail_columns = if detail { "country_code, product_code, quantity, quantity_unit," } else { "" }
    );
    conn.execute_batch(&batch).context(|| "parsing the cells".into())
}
