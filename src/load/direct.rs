//! The direct read: a long detail table that needs nothing repaired, read by DuckDB straight
//! into `detail`.
//!
//! The staged way (mod.rs) copies every line with its number so that each problem can name its
//! place, and types every cell beside its text: a clean file of ten million rows pays for
//! messages only a broken one needs. Here DuckDB reads the file itself, twice: a survey (the
//! distinct spellings of provinces, periods, bases, countries and products, resolved once each)
//! and the insert, which joins each row to its resolved names and reads its numbers, in one
//! transaction. Only what is plainly right passes: a name that does not resolve, a number that
//! is not a plain one, a duplicate key, a row already loaded or anything DuckDB's reader objects
//! to makes the direct read give up and roll back, and the staged way then reads the file and
//! reports every problem with its line, exactly as it always has. So the direct read accepts
//! a subset of what the staged way accepts, and stores the same rows (tests/load_paths.rs).

use std::path::Path;

use duckdb::Connection;

use super::layout::{Long, Shape};
use super::source::{self, Encoding, InputFormat};
use super::{
    read_header, record_load, resolve_countries, resolve_months, resolve_products, resolve_provinces, stored_value, whole_number, FileFacts,
    LoadOptions, NumberStyle, Reading, Summary, BASIS_OF_TEXT, DETAIL,
};
use crate::db::sql_literal;
use crate::error::{Context, Error, Result, Invalid};
use crate::trace::timed;

/// Which way a load takes: `staged` or `direct` (which still gives way when it must) instead of
/// choosing by the file, to compare the two (tests and benchmarks use it).
pub const WAY: &str = "IHRACAT_LOAD_WAY";

/// A smaller file goes the staged way at once: for a few thousand rows the staged way costs no
/// more, and an attempt that gives way (a wide table, a Ministry file with a total row) would
/// cost its head twice.
const DIRECT_FROM_BYTES: u64 = 1 << 20;

/// A plain number (a quantity): digits, and a decimal point before one or two digits or four or
/// more. Such a cell reads the same in every number style the staged way could choose (1.234,
/// with three digits after its point, could be 1,234; a minus sign is not plain).
const PLAIN: &str = r"[0-9]+(\.[0-9]{1,2}|\.[0-9]{4,})?";

/// Whether the file may be read directly at all: text that the staged way would not rewrite
/// (no NUL, every CR part of a CRLF, not declared Windows-1254), or Parquet; numbers that are
/// not to be read the Turkish way; and big enough to gain from it.
pub(super) fn eligible(format: InputFormat, options: &LoadOptions, facts: &FileFacts) -> bool {
    let readable = match format {
        InputFormat::Csv | InputFormat::Tsv => !facts.nul && !facts.lone_cr && options.encoding != Some(Encoding::Windows1254),
        InputFormat::Parquet => true,
        _ => false,
    };
    let big_enough = match std::env::var(WAY).as_deref() {
        Ok("staged") => return false,
        Ok("direct") => true,
        _ => facts.bytes >= DIRECT_FROM_BYTES,
    };
    readable && big_enough && options.layout != Some(super::LayoutChoice::Wide) && matches!(options.numbers, None | Some(NumberStyle::English))
}

/// The columns of a long detail table the read needs, as the staging table numbers them.
struct Columns {
    province: usize,
    long: Long,
}

impl Columns {
    /// Every column the read uses.
    fn used(&self) -> impl Iterator<Item = usize> {
        let l = &self.long;
        [Some(self.province), l.year, l.month, l.period, Some(l.value), l.basis, l.country, l.product, l.quantity, l.unit].into_iter().flatten()
    }
}

