//! PNG through resvg, with only the bundled font loaded: the same picture on every machine.

use resvg::{tiny_skia, usvg};

use super::frame::{FONT_BOLD, FONT_FAMILY, FONT_REGULAR};
use crate::error::{Error, Result};

pub fn render(svg: &str, scale: f32) -> Result<Vec<u8>> {
    if !(scale > 0.0 && scale <= 8.0) {
        return Err(Error::msg(format!("scale {scale}: expected a number above 0 and at most 8")));
    }
    let mut options = usvg::Options { font_family: FONT_FAMILY.to_string(), ..usvg::Options::default() };
    let fonts = options.fontdb_mut();
    fonts.load_font_data(FONT_REGULAR.to_vec());
    fonts.load_font_data(FONT_BOLD.to_vec());
    fonts.set_sans_serif_family(FONT_FAMILY);
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| Error::msg(format!("drawing the PNG: {e}")))?;
    let size = tree.size().to_int_size().scale_by(scale).ok_or_else(|| Error::msg("drawing the PNG: the picture has no size"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or_else(|| Error::msg("drawing the PNG: the picture is too large"))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| Error::msg(format!("encoding the PNG: {e}")))
}
