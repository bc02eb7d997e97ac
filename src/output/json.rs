//! JSON (one array of objects) and NDJSON (one object a line); nulls are written, not left out.

use std::io::Write;

use arrow::array::RecordBatch;
use arrow::datatypes::SchemaRef;

use super::OutputOptions;
use crate::error::{Context, Result};

pub(super) fn write_json(_: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, _: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<()> {
    let mut writer = arrow::json::WriterBuilder::new().with_explicit_nulls(true).build::<_, arrow::json::writer::JsonArray>(out);
    for batch in batches {
        writer.write(&batch?).context(|| "writing JSON".into())?;
    }
    writer.finish().context(|| "writing JSON".into())?;
    writer.into_inner().write_all(b"\n").context(|| "writing JSON".into())
}

pub(super) fn write_ndjson(_: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, _: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<()> {
    let mut writer = arrow::json::WriterBuilder::new().with_explicit_nulls(true).build::<_, arrow::json::writer::LineDelimited>(out);
    for batch in batches {
        writer.write(&batch?).context(|| "writing NDJSON".into())?;
    }
    writer.finish().context(|| "writing NDJSON".into())
}
