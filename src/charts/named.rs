//! From a named query to its chart: runs it through the execution layer (or takes the batches a
//! caller already holds) and draws them; a map of a ranking draws the analysis its chart line
//! names instead. The one path for `ihracat chart`, the report's HTML, `queries check` and the
//! web server.

use duckdb::Connection;

use super::{Chart, Kind, Request, ResultData, Shapes, draw};
use crate::catalog::{Arg, Catalog, Query};
use crate::error::{Error, Result};
use crate::execution::{Collected, Notice, collect_named, effective_args};

/// Runs a named query and draws its result: the one path from a query to a chart, for the
/// `chart` command and the report's HTML. An empty result is an error that says why it can be
/// empty, never a blank picture.
pub fn draw_named(conn: &Connection, catalog: &Catalog, query: &Query, args: &[(String, Arg)], request: &Request) -> Result<(Chart, Vec<Notice>)> {
    let collected = collect_named(conn, query, args)?;
    let chart = draw_collected(conn, catalog, query, args, &collected, request, None)?;
    Ok((chart, collected.notices))
}

/// Draws a result already collected (the web server shows the same batches as a table and a
/// chart). `shapes`: the map's outlines when the caller holds them resolved, else resolved here.
/// A map of a query whose chart line names `map=OTHER` draws OTHER's result for the same
/// parameters instead: a ranking lists the provinces a release ranked, but its map shows every
/// province with a value for the period (a map of values, not of ranks).
pub fn draw_collected(conn: &Connection, catalog: &Catalog, query: &Query, args: &[(String, Arg)], collected: &Collected, request: &Request, shapes: Option<&Shapes>) -> Result<Chart> {
    let kind = request.kind.or(query.header.chart.as_ref().map(|c| c.kind));
    let map_of = query.header.chart.as_ref().and_then(|c| c.map.as_deref()).filter(|other| *other != query.name);
    if let (Some(Kind::Map), Some(other)) = (kind, map_of) {
        let map_query = catalog.get(other)?;
        let map_args: Vec<(String, Arg)> =
            effective_args(query, args).into_iter().filter(|(name, _)| map_query.header.params.iter().any(|p| p.name == *name)).collect();
        let map_collected = collect_named(conn, map_query, &map_args)?;
        let map_request = Request { kind: Some(Kind::Map), ..request.clone() };
        return draw_result(conn, map_query, &map_args, &map_collected, &map_request, shapes);
    }
    draw_result(conn, query, args, collected, request, shapes)
}

fn draw_result(conn: &Connection, query: &Query, args: &[(String, Arg)], collected: &Collected, request: &Request, shapes: Option<&Shapes>) -> Result<Chart> {
    if collected.batches.iter().all(|b| b.num_rows() == 0) {
        return Err(Error::NoRowsToDraw { query: query.name.clone(), why: query.header.empty.clone(), why_tr: query.header.empty_tr.clone() });
    }
    let kind = request.kind.or(query.header.chart.as_ref().map(|c| c.kind));
    let resolved = match (kind, shapes) {
        (Some(Kind::Map), None) => Some(super::shapes(conn)?),
        _ => None,
    };
    let data = ResultData { query, args, batches: &collected.batches, schema: collected.schema.clone() };
    draw(&data, request, shapes.or(resolved.as_ref()))
}

