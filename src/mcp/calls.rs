//! What each tool does, on one read-only connection: the analyses through the execution layer
//! and the output layer's JSON document (the same rows as `ihracat run --format json`), the
//! release through the report, pictures through the chart layer. Nothing here builds SQL.

use base64::Engine as _;
use duckdb::Connection;
use rmcp::model::{CallToolResult, ContentBlock, JsonObject};
use serde_json::{Value, json};

use super::Config;
use super::tools;
use crate::catalog::{Arg, Query, describe_json};
use crate::charts::{self, Kind};
use crate::db::ResultStream;
use crate::error::{Error, Result};
use crate::execution::{self, Collected};
use crate::language::Language;
use crate::output::{self, Format, OutputOptions};
use crate::reference;

/// The longest value an argument may have: a name, a number or a short list fits many times
/// over, and a megabyte of text is refused before anything reads it.
const MAX_ARGUMENT_BYTES: usize = 10_000;

/// A tool call's arguments as the catalog takes them: text, parsed and checked against each
/// parameter's type and range there (the same words as `-p NAME=VALUE`). A list is its items
/// comma-separated; null is a parameter not given.
pub fn arguments(arguments: &JsonObject) -> Result<Vec<(String, Arg)>> {
    let mut args = Vec::new();
    for (name, value) in arguments {
        let text = match value {
            Value::Null => continue,
            Value::Array(items) => items.iter().map(|item| scalar(name, item)).collect::<Result<Vec<_>>>()?.join(","),
            other => scalar(name, other)?,
        };
        if text.len() > MAX_ARGUMENT_BYTES {
            return Err(Error::Parameter { name: name.clone(), message: format!("a value of {} bytes; a value is at most {MAX_ARGUMENT_BYTES} bytes", text.len()) });
        }
        args.push((name.clone(), Arg::Text(text)));
    }
    Ok(args)
}

fn scalar(name: &str, value: &Value) -> Result<String> {
    match value {
        Value::String(text) => Ok(text.clone()),
        Value::Number(number) => Ok(number.to_string()),
        Value::Bool(flag) => Ok(flag.to_string()),
        other => Err(Error::Parameter { name: name.to_string(), message: format!("expected a value (a string, number or boolean), not {other}") }),
    }
}

/// A named analysis: its result as structured content (the API's JSON document: columns, rows,
/// notices in both languages, sources), and the same as a Markdown table for the model to read,
/// each notice on a line of its own and the sources under it, in the language the call asks for
/// (`lang`: Turkish unless it says `en`; headings, number style and notices, as `run` gives them).
pub fn analysis(conn: &Connection, config: &Config, query: &Query, given: &JsonObject) -> Result<CallToolResult> {
    let language = call_language(given);
    let mut given = given.clone();
    if !tools::declares_lang(query) {
        language_argument(&given)?;
        given.remove(tools::LANG);
    }
    let args = arguments(&given)?;
    let collected = execution::collect_named(conn, query, &args)?;
    let document = output::document::result_json(query, &args, &collected)?;
    let mut structured: Value = serde_json::from_str(&document).map_err(|e| Error::msg(format!("reading the result document: {e}")))?;
    let total = collected.batches.iter().map(|b| b.num_rows()).sum::<usize>();
    let shown = total.min(config.row_cap);
    if shown < total {
        if let Some(rows) = structured["rows"].as_array_mut() {
            rows.truncate(shown);
        }
        structured["truncated"] = json!({"rows_shown": shown, "rows_total": total, "how_to_narrow": narrowing(query, Language::En), "how_to_narrow_tr": narrowing(query, Language::Tr)});
    }
    let words = Words::of(language);
    let mut text = table(&collected, shown, language)?;
    if shown < total {
        text.push_str(&format!("\n({})\n", (words.showing)(shown, total, &narrowing(query, language))));
    }
    for notice in &collected.notices {
        text.push_str(&format!("\n{}: {}\n", words.notice, notice.text(language)));
    }
    let sources = collected.sources()?;
    if !sources.is_empty() {
        text.push_str(&format!("\n{}: {}\n", words.sources, sources.join(" ; ")));
    }
    let mut result = CallToolResult::success(vec![ContentBlock::text(capped(text, config.size_cap, language))]);
    result.structured_content = Some(structured);
    Ok(result)
}

