//! The one output layer: every tabular result (analyses, ad-hoc SQL, reference lists) arrives
//! here as a stream of Arrow record batches (the execution layer's `ResultStream`) and leaves as
//! a table for people or as a file format for programs. Nothing else in ihracat formats rows,
//! and nothing here runs a query.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::{Array, RecordBatch};
use arrow::datatypes::{DataType, SchemaRef};
use arrow::util::display::{ArrayFormatter, FormatOptions};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression as ParquetCompression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use crate::error::{Context, Error, Result};
use crate::execution::ResultStream;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns for people (the default on a terminal)
    Table,
    /// RFC 4180 CSV with a header (the default when stdout is not a terminal)
    Csv,
    Tsv,
    /// One JSON array of objects
    Json,
    /// One JSON object a line
    Ndjson,
    /// A GitHub-flavoured Markdown table
    Markdown,
    /// Apache Parquet (a file, never a terminal)
    Parquet,
    /// Arrow IPC file (a file, never a terminal)
    Arrow,
    /// An Excel workbook (a file, never a terminal)
    Xlsx,
}

impl Format {
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "json" => Format::Json,
            "ndjson" | "jsonl" => Format::Ndjson,
            "md" | "markdown" => Format::Markdown,
            "parquet" | "pq" => Format::Parquet,
            "arrow" | "feather" | "ipc" => Format::Arrow,
            "txt" => Format::Table,
            "xlsx" => Format::Xlsx,
            _ => return None,
        })
    }

    /// The format a name (as `--format` and the shell's `.mode` write it) means.
    pub fn from_name(name: &str) -> Option<Format> {
        Some(match name.to_ascii_lowercase().as_str() {
            "table" => Format::Table,
            "csv" => Format::Csv,
            "tsv" => Format::Tsv,
            "json" => Format::Json,
            "ndjson" => Format::Ndjson,
            "markdown" => Format::Markdown,
            "parquet" => Format::Parquet,
            "arrow" => Format::Arrow,
            "xlsx" => Format::Xlsx,
            _ => return None,
        })
    }

    pub fn is_binary(self) -> bool {
        matches!(self, Format::Parquet | Format::Arrow | Format::Xlsx)
    }
}

/// How numbers look in tables for people; machine formats are never localised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Locale {
    /// 4,859,123.45
    En,
    /// 4.859.123,45
    Tr,
}

impl Locale {
    /// `tr` when the environment's locale is Turkish, else `en`.
    pub fn from_env() -> Locale {
        for var in ["LC_ALL", "LC_NUMERIC", "LANG"] {
            if let Ok(value) = std::env::var(var) {
                if !value.is_empty() {
                    return if value.starts_with("tr") { Locale::Tr } else { Locale::En };
                }
            }
        }
        Locale::En
    }

