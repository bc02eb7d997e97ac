//! What a request asks for: its parameters in order (`lang` taken out, the language chosen by
//! the URL or else the browser), and the view a `/q/NAME.EXT` path names.

use axum::http::{HeaderMap, header};

use crate::catalog::Arg;
use crate::error::{Error, Result};
use crate::language::Language;
use crate::output::{FORMATS, Format};

/// The request's parameters in order, `lang` taken out, empty form fields dropped.
pub(super) struct Request {
    pub(super) language: Language,
    pub(super) args: Vec<(String, Arg)>,
    /// The query string as given, for links that keep the state.
    pub(super) raw: String,
}

pub(super) fn request(raw: Option<String>, headers: &HeaderMap) -> Result<Request> {
    let raw = raw.unwrap_or_default();
    let pairs: Vec<(String, String)> = serde_urlencoded_pairs(&raw)?;
    let chosen = pairs.iter().find(|(k, _)| k == "lang").map(|(_, v)| v.as_str());
    let language = match chosen {
        Some("en") => Language::En,
        Some("tr") => Language::Tr,
        _ => {
            // The browser's first language, when the URL does not choose.
            let accept = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
            if accept.trim_start().to_ascii_lowercase().starts_with("en") { Language::En } else { Language::Tr }
        }
    };
    let args = pairs.into_iter().filter(|(k, v)| k != "lang" && !v.trim().is_empty()).map(|(k, v)| (k, Arg::Text(v))).collect();
    Ok(Request { language, args, raw })
}

/// `a=1&b=x+y` as pairs, percent-decoded.
pub(super) fn serde_urlencoded_pairs(raw: &str) -> Result<Vec<(String, String)>> {
    raw.split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Ok((decode(k)?, decode(v)?))
        })
        .collect()
}

pub(super) fn decode(text: &str) -> Result<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok()).and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => return Err(Error::msg(format!("`{text}` is not percent-encoded text"))),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| Error::msg(format!("`{text}` is not UTF-8 text")))
}

/// What `/q/NAME.EXT` asks for: the page, the JSON API's document, a download in one of the
/// output layer's formats (by its extension: `.csv`, `.parquet`, `.xlsx`, `.tsv`, `.ndjson`,
/// `.md`, `.arrow`), or the chart.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum View {
    Page,
    Json,
    Download(Format),
    Svg,
    Png,
}

pub(super) fn view_of(name: &str) -> (String, Option<View>) {
    match name.rsplit_once('.') {
        None => (name.to_string(), Some(View::Page)),
        Some((base, ext)) => (
            base.to_string(),
            match ext {
                "json" => Some(View::Json),
                "svg" => Some(View::Svg),
                "png" => Some(View::Png),
                // The terminal table is for terminals; JSON is the API's document above.
                _ => Format::from_path(std::path::Path::new(name)).filter(|f| !matches!(f, Format::Table | Format::Json)).map(View::Download),
            },
        ),
    }
}

/// The extensions `view_of` knows, for the message that lists them.
pub(super) fn view_extensions() -> String {
    let downloads = FORMATS.iter().filter(|f| !matches!(f.format, Format::Table | Format::Json)).map(|f| format!(".{}", f.extensions[0]));
    let all: Vec<String> = [".json".to_string()].into_iter().chain(downloads).chain([".svg".to_string(), ".png".to_string()]).collect();
    all.join(", ")
}

/// A chart download's own options: `size=` one of the named sizes, `width=` in pixels and
/// `scale=` for PNG (as `ihracat chart --size/--width/--scale`), taken out of the parameters
/// unless the query has a parameter of that name.
pub(super) struct ChartSize {
    pub(super) width: Option<f64>,
    pub(super) scale: f32,
}

pub(super) fn chart_size(args: &mut Vec<(String, Arg)>, query: &crate::catalog::Query) -> Result<ChartSize> {
    let mut take = |name: &str| -> Option<String> {
        if query.param(name).is_some() {
            return None;
        }
        let at = args.iter().position(|(k, _)| k == name)?;
        Some(args.remove(at).1.to_string().trim().to_string())
    };
    let bad = |name: &str, message: String| Error::Parameter { name: name.to_string(), message };
    let mut chosen = ChartSize { width: None, scale: 1.0 };
    if let Some(name) = take("size") {
        let names: Vec<&str> = crate::charts::SIZES.iter().map(|(n, ..)| *n).collect();
        let (width, scale) = crate::charts::size(&name).ok_or_else(|| bad("size", format!("`{name}` is not a size: expected one of {}", names.join(", "))))?;
        chosen = ChartSize { width, scale };
    }
    if let Some(width) = take("width") {
        let range = crate::charts::WIDTHS;
        let px = width.parse::<u16>().ok().filter(|w| range.contains(w));
        let px = px.ok_or_else(|| bad("width", format!("`{width}` is not a width: expected pixels from {} to {}", range.start(), range.end())))?;
        chosen.width = Some(f64::from(px));
    }
    if let Some(scale) = take("scale") {
        let factor = scale.parse::<f32>().ok().filter(|s| *s >= 0.5 && *s <= crate::charts::MAX_SCALE);
        chosen.scale = factor.ok_or_else(|| bad("scale", format!("`{scale}` is not a scale: expected a number from 0.5 to {}", crate::charts::MAX_SCALE)))?;
    }
    Ok(chosen)
}
