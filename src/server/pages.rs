//! The pages, as maud templates (checked when the binary is compiled; every value is escaped
//! unless it is an SVG the chart layer wrote), and the embedded assets.

use arrow::array::{Array, AsArray};
use arrow::compute::cast;
use arrow::datatypes::DataType;
use axum::http::StatusCode;
use duckdb::Connection;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use super::words::{Words, words};
use crate::catalog::{Catalog, Query};
use crate::catalog::params::ParamType;
use crate::charts::{self, Kind, Shapes};
use crate::error::{Error, Result};
use crate::execution::{self, Collected, Notice};
use crate::language::Language;
use crate::output;

const STYLE: &str = include_str!("style.css");

pub fn asset(file: &str) -> Option<(&'static str, &'static [u8])> {
    match file {
        "style.css" => Some(("text/css; charset=utf-8", STYLE.as_bytes())),
        "DejaVuSans.ttf" => Some(("font/ttf", charts::FONT_REGULAR)),
        "DejaVuSans-Bold.ttf" => Some(("font/ttf", charts::FONT_BOLD)),
        _ => None,
    }
}



/// `path?args&lang=…`: the same page in the other language.
fn switch_link(here: &str, args: &[(String, crate::catalog::Arg)], language: Language) -> String {
    let other = if language == Language::Tr { "en" } else { "tr" };
    let mut pairs: Vec<String> = args.iter().map(|(k, v)| format!("{}={}", encode(k), encode(&v.to_string()))).collect();
    pairs.push(format!("lang={other}"));
    format!("{here}?{}", pairs.join("&"))
}

fn with_lang(path: &str, language: Language) -> String {
    format!("{path}{}lang={}", if path.contains('?') { "&" } else { "?" }, words(language).lang)
}

pub fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

fn navigation(language: Language, here: &str, args: &[(String, crate::catalog::Arg)]) -> Markup {
    let w = words(language);
    html! {
        header.site {
            a.brand href=(with_lang("/", language)) { (w.site) }
            nav {
                a href=(with_lang("/", language)) { (w.analyses) }
                a href=(with_lang("/report/latest", language)) { (w.report) }
                a href=(with_lang("/sql", language)) { (w.sql) }
                a href="/api/queries" { (w.api) }
                a.lang href=(switch_link(here, args, language)) lang=(if language == Language::Tr { "en" } else { "tr" }) { (w.other_language) }
            }
        }
    }
}

fn layout(language: Language, title: &str, here: &str, args: &[(String, crate::catalog::Arg)], body: Markup) -> String {
    let w = words(language);
    html! {
        (DOCTYPE)
        html lang=(w.lang) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · " (w.site) }
                link rel="stylesheet" href="/assets/style.css";
            }
            body {
                (navigation(language, here, args))
                main { (body) }
            }
        }
    }
    .into_string()
}

/// The report's own page inside the site: its inline style gives way to the site's stylesheet
/// (the content security policy allows no inline style), and the navigation is added.
pub fn with_navigation(page: &str, language: Language, here: &str, month: Option<(i32, u32, &[(i32, u32)])>) -> String {
    let without_style = match (page.find("<style>"), page.find("</style>")) {
        (Some(start), Some(end)) => format!("{}<link rel=\"stylesheet\" href=\"/assets/style.css\">{}", &page[..start], &page[end + "</style>".len()..]),
        _ => page.to_string(),
    };
    let picker = month.map(|(year, month, months)| month_picker(language, year, month, months).into_string()).unwrap_or_default();
    without_style.replacen("<body>\n", &format!("<body>\n{}\n{picker}\n", navigation(language, here, &[]).into_string()), 1)
}

