//! Turns an input file of any supported format into one staging table, `_raw(line, c1 … cN)`,
//! every cell as text and every row with the line (or sheet row) it came from, so that each
//! later error can name its place.
//!
//! Text files pass once through Rust, streaming: the encoding is made UTF-8 (Windows-1254 is
//! what Turkish Excel writes, and DuckDB's encodings extension cannot be downloaded here), the
//! delimiter is detected, and each record gets its line number as a first field. DuckDB then
//! parses the result; Parquet and JSON go to DuckDB directly.

use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::Path;

use duckdb::Connection;

use crate::error::{Context, Error, Result};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    Csv,
    Tsv,
    Xlsx,
    Parquet,
    Json,
}

impl InputFormat {
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_string_lossy().to_ascii_lowercase();
        Some(match ext.as_str() {
            "csv" | "txt" => InputFormat::Csv,
            "tsv" | "tab" => InputFormat::Tsv,
            "xlsx" | "xlsm" | "xls" => InputFormat::Xlsx,
            "parquet" | "pq" => InputFormat::Parquet,
            "json" | "ndjson" | "jsonl" => InputFormat::Json,
            _ => return None,
        })
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Windows1254,
}

/// What staging found out about the file.
#[derive(Debug, Clone)]
pub struct Staged {
    pub columns: usize,
    pub rows: u64,
    /// How a place in the file is named: "line" for text, "row" for a sheet.
    pub place: &'static str,
    pub encoding: Option<Encoding>,
    pub delimiter: Option<char>,
    pub sheet: Option<String>,
    /// A record of the staged lines spans more than one line (a quoted line break).
    pub multiline: bool,
    /// Text: the number of cells of each of the first records.
    pub line_fields: Vec<RecordCells>,
    /// Parquet and JSON: each column's name and DuckDB type, in order (c1, c2, …).
    pub columns_typed: Vec<(String, String)>,
}

/// How many cells a record of a text file has, by the line it starts on; `None` for a record
/// that spans lines.
#[derive(Debug, Clone, Copy)]
pub struct RecordCells {
    pub line: u64,
    pub cells: Option<usize>,
}

impl Staged {
    /// The cells of the record on `line`, when it is one line of the first ones.
    pub fn cells_on(&self, line: i64) -> Option<usize> {
        self.line_fields.iter().find(|r| r.line as i64 == line).and_then(|r| r.cells)
    }
}

pub fn stage(conn: &Connection, path: &Path, format: InputFormat, encoding: Option<Encoding>, sheet: Option<&str>, work: &Path) -> Result<Staged> {
    match format {
        InputFormat::Csv | InputFormat::Tsv => stage_text(conn, path, format, encoding, work, false),
        InputFormat::Xlsx => super::sheet::stage_sheet(conn, path, sheet, work),
        // Parquet numbers its rows itself, in parallel; JSON needs a window over the whole file.
        InputFormat::Parquet => {
            parquet_marks(path)?;
            let file = literal(path);
            let numbered = format!("SELECT file_row_number + 1 AS _ihracat_line, * EXCLUDE (file_row_number) FROM read_parquet({file}, file_row_number = true)");
            stage_engine(conn, path, &format!("read_parquet({file})"), &numbered)
        }
        InputFormat::Json => {
            // Types from every record, not a sample: a text in a number's key on record 50,000
            // makes the key text, and the number rules name that cell.
            let reader = format!("read_json_auto({}, format = 'auto', sample_size = -1)", literal(path));
            let numbered = format!("SELECT row_number() OVER () AS _ihracat_line, * FROM {reader}");
            stage_engine(conn, path, &reader, &numbered)
        }
    }
}

/// The lines a header is looked for in.
pub const HEAD_LINES: usize = 50;

