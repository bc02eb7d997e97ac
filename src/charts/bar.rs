//! Horizontal bars for a ranking, one a row, in the query's order, each with its value beside it.

use super::frame::{Anchor, Frame, GRID, INK, MARGIN, MUTED, SMALL_SIZE, Svg, TEXT_SIZE, escape, n, text_width};
use super::numbers::{self, Measure};
use crate::language::Language;

pub struct Bars<'a> {
    pub labels: Vec<String>,
    pub values: Vec<Option<f64>>,
    pub measure: Measure,
    pub value_column: &'a str,
    pub language: Language,
    /// What a row without a value says in its place, row by row: "veri yok", or "değişim
    /// verilmiyor" where the province has a value but no change.
    pub missing: Vec<&'static str>,
}

const ROW: f64 = 24.0;
const BAR: f64 = 16.0;
const POSITIVE: &str = "#2171b5";
const NEGATIVE: &str = "#b2182b";

pub fn draw(bars: &Bars, frame: &Frame, width: f64) -> (String, f64) {
    let mut svg = Svg::new();
    let top = frame.header(&mut svg, width);
    let present: Vec<f64> = bars.values.iter().flatten().copied().collect();
    let low = present.iter().copied().fold(0.0, f64::min);
    let high = present.iter().copied().fold(0.0, f64::max);
    let ticks = numbers::nice_ticks(low, high, 4, bars.measure);
    let (first, last) = (ticks[0], ticks[ticks.len() - 1]);
    let step = if ticks.len() > 1 { ticks[1] - ticks[0] } else { 1.0 };
    let largest = first.abs().max(last.abs());

    let value_labels: Vec<String> = bars
        .values
        .iter()
        .zip(&bars.missing)
        .map(|(v, missing)| v.map(|v| numbers::label(v, bars.measure, bars.language)).unwrap_or_else(|| missing.to_string()))
        .collect();
    let label_width = bars.labels.iter().map(|l| text_width(l, TEXT_SIZE, false)).fold(0.0, f64::max);
    let value_width = value_labels.iter().map(|l| text_width(l, TEXT_SIZE, false)).fold(0.0, f64::max);
    let left = MARGIN + label_width + 10.0 + if low < 0.0 { value_width + 6.0 } else { 0.0 };
    let right = width - MARGIN - value_width - 6.0;
    let plot = (right - left).max(40.0);
    let x = |v: f64| left + (v - first) / (last - first) * plot;

    let axis_top = top + 4.0;
    let rows_top = axis_top + 8.0;
    let rows_bottom = rows_top + bars.labels.len() as f64 * ROW;
    for tick in &ticks {
        let tx = x(*tick);
        svg.line(tx, axis_top, tx, rows_bottom, if *tick == 0.0 { MUTED } else { GRID }, if *tick == 0.0 { 1.0 } else { 0.8 });
        svg.raw(&format!(
            r#"<g class="tick" data-value="{tick}"><text x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{MUTED}">{}</text></g>"#,
            n(tx),
            n(rows_bottom + SMALL_SIZE + 6.0),
            n(SMALL_SIZE),
            escape(&numbers::tick(*tick, step, largest, bars.measure, bars.language))
        ));
    }
    for (i, (label, value)) in bars.labels.iter().zip(&bars.values).enumerate() {
        let y = rows_top + i as f64 * ROW;
        let middle = y + ROW / 2.0 + TEXT_SIZE * 0.35;
        svg.text(MARGIN + label_width, middle, TEXT_SIZE, false, Anchor::End, INK, "bar-label", label);
        match value {
            Some(v) => {
                let (x0, x1) = (x(0.0).min(x(*v)), x(0.0).max(x(*v)));
                let fill = if *v < 0.0 { NEGATIVE } else { POSITIVE };
                svg.raw(&format!(
                    r#"<rect class="bar" data-label="{}" data-value="{v}" data-column="{}" x="{}" y="{}" width="{}" height="{BAR}" fill="{fill}"><title>{}: {}</title></rect>"#,
                    escape(label),
                    escape(bars.value_column),
                    n(x0),
                    n(y + (ROW - BAR) / 2.0),
                    n((x1 - x0).max(0.5)),
                    escape(label),
                    escape(&value_labels[i])
                ));
                let (lx, anchor) = if *v < 0.0 { (x0 - 4.0, Anchor::End) } else { (x1 + 4.0, Anchor::Start) };
                svg.text(lx, middle, TEXT_SIZE, false, anchor, INK, "value-label", &value_labels[i]);
            }
            None => {
                svg.raw(&format!(r#"<g class="bar-missing" data-label="{}"></g>"#, escape(label)));
                svg.text(x(0.0) + 4.0, middle, TEXT_SIZE, false, Anchor::Start, MUTED, "value-label", &value_labels[i]);
            }
        }
    }
    let bottom = rows_bottom + SMALL_SIZE + 10.0;
    frame.footer(&mut svg, width, bottom);
    let height = bottom + frame.footer_height(width);
    (svg.finish(width, height, &frame.title), height)
}