/// The load, if the file is clean; `None` when the staged way must read it.
/// Long because the direct way's one sequence (read, check, store) with its early exits to the staged way; each step is a call.
pub(super) fn load(conn: &Connection, path: &Path, format: InputFormat, options: &LoadOptions, hash: &str, work: &Path) -> Result<Option<Summary>> {
    let file = path.display().to_string();
    let head = match timed("staging the head", || source::stage_head(conn, path, format, work)) {
        Ok(head) => head,
        Err(e) => return declined(&format!("staging the head: {}", e.to_string().lines().next().unwrap_or_default())),
    };
    if head.multiline {
        return declined("a record of the head spans lines");
    }
    let Ok(reading) = read_header(conn, &file, head.columns, options) else { return declined("the header is not read at once") };
    let Reading { layout, unit, notes, warnings, basis: Some(basis), .. } = reading else { return declined("no basis is given") };
    let Shape::Long(long) = &layout.shape else {
        return declined("a wide table");
    };
    if !layout.is_detail() {
        return declined("province totals, not detail");
    }
    // A --basis given wins over a basis column, as the staged way has it.
    let long = Long { basis: long.basis.filter(|_| options.basis.is_none()), ..long.clone() };
    let columns = Columns { province: layout.province, long };
    let (reader, width) = match reader(path, format, &head, &layout, &columns) {
        Ok(read) => read,
        Err(why) => return declined(why),
    };
    let types = Types(&head.columns_typed);
    let text = |column: usize| types.text(column);
    let cell = |column: usize| types.cell(column);
    let survey = match timed("surveying", || survey(conn, &reader, &columns, &text))? {
        Ok(survey) => survey,
        Err(why) => return declined(&why.0),
    };
    let value_sql = value_sql(&types, columns.long.value, unit.factor());
    let quantity_sql = columns.long.quantity.map(|q| quantity_sql(&types, q)).unwrap_or_else(|| "NULL".into());
    let unit_sql = columns.long.unit.map(|u| format!("nullif(trim({}), '')", text(u))).unwrap_or_else(|| "NULL".into());
    let basis_sql = match columns.long.basis {
        Some(b) => lookup(conn, &cell(b), "SELECT raw, basis FROM _direct_bases", Values::Text)?,
        None => basis,
    };
    let (year_sql, month_sql) = match (columns.long.period, columns.long.year, columns.long.month) {
        (Some(p), _, _) => (
            lookup(conn, &cell(p), "SELECT DISTINCT per, year::VARCHAR FROM _direct_periods", Values::Integer)?,
            lookup(conn, &cell(p), "SELECT DISTINCT per, month::VARCHAR FROM _direct_periods", Values::Integer)?,
        ),
        (None, Some(y), Some(m)) => (
            lookup(conn, &cell(y), "SELECT DISTINCT y, year::VARCHAR FROM _direct_periods", Values::Integer)?,
            lookup(conn, &cell(m), "SELECT DISTINCT m, month::VARCHAR FROM _direct_periods", Values::Integer)?,
        ),
        _ => return declined("no period columns"),
    };
    let province_sql = lookup(conn, &cell(columns.province), "SELECT raw, province_code::VARCHAR FROM _direct_provinces", Values::Integer)?;
    // A cell beyond the header (a decimal comma in a comma-separated file makes one) is the staged
    // way's to report; an empty one (a trailing delimiter) is nothing.
    let header_cells = head.cells_on(layout.header_line).unwrap_or(width);
    let beyond: Vec<String> = (header_cells + 1..=width).map(|c| format!("trim(r.c{c}) <> ''")).collect();
    let province_sql = if beyond.is_empty() {
        province_sql
    } else {
        format!("CASE WHEN {} THEN error('ihracat: a cell beyond the header') ELSE {province_sql} END", beyond.join(" OR "))
    };
    // A blank country or product cell is all countries or products, as the staged way has it.
    let dimension = |column: Option<usize>, table: &str| match column {
        Some(c) => lookup(conn, &cell(c), &format!("SELECT raw, code FROM _direct_{table} WHERE raw IS NOT NULL"), Values::Text)
            .map(|value| format!("CASE WHEN r.c{c} IS NULL THEN 'ALL' ELSE {value} END")),
        None => Ok("'ALL'".to_string()),
    };
    let country_sql = dimension(columns.long.country, "countries")?;
    let product_sql = dimension(columns.long.product, "products")?;

    let mut summary = Summary {
        file: file.clone(),
        rows: survey.rows,
        basis: options.basis.clone().unwrap_or_else(|| survey.basis.clone()),
        provinces: survey.provinces,
        periods: survey.periods.clone(),
        unit: unit.name().to_string(),
        layout: super::layout_name(&layout),
        notes,
        warnings,
        dry_run: options.dry_run,
        ..Default::default()
    };
    let mut gave_up = false;
    let kept = crate::db::trial(conn, "storing the load", || {
        // The id the load will have. A sequence does not roll back, so it is taken only once the
        // rows are known to stay: a load that gives way leaves no gap in the ids.
        let id: i64 = conn
            .query_row("SELECT coalesce(last_value + increment_by, start_value) FROM duckdb_sequences() WHERE database_name = 'ihracat' AND sequence_name = 'load_ids'", [], |r| r.get(0))
            .context(|| "numbering the load".into())?;
        let insert = format!(
            "INSERT INTO detail BY NAME
             SELECT {province_sql} AS province_code, {year_sql} AS year, {month_sql} AS month, {basis_sql} AS basis,
                    {country_sql} AS country_code, {product_sql} AS product_code,
                    {value_sql} AS value_usd, 0 AS precision_usd, {quantity_sql} AS quantity, {unit_sql} AS quantity_unit,
                    {} AS source, {id} AS load_id, now()::TIMESTAMP AS loaded_at, {} AS complete_table
             FROM {reader} r",
            sql_literal(&file),
            options.complete,
        );
        let stored = match timed("storing", || conn.execute(&insert, [])) {
            Ok(n) => n as u64,
            Err(e) if declines(&e) => {
                crate::trace::trace(|| format!("storing: {}", crate::error::clean_duckdb_message(&e).lines().next().unwrap_or_default()));
                gave_up = true;
                return Ok(false);
            }
            Err(e) => return Err(Error::Sql { context: "storing the rows".into(), source: e }),
        };
        if stored != survey.rows || timed("checking for duplicates", || has_duplicates(conn, id, &survey.years, columns.long.basis.is_none() || !survey.basis.contains(',')))? {
            crate::trace::trace(|| "a key repeats".into());
            gave_up = true;
            return Ok(false);
        }
        let Some(replaced) = timed("comparing with the database", || replace_bundled(conn, id))? else {
            crate::trace::trace(|| "an earlier load holds some of the keys".into());
            gave_up = true;
            return Ok(false);
        };
        summary.replaced_bundled = replaced;
        summary.added = stored - replaced;
        if options.dry_run {
            return Ok(false);
        }
        if record_load(conn, &file, hash, format, unit, &summary, &DETAIL, options.complete)? != id {
            return Err(Error::msg("storing the load: the load's number changed while it was stored; nothing was changed, try again"));
        }
        summary.load_id = Some(id);
        let months = crate::db::facts::months_of_load(conn, id)?;
        crate::db::facts::refresh(conn, crate::db::facts::Change::Detail(&months))?;
        Ok(true)
    })?;
    if gave_up {
        return declined("see above");
    }
    // A dry run stored the rows to count them, and rolled them back (`kept` is false).
    debug_assert!(kept != options.dry_run);
    Ok(Some(summary))
}

