//! The monthly report, as the Ministry of Trade writes its release on exports by province: the
//! year-to-date national figures, the month's top five provinces and its five largest increases.
//!
//! Every figure comes from a named query of the catalog (national_summary, top_provinces,
//! top_increases, releases), so the report and the analyses can never disagree, and every
//! figure carries its origin: computed from a complete panel, or published, with the source.

use arrow::array::{Array, RecordBatch};
use arrow::compute::cast;
use arrow::datatypes::DataType;
use duckdb::Connection;
use serde::Serialize;

use crate::catalog::{self, Catalog};
use crate::error::{Context, Error, Result};
use crate::turkish as tr;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Tr,
    En,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Markdown,
    Json,
}

/// One national figure and where it came from; `missing` says why there is no value.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figure {
    pub value: Option<f64>,
    pub origin: Option<String>,
    pub source: Option<String>,
    pub missing: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ProvinceFigure {
    pub rank: i64,
    pub province: String,
    pub value_usd: f64,
    pub change_pct: Option<f64>,
    pub origin: String,
    pub source: Option<String>,
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
    pub ytd_exports_usd: Figure,
    pub ytd_change_pct: Figure,
    pub provinces_over_1b: Figure,
    pub provinces_increased: Figure,
    /// How many provinces have a value for the month (81 is complete).
    pub month_panel: i64,
    pub top_provinces: Vec<ProvinceFigure>,
    pub top_increases: Vec<ProvinceFigure>,
    /// "computed" from a complete panel, else "published" (the release's list) or
    /// "computed among N provinces with data" when no release listed them.
    pub increases_origin: String,
    /// How many provinces have a value in both years for the month (81 is complete).
    pub increases_compared: i64,
    /// The top three provinces' top three chapters and countries, from top_products and
    /// top_destinations.
    pub detail: Vec<ProvinceDetail>,
}

impl Facts {
    /// True when no release listed the increases and the panel is incomplete, so the ranking
    /// is only among the provinces with a value in both years: the text must say so.
    fn increases_partial(&self) -> bool {
        self.increases_origin.starts_with("computed among")
    }
}

/// The columns of a query's result, by name, as plain values.
struct Rows {
    batches: Vec<RecordBatch>,
}

impl Rows {
    fn run(conn: &Connection, catalog: &Catalog, name: &str, args: &[(&str, String)]) -> Result<Rows> {
        let query = catalog.get(name)?;
        let args: Vec<(String, String)> = args.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        let mut prepared = catalog::prepare(conn, query, &args)?;
        let batches = prepared
            .stmt
            .stream_arrow(duckdb::params_from_iter(prepared.values))
            .context(|| format!("running `{name}`"))?
            .collect::<std::result::Result<Vec<_>, _>>()
            .context(|| format!("running `{name}`"))?;
        Ok(Rows { batches })
    }

    fn column(&self, name: &str, to: &DataType) -> Result<Vec<Option<ColumnValue>>> {
        let mut out = Vec::new();
        for batch in &self.batches {
            let column = batch.column_by_name(name).ok_or_else(|| Error::msg(format!("the report's query has no column `{name}`")))?;
            let cast = cast(column, to).context(|| format!("reading column `{name}`"))?;
            for i in 0..cast.len() {
                out.push(if cast.is_null(i) {
                    None
                } else {
                    Some(match to {
                        DataType::Float64 => ColumnValue::F(cast.as_any().downcast_ref::<arrow::array::Float64Array>().unwrap().value(i)),
                        DataType::Int64 => ColumnValue::I(cast.as_any().downcast_ref::<arrow::array::Int64Array>().unwrap().value(i)),
                        _ => ColumnValue::S(cast.as_any().downcast_ref::<arrow::array::StringArray>().unwrap().value(i).to_string()),
                    })
                });
            }
        }
        Ok(out)
    }

    fn f64s(&self, name: &str) -> Result<Vec<Option<f64>>> {
        Ok(self.column(name, &DataType::Float64)?.into_iter().map(|v| v.and_then(|v| if let ColumnValue::F(f) = v { Some(f) } else { None })).collect())
    }

    fn i64s(&self, name: &str) -> Result<Vec<Option<i64>>> {
        Ok(self.column(name, &DataType::Int64)?.into_iter().map(|v| v.and_then(|v| if let ColumnValue::I(i) = v { Some(i) } else { None })).collect())
    }

