//! Lines for a time series: one a series, the periods on the horizontal axis in the reader's
//! language, a gap where a period has no value (never a line drawn through a missing month).

use super::frame::{Anchor, Frame, GRID, INK, MARGIN, MUTED, SMALL_SIZE, Svg, TEXT_SIZE, escape, n, text_width};
use super::numbers::{self, Measure};
use crate::language::Language;

pub struct Series {
    pub name: String,
    /// (position on the time axis, value)
    pub points: Vec<(i64, Option<f64>)>,
}

pub struct Lines<'a> {
    pub series: Vec<Series>,
    /// The label of each position that has one, in order.
    pub periods: Vec<(i64, String)>,
    pub measure: Measure,
    pub value_column: &'a str,
    pub language: Language,
    /// Ranks read downwards: 1 at the top.
    pub inverted: bool,
}

const COLORS: [&str; 6] = ["#2171b5", "#d94801", "#238b45", "#6a51a3", "#b2182b", "#525252"];
const PLOT_HEIGHT: f64 = 260.0;

/// Long because it lays out one SVG from top to bottom (axes, ticks, series, labels, legend).
pub fn draw(lines: &Lines, frame: &Frame, width: f64) -> (String, f64) {
    let mut svg = Svg::new();
    let mut top = frame.header(&mut svg, width);
    // A legend line when there is more than one series.
    if lines.series.len() > 1 {
        let mut x = MARGIN;
        top += 4.0;
        for (i, series) in lines.series.iter().enumerate() {
            let color = COLORS[i % COLORS.len()];
            svg.rect(x, top - 9.0, 14.0, 4.0, color, "");
            svg.text(x + 18.0, top - 3.0, TEXT_SIZE, false, Anchor::Start, INK, "legend", &series.name);
            x += 30.0 + text_width(&series.name, TEXT_SIZE, false);
        }
        top += 14.0;
    }
    let values: Vec<f64> = lines.series.iter().flat_map(|s| s.points.iter().filter_map(|p| p.1)).collect();
    let (low, high) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(*v), h.max(*v)));
    let (low, high) = if values.is_empty() { (0.0, 1.0) } else if lines.inverted { (low.min(1.0), high) } else { (low.min(0.0), high.max(0.0)) };
    let ticks = numbers::nice_ticks(low, high, 5, lines.measure);
    // Ranks start at 1: a tick at 0 becomes 1.
    let mut ticks: Vec<f64> = if lines.inverted { ticks.into_iter().map(|t| t.max(1.0)).collect() } else { ticks };
    ticks.dedup();
    let (first, last) = (ticks[0], ticks[ticks.len() - 1].max(ticks[0] + 1.0));
    let step = if ticks.len() > 1 { ticks[1] - ticks[0] } else { 1.0 };
    let largest = first.abs().max(last.abs());
    let tick_labels: Vec<String> = ticks.iter().map(|t| numbers::tick(*t, step, largest, lines.measure, lines.language)).collect();
    let left = MARGIN + tick_labels.iter().map(|l| text_width(l, SMALL_SIZE, false)).fold(0.0, f64::max) + 8.0;
    let right = width - MARGIN - 8.0;
    let (x_min, x_max) = lines.periods.iter().fold((i64::MAX, i64::MIN), |(a, b), (p, _)| (a.min(*p), b.max(*p)));
    let (x_min, x_max) = if x_min > x_max { (0, 1) } else { (x_min, x_max) };
    let x = |p: i64| if x_max == x_min { (left + right) / 2.0 } else { left + (p - x_min) as f64 / (x_max - x_min) as f64 * (right - left) };
    let plot_top = top + 6.0;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let y = |v: f64| {
        let t = (v - first) / (last - first);
        if lines.inverted { plot_top + t * PLOT_HEIGHT } else { plot_bottom - t * PLOT_HEIGHT }
    };
    for (tick, label) in ticks.iter().zip(&tick_labels) {
        let ty = y(*tick);
        svg.line(left, ty, right, ty, if *tick == 0.0 && !lines.inverted { MUTED } else { GRID }, 0.8);
        svg.raw(&format!(
            r#"<g class="tick" data-value="{tick}"><text x="{}" y="{}" font-size="{}" text-anchor="end" fill="{MUTED}">{}</text></g>"#,
            n(left - 6.0),
            n(ty + SMALL_SIZE * 0.35),
            n(SMALL_SIZE),
            escape(label)
        ));
    }
    // Period labels, thinned so that they do not overlap.
    let widest = lines.periods.iter().map(|(_, l)| text_width(l, SMALL_SIZE, false)).fold(0.0, f64::max) + 8.0;
    let room = if lines.periods.len() > 1 { (right - left) / (lines.periods.len() - 1) as f64 } else { right - left };
    let every = (widest / room).ceil().max(1.0) as usize;
    for (i, (position, label)) in lines.periods.iter().enumerate() {
        let px = x(*position);
        svg.line(px, plot_bottom, px, plot_bottom + 4.0, MUTED, 0.8);
        if i % every == 0 {
            svg.raw(&format!(
                r#"<text class="period" data-position="{position}" x="{}" y="{}" font-size="{}" text-anchor="middle" fill="{MUTED}">{}</text>"#,
                n(px),
                n(plot_bottom + SMALL_SIZE + 8.0),
                n(SMALL_SIZE),
                escape(label)
            ));
        }
    }
    for (i, series) in lines.series.iter().enumerate() {
        let color = COLORS[i % COLORS.len()];
        // Runs of consecutive positions with values: a missing period breaks the line.
        let mut path = String::new();
        let mut previous: Option<i64> = None;
        for (position, value) in &series.points {
            match value {
                Some(v) => {
                    let command = if previous.is_some_and(|p| lines.periods.iter().position(|q| q.0 == p).map(|i| i + 1) == lines.periods.iter().position(|q| q.0 == *position)) { 'L' } else { 'M' };
                    path.push_str(&format!("{command}{} {}", n(x(*position)), n(y(*v))));
                    previous = Some(*position);
                }
                None => previous = None,
            }
        }
        svg.raw(&format!(
            r#"<path class="series" data-series="{}" data-column="{}" d="{path}" fill="none" stroke="{color}" stroke-width="2"/>"#,
            escape(&series.name),
            escape(lines.value_column)
        ));
        for (position, value) in &series.points {
            if let Some(v) = value {
                svg.raw(&format!(
                    r#"<circle class="point" data-series="{}" data-position="{position}" data-value="{v}" cx="{}" cy="{}" r="3" fill="{color}"><title>{}</title></circle>"#,
                    escape(&series.name),
                    n(x(*position)),
                    n(y(*v)),
                    escape(&numbers::label(*v, lines.measure, lines.language))
                ));
            }
        }
    }
    let bottom = plot_bottom + SMALL_SIZE + 14.0;
    frame.footer(&mut svg, width, bottom);
    let height = bottom + frame.footer_height(width);
    (svg.finish(width, height, &frame.title), height)
}
