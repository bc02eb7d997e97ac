//! Reading a table's header: where it is (below any title rows), which column holds the
//! province, and whether the table is long (one row per province and period) or wide (a column
//! per period, as official tables print them). Only the first rows are read here; the data
//! itself is handled in SQL.

use crate::error::Invalid;

use crate::turkish::{fold, month_number};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LayoutChoice {
    Long,
    Wide,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    Usd,
    ThousandUsd,
    MillionUsd,
}

impl Layout {
    /// A detail table: by country, by product, or both.
    pub fn is_detail(&self) -> bool {
        matches!(self.shape, Shape::Long(Long { country: Some(_), .. }) | Shape::Long(Long { product: Some(_), .. }))
    }
}

impl Unit {
    pub fn factor(self) -> u64 {
        match self {
            Unit::Usd => 1,
            Unit::ThousandUsd => 1_000,
            Unit::MillionUsd => 1_000_000,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Unit::Usd => "usd",
            Unit::ThousandUsd => "thousand-usd",
            Unit::MillionUsd => "million-usd",
        }
    }
}

/// A column header that names a period.
#[derive(Debug, Clone, PartialEq)]
pub enum Period {
    Month { year: i32, month: u32 },
    /// January (or `first`) to `last`: a cross-check, never stored as a month.
    Cumulative { year: i32, first: u32, last: u32 },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Long(Long),
    Wide { months: Vec<(usize, i32, u32)>, cumulative: Vec<(usize, i32, u32, u32)> },
}

/// The columns of a long table (a row per province and period), by their staging numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Long {
    pub year: Option<usize>,
    pub month: Option<usize>,
    pub period: Option<usize>,
    pub value: usize,
    pub basis: Option<usize>,
    /// Detail tables have a country or a product column, or both.
    pub country: Option<usize>,
    pub product: Option<usize>,
    pub quantity: Option<usize>,
    pub unit: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The header's line; data is below it.
    pub header_line: i64,
    /// Column numbers are those of the staging table: c1, c2, …
    pub province: usize,
    pub shape: Shape,
    pub headers: Vec<String>,
    /// Columns that are neither the province nor data, such as "Değişim (%)" or "Pay (%)".
    pub ignored: Vec<(usize, String)>,
    /// A unit the title or header states, with the words that stated it.
    pub unit_hint: Option<(Unit, String)>,
}

impl Layout {
    /// Where a column a problem names stands in the file (its header, or the role a long table's
    /// column plays: `province`, `year`, `country` …), so that problems are listed in the file's
    /// order, line by line and left to right.
    pub fn column_position(&self, column: &str) -> usize {
        self.role_column(column).or_else(|| self.headers.iter().position(|h| h == column).map(|i| i + 1)).unwrap_or(usize::MAX)
    }

    /// How the file names a column a problem names: a role (`province`, `month` …) by the
    /// header of the column that plays it ("İL ADI", "Dönem"), so that the user finds it; a
    /// role without a header, or a header already, as it is.
    pub fn column_header(&self, column: &str) -> String {
        match self.role_column(column).and_then(|c| self.headers.get(c - 1)).map(|h| h.trim()) {
            Some(header) if !header.is_empty() => header.to_string(),
            _ => column.to_string(),
        }
    }

    fn role_column(&self, column: &str) -> Option<usize> {
        match (&self.shape, column) {
            (_, "province") => Some(self.province),
            (Shape::Long(l), "year") => l.year.or(l.period),
            (Shape::Long(l), "month") => l.month.or(l.period),
            (Shape::Long(l), "basis") => l.basis,
            (Shape::Long(l), "country") => l.country,
            (Shape::Long(l), "product") => l.product,
            (Shape::Long(l), "quantity") => l.quantity,
            _ => None,
        }
    }
}