    fn separators(self) -> (char, char) {
        match self {
            Locale::En => (',', '.'),
            Locale::Tr => ('.', ','),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    Zstd,
    Snappy,
    Uncompressed,
}

#[derive(Clone, Debug)]
pub struct OutputOptions {
    pub format: Option<Format>,
    pub output: Option<PathBuf>,
    pub locale: Locale,
    /// Rows a table shows before it abbreviates; 0 shows all.
    pub max_rows: usize,
    pub compression: Compression,
    /// Replace `output` if it exists (else an existing file is an error: nothing is lost).
    pub overwrite: bool,
    /// What an Excel file's "Kaynak" sheet says about the result (the query and parameters).
    pub about: Option<crate::excel::About>,
    /// Write exact decimals (DECIMAL, the default) as 64-bit floats, for tools that want plain
    /// numbers (pandas reads DECIMAL as Python `Decimal` objects).
    pub decimals_as_float: bool,
}

impl Default for OutputOptions {
    fn default() -> Self {
        OutputOptions { format: None, output: None, locale: Locale::En, max_rows: 40, compression: Compression::Zstd, overwrite: false, about: None, decimals_as_float: false }
    }
}

impl OutputOptions {
    /// The format that will be written: the one asked for, else the output file's extension,
    /// else a table on a terminal and CSV anywhere else (design rule 14).
    pub fn resolved_format(&self) -> Result<Format> {
        if let Some(format) = self.format {
            return Ok(format);
        }
        if let Some(path) = &self.output {
            return Format::from_path(path).ok_or_else(|| {
                Error::msg(format!("cannot tell the format of {} from its extension; add --format", path.display()))
            });
        }
        Ok(if std::io::stdout().is_terminal() { Format::Table } else { Format::Csv })
    }
}

/// Writes a result where the options say, in the format they say; returns the number of rows.
pub fn write(result: ResultStream<'_>, options: &OutputOptions) -> Result<u64> {
    let format = options.resolved_format()?;
    match &options.output {
        None => {
            if format.is_binary() && std::io::stdout().is_terminal() {
                let name = format!("{format:?}").to_lowercase();
                return Err(Error::msg(format!("{name} is a binary format: write it to a file with -o FILE, or pipe it")));
            }
            // Stdout itself (not its lock) because the Parquet writer needs a Send writer.
            let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout());
            let rows = write_to(result, format, options, &mut out)?;
            out.flush().context(|| "writing to stdout".into())?;
            Ok(rows)
        }
        Some(path) => {
            let file = OutputFile::create(path, options.overwrite)?;
            let mut out = BufWriter::with_capacity(1 << 16, file.writer()?);
            let rows = write_to(result, format, options, &mut out)?;
            out.flush().context(|| format!("writing {}", path.display()))?;
            drop(out);
            file.commit()?;
            Ok(rows)
        }
    }
}

/// The shell's `.output FILE`: the results that follow go to FILE, which is replaced, as the
/// `.output` of sqlite3 and DuckDB's shell replaces it (an interactive redirect; files of results
/// named with `-o` or `--to` are written through `OutputFile`, replaced only with `--overwrite`).
pub fn redirect(path: &Path, overwrite: bool) -> Result<std::fs::File> {
    never_a_database(path)?;
    if path.exists() && !overwrite {
        return Err(Error::msg(format!("{} exists; `.output {} --overwrite` replaces it", path.display(), path.display())));
    }
    std::fs::File::create(path).context(|| format!("opening {}", path.display()))
}

/// No writer replaces a DuckDB database or its write-ahead log, whoever asks and with whatever
/// flag (design rule 43): one check every file ihracat writes passes, by the file's content
/// (DuckDB's `DUCK` magic at byte 8), not by the path the caller happens to know.
pub fn never_a_database(target: &Path) -> Result<()> {
    let is_duckdb = |path: &Path| -> bool {
        let mut head = [0u8; 12];
        std::fs::File::open(path).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head)).is_ok() && &head[8..12] == b"DUCK"
    };
    let wal_of = target.to_str().and_then(|t| t.strip_suffix(".wal")).map(Path::new);
    if is_duckdb(target) || wal_of.is_some_and(is_duckdb) {
        return Err(Error::msg(format!(
            "{} is a DuckDB database{}: ihracat never writes a result over one",
            target.display(),
            if is_duckdb(target) { "" } else { "'s write-ahead log" }
        )));
    }
    Ok(())
}

/// A file being written: staged beside its target under a name that says whose it is, and
/// renamed over the target only when complete, so that a failure leaves the old file (or none)
/// and never half a file. Created with the user's umask, as any program's files are. Every
/// command that writes a file of its own (`-o`, `report -o`, `export --to`) writes it here, by
/// the same rule: an existing target is replaced only when the user said `--overwrite`.
pub struct OutputFile {
    target: PathBuf,
    staging: PathBuf,
    committed: bool,
}