/// Only the file's first lines (or rows), staged as `stage` would stage them, for the direct read
/// to find the header in: a UTF-8 text file or a Parquet file.
pub fn stage_head(conn: &Connection, path: &Path, format: InputFormat, work: &Path) -> Result<Staged> {
    match format {
        InputFormat::Csv | InputFormat::Tsv => stage_text(conn, path, format, Some(Encoding::Utf8), work, true),
        InputFormat::Parquet => {
            parquet_marks(path)?;
            let file = literal(path);
            let numbered = format!(
                "SELECT file_row_number + 1 AS _ihracat_line, * EXCLUDE (file_row_number) FROM read_parquet({file}, file_row_number = true) WHERE file_row_number < {HEAD_LINES}"
            );
            stage_engine(conn, path, &format!("read_parquet({file})"), &numbered)
        }
        _ => Err(Error::msg(format!("{}: only text and Parquet files are read directly", path.display()))),
    }
}

/// A typed column's cells as the text the number rules read. Integers and decimals of up to six
/// places as DuckDB writes them; floating-point numbers (and finer decimals) to six places, so
/// that 0.1 + 0.2 is read as 0.300000, not as the 0.30000000000000004 a double prints.
/// A date or timestamp on the first of a month at midnight is that month (2021-07), as tables
/// written by pandas or Spark store a period; any other day is written in full, and refused as
/// no month. A JSON column (a key whose records mix numbers and text) is its value's text,
/// without JSON's quotes.
pub fn as_text(column: &str, ty: &str) -> String {
    if matches!(ty, "FLOAT" | "DOUBLE") || decimal_scale(ty).is_some_and(|s| s > 6) {
        format!("coalesce(TRY_CAST({column} AS DECIMAL(38, 6))::VARCHAR, {column}::VARCHAR)")
    } else if ty == "DATE" || ty.starts_with("TIMESTAMP") {
        format!("CASE WHEN {column}::TIMESTAMP = date_trunc('month', {column}::TIMESTAMP) THEN strftime({column}::TIMESTAMP, '%Y-%m') ELSE {column}::VARCHAR END")
    } else if ty == "JSON" {
        format!("({column} ->> '$')")
    } else {
        format!("{column}::VARCHAR")
    }
}

/// The places after the point of a DECIMAL(p, s) type.
pub fn decimal_scale(ty: &str) -> Option<u32> {
    ty.strip_prefix("DECIMAL(").and_then(|rest| rest.trim_end_matches(')').split(',').nth(1)).and_then(|s| s.trim().parse().ok())
}

/// A numeric type, whose cells need no reading as text.
pub fn is_numeric(ty: &str) -> bool {
    matches!(ty, "TINYINT" | "SMALLINT" | "INTEGER" | "BIGINT" | "HUGEINT" | "UTINYINT" | "USMALLINT" | "UINTEGER" | "UBIGINT" | "UHUGEINT" | "FLOAT" | "DOUBLE")
        || ty.starts_with("DECIMAL(")
}

fn literal(path: &Path) -> String {
    crate::db::sql_literal(&path.to_string_lossy())
}

/// The staging CSV (line number first, then every cell as text) into `_raw`, without sniffing.
/// DuckDB's parallel reader cannot pad short rows of a file whose quoted cells hold line breaks
/// (a header cell "yıl\nx", say): the writer of the staging file knows whether any does
/// (`line_breaks`), and such a file is read on one thread.
pub(super) fn read_staged(conn: &Connection, path: &Path, columns: usize, delimiter: char, line_breaks: bool) -> duckdb::Result<()> {
    let spec: Vec<String> = std::iter::once("'line': 'BIGINT'".to_string()).chain((1..=columns).map(|i| format!("'c{i}': 'VARCHAR'"))).collect();
    let read = |parallel: bool| {
        conn.execute_batch(&format!(
            "CREATE OR REPLACE TEMP TABLE _raw AS SELECT * FROM read_csv({}, header = false, auto_detect = false, columns = {{{}}}, delim = '{}', quote = '\"', escape = '\"', null_padding = true, strict_mode = false, parallel = {parallel})",
            literal(path),
            spec.join(", "),
            if delimiter == '\t' { "\\t".to_string() } else { delimiter.to_string() }
        ))
    };
    read(!line_breaks)
}

