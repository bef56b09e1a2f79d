//! Exports for docs and reviews: SVG text and PNG pixels from the same primitives as the
//! screen, plus a Mermaid flowchart. Deterministic: the same design gives the same bytes.

use std::fmt::Write as _;

use super::flows::flow_primitives;
use super::legend::legend;
use super::palette::Palette;
use super::primitive::{Anchor, Primitive, Rgba, Stroke};
use super::scene::build_scene;
use crate::engine::{Analysis, FlowKind, FlowResult};
use crate::model::{ComponentKind, ConnectionKind, Design, Point, Rect, Size};

/// The built-in font family, which the rasteriser always has.
pub const FONT_FAMILY: &str = super::fonts::BUILTIN_FAMILY;

/// The largest PNG side; larger exports are scaled down to fit.
pub const MAX_PNG_SIDE: u32 = 16384;

pub use super::raster::{PngError, svg_to_pdf, svg_to_png, svg_to_png_fitted};

/// What goes into an export.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportOptions {
    /// Flow types to draw.
    pub flows: Vec<FlowKind>,
    /// Title block text; `None` for no title block.
    pub title: Option<String>,
    /// A date for the title block (off by default, for reproducible files).
    pub date: Option<String>,
    /// Fill the background (otherwise transparent).
    pub background: bool,
    /// Walk through one flow: the flow's index in the analysis and the step (from 0) to
    /// highlight, with its sentence as the caption; everything else dims.
    pub step: Option<(usize, usize)>,
    /// SVG only: packets travel the flows (SVG animation, no script); still images are
    /// unchanged.
    pub animate: bool,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            flows: FlowKind::ALL.to_vec(),
            title: None,
            date: None,
            background: true,
            step: None,
            animate: false,
        }
    }
}

/// `text` broken into at most `max_lines` lines of at most `room` wide at `size`, on
/// spaces; the last line ends in "…" when text is left over.
fn wrap(text: &str, size: f32, room: f32, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if line.is_empty() || super::fonts::text_width(&candidate, size) <= room {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_owned()));
        }
    }
    lines.push(line);
    if lines.len() > max_lines {
        let rest = lines.split_off(max_lines - 1).join(" ");
        lines.push(super::fonts::ellipsize(&rest, size, room));
    }
    lines
}

/// What an export writes.
#[derive(Clone, Debug, PartialEq)]
pub enum ExportFormat {
    /// Vector SVG.
    Svg,
    /// PNG at this scale.
    Png(f32),
    /// A vector PDF.
    Pdf,
    /// A Mermaid flowchart.
    Mermaid,
    /// The Markdown report, referring to an image file beside it when given.
    Markdown(Option<String>),
}

impl ExportFormat {
    /// The format a file name's extension asks for (`png` at `scale`).
    pub fn from_extension(ext: &str, scale: f32) -> Option<Self> {
        match ext.to_ascii_lowercase().as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png(scale)),
            "pdf" => Some(Self::Pdf),
            "mmd" => Some(Self::Mermaid),
            "md" => Some(Self::Markdown(None)),
            _ => None,
        }
    }
}

/// The title an export carries: the design's title, else its cluster's name, else the
/// file name it came from.
pub fn export_title(design: &Design, file_name: &str) -> String {
    if !design.title.is_empty() {
        design.title.clone()
    } else if !design.cluster.name.is_empty() {
        design.cluster.name.clone()
    } else {
        file_name.to_owned()
    }
}

/// What an export wrote, and what the user should know about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    /// The file's bytes.
    pub bytes: Vec<u8>,
    /// Said once: scaled to fit, characters no installed font has.
    pub notes: Vec<String>,
}

/// Everything an export writes: the one export function the app and the CLI share.
/// `file_name` names the design in titles and the report.
pub fn export_bytes(
    design: &Design,
    analysis: &Analysis,
    file_name: &str,
    format: &ExportFormat,
    palette: &Palette,
    options: &ExportOptions,
) -> Result<Exported, String> {
    let mut options = options.clone();
    if options.title.is_none() {
        options.title = Some(export_title(design, file_name));
    }
    let mut notes = Vec::new();
    let bytes = match format {
        ExportFormat::Markdown(image) => {
            let mut text = image
                .as_ref()
                .map_or_else(String::new, |i| format!("![{file_name}]({i})\n\n"));
            text.push_str(&crate::engine::report::to_markdown(file_name, analysis));
            text.into_bytes()
        }
        ExportFormat::Mermaid => to_mermaid(design, analysis, &options).into_bytes(),
        ExportFormat::Svg | ExportFormat::Png(_) | ExportFormat::Pdf => {
            let (prims, bounds) = diagram(design, analysis, palette, &options);
            let missing = super::fonts::missing_glyphs(prims.iter().filter_map(|p| match p {
                Primitive::Text { text, .. } => Some(text.as_str()),
                _ => None,
            }));
            if !missing.is_empty() {
                let chars: String = missing.iter().take(20).collect();
                notes.push(crate::t!("export-missing-glyphs", chars = chars));
            }
            let svg = to_svg(&prims, bounds, palette, options.background);
            match format {
                ExportFormat::Png(scale) => {
                    let (png, note) = super::raster::svg_to_png_fitted(&svg, *scale)
                        .map_err(|e| e.to_string())?;
                    notes.extend(note);
                    png
                }
                ExportFormat::Pdf => super::raster::svg_to_pdf(&svg)?,
                _ => svg.into_bytes(),
            }
        }
    };
    Ok(Exported { bytes, notes })
}

