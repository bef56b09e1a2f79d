//! The diagram canvas: an egui_graphs view whose nodes draw our render primitives.
//! `graph` adapts components to egui_graphs, `gestures` turns the pointer into actions,
//! `navigation` zooms and pans, `overlay` draws what goes over the boxes.

mod gestures;
mod graph;
mod navigation;
mod overlay;
mod summary;

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use egui::{Pos2, Shape, Vec2};
use egui_graphs::{
    DisplayNode as _, DrawContext, GraphView, MetadataFrame, SettingsInteraction,
    SettingsNavigation,
};
use petgraph::stable_graph::NodeIndex;

use super::paint::{ScreenFromCanvas, ShapeCache, TessKey};
use super::theme::color;
use crate::model::{Design, Handle, KindName, Point, Rect};
use crate::render::Palette;
use crate::render::{Primitive, scene};

pub use crate::editor::{GRID, snap};
pub use graph::{
    CanvasGraph, ComponentShape, ConnectionShape, FixedLayout, FixedLayoutState, NodeData,
};

/// What the user did on the canvas this frame; the app turns these into edits.
#[derive(Clone, Debug, PartialEq)]
pub enum CanvasAction {
    /// Replace the selection.
    Select(Vec<String>),
    /// Add or remove one component from the selection.
    ToggleSelect(String),
    /// Select one connection by index.
    SelectConnection(usize),
    /// Clear the selection.
    ClearSelection,
    /// A move of the selection started.
    DragStart(Vec<String>),
    /// The pointer moved by this total offset since the drag started (canvas units).
    DragTo(Point),
    /// The drag ended.
    DragEnd,
    /// A resize of one component by one of its handles started.
    ResizeStart(String, Handle),
    /// The resize handle moved by this total offset (canvas units).
    ResizeTo(Point),
    /// The resize ended.
    ResizeEnd,
    /// Place a new component of this kind with its centre here.
    Place(KindName, Point),
    /// Connect two components.
    Connect(String, String),
    /// Give a component this label (typed in place on the canvas).
    EditLabel(String, String),
}

/// The current pointer gesture on the canvas.
#[derive(Clone, Debug, Default, PartialEq)]
enum Gesture {
    #[default]
    None,
    Pan,
    Move {
        press: Point,
    },
    Resize {
        press: Point,
    },
    BoxSelect {
        press: Point,
    },
    Connect {
        from: String,
    },
}

/// The canvas: a graph mirroring the design, rebuilt when the design changes.
pub struct Canvas {
    graph: CanvasGraph,
    node_of: HashMap<String, NodeIndex>,
    /// (id, kind, rect) in drawing order, for hit testing.
    hits: Vec<(String, KindName, Rect)>,
    /// Containers' summaries, by their index in `hits`, written when text is too small.
    summaries: Vec<(usize, Arc<str>)>,
    connections: Vec<Primitive>,
    /// The internet and AWS cloud zones, drawn under the boxes.
    zones: Vec<Primitive>,
    connection_paths: Vec<Vec<Point>>,
    built_for: Option<u64>,
    content_built_for: Option<u64>,
    hit_of: HashMap<String, usize>,
    /// For each component in design order: its index in `hits` and its graph node.
    slots: Vec<(usize, NodeIndex)>,
    bounds: Option<Rect>,
    fit_pending: bool,
    /// The view still shows the last fit (the user has not zoomed or panned since): it is
    /// fitted again when the canvas changes size, as when the window or a panel is resized.
    auto_fit: bool,
    fitted_size: Option<Vec2>,
    view_id: String,
    gesture: Gesture,
    pointer_canvas: Option<Point>,
    /// Frames in which the egui_graphs view ran (it asks for a repaint every time).
    pub graph_view_frames: u64,
    last_transform: Option<ScreenFromCanvas>,
    fit_frames: u8,
    shown_selection: Option<BTreeSet<String>>,
    selection_built_for: Option<u64>,
    center_request: Option<Point>,
    zoom_request: Option<f32>,
    /// Bumped whenever what the nodes draw may have changed.
    generation: u64,
    /// The shapes of the last idle frame, reused while nothing changed.
    idle_cache: ShapeCache<IdleKey>,
    /// The summaries and connections over the boxes, kept like the boxes.
    base_cache: ShapeCache<OverlayKey>,
    /// The flows' shapes, kept while the flows and the view stay the same.
    flows_cache: ShapeCache<OverlayKey>,
    /// The fonts epoch the kept drawings were made in.
    fonts_epoch: u64,
    /// A label being typed in place: the component and the text so far.
    label_edit: Option<(String, String)>,
    /// The legend's shapes, for where, in which colours and fonts, and what it said.
    legend_cache: Option<LegendKey>,
    /// Screen height kept free for the legend at the bottom when fitting.
    legend_reserved: f32,
    /// The view the boxes were drawn with in the last frame (the overlay uses
    /// `last_transform`; the two must agree).
    boxes_transform: Option<ScreenFromCanvas>,
}