    fn strings(&self, name: &str) -> Result<Vec<Option<String>>> {
        Ok(self.column(name, &DataType::Utf8)?.into_iter().map(|v| v.and_then(|v| if let ColumnValue::S(s) = v { Some(s) } else { None })).collect())
    }
}

enum ColumnValue {
    F(f64),
    I(i64),
    S(String),
}

/// Gathers the facts for a month from the catalog's queries.
pub fn facts(conn: &Connection, catalog: &Catalog, year: i32, month: u32, basis: &str) -> Result<Facts> {
    let common = |period: &str| vec![("year", year.to_string()), ("month", month.to_string()), ("period", period.to_string()), ("basis", basis.to_string())];

    // January to December is the calendar year, which releases state as `year`.
    let national = Rows::run(conn, catalog, "national_summary", &common(if month == 12 { "year" } else { "ytd" }))?;
    let metrics = national.strings("metric")?;
    let (values, origins, sources, missing) = (national.f64s("value")?, national.strings("origin")?, national.strings("source")?, national.strings("missing")?);
    let figure = |metric: &str| {
        let i = metrics.iter().position(|m| m.as_deref() == Some(metric)).expect("national_summary returns each metric");
        let origin = origins[i].clone();
        let source = if origin.as_deref() == Some("published") { sources[i].clone() } else { None };
        Figure { value: values[i], origin, source, missing: missing[i].clone() }
    };

    let mut top_args = common("month");
    top_args.push(("n", "5".into()));
    let top = Rows::run(conn, catalog, "top_provinces", &top_args)?;
    let month_panel = top.i64s("panel")?.first().copied().flatten().unwrap_or(0);
    let mut top_provinces = province_figures(&top, "value_usd")?;
    // A change the release stated beats one computed from its rounded values.
    for (figure, stated) in top_provinces.iter_mut().zip(top.f64s("published_change_pct")?) {
        if stated.is_some() {
            figure.change_pct = stated;
        }
    }

    let increases = Rows::run(conn, catalog, "top_increases", &top_args)?;
    let compared = increases.i64s("panel")?.first().copied().flatten().unwrap_or(0);
    let (top_increases, increases_origin) = if compared == 81 {
        (province_figures(&increases, "change_usd")?, "computed".to_string())
    } else {
        let published = published_increases(conn, catalog, year, month, basis)?;
        if published.is_empty() {
            let computed = province_figures(&increases, "change_usd")?;
            (computed, format!("computed among the {compared} provinces with a value in both years"))
        } else {
            (published, "published".to_string())
        }
    };

    let mut detail = Vec::new();
    for leader in top_provinces.iter().take(3) {
        let mut args = common("month");
        args.push(("province", leader.province.clone()));
        args.push(("n", "3".into()));
        let chapters = Rows::run(conn, catalog, "top_products", &args)?;
        let countries = Rows::run(conn, catalog, "top_destinations", &args)?;
        let (chapter_list, country_list) = (detail_figures(&chapters, "product")?, detail_figures(&countries, "country")?);
        if chapter_list.is_empty() && country_list.is_empty() {
            continue;
        }
        let complete = |rows: &Rows| -> Result<bool> { Ok(rows.strings("complete")?.first().cloned().flatten().as_deref() == Some("true")) };
        detail.push(ProvinceDetail {
            province: leader.province.clone(),
            chapters_complete: complete(&chapters)?,
            countries_complete: complete(&countries)?,
            chapters: chapter_list,
            countries: country_list,
        });
    }

    Ok(Facts {
        year,
        month,
        basis: basis.to_string(),
        ytd_exports_usd: figure("total_exports"),
        ytd_change_pct: figure("total_change_pct"),
        provinces_over_1b: figure("provinces_over_1b"),
        provinces_increased: figure("provinces_increased"),
        month_panel,
        top_provinces,
        top_increases,
        increases_origin,
        increases_compared: compared,
        detail,
    })
}

fn detail_figures(rows: &Rows, code_column: &str) -> Result<Vec<DetailFigure>> {
    let (ranks, codes, names_tr, names_en, values, sources) =
        (rows.i64s("rank")?, rows.strings(code_column)?, rows.strings("name_tr")?, rows.strings("name_en")?, rows.f64s("value_usd")?, rows.strings("source")?);
    Ok((0..ranks.len())
        .map(|i| DetailFigure {
            rank: ranks[i].unwrap_or_default(),
            code: codes[i].clone().unwrap_or_default(),
            name_tr: names_tr[i].clone().unwrap_or_default(),
            name_en: names_en[i].clone().unwrap_or_default(),
            value_usd: values[i].unwrap_or_default(),
            source: sources[i].clone(),
        })
        .collect())
}

