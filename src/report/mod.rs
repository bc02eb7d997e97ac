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
use crate::turkish as tr;

mod sentences;
pub use sentences::paragraphs;
use sentences::{missing_en, missing_tr};

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
    /// top_increases for the month: value_usd is the increase.
    pub top_increases: Vec<ProvinceFigure>,
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
        })
    };
    let top_provinces: Vec<ProvinceFigure> = section("top").filter_map(province_figure).collect();
    let top_increases: Vec<ProvinceFigure> = section("increase").filter_map(province_figure).collect();
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
        top_increases,
        increases_origin: increases_origin.to_string(),
        increases_compared: count("compared")?,
        detail,
    })
}

/// The words of the report that are not figures, one table per language: the text, the
/// sources list and the tables take their labels from here and nowhere else.
pub struct Labels {
    pub sources: &'static str,
    pub national: &'static str,
    pub over_1b: &'static str,
    pub increased: &'static str,
    pub increases: &'static str,
    /// The top provinces' source line when there are none (the heading then says why).
    pub top: &'static str,
    pub map: &'static str,
    pub no_chart: &'static str,
    pub previous_values: &'static str,
    pub detail: &'static str,
    pub province: &'static str,
    pub value_musd: &'static str,
    pub increase_musd: &'static str,
    pub change_pct: &'static str,
    pub origin: &'static str,
    pub basis_activity: &'static str,
    pub basis_registered: &'static str,
    pub computed: &'static str,
    pub published: &'static str,
    pub derived: &'static str,
    pub loaded: &'static str,
    pub none: &'static str,
}

/// The heading over the leading provinces, saying how many are shown: "İlk beş il" for five,
/// "İlk üç il" when the release named three (a heading states what is shown).
///
/// A rank with no province in the list (the release ranked a province whose loaded value
/// differs) makes it "İlk beş ilden dördü", not "İlk dört il": the list is not the top four.
pub fn top_heading(leaders: &[ProvinceFigure], language: Language) -> String {
    const TR: [&str; 5] = ["bir", "iki", "üç", "dört", "beş"];
    const TR_OF: [&str; 5] = ["biri", "ikisi", "üçü", "dördü", "beşi"];
    const EN: [&str; 5] = ["one", "two", "three", "four", "five"];
    let count = leaders.len();
    let last = usize::try_from(leaders.iter().map(|p| p.rank).max().unwrap_or(0)).unwrap_or(0);
    if count > 0 && last > count && last <= 5 {
        return match language {
            Language::Tr => format!("İlk {} ilden {}", TR[last - 1], TR_OF[count - 1]),
            Language::En => format!("{} of the top {} provinces", tr::capitalize(EN[count - 1]), EN[last - 1]),
        };
    }
    match (language, count) {
        (Language::Tr, 0) => "İlk iller (sıralama verilemiyor)".to_string(),
        (Language::En, 0) => "Top provinces (no ranking can be given)".to_string(),
        (Language::Tr, 1) => "İlk il".to_string(),
        (Language::En, 1) => "Top province".to_string(),
        (Language::Tr, n @ 2..=5) => format!("İlk {} il", TR[n - 1]),
        (Language::En, n @ 2..=5) => format!("Top {} provinces", EN[n - 1]),
        (Language::Tr, n) => format!("İlk {n} il"),
        (Language::En, n) => format!("Top {n} provinces"),
    }
}

pub const LABELS_TR: Labels = Labels {
    sources: "Kaynaklar",
    national: "Ulusal ihracat ve değişimi",
    over_1b: "1 milyar doları aşan il sayısı",
    increased: "İhracatı artan il sayısı",
    increases: "En fazla artış",
    top: "İlk iller",
    map: "İllere göre ihracat",
    no_chart: "Grafik yok",
    previous_values: "Geçen yılın değerleri",
    detail: "Fasıllar ve ülkeler",
    province: "İl",
    value_musd: "Değer (milyon $)",
    increase_musd: "Artış (milyon $)",
    change_pct: "Değişim (%)",
    origin: "Kaynak türü",
    basis_activity: "faaliyet ili bazında",
    basis_registered: "kayıtlı il bazında",
    computed: "il verisinden hesaplandı",
    published: "bülten",
    derived: "yayımlanmış rakamlardan türetildi",
    loaded: "yüklenen dosya",
    none: "verilemiyor (tam il verisi de yayımlanmış bir sıralama da yok)",
};