/// The legend's cached shapes and what they were drawn for.
type LegendKey = (
    (egui::Rect, crate::render::Rgba, u64),
    Vec<Primitive>,
    Vec<Shape>,
);

/// What an idle frame's drawing depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
struct IdleKey {
    generation: u64,
    zoom: f32,
    pan: Vec2,
}

/// What the overlay's kept shapes depend on: the view, the fonts, and what they show (the
/// design revision drawn, or the flows' epoch).
#[derive(Clone, Copy, Debug, PartialEq)]
struct OverlayKey {
    t: ScreenFromCanvas,
    fonts_epoch: u64,
    content: u64,
}

impl Default for Canvas {
    fn default() -> Self {
        Self::new("canvas")
    }
}

/// Which state of the design the canvas shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SyncKey {
    /// Changes with every change to the design (and the theme).
    pub revision: u64,
    /// Changes with every change other than moving components.
    pub content: u64,
}

/// What the canvas needs from the app each frame.
pub struct CanvasInput<'a> {
    /// Selected component ids.
    pub selection: &'a BTreeSet<String>,
    /// Selected connection, if any.
    pub selected_connection: Option<usize>,
    /// The placing tool's kind, if placing.
    pub placing: Option<KindName>,
    /// The connect tool is on.
    pub connecting: bool,
    /// Colours.
    pub palette: &'a Palette,
    /// Drawn over the boxes under the flows, made again each frame (a walk-through's dimming).
    pub under: &'a [Primitive],
    /// The highlighted flows, drawn above the boxes, with an epoch that changes whenever
    /// they do: their shapes are kept until it changes.
    pub flows: (u64, &'a [Primitive]),
    /// Drawn over the flows, made again each frame (moving packets).
    pub over: &'a [Primitive],
    /// Hover texts of components (the reason a flow is blocked there).
    pub tooltips: &'a [(String, String)],
    /// Hover texts of canvas areas (a bundle's list of nodes).
    pub hover_areas: &'a [(Rect, String)],
    /// The handle of a resize in progress.
    pub resizing: Option<Handle>,
    /// The fonts epoch ([`super::paint::FontsWatch`]): drawings with text from an older one
    /// are redone.
    pub fonts_epoch: u64,
    /// Alignment guides of a drag in progress (canvas units).
    pub guides: &'a [(Point, Point)],
    /// The legend, in screen pixels from its top-left corner; drawn at the bottom left of
    /// the canvas (empty: none).
    pub legend: &'a [Primitive],
    /// The committed design (labels to edit in place).
    pub labels: &'a Design,
}

impl Canvas {
    /// A canvas whose view state is stored under `view_id`.
    pub fn new(view_id: &str) -> Self {
        Self {
            graph: CanvasGraph::new(),
            node_of: HashMap::new(),
            hits: Vec::new(),
            summaries: Vec::new(),
            connections: Vec::new(),
            zones: Vec::new(),
            connection_paths: Vec::new(),
            built_for: None,
            content_built_for: None,
            hit_of: HashMap::new(),
            slots: Vec::new(),
            bounds: None,
            fit_pending: true,
            auto_fit: true,
            fitted_size: None,
            view_id: view_id.to_owned(),
            gesture: Gesture::None,
            pointer_canvas: None,
            graph_view_frames: 0,
            last_transform: None,
            fit_frames: 2,
            shown_selection: None,
            selection_built_for: None,
            center_request: None,
            zoom_request: None,
            generation: 0,
            idle_cache: ShapeCache::default(),
            base_cache: ShapeCache::default(),
            flows_cache: ShapeCache::default(),
            fonts_epoch: 0,
            label_edit: None,
            legend_cache: None,
            legend_reserved: 0.0,
            boxes_transform: None,
        }
    }

