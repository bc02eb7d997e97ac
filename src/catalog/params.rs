//! Typed query parameters: what a header declares, and how a `-p name=value` becomes a bound
//! DuckDB value. Values are never pasted into SQL text.

use duckdb::Connection;
use duckdb::types::Value;

use crate::error::{Error, Result, Invalid};
use crate::reference::{Kind, resolve_code};

#[derive(Debug, Clone, PartialEq)]
pub enum ParamType {
    Int,
    Decimal,
    Text,
    Bool,
    Date,
    /// Any name or plate code that province resolution accepts; binds the plate code.
    Province,
    /// A partner country in any spelling or ISO code; binds the ISO alpha-2 code.
    Country,
    /// An HS chapter or code, or a name releases print; binds the HS code as text.
    Product,
    OneOf(Vec<String>),
    /// Bound as one JSON text value (duckdb-rs cannot bind LIST parameters yet, design rule 18);
    /// the SQL turns it into a list with `$p::INTEGER[]` or `from_json($p, '["VARCHAR"]')`.
    List(Box<ParamType>),
}

impl ParamType {
    pub fn parse(text: &str) -> std::result::Result<ParamType, Invalid> {
        let text = text.trim();
        if let Some(inner) = text.strip_prefix("one_of(").and_then(|t| t.strip_suffix(')')) {
            let values: Vec<String> = inner.split(',').map(|v| v.trim().to_string()).filter(|v| !v.is_empty()).collect();
            if values.is_empty() {
                return Err("one_of needs at least one value: one_of(a, b)".into());
            }
            return Ok(ParamType::OneOf(values));
        }
        if let Some(inner) = text.strip_prefix("list(").and_then(|t| t.strip_suffix(')')) {
            let element = ParamType::parse(inner)?;
            if matches!(element, ParamType::List(_)) {
                return Err("a list of lists is not a parameter type".into());
            }
            return Ok(ParamType::List(Box::new(element)));
        }
        Ok(match text {
            "int" | "integer" => ParamType::Int,
            "decimal" => ParamType::Decimal,
            "text" => ParamType::Text,
            "bool" | "boolean" => ParamType::Bool,
            "date" => ParamType::Date,
            "province" => ParamType::Province,
            "country" => ParamType::Country,
            "product" => ParamType::Product,
            other => {
                return Err(crate::invalid!(
                    "unknown type `{other}`; the types are int, decimal, text, bool, date, province, country, product, one_of(…), list(…)"
                ))
            }
        })
    }

    pub fn describe(&self) -> String {
        match self {
            ParamType::Int => "int".into(),
            ParamType::Decimal => "decimal".into(),
            ParamType::Text => "text".into(),
            ParamType::Bool => "bool".into(),
            ParamType::Date => "date".into(),
            ParamType::Province => "province".into(),
            ParamType::Country => "country".into(),
            ParamType::Product => "product".into(),
            ParamType::OneOf(values) => format!("one_of({})", values.join(", ")),
            ParamType::List(inner) => format!("list({})", inner.describe()),
        }
    }
}

/// A value given for a query parameter.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// As a person typed it (`-p year=2025`, `?year=2025`, an example line): parsed against the
    /// parameter's type, then checked against its range.
    Text(String),
    /// A whole number a program already holds (the report's year and month): checked against the
    /// parameter's type and range as it is, never written out and parsed back.
    Int(i64),
}

impl std::fmt::Display for Arg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Text(text) => f.write_str(text),
            Arg::Int(i) => write!(f, "{i}"),
        }
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<i64> for Arg {
    fn from(i: i64) -> Arg {
        Arg::Int(i)
    }
}

impl From<i32> for Arg {
    fn from(i: i32) -> Arg {
        Arg::Int(i.into())
    }
}

impl From<u32> for Arg {
    fn from(i: u32) -> Arg {
        Arg::Int(i.into())
    }
}

impl From<usize> for Arg {
    fn from(i: usize) -> Arg {
        Arg::Int(i as i64)
    }
}

/// A query's arguments by name, in the order given.
pub type Args = Vec<(String, Arg)>;

/// Arguments from pairs a program writes down: `args([("year", 2025.into()), ("basis", "activity".into())])`.
pub fn args<const N: usize>(pairs: [(&str, Arg); N]) -> Args {
    pairs.into_iter().map(|(name, value)| (name.to_string(), value)).collect()
}

