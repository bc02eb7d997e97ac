//! The words around a chart's plot: its title and subtitle, the notes on what the data cannot
//! show (an incomplete panel, partial detail, a share's denominator, a change not given), and
//! the line that credits where the drawn figures come from. Each exists in Turkish and English.

use super::frame::Frame;
use super::numbers::{self, Measure};
use super::{Kind, ResultData, Table, is_change};
use crate::error::Result;
use crate::language::Language;
use crate::turkish;

/// The words around the plot: the query's summary, its parameters as a reader says them, what
/// the data cannot show, and where the figures come from.
pub(super) fn frame_for(data: &ResultData, table: &Table, value_column: &str, kind: Kind, unchanged: &[bool], language: Language) -> Result<Frame> {
    let header = &data.query.header;
    let title = header.title_in(language).to_string();
    let arg = |name: &str| -> Option<String> {
        data.args.iter().find(|(n, _)| n == name).map(|(_, v)| v.to_string()).or_else(|| header.params.iter().find(|p| p.name == name).and_then(|p| p.default.clone())).filter(|v| v != "null")
    };
    let mut parts: Vec<String> = Vec::new();
    let smallest_first = header.chart.as_ref().is_some_and(|c| c.smallest_first);
    let period = arg("period");
    if let Some(year) = arg("year") {
        let month: Option<u32> = arg("month").and_then(|m| m.parse().ok());
        parts.push(match (period.as_deref(), month, language) {
            (Some("year"), _, _) | (_, None, _) => year,
            (Some("ytd"), Some(1), Language::Tr) | (Some("month"), Some(1), Language::Tr) => format!("Ocak {year}"),
            (Some("ytd"), Some(m), Language::Tr) => format!("Ocak-{} {year}", turkish::capitalize(turkish::month_name(m))),
            (Some("ytd"), Some(m), Language::En) => format!("{} {year}", turkish::ytd_period_en(m)),
            (_, Some(m), Language::Tr) => format!("{} {year}", turkish::capitalize(turkish::month_name(m))),
            (_, Some(m), Language::En) => format!("{} {year}", turkish::month_name_en(m)),
        });
    }
    if let (Some(from), Some(to)) = (arg("from_year"), arg("to_year")) {
        parts.push(format!("{from}–{to}"));
    }
    for param in &header.params {
        let name = param.name.as_str();
        if matches!(name, "year" | "month" | "period" | "from_year" | "to_year" | "basis") {
            continue;
        }
        if let Some(value) = data.args.iter().find(|(n, _)| n == name).map(|(_, v)| v.to_string()) {
            parts.push(match (name, language) {
                ("n", Language::Tr) if smallest_first => format!("en düşük {value}"),
                ("n", Language::En) if smallest_first => format!("bottom {value}"),
                ("n", Language::Tr) => format!("ilk {value}"),
                ("n", Language::En) => format!("top {value}"),
                // A province, country or product reads as itself.
                ("province" | "country" | "product", _) => value,
                _ => format!("{name}: {value}"),
            });
        }
    }
    let basis = arg("basis");
    match (basis.as_deref(), language) {
        (Some("activity"), Language::Tr) => parts.push("faaliyet iline göre".into()),
        (Some("activity"), Language::En) => parts.push("by province of activity".into()),
        (Some("registered"), Language::Tr) => parts.push("kayıtlı ile göre".into()),
        (Some("registered"), Language::En) => parts.push("by registered province".into()),
        _ => {}
    }
    let mut warnings = Vec::new();
    let values = table.numbers(value_column)?;
    let missing_values = values.iter().filter(|v| v.is_none()).count();
    let panels: Vec<i64> = if table.has("panel") { table.integers("panel")?.into_iter().flatten().collect() } else { Vec::new() };
    let (fewest, most) = (panels.iter().copied().min(), panels.iter().copied().max());
    // A province with a value but no change is not without data (the note below says why).
    let valued = values.iter().zip(unchanged).filter(|(v, &u)| v.is_some() || u).count();
    if kind == Kind::Map {
        // A map's note counts the shapes it colours, whatever the result's panel column says.
        if valued < 81 {
            warnings.push(panel_warning(kind, value_column, false, &valued.to_string(), language));
        }
    } else if let (Some(fewest), Some(most)) = (fewest, most) {
        if fewest < 81 {
            let range = if fewest == most { fewest.to_string() } else { format!("{fewest}–{most}") };
            warnings.push(panel_warning(kind, value_column, table.has("rank") || table.has("rank_origin"), &range, language));
        }
    } else if missing_values > 0 && kind != Kind::Map {
        // No panel column (regions, say): still say that some rows have no value.
        warnings.push(match language {
            Language::Tr => format!("Eksik veri: {missing_values} satırın bu dönem için değeri yok (veri yok); eksik toplamlar gösterilmez."),
            Language::En => format!("Incomplete data: {missing_values} rows have no value for this period (no data); partial totals are not shown."),
        });
    }
    if unchanged.contains(&true) {
        warnings.push(no_change_note(table, unchanged, language)?);
    }
    // Detail drawn from the releases' top lists is not the whole of a province's exports.
    if table.has("complete") && table.has("detail_coverage_pct") {
        let complete: Vec<String> = table.texts("complete")?.into_iter().flatten().collect();
        if complete.iter().any(|c| c == "false") {
            let coverage = table.numbers("detail_coverage_pct")?.into_iter().flatten().next();
            let covered = coverage.map(|c| numbers::label(c, Measure::Percent, language));
            warnings.push(match (language, covered) {
                (Language::Tr, Some(c)) => format!("Eksik ayrıntı: yalnızca bültenlerin adını verdiği kalemler (toplamın {c})."),
                (Language::Tr, None) => "Eksik ayrıntı: yalnızca bültenlerin adını verdiği kalemler.".to_string(),
                (Language::En, Some(c)) => format!("Partial detail: only the items the releases named ({c} of the total)."),
                (Language::En, None) => "Partial detail: only the items the releases named.".to_string(),
            });
        }
    }
    if value_column.contains("share") && table.has("share_of") {
        if let Some(share_of) = table.distinct_texts("share_of")?.into_iter().next() {
            warnings.push(share_note(&share_of, language));
        }
    }
    let note_word = if language == Language::Tr { "Not" } else { "Note" };
    Ok(Frame { title, subtitle: parts.join(" · "), warnings, note_word, source: vec![source_line(table, &values, unchanged, basis.as_deref(), language)?] })
}

