//! Fonts shared by the screen and the exports: the built-in UI font, the installed system
//! fonts that draw what it lacks (Hangul, CJK, arrows), text widths measured with their
//! real glyph advances, and ellipsis truncation.

use std::collections::BTreeSet;
use std::sync::{Arc, OnceLock};

/// The built-in font (egui's default proportional font).
pub const BUILTIN_FAMILY: &str = "Ubuntu";

/// System fonts that draw what the built-in font cannot (Korean, Chinese, Japanese,
/// arrows), in order of preference.
pub const FALLBACK_FAMILIES: [&str; 10] = [
    "Noto Sans CJK KR",
    "Noto Sans KR",
    "NanumGothic",
    "Source Han Sans KR",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
    "DejaVu Sans",
    "Noto Sans",
];

/// One font face's data.
#[derive(Clone, Debug)]
pub struct Face {
    /// Its family name.
    pub family: String,
    /// The font file.
    pub data: Arc<Vec<u8>>,
    /// The face's index in the file (font collections hold several).
    pub index: u32,
}

/// The built-in font.
pub fn builtin() -> &'static Face {
    static FACE: OnceLock<Face> = OnceLock::new();
    FACE.get_or_init(|| Face {
        family: BUILTIN_FAMILY.to_owned(),
        data: Arc::new(epaint_default_fonts::UBUNTU_LIGHT.to_vec()),
        index: 0,
    })
}

/// Installed fallback faces: at most one CJK face and one general face, found once per
/// process (scanning the system's fonts takes a while).
pub fn fallbacks() -> &'static [Face] {
    static FACES: OnceLock<Vec<Face>> = OnceLock::new();
    FACES.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        let mut out = Vec::new();
        for family in FALLBACK_FAMILIES {
            // The regular weight of the family, as close to the UI font's as there is.
            let Some(face) = db
                .faces()
                .filter(|f| f.families.iter().any(|(name, _)| name == family))
                .filter(|f| f.style == fontdb::Style::Normal)
                .min_by_key(|f| (i32::from(f.weight.0) - 400).abs())
            else {
                continue;
            };
            if let Some((data, index)) =
                db.with_face_data(face.id, |data, index| (data.to_vec(), index))
            {
                out.push(Face {
                    family: family.to_owned(),
                    data: Arc::new(data),
                    index,
                });
            }
            if out.len() >= 2 {
                break;
            }
        }
        out
    })
}

/// The SVG `font-family` list: the built-in font, then fonts that draw Hangul and arrows
/// on common systems, then any sans-serif. Fixed, so that the same design gives the same
/// SVG on every machine; a viewer uses the first it has.
pub fn svg_font_family() -> String {
    let mut names: Vec<String> = vec![BUILTIN_FAMILY.to_owned()];
    names.extend(
        [
            "Noto Sans CJK KR",
            "NanumGothic",
            "Apple SD Gothic Neo",
            "Malgun Gothic",
            "DejaVu Sans",
        ]
        .iter()
        .map(|f| format!("'{f}'")),
    );
    names.push("sans-serif".to_owned());
    names.join(", ")
}

/// Parsed faces for measuring: the built-in one first.
struct Metrics {
    faces: Vec<(ttf_parser::Face<'static>, f32)>,
    /// The advance of each ASCII character per unit of size, looked up once.
    ascii: [f32; 128],
}

impl Metrics {
    /// The advance of `c` per unit of size, from the first face that has it.
    fn advance(&self, c: char) -> f32 {
        if let Some(a) = usize::try_from(u32::from(c))
            .ok()
            .and_then(|i| self.ascii.get(i))
        {
            return *a;
        }
        self.lookup(c)
    }

    fn lookup(&self, c: char) -> f32 {
        self.faces
            .iter()
            .find_map(|(face, units)| {
                let g = face.glyph_index(c)?;
                Some(f32::from(face.glyph_hor_advance(g)?) / units)
            })
            .unwrap_or(0.5)
    }
}

fn metrics() -> &'static Metrics {
    static M: OnceLock<Metrics> = OnceLock::new();
    M.get_or_init(|| {
        let faces = std::iter::once(builtin())
            .chain(fallbacks())
            .filter_map(|f| {
                // The data lives for the process, in the statics above.
                let data: &'static [u8] = f.data.as_slice();
                let face = ttf_parser::Face::parse(data, f.index).ok()?;
                let units = f32::from(face.units_per_em());
                Some((face, units))
            })
            .collect();
        let mut m = Metrics {
            faces,
            ascii: [0.0; 128],
        };
        let ascii: Vec<f32> = (0u8..128).map(|b| m.lookup(char::from(b))).collect();
        m.ascii.copy_from_slice(&ascii);
        m
    })
}

/// The width of `text` at `size` pixels, from the glyph advances of the first face that
/// has each character (as egui and resvg pick them). Characters no face has count as
/// half the size.
pub fn text_width(text: &str, size: f32) -> f32 {
    let m = metrics();
    text.chars().map(|c| m.advance(c) * size).sum()
}

/// `text` cut to fit `room` pixels at `size`, ending in "…" when cut.
pub fn ellipsize(text: &str, size: f32, room: f32) -> String {
    if text_width(text, size) <= room {
        return text.to_owned();
    }
    let ellipsis = text_width("…", size);
    let mut width = 0.0;
    let mut out = String::new();
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), size);
        if width + w + ellipsis > room {
            break;
        }
        width += w;
        out.push(c);
    }
    if out.is_empty() {
        return String::new();
    }
    out.push('…');
    out
}

/// The characters of `texts` that neither the built-in font nor an installed fallback
/// can draw.
pub fn missing_glyphs<'a>(texts: impl IntoIterator<Item = &'a str>) -> BTreeSet<char> {
    let m = metrics();
    texts
        .into_iter()
        .flat_map(str::chars)
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .filter(|c| {
            !m.faces
                .iter()
                .any(|(face, _)| face.glyph_index(*c).is_some())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_glyphs() {
        let narrow = text_width("iiiiiiiiii", 13.0);
        let wide = text_width("WWWWWWWWWW", 13.0);
        assert!(wide > narrow * 1.8, "{narrow} vs {wide}");
        assert!((text_width("ab", 26.0) - 2.0 * text_width("ab", 13.0)).abs() < 1e-3);
    }

    #[test]
    fn ellipsize_cuts_at_the_room_and_marks_it() {
        let t = "a long label that does not fit";
        let cut = ellipsize(t, 13.0, 80.0);
        assert!(cut.ends_with('…') && cut.len() < t.len(), "{cut}");
        assert!(text_width(&cut, 13.0) <= 80.0);
        assert_eq!(ellipsize("short", 13.0, 200.0), "short");
    }

    #[test]
    fn latin_is_never_missing() {
        assert!(missing_glyphs(["node-a 10.0.11.10 · us-east-1a"]).is_empty());
    }
}