/// The bytes of a text file, decoded; a Windows-1254 file is recognised by not being UTF-8.
fn detect_encoding(path: &Path) -> Result<Encoding> {
    let (file, head, n) = text_head(path)?;
    // A head of plain ASCII says nothing: the first other byte decides, however far it is (an
    // English export whose first Turkish letter is on line 3,000).
    let mut sample = head;
    if sample.is_ascii() && n == 1 << 16 {
        let mut reader = std::io::BufReader::with_capacity(1 << 20, file);
        loop {
            let buffer = reader.fill_buf().context(|| format!("reading {}", path.display()))?;
            if buffer.is_empty() {
                return Ok(Encoding::Utf8);
            }
            if let Some(at) = buffer.iter().position(|b| !b.is_ascii()) {
                // From the start of its line, 64 KiB: the same test as for a head.
                let start = buffer[..at].iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
                let mut chunk = buffer[start..].to_vec();
                chunk.truncate((at - start).max(1 << 16));
                let len = buffer.len();
                reader.consume(len);
                // A character cut at the end of the buffer would pass for UTF-8: read past it.
                if chunk.len() < at - start + 4 {
                    let mut more = [0u8; 8];
                    let got = reader.read(&mut more).context(|| format!("reading {}", path.display()))?;
                    chunk.extend_from_slice(&more[..got]);
                }
                sample = chunk;
                break;
            }
            let len = buffer.len();
            reader.consume(len);
        }
    }
    Ok(match std::str::from_utf8(&sample) {
        Ok(_) => Encoding::Utf8,
        // A multi-byte character cut at the end of the sample is still UTF-8.
        Err(e) if e.error_len().is_none() => Encoding::Utf8,
        Err(_) => Encoding::Windows1254,
    })
}

/// Refuses a file given as a text table whose first 64 KiB show it is something else (binary
/// data, UTF-16), before anything reads the rest: `load` calls it before hashing the file, so a
/// gigabyte of something else is refused at once. Returns the file, its head and the head's size.
pub fn text_head(path: &Path) -> Result<(std::fs::File, Vec<u8>, usize)> {
    let mut head = vec![0u8; 1 << 16];
    let mut file = std::fs::File::open(path).context(|| format!("opening {}", path.display()))?;
    let n = file.read(&mut head).context(|| format!("reading {}", path.display()))?;
    head.truncate(n);
    if head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::msg(format!("{}: the file is UTF-16; save it as UTF-8 (or Windows-1254) text", path.display())));
    }
    if head.contains(&0) {
        // Say what the file is when its first bytes tell.
        let what = if head.starts_with(b"SQLite format 3\0") {
            " (it is a SQLite database: export a table with `sqlite3 -csv -header FILE 'SELECT …' > table.csv`)"
        } else if head.starts_with(b"PAR1") {
            " (it is a Parquet file: add --input-format parquet, or name it .parquet)"
        } else if head.starts_with(b"PK\x03\x04") {
            " (it is a zip container, as Excel files are: add --input-format xlsx, or name it .xlsx)"
        } else if head.starts_with(&[0x1f, 0x8b]) {
            " (it is gzip-compressed: decompress it first)"
        } else {
            " (it holds binary data)"
        };
        return Err(Error::msg(format!("{}: this is not a text table{what}", path.display())));
    }
    Ok((file, head, n))
}

/// The delimiter that splits the first lines most consistently: `;`, `,` or tab.
fn detect_delimiter(lines: &[String]) -> char {
    let candidates = [';', ',', '\t'];
    let mut best = (',', 0usize, 0usize);
    for c in candidates {
        let counts: Vec<usize> = lines.iter().filter(|l| !l.trim().is_empty()).map(|l| count_outside_quotes(l, c)).collect();
        let max = counts.iter().copied().max().unwrap_or(0);
        if max == 0 {
            continue;
        }
        let consistent = counts.iter().filter(|&&n| n == max).count();
        if (consistent, max) > (best.1, best.2) {
            best = (c, consistent, max);
        }
    }
    best.0
}

fn count_outside_quotes(line: &str, delimiter: char) -> usize {
    let mut quoted = false;
    line.chars()
        .filter(|&c| {
            if c == '"' {
                quoted = !quoted;
            }
            c == delimiter && !quoted
        })
        .count()
}