impl OutputFile {
    pub fn create(target: &Path, overwrite: bool) -> Result<OutputFile> {
        never_a_database(target)?;
        if target.exists() && !overwrite {
            return Err(Error::msg(format!("{} exists; add --overwrite to replace it", target.display())));
        }
        if target.is_dir() {
            return Err(Error::msg(format!("{} is a folder, not a file", target.display())));
        }
        crate::staging::clear_beside(target);
        let staging = crate::staging::beside(target);
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&staging)
            .context(|| format!("creating {}", staging.display()))?;
        Ok(OutputFile { target: target.to_path_buf(), staging, committed: false })
    }

    /// Where the content goes until `commit` (a path for writers that open it themselves).
    pub fn staging_path(&self) -> &Path {
        &self.staging
    }

    pub fn writer(&self) -> Result<std::fs::File> {
        std::fs::OpenOptions::new().write(true).truncate(true).open(&self.staging).context(|| format!("opening {}", self.staging.display()))
    }

    /// Moves the finished file into place.
    pub fn commit(mut self) -> Result<()> {
        std::fs::rename(&self.staging, &self.target).context(|| format!("writing {}", self.target.display()))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for OutputFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.staging);
        }
    }
}

/// Text escaped for HTML element content and attribute values.
pub fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Writes a finished document (a report, a chart) to `target` through a staged file, or to
/// stdout. A binary document is never written to a terminal.
pub fn write_document(target: Option<&Path>, bytes: &[u8], overwrite: bool, binary: bool) -> Result<()> {
    match target {
        Some(path) => {
            let file = OutputFile::create(path, overwrite)?;
            file.writer()?.write_all(bytes).context(|| format!("writing {}", path.display()))?;
            file.commit()
        }
        None if binary && std::io::stdout().is_terminal() => {
            Err(Error::msg("this is a binary format and stdout is a terminal: write it to a file with -o FILE, or redirect stdout"))
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
                // A reader that stops early (`| head`) is not an error.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.context(|| "writing to stdout".into()),
            }
        }
    }
}

/// Writes a result into a writer the caller holds (the shell's `.output` file, a test buffer).
pub fn write_into(result: ResultStream<'_>, format: Format, options: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<u64> {
    write_to(result, format, options, out)
}

