//! The tools an assistant sees: one per named analysis, its input schema generated from the
//! query's typed header, and a few beside them (the catalog, name resolution, the monthly
//! release, charts, and SQL only when the server was started with `--allow-sql`).

use std::sync::Arc;

use rmcp::model::{JsonObject, Tool, ToolAnnotations};
use serde_json::{Value, json};

use super::Config;
use crate::catalog::{Param, ParamType, Query};

/// The tools beside the analyses. Their names hold a verb, so that no analysis (named for what
/// it answers: `top_provinces`) takes one of them.
pub const LIST: &str = "list_analyses";
pub const DESCRIBE: &str = "describe_analysis";
pub const RESOLVE: &str = "resolve_name";
pub const REPORT: &str = "monthly_report";
pub const CHART: &str = "draw_chart";
pub const SQL: &str = "run_sql";

/// The argument every tool takes for the language of the words it answers in (headings, number
/// style, notices, errors): `tr`, the default, or `en`. An analysis that declares a parameter of
/// that name keeps it as its own.
pub const LANG: &str = "lang";

/// `lang` as a tool's schema offers it.
fn lang_property() -> Value {
    json!({"type": "string", "enum": ["tr", "en"], "default": "tr",
           "description": "The language of the answer's words: headings, number style (1.234,5 or 1,234.5), notices and errors; tr (Turkish, the default) or en. The structured content is the same in both."})
}

/// Whether an analysis has a parameter of its own called `lang`.
pub fn declares_lang(query: &Query) -> bool {
    query.header.params.iter().any(|p| p.name == LANG)
}

/// What every analysis's result carries, said once in each tool's description.
const READING: &str = "Reading the result: `origin` says where a figure comes from (published: a release stated it, with its `source`; derived: implied by a release's stated change, at the precision it allows; computed: from loaded or complete data; loaded: the user's own file). `panel` counts the provinces with a value for the period: under 81 the panel is incomplete, so no total, share or rank may be formed from the rows alone (the notices say what the figures rest on). `share_of` names a share's denominator (a published national total, or none with the reason). `missing` says why a figure is absent: never read an absent figure as zero. Money is US dollars as exact JSON numbers (cents kept).";

/// Every tool, analyses first in the catalog's order.
pub fn all(config: &Config) -> Vec<Tool> {
    let mut tools: Vec<Tool> = config.catalog.queries().filter(|q| !is_reserved(&q.name)).map(analysis_tool).collect();
    tools.push(fixed(LIST, "List the named analyses: name, summary in English and Turkish, parameters and example calls. / Analizlerin listesi.", json!({"lang": lang_property()})));
    tools.push(fixed(
        DESCRIBE,
        "Describe one analysis: what it computes, each parameter with its type and default, the columns it returns, its examples and the SQL macros it uses. / Bir analizin ayrıntısı.",
        json!({"name": {"type": "string", "description": "The analysis's name, as list_analyses gives it"}, "lang": lang_property()}),
    ));
    tools.push(fixed(
        RESOLVE,
        "Resolve a province, partner country or product name in any spelling (Turkish or English, with or without Turkish letters, plate or ISO or HS code) to the code and name ihracat uses; an unknown name gets the closest suggestions. / İl, ülke veya ürün adını çözümler.",
        json!({
            "kind": {"type": "string", "enum": ["province", "country", "product"]},
            "name": {"type": "string", "description": "The name or code as written, e.g. Kahramanmaras, 46, Almanya, DE, 87"},
            "lang": lang_property()
        }),
    ));
    tools.push(fixed(
        REPORT,
        "The Ministry-style monthly release of province exports for a month, written from the data, every figure with its source; in Turkish (tr, the default) or English. Without year and month: the latest month with data. / Aylık il ihracatı bülteni.",
        json!({
            "year": {"type": "integer", "minimum": 2000, "maximum": 2100},
            "month": {"type": "integer", "minimum": 1, "maximum": 12},
            "lang": lang_property(),
            "basis": {"type": "string", "enum": ["activity", "registered"], "default": "activity"}
        }),
    ));
    tools.push(fixed(
        CHART,
        "Draw an analysis's result as a PNG image: the same picture `ihracat chart` draws (bars for rankings, lines over time, the province map). / Analiz sonucunu grafik olarak çizer.",
        json!({
            "analysis": {"type": "string", "description": "The analysis's name"},
            "arguments": {"type": "object", "description": "The analysis's parameters, as its own tool takes them"},
            "kind": {"type": "string", "enum": ["bar", "line", "map"], "description": "Default: the analysis's own chart"},
            "lang": lang_property()
        }),
    ));
    if config.allow_sql {
        tools.push(fixed(
            SQL,
            "Run one read-only SELECT over the managed tables (exports, published_figures, provinces, detail, …), with file and network access off, a row cap and a time limit. Prefer the named analyses: they know which figures may be summed.",
            json!({"sql": {"type": "string", "description": "One SELECT statement"}, "lang": lang_property()}),
        ));
    }
    tools
}

/// A fixed tool's name, kept from analyses of the same name (a user's query folder could hold one).
pub fn is_reserved(name: &str) -> bool {
    [LIST, DESCRIBE, RESOLVE, REPORT, CHART, SQL].contains(&name)
}

