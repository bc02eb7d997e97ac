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
        writer.write(&defined(&batch?).context(|| "writing Arrow IPC".into())?).context(|| "writing Arrow IPC".into())?;
    }
    writer.finish().context(|| "writing Arrow IPC".into())
}

/// `batch` with zeros under its nulls. Arrow leaves a null slot's bytes undefined and DuckDB
/// leaves there what an earlier step of its plan wrote, so the same rows made by two plans wrote
/// two different files; now the same rows write the same bytes.
fn defined(batch: &RecordBatch) -> std::result::Result<RecordBatch, arrow::error::ArrowError> {
    use arrow::array::{Array, ArrayRef, MutableArrayData, make_array};
    if batch.columns().iter().all(|c| c.null_count() == 0) {
        return Ok(batch.clone());
    }
    let columns = batch
        .columns()
        .iter()
        .map(|column| -> std::result::Result<ArrayRef, arrow::error::ArrowError> {
            if column.null_count() == 0 {
                return Ok(column.clone());
            }
            let data = column.to_data();
            let mut out = MutableArrayData::new(vec![&data], true, column.len());
            let mut start = 0;
            while start < column.len() {
                let valid = column.is_valid(start);
                let end = (start..column.len()).find(|&i| column.is_valid(i) != valid).unwrap_or(column.len());
                if valid { out.try_extend(0, start, end)? } else { out.try_extend_nulls(end - start)? }
                start = end;
            }
            Ok(make_array(out.freeze()))
        })
        .collect::<std::result::Result<Vec<_>, _>>()?;
    RecordBatch::try_new(batch.schema(), columns)
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


#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use arrow::array::{Array, Int64Array, StringArray, make_array};
    use arrow::buffer::{Buffer, NullBuffer};
    use arrow::datatypes::{Field, Schema};

    use super::*;

    fn ipc(batch: &RecordBatch) -> Vec<u8> {
        let mut out = Vec::new();
        write_arrow(&batch.schema(), &mut std::iter::once(Ok(batch.clone())), &OutputOptions::default(), &mut out).unwrap();
        out
    }

    /// Two columns whose null slot holds `garbage`: what a plan happened to leave there.
    fn with_garbage(garbage: i64) -> RecordBatch {
        let nulls = NullBuffer::from(vec![true, false, true]);
        let ints = arrow::array::ArrayData::builder(DataType::Int64)
            .len(3)
            .add_buffer(Buffer::from_slice_ref([7i64, garbage, 9]))
            .nulls(Some(nulls.clone()))
            .build()
            .unwrap();
        let text = StringArray::from(vec![Some("İstanbul"), None, Some("Kocaeli")]);
        let schema = Arc::new(Schema::new(vec![Field::new("rank", DataType::Int64, true), Field::new("province", DataType::Utf8, true)]));
        RecordBatch::try_new(schema, vec![make_array(ints), Arc::new(text)]).unwrap()
    }

    #[test]
    fn the_same_rows_write_the_same_arrow_file_whatever_lies_under_a_null() {
        let (a, b) = (ipc(&with_garbage(0)), ipc(&with_garbage(123_456)));
        assert_eq!(a, b);
        // And the values read back are the rows written.
        let read = arrow::ipc::reader::FileReader::try_new(std::io::Cursor::new(b), None).unwrap().next().unwrap().unwrap();
        let rank = read.column(0).as_any().downcast_ref::<Int64Array>().unwrap();
        assert_eq!(rank.iter().collect::<Vec<_>>(), vec![Some(7), None, Some(9)]);
        assert_eq!(read.column(1).null_count(), 1);
    }
}