pub const LABELS_EN: Labels = Labels {
    sources: "Sources",
    national: "National exports and change",
    over_1b: "Provinces over USD 1 billion",
    increased: "Provinces with rising exports",
    increases: "Largest increases",
    top: "Top provinces",
    map: "Exports by province",
    no_chart: "No chart",
    previous_values: "Last year's values",
    detail: "Chapters and countries",
    province: "Province",
    value_musd: "Value (USD million)",
    increase_musd: "Increase (USD million)",
    change_pct: "Change (%)",
    origin: "Origin",
    basis_activity: "by province of activity",
    basis_registered: "by registered province",
    computed: "computed from the province data",
    published: "release",
    derived: "derived from published figures",
    loaded: "loaded file",
    none: "cannot be given (neither a complete panel nor a published list)",
};

pub fn labels(language: Language) -> &'static Labels {
    match language {
        Language::Tr => &LABELS_TR,
        Language::En => &LABELS_EN,
    }
}

impl Labels {
    fn origin_word(&self, origin: &str) -> &'static str {
        match origin {
            "computed" => self.computed,
            "derived" => self.derived,
            "loaded" => self.loaded,
            _ => self.published,
        }
    }
}

/// The report as prose, in Turkish or English.
pub fn text(facts: &Facts, language: Language) -> String {
    let mut paragraphs = paragraphs(facts, language);
    paragraphs.push(sources(facts, language));
    paragraphs.join("\n\n") + "\n"
}

/// Where each figure came from, so that every number in the text can be traced.
fn sources(f: &Facts, language: Language) -> String {
    let l = labels(language);
    let describe = |figure: &Figure| match (&figure.origin, &figure.source) {
        (Some(origin), Some(source)) => format!("{}: {source}", l.origin_word(origin)),
        (Some(origin), None) => l.origin_word(origin).to_string(),
        (None, _) => match language {
            Language::Tr => missing_tr(figure),
            Language::En => missing_en(figure),
        },
    };
    // A release is named by its pages, a loaded file by its name.
    let list_sources = |sources: Vec<String>, origin: &str| {
        let mut unique: Vec<String> = Vec::new();
        for source in sources.into_iter().filter(|s| s.contains("://") || origin == l.loaded) {
            if !unique.contains(&source) {
                unique.push(source);
            }
        }
        if unique.is_empty() { origin.to_string() } else { format!("{origin}: {}", unique.join(" ; ")) }
    };
    // The leaders may come from a loaded file and from a release at once: each origin is named
    // with its own sources.
    let mut top_origins: Vec<&str> = Vec::new();
    for p in &f.top_provinces {
        if !top_origins.contains(&p.origin.as_str()) {
            top_origins.push(&p.origin);
        }
    }
    let of_origin = |origin: &str| f.top_provinces.iter().filter(|p| p.origin == origin).filter_map(|p| p.source.clone()).collect();
    let top_sources = top_origins.iter().map(|o| list_sources(of_origin(o), l.origin_word(o))).collect::<Vec<_>>().join("; ");
    let increases_origin = if f.top_increases.is_empty() { l.none } else { l.origin_word(&f.increases_origin) };
    let basis = if f.basis == "activity" { l.basis_activity } else { l.basis_registered };
    let mut lines = vec![
        format!("{}: {}", l.national, describe(&f.ytd_exports_usd)),
        format!("{}: {}", l.over_1b, describe(&f.provinces_over_1b)),
        format!("{}: {}", l.increased, describe(&f.provinces_increased)),
        if f.top_provinces.is_empty() {
            format!("{}: {}", l.top, l.none)
        } else {
            format!("{}: {}", top_heading(&f.top_provinces, language), top_sources)
        },
        format!("{}: {}", l.increases, list_sources(f.top_increases.iter().filter_map(|p| p.source.clone()).collect(), increases_origin)),
    ];
    // A change computed from last year's value rests on that value's page too.
    let previous: Vec<String> =
        f.top_provinces.iter().filter(|p| p.change_origin.as_deref() == Some("computed")).filter_map(|p| p.previous_source.clone()).collect();
    if previous.iter().any(|s| s.contains("://")) {
        lines.push(format!("{}: {}", l.previous_values, list_sources(previous, l.published)));
    }
    let detail: Vec<String> = f.detail.iter().flat_map(|d| d.chapters.iter().chain(&d.countries)).filter_map(|c| c.source.clone()).collect();
    if !detail.is_empty() {
        lines.push(format!("{}: {}", l.detail, list_sources(detail, l.published)));
    }
    format!("{} ({basis}):\n- {}", l.sources, lines.join("\n- "))
}

