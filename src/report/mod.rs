//! The monthly report, as the Ministry of Trade writes its release on exports by province: the
//! year-to-date national figures, the month's top five provinces and its five largest increases.
//!
//! Every figure comes from a named query of the catalog (national_summary, top_provinces,
//! top_increases, releases), so the report and the analyses can never disagree, and every
//! figure carries its origin: computed from a complete panel, or published, with the source.

use arrow::array::RecordBatch;
use duckdb::Connection;
use serde::Serialize;

use crate::catalog::{Arg, Catalog};
use crate::db::{ColumnError, Columns};
use crate::execution;
use crate::error::{Context, Error, Result};

mod documents;
mod sentences;
pub use documents::{Labels, html, json, labels, markdown, text, top_heading, xlsx};
pub use sentences::paragraphs;

pub use crate::language::Language;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportFormat {
    Text,
    Markdown,
    Json,
    Html,
    Xlsx,
}

/// One national figure and where it came from. `missing` (the query's own words, for programs)
/// says why there is no value; the text states the reason in its own language from `panel`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figure {
    pub value: Option<f64>,
    /// computed (from a complete panel), published (a release's statement) or derived (from two
    /// published figures).
    pub origin: Option<String>,
    pub source: Option<String>,
    pub missing: Option<String>,
    /// How many provinces have a value for the period (81 is complete).
    pub panel: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProvinceFigure {
    pub rank: i64,
    pub province: String,
    /// The province's value (top provinces) or its increase (largest increases).
    pub value_usd: f64,
    pub change_pct: Option<f64>,
    /// Where the value came from: computed, published, derived or loaded.
    pub origin: String,
    pub source: Option<String>,
    /// computed from the two values shown, or published (the release's own).
    pub change_origin: Option<String>,
    /// Where the earlier value behind a computed change came from, when not `source`.
    pub previous_source: Option<String>,
    /// Why a change the release stated is doubted (`change_origin` doubtful): the release
    /// copies' note, and the same in Turkish.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_note: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change_note_tr: Option<String>,
}

/// A place the release gave that the report cannot give beside the data, both because the
/// province's value for the month is loaded: a leader whose loaded value differs from the value
/// the release ranked holds no rank (design rule 8), and an increase beside a release's value a
/// year earlier is not computed (design rule 9).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PlaceNotGiven {
    /// The place the release gave it.
    pub rank: i64,
    pub province: String,
    /// The loaded value (a leader's; an increase has none).
    pub value_usd: Option<f64>,
    /// The loaded file.
    pub source: Option<String>,
    /// The release of the value a year earlier (an increase's).
    pub previous_source: Option<String>,
}

/// A chapter or country in a leading province's paragraph.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DetailFigure {
    pub rank: i64,
    pub code: String,
    pub name_tr: String,
    pub name_en: String,
    pub value_usd: f64,
    pub source: Option<String>,
}

/// A leading province's top chapters and countries, when the data has them for the month.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProvinceDetail {
    pub province: String,
    pub chapters: Vec<DetailFigure>,
    pub countries: Vec<DetailFigure>,
    /// Whether the chapters (countries) present add up to the province's total: false for the
    /// releases' top three.
    pub chapters_complete: bool,
    pub countries_complete: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Facts {
    pub year: i32,
    pub month: u32,
    pub basis: String,
    /// The national figures of January to the month (the calendar year for December).
    pub ytd_exports_usd: Figure,
    pub ytd_change_pct: Figure,
    pub provinces_over_1b: Figure,
    pub provinces_increased: Figure,
    /// How many provinces have a value for the month (81 is complete).
    pub month_panel: i64,
    /// top_provinces for the month: the data's ranking on a complete panel, else the release's.
    pub top_provinces: Vec<ProvinceFigure>,
    /// The places among the release's first five that hold no rank beside a loaded value.
    pub unranked_leaders: Vec<PlaceNotGiven>,
    /// top_increases for the month: value_usd is the increase.
    pub top_increases: Vec<ProvinceFigure>,
    /// The places on the release's list whose increase is withheld beside a loaded value.
    pub withheld_increases: Vec<PlaceNotGiven>,
    /// "computed" from a complete panel, "published" (the release's list), or "none".
    pub increases_origin: String,
    /// How many provinces have a value in both years for the month (81 is complete).
    pub increases_compared: i64,
    /// The top three provinces' top three chapters and countries, from top_products and
    /// top_destinations.
    pub detail: Vec<ProvinceDetail>,
}

impl Facts {
    /// True when the data has nothing at all for the month: no province value, no national
    /// figure, no list. Such a report would be sentences of "cannot be given" only.
    pub fn is_empty(&self) -> bool {
        let national = [&self.ytd_exports_usd, &self.ytd_change_pct, &self.provinces_over_1b, &self.provinces_increased];
        self.month_panel == 0 && self.top_increases.is_empty() && national.iter().all(|f| f.value.is_none())
    }
}