/// A reader that turns CRLF and lone CR into LF, across buffer boundaries.
struct LineEndings<R> {
    inner: R,
    /// The last byte handed out was a CR turned into LF: an LF right after it is dropped.
    after_cr: bool,
}

impl<R: Read> Read for LineEndings<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            let mut out = 0;
            for i in 0..n {
                let byte = buf[i];
                if byte == b'\n' && self.after_cr {
                    self.after_cr = false;
                    continue;
                }
                self.after_cr = byte == b'\r';
                buf[out] = if byte == b'\r' { b'\n' } else { byte };
                out += 1;
            }
            // A buffer that held only the LF of a CRLF has nothing to give: read on.
            if out > 0 {
                return Ok(out);
            }
        }
    }
}

/// `head_only`: stage only the first HEAD_LINES lines (for the direct read), with no checks of the
/// file's end.
/// Long because the text path's steps (encoding, line endings, delimiter, staging) share the open file and its counts.
fn stage_text(conn: &Connection, path: &Path, format: InputFormat, encoding: Option<Encoding>, work: &Path, head_only: bool) -> Result<Staged> {
    let encoding = match encoding {
        Some(e) => e,
        None => detect_encoding(path)?,
    };
    let file = std::fs::File::open(path).context(|| format!("opening {}", path.display()))?;
    let decoder: Box<dyn Read> = match encoding {
        Encoding::Utf8 => Box::new(file),
        Encoding::Windows1254 => Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new().encoding(Some(encoding_rs::WINDOWS_1254)).build(file),
        ),
    };
    // Every line ending is a line ending: CRLF, LF, and a lone CR (Excel's "CSV (Macintosh)", or a
    // CR inside a line), which DuckDB would also take as one, so that line numbers and rows agree.
    let decoder: Box<dyn Read> = Box::new(LineEndings { inner: decoder, after_cr: false });
    let mut reader = BufReader::with_capacity(1 << 20, decoder);
    // The first lines decide the delimiter; they are kept to be written out first.
    let mut first = Vec::new();
    let mut line = String::new();
    let mut number = 0u64;
    let read_line = |reader: &mut BufReader<Box<dyn Read>>, line: &mut String, number: u64| -> Result<usize> {
        line.clear();
        reader.read_line(line).map_err(|e| {
            if e.kind() == std::io::ErrorKind::InvalidData {
                Error::msg(format!("{}:{}: the text is not valid UTF-8; if the file is from Turkish Excel, add --encoding windows-1254", path.display(), number + 1))
            } else {
                Error::Io { context: format!("reading {}", path.display()), source: e }
            }
        })
    };
    while first.len() < HEAD_LINES && read_line(&mut reader, &mut line, number)? > 0 {
        number += 1;
        first.push(line.clone());
    }
    if first.is_empty() {
        return Err(Error::msg(format!("{}: the file is empty", path.display())));
    }
    if let Some(stripped) = first[0].strip_prefix('\u{feff}') {
        first[0] = stripped.to_string();
    }
    let delimiter = if format == InputFormat::Tsv { '\t' } else { detect_delimiter(&first) };
    let out_path = work.join("staged.csv");
    let mut out = BufWriter::with_capacity(1 << 20, std::fs::File::create(&out_path).context(|| "creating a staging file".into())?);
    let mut columns = 0usize;
    let mut rows = 0u64;
    let mut physical = 0u64;
    let mut in_quotes = false;
    // The line the open quoted field began on: where a stray quote stands.
    let mut opened = 0u64;
    let mut last_fields = 0usize;
    let mut line_fields = Vec::new();
    let mut write_line = |text: &str, out: &mut BufWriter<std::fs::File>| -> Result<()> {
        physical += 1;
        // A NUL is no character of a text table: the file is binary or damaged where it stands.
        if text.contains('\0') {
            return Err(Error::msg(format!("{}:{physical}: the line holds a NUL byte: the file is binary or damaged here", path.display())));
        }
        if !in_quotes {
            // A record starts here: its first field is its line number.
            write!(out, "{physical}{delimiter}").context(|| "writing the staging file".into())?;
            rows += 1;
        }
        let fields = count_outside_quotes(text, delimiter) + 1;
        if fields > MAX_COLUMNS {
            return Err(Error::msg(format!(
                "{}:{physical}: the line has {fields} cells: a table ihracat reads has at most {MAX_COLUMNS} columns",
                path.display()
            )));
        }
        last_fields = fields;
        // The first records' cells, by the line each starts on (a quoted line break continues
        // the record on the next line; its count is then not kept).
        if !in_quotes && line_fields.len() < HEAD_LINES {
            line_fields.push(RecordCells { line: physical, cells: Some(fields) });
        } else if in_quotes {
            if let Some(last) = line_fields.last_mut() {
                last.cells = None;
            }
        }
        columns = columns.max(fields);
        if text.matches('"').count() % 2 == 1 {
            in_quotes = !in_quotes;
            opened = physical;
        }
        out.write_all(text.trim_end_matches(['\r', '\n']).as_bytes()).context(|| "writing the staging file".into())?;
        out.write_all(b"\n").context(|| "writing the staging file".into())?;
        Ok(())
    };
    let mut ended = true;
    for text in &first {
        write_line(text, &mut out)?;
        ended = text.ends_with('\n');
    }
    while !head_only && read_line(&mut reader, &mut line, number)? > 0 {
        number += 1;
        write_line(&line, &mut out)?;
        ended = line.ends_with('\n');
    }
    out.flush().context(|| "writing the staging file".into())?;
    drop(out);
    if head_only {
        let multiline = in_quotes || rows != number;
        crate::trace::timed("reading the staged text", || read_staged(conn, &out_path, columns, delimiter, multiline))
            .map_err(|e| Error::msg(format!("{}: DuckDB could not read the table: {}", path.display(), crate::error::clean_duckdb_message(&e))))?;
        return Ok(Staged { columns, rows, place: "line", encoding: Some(encoding), delimiter: Some(delimiter), sheet: None, multiline, columns_typed: Vec::new(), line_fields });
    }
    if in_quotes {
        return Err(Error::msg(format!(
            "{}:{opened}: a quote opens a quoted field that is never closed: a stray \" in a cell (write it \"\" inside a quoted cell), or the file is cut short",
            path.display()
        )));
    }
    // A last line with fewer cells than the table and no line ending is a file cut short (a
    // download or copy that stopped): its missing cells are not missing values.
    if !ended && last_fields < columns && number > 1 {
        return Err(Error::msg(format!(
            "{}:{number}: the last line has {last_fields} of the table's {columns} cells and no line ending: the file looks cut short",
            path.display()
        )));
    }
    crate::trace::timed("reading the staged text", || read_staged(conn, &out_path, columns, delimiter, rows != number))
        .map_err(|e| Error::msg(format!("{}: DuckDB could not read the table: {}", path.display(), crate::error::clean_duckdb_message(&e))))?;
    Ok(Staged { columns, rows, place: "line", encoding: Some(encoding), delimiter: Some(delimiter), sheet: None, multiline: rows != number, columns_typed: Vec::new(), line_fields })
}