/// Why a column has no value in any row, as far as the result tells, in English and in Turkish.
pub(super) fn nothing_to_draw(table: &Table, column: &str) -> Result<(String, String)> {
    let panel = if table.has("panel") { table.integers("panel")?.into_iter().flatten().min() } else { None };
    let (panel, panel_tr) = match panel.filter(|p| *p < 81) {
        Some(p) => (format!("; {p} of 81 provinces have a value"), format!("; 81 ilden {p} ilin değeri var")),
        None => (String::new(), String::new()),
    };
    Ok(match column {
        "rank" => (
            format!("no release ranked it, and ranks are the data's own only when all 81 provinces have a value{panel}"),
            format!("hiçbir bülten sıralamamış, sıraları veri ancak 81 ilin hepsinin değeri varsa kendisi verir{panel_tr}"),
        ),
        "provinces" => (
            format!("counts are given only where all 81 provinces have a value or a release published them{panel}"),
            format!("sayılar yalnızca 81 ilin hepsinin değeri olduğunda ya da bir bülten yayımladığında verilir{panel_tr}"),
        ),
        c if is_change(c) => (
            format!("a change needs a value for the same period a year earlier, and no row has both{panel}"),
            format!("değişim için bir yıl önceki aynı dönemin değeri gerekir ve hiçbir satırda ikisi birden yok{panel_tr}"),
        ),
        _ => (format!("the data has no value for these parameters{panel}"), format!("veride bu parametreler için değer yok{panel_tr}")),
    })
}

