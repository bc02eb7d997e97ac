//! What an assistant can read besides calling tools: each month's release as a resource (in
//! Turkish and English), the data's provenance notes, and prompts a user picks in the client.

use duckdb::Connection;
use rmcp::model::{GetPromptResult, Prompt, PromptArgument, PromptMessage, ReadResourceResult, Resource, ResourceContents, Role};
use serde_json::Value;

use crate::catalog::{Catalog, args};
use crate::error::{Error, Result};
use crate::execution;
use crate::language::Language;

/// Where the bundled data comes from, as the repository's data folder says it.
const PROVENANCE: &str = include_str!("../../data/README.md");
const PROVENANCE_URI: &str = "ihracat://data/provenance";

/// The months with activity-basis figures, newest first (the `coverage` analysis).
pub fn months(conn: &Connection, catalog: &Catalog) -> Result<Vec<(i32, u32)>> {
    let batches = execution::collect(conn, catalog, "coverage", &args([("basis", "activity".into())]))?;
    let columns = crate::db::Columns::of(&batches);
    let read = |name: &str| columns.integers(name).map_err(|_| Error::msg(format!("coverage has no column `{name}`")));
    let (years, months, provinces) = (read("year")?, read("month")?, read("provinces")?);
    // A month with detail alone has no province figures to report.
    let mut found: Vec<(i32, u32)> = years
        .into_iter()
        .zip(months)
        .zip(provinces)
        .filter(|(_, provinces)| provinces.unwrap_or(0) > 0)
        .filter_map(|((y, m), _)| Some((i32::try_from(y?).ok()?, u32::try_from(m?).ok()?)))
        .collect();
    found.sort();
    found.dedup();
    found.reverse();
    Ok(found)
}

pub fn list(months: &[(i32, u32)]) -> Vec<Resource> {
    let mut list = vec![Resource::new(PROVENANCE_URI, "provenance").with_title("Where the bundled figures come from / Verilerin kaynağı").with_mime_type("text/markdown")];
    for (year, month) in months {
        for (lang, title) in [("tr", format!("İl ihracatı bülteni {year}-{month:02}")), ("en", format!("Province exports release {year}-{month:02}"))] {
            list.push(Resource::new(format!("ihracat://report/{year}/{month}/{lang}"), format!("report-{year}-{month:02}-{lang}")).with_title(title).with_mime_type("text/plain"));
        }
    }
    list
}

/// A resource's text by its URI.
pub fn read(conn: &Connection, catalog: &Catalog, uri: &str) -> Result<ReadResourceResult> {
    if uri == PROVENANCE_URI {
        return Ok(ReadResourceResult::new(vec![ResourceContents::text(PROVENANCE, uri)]));
    }
    let parts: Vec<&str> = uri.strip_prefix("ihracat://report/").map(|rest| rest.split('/').collect()).unwrap_or_default();
    let [year, month, lang] = parts.as_slice() else {
        return Err(Error::msg(format!("no resource `{uri}`: the resources are {PROVENANCE_URI} and ihracat://report/YEAR/MONTH/tr|en")));
    };
    let (Ok(year), Ok(month)) = (year.parse::<i32>(), month.parse::<u32>()) else {
        return Err(Error::msg(format!("no resource `{uri}`: YEAR and MONTH are numbers")));
    };
    let language = match *lang {
        "tr" => Language::Tr,
        "en" => Language::En,
        _ => return Err(Error::msg(format!("no resource `{uri}`: the language is tr or en"))),
    };
    let facts = crate::report::facts(conn, catalog, year, month, "activity")?;
    if facts.is_empty() {
        return Err(Error::NoFigures { period: format!("{year}-{month:02}"), basis: "activity".into() });
    }
    Ok(ReadResourceResult::new(vec![ResourceContents::text(crate::report::text(&facts, language), uri)]))
}

pub fn prompts() -> Vec<Prompt> {
    vec![
        Prompt::new(
            "aylik_bulten",
            Some("Bu ayın il ihracatı bülteni: the month's province export release, explained from ihracat's figures with their sources"),
            Some(vec![argument("yil", "Yıl (year), e.g. 2025", false), argument("ay", "Ay (month), 1-12", false)]),
        ),
        Prompt::new(
            "compare_provinces",
            Some("Compare two provinces' exports on both bases (activity and registered), with the sources of each figure"),
            Some(vec![argument("first", "A province, in any spelling", true), argument("second", "Another province", true), argument("year", "The year, e.g. 2025", true)]),
        ),
    ]
}

fn argument(name: &str, description: &str, required: bool) -> PromptArgument {
    let mut argument = PromptArgument::new(name);
    argument.description = Some(description.to_string());
    argument.required = Some(required);
    argument
}

pub fn prompt(name: &str, given: Option<&serde_json::Map<String, Value>>) -> Result<GetPromptResult> {
    let get = |key: &str| given.and_then(|g| g.get(key)).and_then(|v| v.as_str().map(str::to_string).or_else(|| v.as_i64().map(|n| n.to_string())));
    let text = match name {
        "aylik_bulten" => {
            let when = match (get("yil"), get("ay")) {
                (Some(year), Some(month)) => format!("{year} yılının {month}. ayı"),
                _ => "verideki son ay".to_string(),
            };
            format!(
                "{when} için il ihracatı bültenini hazırla. Önce monthly_report aracını (lang=tr) çağır; sonra top_provinces ve top_increases ile sıralamaları doğrula. Her rakamı kaynağıyla ver; eksik panel uyarılarını ve verilemeyen rakamların nedenini aynen aktar; illerin toplamını Türkiye toplamı diye sunma."
            )
        }
        "compare_provinces" => {
            let (first, second, year) = (get("first"), get("second"), get("year"));
            let (Some(first), Some(second), Some(year)) = (first, second, year) else {
                return Err(Error::msg("compare_provinces needs first, second and year"));
            };
            format!(
                "Compare the exports of {first} and {second} in {year}. Resolve both names with resolve_name, then call province_profile for each with basis=activity and basis=registered. Give each figure with its origin and source, say which months have no figure and why, and never add months that are missing."
            )
        }
        other => return Err(Error::msg(format!("no prompt `{other}`: the prompts are aylik_bulten and compare_provinces"))),
    };
    Ok(GetPromptResult::new(vec![PromptMessage::new_text(Role::User, text)]))
}