fn words(text: &str) -> String {
    fold(text).chars().map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_province_header(text: &str) -> bool {
    matches!(
        words(text).as_str(),
        "il" | "iller" | "il adi" | "il ismi" | "faaliyet ili" | "kayitli il" | "ihracatci ili" | "province" | "provinces" | "province name"
            | "province code" | "il kodu" | "plaka" | "sehir" | "city" | "province of activity"
    )
}

fn header_role(text: &str) -> Option<&'static str> {
    let w = words(text);
    // A change or a share is not the value, whatever else its header says ("ihracat değişimi
    // (%)" beside "ihracat (usd)").
    if text.contains('%') || w.split(' ').any(|word| matches!(word, "degisim" | "degisimi" | "change" | "pay" | "payi" | "share" | "oran" | "orani" | "artis" | "growth")) {
        return None;
    }
    let first = w.split(' ').next().unwrap_or_default();
    Some(match first {
        "yil" | "year" => "year",
        "ay" | "month" => "month",
        "donem" | "tarih" | "period" | "date" => "period",
        "basis" | "esas" | "bazi" => "basis",
        "ulke" | "ulkeler" | "country" | "partner" | "destination" | "hedef" => "country",
        "fasil" | "chapter" | "product" | "urun" | "gtip" | "hs" | "hs2" | "hs4" | "hs6" | "hscode" | "mal" => "product",
        "miktar" | "quantity" | "qty" => "quantity",
        "birim" | "unit" | "olcu" => "unit",
        "deger" | "value" | "ihracat" | "export" | "exports" | "tutar" | "usd" | "dolar" | "amount" | "valueusd" => "value",
        _ if w.starts_with("value") || w.contains("ihracat") || w.contains("deger") => "value",
        _ => return None,
    })
}

/// "Ekim 2024", "EKİM 2025", "2025-10", "10/2025", "Oct 2025", "Ocak-Ekim 2025", "2025 Ekim".
pub fn parse_period(text: &str) -> Option<Period> {
    // Units in parentheses ("Ekim 2025 (1000 $)") are not part of the period.
    let without_units: String = {
        let mut depth = 0;
        text.chars().filter(|c| {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            depth == 0 && *c != ')'
        }).collect()
    };
    let folded = fold(without_units.trim());
    let tokens: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect();
    let year_of = |t: &str| t.parse::<i32>().ok().filter(|y| (1900..=2200).contains(y) && t.len() == 4);
    let month_of = |t: &str| t.parse::<u32>().ok().filter(|m| (1..=12).contains(m) && t.len() <= 2).or_else(|| month_number(t));
    match tokens.as_slice() {
        [a, b] => {
            if let (Some(y), Some(m)) = (year_of(a), month_of(b)) {
                return Some(Period::Month { year: y, month: m });
            }
            if let (Some(m), Some(y)) = (month_of(a), year_of(b)) {
                return Some(Period::Month { year: y, month: m });
            }
            None
        }
        [a, b, c] => {
            // "ocak-ekim 2025" or "2025 ocak-ekim"
            let (first, last, year) = if let Some(y) = year_of(c) { (a, b, y) } else if let Some(y) = year_of(a) { (b, c, y) } else { return None };
            let (first, last) = (month_number(first)?, month_number(last)?);
            (first < last).then_some(Period::Cumulative { year, first, last })
        }
        _ => None,
    }
}

/// A currency other than the US dollar that a title or header names: ihracat stores USD and
/// has no exchange rates, so such a table is refused rather than stored as dollars.
pub fn other_currency_in(text: &str) -> Option<&'static str> {
    let w = words(text);
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.contains('₺') || w.split(' ').any(|word| matches!(word, "tl" | "try" | "lira")) {
        Some("Turkish lira")
    } else if compact.contains('€') || w.split(' ').any(|word| matches!(word, "eur" | "euro" | "avro")) {
        Some("euro")
    } else {
        None
    }
}

