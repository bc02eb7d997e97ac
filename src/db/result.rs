//! A result as DuckDB hands it over: the schema first, then Arrow batches as they come. Every
//! layer above passes results in this one shape; the output layer writes them.

use arrow::array::RecordBatch;
use arrow::datatypes::SchemaRef;

use crate::error::{Context, Result};

/// A query's result as DuckDB hands it over: the schema first, then batches as they come.
pub struct ResultStream<'a> {
    pub schema: SchemaRef,
    pub batches: Box<dyn Iterator<Item = std::result::Result<RecordBatch, duckdb::Error>> + 'a>,
}

impl<'a> ResultStream<'a> {
    pub fn from_statement(stmt: &'a mut duckdb::Statement<'_>, params: Vec<duckdb::types::Value>) -> Result<ResultStream<'a>> {
        let stream = stmt.stream_arrow(duckdb::params_from_iter(params)).context(|| "running the query".into())?;
        let schema = stream.get_schema();
        Ok(ResultStream { schema, batches: Box::new(stream) })
    }

    /// As `from_statement`, and `finished` is set once the last batch has been read: a cached
    /// statement whose result was left open must not go back to its cache, where it would keep
    /// the connection busy ("connection has an open result") for the next query.
    pub fn from_statement_marking(
        stmt: &'a mut duckdb::Statement<'_>,
        params: Vec<duckdb::types::Value>,
        finished: &'a std::cell::Cell<bool>,
    ) -> Result<ResultStream<'a>> {
        let ResultStream { schema, mut batches } = ResultStream::from_statement(stmt, params)?;
        let marking = std::iter::from_fn(move || {
            let next = batches.next();
            if next.is_none() {
                finished.set(true);
            }
            next
        });
        Ok(ResultStream { schema, batches: Box::new(marking) })
    }

    pub fn from_batches(schema: SchemaRef, batches: Vec<RecordBatch>) -> ResultStream<'static> {
        ResultStream { schema, batches: Box::new(batches.into_iter().map(Ok)) }
    }
}