/// The text plus tables of the top provinces and the increases.
pub fn markdown(facts: &Facts, language: Language) -> String {
    let l = labels(language);
    let title = match language {
        Language::Tr => format!("# İl bazında ihracat: {} {}", tr::capitalize(tr::month_name(facts.month)), facts.year),
        Language::En => format!("# Exports by province: {} {}", tr::month_name_en(facts.month), facts.year),
    };
    let number = |value: f64, places: usize| match language {
        Language::Tr => tr::decimal_comma(value, places),
        Language::En => crate::language::fixed(value, places),
    };
    let table = |rows: &[ProvinceFigure], value_title: &str| {
        let mut t = format!("| # | {} | {value_title} | {} | {} |\n|---:|---|---:|---:|---|\n", l.province, l.change_pct, l.origin);
        for p in rows {
            // A percent as its source printed it: "3" stays 3, not "3,0".
            let change = p.change_pct.map(|c| tr::trimmed(&number(c, 1))).unwrap_or_default();
            t.push_str(&format!("| {} | {} | {} | {change} | {} |\n", p.rank, p.province, number(p.value_usd / 1e6, 0), l.origin_word(&p.origin)));
        }
        t
    };
    let mut parts = vec![title];
    parts.extend(paragraphs(facts, language));
    parts.push(format!("## {}\n\n{}", top_heading(&facts.top_provinces, language), table(&facts.top_provinces, l.value_musd)));
    parts.push(format!("## {}\n\n{}", l.increases, table(&facts.top_increases, l.increase_musd)));
    parts.push(sources(facts, language).replace("\n- ", "\n\n- "));
    parts.join("\n\n") + "\n"
}

/// The release as one self-contained HTML page: the text, a bar chart of the top five, a bar
/// chart of the largest increases and the map of the month's exports, each drawn from the same
/// named queries as the facts (inline SVG: the page loads nothing from anywhere), then the
/// sources as links.
pub fn html(conn: &Connection, catalog: &Catalog, facts: &Facts, language: Language) -> Result<String> {
    use crate::charts::{Kind, Request};
    use crate::output::html_escape as escape;
    let l = labels(language);
    let title = match language {
        Language::Tr => format!("İl bazında ihracat: {} {}", tr::capitalize(tr::month_name(facts.month)), facts.year),
        Language::En => format!("Exports by province: {} {}", tr::month_name_en(facts.month), facts.year),
    };
    let args = |n: i64| crate::catalog::args([("year", facts.year.into()), ("month", facts.month.into()), ("basis", facts.basis.as_str().into()), ("n", n.into())]);
    let top = top_heading(&facts.top_provinces, language);
    let charts = [(top.as_str(), "top_provinces", args(5), Kind::Bar), (l.increases, "top_increases", args(5), Kind::Bar), (l.map, "top_provinces", args(81), Kind::Map)];
    let mut page = format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n",
        lang = if language == Language::Tr { "tr" } else { "en" },
        title = escape(&title)
    );
    for paragraph in paragraphs(facts, language) {
        page.push_str(&format!("<p>{}</p>\n", escape(&paragraph)));
    }
    for (heading, name, args, kind) in charts {
        let query = catalog.get(name)?;
        let request = Request { kind: Some(kind), language, ..Request::default() };
        page.push_str(&format!("<figure>\n<figcaption>{}</figcaption>\n", escape(heading)));
        match crate::charts::draw_named(conn, catalog, query, &args, &request) {
            Ok((chart, _)) => page.push_str(&chart.svg),
            // A month without, say, published increases has no chart, and the page says so.
            Err(e) => page.push_str(&format!("<p class=\"note\">{}: {}</p>\n", escape(l.no_chart), escape(&e.said(language)))),
        }
        page.push_str("</figure>\n");
    }
    let sources = sources(facts, language);
    let mut lines = sources.lines();
    page.push_str(&format!("<h2>{}</h2>\n<ul class=\"sources\">\n", escape(lines.next().unwrap_or_default().trim_end_matches(':'))));
    for line in lines {
        page.push_str(&format!("<li>{}</li>\n", linked(line.trim_start_matches("- "))));
    }
    page.push_str("</ul>\n</main>\n</body>\n</html>\n");
    Ok(page)
}