fn write_to(result: ResultStream<'_>, format: Format, options: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<u64> {
    let ResultStream { schema, batches } = result;
    let float_schema = options.decimals_as_float.then(|| decimals_as_float_schema(&schema));
    let schema = float_schema.clone().unwrap_or(schema);
    let mut rows = 0u64;
    let mut next = batches.map(|b| {
        let batch = b.context(|| "running the query".into())?;
        let batch = match &float_schema {
            Some(target) => decimals_as_float(&batch, target)?,
            None => batch,
        };
        rows += batch.num_rows() as u64;
        Ok::<_, Error>(batch)
    });
    match format {
        Format::Csv | Format::Tsv => {
            let delimiter = if format == Format::Csv { b',' } else { b'\t' };
            let mut writer = arrow::csv::WriterBuilder::new().with_header(true).with_delimiter(delimiter).build(out);
            let mut wrote_any = false;
            for batch in &mut next {
                writer.write(&nested_as_json(&batch?)?).context(|| "writing CSV".into())?;
                wrote_any = true;
            }
            if !wrote_any {
                // arrow writes the header with the first batch; an empty result still has columns.
                writer.write(&nested_as_json(&RecordBatch::new_empty(schema.clone()))?).context(|| "writing CSV".into())?;
            }
        }
        Format::Json => {
            let mut writer = arrow::json::WriterBuilder::new().with_explicit_nulls(true).build::<_, arrow::json::writer::JsonArray>(out);
            for batch in &mut next {
                writer.write(&batch?).context(|| "writing JSON".into())?;
            }
            writer.finish().context(|| "writing JSON".into())?;
            writer.into_inner().write_all(b"\n").context(|| "writing JSON".into())?;
        }
        Format::Ndjson => {
            let mut writer = arrow::json::WriterBuilder::new().with_explicit_nulls(true).build::<_, arrow::json::writer::LineDelimited>(out);
            for batch in &mut next {
                writer.write(&batch?).context(|| "writing NDJSON".into())?;
            }
            writer.finish().context(|| "writing NDJSON".into())?;
        }
        Format::Arrow => {
            let mut writer = arrow::ipc::writer::FileWriter::try_new(out, &schema).context(|| "writing Arrow IPC".into())?;
            for batch in &mut next {
                writer.write(&batch?).context(|| "writing Arrow IPC".into())?;
            }
            writer.finish().context(|| "writing Arrow IPC".into())?;
        }
        Format::Parquet => {
            let compression = match options.compression {
                Compression::Zstd => ParquetCompression::ZSTD(ZstdLevel::default()),
                Compression::Snappy => ParquetCompression::SNAPPY,
                Compression::Uncompressed => ParquetCompression::UNCOMPRESSED,
            };
            let props = WriterProperties::builder().set_compression(compression).build();
            let portable = portable_schema(&schema);
            let mut writer = ArrowWriter::try_new(out, portable.clone(), Some(props)).context(|| "writing Parquet".into())?;
            for batch in &mut next {
                let batch = batch?;
                let batch = if portable == schema { batch } else { to_schema(&batch, &portable).context(|| "writing Parquet".into())? };
                writer.write(&batch).context(|| "writing Parquet".into())?;
            }
            writer.close().context(|| "writing Parquet".into())?;
        }
        Format::Xlsx => {
            crate::excel::write(&schema, &mut next, options.about.as_ref(), options.locale, out)?;
        }
        Format::Table | Format::Markdown => {
            let limit = if format == Format::Table { options.max_rows } else { 0 };
            let grid = Grid::collect(&schema, &mut next, options.locale, limit)?;
            let text = if format == Format::Table { grid.table() } else { grid.markdown() };
            out.write_all(text.as_bytes()).context(|| "writing the table".into())?;
        }
    }
    drop(next);
    Ok(rows)
}

enum Target {
    Head,
    Tail,
}

fn is_decimal(t: &DataType) -> bool {
    matches!(t, DataType::Decimal128(..) | DataType::Decimal256(..))
}

/// The schema with every decimal column as Float64 (`--decimals float`).
fn decimals_as_float_schema(schema: &SchemaRef) -> SchemaRef {
    let fields: Vec<arrow::datatypes::Field> = schema
        .fields()
        .iter()
        .map(|f| if is_decimal(f.data_type()) { f.as_ref().clone().with_data_type(DataType::Float64) } else { f.as_ref().clone() })
        .collect();
    Arc::new(arrow::datatypes::Schema::new_with_metadata(fields, schema.metadata().clone()))
}

fn decimals_as_float(batch: &RecordBatch, target: &SchemaRef) -> Result<RecordBatch> {
    let columns = batch
        .columns()
        .iter()
        .map(|c| if is_decimal(c.data_type()) { arrow::compute::cast(c, &DataType::Float64) } else { Ok(c.clone()) })
        .collect::<std::result::Result<Vec<_>, _>>()
        .context(|| "writing decimals as floats".into())?;
    RecordBatch::try_new(target.clone(), columns).context(|| "writing decimals as floats".into())
}

