//! The headings a person reads above a result's columns, and the labels, help and choices of
//! its parameters on a form, in Turkish and English: one table for every column and parameter a
//! shipped query has (`queries check` fails a query with one missing), read by the workbooks and
//! the web application. Machine formats (CSV, JSON, Parquet)
//! keep the column names, which scripts rely on.

use crate::language::Language;

/// Column name, Turkish heading, English heading; sorted by name.
const HEADINGS: &[(&str, &str, &str)] = &[
    ("alpha3", "Alfa-3 kodu", "Alpha-3 code"),
    ("band", "Aralık", "Band"),
    ("basis", "Esas", "Basis"),
    ("beyond_rounding", "Yuvarlamayı aşıyor", "Beyond rounding"),
    ("beyond_rounding_usd", "Yuvarlamayı aşan ($)", "Beyond rounding ($)"),
    ("by_country_usd", "Ülkelerin toplamı ($)", "Sum by country ($)"),
    ("by_product_usd", "Ürünlerin toplamı ($)", "Sum by product ($)"),
    ("cagr_pct", "Yıllık bileşik büyüme (%)", "CAGR (%)"),
    ("candidates", "Aday değer", "Candidates"),
    ("category", "Kategori", "Category"),
    ("change_origin", "Değişimin kaynağı", "Origin of the change"),
    ("change_pct", "Değişim (%)", "Change (%)"),
    ("change_usd", "Değişim ($)", "Change ($)"),
    ("chosen_usd", "Seçilen değer ($)", "Chosen value ($)"),
    ("code", "Kod", "Code"),
    ("column_name", "Sütun", "Column"),
    ("compared", "Karşılaştırılan", "Compared"),
    ("complete", "Tam", "Complete"),
    ("computed", "Hesaplanan", "Computed"),
    ("content_sha256", "İçeriğin SHA-256 özeti", "Content SHA-256"),
    ("corner", "Köşe", "Corner"),
    ("countries", "Ülkeler", "Countries"),
    ("countries_complete", "Ülkeler tam", "Countries complete"),
    ("country", "Ülke", "Country"),
    ("country_coverage_pct", "Ülke kapsamı (%)", "Country coverage (%)"),
    ("cumulative_pct", "Birikimli pay (%)", "Cumulative share (%)"),
    ("cumulative_usd", "Birikimli toplam ($)", "Cumulative total ($)"),
    ("data_type", "Veri türü", "Data type"),
    ("database", "Veritabanı", "Database"),
    ("derived", "Türetilen", "Derived"),
    ("derived_from", "Türetildiği değer", "Derived from"),
    ("detail_complete", "Ayrıntısı tam il", "Provinces with complete detail"),
    ("detail_coverage_pct", "Ayrıntının kapsamı (%)", "Detail coverage (%)"),
    ("detail_provinces", "Ayrıntısı olan il", "Provinces with detail"),
    ("detail_rows", "Ayrıntı satırı", "Detail rows"),
    ("difference_pct", "Fark (%)", "Difference (%)"),
    ("difference_usd", "Fark ($)", "Difference ($)"),
    ("end_usd", "Bitiş ($)", "End ($)"),
    ("file", "Dosya", "File"),
    ("format", "Biçim", "Format"),
    ("heading", "Başlık", "Heading"),
    ("hhi", "HHI", "HHI"),
    ("high_usd", "En yüksek ($)", "Highest ($)"),
    ("input", "Girilen", "Input"),
    ("is_nullable", "Boş olabilir", "Nullable"),
    ("iso", "ISO 3166-1'de", "In ISO 3166-1"),
    ("item", "Kalem", "Item"),
    ("kind", "Tür", "Kind"),
    ("level", "Düzey", "Level"),
    ("load_id", "Yükleme", "Load"),
    ("loaded", "Yüklenen", "Loaded"),
    ("loaded_at", "Yüklendiği an", "Loaded at"),
    ("loaded_usd", "Yüklenen ($)", "Loaded ($)"),
    ("low_usd", "En düşük ($)", "Lowest ($)"),
    ("lower_usd", "Alt sınır ($)", "Lower bound ($)"),
    ("matched", "Eşleşen", "Matched"),
    ("matrix", "Matris", "Matrix"),
    ("metric", "Gösterge", "Metric"),
    ("ministry", "Bakanlık", "Ministry"),
    ("missing", "Eksik", "Missing"),
    ("month", "Ay", "Month"),
    ("name", "Ad", "Name"),
    ("name_ascii", "Ad (Türkçe harfsiz)", "Name (ASCII)"),
    ("name_en", "Ad (İngilizce)", "Name (English)"),
    ("name_tr", "Ad (Türkçe)", "Name (Turkish)"),
    ("named", "Adı verilen", "Named"),
    ("names", "Adlar", "Names"),
    // A statement's note as the release copies wrote it, in English, and in Turkish (design rule 38).
    ("note", "Not (İngilizce)", "Note"),
    ("note_tr", "Not", "Note (Turkish)"),
    ("numeric", "Sayısal kod", "Numeric code"),
    ("nuts1_code", "İBBS-1 kodu", "NUTS-1 code"),
    ("nuts1_name", "İBBS-1 bölgesi", "NUTS-1 region"),
    ("nuts2_code", "İBBS-2 kodu", "NUTS-2 code"),
    ("nuts2_name", "İBBS-2 bölgesi", "NUTS-2 region"),
    ("origin", "Kaynak türü", "Origin"),
    ("panel", "Verisi olan il", "Provinces with data"),
    ("parameters", "Parametreler", "Parameters"),
    ("period", "Dönem", "Period"),
    ("precision", "Yuvarlama", "Rounding"),
    ("precision_usd", "Yuvarlama ($)", "Rounding ($)"),
    ("previous_month_usd", "Önceki ay ($)", "Previous month ($)"),
    ("previous_origin", "Önceki değerin kaynak türü", "Origin of the previous value"),
    ("previous_source", "Önceki değerin kaynağı", "Source of the previous value"),
    ("previous_usd", "Önceki değer ($)", "Previous value ($)"),
    ("product", "Ürün", "Product"),
    ("product_coverage_pct", "Ürün kapsamı (%)", "Product coverage (%)"),
    ("products_complete", "Ürünler tam", "Products complete"),
    ("province", "İl", "Province"),
    ("provinces", "İl sayısı", "Provinces"),
    ("published", "Yayımlanan", "Published"),
    ("published_precision", "Yayımlanan yuvarlama", "Published rounding"),
    ("quantity", "Miktar", "Quantity"),
    ("quantity_unit", "Miktar birimi", "Quantity unit"),
    ("rank", "Sıra", "Rank"),
    ("rank_origin", "Sıranın kaynağı", "Origin of the rank"),
    ("rca", "Karşılaştırmalı üstünlük (RCA)", "Revealed comparative advantage"),
    ("region", "Bölge", "Region"),
    ("region_code", "Bölge kodu", "Region code"),
    ("region_provinces", "Bölgedeki il", "Provinces in the region"),
    ("regional", "Bölgesel", "Regional"),
    ("release", "Bülten", "Release"),
    ("replaced_origin", "Yerine geçilenin kaynak türü", "Origin of the replaced value"),
    ("replaced_precision_usd", "Yerine geçilenin yuvarlaması ($)", "Rounding of the replaced value ($)"),
    ("replaced_source", "Yerine geçilenin kaynağı", "Source of the replaced value"),
    ("replaced_usd", "Yerine geçilen değer ($)", "Replaced value ($)"),
    ("rows_added", "Eklenen satır", "Rows added"),
    ("rows_replaced", "Yerine geçilen satır", "Rows replaced"),
    ("section", "Bölüm", "Section"),
    ("shape", "Tablo biçimi", "Shape"),
    ("share_of", "Payın paydası", "Share of"),
    ("share_of_code_pct", "Toplamdaki payı (%)", "Share of the total (%)"),
    ("share_of_province_pct", "İldeki payı (%)", "Share of the province (%)"),
    ("share_of_turkey_pct", "Türkiye içindeki payı (%)", "Share of Turkey (%)"),
    ("share_pct", "Pay (%)", "Share (%)"),
    ("source", "Kaynak", "Source"),
    ("source_url", "Kaynak", "Source"),
    ("sources", "Kaynaklar", "Sources"),
    ("start_usd", "Başlangıç ($)", "Start ($)"),
    ("summary", "Özet", "Summary"),
    ("table_name", "Tablo", "Table"),
    ("threshold", "Eşik ($)", "Threshold ($)"),
    ("title_en", "Başlık (İngilizce)", "Title (English)"),
    ("title_tr", "Başlık (Türkçe)", "Title (Turkish)"),
    ("top10_pct", "İlk 10'un payı (%)", "Top 10 share (%)"),
    ("top1_pct", "İlk ilin payı (%)", "Top 1 share (%)"),
    ("top5_pct", "İlk 5'in payı (%)", "Top 5 share (%)"),
    ("top_country", "İlk ülke", "Top country"),
    ("top_country_pct", "İlk ülkenin payı (%)", "Top country's share (%)"),
    ("total_usd", "Toplam ($)", "Total ($)"),
    ("unit", "Birim", "Unit"),
    ("unknown", "Bilinmeyen", "Unknown"),
    ("upper_usd", "Üst sınır ($)", "Upper bound ($)"),
    ("value", "Değer", "Value"),
    ("value_usd", "Değer ($)", "Value ($)"),
    ("with_data", "Verisi olan", "With data"),
    ("with_data_usd", "Verisi olanların toplamı ($)", "Total of those with data ($)"),
    ("year", "Yıl", "Year"),
    ("years", "Yıl sayısı", "Years"),
];