/// The months with activity-basis figures, newest first (the report's month picker).
pub fn report_months(conn: &Connection, catalog: &Catalog) -> Result<Vec<(i32, u32)>> {
    let coverage = execution::collect_named(conn, catalog.get("coverage")?, &crate::catalog::args([("basis", "activity".into())]))?;
    let columns = crate::db::Columns::of(&coverage.batches);
    let read = |name: &str| columns.integers(name).map_err(|e| Error::msg(format!("coverage, column `{name}`: {e:?}")));
    let (years, numbers, provinces) = (read("year")?, read("month")?, read("provinces")?);
    let mut months: Vec<(i32, u32)> = Vec::new();
    for ((year, month), count) in years.into_iter().zip(numbers).zip(provinces) {
        if let (Some(y), Some(m), Some(p)) = (year, month, count) {
            // A month with detail alone has no figures to report.
            if p > 0 {
                months.push((y as i32, m as u32));
            }
        }
    }
    months.sort_unstable_by(|a, b| b.cmp(a));
    months.dedup();
    Ok(months)
}

/// Previous and next month with figures, and a picker over every one (a form: no script).
fn month_picker(language: Language, year: i32, month: u32, months: &[(i32, u32)]) -> Markup {
    let w = words(language);
    let at = months.iter().position(|m| *m == (year, month));
    let newer = at.and_then(|i| i.checked_sub(1)).and_then(|i| months.get(i));
    let older = at.and_then(|i| months.get(i + 1));
    let link = |(y, m): &(i32, u32)| with_lang(&format!("/report/{y}/{m}"), language);
    html! {
        nav.months {
            @if let Some(m) = older { a.older href=(link(m)) rel="prev" { "← " (month_title(m.0, m.1, language)) } }
            form method="get" action="/report/latest" {
                input type="hidden" name="lang" value=(w.lang);
                label for="month" { (w.month_label) " " }
                select #month name="month" {
                    @for (y, m) in months {
                        option value=(format!("{y}-{m:02}")) selected[(*y, *m) == (year, month)] { (month_title(*y, *m, language)) }
                    }
                }
                " " button type="submit" { (w.show) }
            }
            @if let Some(m) = newer { a.newer href=(link(m)) rel="next" { (month_title(m.0, m.1, language)) " →" } }
        }
    }
}

pub fn error_page(language: Language, status: StatusCode, message: &str, suggestions: &[String]) -> String {
    let w = words(language);
    let heading = match status {
        StatusCode::NOT_FOUND => w.not_found,
        StatusCode::BAD_REQUEST => w.bad_request,
        StatusCode::SERVICE_UNAVAILABLE => w.unavailable,
        _ => w.error,
    };
    layout(language, heading, "/", &[], html! {
        h1 { (heading) }
        p.error { (coded(message)) }
        @if !suggestions.is_empty() {
            p { (w.did_you_mean) " "
                @for (i, s) in suggestions.iter().enumerate() {
                    @if i > 0 { ", " }
                    a href=(with_lang(&format!("/q/{}", encode(s)), language)) { (s) }
                }
            }
        }
    })
}

fn summary(query: &Query, language: Language) -> &str {
    query.header.title_in(language)
}

/// Why the result can be empty, in the page's language (a user's query may have only English).
fn empty_reason(query: &Query, language: Language) -> Option<&str> {
    match language {
        Language::Tr => query.header.empty_tr.as_deref().or(query.header.empty.as_deref()),
        Language::En => query.header.empty.as_deref(),
    }
}

