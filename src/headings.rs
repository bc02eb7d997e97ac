//! The headings a person reads above a result's columns, in Turkish and English: one table for
//! every column a shipped query returns (`queries check` fails a query whose column has none),
//! read by the workbooks and the web application's tables. Machine formats (CSV, JSON, Parquet)
//! keep the column names, which scripts rely on.

use crate::language::Language;

/// Column name, Turkish heading, English heading; sorted by name.
const HEADINGS: &[(&str, &str, &str)] = &[
    ("band", "Aralık", "Band"),
    ("basis", "Esas", "Basis"),
    ("beyond_rounding_usd", "Yuvarlamayı aşan ($)", "Beyond rounding ($)"),
    ("by_country_usd", "Ülkelerin toplamı ($)", "Sum by country ($)"),
    ("by_product_usd", "Ürünlerin toplamı ($)", "Sum by product ($)"),
    ("cagr_pct", "Yıllık bileşik büyüme (%)", "CAGR (%)"),
    ("candidates", "Aday değer", "Candidates"),
    ("change_origin", "Değişimin kaynağı", "Origin of the change"),
    ("change_pct", "Değişim (%)", "Change (%)"),
    ("change_usd", "Değişim ($)", "Change ($)"),
    ("chosen_usd", "Seçilen değer ($)", "Chosen value ($)"),
    ("code", "Kod", "Code"),
    ("compared", "Karşılaştırılan", "Compared"),
    ("complete", "Tam", "Complete"),
    ("computed", "Hesaplanan", "Computed"),
    ("corner", "Köşe", "Corner"),
    ("countries", "Ülkeler", "Countries"),
    ("countries_complete", "Ülkeler tam", "Countries complete"),
    ("country", "Ülke", "Country"),
    ("country_coverage_pct", "Ülke kapsamı (%)", "Country coverage (%)"),
    ("cumulative_pct", "Birikimli pay (%)", "Cumulative share (%)"),
    ("cumulative_usd", "Birikimli toplam ($)", "Cumulative total ($)"),
    ("derived", "Türetilen", "Derived"),
    ("derived_from", "Türetildiği değer", "Derived from"),
    ("detail_complete", "Ayrıntısı tam il", "Provinces with complete detail"),
    ("detail_coverage_pct", "Ayrıntının kapsamı (%)", "Detail coverage (%)"),
    ("detail_provinces", "Ayrıntısı olan il", "Provinces with detail"),
    ("detail_rows", "Ayrıntı satırı", "Detail rows"),
    ("difference_usd", "Fark ($)", "Difference ($)"),
    ("end_usd", "Bitiş ($)", "End ($)"),
    ("heading", "Başlık", "Heading"),
    ("hhi", "HHI", "HHI"),
    ("high_usd", "En yüksek ($)", "Highest ($)"),
    ("item", "Kalem", "Item"),
    ("loaded", "Yüklenen", "Loaded"),
    ("low_usd", "En düşük ($)", "Lowest ($)"),
    ("lower_usd", "Alt sınır ($)", "Lower bound ($)"),
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
    ("note", "Not", "Note"),
    ("nuts1_code", "İBBS-1 kodu", "NUTS-1 code"),
    ("nuts1_name", "İBBS-1 bölgesi", "NUTS-1 region"),
    ("nuts2_code", "İBBS-2 kodu", "NUTS-2 code"),
    ("nuts2_name", "İBBS-2 bölgesi", "NUTS-2 region"),
    ("origin", "Kaynak türü", "Origin"),
    ("panel", "Verisi olan il", "Provinces with data"),
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
    ("threshold", "Eşik ($)", "Threshold ($)"),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_so_that_every_heading_is_found() {
        assert!(HEADINGS.windows(2).all(|w| w[0].0 < w[1].0));
        for (name, tr, en) in HEADINGS {
            assert_eq!(heading(name, Language::Tr), Some(*tr));
            assert_eq!(heading(name, Language::En), Some(*en));
        }
        assert_eq!(heading("my_own_column", Language::Tr), None);
    }
}
