//! How a file writes its numbers (1.234.567,89 or 1,234,567.89), decided per column from all of
//! its cells, never guessed; and the SQL that reads a cell in its column's style.

use duckdb::Connection;

use super::*;

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
    /// style, and were once read as 123456, 15 and 123. A group never follows a leading 0: `0.004`
    /// is a decimal, never four dollars.
    pub(super) fn normalise(self) -> &'static str {
        match self {
            NumberStyle::Turkish => r"CASE WHEN regexp_full_match(@, '-?([1-9][0-9]{0,2}(\.[0-9]{3})+|[0-9]+)(,[0-9]+)?') THEN replace(replace(@, '.', ''), ',', '.') END",
            NumberStyle::English => r"CASE WHEN regexp_full_match(@, '-?([1-9][0-9]{0,2}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?') THEN replace(@, ',', '') END",
            NumberStyle::Grouped => r"CASE WHEN regexp_full_match(@, '-?([1-9][0-9]{0,2}(\.[0-9]{3})+|[1-9][0-9]{0,2}(,[0-9]{3})+)') THEN regexp_replace(@, '[.,]', '', 'g')
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
pub(super) struct NumberStyles {
    pub(super) values: Vec<(String, NumberStyle)>,
    pub(super) quantity: NumberStyle,
}

/// The name the quantity column's evidence goes by (no header of a file starts with a NUL).
pub(super) const QUANTITY: &str = "\u{0}quantity";

/// Long because one SQL survey of the evidence and the decision rules that read it, in the order the comment above gives them.
pub(super) fn number_styles(conn: &Connection, unit: Unit, forced: Option<NumberStyle>, place: &dyn Fn(i64) -> String) -> Result<NumberStyles> {
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
                           CASE WHEN plain_en THEN false ELSE regexp_full_match(t, '-?([1-9][0-9]{0,2}(\.[0-9]{3})*|[0-9]+)(,[0-9]+)?') END AS as_tr,
                           CASE WHEN plain_en THEN true ELSE regexp_full_match(t, '-?([1-9][0-9]{0,2}(,[0-9]{3})*|[0-9]+)(\.[0-9]+)?') END AS as_en
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
pub(super) fn normalise_expression(styles: &[(String, NumberStyle)]) -> String {
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
