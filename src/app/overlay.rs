//! Which flows the canvas draws, and their drawing over the boxes.

use std::collections::BTreeSet;

use super::EksplainApp;
use crate::engine::{FlowResult, report};
use crate::render::flows::Drawn;
use crate::render::{Palette, Primitive};
use crate::ui::flows::FlowFilter;

/// Beyond this many drawn flows (a bundle counts once), only those of the selected
/// components are drawn.
const MAX_DRAWN: usize = 60;

/// What decides which flows the canvas draws.
#[derive(Clone, Debug, PartialEq)]
struct ShownKey {
    revision: u64,
    selected_flow: Option<usize>,
    filter: FlowFilter,
    selection: BTreeSet<String>,
}

/// What a drawing of the flows was made for: the design revision, the flows, the theme.
type DrawnKey = (u64, Vec<usize>, crate::render::Theme);

/// The flows drawn on the canvas: which (for the key they were chosen with), their
/// blocking components' hover texts, their drawing over the committed design (for the
/// revision, flows and theme it was made for) and, during a gesture, over its preview.
#[derive(Debug, Default)]
pub(super) struct ShownFlows {
    chosen: Option<(ShownKey, Vec<usize>)>,
    tooltips: Vec<(String, String)>,
    drawn: Option<(DrawnKey, Drawn)>,
    preview: Option<Drawn>,
    /// Whether the canvas draws them this frame.
    visible: bool,
    /// Changes whenever the drawing shown changes (the canvas keeps its shapes until then).
    epoch: u64,
}

impl ShownFlows {
    /// The drawing shown this frame, if the flows are shown.
    pub(super) fn current(&self) -> Option<&Drawn> {
        if !self.visible {
            return None;
        }
        self.preview
            .as_ref()
            .or(self.drawn.as_ref().map(|(_, d)| d))
    }

    /// Changes whenever [`Self::current`] may return another drawing.
    pub(super) fn epoch(&self) -> u64 {
        self.epoch
    }

    /// The blocking components' hover texts.
    pub(super) fn tooltips(&self) -> &[(String, String)] {
        &self.tooltips
    }

    /// The indices of the flows chosen for the canvas.
    pub(super) fn indices(&self) -> &[usize] {
        self.chosen.as_ref().map_or(&[], |(_, v)| v.as_slice())
    }
}

impl EksplainApp {
    /// Chooses and draws the flows the canvas shows (kept in `shown_flows`), and returns
    /// what goes under them (a walk-through's dimming) and over them (moving packets).
    pub(super) fn flow_overlay(
        &mut self,
        palette: &Palette,
        time: f64,
    ) -> (Vec<Primitive>, Vec<Primitive>) {
        let was_visible = std::mem::take(&mut self.shown_flows.visible);
        let had_preview = self.shown_flows.preview.is_some();
        let drawn = self.flow_drawing(palette, time);
        let flows = &mut self.shown_flows;
        if was_visible != flows.visible || had_preview || flows.preview.is_some() {
            flows.epoch = flows.epoch.wrapping_add(1);
        }
        drawn
    }

