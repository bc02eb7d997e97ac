//! Charts of a named query's result: bars for rankings, lines for time series and the province
//! map, written as SVG by the project and turned into PNG by resvg with the bundled font.
//!
//! The chart layer takes the Arrow batches the execution layer produced; it never runs a query.
//! What it draws is what `ihracat run` prints for the same parameters, and what the data cannot
//! show is said on the chart: an incomplete panel under the title, provinces without a value in
//! grey with "veri yok / no data" in the legend, the source under the plot.

mod bar;
mod caption;
pub mod classes;
mod frame;
mod line;
mod named;
pub mod map;
pub mod numbers;
mod png;

use std::collections::{BTreeMap, BTreeSet};

use arrow::array::RecordBatch;
use arrow::datatypes::DataType;

pub use classes::Breaks;
pub use frame::{FONT_BOLD, FONT_REGULAR};
pub use map::{Shapes, shapes};
pub use named::{draw_collected, draw_named};

pub use crate::catalog::{ChartSpec, Kind};
use crate::catalog::Query;
use crate::db::{ColumnError, Columns};
use crate::error::{Error, Result};
use crate::language::Language;
use crate::turkish;
use numbers::Measure;

/// What the person asking for a chart chose; everything not chosen comes from the query.
#[derive(Clone, Debug)]
pub struct Request {
    /// `None`: the kind the query's header names.
    pub kind: Option<Kind>,
    pub value: Option<String>,
    pub label: Option<String>,
    pub classes: usize,
    pub breaks: Breaks,
    pub language: Language,
    /// In pixels; each kind has its own default.
    pub width: Option<f64>,
}

/// Named sizes for the places a chart goes: (name, width in pixels, PNG scale, what it is for).
/// A newspaper column is about 5 cm: 480 px drawn at 3× is 1440 px, 300 dpi at 12 cm wide as
/// well; a slide is 16:9 at 1280 px.
pub const SIZES: &[(&str, f64, f32, &str)] = &[
    ("column", 480.0, 3.0, "a newspaper column: 480 px wide, PNG at 3× for print"),
    ("web", 760.0, 1.0, "a web page: 760 px wide (maps 1000)"),
    ("print", 760.0, 2.0, "a printed page: 760 px wide, PNG at 2×"),
    ("slide", 1280.0, 1.5, "a presentation slide: 1280 px wide, PNG at 1.5×"),
];

/// The width and PNG scale of a named size; `web` keeps each kind's own width.
pub fn size(name: &str) -> Option<(Option<f64>, f32)> {
    SIZES.iter().find(|(n, ..)| *n == name).map(|(n, width, scale, _)| ((*n != "web" && *n != "print").then_some(*width), *scale))
}

/// The largest PNG scale a chart is drawn at, and the width range (also the CLI's).
pub const MAX_SCALE: f32 = 4.0;
pub const WIDTHS: std::ops::RangeInclusive<u16> = 200..=4000;

impl Default for Request {
    fn default() -> Request {
        Request { kind: None, value: None, label: None, classes: 5, breaks: Breaks::Quantile, language: Language::Tr, width: None }
    }
}

/// A finished chart.
pub struct Chart {
    pub kind: Kind,
    pub svg: String,
    pub width: f64,
    pub height: f64,
}

impl Chart {
    /// The chart as PNG, `scale` pixels a unit (2 for sharp screens and print).
    pub fn png(&self, scale: f32) -> Result<Vec<u8>> {
        png::render(&self.svg, scale)
    }
}

/// A named query's result as the chart layer reads it.
pub struct ResultData<'a> {
    pub query: &'a Query,
    /// The parameters as given; the query's defaults fill the rest.
    pub args: &'a [(String, crate::catalog::Arg)],
    pub batches: &'a [RecordBatch],
    pub schema: arrow::datatypes::SchemaRef,
}

