//! Excel workbooks (`.xlsx`, written by rust_xlsxwriter): the result on the first sheet, rows
//! streamed in constant memory, numbers as numbers with a format Excel shows in its own locale
//! (4.859.123,45 in a Turkish Excel), dates as dates, a bold frozen header with a filter, widths
//! that fit; and a second sheet ("Kaynak" or "Source") that says what the figures are: the query,
//! its parameters, the sources the rows cite and when the file was made.

use std::io::Write;

use arrow::array::{Array, AsArray, RecordBatch};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Float64Type, Int32Type, SchemaRef};
use arrow::util::display::{ArrayFormatter, FormatOptions};
use rust_xlsxwriter::{ExcelDateTime, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::error::{Error, Result};
use crate::language::Locale;

/// Excel's rows a sheet, the header included.
pub const MAX_ROWS: u64 = 1_048_576;

/// What the file says about itself on its second sheet.
#[derive(Clone, Debug, Default)]
pub struct About {
    /// The named query, or "SQL" for ad-hoc SQL.
    pub query: String,
    pub summary: String,
    pub parameters: Vec<(String, crate::catalog::Arg)>,
    /// What a reader must know that the rows may not show (an incomplete panel, why the result
    /// is empty), in the workbook's language.
    pub notices: Vec<String>,
}

fn excel(e: XlsxError) -> Error {
    Error::msg(format!("writing the Excel file: {e}"))
}

/// `Format::Xlsx`: the result's sheet and the sheet that says where it comes from.
pub(super) fn write_workbook(schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, options: &super::OutputOptions, out: &mut (dyn Write + Send)) -> Result<()> {
    write(schema, batches, options.about.as_ref(), options.words, out).map(|_| ())
}

/// Writes the result as a workbook into `out`; returns the rows written.
pub fn write(schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, about: Option<&About>, locale: Locale, out: &mut (dyn Write + Send)) -> Result<u64> {
    let mut book = Book::new(locale);
    let rows = book.add_sheet(if locale == Locale::Tr { "Sonuç" } else { "Result" }, schema, batches)?;
    out.write_all(&book.finish(about)?).map_err(|e| Error::msg(format!("writing the Excel file: {e}")))?;
    Ok(rows)
}

/// A workbook of one or more results (the report has one sheet a table), then its source sheet.
pub struct Book {
    workbook: Workbook,
    locale: Locale,
    sources: Vec<String>,
    rows: u64,
}

impl Book {
    pub fn new(locale: Locale) -> Book {
        Book { workbook: Workbook::new(), locale, sources: Vec::new(), rows: 0 }
    }

    /// Adds a sheet named `name` holding the result; returns its rows.
    pub fn add_sheet(&mut self, name: &str, schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>) -> Result<u64> {
        let written = write_sheet(&mut self.workbook, name, schema, batches, &mut self.sources, self.locale)?;
        self.rows += written;
        Ok(written)
    }

    /// The finished file, with the sheet that says what it holds.
    pub fn finish(mut self, about: Option<&About>) -> Result<Vec<u8>> {
        let bold = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
        about_sheet(&mut self.workbook, about, &self.sources, self.rows, self.locale, &bold)?;
        self.workbook.save_to_buffer().map_err(excel)
    }
}

/// Long because each Arrow type's cell writer is one arm of a match over the column types.
fn write_sheet(workbook: &mut Workbook, sheet_name: &str, schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, sources: &mut Vec<String>, language: Locale) -> Result<u64> {
    let bold = Format::new().set_bold().set_border_bottom(FormatBorder::Thin);
    let decimal = Format::new().set_num_format("#,##0.00");
    let one_place = Format::new().set_num_format("#,##0.0");
    let integer = Format::new().set_num_format("#,##0");
    let plain = Format::new().set_num_format("0");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm:ss");
    let percent = Format::new().set_num_format("0.0");
    let columns: Vec<(String, DataType)> = schema.fields().iter().map(|f| (f.name().clone(), f.data_type().clone())).collect();
    // The headings a person reads (the pages' own), not the column names scripts read.
    let headings: Vec<String> = columns.iter().map(|(n, _)| crate::headings::heading_or_name(n, language)).collect();
    let mut widths: Vec<usize> = headings.iter().map(|h| h.chars().count() + 2).collect();
    // A result whose rows are figures of different kinds (national_summary: dollars, percents,
    // counts) says each row's kind in its `unit` column: a count is a whole number, not 29.00.
    let unit_column = columns.iter().position(|(n, t)| n == "unit" && matches!(t, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View));
    let mut rows = 0u64;
    {
        let sheet = workbook.add_worksheet_with_constant_memory().map_err(excel)?;
        sheet.set_name(sheet_name).map_err(excel)?;
        for (c, heading) in headings.iter().enumerate() {
            sheet.write_string_with_format(0, col(c)?, heading, &bold).map_err(excel)?;
        }
        let text_format = FormatOptions::new().with_null("");
        for batch in batches {
            let batch = batch?;
            if rows + batch.num_rows() as u64 >= MAX_ROWS {
                return Err(Error::msg(format!(
                    "an Excel sheet holds {} rows and this result has more: write it as Parquet or CSV instead",
                    MAX_ROWS - 1
                )));
            }
            // Constant memory writes a row at a time: read each column once, then go row by row.
            let mut cells: Vec<Cells> = Vec::with_capacity(columns.len());
            for (c, (name, data_type)) in columns.iter().enumerate() {
                let column = batch.column(c);
                let fail = |e: arrow::error::ArrowError| Error::msg(format!("column {name}: {e}"));
                cells.push(match data_type {
                    t if t.is_numeric() => {
                        let kind = if super::is_identifier(name) {
                            NumberKind::Plain
                        } else if t.is_integer() {
                            NumberKind::Integer
                        } else if super::is_money(name) {
                            NumberKind::Money
                        } else {
                            NumberKind::Fraction
                        };
                        Cells::Number(cast(column, &DataType::Float64).map_err(fail)?, kind)
                    }
                    DataType::Boolean => Cells::Bool(column.clone()),
                    DataType::Date32 | DataType::Date64 => {
                        widths[c] = widths[c].max(12);
                        Cells::Date(cast(column, &DataType::Date32).and_then(|d| cast(&d, &DataType::Int32)).map_err(fail)?)
                    }
                    DataType::Timestamp(..) => {
                        widths[c] = widths[c].max(20);
                        Cells::Stamp(
                            cast(column, &DataType::Timestamp(arrow::datatypes::TimeUnit::Second, None)).and_then(|t| cast(&t, &DataType::Int64)).map_err(fail)?,
                        )
                    }
                    _ => Cells::Text(column.clone(), matches!(name.as_str(), "source" | "source_url" | "previous_source")),
                });
            }
            let formatters: Vec<Option<ArrayFormatter>> = cells
                .iter()
                .map(|cell| match cell {
                    Cells::Text(array, _) => ArrayFormatter::try_new(array.as_ref(), &text_format).ok(),
                    _ => None,
                })
                .collect();
            let units = unit_column.map(|u| cast(batch.column(u), &DataType::Utf8)).transpose().map_err(|e| Error::msg(format!("column unit: {e}")))?;
            for i in 0..batch.num_rows() {
                let row = (rows + 1 + i as u64) as u32;
                let unit = units.as_ref().and_then(|u| u.as_string::<i32>().is_valid(i).then(|| u.as_string::<i32>().value(i)));
                for (c, cell) in cells.iter().enumerate() {
                    let column = col(c)?;
                    match cell {
                        Cells::Number(array, kind) => {
                            let floats = array.as_primitive::<Float64Type>();
                            if floats.is_valid(i) {
                                let value = floats.value(i);
                                let format = match (kind, unit) {
                                    (NumberKind::Plain, _) => &plain,
                                    (NumberKind::Money | NumberKind::Fraction, Some("count")) => &integer,
                                    (NumberKind::Money | NumberKind::Fraction, Some("percent")) => &percent,
                                    (NumberKind::Integer, _) => &integer,
                                    (NumberKind::Money | NumberKind::Fraction, _) => match places_shown(value, *kind) {
                                        0 => &integer,
                                        1 => &one_place,
                                        _ => &decimal,
                                    },
                                };
                                sheet.write_number_with_format(row, column, value, format).map_err(excel)?;
                                let places = if matches!(kind, NumberKind::Money | NumberKind::Fraction) { places_shown(value, *kind) } else { 0 };
                                widths[c] = widths[c].max(shown_width(value, places));
                            }
                        }
                        Cells::Bool(array) => {
                            let bools = array.as_boolean();
                            if bools.is_valid(i) {
                                sheet.write_boolean(row, column, bools.value(i)).map_err(excel)?;
                            }
                        }
                        Cells::Date(array) => {
                            let days = array.as_primitive::<Int32Type>();
                            if days.is_valid(i) {
                                let value = ExcelDateTime::from_timestamp(i64::from(days.value(i)) * 86_400).map_err(excel)?;
                                sheet.write_datetime_with_format(row, column, &value, &date).map_err(excel)?;
                            }
                        }
                        Cells::Stamp(array) => {
                            let seconds = array.as_primitive::<arrow::datatypes::Int64Type>();
                            if seconds.is_valid(i) {
                                let value = ExcelDateTime::from_timestamp(seconds.value(i)).map_err(excel)?;
                                sheet.write_datetime_with_format(row, column, &value, &datetime).map_err(excel)?;
                            }
                        }
                        Cells::Text(array, is_source) => {
                            if let (true, Some(formatter)) = (array.is_valid(i), &formatters[c]) {
                                let text = formatter.value(i).to_string();
                                widths[c] = widths[c].max(text.chars().count().min(60));
                                if *is_source && !text.is_empty() && !sources.contains(&text) {
                                    sources.push(text.clone());
                                }
                                // A workbook is read by people: codes and the SQL's sentences in the reader's words.
                                let shown = crate::codes::cell_text(&columns[c].0, &text, language).unwrap_or(text);
                                sheet.write_string(row, column, &shown).map_err(excel)?;
                            }
                        }
                    }
                }
            }
            rows += batch.num_rows() as u64;
        }
        finish_sheet(sheet, &widths, rows, columns.len(), sources, language)?;
    }
    Ok(rows)
}

/// A batch's column, read once, as the cells it gives.
enum Cells {
    Number(arrow::array::ArrayRef, NumberKind),
    Bool(arrow::array::ArrayRef),
    Date(arrow::array::ArrayRef),
    Stamp(arrow::array::ArrayRef),
    /// The text, and whether it names a source (listed on the second sheet).
    Text(arrow::array::ArrayRef, bool),
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NumberKind {
    /// Years, months, codes: no separators.
    Plain,
    Integer,
    /// Dollars (a `_usd` column): cents where it has them.
    Money,
    /// Any other fraction (a percent, a ratio, a precision): the places it was rounded to.
    Fraction,
}

/// The decimal places a number is shown with (design rule 39: no digit that no source printed).
/// A whole value shows none: a release's 4,859 million is `4.859.000.000`, not `,00`, and a
/// change stated as 23 % is `23`. Money with cents shows two; any other number the places it
/// was rounded to (`shown_pct` rounds a change to 0, 1 or 2; 3.9 is `3,9`, not `3,90`), at most
/// two.
fn places_shown(value: f64, kind: NumberKind) -> usize {
    if value.fract() == 0.0 {
        return 0;
    }
    match kind {
        NumberKind::Fraction => format!("{value}").split_once('.').map_or(0, |(_, fraction)| fraction.len().min(2)),
        _ => 2,
    }
}

fn col(c: usize) -> Result<u16> {
    u16::try_from(c).ok().filter(|c| *c < 16_384).ok_or_else(|| Error::msg("an Excel sheet holds 16,384 columns and this result has more"))
}

/// The characters a number takes as Excel shows it with its format.
fn shown_width(value: f64, places: usize) -> usize {
    let digits = format!("{:.0}", value.abs()).len();
    digits + (digits - 1) / 3 + if places > 0 { places + 1 } else { 0 } + usize::from(value < 0.0) + 2
}

/// Column widths, the frozen heading, the filter, and a print setup a colleague can use as it
/// is: A4, landscape when the columns are wider than a portrait page, one page wide, the heading
/// row on every page, the sheet's name above and its sources and page number below.
fn finish_sheet(sheet: &mut Worksheet, widths: &[usize], rows: u64, columns: usize, sources: &[String], language: Locale) -> Result<()> {
    let mut total = 0usize;
    for (c, width) in widths.iter().enumerate() {
        let width = (*width).min(62);
        total += width;
        sheet.set_column_width(col(c)?, width as f64).map_err(excel)?;
    }
    sheet.set_paper_size(9);
    if landscape_prints_fewer_pages(total, rows) {
        sheet.set_landscape();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0).map_err(excel)?;
    let (source_word, page) = if language == Locale::Tr { ("Kaynak", "Sayfa &P / &N") } else { ("Source", "Page &P of &N") };
    sheet.set_header("&L&\"-,Bold\"&A&Rihracat");
    // Excel's header and footer hold 255 characters; the sources sheet lists them all.
    let mut cited: String = sources.iter().take(2).map(String::as_str).collect::<Vec<_>>().join("; ").replace('&', "&&");
    if sources.len() > 2 {
        cited.push_str(" …");
    }
    let cited: String = cited.chars().take(180).collect();
    let footer = if cited.is_empty() { format!("&R{page}") } else { format!("&L&8{source_word}: {cited}&R{page}") };
    sheet.set_footer(footer);
    sheet.set_freeze_panes(1, 0).map_err(excel)?;
    if columns > 0 {
        sheet.autofilter(0, 0, rows as u32, col(columns - 1)?).map_err(excel)?;
    }
    Ok(())
}

/// Whether landscape prints a table of `width` characters and `rows` rows (fit one page wide)
/// on fewer A4 pages than portrait; portrait when they tie. An A4 page holds about 90 characters
/// of Excel's default font across and 50 rows down upright, 130 and 34 on its side; a table
/// wider than the page is scaled down, and its rows with it. (The 82-row province table prints
/// on two portrait pages, against three landscape.)
fn landscape_prints_fewer_pages(width: usize, rows: u64) -> bool {
    let pages = |across: f64, down: f64| {
        let scale = (across / width.max(1) as f64).min(1.0);
        ((rows + 1) as f64 / (down / scale).floor()).ceil()
    };
    pages(130.0, 34.0) < pages(90.0, 50.0)
}

/// A parameter as the sheet's reader reads it: in Turkish its label and its value in words, with
/// the `name=value` that `ihracat run -p` takes beside them (`Esas = kayıtlı il
/// (basis=registered)`); in English as `run` takes it (`basis = registered`), as English tables
/// keep codes.
fn parameter_line(name: &str, value: &str, locale: Locale) -> String {
    let (label, shown) = (crate::headings::parameter_label(name, locale), crate::headings::choice_label(value, locale));
    if locale == Locale::Tr && (label != name || shown != value) {
        format!("{label} = {shown} ({name}={value})")
    } else {
        format!("{name} = {value}")
    }
}

fn about_sheet(workbook: &mut Workbook, about: Option<&About>, sources: &[String], rows: u64, locale: Locale, bold: &Format) -> Result<()> {
    let tr = locale == Locale::Tr;
    let sheet = workbook.add_worksheet();
    sheet.set_name(if tr { "Kaynak" } else { "Source" }).map_err(excel)?;
    let mut lines: Vec<(String, String)> = Vec::new();
    if let Some(about) = about {
        lines.push((if tr { "Sorgu" } else { "Query" }.into(), about.query.clone()));
        if !about.summary.is_empty() {
            lines.push((if tr { "Açıklama" } else { "Summary" }.into(), about.summary.clone()));
        }
        for (name, value) in &about.parameters {
            lines.push((if tr { "Parametre" } else { "Parameter" }.into(), parameter_line(name, &value.to_string(), locale)));
        }
        for notice in &about.notices {
            lines.push((if tr { "Not" } else { "Note" }.into(), notice.clone()));
        }
    }
    lines.push((if tr { "Satır" } else { "Rows" }.into(), rows.to_string()));
    if sources.is_empty() {
        lines.push((if tr { "Kaynak" } else { "Source" }.into(), if tr { "sonuçta kaynak sütunu yok".into() } else { "the result has no source column".into() }));
    }
    for source in sources {
        lines.push((if tr { "Kaynak" } else { "Source" }.into(), source.clone()));
    }
    lines.push((if tr { "Oluşturuldu" } else { "Made" }.into(), made_at()));
    lines.push(("ihracat".into(), format!("{} (data {})", env!("CARGO_PKG_VERSION"), crate::db::DATA_VERSION)));
    for (r, (key, value)) in lines.iter().enumerate() {
        sheet.write_string_with_format(r as u32, 0, key, bold).map_err(excel)?;
        sheet.write_string(r as u32, 1, value).map_err(excel)?;
    }
    sheet.set_column_width(0, 14).map_err(excel)?;
    sheet.set_column_width(1, 100).map_err(excel)?;
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// Now, in UTC, as `2026-12-01 22:03:17 UTC`.
fn made_at() -> String {
    let seconds = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let (days, rest) = (seconds.div_euclid(86_400), seconds.rem_euclid(86_400));
    let date = crate::catalog::params::date_text(i32::try_from(days).unwrap_or(0));
    format!("{date} {:02}:{:02}:{:02} UTC", rest / 3600, rest % 3600 / 60, rest % 60)
}

#[cfg(test)]
mod tests {
    use super::{NumberKind, places_shown};

    #[test]
    fn a_number_shows_the_places_it_has() {
        // A release's 4,859 million, a loaded value with cents, and one with ten cents.
        assert_eq!(places_shown(4_859_000_000.0, NumberKind::Money), 0);
        assert_eq!(places_shown(1_234_567.89, NumberKind::Money), 2);
        assert_eq!(places_shown(1_234_567.1, NumberKind::Money), 2);
        // Changes as shown_pct rounds them: to 0, 1 or 2 places; a precision of 0.10.
        assert_eq!(places_shown(-23.0, NumberKind::Fraction), 0);
        assert_eq!(places_shown(12.3, NumberKind::Fraction), 1);
        assert_eq!(places_shown(-33.33, NumberKind::Fraction), 2);
        assert_eq!(places_shown(0.123_456, NumberKind::Fraction), 2);
        assert_eq!(places_shown(0.1, NumberKind::Fraction), 1);
    }
}
