//! Staging a spreadsheet (.xlsx, .xls, .ods, read by calamine): its cells as text, each with its
//! row and column as Excel names them (B7), and numbers Excel stores as numbers written the way
//! the rest of the file writes them.

use std::io::{BufWriter, Read, Write};
use std::path::Path;

use duckdb::Connection;

use super::source::*;
use crate::error::{Context, Error, Result};

/// One non-empty cell of a sheet: zero-based row and column, its value, its formula if any.
pub(super) struct SheetCell {
    row: u32,
    column: u32,
    value: calamine::Data,
    formula: Option<String>,
}

/// An Excel sheet, written out as the same staging CSV (row numbers as Excel shows them). An
/// `.xlsx` sheet is read cell by cell (only the cells it holds, so a stray far cell costs
/// nothing); other workbooks (.xls, .ods) through calamine's ranges.
/// Long because its two readers (an .xlsx cell by cell, other workbooks by ranges) write the same staging rows.
pub(super) fn stage_sheet(conn: &Connection, path: &Path, sheet: Option<&str>, work: &Path) -> Result<Staged> {
    use calamine::{Reader, Sheets, open_workbook_auto};
    let mut workbook = open_workbook_auto(path).map_err(|e| {
        // Some sites serve an HTML table under an .xls or .xlsx name.
        let mut head = [0u8; 64];
        let n = std::fs::File::open(path).and_then(|mut f| f.read(&mut head)).unwrap_or(0);
        let text = String::from_utf8_lossy(&head[..n]).trim_start().to_lowercase();
        if text.starts_with('<') {
            Error::msg(format!("{}: cannot read it as an Excel workbook: it is an HTML or XML page with a spreadsheet's name; open it in Excel and save it as .xlsx, or save the table as CSV", path.display()))
        } else {
            Error::msg(format!("{}: cannot read it as an Excel workbook: {e}", path.display()))
        }
    })?;
    let names = workbook.sheet_names().to_vec();
    let wanted = match sheet {
        Some(wanted) => Some(
            names
                .iter()
                .find(|n| n.as_str() == wanted || n.to_lowercase() == wanted.to_lowercase())
                .cloned()
                .ok_or_else(|| Error::msg(format!("{}: no sheet `{wanted}`; its sheets are {}", path.display(), names.join(", "))))?,
        ),
        None => None,
    };
    let sheet_error = |name: &str, e: &dyn std::fmt::Display| Error::msg(format!("{}: sheet `{name}`: {e}", path.display()));
    // The named sheet, else the first that holds a cell.
    let mut chosen: Option<(String, Vec<SheetCell>)> = None;
    for name in wanted.iter().chain(names.iter().filter(|_| wanted.is_none())) {
        let cells = match &mut workbook {
            Sheets::Xlsx(xlsx) => {
                let mut reader = xlsx.worksheet_cells_reader(name).map_err(|e| sheet_error(name, &e))?;
                let mut cells = Vec::new();
                while let Some(cell) = reader.next_cell_with_formula().map_err(|e| sheet_error(name, &e))? {
                    let value = calamine::Data::from(cell.value);
                    if value == calamine::Data::Empty && cell.formula.is_none() {
                        continue;
                    }
                    cells.push(SheetCell { row: cell.pos.0, column: cell.pos.1, value, formula: cell.formula });
                }
                cells
            }
            other => {
                let range = other.worksheet_range(name).map_err(|e| sheet_error(name, &e))?;
                let (top, left) = range.start().unwrap_or((0, 0));
                range
                    .used_cells()
                    .filter(|(_, _, v)| **v != calamine::Data::Empty)
                    .map(|(r, c, v)| SheetCell { row: top + r as u32, column: left + c as u32, value: v.clone(), formula: None })
                    .collect()
            }
        };
        if !cells.is_empty() || wanted.is_some() {
            chosen = Some((name.clone(), cells));
            break;
        }
    }
    let Some((name, mut cells)) = chosen else {
        return Err(Error::msg(format!("{}: every sheet is empty", path.display())));
    };
    if cells.is_empty() {
        return Err(Error::msg(format!("{}: sheet `{name}` is empty", path.display())));
    }
    cells.sort_by_key(|c| (c.row, c.column));
    let place = |cell: &SheetCell| format!("{} [{name}] row {}, column {}", path.display(), u64::from(cell.row) + 1, column_letters(cell.column));
    // Every row up to the last is staged, so a cell written far below any sheet Excel can make
    // (row 4,294,967,295 in a file of a few kilobytes) would take hours: refused at once.
    if let Some(far) = cells.iter().find(|c| c.row >= MAX_SHEET_ROWS) {
        return Err(Error::msg(format!(
            "{}: a cell below row 1,048,576, the last row an Excel sheet has; delete what stands below the table",
            place(far)
        )));
    }
    if let Some(far) = cells.iter().find(|c| c.column as usize >= MAX_COLUMNS) {
        return Err(Error::msg(format!(
            "{}: a table ihracat reads has at most {MAX_COLUMNS} columns; delete what stands beyond the table",
            place(far)
        )));
    }
    // A formula whose result was never saved (a file written by a program, not by Excel) has no
    // value to read: dropping it would lose the figure without a word.
    let unsaved: Vec<String> = cells
        .iter()
        .filter(|c| c.value == calamine::Data::Empty && c.formula.is_some())
        .take(10)
        .map(|c| format!("{}: the formula ={} has no saved value", place(c), c.formula.as_deref().unwrap_or_default()))
        .collect();
    if !unsaved.is_empty() {
        return Err(Error::msg(format!(
            "{}: open the workbook in Excel (or LibreOffice) and save it, so that its formulas' results are in the file:\n{}",
            path.display(),
            unsaved.join("\n")
        )));
    }
    let columns = cells.iter().map(|c| c.column as usize + 1).max().unwrap_or(1);
    // A numeric cell is a number: it is written in the style of the text numbers of its column,
    // so that a sheet mixing numeric cells with Turkish text numbers (1.234.567,89) loads, and
    // only the text cells are read by the number rules.
    let mut turkish = vec![false; columns];
    for cell in &cells {
        if let calamine::Data::String(s) = &cell.value {
            turkish[cell.column as usize] |= looks_turkish(s);
        }
    }
    let out_path = work.join("staged.csv");
    let mut out = BufWriter::new(std::fs::File::create(&out_path).context(|| "creating a staging file".into())?);
    let (first_row, last_row) = (cells[0].row, cells[cells.len() - 1].row);
    let mut next = cells.iter().peekable();
    let mut line = vec![String::new(); columns];
    let mut line_breaks = false;
    for row in first_row..=last_row {
        line.iter_mut().for_each(String::clear);
        while let Some(cell) = next.next_if(|c| c.row == row) {
            line[cell.column as usize] = cell_text(&cell.value, turkish[cell.column as usize]);
            line_breaks |= line[cell.column as usize].contains(['\n', '\r']);
        }
        let quoted: Vec<String> = line.iter().map(|text| format!("\"{}\"", text.replace('"', "\"\""))).collect();
        writeln!(out, "{},{}", row + 1, quoted.join(",")).context(|| "writing the staging file".into())?;
    }
    out.flush().context(|| "writing the staging file".into())?;
    drop(out);
    read_staged(conn, &out_path, columns, ',', line_breaks).context(|| format!("staging sheet `{name}`"))?;
    Ok(Staged { columns, rows: (last_row - first_row + 1) as u64, place: "row", encoding: None, delimiter: None, sheet: Some(name), multiline: false, columns_typed: Vec::new(), line_fields: Vec::new() })
}

