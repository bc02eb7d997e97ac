//! `queries check`: every query of the catalog parsed, prepared and run with each of its header's
//! examples through the execution layer, and its chart drawn from the same batches, as `run` and
//! `chart` would. It sits above execution and charts because it uses both.

use duckdb::Connection;

use crate::catalog::{Catalog, Kind, Param, ensure_single_select, parse_assignment};
use crate::charts;
use crate::error::{Error, Result};
use crate::execution;

/// One problem `queries check` found.
#[derive(Debug)]
pub struct Problem {
    pub query: String,
    pub origin: String,
    pub message: String,
}

/// Parses, prepares and runs every example of every query; returns what is wrong.
pub fn check(conn: &Connection, catalog: &Catalog) -> Vec<Problem> {
    // The map's shapes are resolved once, and only if some query draws a map.
    let map_shapes = std::cell::OnceCell::new();
    let shapes = |conn: &Connection| -> Result<Option<&charts::Shapes>> {
        if map_shapes.get().is_none() {
            let _ = map_shapes.set(charts::shapes(conn)?);
        }
        Ok(map_shapes.get())
    };
    let mut problems: Vec<Problem> = catalog
        .broken
        .iter()
        .map(|e| Problem { query: String::new(), origin: String::new(), message: e.to_string() })
        .collect();
    for query in catalog.queries() {
        let mut report = |message: String| {
            problems.push(Problem { query: query.name.clone(), origin: query.origin.to_string(), message })
        };
        let examples: Vec<String> = if query.header.examples.is_empty() { vec![String::new()] } else { query.header.examples.clone() };
        // A shipped query's columns have headings in both languages (a user's query falls back
        // to its column names).
        if matches!(query.origin, crate::catalog::Origin::Shipped(_)) {
            for (column, _) in &query.header.returns {
                if crate::headings::heading(column, crate::language::Language::Tr).is_none() {
                    report(format!("column `{column}` has no heading in src/headings.rs (Turkish and English)"));
                }
            }
            let h = &query.header;
            if h.summary_tr.is_none() {
                report("has no `--- summary_tr` line (its title in Turkish)".into());
            }
            if !h.detail.is_empty() && h.detail_tr.is_empty() {
                report("has no `--- detail_tr` lines (its detail in Turkish, line for line)".into());
            }
            if h.empty.is_some() && h.empty_tr.is_none() {
                report("has no `--- empty_tr` line (its `empty` reason in Turkish)".into());
            }
            for param in &query.header.params {
                if !param.doc.is_empty() && !crate::headings::has_turkish_help(&param.doc) {
                    report(format!("parameter `{}`: its help has no Turkish text in src/headings.rs: {}", param.name, param.doc));
                }
            }
        }
        if query.header.examples.is_empty() && query.header.params.iter().any(Param::required) {
            report("has required parameters but no `--- example` to check them with".into());
        }
        if let Err(e) = ensure_single_select(conn, query) {
            report(e.to_string());
            continue;
        }
        for example in examples {
            let args = match example.split_whitespace().map(parse_assignment).collect::<Result<Vec<_>>>() {
                Ok(args) => args,
                Err(e) => {
                    report(format!("example `{example}`: {e}"));
                    continue;
                }
            };
            // The same path as `run`: prepared, bound and streamed by the execution layer; a
            // query that names a chart has its chart drawn from the same batches.
            let result = execution::collect_named(conn, query, &args).and_then(|collected| {
                let has_rows = collected.batches.iter().any(|b| b.num_rows() > 0);
                if let (Some(spec), true) = (&query.header.chart, has_rows) {
                    let shapes = if spec.kind == Kind::Map { shapes(conn)? } else { None };
                    // A chart that says in words why it has nothing to draw works too.
                    match charts::draw_collected(conn, catalog, query, &args, &collected, &charts::Request::default(), shapes) {
                        Ok(_) | Err(Error::NothingToDraw { .. }) => {}
                        Err(e) => return Err(Error::msg(format!("its {} chart: {e}", spec.kind.name()))),
                    }
                }
                Ok(collected.sql_schema)
            });
            match result {
                // An analysis that refuses on partial data (the bundled detail) with its reason works.
                Err(Error::Refused { .. }) => {}
                Err(e) => report(if example.is_empty() { e.to_string() } else { format!("example `{example}`: {e}") }),
                Ok(schema) if !query.header.returns.is_empty() => {
                    let actual: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
                    let declared: Vec<&str> = query.header.returns.iter().map(|(n, _)| n.as_str()).collect();
                    if actual != declared {
                        report(format!("returns declares columns [{}] but the query gives [{}]", declared.join(", "), actual.join(", ")));
                    } else {
                        for ((name, declared), field) in query.header.returns.iter().zip(schema.fields()) {
                            if !is_of_type(field.data_type(), declared) {
                                report(format!("returns declares `{name}` {declared} but the query gives {}", field.data_type()));
                            }
                        }
                    }
                }
                Ok(_) => {}
            }
        }
    }
    problems
}

/// Whether a column of Arrow type `actual` is what `returns` declares: the header is a contract
/// a reader relies on (a `decimal` is exact, a `double` is not). A type named otherwise (a list,
/// a struct of a user's query) is not checked.
fn is_of_type(actual: &arrow::datatypes::DataType, declared: &str) -> bool {
    use arrow::datatypes::DataType::*;
    match declared {
        "int" => matches!(actual, Int8 | Int16 | Int32),
        "bigint" => matches!(actual, Int64),
        "decimal" => matches!(actual, Decimal128(..) | Decimal256(..)),
        "double" => matches!(actual, Float32 | Float64),
        "text" => matches!(actual, Utf8 | LargeUtf8 | Utf8View),
        "boolean" | "bool" => matches!(actual, Boolean),
        "date" => matches!(actual, Date32 | Date64),
        "timestamp" => matches!(actual, Timestamp(..)),
        _ => true,
    }
}