/// All primitives of an export and the area they cover.
pub fn diagram(
    design: &Design,
    analysis: &Analysis,
    palette: &Palette,
    options: &ExportOptions,
) -> (Vec<Primitive>, Rect) {
    let scene = build_scene(design, palette);
    let mut prims: Vec<Primitive> = scene.zones.clone();
    for c in &scene.components {
        prims.push(Primitive::Group {
            key: "data-component",
            value: c.id.clone(),
        });
        prims.extend(c.primitives.iter().cloned());
        prims.push(Primitive::EndGroup);
    }
    prims.extend(scene.connections.iter().cloned());
    let content = scene
        .bounds
        .unwrap_or_else(|| Rect::new(Point::new(0.0, 0.0), Size::new(400.0, 200.0)));
    let walked = options
        .step
        .and_then(|(fi, si)| analysis.flows.get(fi).map(|f| (f, si)));
    let shown: Vec<&FlowResult> = match walked {
        Some((f, _)) => vec![f],
        None => analysis
            .flows
            .iter()
            .filter(|f| options.flows.contains(&f.flow))
            .collect(),
    };
    let drawn = flow_primitives(design, &shown, palette);
    // Routes can run around the outermost boxes: the picture holds them.
    let content = drawn
        .flows
        .iter()
        .flat_map(|f| f.legs.iter().flat_map(|l| l.points.iter()))
        .fold(content, |r, p| {
            r.union(&Rect::new(
                Point::new(p.x - 24.0, p.y - 24.0),
                Size::new(48.0, 48.0),
            ))
        });
    if let Some((f, si)) = walked {
        prims.extend(super::legend::step_highlight(
            design, f, si, palette, content,
        ));
        // The step's component stands out of the dimming.
        if let Some(c) = f
            .steps
            .get(si)
            .and_then(|s| s.component.as_deref())
            .and_then(|id| scene.components.iter().find(|c| c.id == id))
        {
            prims.extend(c.primitives.iter().cloned());
        }
    }
    prims.extend(drawn.primitives.iter().cloned());
    if options.animate {
        prims.extend(super::flows::motion(&drawn, palette));
    }
    // Title block and legend above the diagram.
    let header = super::legend::LEGEND_SIZE.h + 16.0;
    let top = content.min.y - header;
    let mut header_prims = Vec::new();
    let title = options.title.clone().unwrap_or_default();
    let mode = crate::i18n::words::mode(analysis.mode);
    let mut subtitle = crate::t!("export-subtitle", mode = mode);
    if let Some(d) = &options.date {
        let _ = write!(subtitle, " · {d}");
    }
    if let Some((f, si)) = walked {
        subtitle = super::legend::step_caption(f, si);
    }
    if options.title.is_some() {
        header_prims.push(Primitive::Text {
            pos: Point::new(content.min.x, top + 18.0),
            anchor: Anchor::LeftCenter,
            text: title,
            size: 18.0,
            color: palette.text,
            bold: true,
        });
    }
    let legend_x = (content.max().x - super::legend::LEGEND_SIZE.w).max(content.min.x + 320.0);
    // The subtitle (a walk-through's sentence can be long) wraps left of the legend.
    for (i, line) in wrap(&subtitle, 12.0, legend_x - content.min.x - 24.0, 3)
        .into_iter()
        .enumerate()
    {
        header_prims.push(Primitive::Text {
            pos: Point::new(content.min.x, top + 42.0 + i as f32 * 16.0),
            anchor: Anchor::LeftCenter,
            text: line,
            size: 12.0,
            color: palette.text_muted,
            bold: false,
        });
    }
    header_prims.extend(legend(
        Point::new(legend_x, top + 10.0),
        &options.flows,
        palette,
    ));
    prims.splice(0..0, header_prims);
    let margin = 20.0;
    let bounds = Rect::new(
        Point::new(content.min.x - margin, top - margin),
        Size::new(
            (content.max().x - content.min.x).max(legend_x + 170.0 - content.min.x) + 2.0 * margin,
            content.size.h + header + 2.0 * margin,
        ),
    );
    (prims, bounds)
}