/// Why some provinces with a value have no change, naming them when they are few.
fn no_change_note(table: &Table, unchanged: &[bool], language: Language) -> Result<String> {
    let names: Vec<String> = if table.has("province") { table.texts("province")? } else { Vec::new() }
        .into_iter()
        .zip(unchanged)
        .filter_map(|(name, &u)| if u { name } else { None })
        .collect();
    let count = unchanged.iter().filter(|&&u| u).count();
    let who = match (names.len() == count && count <= 5, language) {
        (true, _) => language.list(&names),
        (false, Language::Tr) => format!("{count} il"),
        (false, Language::En) => format!("{count} provinces"),
    };
    Ok(match language {
        Language::Tr => {
            // Possessive: one province's value (değeri), several provinces' values (değerleri).
            let value = if count == 1 { "değeri" } else { "değerleri" };
            format!(
                "Değişim verilmiyor ({who}): dönem için {value} var, ama karşılaştırılacak {value} yok ya da başka bir kaynaktan geliyor (farklı kaynaklardan iki rakam karşılaştırılmaz) ya da bültenin verdiği değişim kuşkulu."
            )
        }
        Language::En => format!(
            "No change given ({who}): {} a value for the period, but the value to compare with is missing or from another source (figures from different sources are not compared), or the release's change is doubtful.",
            if count == 1 { "it has" } else { "each has" }
        ),
    })
}

/// What an incomplete panel means for this chart, in the reader's language.
fn panel_warning(kind: Kind, value_column: &str, ranking: bool, range: &str, language: Language) -> String {
    let counts = value_column == "provinces";
    match (language, kind, counts, value_column == "rank", ranking) {
        (Language::Tr, _, true, _, _) => "Eksik veri: il sayıları yalnızca hesaplanabildikleri (81 ilin değeri olan) ya da bültenlerin yayımladığı yerde gösterilir; diğerleri boş ya da \"veri yok\".".to_string(),
        (Language::En, _, true, _, _) => "Incomplete data: counts are shown only where they can be computed (all 81 provinces have a value) or a release published them; the rest are empty or \"no data\".".to_string(),
        (Language::Tr, Kind::Map, ..) => format!("Eksik veri: bu dönem için 81 ilden yalnızca {range} ilin değeri var; gri illerin bu sonuçta değeri yok."),
        (Language::En, Kind::Map, ..) => format!("Incomplete data: only {range} of 81 provinces have a value for this period; grey provinces have no value in this result."),
        (Language::Tr, _, _, true, _) => format!("Eksik veri: bu dönemlerde 81 ilden yalnızca {range} ilin değeri var; sıralar bültenlerin verdiğidir, verilmeyen dönemler boş."),
        (Language::En, _, _, true, _) => format!("Incomplete data: only {range} of 81 provinces have a value in these periods; ranks are the releases', periods without one are empty."),
        (Language::Tr, Kind::Bar, _, _, true) => format!("Eksik veri: bu dönem için 81 ilden yalnızca {range} ilin değeri var; grafik bir toplam ya da tam bir sıralama değildir, sıralar bültenin verdiğidir."),
        (Language::En, Kind::Bar, _, _, true) => format!("Incomplete data: only {range} of 81 provinces have a value for this period; this is neither a total nor a full ranking, and ranks are the release's."),
        (Language::Tr, _, ..) => format!("Eksik veri: 81 ilden yalnızca {range} ilin değeri var; değeri olmayanlar boş ya da \"veri yok\"."),
        (Language::En, _, ..) => format!("Incomplete data: only {range} of 81 provinces have a value; those without one are empty or \"no data\"."),
    }
}

fn share_note(share_of: &str, language: Language) -> String {
    match language {
        Language::En => format!("Shares are of the {share_of}."),
        Language::Tr if share_of.starts_with("sum of all 81") => "Paylar 81 ilin toplamına göredir.".into(),
        Language::Tr if share_of.starts_with("national total derived") => "Paylar, yayımlanan yılbaşından bu yana toplamlardan türetilen Türkiye toplamına göredir.".into(),
        Language::Tr if share_of.starts_with("published national total") => "Paylar yayımlanan Türkiye toplamına göredir.".into(),
        Language::Tr => "Pay hesaplanamaz: 81 ilin değeri yok ve Türkiye toplamı yayımlanmadı.".into(),
    }
}