#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    pub name: String,
    pub ty: ParamType,
    pub range: Option<(String, String)>,
    /// The default as written; "null" binds NULL. None: the parameter is required.
    pub default: Option<String>,
    pub doc: String,
}

/// `check A <= B` (or `A < B`) in a header: two parameters whose values must keep that order, as
/// `from_year <= to_year`. Swapped years would otherwise run, and give an empty history or a
/// growth rate over minus one year.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub left: String,
    /// `<`: the right value must be greater; `<=`: it must not be less.
    pub strict: bool,
    pub right: String,
}

impl Check {
    pub fn parse(text: &str) -> std::result::Result<Check, Invalid> {
        let words: Vec<&str> = text.split_whitespace().collect();
        match words.as_slice() {
            [left, op @ ("<" | "<="), right] => Ok(Check { left: left.to_string(), strict: *op == "<", right: right.to_string() }),
            _ => Err(crate::invalid!("`check {text}`: write two parameters and < or <= between them, as `check from_year <= to_year`")),
        }
    }

    pub fn describe(&self) -> String {
        format!("{} {} {}", self.left, if self.strict { "<" } else { "<=" }, self.right)
    }

    /// A check is read with the parameters it names: declared, and of one type that has an order.
    pub(super) fn check_declaration(&self, params: &[Param]) -> std::result::Result<(), Invalid> {
        let find = |name: &str| params.iter().find(|p| p.name == name).ok_or_else(|| crate::invalid!("`check {}` names `{name}`, which no `param` line declares", self.describe()));
        let (left, right) = (find(&self.left)?, find(&self.right)?);
        if left.ty != right.ty || !matches!(left.ty, ParamType::Int | ParamType::Decimal | ParamType::Date) {
            return Err(crate::invalid!("`check {}` compares {} with {}: both must be int, both decimal or both date", self.describe(), left.ty.describe(), right.ty.describe()));
        }
        Ok(())
    }

    /// The values given (or the defaults) in the order the check asks for; nothing to say when
    /// either is NULL. Each value was checked on its own first (`Param::bind`).
    pub fn verify(&self, params: &[Param], args: &[(String, Arg)]) -> Result<()> {
        let value = |name: &str| -> Result<Option<(String, Parsed)>> {
            let Some(param) = params.iter().find(|p| p.name == name) else { return Ok(None) };
            param.value(args.iter().find(|(n, _)| n == name).map(|(_, v)| v))
        };
        let (Some((left_text, left)), Some((right_text, right))) = (value(&self.left)?, value(&self.right)?) else { return Ok(()) };
        let order = match (&left, &right) {
            (Parsed::Int(l), Parsed::Int(r)) => l.cmp(r),
            (Parsed::Date(l), Parsed::Date(r)) => l.cmp(r),
            (l, r) => as_f64(l).partial_cmp(&as_f64(r)).unwrap_or(std::cmp::Ordering::Equal),
        };
        let message = match (self.strict, order) {
            (true, std::cmp::Ordering::Less) | (false, std::cmp::Ordering::Less | std::cmp::Ordering::Equal) => return Ok(()),
            (true, _) => format!("`{right_text}` must be greater than `{}` (`{left_text}`)", self.left),
            (false, _) => format!("`{right_text}` must not be less than `{}` (`{left_text}`)", self.left),
        };
        Err(Error::Parameter { name: self.right.clone(), message })
    }
}

/// A parsed value before binding; provinces are resolved later, against the database.
#[derive(Debug, Clone, PartialEq)]
enum Parsed {
    Int(i64),
    Decimal { digits: i128, scale: u8 },
    Text(String),
    Bool(bool),
    Date(i32),
    Province(String),
    Country(String),
    Product(String),
    List(Vec<Parsed>),
}

impl Param {
    pub fn required(&self) -> bool {
        self.default.is_none()
    }