/// The SQL that reads the file's data rows, each cell as column c1, c2, … (Parquet's typed; text
/// as VARCHAR), or why the file cannot be read so.
fn reader(path: &Path, format: InputFormat, head: &source::Staged, layout: &super::layout::Layout, columns: &Columns) -> std::result::Result<(String, usize), &'static str> {
    let file = sql_literal(&path.to_string_lossy());
    if format == InputFormat::Parquet {
        let cells = head.columns_typed.iter().enumerate().map(|(i, (name, _))| format!("{} AS c{}", source::quoted(name), i + 1)).collect::<Vec<_>>().join(", ");
        return Ok((format!("(SELECT {cells} FROM read_parquet({file}))"), head.columns_typed.len()));
    }
    // As many cells as the data lines of the head have (a title line may have more or fewer); a
    // line below with another number fails the read, which then gives way.
    let data_lines: Vec<Option<usize>> = head.line_fields.iter().filter(|r| r.line as i64 > layout.header_line).map(|r| r.cells).collect();
    let width = match data_lines.first() {
        Some(&Some(n)) if data_lines.iter().all(|&f| f == Some(n)) => n,
        Some(_) => return Err("the head's lines have different numbers of cells"),
        None => head.columns,
    };
    if head.cells_on(layout.header_line).is_none() {
        return Err("the header spans lines");
    }
    if columns.used().any(|c| c > width) {
        return Err("a named column beyond the data's cells");
    }
    let spec = (1..=width).map(|i| format!("'c{i}': 'VARCHAR'")).collect::<Vec<_>>().join(", ");
    let delimiter = match head.delimiter {
        Some('\t') => "\\t".to_string(),
        Some(d) => d.to_string(),
        None => ",".to_string(),
    };
    // The staged way's quoting; strict, so that a line of another width fails instead of padding.
    let sql = format!(
        "read_csv({file}, header = false, auto_detect = false, skip = {}, columns = {{{spec}}}, delim = '{delimiter}', quote = '\"', escape = '\"', strict_mode = true, null_padding = false, parallel = true)",
        layout.header_line
    );
    Ok((sql, width))
}

