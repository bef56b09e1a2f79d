//! What explains the flows around them: the legend, and a walk-through's caption and
//! highlight.

use super::flows::flow_color;
use super::palette::Palette;
use super::primitive::{Anchor, Primitive, Rgba, Stroke};
use crate::engine::{FlowKind, FlowResult};
use crate::model::{Design, DesignIndex, Point, Rect, Size};

/// The caption of step `step` (from 0) of a flow: "step 2 of 4: …".
pub fn step_caption(f: &FlowResult, step: usize) -> String {
    let n = f.steps.len();
    f.steps.get(step).map_or_else(
        || format!("{}: no step {}", crate::engine::report::who(f), step + 1),
        |s| {
            format!(
                "{} · step {} of {n}: {}",
                crate::engine::report::who(f),
                step + 1,
                s.text
            )
        },
    )
}

/// What a step of a walk-through adds over the diagram: everything dims, and the step's
/// component is outlined in the flow's colour (the flow itself is drawn over the dimming).
pub fn step_highlight(
    design: &Design,
    f: &FlowResult,
    step: usize,
    palette: &Palette,
    area: Rect,
) -> Vec<Primitive> {
    let bg = palette.background;
    let mut out = vec![Primitive::Rect {
        rect: Rect::new(
            Point::new(area.min.x - 10.0, area.min.y - 10.0),
            Size::new(area.size.w + 20.0, area.size.h + 20.0),
        ),
        corner: 0.0,
        fill: Some(Rgba(bg.0, bg.1, bg.2, 165)),
        stroke: None,
        dashed: false,
    }];
    let index = DesignIndex::new(design);
    if let Some(c) = f
        .steps
        .get(step)
        .and_then(|s| s.component.as_deref())
        .and_then(|id| index.get(id))
    {
        let r = c.rect();
        out.push(Primitive::Rect {
            rect: Rect::new(
                Point::new(r.min.x - 6.0, r.min.y - 6.0),
                Size::new(r.size.w + 12.0, r.size.h + 12.0),
            ),
            corner: 8.0,
            fill: None,
            stroke: Some(Stroke::new(3.5, flow_color(f.flow, palette.theme))),
            dashed: false,
        });
    }
    out
}

/// A flow type in words, not "→", so that it reads the same in every font.
pub fn flow_words(kind: FlowKind) -> String {
    match kind {
        FlowKind::KubectlToApi => crate::t!("legend-kubectl-to-api"),
        FlowKind::ApiToKubelet => crate::t!("legend-api-to-kubelet"),
        FlowKind::KubeletToApi => crate::t!("legend-kubelet-to-api"),
    }
}

/// The legend's size in canvas units, for placing it.
pub const LEGEND_SIZE: Size = Size::new(400.0, 76.0);

/// The legend: one coloured line and name per flow type shown, then what the dashes, dots,
/// badges and red outline mean; two columns, `LEGEND_SIZE` at most, top-left at `at`.
pub fn legend(at: Point, kinds: &[FlowKind], palette: &Palette) -> Vec<Primitive> {
    let mut out = Vec::new();
    let row = |out: &mut Vec<Primitive>, x: f32, y: f32, text: &str| {
        out.push(Primitive::Text {
            pos: Point::new(x + 36.0, y),
            anchor: Anchor::LeftCenter,
            text: text.to_owned(),
            size: 11.0,
            color: palette.text,
            bold: false,
        });
    };
    for (i, kind) in FlowKind::ALL
        .iter()
        .filter(|k| kinds.contains(k))
        .enumerate()
    {
        let y = at.y + 6.0 + i as f32 * 18.0;
        out.push(Primitive::Line {
            points: vec![Point::new(at.x, y), Point::new(at.x + 28.0, y)],
            stroke: Stroke::new(3.0, flow_color(*kind, palette.theme)),
            dashed: false,
            dotted: false,
            arrow: true,
        });
        // Words, not "→", so that the legend reads the same in every font.
        row(&mut out, at.x, y, &flow_words(*kind));
    }
    let x = at.x + 190.0;
    let line = |dashed: bool, dotted: bool, y: f32| Primitive::Line {
        points: vec![Point::new(x, y), Point::new(x + 28.0, y)],
        stroke: Stroke::new(3.0, palette.text_muted),
        dashed,
        dotted,
        arrow: false,
    };
    let y = at.y + 6.0;
    out.push(line(true, false, y));
    row(&mut out, x, y, &crate::t!("legend-internet"));
    out.push(line(false, true, y + 18.0));
    row(&mut out, x, y + 18.0, &crate::t!("legend-aws-public"));
    out.push(Primitive::Circle {
        center: Point::new(x + 14.0, y + 36.0),
        radius: 7.0,
        fill: Some(palette.text_muted),
        stroke: None,
    });
    out.push(Primitive::Text {
        pos: Point::new(x + 14.0, y + 36.0),
        anchor: Anchor::Center,
        text: "1".to_owned(),
        size: 9.0,
        color: Rgba::rgb(255, 255, 255),
        bold: true,
    });
    row(&mut out, x, y + 36.0, &crate::t!("legend-step"));
    out.push(Primitive::Rect {
        rect: Rect::new(Point::new(x + 4.0, y + 48.0), Size::new(20.0, 12.0)),
        corner: 3.0,
        fill: None,
        stroke: Some(Stroke::new(2.5, palette.error)),
        dashed: false,
    });
    row(&mut out, x, y + 54.0, &crate::t!("legend-blocked"));
    out
}
