//! Tables for people: the aligned terminal table and the Markdown table (a head and a tail when
//! there are too many rows), and the cells the web server's tables show, by one rule.

use std::io::Write;

use arrow::array::{Array, RecordBatch};
use arrow::datatypes::{DataType, SchemaRef};
use arrow::util::display::{ArrayFormatter, FormatOptions};

use super::{OutputOptions, is_identifier, is_money};
use crate::error::{Context, Result};
use crate::language::{Locale, group_digits};

/// `Format::Table`: the first and last rows when there are more than `max_rows`.
pub(super) fn write_table(schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, options: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<()> {
    let grid = Grid::collect(schema, batches, options.locale, options.max_rows)?;
    out.write_all(grid.table().as_bytes()).context(|| "writing the table".into())
}

/// `Format::Markdown`: every row.
pub(super) fn write_markdown(schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, options: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<()> {
    let grid = Grid::collect(schema, batches, options.locale, 0)?;
    out.write_all(grid.markdown().as_bytes()).context(|| "writing the table".into())
}

enum Target {
    Head,
    Tail,
}

/// Rows formatted for people, kept whole or as a head and a tail when there are too many. In
/// Turkish (`Locale::Tr`), with the headings and the words of the codes a workbook and a page
/// show (`Sıra`, `yayımlandı`); the column names stay the machine formats'.
struct Grid {
    headers: Vec<String>,
    names: Vec<String>,
    locale: Locale,
    numeric: Vec<bool>,
    /// Boolean columns, which a Turkish reader reads as evet and hayır.
    booleans: Vec<bool>,
    head: Vec<Vec<String>>,
    tail: std::collections::VecDeque<Vec<String>>,
    total: u64,
}

/// Cells as a person reads them: a moment to the second, as a workbook shows it (`2026-12-06
/// 19:55:35`, not `2026-12-06T19:55:35.045815`), and a cell that cannot be shown says so.
fn people(format: FormatOptions<'_>) -> FormatOptions<'_> {
    format.with_timestamp_format(Some("%Y-%m-%d %H:%M:%S")).with_display_error(true)
}

/// How a missing value reads: `NULL` as DuckDB's own CLI prints it, and nothing to a Turkish
/// reader, for whom it is no word (as on the pages and in the workbooks, which leave the cell
/// empty; the `missing` column says why a figure is absent).
fn null_text(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "NULL",
        Locale::Tr => "",
    }
}

impl Grid {
    fn collect(
        schema: &SchemaRef,
        batches: &mut dyn Iterator<Item = Result<RecordBatch>>,
        locale: Locale,
        limit: usize,
    ) -> Result<Grid> {
        let names: Vec<String> = schema.fields().iter().map(|f| f.name().clone()).collect();
        let headers = match locale {
            Locale::Tr => names.iter().map(|n| crate::headings::heading_or_name(n, locale)).collect(),
            Locale::En => names.clone(),
        };
        let numeric = schema.fields().iter().map(|f| is_numeric(f.data_type())).collect::<Vec<_>>();
        let booleans = schema.fields().iter().map(|f| f.data_type() == &DataType::Boolean).collect();
        let mut grid = Grid { headers, names, locale, numeric, booleans, head: Vec::new(), tail: Default::default(), total: 0 };
        let format = people(FormatOptions::new().with_null(null_text(locale)));
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
        for mut cells in format_rows(batch, rows.clone(), format, &self.numeric, locale)? {
            if locale == Locale::Tr {
                for (i, cell) in cells.iter_mut().enumerate() {
                    if self.booleans[i] && !cell.is_empty() {
                        *cell = crate::codes::yes_no(cell == "true", locale).to_string();
                    } else if !self.numeric[i] && !cell.is_empty() {
                        if let Some(said) = crate::codes::cell_text(&self.names[i], cell, locale) {
                            *cell = said;
                        }
                    }
                }
            }
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
        let count = group_digits(&self.total.to_string(), self.locale);
        let cut = (self.shown() as u64) < self.total;
        match (self.locale, cut) {
            (Locale::En, false) if self.total == 1 => "(1 row)\n".to_string(),
            (Locale::En, false) => format!("({count} rows)\n"),
            (Locale::En, true) => format!("({count} rows, {} shown; --max-rows 0 shows all, --format csv gives them to a program)\n", self.shown()),
            (Locale::Tr, false) => format!("({count} satır)\n"),
            (Locale::Tr, true) => format!("({count} satır, {} tanesi gösteriliyor; --max-rows 0 hepsini gösterir, --format csv onları bir programa verir)\n", self.shown()),
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
            footer.push_str(&match self.locale {
                Locale::En => format!("({} more columns do not fit: {}; --format csv or a wider terminal shows them)\n", hidden.len(), hidden.join(", ")),
                Locale::Tr => format!("({} sütun daha sığmıyor: {}; --format csv ya da daha geniş bir terminal onları gösterir)\n", hidden.len(), hidden.join(", ")),
            });
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
    let format = people(FormatOptions::new().with_null(null_text));
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
    let money: Vec<bool> = batch.schema().fields().iter().map(|f| is_money(f.name())).collect();
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
                    if grouped[i] && batch.column(i).is_valid(row) { group_digits(shown_digits(&text, money[i]), locale) } else { text }
                })
                .collect()
        })
        .collect())
}

/// A number as printed without the zeros its type adds (design rule 39: no digit that no source
/// printed): a release's 4,859 million reads `4.859.000.000`, not `4.859.000.000,00`, a change
/// stated as 23 % reads `23`, not `23.0`, and the national change of 3.9 % (DECIMAL(18,2))
/// `3.9`, not `3.90`. Money with cents (`money`, a `_usd` column) keeps both places.
fn shown_digits(text: &str, money: bool) -> &str {
    let Some((whole, fraction)) = text.split_once('.') else { return text };
    if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return text; // scientific notation: as printed
    }
    let kept = fraction.trim_end_matches('0');
    match (kept.is_empty(), money) {
        // A rounded negative that reached zero is zero.
        (true, _) if whole == "-0" => "0",
        (true, _) => whole,
        (false, true) => text,
        (false, false) => &text[..whole.len() + 1 + kept.len()],
    }
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

fn is_numeric(t: &DataType) -> bool {
    t.is_numeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zeros_the_type_adds_are_not_printed() {
        assert_eq!(shown_digits("4859000000.00", true), "4859000000");
        assert_eq!(shown_digits("1234567.50", true), "1234567.50");
        assert_eq!(shown_digits("-23.0", false), "-23");
        assert_eq!(shown_digits("3.90", false), "3.9");
        assert_eq!(shown_digits("0.10", false), "0.1");
        assert_eq!(shown_digits("33.33", false), "33.33");
        assert_eq!(shown_digits("0.05", false), "0.05");
        assert_eq!(shown_digits("12", false), "12");
        assert_eq!(shown_digits("-0.0", false), "0");
        assert_eq!(shown_digits("1.0e20", false), "1.0e20");
    }

    #[test]
    fn long_text_is_cut_not_wrapped() {
        assert_eq!(truncate("https://example.com/a/long/path", 10), "https://e…");
        assert_eq!(truncate("kısa", 10), "kısa");
        assert_eq!(truncate("iki\nsatır", 20), "iki↵satır");
    }
}