/// A named query's result, read by column name. Every read says which query and column it
/// wanted, so a user's query folder that overrides one with other columns gets a clear error.
struct Rows {
    query: String,
    batches: Vec<RecordBatch>,
}

impl Rows {
    fn run(conn: &Connection, catalog: &Catalog, name: &str, args: &[(String, Arg)]) -> Result<Rows> {
        Ok(Rows { query: name.to_string(), batches: execution::collect(conn, catalog, name, args)? })
    }

    /// A column read as `read` reads it, with the report's words for what went wrong.
    fn read<T>(&self, name: &str, read: impl Fn(&Columns<'_>) -> std::result::Result<T, ColumnError>) -> Result<T> {
        read(&Columns::of(&self.batches)).map_err(|e| match e {
            ColumnError::Missing => Error::msg(format!("the report needs column `{name}` from query `{}`, which does not return it", self.query)),
            ColumnError::Cast(e) => Error::msg(format!("reading column `{name}` of query `{}`: {e}", self.query)),
        })
    }

    fn f64s(&self, name: &str) -> Result<Vec<Option<f64>>> {
        self.read(name, |c| c.floats(name))
    }

    fn i64s(&self, name: &str) -> Result<Vec<Option<i64>>> {
        self.read(name, |c| c.integers(name))
    }

    fn strings(&self, name: &str) -> Result<Vec<Option<String>>> {
        self.read(name, |c| c.texts(name))
    }

    fn bools(&self, name: &str) -> Result<Vec<Option<bool>>> {
        self.read(name, |c| c.bools(name))
    }
}

/// One row of `month_facts`, as typed as the query returns it.
struct Fact {
    section: String,
    item: Option<String>,
    rank: Option<i64>,
    province: Option<String>,
    name_tr: Option<String>,
    name_en: Option<String>,
    value: Option<f64>,
    change_pct: Option<f64>,
    origin: Option<String>,
    source: Option<String>,
    change_origin: Option<String>,
    previous_source: Option<String>,
    panel: Option<i64>,
    complete: Option<bool>,
    missing: Option<String>,
}

fn read_facts(rows: &Rows) -> Result<Vec<Fact>> {
    let (sections, items, ranks, provinces) = (rows.strings("section")?, rows.strings("item")?, rows.i64s("rank")?, rows.strings("province")?);
    let (names_tr, names_en, values, changes) = (rows.strings("name_tr")?, rows.strings("name_en")?, rows.f64s("value")?, rows.f64s("change_pct")?);
    let (origins, sources, change_origins, previous) = (rows.strings("origin")?, rows.strings("source")?, rows.strings("change_origin")?, rows.strings("previous_source")?);
    let (panels, complete, missing) = (rows.i64s("panel")?, rows.bools("complete")?, rows.strings("missing")?);
    Ok((0..sections.len())
        .map(|i| Fact {
            section: sections[i].clone().unwrap_or_default(),
            item: items[i].clone(),
            rank: ranks[i],
            province: provinces[i].clone(),
            name_tr: names_tr[i].clone(),
            name_en: names_en[i].clone(),
            value: values[i],
            change_pct: changes[i],
            origin: origins[i].clone(),
            source: sources[i].clone(),
            change_origin: change_origins[i].clone(),
            previous_source: previous[i].clone(),
            panel: panels[i],
            complete: complete[i],
            missing: missing[i].clone(),
        })
        .collect())
}

/// The facts for a month, from the one query that states them (`month_facts`, built from the
/// same SQL as national_summary, top_provinces, top_increases, top_products and
/// top_destinations): the report keeps no knowledge of its own, so it and the analyses can never
/// disagree.
pub fn facts(conn: &Connection, catalog: &Catalog, year: i32, month: u32, basis: &str) -> Result<Facts> {
    const QUERY: &str = "month_facts";
    let args = crate::catalog::args([("year", year.into()), ("month", month.into()), ("basis", basis.into())]);
    let rows = read_facts(&Rows::run(conn, catalog, QUERY, &args)?)?;
    let section = |name: &'static str| rows.iter().filter(move |f| f.section == name);
    let row = |name: &'static str, item: &str| -> Result<&Fact> {
        section(name)
            .find(|f| f.item.as_deref() == Some(item))
            .ok_or_else(|| Error::msg(format!("query `{QUERY}` returned no `{name}` row for `{item}`, which the report needs")))
    };
    let figure = |metric: &str| -> Result<Figure> {
        let f = row("national", metric)?;
        Ok(Figure { value: f.value, origin: f.origin.clone(), source: f.source.clone(), missing: f.missing.clone(), panel: f.panel.unwrap_or(0) })
    };
    let count = |item: &str| -> Result<i64> { Ok(row("panel", item)?.value.unwrap_or(0.0) as i64) };
    // A row without a rank, a name or a value is not sentence material.
    let province_figure = |f: &Fact| -> Option<ProvinceFigure> {
        Some(ProvinceFigure {
            rank: f.rank?,
            province: f.province.clone()?,
            value_usd: f.value?,
            change_pct: f.change_pct,
            origin: f.origin.clone().unwrap_or_default(),
            source: f.source.clone(),
            change_origin: f.change_origin.clone(),
            previous_source: f.previous_source.clone(),
            change_note: None,
            change_note_tr: None,
        })
    };
    let mut top_provinces: Vec<ProvinceFigure> = section("top").filter_map(province_figure).collect();
    doubts(conn, catalog, year, month, basis, &mut top_provinces)?;
    let place_not_given = |f: &Fact| -> Option<PlaceNotGiven> {
        Some(PlaceNotGiven { rank: f.rank?, province: f.province.clone()?, value_usd: f.value, source: f.source.clone(), previous_source: f.previous_source.clone() })
    };
    let unranked_leaders: Vec<PlaceNotGiven> = section("unranked").filter_map(place_not_given).collect();
    let top_increases: Vec<ProvinceFigure> = section("increase").filter_map(province_figure).collect();
    let withheld_increases: Vec<PlaceNotGiven> =
        section("increase").filter(|f| f.value.is_none() && f.origin.as_deref() == Some("loaded")).filter_map(place_not_given).collect();
    let increases_origin = match top_increases.first() {
        None => "none",
        Some(_) if top_increases.iter().all(|p| p.origin == "computed") => "computed",
        Some(_) => "published",
    };

