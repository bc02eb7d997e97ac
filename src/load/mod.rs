//! `ihracat load`: a file of province exports into `exports`, all or nothing.
//!
//! The file is staged as text cells (source.rs), its header read (layout.rs), and everything
//! else happens in DuckDB, set-based: cells become rows of (province, year, month, value),
//! numbers in Turkish or English format are parsed, provinces resolved with one join on
//! `province_aliases`, and every check runs as one query that names the line, column and value
//! of each problem. Only when nothing is wrong does one transaction write the rows.

pub mod differences;
mod direct;
pub mod layout;
pub mod source;

use std::path::Path;

use duckdb::Connection;
use sha2::{Digest, Sha256};

use crate::error::{Context, Error, Result};
use crate::ui::timed;
pub use layout::{LayoutChoice, Unit};
pub use source::{Encoding, InputFormat};

/// Where a load's rows go: province totals, or detail by country and product.
struct Target {
    table: &'static str,
    replaced: &'static str,
    key: &'static str,
    /// The columns of a row besides the key and value, in the table's order, as _load gives them.
    rest: &'static str,
    what: &'static str,
}

const TOTALS: Target = Target {
    table: "exports",
    replaced: "replaced_exports",
    key: "province_code, year, month, basis",
    rest: "",
    what: "province-months",
};

const DETAIL: Target = Target {
    table: "detail",
    replaced: "replaced_detail",
    key: "province_code, year, month, basis, country_code, product_code",
    rest: ", quantity, quantity_unit",
    what: "province-month-country-product cells",
};

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    pub basis: Option<String>,
    pub unit: Option<Unit>,
    pub format: Option<InputFormat>,
    pub layout: Option<LayoutChoice>,
    pub sheet: Option<String>,
    pub encoding: Option<Encoding>,
    pub replace: bool,
    pub dry_run: bool,
    pub max_errors: usize,
    /// The file is the whole table by country and product for its province-months.
    pub complete: bool,
    /// How the file writes its numbers, when its cells cannot tell (`--numbers`).
    pub numbers: Option<NumberStyle>,
    /// Where the load stages its text (`--temp-dir`; else the system's temporary folder).
    pub temp_dir: Option<std::path::PathBuf>,
}

/// What a load did (or, dry, would do).
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    pub file: String,
    pub load_id: Option<i64>,
    pub already_loaded_as: Option<i64>,
    pub rows: u64,
    pub added: u64,
    pub replaced_bundled: u64,
    pub replaced_loaded: u64,
    pub unchanged: u64,
    pub provinces: u64,
    pub periods: Vec<String>,
    pub basis: String,
    pub unit: String,
    pub layout: String,
    /// What the load noticed and did about it (a detected unit, ignored columns).
    pub notes: Vec<String>,
    /// What may be wrong in the file although it loaded (a cumulative column that disagrees).
    pub warnings: Vec<String>,
    pub dry_run: bool,
    /// How many replaced bundled values differ from the loaded ones beyond their rounding, and
    /// the largest of them.
    pub differing_from_published: u64,
    pub largest_differences: Vec<differences::Difference>,
}

impl Summary {
    pub fn describe(&self) -> String {
        if let Some(id) = self.already_loaded_as {
            return format!("{}: already loaded as load {id}, with the same content; nothing changed (add --replace to read it again with other options)", self.file);
        }
        let verb = if self.dry_run { "would load" } else { "loaded" };
        let periods = match self.periods.as_slice() {
            [] => "no periods".to_string(),
            [one] => one.clone(),
            many if many.len() <= 6 => many.join(", "),
            many => format!("{} to {} ({} months)", many[0], many[many.len() - 1], many.len()),
        };
        let id = self.load_id.map(|i| format!(" as load {i}")).unwrap_or_default();
        format!(
            "{verb} {}{id}: {} rows, {} provinces, {periods}; basis {}, unit {}, {} layout\n  {} added, {} replaced bundled rows, {} replaced loaded rows, {} unchanged{}",
            self.file,
            self.rows,
            self.provinces,
            self.basis,
            self.unit,
            self.layout,
            self.added,
            self.replaced_bundled,
            self.replaced_loaded,
            self.unchanged,
            differences::describe(self.differing_from_published, &self.largest_differences, self.load_id)
        )
    }
}