    /// A declaration is checked when the header is read: its range and default must fit the type.
    pub(super) fn check_declaration(&self) -> std::result::Result<(), Invalid> {
        if let Some((low, high)) = &self.range {
            if !matches!(self.ty, ParamType::Int | ParamType::Decimal) {
                return Err(crate::invalid!("parameter `{}`: a range applies to int and decimal only", self.name));
            }
            for bound in [low, high] {
                parse_value(&self.ty, bound).map_err(|m| format!("parameter `{}`: range bound `{bound}`: {m}", self.name))?;
            }
        }
        if let Some(default) = &self.default {
            if default != "null" && !matches!(self.ty, ParamType::Province | ParamType::Country | ParamType::Product) {
                self.parse(default).map_err(|m| format!("parameter `{}`: the default `{default}` is not valid: {m}", self.name))?;
            }
        }
        Ok(())
    }

    fn parse(&self, text: &str) -> std::result::Result<Parsed, Invalid> {
        let value = parse_value(&self.ty, text)?;
        self.check_range(&value).map_err(|range| format!("{text} is outside {range}"))?;
        Ok(value)
    }

    /// The range a value falls outside of, as the header wrote it.
    fn check_range(&self, value: &Parsed) -> std::result::Result<(), Invalid> {
        let Some((low, high)) = &self.range else { return Ok(()) };
        let (low_v, high_v) = (parse_value(&self.ty, low)?, parse_value(&self.ty, high)?);
        let outside = match (value, &low_v, &high_v) {
            (Parsed::Int(x), Parsed::Int(l), Parsed::Int(h)) => x < l || x > h,
            (x @ Parsed::Decimal { .. }, l, h) => as_f64(x) < as_f64(l) || as_f64(x) > as_f64(h),
            _ => false,
        };
        if outside { Err(crate::invalid!("{low}..{high}")) } else { Ok(()) }
    }

    /// A number a program holds, as the parameter's type: an int stays an int, a decimal
    /// parameter takes it exactly; any other type wants text.
    fn accept_int(&self, i: i64) -> std::result::Result<Parsed, Invalid> {
        let value = match self.ty {
            ParamType::Int => Parsed::Int(i),
            ParamType::Decimal => Parsed::Decimal { digits: i.into(), scale: 0 },
            _ => return Err(crate::invalid!("the number {i} is not a {}", self.ty.describe())),
        };
        self.check_range(&value).map_err(|range| format!("{i} is outside {range}"))?;
        Ok(value)
    }

    /// Whether a value given parses against the type and the range (a name is resolved later,
    /// when it is bound).
    pub fn check(&self, given: &Arg) -> Result<()> {
        self.value(Some(given)).map(|_| ())
    }

    /// Turns the value given (or the default) into the value DuckDB binds.
    pub fn bind(&self, conn: &Connection, given: Option<&Arg>) -> Result<Value> {
        match self.value(given)? {
            Some((_, parsed)) => to_value(conn, parsed),
            None => Ok(Value::Null),
        }
    }

    /// The value given, else the default: as it was written, and parsed against the type and
    /// the range. None where NULL is bound.
    fn value(&self, given: Option<&Arg>) -> Result<Option<(String, Parsed)>> {
        let invalid = |shown: &str, message: String| Error::Parameter {
            name: self.name.clone(),
            message: format!("`{shown}` is not a valid {}: {message}", self.ty.describe()),
        };
        Ok(Some(match (given, &self.default) {
            (Some(Arg::Text(text)), _) => (text.trim().to_string(), self.parse(text).map_err(|m| invalid(text, m.0))?),
            (Some(Arg::Int(i)), _) => (i.to_string(), self.accept_int(*i).map_err(|m| invalid(&i.to_string(), m.0))?),
            (None, Some(default)) if default == "null" => return Ok(None),
            (None, Some(default)) => (default.clone(), self.parse(default).map_err(|m| invalid(default, m.0))?),
            (None, None) => {
                return Err(Error::Parameter { name: self.name.clone(), message: format!("is required ({})", self.ty.describe()) })
            }
        }))
    }
}

fn as_f64(v: &Parsed) -> f64 {
    match v {
        Parsed::Int(i) => *i as f64,
        Parsed::Decimal { digits, scale } => *digits as f64 / 10f64.powi(*scale as i32),
        _ => f64::NAN,
    }
}

