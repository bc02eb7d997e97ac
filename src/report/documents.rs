//! The report as people read it: the text, its sources, Markdown, the HTML page with its charts,
//! the workbook and JSON, each from the same facts ([`super::facts`]) and in the reader's
//! language. The words that are not figures come from one table a language ([`Labels`]).

use duckdb::Connection;

use super::sentences::{missing_en, missing_tr, paragraphs};
use super::{Facts, Figure, ProvinceFigure};
use crate::catalog::{Arg, Catalog};
use crate::error::{Error, Result};
use crate::execution;
use crate::language::Language;
use crate::turkish as tr;

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