/// The words a tool's text result is framed in, in each language.
struct Words {
    notice: &'static str,
    sources: &'static str,
    showing: fn(usize, usize, &str) -> String,
    cut: fn(usize) -> String,
    narrow_with: &'static str,
    fewer_rows: &'static str,
    sql_cut: fn(usize) -> String,
}

impl Words {
    fn of(language: Language) -> &'static Words {
        const TR: Words = Words {
            notice: "Not",
            sources: "Kaynaklar",
            showing: |shown, total, narrow| format!("{total} satırın ilk {shown} satırı gösteriliyor: {narrow}"),
            cut: |cap| format!("{cap} baytta kesildi: satırların hepsi yapılandırılmış içerikte; gerisi için çağrıyı daraltın"),
            narrow_with: "şu parametrelerle daraltın:",
            fewer_rows: "analizin parametreleriyle daha az satır isteyin",
            sql_cut: |shown| format!("ilk {shown} satır gösteriliyor: bir LIMIT ya da WHERE ekleyin"),
        };
        const EN: Words = Words {
            notice: "Notice",
            sources: "Sources",
            showing: |shown, total, narrow| format!("showing the first {shown} of {total} rows: {narrow}"),
            cut: |cap| format!("cut at {cap} bytes: the structured content has the rows; narrow the call for the rest"),
            narrow_with: "narrow it with",
            fewer_rows: "ask for fewer rows with the analysis's parameters",
            sql_cut: |shown| format!("showing the first {shown} rows: add a LIMIT or a WHERE"),
        };
        if language == Language::Tr { &TR } else { &EN }
    }
}

/// How a result too long to show can be narrowed: by the parameters that limit it.
fn narrowing(query: &Query, language: Language) -> String {
    let words = Words::of(language);
    let limits: Vec<&str> = query.header.params.iter().map(|p| p.name.as_str()).filter(|n| matches!(*n, "n" | "province" | "country" | "product" | "year" | "month" | "period")).collect();
    if limits.is_empty() { words.fewer_rows.to_string() } else { format!("{} {}", words.narrow_with, limits.join(", ")) }
}

/// The first `rows` rows as the output layer's Markdown table, with the headings and number
/// style of the language (as `run --format markdown` writes them).
fn table(collected: &Collected, rows: usize, language: Language) -> Result<String> {
    let mut kept = Vec::new();
    let mut left = rows;
    for batch in &collected.batches {
        if left == 0 {
            break;
        }
        let take = left.min(batch.num_rows());
        kept.push(batch.slice(0, take));
        left -= take;
    }
    let mut text = Vec::new();
    let options = OutputOptions { locale: language, words: language, ..OutputOptions::default() };
    output::write_into(ResultStream::from_batches(collected.schema.clone(), kept), Format::Markdown, &options, &mut text)?;
    Ok(String::from_utf8_lossy(&text).into_owned())
}

/// Text cut to `cap` bytes at a line, saying so.
fn capped(text: String, cap: usize, language: Language) -> String {
    if text.len() <= cap {
        return text;
    }
    let mut end = cap;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind('\n').unwrap_or(end);
    format!("{}\n({})\n", &text[..end], (Words::of(language).cut)(cap))
}

