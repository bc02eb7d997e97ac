//! `ihracat load`: a file of province exports into `exports`, all or nothing.
//!
//! The file is staged as text cells (source.rs), its header read (layout.rs), and everything
//! else happens in DuckDB, set-based: cells become rows of (province, year, month, value),
//! numbers in Turkish or English format are parsed, provinces resolved with one join on
//! `province_aliases`, and every check runs as one query that names the line, column and value
//! of each problem. Only when nothing is wrong does one transaction write the rows.

mod cells;
mod checks;
pub mod differences;
mod direct;
pub mod layout;
mod numbers;
mod sheet;
pub mod source;
mod store;

use std::path::Path;

use duckdb::Connection;
use sha2::{Digest, Sha256};

use crate::error::{Context, Error, Result};
use crate::language::{counted, group_digits, Language};
use crate::trace::timed;
pub use layout::{LayoutChoice, Unit};
pub use numbers::NumberStyle;
pub use source::{Encoding, InputFormat};
pub use store::unload;
use cells::{build_cells, first_rows, parse_cells, period_month, period_year, resolve_countries, resolve_months, resolve_products, resolve_provinces, stored_value, whole_number};
use checks::{check, conflicts, cross_check, shown};
use numbers::{normalise_expression, number_styles};
use store::{apply, overlaps, record_load, summarise};

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
    /// The year of month headings that name none (`--year`).
    pub year: Option<i32>,
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
    /// What the load did, for a person reading `language`: the file, its rows, provinces and
    /// periods, how it was read, and what it added and replaced.
    pub fn describe(&self, language: Language) -> String {
        let tr = language == Language::Tr;
        if let Some(id) = self.already_loaded_as {
            return match tr {
                false => format!("{}: already loaded as load {id}, with the same content; nothing changed (add --replace to read it again with other options)", self.file),
                true => format!("{}: aynı içerikle zaten yüklü (yükleme {id}); hiçbir şey değişmedi (başka seçeneklerle yeniden okumak için --replace ekleyin)", self.file),
            };
        }
        let periods = match (self.periods.as_slice(), tr) {
            ([], false) => "no periods".to_string(),
            ([], true) => "dönem yok".to_string(),
            ([one], _) => one.clone(),
            (many, _) if many.len() <= 6 => many.join(", "),
            (many, false) => format!("{} to {} ({} months)", many[0], many[many.len() - 1], many.len()),
            (many, true) => format!("{} – {} ({} ay)", many[0], many[many.len() - 1], many.len()),
        };
        let n = |count: u64| group_digits(&count.to_string(), language);
        let said = |column: &str, code: &str| crate::codes::cell_text(column, code, language).unwrap_or_else(|| code.to_string());
        let head = match tr {
            false => format!(
                "{} {}{}: {}, {}, {periods}; basis {}, unit {}, {} layout\n  {} added, {}, {}, {} unchanged",
                if self.dry_run { "would load" } else { "loaded" },
                self.file,
                self.load_id.map(|i| format!(" as load {i}")).unwrap_or_default(),
                counted(self.rows, "row", "rows"),
                counted(self.provinces, "province", "provinces"),
                self.basis,
                self.unit,
                self.layout,
                self.added,
                counted(self.replaced_bundled, "replaced bundled row", "replaced bundled rows"),
                counted(self.replaced_loaded, "replaced loaded row", "replaced loaded rows"),
                self.unchanged
            ),
            true => format!(
                "{} {}{}: {} satır, {} il, {periods}; esas {}, birim {}, {} düzen\n  {} eklendi; {} paket satırının ve {} yüklenmiş satırın yerine geçti; {} aynı",
                self.file,
                if self.dry_run { "yüklenebilir (deneme: hiçbir şey değişmedi)" } else { "yüklendi" },
                self.load_id.map(|i| format!(" (yükleme {i})")).unwrap_or_default(),
                n(self.rows),
                self.provinces,
                said("basis", &self.basis),
                said("unit", &self.unit),
                match self.layout.as_str() {
                    "long detail" => "uzun ayrıntı",
                    "long" => "uzun",
                    "wide" => "geniş",
                    other => other,
                },
                n(self.added),
                n(self.replaced_bundled),
                n(self.replaced_loaded),
                n(self.unchanged)
            ),
        };
        head + &differences::describe(self.differing_from_published, &self.largest_differences, self.load_id, language)
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
    // another --unit or --numbers, say): then it replaces what its earlier load stored. Only
    // while that load still holds its values: once a later load replaced some of them, the file
    // is read like any other, and its values that differ from the later load's are refused.
    if let (false, Some(id)) = (
        options.replace,
        conn.query_row(
            "SELECT max(load_id) FROM loads l WHERE content_sha256 = ?
                AND NOT EXISTS (FROM replaced_exports r WHERE r.load_id = l.load_id)
                AND NOT EXISTS (FROM replaced_detail r WHERE r.load_id = l.load_id)",
            [&facts.sha256],
            |r| r.get::<_, Option<i64>>(0),
        )
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
    let layout = layout::detect(&head, options.layout, options.year).map_err(|m| Error::msg(format!("{file}: {m}")))?;
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

    let mut problems = timed("checking", || check(conn, &place, options.max_errors + 1, unit, target, staged.rows, &layout))?;
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