pub fn home(conn: &Connection, catalog: &Catalog, language: Language, shapes: &Shapes) -> Result<String> {
    let w = words(language);
    let latest = crate::report::latest_month(conn, "activity").ok();
    let facts = match latest {
        Some((year, month)) => Some(crate::report::facts(conn, catalog, year, month, "activity")?),
        None => None,
    };
    // The latest month leads with its map: every province with a value, coloured, with its source.
    let latest_map = match &facts {
        Some(facts) => {
            let map_query = catalog.get("period_exports")?;
            let args = crate::catalog::args([("year", facts.year.into()), ("month", facts.month.into())]);
            let collected = execution::collect_named(conn, map_query, &args)?;
            let request = charts::Request { language, kind: Some(Kind::Map), ..charts::Request::default() };
            charts::draw_collected(conn, catalog, map_query, &args, &collected, &request, Some(shapes)).ok().map(|chart| chart.svg)
        }
        None => None,
    };
    let coverage_query = catalog.get("province_coverage")?;
    let coverage = execution::collect_named(conn, coverage_query, &crate::catalog::args([("basis", "all".into())]))?;
    let mut categories: Vec<(String, String)> =
        crate::codes::CATEGORIES.iter().map(|(code, ..)| (code.to_string(), crate::codes::category_title(code, language).unwrap_or(code).to_string())).collect();
    // A query of the user's in a folder of its own gets that folder's name as its heading.
    let category_of = |q: &Query| q.category.clone().unwrap_or_else(|| "—".to_string());
    for query in catalog.queries() {
        let category = category_of(query);
        if !categories.iter().any(|(k, _)| *k == category) {
            categories.push((category.clone(), category));
        }
    }
    let body = html! {
        h1 { (w.site) }
        p.tagline { (w.tagline) }
        @if let Some(facts) = &facts {
            section.latest {
                h2 { (w.latest) ": " (month_title(facts.year, facts.month, language)) }
                @for paragraph in crate::report::paragraphs(facts, language) { p { (paragraph) } }
                @if let Some(svg) = &latest_map {
                    figure.chart { (PreEscaped(svg.as_str())) }
                    (chart_downloads(language, w.chart_download, |ext: &str| format!("/q/period_exports.{ext}?year={}&month={}", facts.year, facts.month)))
                }
                p { a href=(with_lang(&format!("/report/{}/{}", facts.year, facts.month), language)) { (w.full_report) " →" } }
            }
        }
        section {
            h2 { (w.analyses) }
            @for (category, title) in &categories {
                @let queries: Vec<&Query> = catalog.queries().filter(|q| category_of(q) == *category).collect();
                @if !queries.is_empty() {
                    h3 { (title) }
                    ul.queries {
                        @for q in queries {
                            // By what it answers; the file name, which `ihracat run` takes, small beside it.
                            li { a href=(with_lang(&format!("/q/{}", q.name), language)) { (summary(q, language)) } " " code.name { (q.name) } }
                        }
                    }
                }
            }
        }
        section {
            h2 { (w.coverage) }
            p { (summary(coverage_query, language)) "." }
            (table(&coverage, language, 200, None)?)
            p.note { (w.source_note) }
        }
    };
    Ok(layout(language, w.analyses, "/", &[], body))
}

fn month_title(year: i32, month: u32, language: Language) -> String {
    match language {
        Language::Tr => format!("{} {year}", crate::turkish::capitalize(crate::turkish::month_name(month))),
        Language::En => format!("{} {year}", crate::turkish::month_name_en(month)),
    }
}

pub struct QueryResult<'a> {
    pub conn: &'a Connection,
    pub catalog: &'a crate::catalog::Catalog,
    pub collected: &'a Collected,
    pub row_cap: usize,
}

pub fn query_page(language: Language, query: &Query, args: &[(String, crate::catalog::Arg)], result: Option<&QueryResult>, shapes: &Shapes, error: Option<&Error>) -> String {
    let w = words(language);
    let here = format!("/q/{}", query.name);
    let field_error = |name: &str| -> Option<String> {
        match error {
            Some(Error::Parameter { name: n, message }) if n == name => Some(crate::messages::message(message, language)),
            Some(Error::Unknown { kind, name: given, .. }) if query.param(name).is_some_and(|p| p.ty.describe().contains(kind)) && args.iter().any(|(k, v)| k == name && v.to_string() == *given) => {
                error.map(|e| e.said(language))
            }
            _ => None,
        }
    };
    let placed = error.is_some_and(|_| query.header.params.iter().any(|p| field_error(&p.name).is_some()));
    let rendered = result.map(|r| result_block(language, query, args, r, shapes));
    let body = html! {
        h1 { (summary(query, language)) }
        @for line in query.header.detail_in(language) { p.detail { (coded(&crate::headings::columns_as_headings(line, &query.header.returns, language))) } }
        form.query method="get" action=(here) {
            input type="hidden" name="lang" value=(w.lang);
            @for param in &query.header.params {
                @let given = args.iter().find(|(k, _)| *k == param.name).map(|(_, v)| v.to_string());
                @let value = given.clone().or_else(|| param.default.clone().filter(|d| d != "null")).unwrap_or_default();
                @let problem = field_error(&param.name);
                div.field.invalid[problem.is_some()] {
                    label for=(param.name) title=(param.name) {
                        (crate::headings::parameter_label(&param.name, language))
                        @if param.required() { abbr.required title=(w.required) { " *" } }
                    }
                    (input_for(param, &value, shapes, language))
                    @if !param.doc.is_empty() { small { (coded(&crate::headings::parameter_help(&param.doc, language))) } }
                    @if let Some(problem) = &problem { p.error role="alert" { (coded(problem)) } }
                }
            }
            button type="submit" { (w.run) }
        }
        @if let Some(e) = error.filter(|_| !placed) { p.error role="alert" { (coded(&e.said(language))) } }
        @if result.is_none() && error.is_none() && query.header.params.iter().any(|p| p.required()) { p.note { (w.fill_in) } }
        @match rendered {
            Some(Ok(block)) => (block),
            Some(Err(e)) => p.error { (coded(&e.said(language))) },
            None => {},
        }
        details.sql {
            summary { (w.the_sql) }
            pre { code { (query.sql) } }
        }
    };
    layout(language, summary(query, language), &here, args, body)
}