fn unit_in(text: &str) -> Option<Unit> {
    let w = words(text);
    let compact: String = fold(text).chars().filter(|c| !c.is_whitespace()).collect();
    if w.contains("bin dolar") || w.contains("bin usd") || w.contains("thousand") || compact.contains("(1000$)") || compact.contains("(1.000$)")
        || compact.contains("1000usd") || compact.contains("(000$)") || compact.contains("bin$")
    {
        Some(Unit::ThousandUsd)
    } else if w.contains("milyon dolar") || w.contains("million") || compact.contains("(milyon$)") || compact.contains("milyonusd") {
        Some(Unit::MillionUsd)
    } else {
        None
    }
}

/// Finds the header among the first rows and reads the layout from it.
/// Long because the header rules are tried in order, each a few lines, and the order is the rule.
/// The year of month-only headings (`OCAK`, `ŞUBAT` … under "2025 YILI İLLERE GÖRE İHRACAT"):
/// `--year` when given, else the one year the lines above the header state; `Err` with the years
/// found when they state none or several.
fn title_year(rows: &[(i64, Vec<Option<String>>)], given: Option<i32>) -> std::result::Result<i32, Vec<i32>> {
    if let Some(year) = given {
        return Ok(year);
    }
    let mut found: Vec<i32> = rows
        .iter()
        .flat_map(|(_, cells)| cells.iter().flatten())
        .flat_map(|cell| cell.split(|c: char| !c.is_ascii_digit()).filter(|t| t.len() == 4).filter_map(|t| t.parse::<i32>().ok()).collect::<Vec<_>>())
        .filter(|y| (1990..=2100).contains(y))
        .collect();
    found.sort();
    found.dedup();
    match found.as_slice() {
        [one] => Ok(*one),
        _ => Err(found),
    }
}

/// A heading that names months without a year: one month (`EKİM`) or a span (`OCAK-EKİM`).
fn months_without_year(text: &str) -> Option<(u32, u32)> {
    let folded = fold(text.trim());
    let tokens: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect();
    match tokens.as_slice() {
        [m] => month_number(m).map(|m| (m, m)),
        [a, b] => Some((month_number(a)?, month_number(b)?)).filter(|(a, b)| a < b),
        _ => None,
    }
}

/// The unit the lines down to the header state (`(1000 $)`), refusing a currency other than USD.
fn unit_stated(rows: &[(i64, Vec<Option<String>>)]) -> std::result::Result<Option<(Unit, String)>, Invalid> {
    let mut unit_hint = None;
    for (line, cells) in rows {
        for cell in cells.iter().flatten() {
            if let Some(currency) = other_currency_in(cell) {
                return Err(crate::invalid!(
                    "line {line}: \"{}\" says the values are in {currency}: ihracat stores US dollars and has no exchange rates; convert the table to USD first",
                    cell.trim()
                ));
            }
            if let Some(unit) = unit_in(cell) {
                unit_hint.get_or_insert((unit, cell.trim().to_string()));
            }
        }
    }
    Ok(unit_hint)
}

