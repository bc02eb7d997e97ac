//! Reshaping a long result into the wide table a query's `--- pivot` line asks for: one row per
//! key, one column per heading, as people exchange tables in spreadsheets (the Ministry's table
//! has a province a row and a month a column).
//!
//! SQL does the data work: it returns every cell as a row (`province, heading, value_usd`),
//! with NULL where there is no value, in the order the table reads. The pivot only moves cells:
//! it adds nothing up and fills nothing in, so an empty cell stays empty. It exists because a
//! SQL statement cannot name its columns after its parameters ("OCAK 2025"), and a DuckDB
//! PIVOT with computed names cannot be a prepared statement.
//!
//! Rows and columns come in the order of their first appearance. Two rows for the same key and
//! heading are an error, never one silently kept.

use std::collections::HashMap;
use std::sync::Arc;

use arrow::array::{Array, ArrayRef, AsArray, RecordBatch, UInt32Array};
use arrow::compute::{cast, concat, take};
use arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use arrow::row::{RowConverter, SortField};

use crate::catalog::PivotSpec;
use crate::error::{Error, Result};

/// Excel's last column is XFD: a wider table opens nowhere people would look at it.
const MAX_COLUMNS: usize = 16_384;

/// The wide table of a long result. `query` names the query in errors.
pub fn pivot(query: &str, spec: &PivotSpec, schema: &SchemaRef, batches: &[RecordBatch]) -> Result<(SchemaRef, Vec<RecordBatch>)> {
    let index = |name: &str| {
        schema.index_of(name).map_err(|_| Error::msg(format!("`{query}` has `--- pivot` on column `{name}`, which its result does not have")))
    };
    let (heading_at, value_at) = (index(&spec.column)?, index(&spec.value)?);
    let corner_at = spec.row_heading.as_deref().map(index).transpose()?;
    let key_at: Vec<usize> = (0..schema.fields().len()).filter(|i| ![Some(heading_at), Some(value_at), corner_at].contains(&Some(*i))).collect();
    if key_at.is_empty() {
        return Err(Error::msg(format!("`{query}` pivots every column: it needs at least one column besides the headings and the values to make rows of")));
    }
    let column_of = |at: usize| -> Result<ArrayRef> {
        let arrays: Vec<&dyn Array> = batches.iter().map(|b| b.column(at).as_ref()).collect();
        if arrays.is_empty() {
            return Ok(arrow::array::new_empty_array(schema.field(at).data_type()));
        }
        concat(&arrays).map_err(|e| Error::msg(format!("pivoting `{query}`: {e}")))
    };
    let headings = cast(&column_of(heading_at)?, &DataType::Utf8).map_err(|e| Error::msg(format!("pivoting `{query}`: {e}")))?;
    let headings = headings.as_string::<i32>();
    let values = column_of(value_at)?;
    let keys: Vec<ArrayRef> = key_at.iter().map(|&at| column_of(at)).collect::<Result<_>>()?;

    let converter = RowConverter::new(key_at.iter().map(|&at| SortField::new(schema.field(at).data_type().clone())).collect())
        .map_err(|e| Error::msg(format!("pivoting `{query}`: {e}")))?;
    let rows = converter.convert_columns(&keys).map_err(|e| Error::msg(format!("pivoting `{query}`: {e}")))?;

    // Rows and headings by first appearance; cells[column][row] is the long row that fills it.
    let mut row_of: HashMap<arrow::row::Row<'_>, usize> = HashMap::new();
    let mut first_rows: Vec<u32> = Vec::new();
    let mut column_of_heading: HashMap<String, usize> = HashMap::new();
    let mut names: Vec<String> = Vec::new();
    let mut cells: Vec<Vec<Option<u32>>> = Vec::new();
    for i in 0..headings.len() {
        if headings.is_null(i) {
            return Err(Error::msg(format!("`{query}` returned a row whose heading (`{}`) is NULL: a column cannot be named after nothing", spec.column)));
        }
        let row = *row_of.entry(rows.row(i)).or_insert_with(|| {
            first_rows.push(i as u32);
            first_rows.len() - 1
        });
        let heading = headings.value(i);
        let column = match column_of_heading.get(heading) {
            Some(&c) => c,
            None => {
                if names.len() == MAX_COLUMNS {
                    return Err(Error::msg(format!("`{query}` would make more than {MAX_COLUMNS} columns (Excel's limit); narrow it with its parameters")));
                }
                column_of_heading.insert(heading.to_string(), names.len());
                names.push(heading.to_string());
                cells.push(Vec::new());
                names.len() - 1
            }
        };
        let cells = &mut cells[column];
        cells.resize(first_rows.len(), None);
        if cells[row].replace(i as u32).is_some() {
            return Err(Error::msg(format!("`{query}` returned two rows for the same row and heading `{heading}`: the table would have to drop one")));
        }
    }

    let picks = UInt32Array::from(first_rows.clone());
    let take_all = |array: &ArrayRef, indices: &UInt32Array| take(array, indices, None).map_err(|e| Error::msg(format!("pivoting `{query}`: {e}")));
    let corner = match corner_at {
        Some(at) => {
            let corners = cast(&column_of(at)?, &DataType::Utf8).map_err(|e| Error::msg(format!("pivoting `{query}`: {e}")))?;
            let corners = corners.as_string::<i32>();
            (0..corners.len()).find(|&i| !corners.is_null(i)).map(|i| corners.value(i).to_string())
        }
        None => None,
    };
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    for (n, (&at, key)) in key_at.iter().zip(&keys).enumerate() {
        let field = schema.field(at);
        let name = match (&corner, n) {
            (Some(corner), 0) => corner.clone(),
            _ => field.name().clone(),
        };
        fields.push(Field::new(name, field.data_type().clone(), field.is_nullable()));
        columns.push(take_all(key, &picks)?);
    }
    for (name, mut cells) in names.into_iter().zip(cells) {
        if fields.iter().any(|f| f.name() == &name) {
            return Err(Error::msg(format!("`{query}` has a heading `{name}` that is also the name of a row column")));
        }
        cells.resize(first_rows.len(), None);
        fields.push(Field::new(name, values.data_type().clone(), true));
        columns.push(take_all(&values, &UInt32Array::from(cells))?);
    }
    let schema: SchemaRef = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), columns).map_err(|e| Error::msg(format!("pivoting `{query}`: {e}")))?;
    Ok((schema, if batch.num_rows() == 0 { Vec::new() } else { vec![batch] }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow::array::{Int64Array, StringArray};

    fn long(rows: &[(&str, &str, Option<i64>)]) -> (SchemaRef, Vec<RecordBatch>) {
        let schema: SchemaRef = Arc::new(Schema::new(vec![
            Field::new("province", DataType::Utf8, false),
            Field::new("heading", DataType::Utf8, false),
            Field::new("value", DataType::Int64, true),
        ]));
        let batch = RecordBatch::try_new(
            schema.clone(),
            vec![
                Arc::new(StringArray::from(rows.iter().map(|r| r.0).collect::<Vec<_>>())),
                Arc::new(StringArray::from(rows.iter().map(|r| r.1).collect::<Vec<_>>())),
                Arc::new(Int64Array::from(rows.iter().map(|r| r.2).collect::<Vec<_>>())),
            ],
        )
        .unwrap();
        (schema, vec![batch])
    }

    fn spec() -> PivotSpec {
        PivotSpec::parse("column=heading value=value").unwrap()
    }

    #[test]
    fn moves_cells_into_columns_in_order_of_appearance_and_leaves_gaps_empty() {
        let (schema, batches) = long(&[("Bursa", "Oca", Some(1)), ("Bursa", "Şub", None), ("İzmir", "Şub", Some(4)), ("İzmir", "Mar", Some(0))]);
        let (wide, out) = pivot("q", &spec(), &schema, &batches).unwrap();
        let names: Vec<&str> = wide.fields().iter().map(|f| f.name().as_str()).collect();
        assert_eq!(names, ["province", "Oca", "Şub", "Mar"]);
        let column = |i: usize| out[0].column(i).as_primitive::<arrow::datatypes::Int64Type>().iter().collect::<Vec<_>>();
        assert_eq!(column(1), [Some(1), None]);
        assert_eq!(column(2), [None, Some(4)]);
        // A zero stays a zero; a missing cell stays missing.
        assert_eq!(column(3), [None, Some(0)]);
    }

    #[test]
    fn refuses_two_values_for_one_cell() {
        let (schema, batches) = long(&[("Bursa", "Oca", Some(1)), ("Bursa", "Oca", Some(2))]);
        let error = pivot("q", &spec(), &schema, &batches).unwrap_err().to_string();
        assert_eq!(error, "`q` returned two rows for the same row and heading `Oca`: the table would have to drop one");
    }

    #[test]
    fn reads_its_header_line() {
        assert_eq!(
            PivotSpec::parse("column=h value=v row_heading=c").unwrap(),
            PivotSpec { column: "h".into(), value: "v".into(), row_heading: Some("c".into()) }
        );
        assert!(PivotSpec::parse("column=h").unwrap_err().0.contains("needs column=COLUMN"));
        assert!(PivotSpec::parse("column=h value=v colour=red").unwrap_err().0.contains("`colour=red`"));
    }
}