/// Draws a result. A map needs the province shapes ([`shapes`]).
pub fn draw(data: &ResultData, request: &Request, shapes: Option<&Shapes>) -> Result<Chart> {
    let spec = data.query.header.chart.as_ref();
    let kind = request.kind.or(spec.map(|s| s.kind)).ok_or_else(|| {
        Error::msg(format!("`{}` names no chart of its own (no `--- chart` line): choose one with --kind bar, line or map", data.query.name))
    })?;
    let table = Table { batches: data.batches, schema: &data.schema };
    let value_column = value_column(&table, kind, request.value.as_deref().or(spec.and_then(|s| s.value.as_deref())), &data.query.name)?;
    let integer = matches!(table.data_type(&value_column), Some(t) if t.is_integer());
    let measure = Measure::of(&value_column, integer);
    let values = table.numbers(&value_column)?;
    if values.iter().all(Option::is_none) {
        // Rows, but none with a value to draw (a province no release ranked): say so in words
        // rather than draw an empty axis.
        let (why, why_tr) = caption::nothing_to_draw(&table, &value_column)?;
        return Err(Error::NothingToDraw { query: data.query.name.clone(), column: value_column.clone(), why, why_tr });
    }
    let language = request.language;
    let unchanged = without_change(&table, &value_column, &values)?;
    let mut frame = caption::frame_for(data, &table, &value_column, kind, &unchanged, language)?;
    let chosen_label = request.label.as_deref().or(spec.and_then(|s| s.label.as_deref()));
    let (svg, width, height) = match kind {
        Kind::Bar => {
            let label_column = label_column(&table, chosen_label, language)?;
            let labels = if label_column == "band" && table.has("lower_usd") && table.has("upper_usd") {
                band_labels(&table, language)?
            } else {
                table.texts(&label_column)?.into_iter().map(|l| l.unwrap_or_default()).collect()
            };
            let width = request.width.unwrap_or(760.0);
            let missing = unchanged.iter().map(|&u| if u { map::no_change(language) } else { map::no_data(language) }).collect();
            let bars = bar::Bars { labels, values, measure, value_column: &value_column, language, missing };
            let (svg, height) = bar::draw(&bars, &frame, width);
            (svg, width, height)
        }
        Kind::Line => {
            let lines = lines(&table, values, measure, &value_column, chosen_label, language)?;
            let width = request.width.unwrap_or(760.0);
            let (svg, height) = line::draw(&lines, &frame, width);
            (svg, width, height)
        }
        Kind::Map => {
            let shapes = shapes.ok_or_else(|| Error::msg("a map needs the province shapes"))?;
            let (by_code, without_change) = province_values(&table, &values, &unchanged, shapes, &data.query.name)?;
            frame.source.push(match language {
                Language::Tr => "Sınırlar: Natural Earth (kamu malı)".to_string(),
                Language::En => "Boundaries: Natural Earth (public domain)".to_string(),
            });
            let width = request.width.unwrap_or(1000.0);
            let diverging = is_change(&value_column);
            let map_values = map::MapValues {
                values: by_code,
                without_change,
                measure,
                value_column: &value_column,
                title: value_title(&table, &value_column, language),
                classes: request.classes,
                breaks: request.breaks,
                diverging,
                language,
            };
            let (svg, height) = map::draw(shapes, &map_values, &frame, width);
            (svg, width, height)
        }
    };
    Ok(Chart { kind, svg, width, height })
}

/// Columns of a result, read across its batches.
struct Table<'a> {
    batches: &'a [RecordBatch],
    schema: &'a arrow::datatypes::Schema,
}

impl Table<'_> {
    fn has(&self, column: &str) -> bool {
        self.schema.index_of(column).is_ok()
    }

    fn data_type(&self, column: &str) -> Option<&DataType> {
        self.schema.field_with_name(column).ok().map(|f| f.data_type())
    }

    fn numeric_columns(&self) -> Vec<String> {
        self.schema.fields().iter().filter(|f| f.data_type().is_numeric()).map(|f| f.name().clone()).collect()
    }

    /// A column read as `read` reads it, with the chart's words for what went wrong.
    fn read<T>(&self, column: &str, what: &str, read: impl Fn(&Columns<'_>) -> std::result::Result<T, ColumnError>) -> Result<T> {
        read(&Columns::of(self.batches)).map_err(|e| match e {
            ColumnError::Missing => Error::msg(format!("the result has no column `{column}`")),
            ColumnError::Cast(e) => Error::msg(format!("column `{column}` {what}: {e}")),
        })
    }

    fn numbers(&self, column: &str) -> Result<Vec<Option<f64>>> {
        self.read(column, "is not a number", |c| c.floats(column))
    }

    fn integers(&self, column: &str) -> Result<Vec<Option<i64>>> {
        self.read(column, "is not a whole number", |c| c.integers(column))
    }

    fn texts(&self, column: &str) -> Result<Vec<Option<String>>> {
        self.read(column, "cannot be shown as text", |c| c.texts(column))
    }

    fn distinct_texts(&self, column: &str) -> Result<Vec<String>> {
        let mut seen: Vec<String> = Vec::new();
        for text in self.texts(column)?.into_iter().flatten() {
            if !seen.contains(&text) {
                seen.push(text);
            }
        }
        Ok(seen)
    }
}

/// Columns that place a row in time, or identify it, are never the value a chart draws.
const NOT_VALUES: &[&str] = &["year", "month", "code", "rank", "panel", "provinces", "region_provinces", "with_data", "candidates", "years", "countries"];