fn parse_value(ty: &ParamType, text: &str) -> std::result::Result<Parsed, Invalid> {
    let trimmed = text.trim();
    match ty {
        ParamType::Int => trimmed.replace('_', "").parse::<i64>().map(Parsed::Int).map_err(|_| match year_and_month(trimmed) {
            // `report --month 2025-10` and the web application's addresses write a month so; an
            // analysis takes the two apart, and says how.
            Some((year, month)) => crate::invalid!("a year and a month: give each its own parameter, year={year} and month={month}"),
            None => "expected a whole number".into(),
        }),
        ParamType::Decimal => parse_decimal(trimmed),
        ParamType::Text => Ok(Parsed::Text(text.to_string())),
        ParamType::Bool => match trimmed.to_ascii_lowercase().as_str() {
            "true" | "yes" | "1" | "on" => Ok(Parsed::Bool(true)),
            "false" | "no" | "0" | "off" => Ok(Parsed::Bool(false)),
            _ => Err("expected true or false".into()),
        },
        ParamType::Date => parse_date(trimmed).map(Parsed::Date),
        ParamType::Province | ParamType::Country | ParamType::Product if trimmed.is_empty() => Err("expected a name or a code".into()),
        ParamType::Province => Ok(Parsed::Province(trimmed.to_string())),
        ParamType::Country => Ok(Parsed::Country(trimmed.to_string())),
        ParamType::Product => Ok(Parsed::Product(trimmed.to_string())),
        ParamType::OneOf(values) => {
            let lower = trimmed.to_lowercase();
            values
                .iter()
                .find(|v| v.to_lowercase() == lower)
                .map(|v| Parsed::Text(v.clone()))
                .ok_or_else(|| crate::invalid!("expected one of {}", values.join(", ")))
        }
        ParamType::List(inner) => {
            // A list is its items, comma-separated: an empty one, brackets or an empty item
            // would match nothing and give no rows without a word (issue 31).
            if trimmed.is_empty() {
                return Err("an empty list: give at least one value (a,b), or leave the parameter out".into());
            }
            if trimmed.starts_with(['[', '(', '{']) || trimmed.ends_with([']', ')', '}']) {
                return Err(crate::invalid!("write a list as its items, comma-separated (a,b), not `{trimmed}`"));
            }
            if trimmed.split(',').any(|item| item.trim().is_empty()) {
                return Err(crate::invalid!("`{trimmed}` has an empty item: write the items comma-separated, as a,b"));
            }
            trimmed.split(',').map(|item| parse_value(inner, item)).collect::<std::result::Result<Vec<_>, _>>().map(Parsed::List)
        }
    }
}

/// `2025-10` (or `2025-3`) as a year and a month: how `report --month` and the web application's
/// addresses write a month.
pub fn year_and_month(text: &str) -> Option<(u32, u32)> {
    let (year, month) = text.split_once('-')?;
    let digits = |t: &str, widths: std::ops::RangeInclusive<usize>| widths.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(year, 4..=4) || !digits(month, 1..=2) {
        return None;
    }
    let month: u32 = month.parse().ok()?;
    if !(1..=12).contains(&month) {
        return None;
    }
    Some((year.parse().ok()?, month))
}

/// Decimals stay exact: "1000000000", "1000000.5", "2.5e9" are accepted; "1_000" is not (a
/// number written as no table writes it is a slip, not a number).
fn parse_decimal(text: &str) -> std::result::Result<Parsed, Invalid> {
    let err = || "expected a number such as 1000000 or 2.5e9".to_string();
    let text = text.to_string();
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((m, e)) => (m.to_string(), e.parse::<i32>().map_err(|_| err())?),
        None => (text.clone(), 0),
    };
    let (negative, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => (true, m.to_string()),
        None => (false, mantissa.strip_prefix('+').unwrap_or(&mantissa).to_string()),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((&mantissa, ""));
    if (int.is_empty() && frac.is_empty()) || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return Err(err().into());
    }
    let mut digits: i128 = format!("{int}{frac}").parse().map_err(|_| err())?;
    let mut scale = frac.len() as i32 - exponent;
    while scale < 0 {
        digits = digits.checked_mul(10).ok_or_else(err)?;
        scale += 1;
    }
    if scale > 18 {
        return Err("too many decimal places (at most 18)".into());
    }
    Ok(Parsed::Decimal { digits: if negative { -digits } else { digits }, scale: scale as u8 })
}