/// The widest table a load reads: the Ministry's widest has 14 columns, a detail table a dozen.
/// A file with more (100,000 columns, a stray cell at XFD1048576) is refused before it is laid
/// out, instead of running out of memory.
pub const MAX_COLUMNS: usize = 1_024;

/// Parquet and JSON keep their own column names: they become the header row (line 0).
/// `numbered` is the reader's rows with their row number, 1 for the first, as `_ihracat_line`.
fn stage_engine(conn: &Connection, path: &Path, reader: &str, numbered: &str) -> Result<Staged> {
    let columns: Vec<(String, String)> = {
        let mut stmt = conn
            .prepare(&format!("SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM {reader})"))
            .map_err(|e| unreadable(path, &e))?;
        let names = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))).context(|| format!("reading {}", path.display()))?;
        names.collect::<std::result::Result<_, _>>().context(|| format!("reading {}", path.display()))?
    };
    let header = columns.iter().enumerate().map(|(i, (c, _))| format!("{} AS c{}", crate::db::sql_literal(c), i + 1)).collect::<Vec<_>>().join(", ");
    let body = columns.iter().enumerate().map(|(i, (c, ty))| format!("{} AS c{}", as_text(&quoted(c), ty), i + 1)).collect::<Vec<_>>().join(", ");
    conn.execute_batch(&format!(
        "CREATE OR REPLACE TEMP TABLE _raw AS
         SELECT 0::BIGINT AS line, {header}
         UNION ALL
         SELECT _ihracat_line::BIGINT AS line, {body} FROM ({numbered})"
    ))
    .map_err(|e| unreadable(path, &e))?;
    let rows: u64 = conn.query_row("SELECT count(*) - 1 FROM _raw", [], |r| r.get(0)).context(|| "counting rows".into())?;
    Ok(Staged { columns: columns.len(), rows, place: "row", encoding: None, delimiter: None, sheet: None, multiline: false, columns_typed: columns, line_fields: Vec::new() })
}