fn province_figures(rows: &Rows, value_column: &str) -> Result<Vec<ProvinceFigure>> {
    let (ranks, names, values, changes, origins) =
        (rows.i64s("rank")?, rows.strings("province")?, rows.f64s(value_column)?, rows.f64s("change_pct")?, rows.strings("origin")?);
    let sources = rows.strings("source").unwrap_or_else(|_| vec![None; ranks.len()]);
    Ok((0..ranks.len())
        .map(|i| ProvinceFigure {
            rank: ranks[i].unwrap_or_default(),
            province: names[i].clone().unwrap_or_default(),
            value_usd: values[i].unwrap_or_default(),
            change_pct: changes[i],
            origin: origins[i].clone().unwrap_or_default(),
            source: sources.get(i).cloned().flatten(),
        })
        .collect())
}

/// The release's own list of the month's largest increases, in its order.
fn published_increases(conn: &Connection, catalog: &Catalog, year: i32, month: u32, basis: &str) -> Result<Vec<ProvinceFigure>> {
    let rows = Rows::run(conn, catalog, "releases", &[("year", year.to_string()), ("month", month.to_string()), ("period", "month".into()), ("basis", basis.to_string())])?;
    let (metrics, derived, ranks, names, values, sources) =
        (rows.strings("metric")?, rows.strings("derived")?, rows.i64s("rank")?, rows.strings("province")?, rows.f64s("value")?, rows.strings("source_url")?);
    let mut list: Vec<ProvinceFigure> = (0..metrics.len())
        .filter(|&i| metrics[i].as_deref() == Some("increase") && derived[i].as_deref() == Some("false"))
        .map(|i| ProvinceFigure {
            rank: ranks[i].unwrap_or(0),
            province: names[i].clone().unwrap_or_default(),
            value_usd: values[i].unwrap_or_default(),
            change_pct: None,
            origin: "published".into(),
            source: sources[i].clone(),
        })
        .collect();
    list.sort_by(|a, b| a.rank.cmp(&b.rank).then(b.value_usd.total_cmp(&a.value_usd)));
    list.dedup_by(|a, b| a.province == b.province);
    list.truncate(5);
    Ok(list)
}

/// The report as prose, in Turkish or English.
pub fn text(facts: &Facts, language: Language) -> String {
    let mut paragraphs = match language {
        Language::Tr => text_tr(facts),
        Language::En => text_en(facts),
    };
    paragraphs.push(sources(facts, language));
    paragraphs.join("\n\n") + "\n"
}