/// The heading of a column in `language`, if the column is one the table knows.
pub fn heading(column: &str, language: Language) -> Option<&'static str> {
    let at = HEADINGS.binary_search_by(|(name, ..)| name.cmp(&column)).ok()?;
    let (_, tr, en) = HEADINGS[at];
    Some(match language {
        Language::Tr => tr,
        Language::En => en,
    })
}

/// The heading of a column in `language`, else the column's own name (a user's query's column).
pub fn heading_or_name(column: &str, language: Language) -> String {
    heading(column, language).map_or_else(|| column.to_string(), str::to_string)
}

/// A sentence about a result as its reader reads it beside the result's table: in English, the
/// machine name of one of `columns` (`share_pct`) reads as the heading the table shows ("Share
/// (%)"), as the Turkish sentences of the shipped queries are written. A name in backticks stays
/// code, and only names with an underscore are read as columns: `rank` or `panel` in a sentence
/// is a word.
pub fn columns_as_headings(sentence: &str, columns: &[(String, String)], language: Language) -> String {
    if language != Language::En {
        return sentence.to_string();
    }
    let is_name = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = String::with_capacity(sentence.len());
    let mut in_code = false;
    let mut rest = sentence;
    while let Some(c) = rest.chars().next() {
        in_code ^= c == '`';
        let length = if is_name(c) { rest.find(|c: char| !is_name(c)).unwrap_or(rest.len()) } else { c.len_utf8() };
        let word = &rest[..length];
        let is_column = !in_code && word.contains('_') && columns.iter().any(|(name, _)| name == word);
        match is_column.then(|| heading(word, language)).flatten() {
            Some(heading) => out.push_str(&format!("\u{201c}{heading}\u{201d}")),
            None => out.push_str(word),
        }
        rest = &rest[length..];
    }
    out
}