/// A load that was refused: every problem found, by place.
fn rejected(file: &str, mut problems: Vec<String>, max: usize) -> Error {
    let stopped_at = (problems.len() > max).then_some(max);
    problems.truncate(max);
    Error::Rejected { file: file.to_string(), problems, stopped_at }
}

pub fn load(conn: &Connection, path: &Path, options: &LoadOptions) -> Result<Summary> {
    let file = path.display().to_string();
    let format = options
        .format
        .or_else(|| InputFormat::from_path(path))
        .ok_or_else(|| Error::msg(format!("{file}: cannot tell the format from the extension; add --input-format csv|tsv|xlsx|parquet|json")))?;
    ensure_regular_file(path)?;
    // What is plainly not a text table is refused from its head, before the whole file is hashed.
    if matches!(format, InputFormat::Csv | InputFormat::Tsv) && options.encoding.is_none() {
        source::text_head(path)?;
    }
    let facts = timed("hashing the file", || read_through(path))?;
    // The same bytes again is a no-op, unless --replace asks for the file to be read again (with
    // another --unit or --numbers, say): then it replaces what its earlier load stored.
    if let (false, Some(id)) = (
        options.replace,
        conn.query_row("SELECT max(load_id) FROM loads WHERE content_sha256 = ?", [&facts.sha256], |r| r.get::<_, Option<i64>>(0))
            .context(|| "reading the loads".into())?,
    ) {
        return Ok(Summary { file, already_loaded_as: Some(id), ..Default::default() });
    }
    // Row order is carried by the line numbers; not keeping it lets DuckDB spill big loads.
    conn.execute_batch("SET preserve_insertion_order = false").context(|| "configuring the load".into())?;
    let work = crate::staging::work_dir(options.temp_dir.as_deref())?;
    // A clean long detail table is read by DuckDB straight into the table; whatever it cannot
    // vouch for goes the staged way below, which names the place of every problem.
    if direct::eligible(format, options, &facts) {
        if let Some(summary) = timed("direct read", || direct::load(conn, path, format, options, &facts.sha256, work.path()))? {
            return Ok(summary);
        }
    }
    staged(conn, path, format, options, &facts.sha256, work.path())
}

/// What the header says and what the options make of it: the same for both ways of reading.
struct Reading {
    layout: layout::Layout,
    unit: Unit,
    notes: Vec<String>,
    warnings: Vec<String>,
    target: &'static Target,
    /// The SQL that gives a row's basis; `None` when neither `--basis` nor a column says it.
    basis: Option<String>,
}

fn read_header(conn: &Connection, file: &str, columns: usize, options: &LoadOptions) -> Result<Reading> {
    let head = timed("reading the header", || first_rows(conn, columns, 40))?;
    let layout = layout::detect(&head, options.layout).map_err(|m| Error::msg(format!("{file}: {m}")))?;
    let mut warnings = Vec::new();
    let mut notes = Vec::new();
    let unit = match (options.unit, &layout.unit_hint) {
        (Some(unit), Some((hint, words))) if unit != *hint => {
            warnings.push(format!("the file says \"{words}\" ({}), but --unit {} was given and is used", hint.name(), unit.name()));
            unit
        }
        (Some(unit), _) => unit,
        (None, Some((hint, words))) => {
            notes.push(format!("unit {} detected from \"{words}\"", hint.name()));
            *hint
        }
        (None, None) => Unit::Usd,
    };
    for (column, header) in &layout.ignored {
        notes.push(format!("column {column} \"{header}\" is not data and was ignored"));
    }
    let target = if layout.is_detail() { &DETAIL } else { &TOTALS };
    if options.complete && !layout.is_detail() {
        return Err(Error::msg(format!("{file}: --complete is for detail tables (with country or product columns)")));
    }
    let basis = match (&options.basis, &layout.shape) {
        (Some(b), _) => Some(crate::db::sql_literal(b)),
        (None, layout::Shape::Long(layout::Long { basis: Some(_), .. })) => Some(BASIS_OF_TEXT.to_string()),
        (None, _) => None,
    };
    Ok(Reading { layout, unit, notes, warnings, target, basis })
}

