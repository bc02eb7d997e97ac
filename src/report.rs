//! The monthly report, as the Ministry of Trade writes its release on exports by province: the
//! year-to-date national figures, the month's top five provinces and its five largest increases.
//!
//! Every figure comes from a named query of the catalog (national_summary, top_provinces,
//! top_increases, releases), so the report and the analyses can never disagree, and every
//! figure carries its origin: computed from a complete panel, or published, with the source.

use arrow::array::{Array, ArrayRef, AsArray, RecordBatch};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Float64Type, Int64Type};
use duckdb::Connection;
use serde::Serialize;

use crate::catalog::Catalog;
use crate::execution;
use crate::error::{Context, Error, Result};
use crate::turkish as tr;

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
    fn run(conn: &Connection, catalog: &Catalog, name: &str, args: &[(&str, String)]) -> Result<Rows> {
        Ok(Rows { query: name.to_string(), batches: execution::collect(conn, catalog, name, args)? })
    }

    fn len(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    fn cast_column(&self, name: &str, to: &DataType) -> Result<Vec<ArrayRef>> {
        self.batches
            .iter()
            .map(|batch| {
                let column = batch
                    .column_by_name(name)
                    .ok_or_else(|| Error::msg(format!("the report needs column `{name}` from query `{}`, which does not return it", self.query)))?;
                cast(column, to).context(|| format!("reading column `{name}` of query `{}`", self.query))
            })
            .collect()
    }

    fn f64s(&self, name: &str) -> Result<Vec<Option<f64>>> {
        let mut out = Vec::new();
        for array in self.cast_column(name, &DataType::Float64)? {
            let values = array.as_primitive::<Float64Type>();
            out.extend((0..values.len()).map(|i| (!values.is_null(i)).then(|| values.value(i))));
        }
        Ok(out)
    }

    fn i64s(&self, name: &str) -> Result<Vec<Option<i64>>> {
        let mut out = Vec::new();
        for array in self.cast_column(name, &DataType::Int64)? {
            let values = array.as_primitive::<Int64Type>();
            out.extend((0..values.len()).map(|i| (!values.is_null(i)).then(|| values.value(i))));
        }
        Ok(out)
    }

    fn strings(&self, name: &str) -> Result<Vec<Option<String>>> {
        let mut out = Vec::new();
        for array in self.cast_column(name, &DataType::Utf8)? {
            let values = array.as_string::<i32>();
            out.extend((0..values.len()).map(|i| (!values.is_null(i)).then(|| values.value(i).to_string())));
        }
        Ok(out)
    }

    fn bools(&self, name: &str) -> Result<Vec<Option<bool>>> {
        let mut out = Vec::new();
        for array in self.cast_column(name, &DataType::Boolean)? {
            let values = array.as_boolean();
            out.extend((0..values.len()).map(|i| (!values.is_null(i)).then(|| values.value(i))));
        }
        Ok(out)
    }
}

/// Gathers the facts for a month from the catalog's queries: the report keeps no knowledge of
/// its own, so it and the analyses can never disagree.
pub fn facts(conn: &Connection, catalog: &Catalog, year: i32, month: u32, basis: &str) -> Result<Facts> {
    let common = |period: &str| vec![("year", year.to_string()), ("month", month.to_string()), ("period", period.to_string()), ("basis", basis.to_string())];

    // January to December is the calendar year, which releases state as `year`.
    let national = Rows::run(conn, catalog, "national_summary", &common(if month == 12 { "year" } else { "ytd" }))?;
    let metrics = national.strings("metric")?;
    let (values, origins, sources, missing, panels) =
        (national.f64s("value")?, national.strings("origin")?, national.strings("source")?, national.strings("missing")?, national.i64s("panel")?);
    let figure = |metric: &str| -> Result<Figure> {
        let i = metrics
            .iter()
            .position(|m| m.as_deref() == Some(metric))
            .ok_or_else(|| Error::msg(format!("query `national_summary` returned no row for metric `{metric}`, which the report needs")))?;
        let origin = origins[i].clone();
        let source = if origin.as_deref() == Some("computed") { None } else { sources[i].clone() };
        Ok(Figure { value: values[i], origin, source, missing: missing[i].clone(), panel: panels[i].unwrap_or(0) })
    };

    let mut top_args = common("month");
    top_args.push(("n", "5".into()));
    let top = Rows::run(conn, catalog, "top_provinces", &top_args)?;
    let top_provinces = province_figures(&top, "value_usd")?;
    // The panel of the month, also when no province has a rank (top_provinces is then empty).
    let month_panel = Rows::run(conn, catalog, "share_of_total", &common("month"))?.len() as i64;

    let increases = Rows::run(conn, catalog, "top_increases", &top_args)?;
    let top_increases = province_figures(&increases, "change_usd")?;
    let increases_origin = match top_increases.first() {
        None => "none".to_string(),
        Some(_) if increases.strings("origin")?.iter().all(|o| o.as_deref() == Some("computed")) => "computed".to_string(),
        Some(_) => "published".to_string(),
    };
    let compared = Rows::run(conn, catalog, "provinces_increased", &common("month"))?;
    let increases_compared = compared.i64s("compared")?.first().copied().flatten().unwrap_or(0);

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
        let complete = |rows: &Rows| -> Result<bool> { Ok(rows.bools("complete")?.first().copied().flatten().unwrap_or(false)) };
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
        ytd_exports_usd: figure("total_exports")?,
        ytd_change_pct: figure("total_change_pct")?,
        provinces_over_1b: figure("provinces_over_1b")?,
        provinces_increased: figure("provinces_increased")?,
        month_panel,
        top_provinces,
        top_increases,
        increases_origin,
        increases_compared,
        detail,
    })
}

