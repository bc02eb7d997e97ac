//! CSV (RFC 4180, with a header) and TSV.

use std::io::Write;
use std::sync::Arc;

use arrow::array::RecordBatch;
use arrow::datatypes::{DataType, SchemaRef};

use super::OutputOptions;
use crate::error::{Context, Result};

pub(super) fn write_csv(schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, _: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<()> {
    write_delimited(schema, batches, b',', out)
}

pub(super) fn write_tsv(schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, _: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<()> {
    write_delimited(schema, batches, b'\t', out)
}

fn write_delimited(schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, delimiter: u8, out: &mut (dyn Write + Send)) -> Result<()> {
    let mut writer = arrow::csv::WriterBuilder::new().with_header(true).with_delimiter(delimiter).build(out);
    let mut wrote_any = false;
    for batch in batches {
        writer.write(&nested_as_json(&batch?)?).context(|| "writing CSV".into())?;
        wrote_any = true;
    }
    if !wrote_any {
        // arrow writes the header with the first batch; an empty result still has columns.
        writer.write(&nested_as_json(&RecordBatch::new_empty(schema.clone()))?).context(|| "writing CSV".into())?;
    }
    Ok(())
}

/// CSV has no lists or structs: such a column is written as JSON text, one value a cell, as
/// DuckDB's own CSV writer does, instead of failing after the header.
fn nested_as_json(batch: &RecordBatch) -> Result<RecordBatch> {
    let nested = |t: &DataType| matches!(t, DataType::List(_) | DataType::LargeList(_) | DataType::FixedSizeList(..) | DataType::Struct(_) | DataType::Map(..));
    if !batch.schema().fields().iter().any(|f| nested(f.data_type())) {
        return Ok(batch.clone());
    }
    let mut fields = Vec::new();
    let mut columns: Vec<arrow::array::ArrayRef> = Vec::new();
    for (field, column) in batch.schema().fields().iter().zip(batch.columns()) {
        if !nested(field.data_type()) {
            fields.push(field.as_ref().clone());
            columns.push(column.clone());
            continue;
        }
        let one = RecordBatch::try_new(
            Arc::new(arrow::datatypes::Schema::new(vec![arrow::datatypes::Field::new("v", field.data_type().clone(), true)])),
            vec![column.clone()],
        )
        .context(|| format!("writing column `{}` as JSON", field.name()))?;
        let mut buffer = Vec::new();
        {
            let mut writer = arrow::json::WriterBuilder::new().with_explicit_nulls(true).build::<_, arrow::json::writer::LineDelimited>(&mut buffer);
            writer.write(&one).context(|| format!("writing column `{}` as JSON", field.name()))?;
            writer.finish().context(|| format!("writing column `{}` as JSON", field.name()))?;
        }
        let text = String::from_utf8_lossy(&buffer);
        let values: Vec<Option<String>> = text
            .lines()
            .map(|line| {
                let row: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
                match &row["v"] {
                    serde_json::Value::Null => None,
                    value => Some(value.to_string()),
                }
            })
            .collect();
        fields.push(arrow::datatypes::Field::new(field.name(), DataType::Utf8, true));
        columns.push(Arc::new(arrow::array::StringArray::from(values)));
    }
    RecordBatch::try_new(Arc::new(arrow::datatypes::Schema::new(fields)), columns).context(|| "writing nested columns as JSON".into())
}