/// CSV has no lists or structs: such a column is written as JSON text, one value a cell, as
/// DuckDB's own CSV writer does, instead of failing after the header.
fn nested_as_json(batch: &RecordBatch) -> Result<RecordBatch> {
    let nested = |t: &DataType| matches!(t, DataType::List(_) | DataType::LargeList(_) | DataType::FixedSizeList(..) | DataType::Struct(_) | DataType::Map(..));
    if !batch.schema().fields().iter().any(|f| nested(f.data_type())) {
        return Ok(batch.clone());
    }
    let mut fields = Vec::new();
    let mut columns: Vec<arrow::array::ArrayRef> = Vec::new();
    for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
        if !nested(field.data_type()) {
            fields.push(field.as_ref().clone());
            columns.push(column.clone());
            continue;
        }
        let one = RecordBatch::try_new(
            Arc::new(arrow::datatypes::Schema::new(vec![arrow::datatypes::Field::new("v", field.data_type().clone(), true)])),
            vec![column.clone()],
        )
        .context(|| format!("writing column `{}` as JSON", field.name()))?;
        let mut buffer = Vec::new();
        {
            let mut writer = arrow::json::WriterBuilder::new().with_explicit_nulls(true).build::<_, arrow::json::writer::LineDelimited>(&mut buffer);
            writer.write(&one).context(|| format!("writing column `{}` as JSON", field.name()))?;
            writer.finish().context(|| format!("writing column `{}` as JSON", field.name()))?;
        }
        let text = String::from_utf8_lossy(&buffer);
        let values: Vec<Option<String>> = text
            .lines()
            .map(|line| {
                let row: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
                match &row["v"] {
                    serde_json::Value::Null => None,
                    value => Some(value.to_string()),
                }
            })
            .collect();
        fields.push(arrow::datatypes::Field::new(field.name(), DataType::Utf8, true));
        columns.push(Arc::new(arrow::array::StringArray::from(values)));
    }
    RecordBatch::try_new(Arc::new(arrow::datatypes::Schema::new(fields)), columns).context(|| "writing nested columns as JSON".into())
}

/// Rows formatted for people, kept whole or as a head and a tail when there are too many.
struct Grid {
    headers: Vec<String>,
    numeric: Vec<bool>,
    head: Vec<Vec<String>>,
    tail: std::collections::VecDeque<Vec<String>>,
    total: u64,
}

const NULL_TEXT: &str = "NULL";

impl Grid {
    fn collect(
        schema: &SchemaRef,
        batches: &mut dyn Iterator<Item = Result<RecordBatch>>,
        locale: Locale,
        limit: usize,
    ) -> Result<Grid> {
        let headers = schema.fields().iter().map(|f| f.name().clone()).collect();
        let numeric = schema.fields().iter().map(|f| is_numeric(f.data_type())).collect::<Vec<_>>();
        let mut grid = Grid { headers, numeric, head: Vec::new(), tail: Default::default(), total: 0 };
        let format = FormatOptions::new().with_null(NULL_TEXT).with_display_error(true);
        let half = limit / 2;
        let head_rows = if limit == 0 { usize::MAX } else { limit - half };
        // The tail is kept as batches and only the rows finally shown are formatted: a table of
        // three million rows shows 40 of them, and formatting the rest cost seconds.
        let mut tail: std::collections::VecDeque<RecordBatch> = Default::default();
        let mut tail_rows = 0usize;
        for batch in batches {
            let batch = batch?;
            grid.total += batch.num_rows() as u64;
            let into_head = (head_rows - grid.head.len().min(head_rows)).min(batch.num_rows());
            if into_head > 0 {
                grid.push_rows(&batch, 0..into_head, &format, locale, Target::Head)?;
            }
            let rest = batch.num_rows() - into_head;
            if rest == 0 || half == 0 {
                continue;
            }
            tail.push_back(batch.slice(into_head, rest));
            tail_rows += rest;
            while tail.front().is_some_and(|front| tail_rows - front.num_rows() >= half) {
                tail_rows -= tail.pop_front().map_or(0, |b| b.num_rows());
            }
        }
        let mut skip = tail_rows.saturating_sub(half);
        for batch in &tail {
            let from = skip.min(batch.num_rows());
            skip -= from;
            grid.push_rows(batch, from..batch.num_rows(), &format, locale, Target::Tail)?;
        }
        Ok(grid)
    }

