//! The one output layer: every tabular result (analyses, ad-hoc SQL, reference lists) arrives
//! here as a stream of Arrow record batches (the execution layer's `ResultStream`) and leaves as
//! a table for people or as a file format for programs. Nothing else in ihracat formats rows,
//! and nothing here runs a query.

mod columnar;
pub mod copy;
mod delimited;
pub mod document;
pub mod excel;
mod files;
mod json;
mod table;

use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow::array::RecordBatch;
use arrow::datatypes::{DataType, SchemaRef};

pub use self::columnar::portable_type;
pub use self::files::{OutputFile, never_a_database, redirect, write_document};
pub use self::table::{Cells, cells};
use crate::db::ResultStream;
use crate::error::{Context, Error, Result};
use crate::language::Locale;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Table,
    Csv,
    Tsv,
    Json,
    Ndjson,
    Markdown,
    Parquet,
    Arrow,
    Xlsx,
}

/// What writes one format: the schema first, then the batches as they come, into `out`.
type Writer = fn(&SchemaRef, &mut dyn Iterator<Item = Result<RecordBatch>>, &OutputOptions, &mut (dyn Write + Send)) -> Result<()>;

/// One output format: how `--format`, the shell's `.mode` and the web server name it, the file
/// extensions that choose it, whether it is binary (never written to a terminal), its media type
/// for downloads, the line `--help` shows, and its writer.
pub struct FormatSpec {
    pub format: Format,
    pub name: &'static str,
    pub extensions: &'static [&'static str],
    pub binary: bool,
    pub media_type: &'static str,
    pub help: &'static str,
    writer: Writer,
}

/// Every format a result leaves ihracat in: adding a format is a row here and its writer.
pub const FORMATS: &[FormatSpec] = &[
    FormatSpec { format: Format::Table, name: "table", extensions: &["txt"], binary: false, media_type: "text/plain; charset=utf-8", help: "Aligned columns for people (the default on a terminal)", writer: table::write_table },
    FormatSpec { format: Format::Csv, name: "csv", extensions: &["csv"], binary: false, media_type: "text/csv; charset=utf-8", help: "RFC 4180 CSV with a header (the default when stdout is not a terminal)", writer: delimited::write_csv },
    FormatSpec { format: Format::Tsv, name: "tsv", extensions: &["tsv", "tab"], binary: false, media_type: "text/tab-separated-values; charset=utf-8", help: "Tab-separated values with a header", writer: delimited::write_tsv },
    FormatSpec { format: Format::Json, name: "json", extensions: &["json"], binary: false, media_type: "application/json", help: "One JSON array of objects", writer: json::write_json },
    FormatSpec { format: Format::Ndjson, name: "ndjson", extensions: &["ndjson", "jsonl"], binary: false, media_type: "application/x-ndjson", help: "One JSON object a line", writer: json::write_ndjson },
    FormatSpec { format: Format::Markdown, name: "markdown", extensions: &["md", "markdown"], binary: false, media_type: "text/markdown; charset=utf-8", help: "A GitHub-flavoured Markdown table", writer: table::write_markdown },
    FormatSpec { format: Format::Parquet, name: "parquet", extensions: &["parquet", "pq"], binary: true, media_type: "application/vnd.apache.parquet", help: "Apache Parquet (a file, never a terminal)", writer: columnar::write_parquet },
    FormatSpec { format: Format::Arrow, name: "arrow", extensions: &["arrow", "feather", "ipc"], binary: true, media_type: "application/vnd.apache.arrow.file", help: "Arrow IPC file (a file, never a terminal)", writer: columnar::write_arrow },
    FormatSpec {
        format: Format::Xlsx,
        name: "xlsx",
        extensions: &["xlsx"],
        binary: true,
        media_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        help: "Excel workbook, with a sheet of sources (a file, never a terminal)",
        writer: excel::write_workbook,
    },
];

impl Format {
    /// This format's row in `FORMATS`.
    pub fn spec(self) -> &'static FormatSpec {
        // Every variant has its row (the test below says so); Table's is the first.
        FORMATS.iter().find(|s| s.format == self).unwrap_or(&FORMATS[0])
    }

    /// The format a file's extension chooses, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        FORMATS.iter().find(|s| s.extensions.contains(&ext.as_str())).map(|s| s.format)
    }

    /// The format a name (as `--format` and the shell's `.mode` write it) means.
    pub fn from_name(name: &str) -> Option<Format> {
        let name = name.to_ascii_lowercase();
        FORMATS.iter().find(|s| s.name == name).map(|s| s.format)
    }

    pub fn name(self) -> &'static str {
        self.spec().name
    }

    pub fn is_binary(self) -> bool {
        self.spec().binary
    }

    /// A format people read (the table, Markdown, a workbook), which says codes and sentences in
    /// the reader's words; the others are read by programs and keep them as stored.
    pub fn is_for_people(self) -> bool {
        matches!(self, Format::Table | Format::Markdown | Format::Xlsx)
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
    /// The language of the words a workbook holds (sheet names, headings): Turkish unless the
    /// user asks for English (`--locale en`); `locale` is the number style of text tables.
    pub words: crate::language::Language,
    /// Rows a table shows before it abbreviates; 0 shows all.
    pub max_rows: usize,
    pub compression: Compression,
    /// Replace `output` if it exists (else an existing file is an error: nothing is lost).
    pub overwrite: bool,
    /// What an Excel file's "Kaynak" sheet says about the result (the query and parameters).
    pub about: Option<excel::About>,
    /// Write exact decimals (DECIMAL, the default) as 64-bit floats, for tools that want plain
    /// numbers (pandas reads DECIMAL as Python `Decimal` objects).
    pub decimals_as_float: bool,
}

impl Default for OutputOptions {
    fn default() -> Self {
        OutputOptions { format: None, output: None, locale: Locale::En, words: crate::language::Language::Tr, max_rows: 40, compression: Compression::Zstd, overwrite: false, about: None, decimals_as_float: false }
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
                let name = format.name();
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

/// Text escaped for HTML element content and attribute values.
pub fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
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
    (format.spec().writer)(&schema, &mut next, options, out)?;
    drop(next);
    Ok(rows)
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

/// A numeric column that names rather than measures: 2025, not 2,025.
pub(crate) fn is_identifier(name: &str) -> bool {
    matches!(name, "year" | "month" | "code" | "numeric" | "load_id" | "id" | "province_code" | "release_year" | "release_month")
        || name.ends_with("_year")
        || name.ends_with("_month")
}

/// A column of dollars, by the catalog's naming rule (`value_usd`, `lower_usd`): its cents are
/// shown as cents (two places) where it has any.
pub(crate) fn is_money(name: &str) -> bool {
    name.ends_with("_usd")
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


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_has_one_row() {
        let all = [Format::Table, Format::Csv, Format::Tsv, Format::Json, Format::Ndjson, Format::Markdown, Format::Parquet, Format::Arrow, Format::Xlsx];
        assert_eq!(FORMATS.len(), all.len());
        for format in all {
            assert_eq!(FORMATS.iter().filter(|s| s.format == format).count(), 1, "{format:?}");
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
    }

    #[test]
    fn format_follows_the_extension() {
        assert_eq!(Format::from_path(Path::new("a/top.parquet")), Some(Format::Parquet));
        assert_eq!(Format::from_path(Path::new("x.JSONL")), Some(Format::Ndjson));
        assert_eq!(Format::from_path(Path::new("x.xlsx")), Some(Format::Xlsx));
        assert_eq!(Format::from_path(Path::new("x.ods")), None);
    }
}
