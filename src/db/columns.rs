//! The one reader of a result's columns by name, across its batches, cast to the type the
//! caller reads (charts, the report, notices and the pivot all read results this way). A caller
//! says in its own words what a missing or unreadable column means.

use arrow::array::{Array, ArrayRef, AsArray, RecordBatch};
use arrow::compute::cast;
use arrow::datatypes::{DataType, Float64Type, Int64Type};

/// Why a column could not be read.
#[derive(Debug)]
pub enum ColumnError {
    /// The result has no column of that name.
    Missing,
    /// The column's values cannot be read as the type asked for.
    Cast(arrow::error::ArrowError),
}

/// The columns of a result held whole.
#[derive(Clone, Copy)]
pub struct Columns<'a> {
    batches: &'a [RecordBatch],
}

impl<'a> Columns<'a> {
    pub fn of(batches: &'a [RecordBatch]) -> Columns<'a> {
        Columns { batches }
    }

    /// A column cast to `to`, batch by batch.
    pub fn cast(&self, column: &str, to: &DataType) -> Result<Vec<ArrayRef>, ColumnError> {
        self.batches
            .iter()
            .map(|batch| {
                let array = batch.column_by_name(column).ok_or(ColumnError::Missing)?;
                cast(array, to).map_err(ColumnError::Cast)
            })
            .collect()
    }

    /// A column's values cast to `to` and read with `read`; NULL is None.
    fn read<T>(&self, column: &str, to: &DataType, read: impl Fn(&ArrayRef, usize) -> T) -> Result<Vec<Option<T>>, ColumnError> {
        let mut out = Vec::new();
        for array in self.cast(column, to)? {
            out.extend((0..array.len()).map(|i| (!array.is_null(i)).then(|| read(&array, i))));
        }
        Ok(out)
    }

    pub fn floats(&self, column: &str) -> Result<Vec<Option<f64>>, ColumnError> {
        self.read(column, &DataType::Float64, |a, i| a.as_primitive::<Float64Type>().value(i))
    }

    pub fn integers(&self, column: &str) -> Result<Vec<Option<i64>>, ColumnError> {
        self.read(column, &DataType::Int64, |a, i| a.as_primitive::<Int64Type>().value(i))
    }

    pub fn texts(&self, column: &str) -> Result<Vec<Option<String>>, ColumnError> {
        self.read(column, &DataType::Utf8, |a, i| a.as_string::<i32>().value(i).to_string())
    }

    pub fn bools(&self, column: &str) -> Result<Vec<Option<bool>>, ColumnError> {
        self.read(column, &DataType::Boolean, |a, i| a.as_boolean().value(i))
    }
}
