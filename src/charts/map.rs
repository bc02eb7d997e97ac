//! The choropleth of the 81 provinces: each shape carries its plate code, its value and its
//! class; provinces without a value are grey and the legend says "veri yok / no data". On a map
//! of changes, a province with a value but no change is hatched grey, "değişim verilmiyor / no
//! change given": it is not without data.
//!
//! The shapes (data/province_map.json, from Natural Earth; data/README.md says how it was made)
//! are matched to plate codes by the project's own province resolution, the one users get, and
//! drawing refuses a map file that does not give 81 provinces, each once.

use std::collections::{BTreeMap, BTreeSet};

use duckdb::Connection;
use serde::Deserialize;

use super::classes::{self, Breaks, Class, NO_DATA};
use super::frame::{Anchor, Frame, INK, MARGIN, SMALL_SIZE, Svg, TEXT_SIZE, escape, n, text_width};
use super::numbers::{self, Measure};
use crate::error::{Error, Result};
use crate::language::Language;
use crate::reference;

const MAP_FILE: &str = include_str!("../../data/province_map.json");

#[derive(Deserialize)]
struct MapFile {
    source: String,
    width: f64,
    height: f64,
    provinces: Vec<Feature>,
}

#[derive(Deserialize)]
struct Feature {
    hasc: String,
    names: Vec<String>,
    path: String,
}

/// One province's outline, with the plate code its names resolve to.
pub struct Shape {
    pub code: i32,
    pub name: String,
    pub path: String,
}

pub struct Shapes {
    pub width: f64,
    pub height: f64,
    pub source: String,
    pub shapes: Vec<Shape>,
}

/// The bundled shapes, each resolved to its province.
pub fn shapes(conn: &Connection) -> Result<Shapes> {
    let file: MapFile = serde_json::from_str(MAP_FILE).map_err(|e| Error::msg(format!("data/province_map.json: {e}")))?;
    let mut shapes = Vec::with_capacity(file.provinces.len());
    let mut seen: BTreeMap<i32, String> = BTreeMap::new();
    // Every name of every shape in one query; a shape takes its first name that resolves.
    let all_names: Vec<String> = file.provinces.iter().flat_map(|f| f.names.iter().cloned()).collect();
    let mut resolved_names = reference::resolve_provinces(conn, &all_names)?.into_iter();
    for feature in file.provinces {
        let candidates: Vec<Option<reference::Resolved>> = resolved_names.by_ref().take(feature.names.len()).collect();
        let resolved = candidates.into_iter().flatten().next().ok_or_else(|| {
            Error::msg(format!("data/province_map.json: shape {} ({}) matches no province", feature.hasc, feature.names.join(", ")))
        })?;
        let code: i32 = resolved.code.parse().map_err(|_| Error::msg(format!("province code `{}` is not a number", resolved.code)))?;
        if let Some(other) = seen.insert(code, feature.hasc.clone()) {
            return Err(Error::msg(format!("data/province_map.json: shapes {other} and {} are both {}", feature.hasc, resolved.name)));
        }
        shapes.push(Shape { code, name: resolved.name, path: feature.path });
    }
    if shapes.len() != 81 {
        return Err(Error::msg(format!("data/province_map.json has {} provinces, not 81", shapes.len())));
    }
    Ok(Shapes { width: file.width, height: file.height, source: file.source, shapes })
}

pub struct MapValues<'a> {
    /// Plate code → value (None: the result has the province but no value).
    pub values: BTreeMap<i32, Option<f64>>,
    /// The provinces with a value for the period but no change (a map of changes only).
    pub without_change: BTreeSet<i32>,
    pub measure: Measure,
    pub value_column: &'a str,
    /// The legend's heading: what the value is, in the reader's words.
    pub title: String,
    pub classes: usize,
    pub breaks: Breaks,
    pub diverging: bool,
    pub language: Language,
}