/// Parameter name, Turkish label, English label; sorted by name.
const PARAMETERS: &[(&str, &str, &str)] = &[
    ("bands", "Aralıklar", "Bands"),
    ("basis", "Esas", "Basis"),
    ("countries", "Ülkeler", "Countries"),
    ("country", "Ülke", "Country"),
    ("from_year", "İlk yıl", "First year"),
    ("headings", "Başlık dili", "Headings"),
    ("level", "Düzey", "Level"),
    ("min_value", "En küçük değer", "Smallest value"),
    ("month", "Ay", "Month"),
    ("n", "Sayı", "Number"),
    ("period", "Dönem", "Period"),
    ("product", "Fasıl", "Chapter"),
    ("province", "İl", "Province"),
    ("provinces", "İller", "Provinces"),
    ("threshold", "Eşik", "Threshold"),
    ("through", "Son ay", "Through"),
    ("to_year", "Son yıl", "Last year"),
    ("year", "Yıl", "Year"),
];

/// A parameter's help as the shipped headers write it in English, and in Turkish; sorted.
const HELP_TR: &[(&str, &str)] = &[
    ("NUTS-1 (12 regions) or NUTS-2 (26 regions)", "İBBS-1 (12 bölge) ya da İBBS-2 (26 bölge)"),
    ("a country by name (Turkish or English) or ISO code", "Türkçe ya da İngilizce adıyla veya ISO koduyla bir ülke"),
    ("a country by name (Turkish or English) or ISO code, such as Almanya or DE", "Türkçe ya da İngilizce adıyla veya ISO koduyla bir ülke (Almanya ya da DE gibi)"),
    ("a name in any spelling, or a plate code", "herhangi bir yazılışla ad ya da plaka kodu"),
    ("a province in any spelling or plate code", "herhangi bir yazılışla il ya da plaka kodu"),
    ("a province in any spelling or plate code; omit for Turkey", "herhangi bir yazılışla il ya da plaka kodu; Türkiye için boş bırakın"),
    ("an HS chapter by code or name", "koduyla ya da adıyla bir GTİP faslı"),
    ("an HS chapter by code or name, such as 87 or \"motorlu kara taşıtları\"", "koduyla ya da adıyla bir GTİP faslı (87 ya da \"motorlu kara taşıtları\" gibi)"),
    ("countries, comma-separated, by name or code", "virgülle ayrılmış ülkeler, adıyla ya da koduyla"),
    ("for ytd, the last month of each period", "yılbaşından bu yana için her dönemin son ayı"),
    ("how many chapters", "kaç fasıl"),
    ("how many countries", "kaç ülke"),
    ("how many provinces", "kaç il"),
    ("lower bounds of the bands, in USD", "aralıkların alt sınırları, dolar"),
    ("months, year-to-date, or calendar years", "aylar, yılbaşından bu yana ya da takvim yılları"),
    ("one basis, or all three", "bir esas ya da üçü birden"),
    ("one basis, or both", "bir esas ya da ikisi birden"),
    ("one chapter; omit for every chapter", "bir fasıl; tüm fasıllar için boş bırakın"),
    ("one province only (any spelling or plate code)", "yalnızca bir il (herhangi bir yazılış ya da plaka kodu)"),
    ("one province; omit for every province with complete detail", "bir il; ayrıntısı tam olan tüm iller için boş bırakın"),
    ("one year only", "yalnızca bir yıl"),
    ("province of activity (Ministry of Trade) or of registration (TİM)", "faaliyet ili (Ticaret Bakanlığı) ya da kayıtlı il (TİM)"),
    ("province of activity or of registration", "faaliyet ili ya da kayıtlı il"),
    ("provinces, comma-separated, in any spelling", "virgülle ayrılmış iller, herhangi bir yazılışla"),
    ("that month, January to that month, or the calendar year", "o ay, ocaktan o aya kadar ya da takvim yılı"),
    ("the basis the release gave", "bültenin verdiği esas"),
    ("the first year", "ilk yıl"),
    ("the language of the headings (`İL`, `OCAK 2025`, `TOPLAM` or `Province`, `Jan 2025`, `TOTAL`)", "başlıkların dili: Türkçe (`İL`, `OCAK 2025`, `TOPLAM`) ya da İngilizce"),
    ("the last month of each period (ignored for year)", "her dönemin son ayı (yıl için kullanılmaz)"),
    ("the last month shown (default: the year's last month with data for the basis)", "gösterilen son ay (varsayılan: yılın bu esasta verisi olan son ayı)"),
    ("the last year", "son yıl"),
    ("the last year (after from_year)", "son yıl (ilk yıldan sonra)"),
    ("the month", "ay"),
    ("the month (12 for a year)", "ay (yıl için 12)"),
    ("the month; for ytd the last month of the period (ignored for year)", "ay; yılbaşından bu yana için dönemin son ayı (yıl için kullanılmaz)"),
    ("the period the statement is about", "açıklamanın ilgili olduğu dönem"),
    ("the smallest previous value, in USD, that takes part", "hesaba katılan en küçük önceki değer, dolar"),
    ("the value in USD", "dolar cinsinden değer"),
    ("the year", "yıl"),
    ("year-to-date or calendar year", "yılbaşından bu yana ya da takvim yılı"),
];