    // The leading provinces' chapters and countries, in the order of the ranking.
    let mut detail: Vec<ProvinceDetail> = Vec::new();
    for f in rows.iter().filter(|f| f.section == "chapter" || f.section == "country") {
        let (Some(province), Some(rank), Some(code), Some(value)) = (&f.province, f.rank, &f.item, f.value) else { continue };
        if detail.last().is_none_or(|d| &d.province != province) {
            detail.push(ProvinceDetail { province: province.clone(), chapters: Vec::new(), countries: Vec::new(), chapters_complete: false, countries_complete: false });
        }
        let Some(leader) = detail.last_mut() else { continue };
        let figure = DetailFigure {
            rank,
            code: code.clone(),
            name_tr: f.name_tr.clone().unwrap_or_default(),
            name_en: f.name_en.clone().unwrap_or_default(),
            value_usd: value,
            source: f.source.clone(),
        };
        let complete = f.complete.unwrap_or(false);
        if f.section == "chapter" {
            leader.chapters_complete = complete;
            leader.chapters.push(figure);
        } else {
            leader.countries_complete = complete;
            leader.countries.push(figure);
        }
    }

    Ok(Facts {
        year,
        month,
        basis: basis.to_string(),
        ytd_exports_usd: figure("total_exports")?,
        ytd_change_pct: figure("total_change_pct")?,
        provinces_over_1b: figure("provinces_over_1b")?,
        provinces_increased: figure("provinces_increased")?,
        month_panel: count("month")?,
        top_provinces,
        unranked_leaders,
        top_increases,
        withheld_increases,
        increases_origin: increases_origin.to_string(),
        increases_compared: count("compared")?,
        detail,
    })
}

/// The note on each doubted change of the month's leaders, from what the releases stated
/// (`releases`): the report says why it withholds a change the release printed.
fn doubts(conn: &Connection, catalog: &Catalog, year: i32, month: u32, basis: &str, leaders: &mut [ProvinceFigure]) -> Result<()> {
    if !leaders.iter().any(|p| p.change_origin.as_deref() == Some("doubtful")) {
        return Ok(());
    }
    let args = crate::catalog::args([("year", year.into()), ("month", month.into()), ("period", "month".into()), ("basis", basis.into())]);
    let stated = Rows::run(conn, catalog, "releases", &args)?;
    let (metrics, provinces, derived) = (stated.strings("metric")?, stated.strings("province")?, stated.bools("derived")?);
    let (notes, notes_tr) = (stated.strings("note")?, stated.strings("note_tr")?);
    for leader in leaders.iter_mut().filter(|p| p.change_origin.as_deref() == Some("doubtful")) {
        let change = (0..metrics.len()).find(|&i| {
            matches!(metrics[i].as_deref(), Some("change_pct" | "increase"))
                && provinces[i].as_deref() == Some(leader.province.as_str())
                && derived[i] == Some(false)
                && notes[i].is_some()
        });
        if let Some(i) = change {
            leader.change_note = notes[i].clone();
            leader.change_note_tr = notes_tr[i].clone();
        }
    }
    Ok(())
}

/// The latest month with activity-basis province figures: the README's first command uses it.
pub fn latest_month(conn: &Connection, basis: &str) -> Result<(i32, u32)> {
    conn.query_row(
        "SELECT year, month FROM exports WHERE basis = ? ORDER BY year DESC, month DESC LIMIT 1",
        [basis],
        |r| Ok((r.get::<_, i32>(0)?, r.get::<_, u32>(1)?)),
    )
    .context(|| format!("finding the latest month with {basis} data"))
}