/// What the drawn rows cite, and nothing else: "Kaynak: Ticaret Bakanlığı, faaliyet illerine göre
/// ihracat", the loaded files' names, or both with how many of the drawn values each gave. A row
/// drawn as having a value but no change (hatched on a map, "değişim verilmiyor" beside a bar)
/// states that its province has a value, so it credits its value's source too; a row without a
/// value is not drawn and credits nobody.
fn source_line(table: &Table, values: &[Option<f64>], unchanged: &[bool], basis: Option<&str>, language: Language) -> Result<String> {
    let shown: Vec<bool> = values.iter().enumerate().map(|(row, v)| v.is_some() || unchanged.get(row).copied().unwrap_or(false)).collect();
    let drawn = |column: &str| -> Result<Vec<Option<String>>> {
        Ok(if table.has(column) { table.texts(column)?.into_iter().zip(&shown).filter(|(_, s)| **s).map(|(t, _)| t).collect() } else { Vec::new() })
    };
    let (sources, origins) = (drawn("source")?, drawn("origin")?);
    let mut files: Vec<(String, usize)> = Vec::new();
    let (mut released, mut loaded_unnamed) = (0usize, 0usize);
    for row in 0..sources.len().max(origins.len()) {
        let source = sources.get(row).cloned().flatten().filter(|s| !s.is_empty());
        let origin = origins.get(row).cloned().flatten();
        match (source, origin.as_deref()) {
            // A period summed over loaded and released months.
            (_, Some("mixed")) => {
                released += 1;
                loaded_unnamed += 1;
            }
            (Some(s), _) if s.starts_with("http") => released += 1,
            // A sum over several sources ("3 sources") of release figures.
            (Some(_), Some("published" | "derived")) => released += 1,
            (Some(s), _) => {
                let name = std::path::Path::new(&s).file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or(s);
                match files.iter_mut().find(|(f, _)| *f == name) {
                    Some((_, count)) => *count += 1,
                    None => files.push((name, 1)),
                }
            }
            (None, Some("loaded")) => loaded_unnamed += 1,
            (None, Some(_)) => released += 1,
            (None, None) => {}
        }
    }
    let nothing_said = released == 0 && files.is_empty() && loaded_unnamed == 0;
    let several = [released > 0, !files.is_empty(), loaded_unnamed > 0].iter().filter(|b| **b).count() > 1;
    let count = |n: usize| match (several, language) {
        (false, _) => String::new(),
        (true, Language::Tr) => format!(" ({n} değer)"),
        (true, Language::En) => format!(" ({n} {})", if n == 1 { "value" } else { "values" }),
    };
    let mut parts = Vec::new();
    if released > 0 || nothing_said {
        let who = match (basis, language) {
            (Some("registered"), Language::Tr) => "TİM ve ihracatçı birlikleri, ihracatçının kayıtlı olduğu ile göre ihracat",
            (Some("registered"), Language::En) => "TİM and the exporters' associations, exports by the exporter's registered province",
            (_, Language::Tr) => "Ticaret Bakanlığı, faaliyet illerine göre ihracat",
            (_, Language::En) => "Ministry of Trade, exports by province of activity",
        };
        parts.push(format!("{who}{}", count(released)));
    }
    for (file, n) in &files {
        parts.push(match language {
            Language::Tr => format!("yüklenen dosya: {file}{}", count(*n)),
            Language::En => format!("loaded file: {file}{}", count(*n)),
        });
    }
    if loaded_unnamed > 0 {
        parts.push(match language {
            Language::Tr => format!("yüklenen veriler{}", count(loaded_unnamed)),
            Language::En => format!("loaded data{}", count(loaded_unnamed)),
        });
    }
    Ok(match language {
        Language::Tr => format!("Kaynak: {}", parts.join("; ")),
        Language::En => format!("Source: {}", parts.join("; ")),
    })
}