/// The catalog: each analysis with both summaries, its parameters and its examples as calls; the
/// text lists each with its summary in the call's language.
pub fn list(config: &Config, given: &JsonObject) -> Result<CallToolResult> {
    let language = language_argument(given)?;
    let analyses: Vec<Value> = config
        .catalog
        .queries()
        .filter(|q| !tools::is_reserved(&q.name))
        .map(|q| {
            json!({
                "name": q.name,
                "summary": q.header.summary,
                "summary_tr": q.header.summary_tr,
                "parameters": q.header.params.iter().map(|p| json!({"name": p.name, "type": p.ty.describe(), "default": p.default, "required": p.required()})).collect::<Vec<_>>(),
                "examples": q.header.examples.iter().map(|e| tools::example_arguments(q, e)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let text = config
        .catalog
        .queries()
        .filter(|q| !tools::is_reserved(&q.name))
        .map(|q| format!("- {}: {}", q.name, q.header.title_in(language)))
        .collect::<Vec<_>>()
        .join("\n");
    let mut result = CallToolResult::success(vec![ContentBlock::text(text)]);
    result.structured_content = Some(json!({"analyses": analyses}));
    Ok(result)
}

pub fn describe(config: &Config, given: &JsonObject) -> Result<CallToolResult> {
    let name = text_argument(given, "name")?;
    let query = config.catalog.get(&name)?;
    let mut described = describe_json(query);
    described["example_calls"] = Value::Array(query.header.examples.iter().map(|e| tools::example_arguments(query, e)).collect());
    let mut result = CallToolResult::success(vec![ContentBlock::text(crate::catalog::describe_text(query, language_argument(given)?))]);
    result.structured_content = Some(described);
    Ok(result)
}

pub fn resolve(conn: &Connection, given: &JsonObject) -> Result<CallToolResult> {
    let kind = match text_argument(given, "kind")?.as_str() {
        "province" => reference::Kind::Province,
        "country" => reference::Kind::Country,
        "product" => reference::Kind::Product,
        other => return Err(Error::Parameter { name: "kind".into(), message: format!("`{other}`: expected province, country or product") }),
    };
    let name = text_argument(given, "name")?;
    if name.len() > MAX_ARGUMENT_BYTES {
        return Err(Error::Parameter { name: "name".into(), message: format!("a value of {} bytes; a value is at most {MAX_ARGUMENT_BYTES} bytes", name.len()) });
    }
    let resolved = reference::resolve(conn, kind, &name)?;
    let mut result = CallToolResult::success(vec![ContentBlock::text(format!("{} → {} ({})", name, resolved.name, resolved.code))]);
    result.structured_content = Some(json!({"code": resolved.code, "name": resolved.name, "matched": resolved.matched}));
    Ok(result)
}

/// The monthly release for a month, as prose in the language asked for.
pub fn report(conn: &Connection, config: &Config, given: &JsonObject) -> Result<CallToolResult> {
    let language = language_argument(given)?;
    let basis = optional_text(given, "basis")?.unwrap_or_else(|| "activity".into());
    if basis != "activity" && basis != "registered" {
        return Err(Error::Parameter { name: "basis".into(), message: format!("`{basis}`: expected activity or registered") });
    }
    let (year, month) = match (integer_argument(given, "year")?, integer_argument(given, "month")?) {
        (Some(year), Some(month)) => (year, month),
        (None, None) => {
            let (year, month) = crate::report::latest_month(conn, &basis)?;
            (i64::from(year), i64::from(month))
        }
        _ => return Err(Error::Parameter { name: "month".into(), message: "give both year and month, or neither for the latest month".into() }),
    };
    let (Ok(year), Ok(month)) = (i32::try_from(year), u32::try_from(month)) else {
        return Err(Error::Parameter { name: "year".into(), message: format!("{year}-{month} is no month") });
    };
    if !(1..=12).contains(&month) {
        return Err(Error::Parameter { name: "month".into(), message: format!("{month} is outside 1..12") });
    }
    let facts = crate::report::facts(conn, &config.catalog, year, month, &basis)?;
    if facts.is_empty() {
        return Err(Error::NoFigures { period: format!("{year}-{month:02}"), basis });
    }
    Ok(CallToolResult::success(vec![ContentBlock::text(crate::report::text(&facts, language))]))
}

/// An analysis's chart as a PNG image, with its notices as text.
pub fn chart(conn: &Connection, config: &Config, given: &JsonObject) -> Result<CallToolResult> {
    let name = text_argument(given, "analysis")?;
    let query = config.catalog.get(&name)?;
    let mut arguments_given = match given.get("arguments") {
        None | Some(Value::Null) => JsonObject::new(),
        Some(Value::Object(map)) => map.clone(),
        Some(other) => return Err(Error::Parameter { name: "arguments".into(), message: format!("expected an object of the analysis's parameters, not {other}") }),
    };
    // A `lang` among the analysis's arguments is the chart's (`language_asked`), not the analysis's,
    // unless the analysis declares a `lang` of its own.
    if !tools::declares_lang(query) {
        arguments_given.remove(tools::LANG);
    }
    let args = arguments(&arguments_given)?;
    let kind = match optional_text(given, "kind")?.as_deref() {
        None => None,
        Some(name) => Some(Kind::from_name(name).ok_or_else(|| Error::Parameter { name: "kind".into(), message: format!("`{name}`: expected bar, line or map") })?),
    };
    let request = charts::Request { kind, language: language_asked(given)?, ..charts::Request::default() };
    let (chart, notices) = charts::draw_named(conn, &config.catalog, query, &args, &request)?;
    let png = chart.png(1.0)?;
    let mut content = vec![ContentBlock::image(base64::engine::general_purpose::STANDARD.encode(png), "image/png")];
    for notice in notices {
        content.push(ContentBlock::text(format!("{}: {}", Words::of(request.language).notice, notice.text(request.language))));
    }
    Ok(CallToolResult::success(content))
}

/// One read-only SELECT, as the web application's SQL page runs it: file access off, the row
/// cap, the time limit (only with `--allow-sql`).
pub fn sql(conn: &Connection, config: &Config, given: &JsonObject) -> Result<CallToolResult> {
    let text = text_argument(given, "sql")?;
    let collected = crate::script::read_capped(conn, &text, config.row_cap)?;
    let total = collected.batches.iter().map(|b| b.num_rows()).sum::<usize>();
    let shown = total.min(config.row_cap);
    let mut rows = Vec::new();
    let kept: Vec<_> = {
        let mut left = shown;
        collected.batches.iter().filter_map(|b| (left > 0).then(|| { let take = left.min(b.num_rows()); left -= take; b.slice(0, take) })).collect()
    };
    output::write_into(ResultStream::from_batches(collected.schema.clone(), kept), Format::Json, &OutputOptions::default(), &mut rows)?;
    let rows: Value = serde_json::from_slice(&rows).unwrap_or(Value::Array(Vec::new()));
    let language = language_argument(given)?;
    let mut text = table(&collected, shown, language)?;
    if shown < total {
        text.push_str(&format!("\n({})\n", (Words::of(language).sql_cut)(shown)));
    }
    let columns: Vec<Value> = collected.schema.fields().iter().map(|f| json!({"name": f.name(), "type": f.data_type().to_string()})).collect();
    let mut result = CallToolResult::success(vec![ContentBlock::text(capped(text, config.size_cap, language))]);
    result.structured_content = Some(json!({"columns": columns, "rows": rows, "truncated": shown < total}));
    Ok(result)
}

fn text_argument(given: &JsonObject, name: &str) -> Result<String> {
    optional_text(given, name)?.ok_or_else(|| Error::Parameter { name: name.into(), message: "required".into() })
}

fn optional_text(given: &JsonObject, name: &str) -> Result<Option<String>> {
    match given.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(other) => Err(Error::Parameter { name: name.into(), message: format!("expected a string, not {other}") }),
    }
}

fn integer_argument(given: &JsonObject, name: &str) -> Result<Option<i64>> {
    match given.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Number(number)) => number.as_i64().map(Some).ok_or_else(|| Error::Parameter { name: name.into(), message: format!("{number} is not a whole number") }),
        Some(Value::String(text)) => text.trim().parse().map(Some).map_err(|_| Error::Parameter { name: name.into(), message: format!("`{text}` is not a whole number") }),
        Some(other) => Err(Error::Parameter { name: name.into(), message: format!("expected a whole number, not {other}") }),
    }
}

/// The language a call asks for (`lang`: tr, the default, or en), to say its answer or its error
/// in; a `lang` that is neither is refused by the tool, in Turkish.
pub fn call_language(given: &JsonObject) -> Language {
    language_asked(given).unwrap_or(Language::Tr)
}

/// A call's `lang`; every tool takes it, so a model may put it among `draw_chart`'s analysis
/// arguments instead, where it counts when the call gives none of its own.
fn language_asked(given: &JsonObject) -> Result<Language> {
    match (given.get(tools::LANG), given.get("arguments")) {
        (None, Some(Value::Object(inner))) => language_argument(inner),
        _ => language_argument(given),
    }
}

fn language_argument(given: &JsonObject) -> Result<Language> {
    match optional_text(given, tools::LANG)?.as_deref() {
        None | Some("tr") => Ok(Language::Tr),
        Some("en") => Ok(Language::En),
        Some(other) => Err(Error::Parameter { name: "lang".into(), message: format!("`{other}`: expected tr or en") }),
    }
}