fn text_tr(f: &Facts) -> Vec<String> {
    let period = tr::ytd_period(f.month);
    let month = tr::month_name(f.month);
    let mut out = Vec::new();
    let mut national = match (f.ytd_exports_usd.value, f.ytd_change_pct.value) {
        (Some(total), Some(change)) => format!(
            "{} yılı {period}nde Türkiye'nin ihracatı, geçen yılın aynı dönemine göre {} {} {} oldu.",
            f.year,
            tr::percent(change),
            if change >= 0.0 { "artarak" } else { "azalarak" },
            tr::money_billions(total)
        ),
        (Some(total), None) => format!("{} yılı {period}nde Türkiye'nin ihracatı {} oldu.", f.year, tr::money_billions(total)),
        (None, Some(change)) => format!(
            "{} yılı {period}nde Türkiye'nin ihracatı geçen yılın aynı dönemine göre {} {}.",
            f.year,
            tr::percent(change),
            if change >= 0.0 { "arttı" } else { "azaldı" }
        ),
        (None, None) => format!("{} yılı {period} için ulusal ihracat toplamı verilemiyor: {}.", f.year, missing_tr(&f.ytd_exports_usd)),
    };
    match (f.provinces_over_1b.value, f.provinces_increased.value) {
        (Some(over), Some(up)) => national.push_str(&format!(" Bu dönemde {over:.0} ilin ihracatı 1 milyar doları aştı, {up:.0} ilin ihracatı arttı.")),
        (Some(over), None) => national.push_str(&format!(" Bu dönemde {over:.0} ilin ihracatı 1 milyar doları aştı; ihracatı artan il sayısı verilemiyor: {}.", missing_tr(&f.provinces_increased))),
        (None, Some(up)) => national.push_str(&format!(" Bu dönemde {up:.0} ilin ihracatı arttı; 1 milyar doları aşan il sayısı verilemiyor: {}.", missing_tr(&f.provinces_over_1b))),
        (None, None) => national.push_str(&format!(" 1 milyar doları aşan ve ihracatı artan il sayıları verilemiyor: {}.", missing_tr(&f.provinces_over_1b))),
    }
    out.push(national);

    if f.top_provinces.is_empty() {
        out.push(format!("{} ayı için il verisi yok.", tr::capitalize(month)));
    } else {
        let ranks: Vec<String> = f
            .top_provinces
            .iter()
            .map(|p| format!("{} {} {}", p.province, tr::money_millions_with(p.value_usd), tr::ordinal(p.rank as usize)))
            .collect();
        let mut top = format!("{} ayında ihracatta {} sırada yer aldı.", tr::capitalize(month), join_tr(&ranks));
        let changes: Vec<String> = f
            .top_provinces
            .iter()
            .filter_map(|p| p.change_pct.map(|c| format!("{} ihracatı {} {}", tr::genitive(&p.province), tr::percent(c), if c >= 0.0 { "arttı" } else { "azaldı" })))
            .collect();
        if !changes.is_empty() {
            top.push_str(&format!(" Geçen yılın aynı ayına göre {}.", join_tr(&changes)));
        }
        out.push(top);
    }

    match f.top_increases.split_first() {
        None => out.push(format!("{} ayında ihracatını artıran illerin sıralaması verilemiyor: ne tam il verisi ne de yayımlanmış bir sıralama var.", tr::capitalize(month))),
        Some((first, rest)) => {
            let among = if f.increases_partial() {
                format!(" (yalnızca iki yılda da verisi olan {} il arasında)", f.increases_compared)
            } else {
                String::new()
            };
            let mut text = format!(
                "Geçen yılın aynı ayına göre ihracatını en fazla artıran il{among} {} {} oldu.",
                tr::money_millions_with(first.value_usd),
                first.province
            );
            if !rest.is_empty() {
                let others: Vec<String> = rest.iter().map(|p| format!("{} {}", tr::money_millions_with(p.value_usd), p.province)).collect();
                text.push_str(&format!(" {} {} izledi.", tr::accusative(&first.province), join_tr(&others)));
            }
            out.push(text);
        }
    }
    out.extend(detail_tr(f));
    out
}