pub fn draw(shapes: &Shapes, map: &MapValues, frame: &Frame, width: f64) -> (String, f64) {
    let mut svg = Svg::new();
    let top = frame.header(&mut svg, width);
    let present: Vec<f64> = map.values.values().flatten().copied().collect();
    let classes: Vec<Class> = classes::classes(&present, map.classes, map.breaks, map.diverging);
    let scale = (width - 2.0 * MARGIN) / shapes.width;
    // Stripes a few units wide; the map and its legend are drawn at nearly the same scale.
    if !map.without_change.is_empty() {
        svg.raw(&format!(
            r##"<defs><pattern id="no-change" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="{NO_DATA}"/><rect width="2" height="6" fill="#ffffff"/></pattern></defs>"##
        ));
    }
    svg.raw(&format!(r##"<g class="provinces" transform="translate({} {}) scale({})" stroke="#ffffff" stroke-width="{}" stroke-linejoin="round">"##, n(MARGIN), n(top), scale, n(0.8 / scale)));
    for shape in &shapes.shapes {
        let value = map.values.get(&shape.code).copied().flatten();
        let class = value.and_then(|v| classes::class_of(&classes, v));
        let unchanged = value.is_none() && map.without_change.contains(&shape.code);
        let fill = class.map(|c| classes[c].color).unwrap_or(if unchanged { NO_CHANGE } else { NO_DATA });
        let missing = if unchanged { no_change(map.language) } else { no_data(map.language) };
        let shown = value.map(|v| numbers::label(v, map.measure, map.language)).unwrap_or_else(|| missing.to_string());
        svg.raw(&format!(
            r#"<path class="province" data-plate="{}" data-name="{}" data-column="{}"{}{} fill="{fill}" d="{}"><title>{}: {}</title></path>"#,
            shape.code,
            escape(&shape.name),
            escape(map.value_column),
            value.map(|v| format!(r#" data-value="{v}""#)).unwrap_or_default(),
            class.map(|c| format!(r#" data-class="{c}""#)).unwrap_or_default(),
            shape.path,
            escape(&shape.name),
            escape(&shown)
        ));
    }
    svg.raw("</g>");
    // The legend under the map: one swatch a class with its bounds, then "no data".
    let mut y = top + shapes.height * scale + 16.0;
    let mut x = MARGIN;
    let mut items: Vec<(String, &str, String)> = classes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let last = i + 1 == classes.len();
            let text = format!("{} – {}{}", numbers::label(c.low, map.measure, map.language), numbers::label(c.high, map.measure, map.language), if last { "" } else { " " });
            (text.trim_end().to_string(), c.color, format!(r#" data-class="{i}" data-low="{}" data-high="{}" data-last="{last}""#, c.low, c.high))
        })
        .collect();
    let valueless: Vec<i32> = shapes.shapes.iter().filter(|s| map.values.get(&s.code).copied().flatten().is_none()).map(|s| s.code).collect();
    let unchanged = valueless.iter().filter(|c| map.without_change.contains(c)).count();
    if unchanged > 0 {
        items.push((format!("{} ({unchanged})", no_change(map.language)), NO_CHANGE, r#" data-class="no-change""#.to_string()));
    }
    if valueless.len() > unchanged {
        items.push((format!("{} ({})", no_data(map.language), valueless.len() - unchanged), NO_DATA, r#" data-class="none""#.to_string()));
    }
    svg.text(MARGIN, y, TEXT_SIZE, true, Anchor::Start, INK, "legend-title", &map.title);
    y += 10.0;
    for (text, color, data) in &items {
        let item_width = 22.0 + text_width(text, SMALL_SIZE, false) + 18.0;
        if x + item_width > width - MARGIN && x > MARGIN {
            x = MARGIN;
            y += 20.0;
        }
        svg.raw(&format!(r##"<g class="legend-item"{data}><rect x="{}" y="{}" width="16" height="12" fill="{color}" stroke="#9ca3af" stroke-width="0.5"/>"##, n(x), n(y)));
        svg.text(x + 22.0, y + 10.0, SMALL_SIZE, false, Anchor::Start, INK, "legend-label", text);
        svg.raw("</g>");
        x += item_width;
    }
    let bottom = y + 16.0;
    frame.footer(&mut svg, width, bottom);
    let height = bottom + frame.footer_height(width);
    (svg.finish(width, height, &frame.title), height)
}

/// The fill of a province with a value but no change: grey, hatched.
const NO_CHANGE: &str = "url(#no-change)";

pub fn no_change(language: Language) -> &'static str {
    match language {
        Language::Tr => "değişim verilmiyor",
        Language::En => "no change given",
    }
}

pub fn no_data(language: Language) -> &'static str {
    match language {
        Language::Tr => "veri yok",
        Language::En => "no data",
    }
}