fn input_for(param: &crate::catalog::params::Param, value: &str, shapes: &Shapes, language: Language) -> Markup {
    let required = param.required();
    match &param.ty {
        ParamType::OneOf(options) => html! {
            select id=(param.name) name=(param.name) required[required] {
                @if !required && param.default.as_deref() == Some("null") { option value="" {} }
                @for option in options { option value=(option) selected[option == value] { (crate::headings::choice_label(option, language)) } }
            }
        },
        ParamType::Bool => html! {
            select id=(param.name) name=(param.name) required[required] {
                @for option in ["true", "false"] { option value=(option) selected[option == value] { (option) } }
            }
        },
        ParamType::Int | ParamType::Decimal => {
            let (low, high) = param.range.clone().unwrap_or_default();
            let step = if matches!(param.ty, ParamType::Int) { "1" } else { "any" };
            html! {
                input id=(param.name) name=(param.name) type="number" step=(step) value=(value) required[required]
                    min=[(!low.is_empty()).then_some(low.as_str())] max=[(!high.is_empty()).then_some(high.as_str())];
            }
        }
        ParamType::Date => html! { input id=(param.name) name=(param.name) type="date" value=(value) required[required]; },
        ParamType::Province => html! {
            input id=(param.name) name=(param.name) type="text" list="provinces" value=(value) required[required] autocomplete="off";
            datalist id="provinces" { @for shape in sorted_names(shapes) { option value=(shape) {} } }
        },
        other => html! {
            input id=(param.name) name=(param.name) type="text" value=(value) required[required]
                placeholder=[matches!(other, ParamType::List(_)).then_some("a, b, c")];
        },
    }
}

/// A chart's downloads: SVG, and PNG at each size `ihracat chart --size` names (the picture for
/// where it goes). `link(ext)` is the chart's address with that extension.
fn chart_downloads(language: Language, label: &str, link: impl Fn(&str) -> String) -> Markup {
    let w = words(language);
    html! {
        p.downloads {
            (label) ": "
            a href=(with_lang(&link("svg"), language)) { "SVG" }
            @for (size, name) in w.chart_sizes {
                " · " a href=(with_lang(&format!("{}&size={size}", link("png")), language)) { "PNG " (name) }
            }
        }
    }
}

/// The report's charts as downloads, each titled as its analysis: the top five, the largest
/// increases (when there is a list) and the map. The server adds them to the report, whose HTML
/// is also written to files, where a link to the server would lead nowhere.
pub fn report_downloads(catalog: &Catalog, year: i32, month: u32, basis: &str, increases: bool, language: Language) -> String {
    let w = words(language);
    let charts = [("top_provinces", "&n=5", true), ("top_increases", "&n=5", increases), ("period_exports", "", true)];
    html! {
        section.downloads {
            h2 { (w.report_charts) }
            @for (name, extra, shown) in charts {
                @if let (true, Ok(query)) = (shown, catalog.get(name)) {
                    (chart_downloads(language, query.header.title_in(language), |ext: &str| format!("/q/{name}.{ext}?year={year}&month={month}&basis={basis}{extra}")))
                }
            }
        }
    }
    .into_string()
}