/// The releases' paragraph on the leading provinces' chapters and countries.
fn detail_tr(f: &Facts) -> Option<String> {
    let sentences: Vec<String> = f
        .detail
        .iter()
        .flat_map(|d| {
            let mut out = Vec::new();
            if let Some((first, rest)) = d.chapters.split_first() {
                let mut text = format!("{} ihracatında ilk sırada {}la {} faslı yer aldı", tr::genitive(&d.province), tr::money_thousands(first.value_usd), first.name_tr);
                if !rest.is_empty() {
                    let others: Vec<String> = rest.iter().map(|c| format!("{}la {}", tr::money_thousands(c.value_usd), c.name_tr)).collect();
                    text.push_str(&format!("; bunu {} izledi", join_tr(&others)));
                }
                out.push(text + ".");
            }
            if let Some((first, rest)) = d.countries.split_first() {
                let mut text = format!("{} en fazla ihracatı {}la {} gerçekleştirdi", d.province, tr::money_thousands(first.value_usd), tr::dative(&first.name_tr));
                if !rest.is_empty() {
                    let others: Vec<String> = rest.iter().map(|c| format!("{}la {}", tr::money_thousands(c.value_usd), c.name_tr)).collect();
                    text.push_str(&format!("; bunu {} izledi", join_tr(&others)));
                }
                out.push(text + ".");
            }
            out
        })
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

fn detail_en(f: &Facts) -> Option<String> {
    let sentences: Vec<String> = f
        .detail
        .iter()
        .flat_map(|d| {
            let mut out = Vec::new();
            let list = |items: &[DetailFigure]| items.iter().map(|c| format!("{} ({})", c.name_en, tr::money_thousands_en(c.value_usd))).collect::<Vec<_>>();
            if let Some((first, rest)) = d.chapters.split_first() {
                let mut text = format!("{}'s leading chapter was {} ({})", d.province, first.name_en, tr::money_thousands_en(first.value_usd));
                if !rest.is_empty() {
                    text.push_str(&format!(", followed by {}", join_en(&list(rest))));
                }
                out.push(text + ".");
            }
            if let Some((first, rest)) = d.countries.split_first() {
                let mut text = format!("Its largest market was {} ({})", first.name_en, tr::money_thousands_en(first.value_usd));
                if d.chapters.is_empty() {
                    text = format!("{}'s largest market was {} ({})", d.province, first.name_en, tr::money_thousands_en(first.value_usd));
                }
                if !rest.is_empty() {
                    text.push_str(&format!(", followed by {}", join_en(&list(rest))));
                }
                out.push(text + ".");
            }
            out
        })
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

fn text_en(f: &Facts) -> Vec<String> {
    let period = format!("{} {}", tr::ytd_period_en(f.month), f.year);
    let month = format!("{} {}", tr::month_name_en(f.month), f.year);
    let mut out = Vec::new();
    let mut national = match (f.ytd_exports_usd.value, f.ytd_change_pct.value) {
        (Some(total), Some(change)) => format!(
            "In {period}, Turkey's exports {} {:.1}% on the same period a year earlier to {}.",
            if change >= 0.0 { "rose" } else { "fell" },
            change.abs(),
            tr::money_billions_en(total)
        ),
        (Some(total), None) => format!("In {period}, Turkey's exports were {}.", tr::money_billions_en(total)),
        (None, Some(change)) => format!("In {period}, Turkey's exports {} {:.1}% on the same period a year earlier.", if change >= 0.0 { "rose" } else { "fell" }, change.abs()),
        (None, None) => format!("Turkey's total exports for {period} cannot be given: {}.", f.ytd_exports_usd.missing.clone().unwrap_or_default()),
    };
    match (f.provinces_over_1b.value, f.provinces_increased.value) {
        (Some(over), Some(up)) => national.push_str(&format!(" Exports exceeded USD 1 billion in {over:.0} provinces and rose in {up:.0}.")),
        (Some(over), None) => national.push_str(&format!(" Exports exceeded USD 1 billion in {over:.0} provinces; the number of provinces whose exports rose cannot be given.")),
        (None, Some(up)) => national.push_str(&format!(" Exports rose in {up:.0} provinces; the number over USD 1 billion cannot be given.")),
        (None, None) => national.push_str(" The numbers of provinces over USD 1 billion and with rising exports cannot be given."),
    }
    out.push(national);
    match f.top_provinces.split_first() {
        None => out.push(format!("There are no province figures for {month}.")),
        Some((first, rest)) => {
            let mut text = format!("In {month}, {} ranked first with {}", first.province, tr::money_en(first.value_usd));
            if let Some(c) = first.change_pct {
                text.push_str(&format!(" ({}{:.1}% year on year)", if c >= 0.0 { "+" } else { "-" }, c.abs()));
            }
            if !rest.is_empty() {
                let others: Vec<String> = rest.iter().map(|p| format!("{} ({})", p.province, tr::money_en(p.value_usd))).collect();
                text.push_str(&format!(", followed by {}", join_en(&others)));
            }
            text.push('.');
            out.push(text);
        }
    }
    match f.top_increases.split_first() {
        None => out.push(format!("The largest increases in {month} cannot be listed: there is neither a complete panel nor a published list.")),
        Some((first, rest)) => {
            let among = if f.increases_partial() {
                format!(" among the {} provinces with data for both years", f.increases_compared)
            } else {
                String::new()
            };
            let mut text = format!(
                "The largest increase on {} {}{among} was {}'s ({})",
                tr::month_name_en(f.month),
                f.year - 1,
                first.province,
                tr::money_en(first.value_usd)
            );
            if !rest.is_empty() {
                let others: Vec<String> = rest.iter().map(|p| format!("{} ({})", p.province, tr::money_en(p.value_usd))).collect();
                text.push_str(&format!(", followed by {}", join_en(&others)));
            }
            text.push('.');
            out.push(text);
        }
    }
    out.extend(detail_en(f));
    out
}

fn missing_tr(figure: &Figure) -> String {
    figure.missing.clone().unwrap_or_else(|| "veri yok".into())
}

fn join_tr(items: &[String]) -> String {
    join(items, ", ", " ve ")
}

fn join_en(items: &[String]) -> String {
    join(items, ", ", " and ")
}

fn join(items: &[String], separator: &str, last: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., final_item] => format!("{}{last}{final_item}", init.join(separator)),
    }
}