/// A basis column's words as a basis.
const BASIS_OF_TEXT: &str = "CASE WHEN name_key(basis_text) IN ('activity', 'faaliyet', 'faaliyetili') THEN 'activity' WHEN name_key(basis_text) IN ('registered', 'kayitli', 'kayitliil') THEN 'registered' END";

fn basis_missing(file: &str) -> Error {
    Error::msg(format!(
        "{file}: say which basis the figures are on: --basis activity (the Ministry's province of activity) or --basis registered (TİM's registered province); mixing them gives wrong sums"
    ))
}

/// The staged way: every cell as text with its line, typed and checked in SQL, every problem
/// named by its place.
fn staged(conn: &Connection, path: &Path, format: InputFormat, options: &LoadOptions, bytes_hash: &str, work: &Path) -> Result<Summary> {
    let file = path.display().to_string();
    let staged = timed("staging", || source::stage(conn, path, format, options.encoding, options.sheet.as_deref(), work))?;
    let place = |line: i64| match &staged.sheet {
        Some(sheet) => format!("{file} [{sheet}] row {line}"),
        None if format == InputFormat::Parquet || format == InputFormat::Json => format!("{file} row {line}"),
        None => format!("{file}:{line}"),
    };
    let Reading { layout, unit, notes, mut warnings, target, basis } = read_header(conn, &file, staged.columns, options)?;
    if let Some(header) = staged.cells_on(layout.header_line) {
        let beyond = timed("cells beyond the header", || cells_beyond_header(conn, layout.header_line, header, staged.columns, &place, options.max_errors + 1))?;
        if !beyond.is_empty() {
            return Err(rejected(&file, beyond, options.max_errors));
        }
    }
    build_cells(conn, &layout)?;
    let styles = timed("number style", || number_styles(conn, unit, options.numbers, &place))?;
    let basis_expr = basis.ok_or_else(|| basis_missing(&file))?;
    timed("parsing", || parse_cells(conn, &styles, unit, &basis_expr, layout.is_detail()))?;

    let mut problems = timed("checking", || check(conn, &place, options.max_errors + 1, unit, target, staged.rows))?;
    let (rows, basis, provinces, periods) = timed("summarising", || summarise(conn))?;
    if problems.is_empty() && rows == 0 {
        problems.push(format!("{file}: no data rows below the header (line {})", layout.header_line));
    }
    if !problems.is_empty() {
        return Err(rejected(&file, problems, options.max_errors));
    }
    warnings.extend(timed("cross-checking", || cross_check(conn, unit, staged.place))?);

    let (unchanged, replaced_bundled, replaced_loaded) = timed("comparing with the database", || overlaps(conn, target))?;
    if replaced_loaded > 0 && !options.replace {
        let conflicts = conflicts(conn, &place, options.max_errors, target)?;
        return Err(Error::msg(format!(
            "{file}: not loaded, nothing changed: {replaced_loaded} {} already hold different loaded values (add --replace to replace them):\n{}",
            target.what,
            conflicts.join("\n")
        )));
    }
    let mut summary = Summary {
        file: file.clone(),
        rows,
        unchanged,
        replaced_bundled,
        replaced_loaded,
        added: rows - unchanged - replaced_bundled - replaced_loaded,
        basis: basis.unwrap_or_default(),
        provinces,
        periods,
        unit: unit.name().to_string(),
        layout: layout_name(&layout),
        notes,
        warnings,
        dry_run: options.dry_run,
        ..Default::default()
    };
    if unchanged == rows {
        summary.notes.push("every row is already in the database with the same value".into());
    }
    if replaced_bundled > 0 && target.table == TOTALS.table {
        (summary.differing_from_published, summary.largest_differences) =
            timed("comparing with the published figures", || differences::from_published(conn, 5))?;
    }
    if options.dry_run || unchanged == rows {
        return Ok(summary);
    }
    summary.load_id = Some(timed("storing", || apply(conn, &file, bytes_hash, format, unit, &summary, target, options.complete))?);
    Ok(summary)
}

fn layout_name(layout: &layout::Layout) -> String {
    match layout.shape {
        _ if layout.is_detail() => "long detail".into(),
        layout::Shape::Long(_) => "long".into(),
        layout::Shape::Wide { .. } => "wide".into(),
    }
}