/// A choice of a `one_of` parameter, and how a reader sees it in Turkish and English; sorted.
const CHOICES: &[(&str, &str, &str)] = &[
    ("activity", "faaliyet ili", "province of activity"),
    ("all", "tümü", "all"),
    ("en", "İngilizce", "English"),
    ("month", "ay", "month"),
    ("nuts1", "İBBS-1", "NUTS-1"),
    ("nuts2", "İBBS-2", "NUTS-2"),
    ("registered", "kayıtlı il", "registered province"),
    ("tr", "Türkçe", "Turkish"),
    ("unknown", "bilinmiyor", "unknown"),
    ("year", "yıl", "year"),
    ("ytd", "yılbaşından bu yana", "year to date"),
];

fn pick(found: Option<(&'static str, &'static str)>, language: Language) -> Option<&'static str> {
    found.map(|(tr, en)| if language == Language::Tr { tr } else { en })
}

/// A parameter's label on a form (`year` is "Yıl" or "Year"), else its name.
pub fn parameter_label(name: &str, language: Language) -> String {
    let found = PARAMETERS.binary_search_by(|(n, ..)| n.cmp(&name)).ok().map(|at| (PARAMETERS[at].1, PARAMETERS[at].2));
    pick(found, language).map_or_else(|| name.to_string(), str::to_string)
}

