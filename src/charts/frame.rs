//! What every chart shares: the SVG it is written into, text measured with the bundled font, and
//! the frame around the plot (title, the parameters, warnings about the data, the source line).

use std::fmt::Write as _;

use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// DejaVu Sans, subset to the letters charts draw (assets/fonts/LICENSE). SVG names the family;
/// PNG rendering loads these very files, so a PNG looks the same on every machine.
pub const FONT_REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
pub const FONT_BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");
pub const FONT_FAMILY: &str = "DejaVu Sans";

pub const INK: &str = "#1f2328";
pub const MUTED: &str = "#57606a";
pub const GRID: &str = "#e5e7eb";
pub const MARGIN: f64 = 16.0;

/// The width of `text` at `size` pixels in the bundled font.
pub fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let Ok(font) = FontRef::new(if bold { FONT_BOLD } else { FONT_REGULAR }) else {
        return text.chars().count() as f64 * size * 0.6;
    };
    let charmap = font.charmap();
    let metrics = font.glyph_metrics(Size::new(size as f32), LocationRef::default());
    text.chars()
        .map(|c| charmap.map(c).and_then(|g| metrics.advance_width(g)).map(f64::from).unwrap_or(size * 0.6))
        .sum()
}

/// Words of `text` wrapped to lines no wider than `width`.
pub fn wrap(text: &str, size: f64, bold: bool, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(&format!("{line} {word}"), size, bold) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// A number as SVG coordinates want it: one decimal, no "-0".
pub fn n(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 { "0".into() } else if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") }
}

/// An SVG document written element by element.
pub struct Svg {
    body: String,
}

#[derive(Clone, Copy)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Svg {
    pub fn new() -> Svg {
        Svg { body: String::new() }
    }

    pub fn raw(&mut self, element: &str) {
        self.body.push_str(element);
        self.body.push('\n');
    }

    pub fn text(&mut self, x: f64, y: f64, size: f64, bold: bool, anchor: Anchor, fill: &str, class: &str, content: &str) {
        let anchor = match anchor {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        };
        let weight = if bold { r#" font-weight="bold""# } else { "" };
        let _ = writeln!(
            self.body,
            r#"<text class="{class}" x="{}" y="{}" font-size="{}"{weight} text-anchor="{anchor}" fill="{fill}">{}</text>"#,
            n(x),
            n(y),
            n(size),
            escape(content)
        );
    }

    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, stroke: &str, width: f64) {
        let _ = writeln!(self.body, r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{}"/>"#, n(x1), n(y1), n(x2), n(y2), n(width));
    }

    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: &str, extra: &str) {
        let _ = writeln!(self.body, r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"{extra}/>"#, n(x), n(y), n(width.max(0.0)), n(height.max(0.0)));
    }

    /// The finished document, `width` by `height` pixels, white behind everything.
    pub fn finish(self, width: f64, height: f64, description: &str) -> String {
        format!(
            concat!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{family}, Verdana, sans-serif">"#,
                "\n<desc>{desc}</desc>\n",
                r##"<rect width="{w}" height="{h}" fill="#ffffff"/>"##,
                "\n{body}</svg>\n"
            ),
            w = n(width),
            h = n(height),
            family = FONT_FAMILY,
            desc = escape(description),
            body = self.body
        )
    }
}

/// The words around a plot.
pub struct Frame {
    pub title: String,
    /// The parameters as a reader says them ("Ekim 2025 · ilk 5 · faaliyet ili").
    pub subtitle: String,
    /// What the data cannot show (an incomplete panel): a caption under the plot, beside the
    /// source, so that an editor who crops the title keeps it.
    pub warnings: Vec<String>,
    /// "Not" or "Note", the caption's first word.
    pub note_word: &'static str,
    /// "Kaynak: …" and, for maps, the boundaries' attribution.
    pub source: Vec<String>,
}

pub const TITLE_SIZE: f64 = 18.0;
pub const TEXT_SIZE: f64 = 12.0;
pub const SMALL_SIZE: f64 = 10.5;

impl Frame {
    /// Writes the title block and returns the y where the plot may start.
    pub fn header(&self, svg: &mut Svg, width: f64) -> f64 {
        let mut y = MARGIN;
        for line in wrap(&self.title, TITLE_SIZE, true, width - 2.0 * MARGIN) {
            y += TITLE_SIZE * 1.25;
            svg.text(MARGIN, y, TITLE_SIZE, true, Anchor::Start, INK, "title", &line);
        }
        if !self.subtitle.is_empty() {
            y += TEXT_SIZE * 1.5;
            svg.text(MARGIN, y, TEXT_SIZE, false, Anchor::Start, MUTED, "subtitle", &self.subtitle);
        }
        y + 14.0
    }

    /// The caption under the plot: the notes ("Not: …"), then the source lines.
    fn caption(&self) -> Vec<(&'static str, String)> {
        let notes = self.warnings.iter().map(|w| ("warning", format!("{}: {w}", self.note_word)));
        notes.chain(self.source.iter().map(|s| ("source", s.clone()))).collect()
    }

    /// The height the footer needs at `width`.
    pub fn footer_height(&self, width: f64) -> f64 {
        let lines: usize = self.caption().iter().map(|(_, s)| wrap(s, SMALL_SIZE, false, width - 2.0 * MARGIN).len()).sum();
        10.0 + lines as f64 * SMALL_SIZE * 1.4 + MARGIN
    }

    /// Writes the caption from `y` down, small and grey, in the chart's own typography.
    pub fn footer(&self, svg: &mut Svg, width: f64, mut y: f64) {
        y += 10.0;
        for (class, text) in self.caption() {
            for line in wrap(&text, SMALL_SIZE, false, width - 2.0 * MARGIN) {
                y += SMALL_SIZE * 1.4;
                svg.text(MARGIN, y, SMALL_SIZE, false, Anchor::Start, MUTED, class, &line);
            }
        }
    }
}