fn sorted_names(shapes: &Shapes) -> Vec<String> {
    let mut names: Vec<String> = shapes.shapes.iter().map(|s| s.name.clone()).collect();
    names.sort_by_key(|n| crate::turkish::sort_key(n));
    names
}

fn result_block(language: Language, query: &Query, args: &[(String, crate::catalog::Arg)], result: &QueryResult, shapes: &Shapes) -> Result<Markup> {
    let w = words(language);
    let collected = result.collected;
    let rows: usize = collected.batches.iter().map(|b| b.num_rows()).sum();
    let incomplete = panel_fewest(collected)?.is_some_and(|p| p < 81);
    let request = charts::Request { language, ..charts::Request::default() };
    let mut charts_drawn: Vec<(String, String)> = Vec::new();
    if rows > 0 {
        if let Some(spec) = &query.header.chart {
            if let Ok(chart) = charts::draw_collected(result.conn, result.catalog, query, args, collected, &request, Some(shapes)) {
                charts_drawn.push((if spec.kind == Kind::Map { w.map } else { w.chart }.to_string(), chart.svg));
            }
            // A result with provinces has its map too.
            let has_provinces = collected.schema.fields().iter().any(|f| f.name() == "province" || f.name() == "code");
            if spec.kind != Kind::Map && has_provinces && spec.kind == Kind::Bar {
                let map_request = charts::Request { kind: Some(Kind::Map), value: spec.value.clone(), ..request.clone() };
                if let Ok(chart) = charts::draw_collected(result.conn, result.catalog, query, args, collected, &map_request, Some(shapes)) {
                    charts_drawn.push((w.map.to_string(), chart.svg));
                }
            }
        }
    }
    let query_string: String = args.iter().map(|(k, v)| format!("{}={}", encode(k), encode(&v.to_string()))).collect::<Vec<_>>().join("&");
    let link = |ext: &str| format!("/q/{}.{ext}?{query_string}", query.name);
    let explained: Vec<&(&str, &str)> = w.columns_explained.iter().filter(|(c, _)| collected.schema.index_of(c).is_ok()).collect();
    Ok(html! {
        section.result {
            h2 { (w.result) }
            @if incomplete {
                p.warning { (w.panel_note.replace("{}", &["panel", "share_of", "origin"].map(|c| crate::headings::heading_or_name(c, language)).join(", "))) }
            }
            // Why the result is empty is said once, where the table would be.
            @for notice in collected.notices.iter().filter(|n| !matches!(n, Notice::Empty { .. })) { p.notice { (notice.text(language)) } }
            @for (title, svg) in &charts_drawn {
                figure.chart { figcaption { (title) } (PreEscaped(svg.as_str())) }
            }
            p.downloads {
                (w.download) ": "
                a href=(link("csv")) { "CSV" } " · "
                a href=(link("parquet")) { "Parquet" } " · "
                a href=(with_lang(&link("xlsx"), language)) { "Excel" } " · "
                a href=(link("json")) { "JSON" }
            }
            @if query.header.chart.is_some() && rows > 0 {
                (chart_downloads(language, w.chart_download, &link))
            }
            @if rows == 0 {
                p.note { (w.no_rows) @if let Some(why) = empty_reason(query, language) { ": " (why) } }
            } @else {
                (table(collected, language, result.row_cap, headings_language(query, args))?)
            }
            @if !explained.is_empty() {
                dl.columns { @for (column, meaning) in explained { dt { (crate::headings::heading_or_name(column, language)) } dd { (meaning) } } }
            }
        }
    })
}