/// Cells to the right of a text table's header, which no column heading names: a line that has
/// them is not laid out as the header says. Most often a number written with a decimal comma in
/// a comma-separated file (`1.234,5` is two cells, and the first would be read as 1.234): the
/// load is refused at each such line rather than dropping what stands there.
fn cells_beyond_header(conn: &Connection, header_line: i64, header: usize, columns: usize, place: &dyn Fn(i64) -> String, limit: usize) -> Result<Vec<String>> {
    if header >= columns {
        return Ok(Vec::new());
    }
    let extra = (header + 1..=columns).map(|c| format!("c{c}")).collect::<Vec<_>>().join(", ");
    let sql = format!(
        "SELECT line, min(substr(col, 2)::INTEGER), arg_min(value, substr(col, 2)::INTEGER)
         FROM (FROM (SELECT line, {extra} FROM _raw WHERE line > {header_line}) UNPIVOT (value FOR col IN ({extra})))
         WHERE trim(value) <> ''
         GROUP BY line ORDER BY line LIMIT {limit}"
    );
    let mut stmt = conn.prepare(&sql).context(|| "checking the lines' cells".into())?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, r.get::<_, String>(2)?)))
        .context(|| "checking the lines' cells".into())?;
    rows.map(|row| {
        let (line, column, value) = row.context(|| "checking the lines' cells".into())?;
        Ok(format!(
            "{}: column {column}: `{}`: a cell beyond the header's {header} columns: the line is not laid out as the header says (a number with a decimal comma in a comma-separated file must be quoted, as \"1.234,5\")",
            place(line),
            shown(&value)
        ))
    })
    .collect()
}