    fn push_rows(&mut self, batch: &RecordBatch, rows: std::ops::Range<usize>, format: &FormatOptions, locale: Locale, target: Target) -> Result<()> {
        for cells in format_rows(batch, rows, format, &self.numeric, locale)? {
            match target {
                Target::Head => self.head.push(cells),
                Target::Tail => self.tail.push_back(cells),
            }
        }
        Ok(())
    }

    fn shown(&self) -> usize {
        self.head.len() + self.tail.len()
    }

    fn footer(&self) -> String {
        let rows = if self.total == 1 { "1 row".to_string() } else { format!("{} rows", group_digits(&self.total.to_string(), Locale::En)) };
        if (self.shown() as u64) < self.total {
            format!("({rows}, {} shown; --max-rows 0 shows all, --format csv gives them to a program)\n", self.shown())
        } else {
            format!("({rows})\n")
        }
    }

    /// An aligned table that fits the terminal: long text is cut with "…" rather than wrapped,
    /// numbers are never cut, and columns that still do not fit are left out and named.
    fn table(&self) -> String {
        use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
        let terminal = std::env::var("COLUMNS").ok().and_then(|c| c.parse::<usize>().ok()).or_else(|| Table::new().width().map(usize::from)).unwrap_or(120);
        let rows: Vec<&Vec<String>> = self.head.iter().chain(self.tail.iter()).collect();
        let mut widths: Vec<usize> = self
            .headers
            .iter()
            .enumerate()
            .map(|(i, h)| rows.iter().map(|r| display_width(&r[i])).chain([display_width(h)]).max().unwrap_or(1))
            .collect();
        let total = |widths: &[usize], shown: usize| widths[..shown].iter().sum::<usize>() + 3 * shown + 1;
        let mut shown = widths.len();
        while total(&widths, shown) > terminal {
            let widest_text = (0..shown).filter(|&i| !self.numeric[i] && widths[i] > MIN_TEXT_WIDTH).max_by_key(|&i| widths[i]);
            match widest_text {
                Some(i) => widths[i] = widths[i].saturating_sub(total(&widths, shown) - terminal).max(MIN_TEXT_WIDTH),
                None if shown > 1 => shown -= 1,
                None => break,
            }
        }
        let cut = |i: usize, text: &str| truncate(text, widths[i]);
        let mut table = Table::new();
        table.load_style(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Disabled);
        table.set_header((0..shown).map(|i| cut(i, &self.headers[i])).collect::<Vec<_>>());
        let ellipsis = (self.shown() as u64) < self.total;
        for row in &self.head {
            table.add_row((0..shown).map(|i| cut(i, &row[i])).collect::<Vec<_>>());
        }
        if ellipsis {
            table.add_row((0..shown).map(|_| "…").collect::<Vec<_>>());
        }
        for row in &self.tail {
            table.add_row((0..shown).map(|i| cut(i, &row[i])).collect::<Vec<_>>());
        }
        for i in 0..shown {
            if self.numeric[i] {
                if let Some(column) = table.column_mut(i) {
                    column.set_cell_alignment(CellAlignment::Right);
                }
            }
        }
        let mut footer = self.footer();
        if shown < self.headers.len() {
            let hidden = &self.headers[shown..];
            footer.push_str(&format!(
                "({} more columns do not fit: {}; --format csv or a wider terminal shows them)\n",
                hidden.len(),
                hidden.join(", ")
            ));
        }
        format!("{table}\n{footer}")
    }