fn rgb(c: Rgba) -> String {
    c.hex()
}

fn opacity(c: Rgba) -> String {
    if c.3 == 255 {
        String::new()
    } else {
        format!(" fill-opacity=\"{:.3}\"", f32::from(c.3) / 255.0)
    }
}

/// ` fill="#rrggbb"` (with its opacity), or ` fill="none"`.
fn fill_attr(fill: Option<Rgba>) -> String {
    fill.map_or_else(
        || " fill=\"none\"".to_owned(),
        |f| format!(" fill=\"{}\"{}", rgb(f), opacity(f)),
    )
}

fn stroke_attrs(s: Stroke, dashed: bool) -> String {
    let dash = if dashed {
        format!(
            " stroke-dasharray=\"{:.1} {:.1}\"",
            6.0 + s.width,
            4.0 + s.width
        )
    } else {
        String::new()
    };
    format!(
        " stroke=\"{}\" stroke-width=\"{:.2}\"{dash}",
        rgb(s.color),
        s.width
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

fn arrow_head(from: Point, to: Point, width: f32) -> [Point; 3] {
    let (dx, dy) = (to.x - from.x, to.y - from.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-3);
    let (ux, uy) = (dx / len, dy / len);
    let size = 10.0 + width * 2.0;
    let base = Point::new(to.x - ux * size, to.y - uy * size);
    let (nx, ny) = (-uy * size * 0.45, ux * size * 0.45);
    [
        to,
        Point::new(base.x + nx, base.y + ny),
        Point::new(base.x - nx, base.y - ny),
    ]
}

fn points(pts: &[Point]) -> String {
    pts.iter()
        .map(|p| format!("{:.1},{:.1}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Writes primitives as an SVG document covering `bounds`.
pub fn to_svg(prims: &[Primitive], bounds: Rect, palette: &Palette, background: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"{:.1} {:.1} {:.1} {:.1}\" width=\"{:.0}\" height=\"{:.0}\" font-family=\"{}\" font-weight=\"300\">",
        bounds.min.x,
        bounds.min.y,
        bounds.size.w,
        bounds.size.h,
        bounds.size.w,
        bounds.size.h,
        super::fonts::svg_font_family()
    );
    if background {
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
            bounds.min.x,
            bounds.min.y,
            bounds.size.w,
            bounds.size.h,
            rgb(palette.background)
        );
    }
    for p in prims {
        match p {
            Primitive::Rect {
                rect,
                corner,
                fill,
                stroke,
                dashed,
            } => {
                let fill_attr = fill_attr(*fill);
                let stroke_attr = stroke.map_or_else(String::new, |s| stroke_attrs(s, *dashed));
                let _ = writeln!(
                    out,
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" rx=\"{corner:.1}\"{fill_attr}{stroke_attr}/>",
                    rect.min.x, rect.min.y, rect.size.w, rect.size.h
                );
            }
            Primitive::Circle {
                center,
                radius,
                fill,
                stroke,
            } => {
                let fill_attr = fill_attr(*fill);
                let stroke_attr = stroke.map_or_else(String::new, |s| stroke_attrs(s, false));
                let _ = writeln!(
                    out,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{radius:.1}\"{fill_attr}{stroke_attr}/>",
                    center.x, center.y
                );
            }
            Primitive::Line {
                points: pts,
                stroke,
                dashed,
                dotted,
                arrow,
            } => {
                let style = if *dotted {
                    format!(
                        "{} stroke-dasharray=\"0.1 {:.1}\"",
                        stroke_attrs(*stroke, false),
                        4.0 + stroke.width * 1.5
                    )
                } else {
                    stroke_attrs(*stroke, *dashed)
                };
                let _ = writeln!(
                    out,
                    "<polyline points=\"{}\" fill=\"none\" stroke-linecap=\"round\"{style}/>",
                    points(pts)
                );
                if *arrow && let [.., a, b] = pts.as_slice() {
                    let head = arrow_head(*a, *b, stroke.width);
                    let _ = writeln!(
                        out,
                        "<polygon points=\"{}\" fill=\"{}\"/>",
                        points(&head),
                        rgb(stroke.color)
                    );
                }
            }
            Primitive::Polygon {
                points: pts,
                fill,
                stroke,
            } => {
                let fill_attr = fill.map_or_else(
                    || " fill=\"none\"".to_owned(),
                    |f| format!(" fill=\"{}\"", rgb(f)),
                );
                let stroke_attr = stroke.map_or_else(String::new, |s| stroke_attrs(s, false));
                let _ = writeln!(
                    out,
                    "<polygon points=\"{}\"{fill_attr}{stroke_attr}/>",
                    points(pts)
                );
            }
            Primitive::Group { key, value } => {
                let _ = writeln!(out, "<g {key}=\"{}\">", escape(value));
            }
            Primitive::EndGroup => out.push_str("</g>\n"),
            Primitive::Motion {
                legs,
                radius,
                color,
                seconds,
            } => {
                // Each leg a subpath: the dot jumps from a leg's end to the next one's
                // start. Hidden until the animation plays, so still images show no dot.
                let path: String = legs
                    .iter()
                    .filter(|l| l.len() >= 2)
                    .map(|l| format!("M{}", points(l).replace(' ', " L")))
                    .collect::<Vec<_>>()
                    .join(" ");
                let _ = writeln!(
                    out,
                    "<circle r=\"{radius:.1}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"1.5\" opacity=\"0\">\
<set attributeName=\"opacity\" to=\"1\" begin=\"0s\"/>\
<animateMotion dur=\"{seconds:.1}s\" repeatCount=\"indefinite\" path=\"{path}\"/></circle>",
                    rgb(*color),
                    rgb(palette.background)
                );
            }
            Primitive::Text {
                pos,
                anchor,
                text,
                size,
                color,
                bold,
            } => {
                let (ta, baseline, dy) = match anchor {
                    Anchor::LeftCenter => ("start", "central", 0.0),
                    Anchor::Center => ("middle", "central", 0.0),
                    Anchor::RightCenter => ("end", "central", 0.0),
                    Anchor::LeftTop => ("start", "hanging", 0.0),
                };
                // The screen draws every label in the one light UI font; so do exports.
                let _ = bold;
                let weight = "";
                let _ = writeln!(
                    out,
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size:.1}\" text-anchor=\"{ta}\" dominant-baseline=\"{baseline}\" fill=\"{}\"{weight}>{}</text>",
                    pos.x,
                    pos.y + dy,
                    rgb(*color),
                    escape(text)
                );
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

fn mermaid_id(id: &str) -> String {
    id.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn mermaid_label(text: &str) -> String {
    text.replace('"', "'")
}

/// Writes the components under `parent` as Mermaid nodes and subgraphs.
fn emit(out: &mut String, design: &Design, parent: Option<&str>, depth: usize) {
    let pad = "    ".repeat(depth + 1);
    for c in design
        .components
        .iter()
        .filter(|c| c.parent.as_deref() == parent)
    {
        let label = mermaid_label(c.display_label());
        if c.kind.name().is_container() && depth < 16 {
            let _ = writeln!(out, "{pad}subgraph {}[\"{label}\"]", mermaid_id(&c.id));
            emit(out, design, Some(&c.id), depth + 1);
            let _ = writeln!(out, "{pad}end");
        } else if matches!(c.kind, ComponentKind::Note(_)) {
            let _ = writeln!(out, "{pad}{}>\"{label}\"]", mermaid_id(&c.id));
        } else {
            let _ = writeln!(out, "{pad}{}[\"{label}\"]", mermaid_id(&c.id));
        }
    }
}

/// A Mermaid flowchart: containers as subgraphs, components as nodes, flows as numbered,
/// coloured links.
pub fn to_mermaid(design: &Design, analysis: &Analysis, options: &ExportOptions) -> String {
    let mut out = String::from("flowchart LR\n");
    emit(&mut out, design, None, 0);
    let mut link = 0usize;
    let mut styles = Vec::new();
    for conn in &design.connections {
        let arrow = match conn.kind {
            ConnectionKind::Attachment => "---",
            ConnectionKind::Line => "-.-",
        };
        let _ = writeln!(
            out,
            "    {} {arrow} {}",
            mermaid_id(&conn.from),
            mermaid_id(&conn.to)
        );
        link += 1;
    }
    for f in analysis
        .flows
        .iter()
        .filter(|f| options.flows.contains(&f.flow))
    {
        let colour = super::flows::flow_color(f.flow, palette_theme()).hex();
        for (i, pair) in f.hops.windows(2).enumerate() {
            let [a, b] = pair else { continue };
            let _ = writeln!(
                out,
                "    {} -->|\"{} {}\"| {}",
                mermaid_id(&a.id),
                f.flow.json_name(),
                i + 1,
                mermaid_id(&b.id)
            );
            styles.push(format!(
                "    linkStyle {link} stroke:{colour},stroke-width:2px"
            ));
            link += 1;
        }
        if let Some(b) = &f.blocked_at {
            let _ = writeln!(
                out,
                "    style {} stroke:#d22828,stroke-width:3px",
                mermaid_id(b)
            );
        }
    }
    for s in styles {
        out.push_str(&s);
        out.push('\n');
    }
    out
}

const fn palette_theme() -> super::palette::Theme {
    super::palette::Theme::Light
}