/// The release's tables as a workbook: the national figures, the top five, the largest
/// increases and the leading provinces' chapters and countries (where the data has them), one
/// sheet each, from the same named queries as the text; the source sheet lists every page the
/// figures come from.
pub fn xlsx(conn: &Connection, catalog: &Catalog, facts: &Facts, language: Language) -> Result<Vec<u8>> {
    let mut book = crate::output::excel::Book::new(language);
    let common = crate::catalog::args([("year", facts.year.into()), ("month", facts.month.into()), ("basis", facts.basis.as_str().into())]);
    let with = |extra: Vec<(&str, Arg)>| -> Vec<(String, Arg)> {
        let mut args = common.clone();
        args.extend(extra.into_iter().map(|(name, value)| (name.to_string(), value)));
        args
    };
    let l = labels(language);
    // The national figures of the same period as the text's: January to the month, or the year.
    let period = if facts.month == 12 { "year" } else { "ytd" };
    let top = top_heading(&facts.top_provinces, language);
    let sheets = [
        (l.national, "national_summary", with(vec![("period", period.into())])),
        (top.as_str(), "top_provinces", with(vec![("n", 5.into())])),
        (l.increases, "top_increases", with(vec![("n", 5.into())])),
    ];
    // The leading provinces' chapters and countries, a sheet each, where the data has them.
    let (chapters, countries) = match language {
        Language::Tr => ("fasıllar", "ülkeler"),
        Language::En => ("chapters", "countries"),
    };
    let mut detail_sheets = Vec::new();
    for leader in &facts.detail {
        let province = || with(vec![("province", leader.province.as_str().into()), ("n", 3.into())]);
        if !leader.chapters.is_empty() {
            detail_sheets.push((format!("{} {chapters}", leader.province), "top_products", province()));
        }
        if !leader.countries.is_empty() {
            detail_sheets.push((format!("{} {countries}", leader.province), "top_destinations", province()));
        }
    }
    let sheets = sheets.into_iter().map(|(title, name, args)| (title.to_string(), name, args)).chain(detail_sheets);
    for (title, name, args) in sheets {
        let query = catalog.get(name)?;
        let collected = execution::collect_named(conn, query, &args)?;
        let mut batches = collected.batches.into_iter().map(Ok);
        // Excel's sheet names are at most 31 characters and take no []:*?/\.
        let sheet: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        book.add_sheet(&sheet, &collected.schema, &mut batches)?;
    }
    let summary = match language {
        Language::Tr => format!("İl bazında ihracat raporu: {} {}", tr::capitalize(tr::month_name(facts.month)), facts.year),
        Language::En => format!("Report on exports by province: {} {}", tr::month_name_en(facts.month), facts.year),
    };
    let about = crate::output::excel::About { query: "report".into(), summary, parameters: common.clone(), notices: Vec::new() };
    book.finish(Some(&about))
}

/// Text with its URLs as links.
fn linked(text: &str) -> String {
    use crate::output::html_escape as escape;
    text.split(' ')
        .map(|word| if word.starts_with("https://") || word.starts_with("http://") { format!("<a href=\"{0}\">{0}</a>", escape(word)) } else { escape(word) })
        .collect::<Vec<_>>()
        .join(" ")
}

const STYLE: &str = "body{margin:0;font-family:'DejaVu Sans',Verdana,sans-serif;color:#1f2328;background:#fff}\
main{max-width:1000px;margin:0 auto;padding:24px 16px}h1{font-size:1.6em}p{line-height:1.55;max-width:46em}\
figure{margin:28px 0}figcaption{font-weight:bold;margin-bottom:6px}figure svg{max-width:100%;height:auto}\
.sources{font-size:.85em;line-height:1.5;overflow-wrap:anywhere}.note{color:#9a3412}";

pub fn json(facts: &Facts) -> Result<String> {
    serde_json::to_string_pretty(facts).map(|text| text + "\n").map_err(|e| Error::msg(format!("writing the report as JSON: {e}")))
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
