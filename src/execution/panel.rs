//! The one line a result on an incomplete panel carries for people: how many of the 81
//! provinces have data for the period, and what that means for shares and ranks.

use arrow::array::RecordBatch;

use crate::catalog::Arg;
use crate::db::Columns;

/// "5 of 81 provinces have data for 2025-10: shares are of …": built from the result's own
/// columns, so every query that carries `panel` gets it.
pub(super) fn notice(batch: &RecordBatch, args: &[(String, Arg)]) -> Option<String> {
    let panels = i64s(batch, "panel");
    let (low, high) = (*panels.iter().min()?, *panels.iter().max()?);
    if low >= 81 {
        return None;
    }
    let mut clauses = Vec::new();
    if let Some(share_of) = first_text(batch, "share_of") {
        match share_of.strip_prefix("none: ") {
            Some(why) => clauses.push(format!("no shares ({why})")),
            None => clauses.push(format!("shares are of the {share_of}")),
        }
    }
    if texts(batch, "rank_origin").iter().any(|o| o.as_deref() == Some("published")) {
        clauses.push("ranks are the release's".to_string());
    } else if texts(batch, "origin").iter().any(|o| o.as_deref() == Some("published")) {
        clauses.push("figures with origin published are the release's, with its source".to_string());
    }
    // A result over several periods (a province's months) has a panel for each.
    let mut text = if low == high {
        format!("{low} of 81 provinces have data for {}", period_label(args))
    } else {
        format!("{low} to {high} of 81 provinces have data in these periods")
    };
    if !clauses.is_empty() {
        text.push_str(": ");
        text.push_str(&clauses.join("; "));
    }
    Some(text)
}

/// The period the arguments name, as `2025-10`, `2025-01..2025-10` or `2024`.
fn period_label(args: &[(String, Arg)]) -> String {
    let get = |name: &str| args.iter().find(|(n, _)| n == name).map(|(_, v)| v.to_string().trim().to_string());
    let (Some(year), month) = (get("year"), get("month").and_then(|m| m.parse::<u32>().ok())) else {
        return "the period".to_string();
    };
    match (get("period").as_deref(), month) {
        (Some("year"), _) => year,
        (Some("ytd"), Some(m)) => format!("{year}-01..{year}-{m:02}"),
        (_, Some(m)) => format!("{year}-{m:02}"),
        (_, None) => year,
    }
}

fn i64s(batch: &RecordBatch, name: &str) -> Vec<i64> {
    Columns::of(std::slice::from_ref(batch)).integers(name).unwrap_or_default().into_iter().flatten().collect()
}

fn texts(batch: &RecordBatch, name: &str) -> Vec<Option<String>> {
    Columns::of(std::slice::from_ref(batch)).texts(name).unwrap_or_default()
}

fn first_text(batch: &RecordBatch, name: &str) -> Option<String> {
    texts(batch, name).into_iter().flatten().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(pairs: &[(&str, &str)]) -> Vec<(String, Arg)> {
        pairs.iter().map(|(k, v)| (k.to_string(), Arg::from(*v))).collect()
    }

    #[test]
    fn periods_are_named_as_the_arguments_say() {
        assert_eq!(period_label(&args(&[("year", "2025"), ("month", "10")])), "2025-10");
        assert_eq!(period_label(&args(&[("year", "2025"), ("month", "3"), ("period", "ytd")])), "2025-01..2025-03");
        // period=year ignores the month entirely.
        assert_eq!(period_label(&args(&[("year", "2024"), ("month", "7"), ("period", "year")])), "2024");
        assert_eq!(period_label(&args(&[("province", "Bursa")])), "the period");
    }
}