fn panel_fewest(collected: &Collected) -> Result<Option<i64>> {
    let mut fewest: Option<i64> = None;
    for batch in &collected.batches {
        if let Some(column) = batch.column_by_name("panel") {
            let ints = cast(column, &DataType::Int64).map_err(|e| Error::msg(format!("column panel: {e}")))?;
            let ints = ints.as_primitive::<arrow::datatypes::Int64Type>();
            for i in 0..ints.len() {
                if ints.is_valid(i) {
                    fewest = Some(fewest.map_or(ints.value(i), |f| f.min(ints.value(i))));
                }
            }
        }
    }
    Ok(fewest)
}

/// A result as an HTML table, cells formatted by the output layer as the terminal table does.
fn table(collected: &Collected, language: Language, row_cap: usize, headings: Option<&str>) -> Result<Markup> {
    let w: &Words = words(language);
    let cells = output::cells(&collected.schema, &collected.batches, language, row_cap, "")?;
    let booleans: Vec<bool> = collected.schema.fields().iter().map(|f| f.data_type() == &arrow::datatypes::DataType::Boolean).collect();
    Ok(html! {
        div.table {
            // A table whose headings a parameter chose (province_months) is in that language.
            table lang=[headings] {
                // The reader's heading, the column's name (which SQL and the downloads use) on hover.
                thead { tr { @for (i, h) in cells.headers.iter().enumerate() { th.num[cells.numeric[i]] title=(h) { (crate::headings::heading_or_name(h, language)) } } } }
                tbody {
                    @for row in &cells.rows {
                        tr { @for (i, cell) in row.iter().enumerate() {
                            // A sentence (how a value was derived, why one is missing) wraps
                            // rather than widen its column to a line of its own.
                            td.num[cells.numeric[i]].prose[is_prose(cell)] lang=[cell_language(&cells.headers[i])] {
                                @if cell.starts_with("https://") || cell.starts_with("http://") { a href=(cell) rel="noreferrer" { (shorten(cell)) } }
                                @else if cells.headers[i] == "province" && !cell.is_empty() { a href=(with_lang(&format!("/province/{}", encode(cell)), language)) { (cell) } }
                                @else if booleans[i] && !cell.is_empty() { (crate::codes::yes_no(cell == "true", language)) }
                                @else if let Some(said) = crate::codes::cell_text(&cells.headers[i], cell, language) { span title=(cell) { (said) } }
                                @else { (cell) }
                            }
                        } }
                    }
                }
            }
        }
        p.rows {
            (crate::language::group_digits(&cells.total.to_string(), language)) " " (if cells.total == 1 { w.row } else { w.rows })
            @if (cells.rows.len() as u64) < cells.total { "; " (w.shown_first) }
        }
    })
}

/// A cell of running text: long, with spaces, and not an address.
fn is_prose(cell: &str) -> bool {
    cell.chars().count() > 48 && cell.contains(' ') && !cell.starts_with("http")
}

/// The language of the headings a `headings` parameter chose, when the query has one.
fn headings_language(query: &Query, args: &[(String, crate::catalog::Arg)]) -> Option<&'static str> {
    let param = query.param("headings")?;
    let given = args.iter().find(|(k, _)| k == "headings").map(|(_, v)| v.to_string()).or_else(|| param.default.clone())?;
    match given.trim() {
        "en" => Some("en"),
        "tr" => Some("tr"),
        _ => None,
    }
}

/// The language a column's text is in whatever the page's language: names given in one
/// language, and the notes on the data's provenance (quoted in English, translated in `note_tr`).
fn cell_language(column: &str) -> Option<&'static str> {
    match column {
        "name_en" | "note" => Some("en"),
        "name_tr" | "note_tr" => Some("tr"),
        _ => None,
    }
}

/// A message with what a user types (`month`, a name, a parameter) set as code, as the
/// message's backticks mark it.
fn coded(message: &str) -> Markup {
    html! {
        @for (i, part) in message.split('`').enumerate() {
            @if i % 2 == 1 { code { (part) } } @else { (part) }
        }
    }
}

/// A long address shown by its host and the start of its path.
fn shorten(url: &str) -> String {
    let rest = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    if rest.chars().count() > 48 { format!("{}…", rest.chars().take(47).collect::<String>()) } else { rest.to_string() }
}

