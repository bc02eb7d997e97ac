//! How a query's header asks its result to be shown: its natural chart (`--- chart`) and the
//! wide table it is reshaped into (`--- pivot`). Parsed here with the rest of the header; drawn
//! by the chart layer and reshaped by execution.

use crate::error::Invalid;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Bar,
    Line,
    Map,
}

impl Kind {
    pub fn from_name(name: &str) -> Option<Kind> {
        match name {
            "bar" => Some(Kind::Bar),
            "line" => Some(Kind::Line),
            "map" => Some(Kind::Map),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Kind::Bar => "bar",
            Kind::Line => "line",
            Kind::Map => "map",
        }
    }
}

/// A query's natural chart, from its `--- chart KIND [value=COLUMN] [label=COLUMN] [map=QUERY]
/// [first=smallest]` line. `map` names the analysis whose rows a map of this one draws: a ranking
/// lists only the provinces a release ranked, while its map shows every province with a value for
/// the period. `first=smallest` says that the ranking starts from the smallest, so that its
/// caption reads "bottom 5" where a ranking from the largest reads "top 5".
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub kind: Kind,
    pub value: Option<String>,
    pub label: Option<String>,
    pub map: Option<String>,
    pub smallest_first: bool,
}

impl ChartSpec {
    pub fn parse(text: &str) -> std::result::Result<ChartSpec, Invalid> {
        let mut words = text.split_whitespace();
        let kind_word = words.next().ok_or("`chart` needs a kind: bar, line or map")?;
        let kind = Kind::from_name(kind_word).ok_or_else(|| format!("unknown chart kind `{kind_word}`: the kinds are bar, line and map"))?;
        let mut spec = ChartSpec { kind, value: None, label: None, map: None, smallest_first: false };
        for word in words {
            match word.split_once('=') {
                Some(("value", column)) if !column.is_empty() => spec.value = Some(column.to_string()),
                Some(("label", column)) if !column.is_empty() => spec.label = Some(column.to_string()),
                Some(("map", query)) if !query.is_empty() => spec.map = Some(query.to_string()),
                Some(("first", "smallest")) => spec.smallest_first = true,
                Some(("first", "largest")) => spec.smallest_first = false,
                _ => return Err(crate::invalid!("`{word}` in `chart`: expected value=COLUMN, label=COLUMN, map=QUERY or first=smallest")),
            }
        }
        Ok(spec)
    }
}

/// `--- pivot column=COLUMN value=COLUMN [row_heading=COLUMN]`
#[derive(Debug, Clone, PartialEq)]
pub struct PivotSpec {
    /// The column whose values name the new columns.
    pub column: String,
    /// The column whose values fill them.
    pub value: String,
    /// A column whose (first) value names the first key column, so that the corner of the table
    /// can be in the table's language ("İL", "Province"); it is not a key itself.
    pub row_heading: Option<String>,
}

impl PivotSpec {
    pub fn parse(text: &str) -> std::result::Result<PivotSpec, Invalid> {
        let (mut column, mut value, mut row_heading) = (None, None, None);
        for word in text.split_whitespace() {
            match word.split_once('=') {
                Some(("column", c)) if !c.is_empty() => column = Some(c.to_string()),
                Some(("value", v)) if !v.is_empty() => value = Some(v.to_string()),
                Some(("row_heading", r)) if !r.is_empty() => row_heading = Some(r.to_string()),
                _ => return Err(crate::invalid!("`{word}` in `pivot`: expected column=COLUMN, value=COLUMN or row_heading=COLUMN")),
            }
        }
        match (column, value) {
            (Some(column), Some(value)) if column != value => Ok(PivotSpec { column, value, row_heading }),
            (Some(_), Some(_)) => Err("`pivot` needs two different columns for column= and value=".into()),
            _ => Err("`pivot` needs column=COLUMN (the headings) and value=COLUMN (the cells)".into()),
        }
    }

    /// The columns the long result must have.
    pub fn needs(&self) -> impl Iterator<Item = &str> {
        [Some(self.column.as_str()), Some(self.value.as_str()), self.row_heading.as_deref()].into_iter().flatten()
    }
}

