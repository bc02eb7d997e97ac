//! The one line a result on an incomplete panel carries for people: how many of the 81
//! provinces have data for the period, and what that means for shares and ranks.

use arrow::array::RecordBatch;

use crate::catalog::Arg;
use crate::db::Columns;

/// "5 of 81 provinces have data for 2025-10: shares are of …", in English and in Turkish: built
/// from the result's own columns, so every query that carries `panel` gets it.
pub(super) fn notice(batch: &RecordBatch, args: &[(String, Arg)]) -> Option<super::PanelNotice> {
    let panels = i64s(batch, "panel");
    let (low, high) = (*panels.iter().min()?, *panels.iter().max()?);
    if low >= 81 {
        return None;
    }
    let (mut en, mut tr): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    if let Some(share_of) = first_text(batch, "share_of") {
        match share_of.strip_prefix("none: ") {
            Some(why) => {
                en.push(format!("no shares ({why})"));
                tr.push(format!("pay yok ({})", denominator_tr(&share_of)));
            }
            None => {
                en.push(format!("shares are of the {share_of}"));
                tr.push(format!("paylar {} göredir", denominator_tr(&share_of)));
            }
        }
    }
    if texts(batch, "rank_origin").iter().any(|o| o.as_deref() == Some("published")) {
        en.push("ranks are the release's".to_string());
        tr.push("sıralar bültenin verdiği sıralardır".to_string());
    } else if texts(batch, "origin").iter().any(|o| o.as_deref() == Some("published")) {
        en.push("figures with origin published are the release's, with its source".to_string());
        tr.push("kaynak türü “yayımlandı” olan rakamlar bültenindir, kaynağıyla".to_string());
    }
    // A result over several periods (a province's months) has a panel for each.
    let period = period_label(args);
    let (mut english, mut turkish) = if low == high {
        (format!("{low} of 81 provinces have data for {}", period.as_deref().unwrap_or("the period")), format!("{} için 81 ilden {low} ilin verisi var", period.as_deref().unwrap_or("dönem")))
    } else {
        (format!("{low} to {high} of 81 provinces have data in these periods"), format!("bu dönemlerde 81 ilden {low} ile {high} arası ilin verisi var"))
    };
    if !en.is_empty() {
        english.push_str(&format!(": {}", en.join("; ")));
        turkish.push_str(&format!(": {}", tr.join("; ")));
    }
    Some(super::PanelNotice { english, turkish })
}

/// The denominator of shares (the `share_of` column, which the SQL writes in English) in Turkish,
/// in the dative the sentence "paylar … göredir" takes; an unknown text stays as it is.
fn denominator_tr(share_of: &str) -> String {
    let numbers: Vec<&str> = share_of.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).collect();
    let usd = |n: &str| crate::language::group_digits(n, crate::language::Language::Tr);
    match share_of {
        "sum of all 81 provinces" => "81 ilin toplamına".to_string(),
        "national total derived from published year-to-date totals" => "yayımlanan yılbaşından bu yana toplamlardan türetilen ulusal toplama".to_string(),
        "published national total" => "yayımlanan ulusal toplama".to_string(),
        s if s.starts_with("sum of all 81 provinces (") && numbers.len() == 3 => {
            format!("81 ilin toplamına ({} $; yayımlanan ulusal toplam {} $)", usd(numbers[1]), usd(numbers[2]))
        }
        s if s.starts_with("none: ") && numbers.len() == 2 => format!("81 ilden {} ilin değeri var ve ulusal toplam yayımlanmadı", numbers[0]),
        other => other.to_string(),
    }
}

/// The period the arguments name, as `2025-10`, `2025-01..2025-10` or `2024`.
fn period_label(args: &[(String, Arg)]) -> Option<String> {
    let get = |name: &str| args.iter().find(|(n, _)| n == name).map(|(_, v)| v.to_string().trim().to_string());
    let (year, month) = (get("year")?, get("month").and_then(|m| m.parse::<u32>().ok()));
    Some(match (get("period").as_deref(), month) {
        (Some("year"), _) => year,
        (Some("ytd"), Some(m)) => format!("{year}-01..{year}-{m:02}"),
        (_, Some(m)) => format!("{year}-{m:02}"),
        (_, None) => year,
    })
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
        assert_eq!(period_label(&args(&[("year", "2025"), ("month", "10")])).as_deref(), Some("2025-10"));
        assert_eq!(period_label(&args(&[("year", "2025"), ("month", "3"), ("period", "ytd")])).as_deref(), Some("2025-01..2025-03"));
        // period=year ignores the month entirely.
        assert_eq!(period_label(&args(&[("year", "2024"), ("month", "7"), ("period", "year")])).as_deref(), Some("2024"));
        assert_eq!(period_label(&args(&[("province", "Bursa")])), None);
    }

    #[test]
    fn denominators_read_in_turkish() {
        assert_eq!(denominator_tr("published national total"), "yayımlanan ulusal toplama");
        assert_eq!(denominator_tr("none: 8 of 81 provinces have a value and no national total was published"), "81 ilden 8 ilin değeri var ve ulusal toplam yayımlanmadı");
        assert_eq!(
            denominator_tr("sum of all 81 provinces (224600000000 USD; the published national total is 224700000000 USD)"),
            "81 ilin toplamına (224.600.000.000 $; yayımlanan ulusal toplam 224.700.000.000 $)"
        );
    }
}
