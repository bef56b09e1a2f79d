//! SVG to PNG and PDF on the CPU, with the fonts the screen uses. A large PNG is drawn in
//! horizontal bands on every core and written band by band, quickly compressed.

use std::sync::{Arc, OnceLock};

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::export::{FONT_FAMILY, MAX_PNG_SIDE};

/// Errors of rasterising.
#[derive(Debug, thiserror::Error)]
pub enum PngError {
    /// The SVG text did not parse (a bug: we wrote it).
    #[error("cannot read the SVG: {0}")]
    Svg(String),
    /// The image would be too large.
    #[error("the image would be {0}×{1} pixels; exports are limited to 16384 on each side")]
    TooLarge(u32, u32),
    /// PNG encoding failed.
    #[error("cannot encode the PNG: {0}")]
    Encode(String),
}

/// The fonts of exports: the built-in one and the installed fallbacks, loaded once.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static DB: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_data(super::fonts::builtin().data.as_slice().to_vec());
        for face in super::fonts::fallbacks() {
            db.load_font_data(face.data.as_slice().to_vec());
        }
        Arc::new(db)
    })
    .clone()
}

/// The SVG parsed with the fonts the screen uses.
fn parse_svg(svg: &str) -> Result<usvg::Tree, String> {
    let options = usvg::Options {
        font_family: FONT_FAMILY.to_owned(),
        fontdb: fonts(),
        ..usvg::Options::default()
    };
    usvg::Tree::from_str(svg, &options).map_err(|e| e.to_string())
}

/// Rasterises SVG text on the CPU at `scale` (1×, 2×, 3×); an error when the image
/// would be larger than [`MAX_PNG_SIDE`].
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, PngError> {
    let tree = parse_svg(svg).map_err(PngError::Svg)?;
    render_png(&tree, scale)
}

/// Like [`svg_to_png`], but an image too large for the limit is scaled down to fit;
/// the note says so.
pub fn svg_to_png_fitted(svg: &str, scale: f32) -> Result<(Vec<u8>, Option<String>), PngError> {
    let tree = parse_svg(svg).map_err(PngError::Svg)?;
    let size = tree.size();
    let largest = size.width().max(size.height()) * scale;
    if largest <= MAX_PNG_SIDE as f32 {
        return render_png(&tree, scale).map(|png| (png, None));
    }
    let fitted = (MAX_PNG_SIDE as f32 - 1.0) / size.width().max(size.height());
    let png = render_png(&tree, fitted)?;
    let note = crate::t!(
        "export-scaled-to-fit",
        fitted = format!("{fitted:.2}"),
        scale = scale.to_string(),
        side = MAX_PNG_SIDE.to_string()
    );
    Ok((png, Some(note)))
}

/// Below this many pixels an image is drawn in one piece.
const BAND_FROM: u64 = 4_000_000;

fn render_png(tree: &usvg::Tree, scale: f32) -> Result<Vec<u8>, PngError> {
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or(PngError::TooLarge(0, 0))?;
    let (w, h) = (size.width(), size.height());
    if w > MAX_PNG_SIDE || h > MAX_PNG_SIDE {
        return Err(PngError::TooLarge(w, h));
    }
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let bands = if u64::from(w) * u64::from(h) < BAND_FROM {
        1
    } else {
        u32::try_from(cores.clamp(1, 8)).unwrap_or(1)
    };
    render_in_bands(tree, scale, w, h, bands)
}

/// The image drawn in `bands` horizontal bands, one thread each, and encoded.
fn render_in_bands(
    tree: &usvg::Tree,
    scale: f32,
    w: u32,
    h: u32,
    bands: u32,
) -> Result<Vec<u8>, PngError> {
    let band_h = h.div_ceil(bands);
    let draw = |i: u32| -> Result<Pixmap, PngError> {
        let top = i * band_h;
        let rows = band_h.min(h.saturating_sub(top));
        let mut pixmap = Pixmap::new(w, rows.max(1)).ok_or(PngError::TooLarge(w, h))?;
        resvg::render(
            tree,
            Transform::from_scale(scale, scale).post_translate(0.0, -(top as f32)),
            &mut pixmap.as_mut(),
        );
        Ok(pixmap)
    };
    let pieces: Vec<Result<Pixmap, PngError>> = if bands == 1 {
        vec![draw(0)]
    } else {
        std::thread::scope(|s| {
            let handles: Vec<_> = (0..bands).map(|i| s.spawn(move || draw(i))).collect();
            handles
                .into_iter()
                // A panic while drawing is a bug: it goes on as it would on one thread.
                .map(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                .collect()
        })
    };
    let pieces = pieces.into_iter().collect::<Result<Vec<_>, _>>()?;
    encode(&pieces, w, h)
}

/// The bands, top to bottom, as one PNG: RGB when every pixel is opaque, else RGBA (not
/// premultiplied), compressed for speed.
fn encode(bands: &[Pixmap], w: u32, h: u32) -> Result<Vec<u8>, PngError> {
    let opaque = bands
        .iter()
        .all(|b| b.pixels().iter().all(|p| p.alpha() == 255));
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(if opaque {
        png::ColorType::Rgb
    } else {
        png::ColorType::Rgba
    });
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let err = |e: png::EncodingError| PngError::Encode(e.to_string());
    let mut writer = encoder.write_header().map_err(err)?;
    let mut stream = writer.stream_writer().map_err(err)?;
    let mut row = Vec::with_capacity(w as usize * 4);
    for band in bands {
        for line in band.pixels().chunks(w as usize) {
            row.clear();
            for p in line {
                let c = p.demultiply();
                row.extend_from_slice(&[c.red(), c.green(), c.blue()]);
                if !opaque {
                    row.push(c.alpha());
                }
            }
            std::io::Write::write_all(&mut stream, &row)
                .map_err(|e| PngError::Encode(e.to_string()))?;
        }
    }
    stream.finish().map_err(err)?;
    drop(writer);
    Ok(out)
}

/// A vector PDF of the SVG, with real (embedded, selectable) text.
pub fn svg_to_pdf(svg: &str) -> Result<Vec<u8>, String> {
    let tree = parse_svg(svg)?;
    svg2pdf::to_pdf(
        &tree,
        svg2pdf::ConversionOptions::default(),
        svg2pdf::PageOptions::default(),
    )
    .map_err(|e| crate::t!("export-cannot-write-pdf", error = e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_draw_the_same_pixels_as_one_piece() {
        let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" width="301" height="203">
<rect x="10.3" y="7.7" width="250" height="180" rx="9" fill="#3080d0" stroke="#102030" stroke-width="2.5"/>
<polyline points="0,0 300,200" stroke="#e08000" stroke-width="3" fill="none"/>
<circle cx="150" cy="101" r="40" fill="#20a040" opacity="0.6"/>
<text x="20" y="100" font-size="14">bands</text></svg>"##;
        let tree = parse_svg(svg).unwrap();
        let one = render_in_bands(&tree, 2.0, 602, 406, 1).unwrap();
        for bands in [2, 3, 7] {
            assert_eq!(
                render_in_bands(&tree, 2.0, 602, 406, bands).unwrap(),
                one,
                "{bands}"
            );
        }
    }
}