/// Parquet's columns keep their types: numbers stay numbers, and every other cell is read as the
/// text the staged way reads. (A text file's columns are all text: no types.)
struct Types<'a>(&'a [(String, String)]);

impl Types<'_> {
    fn of(&self, column: usize) -> Option<&str> {
        self.0.get(column - 1).map(|(_, ty)| ty.as_str())
    }

    fn numeric(&self, column: usize) -> bool {
        self.of(column).is_some_and(source::is_numeric)
    }

    fn text(&self, column: usize) -> String {
        match self.of(column) {
            Some(ty) => source::as_text(&format!("r.c{column}"), ty),
            None => format!("r.c{column}"),
        }
    }

    fn cell(&self, column: usize) -> Cell {
        let integer = self.of(column).is_some_and(|ty| source::is_numeric(ty) && !matches!(ty, "FLOAT" | "DOUBLE") && source::decimal_scale(ty).is_none());
        Cell { text: self.text(column), integer: integer.then(|| format!("r.c{column}")) }
    }
}

/// A value cell as stored dollars, or an error that makes the insert give way. Cents as written
/// are stored as they are; finer fractions are read as the staged way reads them (a text to ten
/// places, a typed number as `source::as_text` writes it) and give way unless they are whole
/// cents in dollars (0.125 thousand dollars), since the staged way refuses a fraction of a cent.
fn value_sql(types: &Types, v: usize, factor: u64) -> String {
    let exact = |dollars: String| if factor == 1 { dollars } else { format!("({dollars} * {factor})::DECIMAL(18, 2)") };
    let cents = |number: String| {
        let dollars = format!("({number} * {factor})");
        format!("CASE WHEN {dollars} = round({dollars}, 2) THEN {} ELSE error('ihracat: not a plain value') END", stored_value(&dollars))
    };
    if types.numeric(v) {
        let ty = types.of(v).unwrap_or_default();
        let at_most_cents = !matches!(ty, "FLOAT" | "DOUBLE") && source::decimal_scale(ty).unwrap_or(0) <= 2;
        let dollars = if at_most_cents { exact(format!("CAST(r.c{v} AS DECIMAL(18, 2))")) } else { cents(format!("TRY_CAST(r.c{v} AS DECIMAL(38, 6))")) };
        return format!("CASE WHEN r.c{v} >= 0 THEN {dollars} ELSE error('ihracat: not a plain value') END");
    }
    let t = types.text(v);
    format!(
        r"CASE WHEN regexp_full_match({t}, '[0-9]+(\.[0-9]{{1,2}})?') THEN {}
               WHEN regexp_full_match({t}, '[0-9]+\.[0-9]{{4,}}') THEN {}
               ELSE error('ihracat: not a plain value') END",
        exact(format!("CAST({t} AS DECIMAL(18, 2))")),
        cents(format!("TRY_CAST({t} AS DECIMAL(38, 10))"))
    )
}