/// The period a column heading names. A month alone (`EKİM`, `OCAK-MART`) takes its year from
/// the title lines above the header (or --year); with none or several, the load is refused.
fn heading_period(heading: &str, above: &[(i64, Vec<Option<String>>)], year: Option<i32>, header_line: i64) -> std::result::Result<Option<Period>, Invalid> {
    if let Some(period) = parse_period(heading) {
        return Ok(Some(period));
    }
    let Some((first, last)) = months_without_year(heading) else { return Ok(None) };
    match title_year(above, year) {
        Ok(year) if first == last => Ok(Some(Period::Month { year, month: first })),
        Ok(year) => Ok(Some(Period::Cumulative { year, first, last })),
        Err(found) => {
            let said = match found.as_slice() {
                [] => "the lines above the header state no year".to_string(),
                many => format!("the lines above the header state several years ({})", many.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")),
            };
            Err(crate::invalid!("line {header_line}: column \"{}\" names a month but not its year, and {said}: give it with --year YYYY", heading.trim()))
        }
    }
}

pub fn detect(rows: &[(i64, Vec<Option<String>>)], forced: Option<LayoutChoice>, year: Option<i32>) -> std::result::Result<Layout, Invalid> {
    let header_index = rows
        .iter()
        .position(|(_, cells)| cells.iter().flatten().any(|c| is_province_header(c)))
        .ok_or("no header row names a province column (such as İl, İller, Province): is the first column the province?")?;
    let (header_line, header) = &rows[header_index];
    let headers: Vec<String> = header.iter().map(|c| c.clone().unwrap_or_default()).collect();
    let province = headers.iter().position(|h| is_province_header(h)).expect("found above") + 1;
    // Two province columns: taking the first would be a guess (İl and İl, or İl and Province).
    if let Some(second) = headers.iter().enumerate().skip(province).find(|(_, h)| is_province_header(h)).map(|(i, _)| i + 1) {
        return Err(crate::invalid!(
            "line {header_line}: two columns could be the province: \"{}\" (column {province}) and \"{}\" (column {second}); remove or rename one",
            headers[province - 1].trim(),
            headers[second - 1].trim()
        ));
    }
    let unit_hint = unit_stated(&rows[..=header_index])?;
    let mut roles: std::collections::HashMap<&str, usize> = Default::default();
    let mut months = Vec::new();
    let mut cumulative = Vec::new();
    let mut ignored = Vec::new();
    for (i, h) in headers.iter().enumerate() {
        let column = i + 1;
        if column == province || h.trim().is_empty() {
            continue;
        }
        match heading_period(h, &rows[..header_index], year, *header_line)? {
            Some(Period::Month { year, month }) => months.push((column, year, month)),
            Some(Period::Cumulative { year, first, last }) => cumulative.push((column, year, first, last)),
            None => match header_role(h) {
                Some(role) if !roles.contains_key(role) => {
                    roles.insert(role, column);
                }
                // Two columns that both look like the values (or the year, the month…): taking
                // the first would be a guess.
                Some(role) => {
                    let first = roles[role];
                    return Err(crate::invalid!(
                        "line {header_line}: two columns could be the {role}: \"{}\" (column {first}) and \"{h}\" (column {column}); remove or rename one",
                        headers[first - 1]
                    ));
                }
                None => ignored.push((column, h.clone())),
            },
        }
    }
    let long_possible = roles.contains_key("value") && (roles.contains_key("period") || (roles.contains_key("year") && roles.contains_key("month")));
    let choice = match forced {
        Some(c) => c,
        None if long_possible => LayoutChoice::Long,
        None if !months.is_empty() => LayoutChoice::Wide,
        None => {
            return Err(crate::invalid!(
                "line {header_line}: cannot tell the layout: the header has neither period columns (such as \"Ekim 2025\" or \"2025-10\") nor year, month and value columns"
            ))
        }
    };
    let shape = match choice {
        LayoutChoice::Long => {
            let value = *roles.get("value").ok_or("a long table needs a value column (value, değer, ihracat)")?;
            let dated = roles.contains_key("period") || (roles.contains_key("year") && roles.contains_key("month"));
            if !dated {
                return Err("a long table needs year and month columns, or one period column such as 2025-10".into());
            }
            // In a long table, period-like headers are not data.
            ignored.extend(months.iter().map(|(c, _, _)| (*c, headers[c - 1].clone())));
            ignored.extend(cumulative.iter().map(|(c, _, _, _)| (*c, headers[c - 1].clone())));
            Shape::Long(Long {
                year: roles.get("year").copied(),
                month: roles.get("month").copied(),
                period: roles.get("period").copied(),
                value,
                basis: roles.get("basis").copied(),
                country: roles.get("country").copied(),
                product: roles.get("product").copied(),
                quantity: roles.get("quantity").copied(),
                unit: roles.get("unit").copied(),
            })
        }
        LayoutChoice::Wide => {
            if months.is_empty() {
                return Err("a wide table needs columns named by month, such as \"Ekim 2025\" or \"2025-10\"".into());
            }
            for (role, column) in &roles {
                let _ = role;
                ignored.push((*column, headers[column - 1].clone()));
            }
            ignored.sort();
            Shape::Wide { months, cumulative }
        }
    };
    Ok(Layout { header_line: *header_line, province, shape, headers, ignored, unit_hint })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn period_headers_in_the_forms_tables_use() {
        let month = |year, month| Some(Period::Month { year, month });
        assert_eq!(parse_period("Ekim 2024"), month(2024, 10));
        assert_eq!(parse_period("EKİM 2025"), month(2025, 10));
        assert_eq!(parse_period("2025-10"), month(2025, 10));
        assert_eq!(parse_period("10/2025"), month(2025, 10));
        assert_eq!(parse_period("Oct 2025"), month(2025, 10));
        assert_eq!(parse_period("AĞUSTOS 2025 (1000 $)"), month(2025, 8));
        assert_eq!(parse_period("Ocak-Ekim 2025"), Some(Period::Cumulative { year: 2025, first: 1, last: 10 }));
        assert_eq!(parse_period("OCAK - EKİM 2025"), Some(Period::Cumulative { year: 2025, first: 1, last: 10 }));
        assert_eq!(parse_period("Değişim (%)"), None);
        assert_eq!(parse_period("Pay (%)"), None);
        assert_eq!(parse_period("2025"), None);
        assert_eq!(parse_period("13/2025"), None);
    }

    fn row(line: i64, cells: &[&str]) -> (i64, Vec<Option<String>>) {
        (line, cells.iter().map(|c| if c.is_empty() { None } else { Some(c.to_string()) }).collect())
    }

    #[test]
    fn a_wide_official_table_below_its_title() {
        let rows = vec![
            row(1, &["İL BAZINDA İHRACAT (1000 $)", "", "", "", ""]),
            row(3, &["İl", "Ekim 2024", "Ekim 2025", "Değişim (%)", "Ocak-Ekim 2025"]),
            row(4, &["İSTANBUL", "5.174.654", "4.859.000", "-6,1", "48.000.000"]),
        ];
        let layout = detect(&rows, None, None).unwrap();
        assert_eq!(layout.header_line, 3);
        assert_eq!(layout.province, 1);
        assert_eq!(layout.shape, Shape::Wide { months: vec![(2, 2024, 10), (3, 2025, 10)], cumulative: vec![(5, 2025, 1, 10)] });
        assert_eq!(layout.ignored, vec![(4, "Değişim (%)".to_string())]);
        assert_eq!(layout.unit_hint, Some((Unit::ThousandUsd, "İL BAZINDA İHRACAT (1000 $)".to_string())));
    }

    #[test]
    fn a_long_table() {
        let rows = vec![row(1, &["province", "year", "month", "value_usd"]), row(2, &["Bursa", "2025", "10", "1"])];
        let layout = detect(&rows, None, None).unwrap();
        assert_eq!(
            layout.shape,
            Shape::Long(Long { year: Some(2), month: Some(3), period: None, value: 4, basis: None, country: None, product: None, quantity: None, unit: None })
        );
        let rows = vec![row(1, &["İl", "Dönem", "İhracat (Bin Dolar)", "basis"])];
        let layout = detect(&rows, None, None).unwrap();
        assert_eq!(
            layout.shape,
            Shape::Long(Long { year: None, month: None, period: Some(2), value: 3, basis: Some(4), country: None, product: None, quantity: None, unit: None })
        );
        assert_eq!(layout.unit_hint.unwrap().0, Unit::ThousandUsd);
        let rows = vec![row(1, &["il", "yil", "ay", "ülke", "fasıl", "değer (usd)", "miktar", "birim"])];
        let layout = detect(&rows, None, None).unwrap();
        assert_eq!(
            layout.shape,
            Shape::Long(Long { year: Some(2), month: Some(3), period: None, value: 6, basis: None, country: Some(4), product: Some(5), quantity: Some(7), unit: Some(8) })
        );
        assert!(layout.is_detail());
    }

    #[test]
    fn no_header_is_an_error() {
        let rows = vec![row(1, &["a", "b"]), row(2, &["1", "2"])];
        assert!(detect(&rows, None, None).unwrap_err().0.contains("no header row names a province column"));
    }
}