fn value_column(table: &Table, kind: Kind, chosen: Option<&str>, query: &str) -> Result<String> {
    let numeric = table.numeric_columns();
    if let Some(column) = chosen {
        if numeric.iter().any(|c| c == column) {
            return Ok(column.to_string());
        }
        return Err(Error::msg(format!(
            "`{query}` has no numeric column `{column}` to draw; its numeric columns are {}",
            if numeric.is_empty() { "none".to_string() } else { numeric.join(", ") }
        )));
    }
    let found = numeric
        .iter()
        .find(|c| c.ends_with("_usd"))
        .or_else(|| numeric.iter().find(|c| c.ends_with("_pct")))
        .or_else(|| numeric.iter().find(|c| !NOT_VALUES.contains(&c.as_str())))
        // A line may draw a rank or a count over time.
        .or_else(|| numeric.iter().find(|c| kind == Kind::Line && !matches!(c.as_str(), "year" | "month")));
    found.cloned().ok_or_else(|| Error::msg(format!("`{query}` has no numeric column to draw")))
}

fn label_column(table: &Table, chosen: Option<&str>, language: Language) -> Result<String> {
    if let Some(column) = chosen {
        return if table.has(column) { Ok(column.to_string()) } else { Err(Error::msg(format!("the result has no column `{column}` to label the bars with"))) };
    }
    let name = if language == Language::Tr { "name_tr" } else { "name_en" };
    ["province", "region", name, "name", "country", "product", "metric"]
        .iter()
        .find(|c| table.has(c))
        .map(|c| c.to_string())
        .ok_or_else(|| Error::msg("the result has no column to label the bars with (province, region, name…): choose one with --label"))
}

fn lines<'a>(table: &Table, values: Vec<Option<f64>>, measure: Measure, value_column: &'a str, chosen: Option<&str>, language: Language) -> Result<line::Lines<'a>> {
    let years = if table.has("year") { Some(table.integers("year")?) } else { None };
    let months = if table.has("month") { Some(table.integers("month")?) } else { None };
    let positions: Vec<Option<(i64, String)>> = match (&years, &months) {
        (Some(years), Some(months)) => years
            .iter()
            .zip(months)
            .map(|(y, m)| match (y, m) {
                (Some(y), Some(m)) => Some((y * 12 + m - 1, format!("{} {y}", month_abbreviation(*m as u32, language)))),
                (Some(y), None) => Some((y * 12 + 11, y.to_string())),
                _ => None,
            })
            .collect(),
        (None, Some(months)) => months.iter().map(|m| m.map(|m| (m, month_abbreviation(m as u32, language).to_string()))).collect(),
        (Some(years), None) => years.iter().map(|y| y.map(|y| (y, y.to_string()))).collect(),
        (None, None) => return Err(Error::msg("a line chart needs the periods in `year` or `month` columns; this result has neither")),
    };
    let series_column = chosen.map(str::to_string).or_else(|| (table.has("province") && table.distinct_texts("province").map(|d| d.len() > 1).unwrap_or(false)).then(|| "province".to_string()));
    let names: Vec<String> = match &series_column {
        Some(column) => table.texts(column)?.into_iter().map(|t| t.unwrap_or_default()).collect(),
        None => vec![value_title(table, value_column, language); values.len()],
    };
    let mut series: Vec<line::Series> = Vec::new();
    let mut periods: BTreeMap<i64, String> = BTreeMap::new();
    for ((position, value), name) in positions.into_iter().zip(values).zip(names) {
        let Some((position, label)) = position else { continue };
        periods.insert(position, label);
        match series.iter_mut().find(|s| s.name == name) {
            Some(s) => s.points.push((position, value)),
            None => series.push(line::Series { name, points: vec![(position, value)] }),
        }
    }
    for s in &mut series {
        s.points.sort_by_key(|p| p.0);
    }
    Ok(line::Lines { series, periods: periods.into_iter().collect(), measure, value_column, language, inverted: value_column == "rank" })
}

/// Each row's value under its province's plate code: by the `code` column when the result has
/// one, else by the province's name as the provinces table spells it; and the provinces whose
/// row has a value for the period but no change ([`without_change`]).
fn province_values(table: &Table, values: &[Option<f64>], unchanged: &[bool], shapes: &Shapes, query: &str) -> Result<(BTreeMap<i32, Option<f64>>, BTreeSet<i32>)> {
    let codes: Vec<Option<i32>> = if table.has("code") && matches!(table.data_type("code"), Some(t) if t.is_integer()) {
        table.integers("code")?.into_iter().map(|c| c.map(|c| c as i32)).collect()
    } else if table.has("province") {
        table
            .texts("province")?
            .into_iter()
            .map(|name| name.and_then(|name| shapes.shapes.iter().find(|s| s.name == name || turkish::fold(&s.name) == turkish::fold(&name)).map(|s| s.code)))
            .collect()
    } else {
        return Err(Error::msg(format!("a map needs a province in each row (a `code` or `province` column); `{query}` has neither")));
    };
    let names = if table.has("province") { table.texts("province")? } else { vec![None; codes.len()] };
    let (mut by_code, mut without_change) = (BTreeMap::new(), BTreeSet::new());
    for (((code, value), name), &unchanged) in codes.into_iter().zip(values).zip(names).zip(unchanged) {
        let Some(code) = code else { continue };
        if unchanged {
            without_change.insert(code);
        }
        if by_code.insert(code, *value).is_some() {
            return Err(Error::msg(format!(
                "`{query}` gives more than one row for {}: a map needs one row a province (narrow the query with its parameters)",
                name.unwrap_or_else(|| format!("province {code}"))
            )));
        }
    }
    Ok((by_code, without_change))
}

