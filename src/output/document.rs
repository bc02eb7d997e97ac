//! A named query's result as one JSON document for programs (the web server's JSON API and the
//! assistant interface): the query, the parameters it ran with (defaults included), the columns
//! with their types, the rows (this layer's JSON writer, as `ihracat run --format json` writes
//! them), the notices and the sources the rows cite.

use super::{Format, OutputOptions};
use crate::catalog::{Arg, Query};
use crate::error::{Error, Result};
use crate::execution::Collected;

/// A result for programs: the query, the parameters it ran with (defaults included), the columns
/// with their types, the rows (written by the output layer's JSON writer), the notices and the
/// sources the rows cite.
pub fn result_json(query: &Query, args: &[(String, Arg)], collected: &Collected) -> Result<String> {
    let mut rows: Vec<u8> = Vec::new();
    let stream = crate::db::ResultStream::from_batches(collected.schema.clone(), collected.batches.clone());
    let count = super::write_into(stream, Format::Json, &OutputOptions::default(), &mut rows)?;
    let rows = String::from_utf8(rows).map_err(|_| Error::msg("the JSON writer wrote text that is not UTF-8"))?;
    let mut parameters = serde_json::Map::new();
    for param in &query.header.params {
        let value = args.iter().find(|(k, _)| *k == param.name).map(|(_, v)| v.to_string()).or_else(|| param.default.clone().filter(|d| d != "null"));
        parameters.insert(param.name.clone(), value.map(serde_json::Value::String).unwrap_or(serde_json::Value::Null));
    }
    let columns: Vec<serde_json::Value> = collected.schema.fields().iter().map(|f| serde_json::json!({"name": f.name(), "type": f.data_type().to_string()})).collect();
    let sources = collected.sources()?;
    let head = serde_json::json!({
        "query": query.name,
        "summary": query.header.summary,
        "parameters": parameters,
        "columns": columns,
        "row_count": count,
        "notices": collected.notices.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
        "notices_tr": collected.notices.iter().map(|n| n.text(crate::language::Language::Tr)).collect::<Vec<_>>(),
        "notice_codes": collected.notices.iter().map(|n| n.code()).collect::<Vec<_>>(),
        "sources": sources,
    });
    let head = head.to_string();
    // The rows are the output layer's own JSON array, placed into the object as they are.
    let rows = rows.trim();
    let rows = if rows.is_empty() { "[]" } else { rows };
    Ok(format!("{},\"rows\":{rows}}}\n", &head[..head.len() - 1]))
}