/// Excel's last row (1,048,576): no sheet Excel or LibreOffice writes has a cell below it.
const MAX_SHEET_ROWS: u32 = 1_048_576;

/// A cell as the staging CSV holds it.
pub(super) fn cell_text(value: &calamine::Data, turkish: bool) -> String {
    use calamine::Data;
    match value {
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if turkish => as_excel_shows(*f).replace('.', ","),
        Data::Float(f) => as_excel_shows(*f),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) => {
            let (y, m, day, ..) = d.to_ymd_hms_milli();
            format!("{y:04}-{m:02}-{day:02}")
        }
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// A number as Excel shows it: to 15 significant digits, the precision Excel keeps. A formula's
/// result (=0.1+0.2 is stored as 0.30000000000000004) is read as the figure on the screen, not as
/// a fraction of a cent finer than anything the sheet shows.
fn as_excel_shows(f: f64) -> String {
    let shown: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    format!("{shown}")
}

/// Excel's name of a zero-based column: 0 → A, 25 → Z, 26 → AA, 16383 → XFD.
pub(super) fn column_letters(column: u32) -> String {
    let mut n = column as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push((b'A' + rem) as char);
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// A text number in the Turkish style: a decimal comma after dots (4.859,5) or not followed by
/// exactly three digits (12,5; "2,179" may be English thousands), or dots grouping thousands more
/// than once (1.234.567).
pub(super) fn looks_turkish(text: &str) -> bool {
    let t = text.trim();
    if !t.chars().any(|c| c.is_ascii_digit()) || !t.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | ' ')) {
        return false;
    }
    let comma_decimal = match (t.rfind(','), t.rfind('.')) {
        // A dot after the comma makes it English (66,414.13).
        (Some(comma), Some(dot)) if t.matches(',').count() == 1 => dot < comma,
        (Some(comma), None) if t.matches(',').count() == 1 => t.len() - comma - 1 != 3,
        _ => false,
    };
    comma_decimal || t.matches('.').count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_columns_as_excel_does() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(16_383), "XFD");
    }

    #[test]
    fn numbers_are_read_to_the_fifteen_digits_excel_keeps() {
        assert_eq!(as_excel_shows(0.1 + 0.2), "0.3");
        assert_eq!(as_excel_shows(4_859_123_456.78), "4859123456.78");
        assert_eq!(as_excel_shows(1000.0), "1000");
        assert_eq!(as_excel_shows(1234.5678), "1234.5678");
    }

    #[test]
    fn turkish_text_numbers_are_told_from_english_and_plain_ones() {
        for turkish in ["1.234.567,89", "4.859,5", "12,5", "1.234.567"] {
            assert!(looks_turkish(turkish), "{turkish}");
        }
        for other in ["2,179", "66,414.13", "123456.5", "4859", "Bolu", ""] {
            assert!(!looks_turkish(other), "{other}");
        }
    }
}