/// Where each figure came from, so that every number in the text can be traced.
fn sources(f: &Facts, language: Language) -> String {
    let (title, national, over, up, top, increases, computed) = match language {
        Language::Tr => ("Kaynaklar", "Ulusal ihracat ve değişimi", "1 milyar doları aşan il sayısı", "İhracatı artan il sayısı", "İlk beş il", "En fazla artış", "il verisinden hesaplandı"),
        Language::En => ("Sources", "National exports and change", "Provinces over USD 1 billion", "Provinces with rising exports", "Top five provinces", "Largest increases", "computed from the province data"),
    };
    let describe = |figure: &Figure| match (&figure.origin, &figure.source) {
        (Some(origin), Some(source)) => format!("{origin}: {source}"),
        (Some(_), None) => computed.to_string(),
        (None, _) => figure.missing.clone().unwrap_or_default(),
    };
    let list_sources = |items: &[ProvinceFigure], origin: &str| {
        let mut urls: Vec<String> = items.iter().filter_map(|p| p.source.clone()).filter(|s| s.contains("://")).collect();
        urls.dedup();
        if urls.is_empty() { origin.to_string() } else { format!("{origin}: {}", urls.join(" ; ")) }
    };
    let top_origin = f.top_provinces.first().map(|p| p.origin.clone()).unwrap_or_default();
    let basis = match (language, f.basis.as_str()) {
        (Language::Tr, "activity") => "faaliyet ili bazında",
        (Language::Tr, _) => "kayıtlı il bazında",
        (Language::En, "activity") => "by province of activity",
        (Language::En, _) => "by registered province",
    };
    format!(
        "{title} ({basis}):\n- {national}: {}\n- {over}: {}\n- {up}: {}\n- {top}: {}\n- {increases}: {}",
        describe(&f.ytd_exports_usd),
        describe(&f.provinces_over_1b),
        describe(&f.provinces_increased),
        list_sources(&f.top_provinces, &top_origin),
        list_sources(&f.top_increases, &f.increases_origin),
    )
}

/// The text plus tables of the top provinces and the increases.
pub fn markdown(facts: &Facts, language: Language) -> String {
    let title = match language {
        Language::Tr => format!("# İl bazında ihracat: {} {}", tr::capitalize(tr::month_name(facts.month)), facts.year),
        Language::En => format!("# Exports by province: {} {}", tr::month_name_en(facts.month), facts.year),
    };
    let mut paragraphs = match language {
        Language::Tr => text_tr(facts),
        Language::En => text_en(facts),
    };
    let (top, increases, province, value, change, origin) = match language {
        Language::Tr => ("## İlk beş il", "## En fazla artış", "İl", "Değer (milyon $)", "Değişim (%)", "Kaynak"),
        Language::En => ("## Top five provinces", "## Largest increases", "Province", "Value (USD million)", "Change (%)", "Origin"),
    };
    let table = |rows: &[ProvinceFigure], value_title: &str| {
        let mut t = format!("| # | {province} | {value_title} | {change} | {origin} |\n|---:|---|---:|---:|---|\n");
        for p in rows {
            let change = p.change_pct.map(|c| format!("{c:.1}")).unwrap_or_default();
            t.push_str(&format!("| {} | {} | {:.0} | {change} | {} |\n", p.rank, p.province, p.value_usd / 1e6, p.origin));
        }
        t
    };
    paragraphs.insert(0, title);
    paragraphs.push(format!("{top}\n\n{}", table(&facts.top_provinces, value)));
    paragraphs.push(format!("{increases}\n\n{}", table(&facts.top_increases, value)));
    paragraphs.push(sources(facts, language).replace("\n- ", "\n\n- "));
    paragraphs.join("\n\n") + "\n"
}

pub fn json(facts: &Facts) -> String {
    serde_json::to_string_pretty(facts).expect("facts serialise") + "\n"
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_lists_the_turkish_and_english_way() {
        let items = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(join_tr(&items), "a, b ve c");
        assert_eq!(join_en(&items[..2]), "a and b");
        assert_eq!(join_tr(&items[..1]), "a");
    }
}