    fn markdown(&self) -> String {
        let escape = |s: &str| s.replace('|', "\\|").replace('\n', " ");
        let mut text = format!("| {} |\n", self.headers.iter().map(|h| escape(h)).collect::<Vec<_>>().join(" | "));
        let rule = self.numeric.iter().map(|n| if *n { "---:" } else { "---" }).collect::<Vec<_>>();
        text.push_str(&format!("| {} |\n", rule.join(" | ")));
        for row in self.head.iter().chain(self.tail.iter()) {
            text.push_str(&format!("| {} |\n", row.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | ")));
        }
        text
    }
}

/// Text columns are cut no narrower than this before whole columns are left out.
const MIN_TEXT_WIDTH: usize = 16;

/// A result's first `limit` rows as the cells a table shows them (digits grouped for `locale`,
/// NULL as `null_text`), with the column names, which columns are numeric and the total number
/// of rows: the terminal table and the web server's tables format cells by this one rule.
pub struct Cells {
    pub headers: Vec<String>,
    pub types: Vec<DataType>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<String>>,
    pub total: u64,
}

pub fn cells(schema: &SchemaRef, batches: &[RecordBatch], locale: Locale, limit: usize, null_text: &str) -> Result<Cells> {
    let numeric: Vec<bool> = schema.fields().iter().map(|f| is_numeric(f.data_type())).collect();
    let format = FormatOptions::new().with_null(null_text).with_display_error(true);
    let mut rows = Vec::new();
    let mut total = 0u64;
    for batch in batches {
        total += batch.num_rows() as u64;
        let take = limit.saturating_sub(rows.len()).min(batch.num_rows());
        if take > 0 {
            rows.extend(format_rows(batch, 0..take, &format, &numeric, locale)?);
        }
    }
    Ok(Cells {
        headers: schema.fields().iter().map(|f| f.name().clone()).collect(),
        types: schema.fields().iter().map(|f| f.data_type().clone()).collect(),
        numeric,
        rows,
        total,
    })
}

fn format_rows(batch: &RecordBatch, rows: std::ops::Range<usize>, format: &FormatOptions, numeric: &[bool], locale: Locale) -> Result<Vec<Vec<String>>> {
    // Years, months and codes are numbers that are never written with thousands separators.
    let grouped: Vec<bool> = batch.schema().fields().iter().zip(numeric).map(|(f, n)| *n && !is_identifier(f.name())).collect();
    let formatters = batch
        .columns()
        .iter()
        .map(|c| ArrayFormatter::try_new(c.as_ref(), format))
        .collect::<std::result::Result<Vec<_>, _>>()
        .context(|| "formatting the result".into())?;
    Ok(rows
        .map(|row| {
            formatters
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    let text = f.value(row).to_string();
                    if grouped[i] && batch.column(i).is_valid(row) { group_digits(&text, locale) } else { text }
                })
                .collect()
        })
        .collect())
}

fn display_width(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// Cuts text to `width` characters, one line, marking the cut with "…".
fn truncate(text: &str, width: usize) -> String {
    let one_line = text.replace('\n', "↵");
    if one_line.chars().count() <= width {
        one_line
    } else {
        one_line.chars().take(width.saturating_sub(1)).collect::<String>() + "…"
    }
}

/// A numeric column that names rather than measures: 2025, not 2,025.
pub(crate) fn is_identifier(name: &str) -> bool {
    matches!(name, "year" | "month" | "code" | "numeric" | "load_id" | "id" | "province_code" | "release_year" | "release_month")
        || name.ends_with("_year")
        || name.ends_with("_month")
}

fn is_numeric(t: &DataType) -> bool {
    t.is_numeric()
}

/// Puts thousands separators into a plain number as arrow prints it ("-4859123.45").
pub fn group_digits(text: &str, locale: Locale) -> String {
    let (thousands, decimal) = locale.separators();
    let (sign, rest) = text.strip_prefix('-').map(|r| ("-", r)).unwrap_or(("", text));
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) || frac.is_some_and(|f| !f.bytes().all(|b| b.is_ascii_digit())) {
        return text.to_string(); // NaN, inf, scientific notation: leave as printed
    }
    let mut grouped = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(thousands);
        }
        grouped.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{grouped}{decimal}{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A one-off result built in Rust (resolution answers, lists), for the same output layer.
pub fn string_table(columns: &[(&str, Vec<Option<String>>)]) -> Result<ResultStream<'static>> {
    use arrow::array::{ArrayRef, StringArray};
    use arrow::datatypes::{Field, Schema};
    let fields = columns.iter().map(|(name, _)| Field::new(*name, DataType::Utf8, true)).collect::<Vec<_>>();
    let arrays = columns.iter().map(|(_, values)| Arc::new(StringArray::from(values.clone())) as ArrayRef).collect::<Vec<_>>();
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), arrays).context(|| "building a result".into())?;
    Ok(ResultStream::from_batches(schema, vec![batch]))
}

