//! The columnar files: Apache Parquet (compressed, with types every reader takes) and the
//! Arrow IPC file.

use std::io::Write;

use arrow::array::RecordBatch;
use arrow::datatypes::{DataType, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression as ParquetCompression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use super::{Compression, OutputOptions};
use crate::error::{Context, Result};

pub(super) fn write_arrow(schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, _: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<()> {
    let mut writer = arrow::ipc::writer::FileWriter::try_new(out, schema).context(|| "writing Arrow IPC".into())?;
    for batch in batches {
        writer.write(&batch?).context(|| "writing Arrow IPC".into())?;
    }
    writer.finish().context(|| "writing Arrow IPC".into())
}

pub(super) fn write_parquet(schema: &SchemaRef, batches: &mut dyn Iterator<Item = Result<RecordBatch>>, options: &OutputOptions, out: &mut (dyn Write + Send)) -> Result<()> {
    let compression = match options.compression {
        Compression::Zstd => ParquetCompression::ZSTD(ZstdLevel::default()),
        Compression::Snappy => ParquetCompression::SNAPPY,
        Compression::Uncompressed => ParquetCompression::UNCOMPRESSED,
    };
    let props = WriterProperties::builder().set_compression(compression).build();
    let portable = portable_schema(schema);
    let mut writer = ArrowWriter::try_new(out, portable.clone(), Some(props)).context(|| "writing Parquet".into())?;
    for batch in batches {
        let batch = batch?;
        let batch = if portable == *schema { batch } else { to_schema(&batch, &portable).context(|| "writing Parquet".into())? };
        writer.write(&batch).context(|| "writing Parquet".into())?;
    }
    writer.close().context(|| "writing Parquet".into())?;
    Ok(())
}

/// The type a Parquet column of type `t` is written as, when `t` is one other engines refuse or
/// misread: unsigned integers become the next wider signed type (UBIGINT a DECIMAL(20, 0)),
/// nanosecond timestamps microsecond ones (Spark refuses both). The one rule, for the arrow-rs
/// writer here and for DuckDB's `COPY` (`execution::export`). DuckDB's HUGEINT already reaches
/// Arrow as Decimal128(38, 0).
pub fn portable_type(t: &DataType) -> Option<DataType> {
    use arrow::datatypes::TimeUnit;
    match t {
        DataType::UInt64 => Some(DataType::Decimal128(20, 0)),
        DataType::UInt32 => Some(DataType::Int64),
        DataType::UInt16 => Some(DataType::Int32),
        DataType::UInt8 => Some(DataType::Int16),
        DataType::Timestamp(TimeUnit::Nanosecond, zone) => Some(DataType::Timestamp(TimeUnit::Microsecond, zone.clone())),
        _ => None,
    }
}

/// A Parquet schema every reader takes (see `portable_type`).
fn portable_schema(schema: &SchemaRef) -> SchemaRef {
    use arrow::datatypes::Field;
    if !schema.fields().iter().any(|f| portable_type(f.data_type()).is_some()) {
        return schema.clone();
    }
    let fields: Vec<Field> = schema
        .fields()
        .iter()
        .map(|f| match portable_type(f.data_type()) {
            Some(to) => Field::new(f.name(), to, f.is_nullable()),
            None => f.as_ref().clone(),
        })
        .collect();
    std::sync::Arc::new(arrow::datatypes::Schema::new(fields))
}

fn to_schema(batch: &RecordBatch, schema: &SchemaRef) -> std::result::Result<RecordBatch, arrow::error::ArrowError> {
    let columns = batch
        .columns()
        .iter()
        .zip(schema.fields())
        .map(|(column, field)| if column.data_type() == field.data_type() { Ok(column.clone()) } else { arrow::compute::cast(column, field.data_type()) })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    RecordBatch::try_new(schema.clone(), columns)
}