/// YYYY-MM-DD, as days since 1970-01-01.
fn parse_date(text: &str) -> std::result::Result<i32, Invalid> {
    let err = || "expected a date as YYYY-MM-DD".to_string();
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next(), parts.next(), parts.next());
    let (Some(y), Some(m), Some(d), None) = (y, m, d, parts.next()) else { return Err(err().into()) };
    let (y, m, d): (i64, i64, i64) = (y.parse().map_err(|_| err())?, m.parse().map_err(|_| err())?, d.parse().map_err(|_| err())?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if !(1..=12).contains(&m) || d < 1 || d > days_in_month[(m - 1) as usize] {
        return Err(crate::invalid!("{text} is not a calendar date"));
    }
    // Days from civil date (Howard Hinnant's algorithm).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Ok((era * 146097 + doe - 719468) as i32)
}

fn to_value(conn: &Connection, parsed: Parsed) -> Result<Value> {
    Ok(match parsed {
        Parsed::Int(i) => Value::BigInt(i),
        Parsed::Decimal { digits, scale } => {
            Value::Decimal(duckdb::types::Decimal::new(38, scale, digits).map_err(|e| Error::msg(format!("decimal: {e}")))?)
        }
        Parsed::Text(t) => Value::Text(t),
        Parsed::Bool(b) => Value::Boolean(b),
        Parsed::Date(d) => Value::Date32(d),
        Parsed::Province(name) => Value::Int(province_code(conn, &name)?),
        Parsed::Country(name) => Value::Text(resolve_code(conn, Kind::Country, &name)?),
        Parsed::Product(name) => Value::Text(resolve_code(conn, Kind::Product, &name)?),
        Parsed::List(items) => {
            let mut json = Vec::with_capacity(items.len());
            for item in items {
                json.push(match item {
                    Parsed::Int(i) => serde_json::Value::from(i),
                    // Exact decimals and dates as text: `$p::DECIMAL(18, 2)[]` and `$p::DATE[]` read
                    // them so (a JSON number went through f64 and lost digits; a date was NULL).
                    Parsed::Decimal { digits, scale } => serde_json::Value::from(decimal_text(digits, scale)),
                    Parsed::Text(t) => serde_json::Value::from(t),
                    Parsed::Bool(b) => serde_json::Value::from(b),
                    Parsed::Date(days) => serde_json::Value::from(date_text(days)),
                    Parsed::List(_) => serde_json::Value::Null,
                    Parsed::Province(name) => serde_json::Value::from(province_code(conn, &name)?),
                    Parsed::Country(name) => serde_json::Value::from(resolve_code(conn, Kind::Country, &name)?),
                    Parsed::Product(name) => serde_json::Value::from(resolve_code(conn, Kind::Product, &name)?),
                });
            }
            Value::Text(serde_json::Value::Array(json).to_string())
        }
    })
}

fn province_code(conn: &Connection, name: &str) -> Result<i32> {
    let code = resolve_code(conn, Kind::Province, name)?;
    Ok(code.parse().expect("plate codes are integers"))
}