fn detail_figures(rows: &Rows, code_column: &str) -> Result<Vec<DetailFigure>> {
    let (ranks, codes, names_tr, names_en, values, sources) =
        (rows.i64s("rank")?, rows.strings(code_column)?, rows.strings("name_tr")?, rows.strings("name_en")?, rows.f64s("value_usd")?, rows.strings("source")?);
    Ok((0..ranks.len())
        .filter_map(|i| {
            Some(DetailFigure {
                rank: ranks[i]?,
                code: codes[i].clone()?,
                name_tr: names_tr[i].clone().unwrap_or_default(),
                name_en: names_en[i].clone().unwrap_or_default(),
                value_usd: values[i]?,
                source: sources[i].clone(),
            })
        })
        .collect())
}

/// The rows of top_provinces or top_increases that have a rank and a value to state: a row
/// without one (an increase whose values are not known) is not sentence material.
fn province_figures(rows: &Rows, value_column: &str) -> Result<Vec<ProvinceFigure>> {
    let (ranks, names, values, changes, origins, sources) =
        (rows.i64s("rank")?, rows.strings("province")?, rows.f64s(value_column)?, rows.f64s("change_pct")?, rows.strings("origin")?, rows.strings("source")?);
    let optional = |name: &str| -> Vec<Option<String>> { rows.strings(name).unwrap_or_else(|_| vec![None; ranks.len()]) };
    let (change_origins, previous_sources) = (optional("change_origin"), optional("previous_source"));
    Ok((0..ranks.len())
        .filter_map(|i| {
            Some(ProvinceFigure {
                rank: ranks[i]?,
                province: names[i].clone()?,
                value_usd: values[i]?,
                change_pct: changes[i],
                origin: origins[i].clone().unwrap_or_default(),
                source: sources[i].clone(),
                change_origin: change_origins[i].clone(),
                previous_source: previous_sources[i].clone().filter(|p| Some(p) != sources[i].as_ref()),
            })
        })
        .collect())
}