/// A quantity cell (blank: none), or an error that makes the insert give way.
fn quantity_sql(types: &Types, q: usize) -> String {
    if types.numeric(q) {
        // A negative quantity is refused the staged way, so it is not read here (design rule 34).
        // A quantity finer than a thousandth is refused the staged way too (it would be rounded).
        return format!(
            "CASE WHEN r.c{q} IS NULL THEN NULL WHEN r.c{q} < 0 THEN error('ihracat: a negative quantity')
                  WHEN TRY_CAST(r.c{q} AS DECIMAL(38, 6)) <> round(TRY_CAST(r.c{q} AS DECIMAL(38, 6)), 3) THEN error('ihracat: a quantity finer than a thousandth')
                  ELSE coalesce(TRY_CAST(TRY_CAST(r.c{q} AS DECIMAL(38, 6)) AS DECIMAL(18, 3)), error('ihracat: not a plain quantity')) END"
        );
    }
    let t = types.text(q);
    format!(
        "CASE WHEN {t} IS NULL OR trim({t}) = '' THEN NULL
              ELSE coalesce(CASE WHEN regexp_full_match({t}, '{PLAIN}') AND TRY_CAST({t} AS DECIMAL(38, 10)) = TRY_CAST({t} AS DECIMAL(18, 3))
                                 THEN TRY_CAST({t} AS DECIMAL(18, 3)) END,
                            error('ihracat: not a plain quantity')) END"
    )
}

/// A named cell of a row: its text as the staged way reads it, and the column itself when it is
/// already an integer.
struct Cell {
    text: String,
    integer: Option<String>,
}

/// What a lookup gives.
#[derive(Clone, Copy, PartialEq)]
enum Values {
    Integer,
    Text,
}

/// The SQL that gives a cell's resolved value, from `pairs` (a query of each spelling and its
/// value, as text). Where every spelling is its own value (country codes, years in digits), the
/// cell is the value; otherwise it is cast to an ENUM of the spellings, and its value is the one
/// at that place in a list: a join per column cost twice the whole read. A spelling the survey
/// did not see cannot be cast, which fails the insert (and sends the file the staged way)
/// rather than storing a NULL.
fn lookup(conn: &Connection, cell: &Cell, pairs: &str, values: Values) -> Result<String> {
    let mut stmt = conn.prepare(pairs).context(|| "resolving the names".into())?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).context(|| "resolving the names".into())?;
    let pairs: Vec<(String, String)> = rows.collect::<std::result::Result<_, _>>().context(|| "resolving the names".into())?;
    let text = &cell.text;
    if pairs.iter().all(|(raw, value)| raw == value) {
        return Ok(match (values, &cell.integer) {
            (Values::Text, _) => text.clone(),
            (Values::Integer, Some(integer)) => format!("CAST({integer} AS INTEGER)"),
            (Values::Integer, None) => format!("CAST({text} AS INTEGER)"),
        });
    }
    let spellings = pairs.iter().map(|(raw, _)| sql_literal(raw)).collect::<Vec<_>>().join(", ");
    let list = pairs.iter().map(|(_, value)| if values == Values::Text { sql_literal(value) } else { value.clone() }).collect::<Vec<_>>().join(", ");
    Ok(format!("[{list}][enum_code({text}::ENUM({spellings})) + 1]"))
}

