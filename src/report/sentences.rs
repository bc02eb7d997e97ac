//! The report's prose. What the report says is decided once, from the facts, as a list of
//! [`Sentence`]s; Turkish and English are two wordings of the same sentences, so the languages
//! cannot state different things, and a figure that cannot be given is said to be missing in both.

use super::{DetailFigure, Facts, Figure, PlaceNotGiven, ProvinceFigure};
use crate::language::Language;
use crate::turkish as tr;

/// One thing the report says, with the figures it says it with.
enum Sentence<'f> {
    /// Turkey's exports for January to the month (or the year), with their change.
    NationalTotalAndChange { total: f64, change: f64 },
    NationalTotal { total: f64 },
    NationalChange { change: f64 },
    /// Neither the total nor its change is known: the reason is the total's.
    NationalMissing { missing: &'f Figure },
    /// How many provinces passed 1 billion USD and how many rose; a count not known gives its reason.
    Counts { over: f64, up: f64 },
    OverOnly { over: f64, up_missing: &'f Figure },
    UpOnly { up: f64, over_missing: &'f Figure },
    CountsMissing { missing: &'f Figure },
    /// The month has no province figure at all.
    NoProvinceFigures,
    /// Some provinces have a value, but neither a complete panel nor a release ranks them.
    Unranked { panel: i64 },
    /// The month's leading provinces; `in_sequence` is false for a rank the release skipped, so
    /// that no wording implies the rank before it.
    Ranking { provinces: Vec<Ranked<'f>> },
    /// Places among the release's first five that hold no rank beside a loaded value: named with
    /// their places, so that a rank the list skips is accounted for.
    UnrankedLeaders { places: &'f [PlaceNotGiven] },
    /// The year-on-year changes of the leading provinces that have one.
    RankingChanges { changes: Vec<(&'f ProvinceFigure, f64)> },
    /// Leading provinces whose value is loaded and whose value a year earlier is a release's: the
    /// two are not compared (design rule 9), and the report says why it gives no change.
    ChangesNotCompared { provinces: Vec<&'f ProvinceFigure> },
    /// Leading provinces with no change to give: the month's release states none (a month's
    /// change is its own release's) and the data holds no value a year earlier (`loaded`: the month's value is a loaded file's, and only the second
    /// is said).
    ChangesNotStated { provinces: Vec<&'f ProvinceFigure>, loaded: bool },
    /// A leading province whose change the release printed but the data doubts (a misprint the
    /// release copies note): withheld, and the note said in the reader's language.
    ChangeDoubted { province: &'f ProvinceFigure },
    /// The largest increases cannot be listed: `compared` provinces have a value in both years.
    IncreasesUnlisted { compared: i64 },
    Increases { first: &'f ProvinceFigure, rest: &'f [ProvinceFigure] },
    /// Places on the release's list whose increase is withheld beside a loaded value: named with
    /// their places, so that a rank the list skips is accounted for.
    IncreasesNotCompared { places: &'f [PlaceNotGiven] },
    /// A leading province's first chapters, and its first countries.
    Chapters { province: &'f str, first: &'f DetailFigure, rest: &'f [DetailFigure] },
    Countries { province: &'f str, first: &'f DetailFigure, rest: &'f [DetailFigure], after_chapters: bool },
}

struct Ranked<'f> {
    figure: &'f ProvinceFigure,
    in_sequence: bool,
}

/// The sentences the facts call for, paragraph by paragraph.
fn plan(f: &Facts) -> Vec<Vec<Sentence<'_>>> {
    let national = match (f.ytd_exports_usd.value, f.ytd_change_pct.value) {
        (Some(total), Some(change)) => Sentence::NationalTotalAndChange { total, change },
        (Some(total), None) => Sentence::NationalTotal { total },
        (None, Some(change)) => Sentence::NationalChange { change },
        (None, None) => Sentence::NationalMissing { missing: &f.ytd_exports_usd },
    };
    let counts = match (f.provinces_over_1b.value, f.provinces_increased.value) {
        (Some(over), Some(up)) => Sentence::Counts { over, up },
        (Some(over), None) => Sentence::OverOnly { over, up_missing: &f.provinces_increased },
        (None, Some(up)) => Sentence::UpOnly { up, over_missing: &f.provinces_over_1b },
        (None, None) => Sentence::CountsMissing { missing: &f.provinces_over_1b },
    };
    let ranking = match f.top_provinces.as_slice() {
        [] if f.month_panel == 0 => vec![Sentence::NoProvinceFigures],
        [] if f.unranked_leaders.is_empty() => vec![Sentence::Unranked { panel: f.month_panel }],
        [] => vec![Sentence::Unranked { panel: f.month_panel }, Sentence::UnrankedLeaders { places: &f.unranked_leaders }],
        top => {
            let provinces = top.iter().enumerate().map(|(i, p)| Ranked { figure: p, in_sequence: p.rank as usize == i + 1 }).collect();
            let changes: Vec<(&ProvinceFigure, f64)> = top.iter().filter_map(|p| p.change_pct.map(|c| (p, c))).collect();
            let uncompared: Vec<&ProvinceFigure> =
                top.iter().filter(|p| p.change_pct.is_none() && p.origin == "loaded" && p.previous_source.is_some()).collect();
            let mut sentences = vec![Sentence::Ranking { provinces }];
            if !f.unranked_leaders.is_empty() {
                sentences.push(Sentence::UnrankedLeaders { places: &f.unranked_leaders });
            }
            if !changes.is_empty() {
                sentences.push(Sentence::RankingChanges { changes });
            }
            if !uncompared.is_empty() {
                sentences.push(Sentence::ChangesNotCompared { provinces: uncompared });
            }
            // Every leader the change sentence passes over is accounted for.
            for loaded in [false, true] {
                let provinces: Vec<&ProvinceFigure> = top
                    .iter()
                    .filter(|p| p.change_pct.is_none() && p.change_origin.is_none() && p.previous_source.is_none() && (p.origin == "loaded") == loaded)
                    .collect();
                if !provinces.is_empty() {
                    sentences.push(Sentence::ChangesNotStated { provinces, loaded });
                }
            }
            for province in top.iter().filter(|p| p.change_pct.is_none() && p.change_origin.as_deref() == Some("doubtful")) {
                sentences.push(Sentence::ChangeDoubted { province });
            }
            sentences
        }
    };
    let mut increases = match f.top_increases.split_first() {
        None if f.withheld_increases.is_empty() => vec![Sentence::IncreasesUnlisted { compared: f.increases_compared }],
        None => Vec::new(),
        Some((first, rest)) => vec![Sentence::Increases { first, rest }],
    };
    if !f.withheld_increases.is_empty() {
        increases.push(Sentence::IncreasesNotCompared { places: &f.withheld_increases });
    }
    let mut detail = Vec::new();
    for d in &f.detail {
        if let Some((first, rest)) = d.chapters.split_first() {
            detail.push(Sentence::Chapters { province: &d.province, first, rest });
        }
        if let Some((first, rest)) = d.countries.split_first() {
            detail.push(Sentence::Countries { province: &d.province, first, rest, after_chapters: !d.chapters.is_empty() });
        }
    }
    let mut paragraphs = vec![vec![national, counts], ranking, increases];
    if !detail.is_empty() {
        paragraphs.push(detail);
    }
    paragraphs
}

/// The report's paragraphs in one language.
pub fn paragraphs(facts: &Facts, language: Language) -> Vec<String> {
    let say = |s: &Sentence| match language {
        Language::Tr => turkish(s, facts),
        Language::En => english(s, facts),
    };
    plan(facts).iter().map(|sentences| sentences.iter().map(say).collect::<Vec<_>>().join(" ")).collect()
}

fn turkish(s: &Sentence, f: &Facts) -> String {
    // "2025 yılı ocak-ekim döneminde", "2026 yılı ocak ayında", "2025 yılında" (December).
    let period = if f.month == 12 { format!("{} yılında", f.year) } else { format!("{} yılı {}", f.year, tr::ytd_period_locative(f.month)) };
    let period_of = if f.month == 12 { format!("{} yılı", f.year) } else { format!("{} yılı {}", f.year, tr::ytd_period(f.month)) };
    let month = tr::capitalize(tr::month_name(f.month));
    let direction = |change: f64, rose: &'static str, fell: &'static str| if change >= 0.0 { rose } else { fell };
    match s {
        Sentence::NationalTotalAndChange { total, change } => format!(
            "{period} Türkiye'nin ihracatı, geçen yılın aynı dönemine göre {} {} {} oldu.",
            tr::percent(*change),
            direction(*change, "artarak", "azalarak"),
            tr::money_billions(*total)
        ),
        Sentence::NationalTotal { total } => format!("{period} Türkiye'nin ihracatı {} oldu.", tr::money_billions(*total)),
        Sentence::NationalChange { change } => {
            format!("{period} Türkiye'nin ihracatı geçen yılın aynı dönemine göre {} {}.", tr::percent(*change), direction(*change, "arttı", "azaldı"))
        }
        Sentence::NationalMissing { missing } => format!("{period_of} için ulusal ihracat toplamı verilemiyor: {}.", missing_tr(missing)),
        Sentence::Counts { over, up } => format!("Bu dönemde {over:.0} ilin ihracatı 1 milyar doları aştı, {up:.0} ilin ihracatı arttı."),
        Sentence::OverOnly { over, up_missing } => {
            format!("Bu dönemde {over:.0} ilin ihracatı 1 milyar doları aştı; ihracatı artan il sayısı verilemiyor: {}.", missing_tr(up_missing))
        }
        Sentence::UpOnly { up, over_missing } => {
            format!("Bu dönemde {up:.0} ilin ihracatı arttı; 1 milyar doları aşan il sayısı verilemiyor: {}.", missing_tr(over_missing))
        }
        Sentence::CountsMissing { missing } => format!("1 milyar doları aşan ve ihracatı artan il sayıları verilemiyor: {}.", missing_tr(missing)),
        Sentence::NoProvinceFigures => format!("{month} ayı için il verisi yok."),
        Sentence::Unranked { panel } => format!("{month} ayında il sıralaması verilemiyor: {} ve bu değerleri sıralayan bir bülten yok.", panel_tr(*panel)),
        // Every province is named with its own ordinal, so a rank the release skipped is said as it is.
        Sentence::Ranking { provinces } => {
            let ranks: Vec<String> = provinces
                .iter()
                .map(|r| format!("{} {} {}", r.figure.province, tr::money_millions_with(r.figure.value_usd), tr::ordinal(r.figure.rank as usize)))
                .collect();
            format!("{month} ayında ihracatta {} sırada yer aldı.", Language::Tr.list(&ranks))
        }
        Sentence::UnrankedLeaders { places } => {
            let named: Vec<String> = places.iter().map(|p| format!("{} sıradaki {}", tr::ordinal(p.rank as usize), p.province)).collect();
            let (values, ranked) = if places.len() == 1 { ("değeri", "değerden") } else { ("değerleri", "değerlerden") };
            format!("Bültende {} için sıra verilmiyor: yüklenen {values} bültenin sıraladığı {ranked} farklı.", Language::Tr.list(&named))
        }
        Sentence::RankingChanges { changes } => {
            let changes: Vec<String> = changes
                .iter()
                .map(|(p, c)| format!("{} ihracatı {} {}", tr::genitive(&p.province), tr::percent(*c), direction(*c, "arttı", "azaldı")))
                .collect();
            format!("Geçen yılın aynı ayına göre {}.", Language::Tr.list(&changes))
        }
        Sentence::ChangesNotCompared { provinces } => {
            let names: Vec<String> = provinces.iter().map(|p| p.province.clone()).collect();
            let values = if provinces.len() == 1 { "değeri" } else { "değerleri" };
            format!(
                "{} için geçen yılın aynı ayına göre değişim verilmiyor: bu ayki {values} yüklenen dosyadan, bir yıl önceki {values} bültenden geliyor ve farklı kaynaklardan iki rakam karşılaştırılmıyor.",
                Language::Tr.list(&names)
            )
        }
        Sentence::ChangesNotStated { provinces, loaded } => {
            let names: Vec<String> = provinces.iter().map(|p| p.province.clone()).collect();
            let values = if provinces.len() == 1 { "değeri" } else { "değerleri" };
            let release = if *loaded { "" } else { "bülten bir değişim vermiyor ve " };
            format!("{} için geçen yılın aynı ayına göre değişim verilmiyor: {release}veride bir yıl önceki {values} yok.", Language::Tr.list(&names))
        }
        Sentence::ChangeDoubted { province } => format!(
            "{} için bültenin verdiği değişim kuşkulu olduğundan verilmiyor{}.",
            province.province,
            province.change_note_tr.as_deref().map(|n| format!(": {}", n.trim_end_matches('.'))).unwrap_or_default()
        ),
        Sentence::IncreasesUnlisted { compared } => format!(
            "{month} ayında ihracatını en fazla artıran illerin sıralaması verilemiyor: iki yılda da değeri olan il sayısı {compared} (81 değil) ve bu sıralamayı veren bir bülten yok."
        ),
        // A list with a rank missing (a province whose value is loaded keeps no stated increase)
        // names each province's place: "the largest" and "followed by" would pass over it.
        Sentence::Increases { first, rest } if !in_sequence(first, rest) => {
            let places: Vec<String> = std::iter::once(*first)
                .chain(rest.iter())
                .map(|p| format!("{} {} {}", p.province, tr::money_millions_with(p.value_usd), tr::ordinal(p.rank as usize)))
                .collect();
            format!("Geçen yılın aynı ayına göre ihracat artışında {} sırada yer aldı.", Language::Tr.list(&places))
        }
        Sentence::Increases { first, rest } => {
            let mut text = format!("Geçen yılın aynı ayına göre ihracatını en fazla artıran il {} {} oldu.", tr::money_millions_with(first.value_usd), first.province);
            if !rest.is_empty() {
                let others: Vec<String> = rest.iter().map(|p| format!("{} {}", tr::money_millions_with(p.value_usd), p.province)).collect();
                text.push_str(&format!(" {} {} izledi.", tr::accusative(&first.province), Language::Tr.list(&others)));
            }
            text
        }
        Sentence::IncreasesNotCompared { places } => {
            let named: Vec<String> = places.iter().map(|p| format!("{} sıradaki {}", tr::ordinal(p.rank as usize), p.province)).collect();
            let values = if places.len() == 1 { "değeri" } else { "değerleri" };
            format!(
                "Bültenin en fazla artış listesinde {} için artış verilmiyor: bu ayki {values} yüklenen dosyadan, bir yıl önceki {values} bültenden geliyor ve farklı kaynaklardan iki rakam karşılaştırılmıyor.",
                Language::Tr.list(&named)
            )
        }
        Sentence::Chapters { province, first, rest } => {
            let text = format!("{} ihracatında ilk sırada {}la {} faslı yer aldı", tr::genitive(province), tr::money_thousands(first.value_usd), first.name_tr);
            text + &followed_tr(rest) + "."
        }
        Sentence::Countries { province, first, rest, .. } => {
            let text = format!("{province} en fazla ihracatı {}la {} gerçekleştirdi", tr::money_thousands(first.value_usd), tr::dative(&first.name_tr));
            text + &followed_tr(rest) + "."
        }
    }
}

/// Whether a list's ranks run 1, 2, 3 … with none missing.
fn in_sequence(first: &ProvinceFigure, rest: &[ProvinceFigure]) -> bool {
    std::iter::once(first).chain(rest).enumerate().all(|(i, p)| p.rank as usize == i + 1)
}

/// "; bunu 521 milyon 809 bin dolarla kazanlar ve makineler ve … izledi", or nothing.
fn followed_tr(rest: &[DetailFigure]) -> String {
    if rest.is_empty() {
        return String::new();
    }
    let others: Vec<String> = rest.iter().map(|c| format!("{}la {}", tr::money_thousands(c.value_usd), c.name_tr)).collect();
    format!("; bunu {} izledi", Language::Tr.list(&others))
}

/// One sentence in English. Long because it has one arm a sentence, each wording beside the
/// others, as in `turkish`.
fn english(s: &Sentence, f: &Facts) -> String {
    let period = if f.month == 12 { f.year.to_string() } else { format!("{} {}", tr::ytd_period_en(f.month), f.year) };
    let month = format!("{} {}", tr::month_name_en(f.month), f.year);
    let direction = |change: f64| if change >= 0.0 { "rose" } else { "fell" };
    // Chapter names are common nouns, lower case inside a sentence ("iron and steel"); countries
    // are names and keep their capitals.
    let chapter = |c: &DetailFigure| tr::inside_sentence_en(&tr::sentence_case_en(&c.name_en));
    let listed = |items: &[DetailFigure], name: &dyn Fn(&DetailFigure) -> String| -> String {
        if items.is_empty() {
            return String::new();
        }
        let items: Vec<String> = items.iter().map(|c| format!("{} ({})", name(c), tr::money_thousands_en(c.value_usd))).collect();
        format!(", followed by {}", Language::En.list(&items))
    };
    match s {
        Sentence::NationalTotalAndChange { total, change } => format!(
            "In {period}, Turkey's exports {} {} on the same period a year earlier to {}.",
            direction(*change),
            tr::percent_en(*change),
            tr::money_billions_en(*total)
        ),
        Sentence::NationalTotal { total } => format!("In {period}, Turkey's exports were {}.", tr::money_billions_en(*total)),
        Sentence::NationalChange { change } => {
            format!("In {period}, Turkey's exports {} {} on the same period a year earlier.", direction(*change), tr::percent_en(*change))
        }
        Sentence::NationalMissing { missing } => format!("Turkey's total exports for {period} cannot be given: {}.", missing_en(missing)),
        Sentence::Counts { over, up } => format!("Exports exceeded USD 1 billion in {over:.0} provinces and rose in {up:.0}."),
        Sentence::OverOnly { over, up_missing } => format!(
            "Exports exceeded USD 1 billion in {over:.0} provinces; the number of provinces whose exports rose cannot be given: {}.",
            missing_en(up_missing)
        ),
        Sentence::UpOnly { up, over_missing } => {
            format!("Exports rose in {up:.0} provinces; the number over USD 1 billion cannot be given: {}.", missing_en(over_missing))
        }
        Sentence::CountsMissing { missing } => {
            format!("The numbers of provinces over USD 1 billion and with rising exports cannot be given: {}.", missing_en(missing))
        }
        Sentence::NoProvinceFigures => format!("There are no province figures for {month}."),
        Sentence::Unranked { panel } => {
            format!("The provinces cannot be ranked for {month}: {panel} of 81 provinces have a value and no release ranked them.")
        }
        Sentence::Ranking { provinces } => {
            let Some((first, rest)) = provinces.split_first() else { return String::new() };
            // The first named is first only when the release ranked no one before it.
            let place = tr::ordinal_en(first.figure.rank as usize);
            let mut text = format!("In {month}, {} ranked {place} with {}", first.figure.province, tr::money_en(first.figure.value_usd));
            if !rest.is_empty() {
                // "followed by" names the next ranks; a rank the release skipped is said.
                let others: Vec<String> = rest
                    .iter()
                    .map(|r| match r.in_sequence {
                        true => format!("{} ({})", r.figure.province, tr::money_en(r.figure.value_usd)),
                        false => format!("{} ({}, {})", r.figure.province, tr::money_en(r.figure.value_usd), tr::ordinal_en(r.figure.rank as usize)),
                    })
                    .collect();
                text.push_str(&format!(", followed by {}", Language::En.list(&others)));
            }
            text + "."
        }
        Sentence::UnrankedLeaders { places } => {
            let named: Vec<String> = places.iter().map(|p| format!("{} ({} in the release)", p.province, tr::ordinal_en(p.rank as usize))).collect();
            let (verb, values) = if places.len() == 1 {
                ("is", "its loaded value differs from the value the release ranked")
            } else {
                ("are", "their loaded values differ from those the release ranked")
            };
            format!("{} {verb} not ranked: {values}.", Language::En.list(&named))
        }
        Sentence::RankingChanges { changes } => {
            let changes: Vec<String> = changes
                .iter()
                .enumerate()
                .map(|(i, (p, c))| {
                    let noun = if i == 0 { "'s exports" } else { "'s" };
                    format!("{}{noun} {} {}", p.province, direction(*c), tr::percent_en(*c))
                })
                .collect();
            format!("Year on year, {}.", Language::En.list(&changes))
        }
        Sentence::ChangesNotCompared { provinces } => {
            let names: Vec<String> = provinces.iter().map(|p| p.province.clone()).collect();
            let values = if provinces.len() == 1 {
                "its value for the month comes from a loaded file and the one a year earlier from a release"
            } else {
                "their values for the month come from a loaded file and those a year earlier from a release"
            };
            format!(
                "No change on {} {} is given for {}: {values}, and figures from different sources are not compared.",
                tr::month_name_en(f.month),
                f.year - 1,
                Language::En.list(&names)
            )
        }
        Sentence::ChangesNotStated { provinces, loaded } => {
            let names: Vec<String> = provinces.iter().map(|p| p.province.clone()).collect();
            let them = if provinces.len() == 1 { "it" } else { "them" };
            let release = if *loaded { "" } else { "the release states none, and " };
            format!(
                "No change on {} {} is given for {}: {release}the data holds no value for {them} a year earlier.",
                tr::month_name_en(f.month),
                f.year - 1,
                Language::En.list(&names)
            )
        }
        Sentence::ChangeDoubted { province } => format!(
            "No change on {} {} is given for {}: the one the release printed is doubted{}.",
            tr::month_name_en(f.month),
            f.year - 1,
            province.province,
            province.change_note.as_deref().map(|n| format!(" ({})", n.trim_end_matches('.'))).unwrap_or_default()
        ),
        Sentence::IncreasesUnlisted { compared } => format!(
            "The largest increases in {month} cannot be listed: {compared} of 81 provinces have a value in both years and no release listed them."
        ),
        Sentence::Increases { first, rest } if !in_sequence(first, rest) => {
            let places: Vec<String> = std::iter::once(*first)
                .chain(rest.iter())
                .map(|p| format!("{} {} ({})", p.province, tr::ordinal_en(p.rank as usize), tr::money_en(p.value_usd)))
                .collect();
            format!("Ranked by their increase on {} {}, {}.", tr::month_name_en(f.month), f.year - 1, Language::En.list(&places))
        }
        Sentence::Increases { first, rest } => {
            let mut text = format!("The largest increase on {} {} was {}'s ({})", tr::month_name_en(f.month), f.year - 1, first.province, tr::money_en(first.value_usd));
            if !rest.is_empty() {
                let others: Vec<String> = rest.iter().map(|p| format!("{} ({})", p.province, tr::money_en(p.value_usd))).collect();
                text.push_str(&format!(", followed by {}", Language::En.list(&others)));
            }
            text + "."
        }
        Sentence::IncreasesNotCompared { places } => {
            let named: Vec<String> = places.iter().map(|p| format!("{} {}", p.province, tr::ordinal_en(p.rank as usize))).collect();
            let (pronoun, values) = if places.len() == 1 {
                ("it", "its value for the month comes from a loaded file and the one a year earlier from a release")
            } else {
                ("them", "their values for the month come from a loaded file and those a year earlier from a release")
            };
            format!(
                "The release listed {} among the largest increases; no increase is given for {pronoun}: {values}, and figures from different sources are not compared.",
                Language::En.list(&named)
            )
        }
        Sentence::Chapters { province, first, rest } => {
            format!("{province}'s leading chapter was {} ({}){}.", chapter(first), tr::money_thousands_en(first.value_usd), listed(rest, &chapter))
        }
        Sentence::Countries { province, first, rest, after_chapters } => {
            let subject = if *after_chapters { "Its".to_string() } else { format!("{province}'s") };
            format!("{subject} largest market was {} ({}){}.", first.name_en, tr::money_thousands_en(first.value_usd), listed(rest, &|c| c.name_en.clone()))
        }
    }
}

/// Why a national figure cannot be given, in Turkish: too few provinces have the whole period.
pub(super) fn missing_tr(figure: &Figure) -> String {
    let panel = if figure.panel == 0 {
        "hiçbir ilin dönemin tamamı için değeri yok".to_string()
    } else {
        format!("81 ilden yalnızca {} ilin dönemin tamamı için değeri var", figure.panel)
    };
    format!("{panel} ve bu rakamı veren bir bülten yok")
}

/// "81 ilden yalnızca 5 ilin değeri var", "hiçbir ilin değeri yok".
fn panel_tr(panel: i64) -> String {
    if panel == 0 { "hiçbir ilin değeri yok".to_string() } else { format!("81 ilden yalnızca {panel} ilin değeri var") }
}

pub(super) fn missing_en(figure: &Figure) -> String {
    format!("{} of 81 provinces have a value for the whole period and no release states it", figure.panel)
}