/// Days since 1970-01-01 as YYYY-MM-DD (the civil calendar, proleptic Gregorian).
pub(crate) fn date_text(days: i32) -> String {
    // Howard Hinnant's days-to-civil algorithm.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

fn decimal_text(digits: i128, scale: u8) -> String {
    if scale == 0 {
        return digits.to_string();
    }
    let sign = if digits < 0 { "-" } else { "" };
    let abs = digits.unsigned_abs().to_string();
    let abs = format!("{abs:0>width$}", width = scale as usize + 1);
    let (int, frac) = abs.split_at(abs.len() - scale as usize);
    format!("{sign}{int}.{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn param(ty: &str, range: Option<(&str, &str)>) -> Param {
        Param {
            name: "p".into(),
            ty: ParamType::parse(ty).unwrap(),
            range: range.map(|(l, h)| (l.into(), h.into())),
            default: None,
            doc: String::new(),
        }
    }

    #[test]
    fn parses_each_type() {
        assert_eq!(param("int", None).parse("2_025"), Ok(Parsed::Int(2025)));
        assert_eq!(param("decimal", None).parse("1000000000"), Ok(Parsed::Decimal { digits: 1_000_000_000, scale: 0 }));
        assert_eq!(param("decimal", None).parse("2.5e9"), Ok(Parsed::Decimal { digits: 2_500_000_000, scale: 0 }));
        assert_eq!(param("decimal", None).parse("-0.125"), Ok(Parsed::Decimal { digits: -125, scale: 3 }));
        assert_eq!(param("bool", None).parse("Yes"), Ok(Parsed::Bool(true)));
        assert_eq!(param("date", None).parse("1970-01-02"), Ok(Parsed::Date(1)));
        assert_eq!(param("date", None).parse("2024-02-29"), Ok(Parsed::Date(19782)));
        assert_eq!(param("one_of(month, ytd)", None).parse("YTD"), Ok(Parsed::Text("ytd".into())));
        assert_eq!(param("list(int)", None).parse("1,2"), Ok(Parsed::List(vec![Parsed::Int(1), Parsed::Int(2)])));
        assert_eq!(date_text(0), "1970-01-01");
        assert_eq!(date_text(20_362), "2025-10-01");
        assert_eq!(date_text(-1), "1969-12-31");
        assert_eq!(decimal_text(100_000_000_012_345, 2), "1000000000123.45");
        assert_eq!(param("text", None).parse("'; DROP TABLE exports; --"), Ok(Parsed::Text("'; DROP TABLE exports; --".into())));
    }

    #[test]
    fn a_number_a_program_holds_is_checked_as_it_is() {
        let month = param("int", Some(("1", "12")));
        assert_eq!(month.accept_int(10), Ok(Parsed::Int(10)));
        assert_eq!(month.accept_int(13), Err("13 is outside 1..12".into()));
        assert_eq!(param("decimal", None).accept_int(1_000_000_000), Ok(Parsed::Decimal { digits: 1_000_000_000, scale: 0 }));
        assert_eq!(param("decimal", Some(("0", "1"))).accept_int(2), Err("2 is outside 0..1".into()));
        // A number is not text, a province or a choice: a program passes those as text.
        assert_eq!(param("text", None).accept_int(5), Err("the number 5 is not a text".into()));
        assert!(param("one_of(month, ytd)", None).accept_int(1).is_err());
        assert_eq!(Arg::from(2025).to_string(), "2025");
        assert_eq!(args([("year", 2025.into()), ("basis", "activity".into())]), vec![("year".to_string(), Arg::Int(2025)), ("basis".to_string(), Arg::Text("activity".into()))]);
    }

    #[test]
    fn a_month_written_with_its_year_is_told_apart() {
        let month = param("int", Some(("1", "12")));
        let said = |text: &str| month.parse(text).err().map(|e| e.0);
        assert_eq!(said("2025-10").as_deref(), Some("a year and a month: give each its own parameter, year=2025 and month=10"));
        assert_eq!(said("2025-03").as_deref(), Some("a year and a month: give each its own parameter, year=2025 and month=3"));
        // Not a month: the plain refusal.
        assert_eq!(said("2025-13").as_deref(), Some("expected a whole number"));
        assert_eq!(said("25-10").as_deref(), Some("expected a whole number"));
    }

    #[test]
    fn rejects_what_does_not_fit() {
        assert_eq!(param("int", None).parse("ten"), Err("expected a whole number".into()));
        assert_eq!(param("int", Some(("1", "12"))).parse("13"), Err("13 is outside 1..12".into()));
        assert_eq!(param("decimal", Some(("0", "1"))).parse("1.5"), Err("1.5 is outside 0..1".into()));
        assert!(param("decimal", None).parse("1,5").is_err());
        assert!(param("date", None).parse("2025-02-29").unwrap_err().0.contains("not a calendar date"));
        assert_eq!(param("one_of(a, b)", None).parse("c"), Err("expected one of a, b".into()));
        assert_eq!(param("bool", None).parse("maybe"), Err("expected true or false".into()));
    }

    #[test]
    fn decimal_text_keeps_every_digit() {
        assert_eq!(decimal_text(-125, 3), "-0.125");
        assert_eq!(decimal_text(4_859_000_000, 0), "4859000000");
        assert_eq!(decimal_text(12345, 2), "123.45");
    }
}