/// The type a Parquet column of type `t` is written as, when `t` is one other engines refuse or
/// misread: unsigned integers become the next wider signed type (UBIGINT a DECIMAL(20, 0)),
/// nanosecond timestamps microsecond ones (Spark refuses both). The one rule, for the arrow-rs
/// writer here and for DuckDB's `COPY` (`execution::export`). DuckDB's HUGEINT already reaches
/// Arrow as Decimal128(38, 0).
pub fn portable_type(t: &DataType) -> Option<DataType> {
    use arrow::datatypes::TimeUnit;
    match t {
        DataType::UInt64 => Some(DataType::Decimal128(20, 0)),
        DataType::UInt32 => Some(DataType::Int64),
        DataType::UInt16 => Some(DataType::Int32),
        DataType::UInt8 => Some(DataType::Int16),
        DataType::Timestamp(TimeUnit::Nanosecond, zone) => Some(DataType::Timestamp(TimeUnit::Microsecond, zone.clone())),
        _ => None,
    }
}

/// A Parquet schema every reader takes (see `portable_type`).
fn portable_schema(schema: &SchemaRef) -> SchemaRef {
    use arrow::datatypes::Field;
    if !schema.fields().iter().any(|f| portable_type(f.data_type()).is_some()) {
        return schema.clone();
    }
    let fields: Vec<Field> = schema
        .fields()
        .iter()
        .map(|f| match portable_type(f.data_type()) {
            Some(to) => Field::new(f.name(), to, f.is_nullable()),
            None => f.as_ref().clone(),
        })
        .collect();
    std::sync::Arc::new(arrow::datatypes::Schema::new(fields))
}

fn to_schema(batch: &RecordBatch, schema: &SchemaRef) -> std::result::Result<RecordBatch, arrow::error::ArrowError> {
    let columns = batch
        .columns()
        .iter()
        .zip(schema.fields())
        .map(|(column, field)| if column.data_type() == field.data_type() { Ok(column.clone()) } else { arrow::compute::cast(column, field.data_type()) })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    RecordBatch::try_new(schema.clone(), columns)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_digits_in_both_locales() {
        assert_eq!(group_digits("4859123.45", Locale::En), "4,859,123.45");
        assert_eq!(group_digits("4859123.45", Locale::Tr), "4.859.123,45");
        assert_eq!(group_digits("-1000", Locale::En), "-1,000");
        assert_eq!(group_digits("999", Locale::Tr), "999");
        assert_eq!(group_digits("NaN", Locale::En), "NaN");
        assert_eq!(group_digits("1e10", Locale::En), "1e10");
    }

    #[test]
    fn long_text_is_cut_not_wrapped() {
        assert_eq!(truncate("https://example.com/a/long/path", 10), "https://e…");
        assert_eq!(truncate("kısa", 10), "kısa");
        assert_eq!(truncate("iki\nsatır", 20), "iki↵satır");
    }

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(Format::from_path(Path::new("a/top.parquet")), Some(Format::Parquet));
        assert_eq!(Format::from_path(Path::new("x.JSONL")), Some(Format::Ndjson));
        assert_eq!(Format::from_path(Path::new("x.xlsx")), Some(Format::Xlsx));
        assert_eq!(Format::from_path(Path::new("x.ods")), None);
    }
}