/// What the rows hold, in one scan of them: their number, bases, provinces and periods (as
/// 202510 for October 2025, written 2025-10).
fn summarise(conn: &Connection) -> Result<(u64, Option<String>, u64, Vec<String>)> {
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
fn overlaps(conn: &Connection, target: &Target) -> Result<(u64, u64, u64)> {
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

/// A table is a regular file: /dev/zero would be read forever and a FIFO would block.
fn ensure_regular_file(path: &Path) -> Result<()> {
    let metadata = std::fs::metadata(path).context(|| format!("opening {}", path.display()))?;
    if !metadata.is_file() {
        return Err(Error::msg(format!("{}: not a regular file; load reads tables saved as files", path.display())));
    }
    Ok(())
}

/// What one pass over the file's bytes tells: its hash, and for the direct read whether it holds
/// bytes that the staged way refuses or rewrites (a NUL, a carriage return that ends no CRLF).
pub(crate) struct FileFacts {
    pub sha256: String,
    pub bytes: u64,
    pub nul: bool,
    pub lone_cr: bool,
}

fn read_through(path: &Path) -> Result<FileFacts> {
    let mut file = std::fs::File::open(path).context(|| format!("opening {}", path.display()))?;
    let mut hash = Sha256::new();
    let mut buffer = vec![0u8; 1 << 20];
    let (mut nul, mut lone_cr, mut after_cr, mut total) = (false, false, false, 0u64);
    loop {
        let n = std::io::Read::read(&mut file, &mut buffer).context(|| format!("reading {}", path.display()))?;
        if n == 0 {
            break;
        }
        let bytes = &buffer[..n];
        total += n as u64;
        hash.update(bytes);
        nul |= memchr::memchr(0, bytes).is_some();
        if !lone_cr {
            if after_cr && bytes[0] != b'\n' {
                lone_cr = true;
            }
            for at in memchr::memchr_iter(b'\r', bytes) {
                if bytes.get(at + 1).is_some_and(|&b| b != b'\n') {
                    lone_cr = true;
                    break;
                }
            }
            after_cr = bytes[n - 1] == b'\r';
        }
    }
    // A CR as the file's last byte ends a line as a CRLF would.
    Ok(FileFacts { sha256: hash.finalize().iter().map(|b| format!("{b:02x}")).collect(), bytes: total, nul, lone_cr })
}

fn first_rows(conn: &Connection, columns: usize, n: usize) -> Result<Vec<(i64, Vec<Option<String>>)>> {
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
fn build_cells(conn: &Connection, layout: &layout::Layout) -> Result<()> {
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

/// How a column writes its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberStyle {
    /// 4.859.123,45
    Turkish,
    /// 4,859,123.45
    English,
    /// Neither shows itself: every separator stands before exactly three digits (1.234 or 1,234),
    /// which in a table of US dollars groups thousands in either style (money has two decimals).
    Grouped,
}

impl NumberStyle {
    /// The SQL that turns a cell's cleaned text (`@`) into a plain decimal, or NULL (then refused
    /// with its place) unless the text is a number of the style entire: groups of three digits,
    /// one decimal separator, nothing after it. `12,34,56`, `1,5,` or `1.2.3` are no number in any
    /// style, and were once read as 123456, 15 and 123.
    fn normalise(self) -> &'static str {
        match self {
            NumberStyle::Turkish => r"CASE WHEN regexp_full_match(@, '-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?') THEN replace(replace(@, '.', ''), ',', '.') END",
            NumberStyle::English => r"CASE WHEN regexp_full_match(@, '-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?') THEN replace(@, ',', '') END",
            NumberStyle::Grouped => r"CASE WHEN regexp_full_match(@, '-?([0-9]{1,3}(\.[0-9]{3})+|[0-9]{1,3}(,[0-9]{3})+)') THEN regexp_replace(@, '[.,]', '', 'g')
                                           WHEN regexp_full_match(@, '-?[0-9]+([.,][0-9]+)?') THEN replace(@, ',', '.') END",
        }
    }
}

/// The number style of each value column (each month of a wide table, the value column of a
/// long one), decided from all of its cells: a cell that can be read only one way (1.234,5;
/// 1,234.5; 1.234.567; 12,5; 1234.567) shows its column's style; a cell with one separator before
/// three digits (340,732) can be read both ways and shows nothing. A column with cells of both
/// styles is refused. A column whose cells show nothing takes the style the file's other columns
/// show; failing that, its separators group thousands if the values are US dollars, and it is
/// refused if they are thousands or millions (340,732 thousand dollars or 340.732?), with the
/// cells that make it so: never guessed. `forced` (`--numbers`) decides for every column.
/// The style of each value column, and of the quantity column of a detail table.
struct NumberStyles {
    values: Vec<(String, NumberStyle)>,
    quantity: NumberStyle,
}

/// The name the quantity column's evidence goes by (no header of a file starts with a NUL).
const QUANTITY: &str = "\u{0}quantity";

fn number_styles(conn: &Connection, unit: Unit, forced: Option<NumberStyle>, place: &dyn Fn(i64) -> String) -> Result<NumberStyles> {
    type Evidence = (String, i64, i64, i64, Option<String>, Option<i64>, Option<String>, Option<i64>, Option<String>, Option<i64>);
    // A plain decimal such as 1234.50 is English at a glance (one cheap pattern): most cells of a
    // big table are, and only the others are cleaned and matched against both styles (DuckDB
    // evaluates a CASE branch only for the rows that take it).
    let sql = r"WITH v AS (
                    SELECT column_header, line, value_text,
                           regexp_full_match(value_text, '-?[0-9]+\.([0-9]{1,2}|[0-9]{4,})') AS plain_en
                    FROM _cells
                    WHERE column_header IS NOT NULL AND (contains(value_text, '.') OR contains(value_text, ','))
                    UNION ALL
                    SELECT chr(0) || 'quantity', line, quantity_text, regexp_full_match(quantity_text, '-?[0-9]+\.([0-9]{1,2}|[0-9]{4,})')
                    FROM _cells
                    WHERE contains(quantity_text, '.') OR contains(quantity_text, ',')
                ),
                cleaned AS (
                    SELECT column_header, line, plain_en,
                           CASE WHEN plain_en THEN value_text ELSE regexp_replace(trim(value_text), '[^0-9.,\-]', '', 'g') END AS t
                    FROM v
                ),
                read AS (
                    SELECT column_header, line, t,
                           CASE WHEN plain_en THEN false ELSE regexp_full_match(t, '-?([0-9]{1,3}(\.[0-9]{3})*|[0-9]+)(,[0-9]+)?') END AS as_tr,
                           CASE WHEN plain_en THEN true ELSE regexp_full_match(t, '-?([0-9]{1,3}(,[0-9]{3})*|[0-9]+)(\.[0-9]+)?') END AS as_en
                    FROM cleaned
                )
                SELECT column_header,
                       count(*) FILTER (WHERE as_tr AND NOT as_en), count(*) FILTER (WHERE as_en AND NOT as_tr), count(*) FILTER (WHERE as_tr AND as_en),
                       arg_min(t, line) FILTER (WHERE as_tr AND NOT as_en), min(line) FILTER (WHERE as_tr AND NOT as_en),
                       arg_min(t, line) FILTER (WHERE as_en AND NOT as_tr), min(line) FILTER (WHERE as_en AND NOT as_tr),
                       arg_min(t, line) FILTER (WHERE as_tr AND as_en), min(line) FILTER (WHERE as_tr AND as_en)
                FROM read GROUP BY column_header ORDER BY min(line), column_header";
    let mut stmt = conn.prepare(sql).context(|| "reading the number format".into())?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?)))
        .context(|| "reading the number format".into())?;
    let (quantity, columns): (Vec<Evidence>, Vec<Evidence>) =
        rows.collect::<std::result::Result<Vec<Evidence>, _>>().context(|| "reading the number format".into())?.into_iter().partition(|c| c.0 == QUANTITY);
    if let Some(style) = forced {
        return Ok(NumberStyles { values: columns.into_iter().map(|c| (c.0, style)).collect(), quantity: style });
    }
    let mut shown = Vec::new();
    for (column, tr, en, _, tr_text, tr_line, en_text, en_line, _, _) in columns.iter().chain(&quantity) {
        let column = if column == QUANTITY { "quantity" } else { column.as_str() };
        match (tr > &0, en > &0) {
            (true, true) => {
                return Err(Error::msg(format!(
                    "{}: column \"{column}\": `{}` is a Turkish number, but {} has the English `{}`: make the column one or the other",
                    place(tr_line.unwrap_or(0)),
                    tr_text.clone().unwrap_or_default(),
                    place(en_line.unwrap_or(0)),
                    en_text.clone().unwrap_or_default()
                )))
            }
            (true, false) => shown.push((column.to_string(), NumberStyle::Turkish)),
            (false, true) => shown.push((column.to_string(), NumberStyle::English)),
            (false, false) => {}
        }
    }
    // A quantity may have three decimals (kilograms to the gram), so `1,234` in it is never read
    // as a thousand by default: the column shows its style, or the file's other columns do. (Its
    // own evidence counts toward the file's style above.)
    let quantity_style = quantity.first().map(|(_, tr, en, both, _, _, _, _, text, line)| (*tr > 0, *en > 0, *both, text.clone(), *line));
    let file_style = match (shown.iter().any(|(_, s)| *s == NumberStyle::Turkish), shown.iter().any(|(_, s)| *s == NumberStyle::English)) {
        (true, false) => Some(NumberStyle::Turkish),
        (false, true) => Some(NumberStyle::English),
        _ => None,
    };
    let mut styles = Vec::new();
    for (column, _, _, both, _, _, _, _, both_text, both_line) in &columns {
        let style = match (shown.iter().find(|(c, _)| c == column), file_style) {
            (Some((_, style)), _) => *style,
            (None, Some(style)) => style,
            (None, None) if unit == Unit::Usd || *both == 0 => NumberStyle::Grouped,
            (None, None) => {
                let text = both_text.clone().unwrap_or_default();
                let unit = if unit == Unit::MillionUsd { "million dollars" } else { "thousand dollars" };
                return Err(Error::msg(format!(
                    "{}: column \"{column}\": `{text}` is {} {unit} in Turkish and {} {unit} in English, and no cell of the file shows which it is: give --numbers tr or --numbers en",
                    place(both_line.unwrap_or(0)),
                    text.replace('.', "").replace(',', "."),
                    text.replace(',', ""),
                )));
            }
        };
        styles.push((column.clone(), style));
    }
    let quantity = match quantity_style {
        None => NumberStyle::Grouped,
        Some((true, _, _, _, _)) => NumberStyle::Turkish,
        Some((_, true, _, _, _)) => NumberStyle::English,
        Some((false, false, _, text, line)) => match file_style {
            Some(style) => style,
            None => {
                let text = text.unwrap_or_default();
                return Err(Error::msg(format!(
                    "{}: column \"quantity\": `{text}` is {} in Turkish and {} in English, and no cell of the file shows which it is: give --numbers tr or --numbers en",
                    place(line.unwrap_or(0)),
                    text.replace('.', "").replace(',', "."),
                    text.replace(',', ""),
                )));
            }
        },
    };
    Ok(NumberStyles { values: styles, quantity })
}