/// The parameter whose label, in either language, is `word` as someone might type it: `yil`,
/// `yıl` or `Year` is `year`, `ilk_yil` is `from_year`. Letters are folded the Turkish way
/// (`İl` is `il`) and a space may be written `_` or `-`.
pub fn parameter_by_label(word: &str) -> Option<&'static str> {
    let key = |text: &str| crate::turkish::fold(text).replace([' ', '-'], "_");
    let word = key(word);
    PARAMETERS.iter().find(|(_, tr, en)| key(tr) == word || key(en) == word).map(|(name, ..)| *name)
}

/// A parameter's help in `language`: the header's English text, or its Turkish translation
/// (a user's query's help stays as written).
pub fn parameter_help(english: &str, language: Language) -> String {
    match language {
        Language::En => english.to_string(),
        Language::Tr => HELP_TR.binary_search_by(|(e, _)| e.cmp(&english)).map_or_else(|_| english.to_string(), |at| HELP_TR[at].1.to_string()),
    }
}

/// Whether the parameter help has a Turkish text (`queries check` requires it of shipped queries).
pub fn has_turkish_help(english: &str) -> bool {
    HELP_TR.binary_search_by(|(e, _)| e.cmp(&english)).is_ok()
}

/// How a choice reads on a form (`ytd` is "yılbaşından bu yana"); the value sent stays `ytd`.
pub fn choice_label(value: &str, language: Language) -> String {
    let found = CHOICES.binary_search_by(|(v, ..)| v.cmp(&value)).ok().map(|at| (CHOICES[at].1, CHOICES[at].2));
    pick(found, language).map_or_else(|| value.to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parameter_is_found_by_its_label_as_typed() {
        assert_eq!(parameter_by_label("yil"), Some("year"));
        assert_eq!(parameter_by_label("YIL"), Some("year"));
        assert_eq!(parameter_by_label("Yıl"), Some("year"));
        assert_eq!(parameter_by_label("İl"), Some("province"));
        assert_eq!(parameter_by_label("ilk_yıl"), Some("from_year"));
        assert_eq!(parameter_by_label("ilk-yil"), Some("from_year"));
        assert_eq!(parameter_by_label("donem"), Some("period"));
        assert_eq!(parameter_by_label("fasıl"), Some("product"));
        assert_eq!(parameter_by_label("chapter"), Some("product"));
        assert_eq!(parameter_by_label("yillar"), None);
    }

    #[test]
    fn the_table_is_sorted_so_that_every_heading_is_found() {
        assert!(HEADINGS.windows(2).all(|w| w[0].0 < w[1].0));
        for (name, tr, en) in HEADINGS {
            assert_eq!(heading(name, Language::Tr), Some(*tr));
            assert_eq!(heading(name, Language::En), Some(*en));
        }
        assert_eq!(heading("my_own_column", Language::Tr), None);
        assert!(PARAMETERS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(HELP_TR.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(CHOICES.windows(2).all(|w| w[0].0 < w[1].0));
        for (english, turkish) in HELP_TR {
            assert_eq!(parameter_help(english, Language::Tr), *turkish);
        }
        assert_eq!(parameter_label("year", Language::Tr), "Yıl");
        assert_eq!(choice_label("ytd", Language::Tr), "yılbaşından bu yana");
    }

    #[test]
    fn a_sentence_names_the_columns_by_the_headings_a_reader_sees() {
        let columns = [("share_pct".to_string(), "double".to_string()), ("share_of".to_string(), "text".to_string()), ("rank".to_string(), "bigint".to_string())];
        assert_eq!(
            columns_as_headings("share_pct is NULL and share_of says why; rank is a word, `share_pct` code, top_provinces a query.", &columns, Language::En),
            "\u{201c}Share (%)\u{201d} is NULL and \u{201c}Share of\u{201d} says why; rank is a word, `share_pct` code, top_provinces a query."
        );
        assert_eq!(columns_as_headings("share_pct", &columns, Language::Tr), "share_pct");
    }
}