/// The staged way must read the file, for the reason given (said with IHRACAT_TIMINGS).
fn declined(why: &str) -> Result<Option<Summary>> {
    crate::trace::trace(|| format!("the direct read gives way to the staged one: {why}"));
    Ok(None)
}

/// An error of the insert that means "read it the staged way" rather than a failure: the reader
/// objecting to the file, a cell the plain rules do not take, a constraint of the table.
fn declines(e: &duckdb::Error) -> bool {
    let text = e.to_string();
    !(text.contains("No space left") || text.contains("IO Error") || text.contains("Out of Memory") || text.contains("INTERRUPT"))
}

/// What the survey found: every spelling resolved, and the summary's numbers.
struct Survey {
    rows: u64,
    provinces: u64,
    basis: String,
    periods: Vec<String>,
    years: Vec<i64>,
}

/// One pass over the file: the distinct spellings of each named column (grouping sets), then
/// each resolved as the staged way resolves it, into `_direct_*` tables. `None` when a spelling
/// does not resolve, or the file has no rows: the reason.
fn survey(conn: &Connection, reader: &str, c: &Columns, text: &dyn Fn(usize) -> String) -> Result<std::result::Result<Survey, Invalid>> {
    let column = |n: Option<usize>| n.map(text).unwrap_or_else(|| "NULL::VARCHAR".into());
    let (province, year, month, period, basis, country, product) =
        (column(Some(c.province)), column(c.long.year), column(c.long.month), column(c.long.period), column(c.long.basis), column(c.long.country), column(c.long.product));
    // A set for each column the file has: an absent one would be one NULL spelling.
    let present: Vec<(&str, &str)> =
        [(c.long.basis, "b", "basis"), (c.long.country, "co", "country"), (c.long.product, "pr", "product")].iter().filter(|(n, ..)| n.is_some()).map(|(_, col, kind)| (*col, *kind)).collect();
    let sets: String = present.iter().map(|(col, _)| format!("({col}), ")).collect();
    let grouped = ["b", "co", "pr"].iter().map(|col| if present.iter().any(|(p, _)| p == col) { col.to_string() } else { format!("NULL::VARCHAR AS {col}") }).collect::<Vec<_>>().join(", ");
    let kinds: String = present.iter().map(|(col, kind)| format!(" WHEN grouping({col}) = 0 THEN '{kind}'")).collect();
    let sql = format!(
        "CREATE OR REPLACE TEMP TABLE _survey AS
         SELECT CASE WHEN grouping(p) = 0 THEN 'province' WHEN grouping(y) = 0 THEN 'period'{kinds} ELSE 'all' END AS kind,
                p, y, m, per, {grouped}, count(*) AS n
         FROM (SELECT {province} AS p, {year} AS y, {month} AS m, {period} AS per, {basis} AS b, {country} AS co, {product} AS pr FROM {reader} r)
         GROUP BY GROUPING SETS ((p), (y, m, per), {sets}())"
    );
    if let Err(e) = conn.execute_batch(&sql) {
        return Ok(Err(crate::invalid!("DuckDB's reader: {}", crate::error::clean_duckdb_message(&e).lines().next().unwrap_or_default())));
    }
    let month_of = |text: &str| format!("coalesce({}, names.month)", whole_number(text));
    let batch = format!(
        "CREATE OR REPLACE TEMP TABLE _direct_provinces AS
         SELECT s.p AS raw, r.province_code, r.total_row FROM _survey s
         LEFT JOIN ({provinces}) r ON r.province_text = s.p WHERE s.kind = 'province';
         CREATE OR REPLACE TEMP TABLE _direct_periods AS
         WITH s AS (SELECT y, m, per,
                           CASE WHEN per IS NULL THEN y ELSE {period_year} END AS year_part,
                           CASE WHEN per IS NULL THEN m ELSE {period_month} END AS month_part
                    FROM _survey WHERE kind = 'period')
         SELECT s.y, s.m, s.per, {year} AS year, {month} AS month FROM s
         LEFT JOIN ({months}) names ON names.month_text = s.month_part AND s.per IS NULL;
         CREATE OR REPLACE TEMP TABLE _direct_bases AS
         SELECT b AS raw, {basis_of_text} AS basis FROM (SELECT b, b AS basis_text FROM _survey WHERE kind = 'basis');
         CREATE OR REPLACE TEMP TABLE _direct_countries AS
         SELECT s.co AS raw, r.country_code AS code FROM _survey s LEFT JOIN ({countries}) r ON r.country_text = s.co WHERE s.kind = 'country';
         CREATE OR REPLACE TEMP TABLE _direct_products AS
         SELECT s.pr AS raw, r.product_code AS code FROM _survey s LEFT JOIN ({products}) r ON r.product_text = s.pr WHERE s.kind = 'product';",
        provinces = resolve_provinces("SELECT DISTINCT p AS province_text FROM _survey WHERE kind = 'province' AND p IS NOT NULL"),
        period_year = super::period_year("per"),
        period_month = super::period_month("per"),
        year = whole_number("s.year_part"),
        month = month_of("s.month_part"),
        months = resolve_months("SELECT DISTINCT m AS month_text FROM _survey WHERE kind = 'period' AND m IS NOT NULL"),
        basis_of_text = BASIS_OF_TEXT,
        countries = resolve_countries("SELECT DISTINCT co AS country_text FROM _survey WHERE kind = 'country' AND co IS NOT NULL"),
        products = resolve_products("SELECT DISTINCT pr AS product_text FROM _survey WHERE kind = 'product' AND pr IS NOT NULL"),
    );
    conn.execute_batch(&batch).context(|| "resolving the names".into())?;
    // Everything the staged way would report, or treat otherwise (a total row, a blank
    // province, a missing year), sends the file there.
    let unresolved: i64 = conn
        .query_row(
            "SELECT (SELECT count(*) FROM _direct_provinces WHERE raw IS NULL OR province_code IS NULL OR total_row)
                  + (SELECT count(*) FROM _direct_periods WHERE year IS NULL OR year NOT BETWEEN 1990 AND 2100 OR month IS NULL OR month NOT BETWEEN 1 AND 12)
                  + (SELECT count(*) FROM _direct_bases WHERE basis IS NULL)
                  + (SELECT count(*) FROM _direct_countries WHERE raw IS NOT NULL AND code IS NULL)
                  + (SELECT count(*) FROM _direct_products WHERE raw IS NOT NULL AND code IS NULL)
                  -- A quote inside a cell (`Bur\"sa`) opens a quoted field for the staged way, which
                  -- refuses it when it never closes; DuckDB takes it as a letter, and the name
                  -- would resolve without its quote.
                  + (SELECT count(*) FROM _survey WHERE contains(concat(p, y, m, per, b, co, pr), '\"'))",
            [],
            |r| r.get(0),
        )
        .context(|| "resolving the names".into())?;
    let (rows, provinces, periods, years): (u64, u64, Option<String>, Option<String>) = conn
        .query_row(
            "SELECT (SELECT n FROM _survey WHERE kind = 'all')::UBIGINT,
                    (SELECT count(DISTINCT province_code) FROM _direct_provinces),
                    (SELECT string_agg(DISTINCT format('{:04d}-{:02d}', year, month), ' ' ORDER BY format('{:04d}-{:02d}', year, month)) FROM _direct_periods),
                    (SELECT string_agg(DISTINCT year::VARCHAR, ' ') FROM _direct_periods)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .context(|| "summarising the rows".into())?;
    if unresolved > 0 {
        return Ok(Err(crate::invalid!("{unresolved} spellings or periods do not resolve")));
    }
    if rows == 0 {
        return Ok(Err("no rows".into()));
    }
    let basis = match c.long.basis {
        Some(_) => conn
            .query_row("SELECT string_agg(DISTINCT basis, ', ' ORDER BY basis) FROM _direct_bases", [], |r| r.get::<_, Option<String>>(0))
            .context(|| "summarising the rows".into())?
            .unwrap_or_default(),
        None => String::new(),
    };
    Ok(Ok(Survey {
        rows,
        provinces,
        basis,
        periods: periods.iter().flat_map(|p| p.split(' ')).map(str::to_string).collect(),
        years: years.iter().flat_map(|y| y.split(' ')).filter_map(|y| y.parse().ok()).collect(),
    }))
}

/// Whether the load's rows repeat a key, counted year by year by a hash of the key (so that tens
/// of millions of keys stay within the memory limit). A hash collision only sends the file the
/// staged way, which compares the keys themselves.
fn has_duplicates(conn: &Connection, id: i64, years: &[i64], one_basis: bool) -> Result<bool> {
    // With one basis for the whole file, the basis cannot tell two rows apart: a string less to
    // hash on every row.
    let key = if one_basis { "province_code, month, country_code, product_code" } else { "province_code, month, basis, country_code, product_code" };
    for year in years {
        let repeated: i64 = conn
            .query_row(
                &format!("SELECT count(*) FROM (SELECT hash({key}) AS h FROM detail WHERE load_id = {id} AND year = {year} GROUP BY h HAVING count(*) > 1)"),
                [],
                |r| r.get(0),
            )
            .context(|| "checking for duplicates".into())?;
        if repeated > 0 {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The rows already in `detail` for the load's keys. Bundled rows (release figures) are replaced,
/// kept in `replaced_detail` for `unload` (design rule 2); `None` if an earlier load holds any of
/// the keys, which the staged way handles (unchanged rows, conflicts, --replace).
fn replace_bundled(conn: &Connection, id: i64) -> Result<Option<u64>> {
    // Only the rows of the load's province-months can share a key: set aside first (few, as a rule).
    conn.execute_batch(&format!(
        "CREATE OR REPLACE TEMP TABLE _direct_old AS
         SELECT e.* FROM detail e
         WHERE e.load_id IS DISTINCT FROM {id}
           AND e.province_code IN (SELECT province_code FROM _direct_provinces)
           AND e.year * 100 + e.month IN (SELECT year * 100 + month FROM _direct_periods)"
    ))
    .context(|| "comparing with the database".into())?;
    let old: i64 = conn.query_row("SELECT count(*) FROM _direct_old", [], |r| r.get(0)).context(|| "comparing with the database".into())?;
    if old == 0 {
        return Ok(Some(0));
    }
    let key = DETAIL.key;
    let (bundled, loaded): (u64, u64) = conn
        .query_row(
            &format!(
                "SELECT count(*) FILTER (WHERE o.load_id IS NULL), count(*) FILTER (WHERE o.load_id IS NOT NULL)
                 FROM (SELECT {key} FROM detail WHERE load_id = {id}) l JOIN _direct_old o USING ({key})"
            ),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .context(|| "comparing with the database".into())?;
    if loaded > 0 {
        return Ok(None);
    }
    if bundled > 0 {
        let same_key = key.split(", ").map(|c| format!("e.{c} = l.{c}")).collect::<Vec<_>>().join(" AND ");
        conn.execute_batch(&format!(
            "INSERT INTO replaced_detail
             SELECT {id}, e.* FROM detail e JOIN (SELECT {key} FROM detail WHERE load_id = {id}) l USING ({key}) WHERE e.load_id IS NULL;
             DELETE FROM detail e USING (SELECT {key} FROM detail WHERE load_id = {id}) l WHERE {same_key} AND e.load_id IS NULL;"
        ))
        .context(|| "replacing the bundled rows".into())?;
    }
    Ok(Some(bundled))
}