fn fixed(name: &'static str, description: &'static str, properties: Value) -> Tool {
    let required: Vec<&str> = match name {
        DESCRIBE => vec!["name"],
        RESOLVE => vec!["kind", "name"],
        CHART => vec!["analysis"],
        SQL => vec!["sql"],
        _ => vec![],
    };
    let schema = object(json!({"type": "object", "properties": properties, "required": required, "additionalProperties": false}));
    Tool::new(name, description, Arc::new(schema)).annotate(ToolAnnotations::new().read_only(true))
}

fn object(value: Value) -> JsonObject {
    match value {
        Value::Object(map) => map,
        _ => JsonObject::new(),
    }
}

/// An analysis as a tool: its name, what it answers in both languages, how to read its result,
/// and the input schema of its parameters.
pub fn analysis_tool(query: &Query) -> Tool {
    let header = &query.header;
    let mut description = header.summary.clone();
    if let Some(tr) = &header.summary_tr {
        description.push_str(&format!(" / {tr}"));
    }
    if !header.detail.is_empty() {
        description.push_str("\n\n");
        description.push_str(&header.detail.join(" "));
    }
    if !header.examples.is_empty() {
        let calls: Vec<String> = header.examples.iter().map(|e| example_arguments(query, e).to_string()).collect();
        description.push_str(&format!("\n\nExamples: {}", calls.join("; ")));
    }
    if !header.checks.is_empty() {
        let checks: Vec<String> = header.checks.iter().map(|c| c.describe()).collect();
        description.push_str(&format!("\n\nThe parameters must keep: {}.", checks.join(", ")));
    }
    if let Some(empty) = &header.empty {
        description.push_str(&format!("\n\nNo rows means: {empty}"));
    }
    description.push_str("\n\n");
    description.push_str(READING);
    let mut properties = serde_json::Map::new();
    let mut required = Vec::new();
    for param in &header.params {
        properties.insert(param.name.clone(), param_schema(param));
        if param.required() {
            required.push(Value::String(param.name.clone()));
        }
    }
    if !declares_lang(query) {
        properties.insert(LANG.into(), lang_property());
    }
    let schema = object(json!({"type": "object", "properties": properties, "required": required, "additionalProperties": false}));
    Tool::new(query.name.clone(), description, Arc::new(schema)).annotate(ToolAnnotations::new().read_only(true))
}

/// A parameter's JSON Schema, from its declared type, range, default and help.
fn param_schema(param: &Param) -> Value {
    let mut schema = type_schema(&param.ty);
    let Value::Object(map) = &mut schema else { return schema };
    if !param.doc.is_empty() {
        map.insert("description".into(), Value::String(param.doc.clone()));
    }
    if let Some((low, high)) = &param.range {
        for (key, bound) in [("minimum", low), ("maximum", high)] {
            if let Ok(number) = bound.parse::<serde_json::Number>() {
                map.insert(key.into(), Value::Number(number));
            }
        }
    }
    if let Some(default) = param.default.as_deref().filter(|d| *d != "null") {
        map.insert("default".into(), typed_value(&param.ty, default));
    }
    schema
}

fn type_schema(ty: &ParamType) -> Value {
    match ty {
        ParamType::Int => json!({"type": "integer"}),
        ParamType::Decimal => json!({"type": "number"}),
        ParamType::Text => json!({"type": "string"}),
        ParamType::Bool => json!({"type": "boolean"}),
        ParamType::Date => json!({"type": "string", "format": "date"}),
        ParamType::Province => json!({"type": "string", "description": "A province in any spelling, or its plate code (İstanbul, istanbul, 34)"}),
        ParamType::Country => json!({"type": "string", "description": "A partner country in any spelling, or its ISO code (Almanya, Germany, DE)"}),
        ParamType::Product => json!({"type": "string", "description": "An HS chapter or code, or a name releases print (87, 8703)"}),
        ParamType::OneOf(values) => json!({"type": "string", "enum": values}),
        ParamType::List(inner) => json!({"type": "array", "items": type_schema(inner), "minItems": 1}),
    }
}

/// A value as written in a header (a default, an example) as the JSON a client sends.
fn typed_value(ty: &ParamType, text: &str) -> Value {
    match ty {
        ParamType::Int => text.parse::<i64>().map(Value::from).unwrap_or_else(|_| Value::String(text.into())),
        ParamType::Decimal => text.parse::<serde_json::Number>().map(Value::Number).unwrap_or_else(|_| Value::String(text.into())),
        ParamType::Bool => text.parse::<bool>().map(Value::Bool).unwrap_or_else(|_| Value::String(text.into())),
        ParamType::List(inner) => Value::Array(text.split(',').map(|item| typed_value(inner, item.trim())).collect()),
        _ => Value::String(text.into()),
    }
}

/// A header's example line (`year=2025 month=10 n=5`) as a tool call's arguments.
pub fn example_arguments(query: &Query, example: &str) -> Value {
    let mut arguments = serde_json::Map::new();
    for assignment in example.split_whitespace() {
        let Some((name, value)) = assignment.split_once('=') else { continue };
        let ty = query.header.params.iter().find(|p| p.name == name).map(|p| p.ty.clone()).unwrap_or(ParamType::Text);
        arguments.insert(name.to_string(), typed_value(&ty, value));
    }
    Value::Object(arguments)
}