    /// [`Self::flow_overlay`] but for the epoch.
    fn flow_drawing(&mut self, palette: &Palette, time: f64) -> (Vec<Primitive>, Vec<Primitive>) {
        let Some((revision, analysis)) = &self.analysis else {
            return (Vec::new(), Vec::new());
        };
        let selection = self.editor.selection().components();
        // Compared in place: the key is only copied when the choice is made again.
        let stale = self.shown_flows.chosen.as_ref().is_none_or(|(k, _)| {
            k.revision != *revision
                || k.selected_flow != self.selected_flow
                || k.filter != self.flows_view.filter
                || &k.selection != selection
        });
        if stale {
            let key = ShownKey {
                revision: *revision,
                selected_flow: self.selected_flow,
                filter: self.flows_view.filter.clone(),
                selection: selection.clone(),
            };
            let indices = if let Some(i) = self.selected_flow {
                vec![i]
            } else {
                let all: Vec<usize> = analysis
                    .flows
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| self.flows_view.filter.accepts(f))
                    .map(|(i, _)| i)
                    .collect();
                let design = self.editor.design();
                let index = crate::model::DesignIndex::new(design);
                let accepted: Vec<&FlowResult> =
                    all.iter().filter_map(|&i| analysis.flows.get(i)).collect();
                if all.len() <= MAX_DRAWN
                    || crate::render::bundle::bundles(&index, &accepted).len() <= MAX_DRAWN
                {
                    all
                } else {
                    // Too many to read at once: the flows of the selected components.
                    all.into_iter()
                        .filter(|&i| {
                            analysis.flows.get(i).is_some_and(|f| {
                                f.hops.iter().any(|h| selection.contains(h.id.as_str()))
                            })
                        })
                        .take(MAX_DRAWN)
                        .collect()
                }
            };
            self.shown_flows.tooltips = indices
                .iter()
                .filter_map(|&i| analysis.flows.get(i))
                .filter_map(|f| {
                    f.blocked_at.clone().map(|b| {
                        (
                            b,
                            format!(
                                "{} {}: {}",
                                report::who(f),
                                f.code.map_or("?", crate::engine::Code::as_str),
                                f.reason
                            ),
                        )
                    })
                })
                .collect();
            self.shown_flows.chosen = Some((key, indices));
        }
        let indices = self.shown_flows.indices();
        if !self.view.show_paths || indices.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let shown: Vec<&FlowResult> = indices
            .iter()
            .filter_map(|&i| analysis.flows.get(i))
            .collect();
        let key = (*revision, indices.to_vec(), palette.theme);
        let committed = self.editor.design();
        if self
            .shown_flows
            .drawn
            .as_ref()
            .is_none_or(|(k, _)| *k != key)
        {
            let drawn = crate::render::flows::flow_primitives(committed, &shown, palette);
            self.shown_flows.drawn = Some((key, drawn));
            self.shown_flows.epoch = self.shown_flows.epoch.wrapping_add(1);
        }
        // During a gesture the flows follow the boxes where they are being dragged; routes
        // that nothing moved near are taken over.
        let design = self.editor.shown();
        self.shown_flows.preview = None;
        if self.editor.interaction().is_some()
            && let Some((_, base)) = &self.shown_flows.drawn
        {
            let (moved, moved_ids) = moved_boxes(committed, design);
            let reuse = moved.as_ref().map(|m| crate::render::flows::Reuse {
                base,
                moved: m,
                moved_ids: &moved_ids,
            });
            self.shown_flows.preview = Some(crate::render::flows::flow_primitives_reusing(
                design, &shown, palette, reuse,
            ));
        }
        self.shown_flows.visible = true;
        let mut before = Vec::new();
        if let (Some(step), [flow]) = (self.walk, shown.as_slice()) {
            // Walking through a flow: everything dims but the step's component and the flow.
            let area = design
                .components
                .iter()
                .map(crate::model::Component::rect)
                .reduce(|a, b| a.union(&b))
                .unwrap_or_default();
            let area = crate::model::Rect::new(
                crate::model::Point::new(area.min.x - 2000.0, area.min.y - 2000.0),
                crate::model::Size::new(area.size.w + 4000.0, area.size.h + 4000.0),
            );
            before.extend(crate::render::legend::step_highlight(
                design, flow, step, palette, area,
            ));
            let index = crate::model::DesignIndex::new(design);
            if let Some(c) = flow
                .steps
                .get(step)
                .and_then(|s| s.component.as_deref())
                .and_then(|id| index.get(id))
            {
                before.extend(crate::render::scene::component_primitives(
                    c, &index, palette,
                ));
            }
        }
        let after = match self.shown_flows.current() {
            Some(drawn) if self.view.animate => crate::render::flows::packets(drawn, palette, time),
            _ => Vec::new(),
        };
        (before, after)
    }
}

/// The boxes that moved between `before` and `now` (where they are now) and their ids;
/// `None` for the boxes when the designs do not hold the same components.
fn moved_boxes(
    before: &crate::model::Design,
    now: &crate::model::Design,
) -> (
    Option<Vec<crate::model::Rect>>,
    std::collections::HashSet<String>,
) {
    let mut ids = std::collections::HashSet::new();
    if before.components.len() != now.components.len() {
        return (None, ids);
    }
    let mut rects = Vec::new();
    // A gesture's preview is the design with boxes moved or resized: the same components
    // in the same order.
    for (a, b) in before.components.iter().zip(&now.components) {
        if a.rect() != b.rect() {
            if a.id != b.id {
                return (None, ids);
            }
            rects.push(b.rect());
            ids.insert(b.id.clone());
        }
    }
    (Some(rects), ids)
}