    /// Asks for the view to fit the whole design on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_pending = true;
        self.auto_fit = true;
        // Fit again on the next frame too: panels settle their sizes in the first one.
        self.fit_frames = 2;
    }

    /// The screen position of a canvas point, as drawn in the last frame.
    pub fn screen_pos(&self, p: Point) -> Option<egui::Pos2> {
        self.last_transform.map(|t| t.pos(p))
    }

    /// The screen position of a component's centre, as drawn in the last frame.
    pub fn screen_center(&self, id: &str) -> Option<egui::Pos2> {
        let r = self.hit_rect(id)?;
        self.screen_pos(r.center())
    }

    /// Zooms by `factor` about the centre of the view on the next frame.
    pub fn zoom_by(&mut self, factor: f32) {
        self.zoom_request = Some(self.zoom_request.unwrap_or(1.0) * factor);
    }

    /// Centres the view on a canvas point on the next frame.
    pub fn center_on(&mut self, p: Point) {
        self.center_request = Some(p);
    }

    /// The views the boxes and the overlay were drawn with in the last frame.
    pub fn drawn_transforms(&self) -> (Option<ScreenFromCanvas>, Option<ScreenFromCanvas>) {
        (self.boxes_transform, self.last_transform)
    }

    /// The current zoom (screen pixels per canvas unit).
    pub fn zoom(&self) -> Option<f32> {
        self.last_transform.map(|t| t.zoom)
    }

    /// Forgets any gesture in progress, and a label being typed (after Esc or a file load).
    pub fn cancel_gesture(&mut self) {
        self.gesture = Gesture::None;
        self.label_edit = None;
    }

    /// Starts typing the label of `id` in place (double-click, or F2 on the selection).
    pub fn edit_label(&mut self, id: &str, label: &str) {
        self.label_edit = Some((id.to_owned(), label.to_owned()));
    }

    /// True while a label is typed in place.
    pub fn is_editing_label(&self) -> bool {
        self.label_edit.is_some()
    }

    /// True while the user drags or resizes something.
    pub fn is_interacting(&self) -> bool {
        !matches!(self.gesture, Gesture::None)
    }

    /// Number of components shown.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// The canvas position under the pointer, when the pointer is over the canvas.
    pub fn pointer_canvas(&self) -> Option<Point> {
        self.pointer_canvas
    }

    /// Where the component `id` is drawn on screen (for tests and tooltips), given the
    /// canvas rectangle of the last frame.
    pub fn screen_rect_of(
        &self,
        ui: &egui::Ui,
        canvas_rect: egui::Rect,
        id: &str,
    ) -> Option<egui::Rect> {
        let r = self.hit_rect(id)?;
        let t = self.transform(ui, canvas_rect);
        Some(egui::Rect::from_min_max(t.pos(r.min), t.pos(r.max())))
    }

    /// Brings the graph up to date with the design. `key` changes with every change to the
    /// design; `content_key` only with changes other than moves. When only positions
    /// changed (a drag in progress), nodes, hit areas and connections are moved in place
    /// instead of rebuilding every drawing.
    pub fn sync(
        &mut self,
        design: &Design,
        key: SyncKey,
        palette: &Palette,
        selection: &BTreeSet<String>,
    ) {
        if self.built_for == Some(key.revision) {
            return;
        }
        self.generation += 1;
        if self.content_built_for == Some(key.content) && self.move_in_place(design, palette) {
            self.built_for = Some(key.revision);
            return;
        }
        let scene = scene::build_scene(design, palette);
        let mut graph = CanvasGraph::new();
        let mut node_of = HashMap::with_capacity(scene.components.len());
        let mut hits = Vec::with_capacity(scene.components.len());
        let mut summaries = Vec::new();
        for drawing in scene.components {
            let center = drawing.rect.center();
            let mut prims = drawing.primitives;
            for p in &mut prims {
                p.translate(-center.x, -center.y);
            }
            let data = NodeData {
                selected: selection.contains(&drawing.id),
                id: drawing.id.clone(),
                kind: drawing.kind,
                size: drawing.rect.size,
                primitives: Arc::new(prims),
                selection_color: palette.selection,
            };
            if !drawing.summary.is_empty() {
                summaries.push((hits.len(), Arc::from(drawing.summary.as_str())));
            }
            let idx = graph.add_node_with_location(data, Pos2::new(center.x, center.y));
            if let Some(n) = graph.node_mut(idx) {
                let props = n.props().clone();
                n.display_mut().update(&props);
            }
            hits.push((drawing.id.clone(), drawing.kind, drawing.rect));
            node_of.insert(drawing.id, idx);
        }
        for conn in &design.connections {
            if let (Some(a), Some(b)) = (node_of.get(&conn.from), node_of.get(&conn.to)) {
                graph.add_edge(*a, *b, ());
            }
        }
        self.hit_of = hits
            .iter()
            .enumerate()
            .map(|(i, h)| (h.0.clone(), i))
            .collect();
        self.slots = design
            .components
            .iter()
            .filter_map(|c| Some((*self.hit_of.get(&c.id)?, *node_of.get(&c.id)?)))
            .collect();
        self.graph = graph;
        self.node_of = node_of;
        self.hits = hits;
        self.summaries = summaries;
        self.connection_paths = scene.connection_paths;
        self.connections = scene.connections;
        self.zones = scene.zones;
        self.bounds = scene.bounds;
        self.built_for = Some(key.revision);
        self.content_built_for = Some(key.content);
    }

    /// Moves every node whose component moved; false when the design no longer matches
    /// the graph (then it must be rebuilt).
    fn move_in_place(&mut self, design: &Design, palette: &Palette) -> bool {
        if design.components.len() != self.slots.len() {
            return false;
        }
        let mut moved = false;
        let mut bounds: Option<Rect> = None;
        for (c, &(i, idx)) in design.components.iter().zip(&self.slots) {
            let Some(hit) = self.hits.get_mut(i) else {
                return false;
            };
            let rect = c.rect();
            if hit.0 != c.id || hit.2.size != rect.size {
                return false;
            }
            if hit.2.min != rect.min {
                hit.2 = rect;
                moved = true;
                let center = rect.center();
                if let Some(n) = self.graph.node_mut(idx) {
                    n.set_location(Pos2::new(center.x, center.y));
                    let props = n.props().clone();
                    n.display_mut().update(&props);
                }
            }
            bounds = Some(bounds.map_or(rect, |b| b.union(&rect)));
        }
        if moved {
            let (zones, zone_bounds) = scene::zone_primitives(design, palette);
            self.zones = zones;
            if let (Some(b), Some(z)) = (bounds, zone_bounds) {
                bounds = Some(b.union(&z));
            }
            self.bounds = bounds;
        }
        if moved && !design.connections.is_empty() {
            (self.connections, self.connection_paths) =
                scene::connection_primitives(design, palette);
        }
        true
    }

    /// Marks the selected components in the graph (no rebuild).
    pub fn set_selection(&mut self, selection: &BTreeSet<String>) {
        if self.shown_selection.as_ref() == Some(selection)
            && self.built_for == self.selection_built_for
        {
            return;
        }
        self.generation += 1;
        self.shown_selection = Some(selection.clone());
        self.selection_built_for = self.built_for;
        // Order does not matter here: each node is updated on its own.
        #[expect(clippy::iter_over_hash_type, reason = "independent per-node updates")]
        for (id, idx) in &self.node_of {
            if let Some(n) = self.graph.node_mut(*idx) {
                let sel = selection.contains(id);
                if n.payload().selected != sel {
                    n.payload_mut().selected = sel;
                    let props = n.props().clone();
                    n.display_mut().update(&props);
                }
            }
        }
    }

    fn transform(&self, ui: &egui::Ui, rect: egui::Rect) -> ScreenFromCanvas {
        let meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        ScreenFromCanvas {
            zoom: meta.zoom,
            offset: meta.pan + rect.left_top().to_vec2(),
        }
    }

    /// Drops every drawing kept between frames (their text belongs to fonts that are gone).
    fn forget_drawings(&mut self) {
        self.generation += 1;
        self.idle_cache.clear();
        self.base_cache.clear();
        self.flows_cache.clear();
        let indices: Vec<NodeIndex> = self.graph.g().node_indices().collect();
        for idx in indices {
            if let Some(n) = self.graph.node_mut(idx) {
                n.display_mut().cache = None;
            }
        }
    }

    /// The fonts epoch of the drawings kept between frames.
    pub fn fonts_epoch(&self) -> u64 {
        self.fonts_epoch
    }

    /// The rectangle of a shown component.
    fn hit_rect(&self, id: &str) -> Option<Rect> {
        self.hit_of
            .get(id)
            .and_then(|&i| self.hits.get(i))
            .map(|h| h.2)
    }

    /// The topmost component under `p`. Containers are hit anywhere on their body (what
    /// they hold is drawn later, so it is found first); empty canvas is outside every box.
    pub fn hit(&self, p: Point) -> Option<&str> {
        self.hits
            .iter()
            .rev()
            .find(|(_, _, r)| r.contains(p))
            .map(|(id, _, _)| id.as_str())
    }

    /// True when `p` is on a container's body, not its header or border (where Shift-drag
    /// box-selects instead of moving the container).
    fn on_container_body(&self, p: Point) -> bool {
        self.hits
            .iter()
            .rev()
            .find(|(_, _, r)| r.contains(p))
            .is_some_and(|(_, kind, r)| {
                kind.is_container() && !scene::hit_area_contains(*kind, r, p)
            })
    }

    fn hit_connection(&self, p: Point, tolerance: f32) -> Option<usize> {
        self.connection_paths.iter().position(|path| {
            path.windows(2).any(|w| {
                let [a, b] = w else { return false };
                let (ab_x, ab_y) = (b.x - a.x, b.y - a.y);
                let len2 = ab_x * ab_x + ab_y * ab_y;
                if len2 <= f32::EPSILON {
                    return false;
                }
                let t = (((p.x - a.x) * ab_x + (p.y - a.y) * ab_y) / len2).clamp(0.0, 1.0);
                let (cx, cy) = (a.x + t * ab_x, a.y + t * ab_y);
                ((p.x - cx).powi(2) + (p.y - cy).powi(2)).sqrt() <= tolerance
            })
        })
    }

    /// The screen squares of a component's resize handles.
    fn handle_rects(&self, t: &ScreenFromCanvas, id: &str) -> Vec<(Handle, egui::Rect)> {
        let Some(r) = self.hit_rect(id) else {
            return Vec::new();
        };
        Handle::ALL
            .iter()
            .map(|h| {
                let at = t.pos(h.position(&r));
                (*h, egui::Rect::from_center_size(at, egui::vec2(9.0, 9.0)))
            })
            .collect()
    }

    /// The handle of the single selected component under a screen position.
    fn handle_at(
        &self,
        t: &ScreenFromCanvas,
        selection: &BTreeSet<String>,
        pos: Pos2,
    ) -> Option<(String, Handle)> {
        if selection.len() != 1 {
            return None;
        }
        let id = selection.iter().next()?;
        self.handle_rects(t, id)
            .into_iter()
            .find(|(_, r)| r.expand(2.0).contains(pos))
            .map(|(h, _)| (id.clone(), h))
    }

    /// Shows the canvas filling the available space; returns the user's actions.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        input: &CanvasInput<'_>,
    ) -> (egui::Response, Vec<CanvasAction>) {
        let mut actions = Vec::new();
        if input.fonts_epoch != self.fonts_epoch {
            self.forget_drawings();
            self.fonts_epoch = input.fonts_epoch;
        }
        let rect = ui.available_rect_before_wrap();
        self.legend_reserved = if input.legend.is_empty() {
            0.0
        } else {
            crate::render::legend::LEGEND_SIZE.h + 32.0
        };
        ui.painter()
            .rect_filled(rect, 0, color(input.palette.background));
        // The view for this frame is settled before anything is drawn: boxes and overlay
        // always agree (a resize of the window refits both at once).
        self.apply_view_requests(ui, rect);
        let hover = ui
            .ctx()
            .pointer_hover_pos()
            .filter(|p| rect.contains(*p) && ui.rect_contains_pointer(rect));
        let mut t = self.transform(ui, rect);
        if self.navigate(ui, hover, rect, &t) {
            t = self.transform(ui, rect);
        }
        self.last_transform = Some(t);
        // egui_graphs asks for a repaint on every frame it runs, so it only runs while the
        // user interacts with the canvas; idle frames draw the same shapes without it.
        let busy = ui.ctx().input(|i| {
            !i.events.is_empty()
                || i.pointer.is_moving()
                || i.pointer.any_down()
                || i.smooth_scroll_delta != Vec2::ZERO
        }) && ui.rect_contains_pointer(rect)
            || self.is_interacting()
            || self.fit_pending;
        // The zones lie under everything else (idle frames keep them with the boxes).
        if busy && !self.zones.is_empty() {
            let shapes = zone_shapes(ui, &self.zones, &t);
            ui.painter_at(rect).extend(shapes);
        }
        self.boxes_transform = Some(t);
        let response = if busy {
            self.graph_view_frames += 1;
            // Hover marks may change.
            self.generation += 1;
            let interaction = SettingsInteraction::new()
                .with_dragging_enabled(false)
                .with_hover_enabled(true)
                .with_node_clicking_enabled(false)
                .with_node_selection_enabled(false);
            let navigation = SettingsNavigation::new()
                .with_fit_to_screen_enabled(false)
                .with_zoom_and_pan_enabled(false);
            GraphView::<FixedLayoutState, FixedLayout>::new()
                .with_interactions(&interaction)
                .with_navigations(&navigation)
                .with_id(Some(self.view_id.clone()))
                .show(ui, &mut self.graph)
                .response
        } else {
            let response = ui.allocate_rect(rect, egui::Sense::click_and_drag());
            self.draw_idle(ui, rect);
            response
        };
        let rect = response.rect;
        let pointer = response
            .hover_pos()
            .or_else(|| ui.ctx().pointer_interact_pos());
        self.pointer_canvas = pointer.map(|p| t.inverse(p));
        self.gestures(ui, &response, &t, input, &mut actions);
        if let Some(kind) = response.dnd_release_payload::<KindName>()
            && let Some(p) = response.hover_pos()
        {
            actions.push(CanvasAction::Place(*kind, t.inverse(p)));
        }
        self.label_edit_ui(ui, &t, &mut actions);
        self.paint_overlay(ui, rect, &t, input);
        (response, actions)
    }

    /// Draws the graph without egui_graphs (identical shapes, no repaint request).
    fn draw_idle(&mut self, ui: &egui::Ui, rect: egui::Rect) {
        let mut meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        meta.pan += rect.left_top().to_vec2();
        let painter = ui.painter_at(rect);
        let key = IdleKey {
            generation: self.generation,
            zoom: meta.zoom,
            pan: meta.pan,
        };
        let t = ScreenFromCanvas {
            zoom: meta.zoom,
            offset: meta.pan,
        };
        let (zones, graph) = (&self.zones, &mut self.graph);
        let shapes = self
            .idle_cache
            .get(ui.ctx(), TessKey::new(ui.ctx(), rect), key, || {
                let style = egui_graphs::SettingsStyle::new();
                let ctx = DrawContext {
                    ctx: ui.ctx(),
                    painter: &painter,
                    style: &style,
                    is_directed: true,
                    meta: &meta,
                };
                let mut shapes = zone_shapes(ui, zones, &t);
                let indices: Vec<NodeIndex> = graph.g().node_indices().collect();
                for idx in indices {
                    if let Some(n) = graph.node_mut(idx) {
                        shapes.extend(n.display_mut().shapes(&ctx));
                    }
                }
                shapes
            });
        painter.extend(shapes.iter().cloned());
    }
}

/// The zones' shapes for the view `t`.
fn zone_shapes(ui: &egui::Ui, zones: &[Primitive], t: &ScreenFromCanvas) -> Vec<Shape> {
    let mut shapes = Vec::new();
    if !zones.is_empty() {
        ui.ctx().fonts_mut(|fonts| {
            for p in zones {
                super::paint::push_shapes(p, t, fonts, &mut shapes);
            }
        });
    }
    shapes
}