/// The words of the report that are not figures, one table per language: the text, the
/// sources list and the tables take their labels from here and nowhere else.
pub struct Labels {
    pub sources: &'static str,
    pub national: &'static str,
    pub over_1b: &'static str,
    pub increased: &'static str,
    pub top: &'static str,
    pub increases: &'static str,
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

pub const LABELS_TR: Labels = Labels {
    sources: "Kaynaklar",
    national: "Ulusal ihracat ve değişimi",
    over_1b: "1 milyar doları aşan il sayısı",
    increased: "İhracatı artan il sayısı",
    top: "İlk beş il",
    increases: "En fazla artış",
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
    top: "Top five provinces",
    increases: "Largest increases",
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

pub fn paragraphs(facts: &Facts, language: Language) -> Vec<String> {
    match language {
        Language::Tr => text_tr(facts),
        Language::En => text_en(facts),
    }
}

/// Why a national figure cannot be given, in Turkish: too few provinces have the whole period.
fn missing_tr(figure: &Figure) -> String {
    let panel = if figure.panel == 0 {
        "hiçbir ilin dönemin tamamı için değeri yok".to_string()
    } else {
        format!("81 ilden yalnızca {} ilin dönemin tamamı için değeri var", figure.panel)
    };
    format!("{panel} ve bu rakamı veren bir bülten yok")
}

/// "81 ilden yalnızca 5 ilin değeri var", "hiçbir ilin değeri yok".
fn panel_tr(panel: i64) -> String {
    if panel == 0 { "hiçbir ilin değeri yok".to_string() } else { format!("81 ilden yalnızca {panel} ilin değeri var") }
}

fn missing_en(figure: &Figure) -> String {
    format!("{} of 81 provinces have a value for the whole period and no release states it", figure.panel)
}

fn text_tr(f: &Facts) -> Vec<String> {
    // "2025 yılı ocak-ekim döneminde", "2026 yılı ocak ayında", "2025 yılında" (December).
    let period = if f.month == 12 { format!("{} yılında", f.year) } else { format!("{} yılı {}", f.year, tr::ytd_period_locative(f.month)) };
    let period_of = if f.month == 12 { format!("{} yılı", f.year) } else { format!("{} yılı {}", f.year, tr::ytd_period(f.month)) };
    let month = tr::month_name(f.month);
    let mut out = Vec::new();
    let mut national = match (f.ytd_exports_usd.value, f.ytd_change_pct.value) {
        (Some(total), Some(change)) => format!(
            "{period} Türkiye'nin ihracatı, geçen yılın aynı dönemine göre {} {} {} oldu.",
            tr::percent(change),
            if change >= 0.0 { "artarak" } else { "azalarak" },
            tr::money_billions(total)
        ),
        (Some(total), None) => format!("{period} Türkiye'nin ihracatı {} oldu.", tr::money_billions(total)),
        (None, Some(change)) => format!(
            "{period} Türkiye'nin ihracatı geçen yılın aynı dönemine göre {} {}.",
            tr::percent(change),
            if change >= 0.0 { "arttı" } else { "azaldı" }
        ),
        (None, None) => format!("{period_of} için ulusal ihracat toplamı verilemiyor: {}.", missing_tr(&f.ytd_exports_usd)),
    };
    match (f.provinces_over_1b.value, f.provinces_increased.value) {
        (Some(over), Some(up)) => national.push_str(&format!(" Bu dönemde {over:.0} ilin ihracatı 1 milyar doları aştı, {up:.0} ilin ihracatı arttı.")),
        (Some(over), None) => national.push_str(&format!(" Bu dönemde {over:.0} ilin ihracatı 1 milyar doları aştı; ihracatı artan il sayısı verilemiyor: {}.", missing_tr(&f.provinces_increased))),
        (None, Some(up)) => national.push_str(&format!(" Bu dönemde {up:.0} ilin ihracatı arttı; 1 milyar doları aşan il sayısı verilemiyor: {}.", missing_tr(&f.provinces_over_1b))),
        (None, None) => national.push_str(&format!(" 1 milyar doları aşan ve ihracatı artan il sayıları verilemiyor: {}.", missing_tr(&f.provinces_over_1b))),
    }
    out.push(national);

    if f.top_provinces.is_empty() {
        out.push(if f.month_panel == 0 {
            format!("{} ayı için il verisi yok.", tr::capitalize(month))
        } else {
            format!("{} ayında il sıralaması verilemiyor: {} ve bu değerleri sıralayan bir bülten yok.", tr::capitalize(month), panel_tr(f.month_panel))
        });
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
        None => out.push(format!(
            "{} ayında ihracatını en fazla artıran illerin sıralaması verilemiyor: iki yılda da değeri olan il sayısı {} (81 değil) ve bu sıralamayı veren bir bülten yok.",
            tr::capitalize(month),
            f.increases_compared
        )),
        Some((first, rest)) => {
            let mut text = format!("Geçen yılın aynı ayına göre ihracatını en fazla artıran il {} {} oldu.", tr::money_millions_with(first.value_usd), first.province);
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
            // Chapter names are common nouns, lower case inside a sentence ("iron and steel");
            // countries are names and keep their capitals.
            let chapter = |c: &DetailFigure| tr::inside_sentence_en(&tr::sentence_case_en(&c.name_en));
            let list = |items: &[DetailFigure], name: &dyn Fn(&DetailFigure) -> String| {
                items.iter().map(|c| format!("{} ({})", name(c), tr::money_thousands_en(c.value_usd))).collect::<Vec<_>>()
            };
            if let Some((first, rest)) = d.chapters.split_first() {
                let mut text = format!("{}'s leading chapter was {} ({})", d.province, chapter(first), tr::money_thousands_en(first.value_usd));
                if !rest.is_empty() {
                    text.push_str(&format!(", followed by {}", join_en(&list(rest, &chapter))));
                }
                out.push(text + ".");
            }
            if let Some((first, rest)) = d.countries.split_first() {
                let subject = if d.chapters.is_empty() { format!("{}'s", d.province) } else { "Its".to_string() };
                let mut text = format!("{subject} largest market was {} ({})", first.name_en, tr::money_thousands_en(first.value_usd));
                if !rest.is_empty() {
                    text.push_str(&format!(", followed by {}", join_en(&list(rest, &|c: &DetailFigure| c.name_en.clone()))));
                }
                out.push(text + ".");
            }
            out
        })
        .collect();
    (!sentences.is_empty()).then(|| sentences.join(" "))
}

fn text_en(f: &Facts) -> Vec<String> {
    let period = if f.month == 12 { f.year.to_string() } else { format!("{} {}", tr::ytd_period_en(f.month), f.year) };
    let month = format!("{} {}", tr::month_name_en(f.month), f.year);
    let mut out = Vec::new();
    let mut national = match (f.ytd_exports_usd.value, f.ytd_change_pct.value) {
        (Some(total), Some(change)) => format!(
            "In {period}, Turkey's exports {} {} on the same period a year earlier to {}.",
            if change >= 0.0 { "rose" } else { "fell" },
            tr::percent_en(change),
            tr::money_billions_en(total)
        ),
        (Some(total), None) => format!("In {period}, Turkey's exports were {}.", tr::money_billions_en(total)),
        (None, Some(change)) => format!("In {period}, Turkey's exports {} {} on the same period a year earlier.", if change >= 0.0 { "rose" } else { "fell" }, tr::percent_en(change)),
        (None, None) => format!("Turkey's total exports for {period} cannot be given: {}.", missing_en(&f.ytd_exports_usd)),
    };
    match (f.provinces_over_1b.value, f.provinces_increased.value) {
        (Some(over), Some(up)) => national.push_str(&format!(" Exports exceeded USD 1 billion in {over:.0} provinces and rose in {up:.0}.")),
        (Some(over), None) => national.push_str(&format!(
            " Exports exceeded USD 1 billion in {over:.0} provinces; the number of provinces whose exports rose cannot be given: {}.",
            missing_en(&f.provinces_increased)
        )),
        (None, Some(up)) => national.push_str(&format!(" Exports rose in {up:.0} provinces; the number over USD 1 billion cannot be given: {}.", missing_en(&f.provinces_over_1b))),
        (None, None) => national.push_str(&format!(" The numbers of provinces over USD 1 billion and with rising exports cannot be given: {}.", missing_en(&f.provinces_over_1b))),
    }
    out.push(national);
    match f.top_provinces.split_first() {
        None if f.month_panel == 0 => out.push(format!("There are no province figures for {month}.")),
        None => out.push(format!(
            "The provinces cannot be ranked for {month}: {} of 81 provinces have a value and no release ranked them.",
            f.month_panel
        )),
        Some((first, rest)) => {
            let mut text = format!("In {month}, {} ranked first with {}", first.province, tr::money_en(first.value_usd));
            if !rest.is_empty() {
                // A rank the release skipped is said, so that "followed by" never implies it.
                let others: Vec<String> = rest
                    .iter()
                    .enumerate()
                    .map(|(i, p)| match p.rank as usize == i + 2 {
                        true => format!("{} ({})", p.province, tr::money_en(p.value_usd)),
                        false => format!("{} ({}, {})", p.province, tr::money_en(p.value_usd), tr::ordinal_en(p.rank as usize)),
                    })
                    .collect();
                text.push_str(&format!(", followed by {}", join_en(&others)));
            }
            text.push('.');
            let changes: Vec<String> = f
                .top_provinces
                .iter()
                .filter_map(|p| p.change_pct.map(|c| (p, c)))
                .enumerate()
                .map(|(i, (p, c))| {
                    let noun = if i == 0 { "'s exports" } else { "'s" };
                    format!("{}{noun} {} {}", p.province, if c >= 0.0 { "rose" } else { "fell" }, tr::percent_en(c))
                })
                .collect();
            if !changes.is_empty() {
                text.push_str(&format!(" Year on year, {}.", join_en(&changes)));
            }
            out.push(text);
        }
    }
    match f.top_increases.split_first() {
        None => out.push(format!(
            "The largest increases in {month} cannot be listed: {} of 81 provinces have a value in both years and no release listed them.",
            f.increases_compared
        )),
        Some((first, rest)) => {
            let mut text = format!("The largest increase on {} {} was {}'s ({})", tr::month_name_en(f.month), f.year - 1, first.province, tr::money_en(first.value_usd));
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
    let l = labels(language);
    let describe = |figure: &Figure| match (&figure.origin, &figure.source) {
        (Some(origin), Some(source)) => format!("{}: {source}", l.origin_word(origin)),
        (Some(origin), None) => l.origin_word(origin).to_string(),
        (None, _) => match language {
            Language::Tr => missing_tr(figure),
            Language::En => missing_en(figure),
        },
    };
    let list_sources = |urls: Vec<String>, origin: &str| {
        let mut unique: Vec<String> = Vec::new();
        for url in urls.into_iter().filter(|s| s.contains("://")) {
            if !unique.contains(&url) {
                unique.push(url);
            }
        }
        if unique.is_empty() { origin.to_string() } else { format!("{origin}: {}", unique.join(" ; ")) }
    };
    let top_origin = f.top_provinces.first().map(|p| l.origin_word(&p.origin)).unwrap_or_default();
    let increases_origin = if f.top_increases.is_empty() { l.none } else { l.origin_word(&f.increases_origin) };
    let basis = if f.basis == "activity" { l.basis_activity } else { l.basis_registered };
    let mut lines = vec![
        format!("{}: {}", l.national, describe(&f.ytd_exports_usd)),
        format!("{}: {}", l.over_1b, describe(&f.provinces_over_1b)),
        format!("{}: {}", l.increased, describe(&f.provinces_increased)),
        format!("{}: {}", l.top, list_sources(f.top_provinces.iter().filter_map(|p| p.source.clone()).collect(), top_origin)),
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
        Language::En => format!("{value:.places$}"),
    };
    let table = |rows: &[ProvinceFigure], value_title: &str| {
        let mut t = format!("| # | {} | {value_title} | {} | {} |\n|---:|---|---:|---:|---|\n", l.province, l.change_pct, l.origin);
        for p in rows {
            let change = p.change_pct.map(|c| number(c, 1)).unwrap_or_default();
            t.push_str(&format!("| {} | {} | {} | {change} | {} |\n", p.rank, p.province, number(p.value_usd / 1e6, 0), l.origin_word(&p.origin)));
        }
        t
    };
    let mut parts = vec![title];
    parts.extend(paragraphs(facts, language));
    parts.push(format!("## {}\n\n{}", l.top, table(&facts.top_provinces, l.value_musd)));
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
    let args = |extra: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut args = vec![("year".to_string(), facts.year.to_string()), ("month".to_string(), facts.month.to_string()), ("basis".to_string(), facts.basis.clone())];
        args.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        args
    };
    let charts = [
        (l.top, "top_provinces", args(&[("n", "5")]), Kind::Bar),
        (l.increases, "top_increases", args(&[("n", "5")]), Kind::Bar),
        (l.map, "top_provinces", args(&[("n", "81")]), Kind::Map),
    ];
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
        match execution::draw_named(conn, query, &args, &request) {
            Ok((chart, _)) => page.push_str(&chart.svg),
            // A month without, say, published increases has no chart, and the page says so.
            Err(e) => page.push_str(&format!("<p class=\"note\">{}: {}</p>\n", escape(l.no_chart), escape(&e.to_string()))),
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
    let locale = if language == Language::Tr { crate::output::Locale::Tr } else { crate::output::Locale::En };
    let mut book = crate::excel::Book::new(locale);
    let common = vec![("year".to_string(), facts.year.to_string()), ("month".to_string(), facts.month.to_string()), ("basis".to_string(), facts.basis.clone())];
    let with = |extra: &[(&str, &str)]| -> Vec<(String, String)> {
        let mut args = common.clone();
        args.extend(extra.iter().map(|(k, v)| (k.to_string(), v.to_string())));
        args
    };
    let l = labels(language);
    let sheets = [
        (l.national, "national_summary", with(&[("period", "ytd")])),
        (l.top, "top_provinces", with(&[("n", "5")])),
        (l.increases, "top_increases", with(&[("n", "5")])),
    ];
    // The leading provinces' chapters and countries, a sheet each, where the data has them.
    let (chapters, countries) = match language {
        Language::Tr => ("fasıllar", "ülkeler"),
        Language::En => ("chapters", "countries"),
    };
    let mut detail_sheets = Vec::new();
    for leader in &facts.detail {
        let province = || with(&[("province", leader.province.as_str()), ("n", "3")]);
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
    let about = crate::excel::About { query: "report".into(), summary, parameters: common.clone() };
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