/// The SQL that reads a cell's number in its column's style.
fn normalise_expression(styles: &[(String, NumberStyle)]) -> String {
    let cleaned = r"regexp_replace(trim(value_text), '[^0-9.,\-]', '', 'g')";
    let first = styles.first().map(|(_, s)| *s).unwrap_or(NumberStyle::Grouped);
    if styles.iter().all(|(_, s)| *s == first) {
        return first.normalise().replace('@', cleaned);
    }
    let arms: String = styles
        .iter()
        .map(|(column, style)| format!(" WHEN {} THEN {}", crate::db::sql_literal(column), style.normalise().replace('@', cleaned)))
        .collect();
    format!("CASE column_header{arms} END")
}

/// Each distinct spelling of a province in `texts` (a query of `province_text`), with its code,
/// and whether it names the total row. Both ways of reading a file resolve names with these.
fn resolve_provinces(texts: &str) -> String {
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
fn resolve_countries(texts: &str) -> String {
    format!(
        r"SELECT t.country_text, CASE WHEN trim(t.country_text) = '' THEN 'ALL' ELSE ca.country_code END AS country_code
          FROM ({texts}) t
          LEFT JOIN country_aliases ca ON ca.alias_key = name_key(t.country_text) AND NOT regexp_matches(trim(t.country_text), '^[0-9]+$')"
    )
}

/// Each distinct spelling of a product (`product_text`): an HS code or a chapter's name.
fn resolve_products(texts: &str) -> String {
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
fn resolve_months(texts: &str) -> String {
    let months = crate::turkish::month_spellings().iter().map(|(name, number)| format!("('{name}',{number})")).collect::<Vec<_>>().join(",");
    format!(
        r"WITH names(name, number) AS (VALUES {months})
          SELECT t.month_text, coalesce(CASE WHEN regexp_full_match(trim(t.month_text), '[0-9]{{1,2}}') THEN TRY_CAST(trim(t.month_text) AS INTEGER) END, n.number) AS month
          FROM ({texts}) t
          LEFT JOIN names n ON n.name = name_key(t.month_text)"
    )
}

/// No spellings at all (of a column the table does not have).
const NONE: &str = "SELECT NULL::VARCHAR AS country_text, NULL::VARCHAR AS product_text WHERE false";

/// A year or month written in digits, as a number: a cast alone would round 2021.7 to 2022 and
/// 6.5 to 7, or read 1e1 as 10. (DuckDB's integer cast skips the spaces around a number itself.)
fn whole_number(text: &str) -> String {
    format!("CASE WHEN regexp_full_match(trim({text}), '[0-9]+') THEN TRY_CAST({text} AS INTEGER) END")
}

/// A period cell's year and month: the period is the whole cell (2025-10, 2025/10, 2025.10), so
/// 2021-1012 is no October.
fn period_year(text: &str) -> String {
    format!(r"regexp_extract({text}, '^\s*([0-9]{{4}})[-/.][0-9]{{1,2}}\s*$', 1)")
}

fn period_month(text: &str) -> String {
    format!(r"nullif(regexp_extract({text}, '^\s*[0-9]{{4}}[-/.]([0-9]{{1,2}})\s*$', 1), '')")
}

/// A value as stored: dollars to the cent.
fn stored_value(dollars: &str) -> String {
    format!("round({dollars}, 2)::DECIMAL(18, 2)")
}

/// `_typed`: every cell typed, beside its text; `_parsed`: the same without the texts; `_load`:
/// the rows to store.
fn parse_cells(conn: &Connection, styles: &NumberStyles, unit: Unit, basis_expr: &str, detail: bool) -> Result<()> {
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
                     CASE WHEN regexp_full_match(value_text, '-?[0-9]+{plain_fraction}') THEN TRY_CAST(value_text AS DECIMAL(38, 6)) END AS plain,
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
                     coalesce(plain, TRY_CAST({normalise} AS DECIMAL(38, 6))) AS number
              FROM cells
          )
          SELECT c.line, c.column_header, c.province_text, c.value_text, c.cumulative, c.first_month, c.missing, c.numeric_text,
                 c.province_text IS NULL OR trim(c.province_text) = '' AS province_blank,
                 c.quantity_text IS NOT NULL AND trim(c.quantity_text) <> '' AS quantity_given,
                 CASE WHEN c.numeric_text THEN c.number * {factor} END AS value_usd,
                 {year} AS year,
                 coalesce({month}, sm.month) AS month,
                 coalesce(nullif(c.year_part, ''), c.period_text) AS year_part, coalesce(c.period_month, c.period_text) AS month_part,
                 {basis_expr} AS basis, c.basis_text,
                 coalesce(sp.total_row, false) AS total_row,
                 sp.province_code,
                 c.country_text, c.product_text,
                 CASE WHEN c.country_text IS NULL THEN 'ALL' ELSE sc.country_code END AS country_code,
                 CASE WHEN c.product_text IS NULL THEN 'ALL' ELSE sk.product_code END AS product_code,
                 TRY_CAST({quantity} AS DECIMAL(18, 3)) AS quantity, nullif(trim(c.unit_text), '') AS quantity_unit,
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

/// Every problem, as "file:line: column "X": value `v`: what is wrong", in line order.
fn check(conn: &Connection, place: &dyn Fn(i64) -> String, limit: usize, unit: Unit, target: &Target, staged_rows: u64) -> Result<Vec<String>> {
    let key = target.key.split(", ").map(|c| format!("l.{c}")).collect::<Vec<_>>().join(", ");
    let plain_key = target.key;
    let cell = if target.table == "detail" { " {}/{}" } else { "" };
    let cell_args = if target.table == "detail" { ", l.country_code, l.product_code" } else { "" };
    let tolerance = unit.factor();
    // Each check: which cells it finds, and what it says about them. The rows any check could
    // find are set aside first in one scan (none, in a clean file); each check then reads only
    // those, one query at a time (a union of them all ran out of memory on tens of millions of rows).
    let row_checks: [(&str, &str, &str, &str); 13] = [
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
    found.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    found.truncate(limit);
    Ok(found.into_iter().map(|(line, column, value, message)| format!("{}: column \"{column}\": `{}`: {message}", place(line), shown(&value))).collect())
}

/// A cell as an error message shows it: a long one is cut (a 1 MB cell was echoed whole).
fn shown(value: &str) -> String {
    const MAX: usize = 60;
    match value.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}… ({} characters)", &value[..cut], value.chars().count()),
        None => value.to_string(),
    }
}

/// A cumulative column (Ocak-Ekim) against the sum of the same months in the file, row by row:
/// each province's and the total row's. `place` names a row as the file does ("line" or "row").
fn cross_check(conn: &Connection, unit: Unit, place: &str) -> Result<Vec<String>> {
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

fn conflicts(conn: &Connection, place: &dyn Fn(i64) -> String, max: usize, target: &Target) -> Result<Vec<String>> {
    let cell = if target.table == "detail" { "p.name || ' ' || l.country_code || '/' || l.product_code" } else { "p.name" };
    let mut stmt = conn
        .prepare(&format!(
            "SELECT l.line, {cell}, l.year, l.month, l.value_usd::VARCHAR, e.value_usd::VARCHAR, e.load_id
             FROM _load l JOIN {table} e USING ({key}) JOIN provinces p ON p.code = l.province_code
             WHERE e.load_id IS NOT NULL AND e.value_usd <> l.value_usd ORDER BY l.line LIMIT {max}",
            table = target.table,
            key = target.key
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

/// The load's own row in `loads`, with the numbers its summary gives.
#[allow(clippy::too_many_arguments)]
fn record_load(conn: &Connection, file: &str, hash: &str, format: InputFormat, unit: Unit, summary: &Summary, target: &Target, complete: bool) -> Result<i64> {
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
fn apply(conn: &Connection, file: &str, hash: &str, format: InputFormat, unit: Unit, summary: &Summary, target: &Target, complete: bool) -> Result<i64> {
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
        Ok((removed, restored))
    })
}