/// One basis of a province's page.
pub struct Basis {
    pub basis: &'static str,
    pub args: Vec<(String, crate::catalog::Arg)>,
    pub collected: Collected,
    pub svg: Option<String>,
    pub has_values: bool,
}

pub fn has_values(collected: &Collected, column: &str) -> Result<bool> {
    Ok(collected.batches.iter().any(|b| b.column_by_name(column).is_some_and(|c| c.null_count() < c.len())))
}

pub fn province_page(language: Language, name: &str, year: i32, bases: &[Basis], row_cap: usize) -> String {
    let w = words(language);
    let here = format!("/province/{}", encode(name));
    let heading = |basis: &str| match (language, basis) {
        (Language::Tr, "activity") => "Faaliyet iline göre (Ticaret Bakanlığı)",
        (Language::Tr, _) => "İhracatçının kayıtlı olduğu ile göre (TİM ve ihracatçı birlikleri)",
        (Language::En, "activity") => "By province of activity (Ministry of Trade)",
        (Language::En, _) => "By the exporter's registered province (TİM and the exporters' associations)",
    };
    let none = match language {
        Language::Tr => "Bu esasta bu yıl için yayımlanmış ya da yüklenmiş rakam yok.",
        Language::En => "No figure was published or loaded on this basis for this year.",
    };
    let both = bases.iter().filter(|b| b.has_values).count() == 2;
    let body = html! {
        h1 { (name) " · " (year) }
        p.note {
            @if both {
                @if language == Language::Tr { "İki esas ayrı tutulur: aynı ilin iki rakamı farklı şeyleri ölçer ve toplanmaz." }
                @else { "The two bases are kept apart: a province's two figures measure different things and are never added." }
            }
            " "
            a href=(with_lang(&format!("{here}?year={}", year - 1), language)) { "← " (year - 1) }
            " · "
            a href=(with_lang(&format!("{here}?year={}", year + 1), language)) { (year + 1) " →" }
        }
        div.bases {
            @for basis in bases {
                section.basis {
                    h2 { (heading(basis.basis)) }
                    @if basis.has_values {
                        @if let Some(svg) = &basis.svg { figure.chart { (PreEscaped(svg.as_str())) } }
                        @if let Ok(t) = table(&basis.collected, language, row_cap, None) { (t) }
                        @let qs: Vec<String> = basis.args.iter().map(|(k, v)| format!("{}={}", encode(k), encode(&v.to_string()))).collect();
                        p.downloads { (w.download) ": " a href=(format!("/q/province_profile.csv?{}", qs.join("&"))) { "CSV" } " · " a href=(with_lang(&format!("/q/province_profile?{}", qs.join("&")), language)) { (w.analyses) } }
                    } @else {
                        p.note { (none) }
                    }
                }
            }
        }
    };
    layout(language, name, &here, &crate::catalog::args([("year", year.into())]), body)
}

pub fn sql_page(language: Language, text: &str, result: Option<std::result::Result<String, crate::error::Invalid>>) -> String {
    let w = words(language);
    let body = html! {
        h1 { (w.sql) }
        p { (w.sql_intro) }
        form.sql method="get" action="/sql" {
            input type="hidden" name="lang" value=(w.lang);
            textarea name="q" rows="6" spellcheck="false" required { (text) }
            button type="submit" { (w.run) }
        }
        @match &result {
            Some(Ok(table)) => (PreEscaped(table.as_str())),
            // ihracat's refusals and DuckDB's commonest errors in the page's language, line by line
            // as DuckDB wrote them, the caret under the word it points at (hence <pre>).
            Some(Err(message)) => pre.error role="alert" { (coded(&crate::messages::message(&message.0, language))) },
            None => {},
        }
    };
    layout(language, w.sql, "/sql", &crate::catalog::args([("q", text.into())]), body)
}

pub fn sql_result(language: Language, collected: &Collected, row_cap: usize) -> Result<String> {
    Ok(table(collected, language, row_cap, None)?.into_string())
}