/// A Parquet file begins and ends with the four bytes `PAR1`, its footer before the last four:
/// a file without them is cut short or another kind of file, said before DuckDB reads it.
fn parquet_marks(path: &Path) -> Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = std::fs::File::open(path).context(|| format!("opening {}", path.display()))?;
    let length = file.metadata().context(|| format!("reading {}", path.display()))?.len();
    let (mut head, mut tail) = ([0u8; 4], [0u8; 4]);
    let marked = length >= 12
        && file.read_exact(&mut head).is_ok()
        && file.seek(SeekFrom::End(-4)).is_ok()
        && file.read_exact(&mut tail).is_ok()
        && &head == b"PAR1"
        && &tail == b"PAR1";
    if marked {
        return Ok(());
    }
    let why = if length >= 4 && &head == b"PAR1" { "it begins as a Parquet file but does not end as one: it is cut short (copy or download it again)" } else { "it is not a Parquet file (a Parquet file begins and ends with PAR1): give the file's own extension, or --input-format" };
    Err(Error::msg(format!("{}: {why}", path.display())))
}

/// DuckDB's refusal of a Parquet or JSON file in ihracat's words where it has them (a key twice
/// in one JSON record), else DuckDB's first line without its advice on reader options, which
/// ihracat sets itself.
fn unreadable(path: &Path, e: &duckdb::Error) -> Error {
    let message = crate::error::clean_duckdb_message(e);
    let first = message.lines().next().unwrap_or_default();
    let first = first.strip_prefix("Invalid Input Error: ").unwrap_or(first);
    let number_after = |marker: &str| first.find(marker).map(|at| first[at + marker.len()..].chars().take_while(char::is_ascii_digit).collect::<String>()).filter(|n| !n.is_empty());
    let record = number_after("in line ").map(|n| format!(":{n}")).or_else(|| number_after("record/value ").map(|n| format!(" record {n}")));
    if let Some(at) = first.find("has duplicate key \"") {
        let key: String = first[at + 19..].chars().take_while(|c| *c != '"').collect();
        return Error::msg(format!("{}{}: the key \"{key}\" appears twice in one record: keep one of them", path.display(), record.unwrap_or_default()));
    }
    if first.starts_with("Malformed JSON") {
        let what = first.rsplit(": ").next().unwrap_or_default().trim_end_matches('.');
        return Error::msg(format!("{}{}: not valid JSON: {what}", path.display(), record.unwrap_or_default()));
    }
    Error::msg(format!("{}: cannot read it: {first}", path.display()))
}

/// A column's name as SQL.
pub fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_delimiter_outside_quotes() {
        let lines = |t: &str| t.lines().map(String::from).collect::<Vec<_>>();
        assert_eq!(detect_delimiter(&lines("İl;Ekim 2025\nİSTANBUL;\"4.859,1\"\nKOCAELİ;3.019")), ';');
        assert_eq!(detect_delimiter(&lines("province,year,month,value\n\"Kahramanmaraş, merkez\",2025,10,1")), ',');
        assert_eq!(detect_delimiter(&lines("a\tb\tc\n1\t2\t3")), '\t');
    }
}