/// The rows whose change is missing though the province has a value for the period: the value
/// to compare with is missing or from another source (design rule 9), or the release's change
/// is doubtful. They are not "no data", and a chart says so.
fn without_change(table: &Table, value_column: &str, values: &[Option<f64>]) -> Result<Vec<bool>> {
    if !is_change(value_column) || !table.has("value_usd") {
        return Ok(vec![false; values.len()]);
    }
    let valued = table.numbers("value_usd")?;
    Ok(values.iter().zip(valued).map(|(change, value)| change.is_none() && value.is_some()).collect())
}

/// A band of exports said with its bounds in the reader's words: "1 milyar $ ve üzeri".
fn band_labels(table: &Table, language: Language) -> Result<Vec<String>> {
    let money = |v: f64| numbers::label(v, Measure::Money, language);
    Ok(table
        .numbers("lower_usd")?
        .into_iter()
        .zip(table.numbers("upper_usd")?)
        .map(|bounds| match (bounds, language) {
            ((Some(low), None), Language::Tr) => format!("{} ve üzeri", money(low)),
            ((Some(low), None), Language::En) => format!("{} and over", money(low)),
            ((None, Some(high)), Language::Tr) | ((Some(0.0), Some(high)), Language::Tr) => format!("{} altı", money(high)),
            ((None, Some(high)), Language::En) | ((Some(0.0), Some(high)), Language::En) => format!("under {}", money(high)),
            ((Some(low), Some(high)), _) => format!("{} – {}", money(low), money(high)),
            ((None, None), _) => String::new(),
        })
        .collect())
}

fn is_change(column: &str) -> bool {
    column.contains("change") || column.starts_with("cagr")
}

/// What a column holds, as a legend or a series says it.
pub fn column_title(column: &str, language: Language) -> String {
    let (tr, en) = match column {
        "value_usd" => ("İhracat", "Exports"),
        "change_usd" => ("Değişim, bir yıl öncesine göre", "Change against a year earlier"),
        "change_pct" => ("Değişim (%), bir yıl öncesine göre", "Change (%) against a year earlier"),
        "share_pct" => ("Pay (%)", "Share (%)"),
        "cumulative_pct" => ("Birikimli pay (%)", "Cumulative share (%)"),
        "cagr_pct" => ("Yıllık bileşik büyüme (%)", "Compound annual growth (%)"),
        "previous_usd" => ("Bir yıl önce", "A year earlier"),
        "rank" => ("Sıra", "Rank"),
        "provinces" => ("İl sayısı", "Provinces"),
        "hhi" => ("Yoğunlaşma (HHI)", "Concentration (HHI)"),
        "rca" => ("Açıklanmış karşılaştırmalı üstünlük", "Revealed comparative advantage"),
        other => (other, other),
    };
    if language == Language::Tr { tr.to_string() } else { en.to_string() }
}

/// What the drawn column of this result holds: a change against the month before
/// (`mom_change`, whose rows carry `previous_month_usd`) says so, where [`column_title`] says
/// "a year earlier".
fn value_title(table: &Table, column: &str, language: Language) -> String {
    match (column, table.has("previous_month_usd"), language) {
        ("change_pct", true, Language::Tr) => "Değişim (%), bir önceki aya göre".to_string(),
        ("change_pct", true, Language::En) => "Change (%) against the month before".to_string(),
        ("change_usd", true, Language::Tr) => "Değişim, bir önceki aya göre".to_string(),
        ("change_usd", true, Language::En) => "Change against the month before".to_string(),
        _ => column_title(column, language),
    }
}

fn month_abbreviation(month: u32, language: Language) -> &'static str {
    const TR: [&str; 12] = ["Oca", "Şub", "Mar", "Nis", "May", "Haz", "Tem", "Ağu", "Eyl", "Eki", "Kas", "Ara"];
    const EN: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let i = (month as usize).clamp(1, 12) - 1;
    if language == Language::Tr { TR[i] } else { EN[i] }
}
