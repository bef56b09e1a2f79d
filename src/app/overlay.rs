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

/// The flows drawn on the canvas, for the key they were chosen with, and their drawing for
/// the design revision and theme it was made for (made again every frame of a gesture,
/// whose preview moves the boxes).
#[derive(Debug, Default)]
pub(super) struct ShownFlows(
    Option<(ShownKey, Vec<usize>)>,
    Option<((u64, Vec<usize>, crate::render::Theme), Drawn)>,
);

impl EksplainApp {
    /// The overlay of highlighted flows, the hover texts of blocking components, and the
    /// hover texts of areas (a bundle's list of nodes).
    pub(super) fn flow_overlay(
        &mut self,
        palette: &Palette,
        time: f64,
    ) -> (
        Vec<Primitive>,
        Vec<(String, String)>,
        Vec<(crate::model::Rect, String)>,
    ) {
        self.highlighted.clear();
        let Some((revision, analysis)) = &self.analysis else {
            return (Vec::new(), Vec::new(), Vec::new());
        };
        let selection = self.editor.selection().components();
        // Compared in place: the key is only copied when the choice is made again.
        let stale = self.shown_flows.0.as_ref().is_none_or(|(k, _)| {
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
                            analysis
                                .flows
                                .get(i)
                                .is_some_and(|f| f.hops.iter().any(|h| selection.contains(&h.id)))
                        })
                        .take(MAX_DRAWN)
                        .collect()
                }
            };
            self.shown_flows.0 = Some((key, indices));
        }
        let shown: Vec<&FlowResult> = self
            .shown_flows
            .0
            .as_ref()
            .map(|(_, v)| v.iter().filter_map(|&i| analysis.flows.get(i)).collect())
            .unwrap_or_default();
        let tooltips = shown
            .iter()
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
        if !self.view.show_paths || shown.is_empty() {
            return (Vec::new(), tooltips, Vec::new());
        }
        // Drawn where the boxes are shown: during a drag, where they are being dragged.
        let design = self.editor.shown();
        let mut prims = Vec::new();
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
            prims.extend(crate::render::legend::step_highlight(
                design, flow, step, palette, area,
            ));
            let index = crate::model::DesignIndex::new(design);
            if let Some(c) = flow
                .steps
                .get(step)
                .and_then(|s| s.component.as_deref())
                .and_then(|id| index.get(id))
            {
                prims.extend(crate::render::scene::component_primitives(
                    c, &index, palette,
                ));
            }
        }
        let key = (
            *revision,
            self.shown_flows
                .0
                .as_ref()
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            palette.theme,
        );
        let fresh = self.editor.interaction().is_none()
            && self.shown_flows.1.as_ref().is_some_and(|(k, _)| *k == key);
        if !fresh {
            let drawn = crate::render::flows::flow_primitives(design, &shown, palette);
            self.shown_flows.1 = Some((key, drawn));
        }
        let Some((_, drawn)) = &self.shown_flows.1 else {
            return (prims, tooltips, Vec::new());
        };
        prims.extend(drawn.primitives.iter().cloned());
        self.highlighted = shown
            .iter()
            .map(|f| (f.flow, f.hops.iter().map(|h| h.id.clone()).collect()))
            .collect();
        if self.view.animate {
            prims.extend(crate::render::flows::packets(drawn, palette, time));
        }
        (prims, tooltips, drawn.hovers.clone())
    }
}
