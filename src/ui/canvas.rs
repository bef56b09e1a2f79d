//! The diagram canvas: an egui_graphs view whose nodes draw our render primitives.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use egui::{Pos2, Shape, Vec2};
use egui_graphs::{
    DisplayEdge, DisplayNode, DrawContext, EdgeProps, Graph, GraphView, Layout, LayoutState,
    MetadataFrame, Node, NodeProps, SettingsInteraction, SettingsNavigation,
};
use petgraph::Directed;
use petgraph::stable_graph::{DefaultIx, NodeIndex};

use super::paint::{ScreenFromCanvas, push_rect, push_shapes};
use super::theme::color;
use crate::model::{Design, Handle, KindName, Point, Rect, Size};
use crate::render::Palette;
use crate::render::{Primitive, scene};

/// What a graph node carries: one component's drawing, relative to its centre.
#[derive(Clone, Debug)]
pub struct NodeData {
    /// Component id.
    pub id: String,
    /// Component kind.
    pub kind: KindName,
    /// Box size in canvas units.
    pub size: Size,
    /// Primitives relative to the box centre.
    pub primitives: Arc<Vec<Primitive>>,
    /// Drawn with a selection outline.
    pub selected: bool,
    /// Selection colour.
    pub selection_color: crate::render::Rgba,
}

/// The display of one component inside egui_graphs.
#[derive(Clone, Debug)]
pub struct ComponentShape {
    center: Pos2,
    hovered: bool,
    data: NodeData,
    /// The last drawing, reused (moved) while only the position changes.
    cache: Option<DrawnNode>,
}

/// One node's screen shapes and what they were drawn for.
#[derive(Clone, Debug)]
struct DrawnNode {
    zoom: f32,
    at: Pos2,
    hovered: bool,
    selected: bool,
    primitives: Arc<Vec<Primitive>>,
    shape: Shape,
}

impl From<NodeProps<NodeData>> for ComponentShape {
    fn from(props: NodeProps<NodeData>) -> Self {
        Self {
            center: props.location(),
            hovered: props.hovered,
            data: props.payload,
            cache: None,
        }
    }
}

impl ComponentShape {
    fn rect(&self) -> Rect {
        Rect::new(
            Point::new(
                self.center.x - self.data.size.w / 2.0,
                self.center.y - self.data.size.h / 2.0,
            ),
            self.data.size,
        )
    }
}

impl DisplayNode<NodeData, (), Directed, DefaultIx> for ComponentShape {
    fn closest_boundary_point(&self, dir: Vec2) -> Pos2 {
        let c = self.center;
        let target = Point::new(c.x + dir.x * 1.0e4, c.y + dir.y * 1.0e4);
        let p = scene::border_point(&self.rect(), target);
        Pos2::new(p.x, p.y)
    }

    fn shapes(&mut self, ctx: &DrawContext<'_>) -> Vec<Shape> {
        let t = ScreenFromCanvas {
            zoom: ctx.meta.zoom,
            offset: ctx.meta.canvas_to_screen_pos(self.center).to_vec2(),
        };
        let at = t.pos(Point::default());
        if let Some(c) = &mut self.cache
            && c.zoom.to_bits() == t.zoom.to_bits()
            && c.hovered == self.hovered
            && c.selected == self.data.selected
            && Arc::ptr_eq(&c.primitives, &self.data.primitives)
        {
            // Same drawing, maybe somewhere else (a pan or a drag): move the shapes.
            let delta = at - c.at;
            if delta != Vec2::ZERO {
                c.shape.translate(delta);
                c.at = at;
            }
            return vec![c.shape.clone()];
        }
        let shape = self.draw(ctx.ctx, &t);
        self.cache = Some(DrawnNode {
            zoom: t.zoom,
            at,
            hovered: self.hovered,
            selected: self.data.selected,
            primitives: Arc::clone(&self.data.primitives),
            shape: shape.clone(),
        });
        vec![shape]
    }

    fn update(&mut self, props: &NodeProps<NodeData>) {
        self.center = props.location();
        self.hovered = props.hovered;
        self.data.clone_from(&props.payload);
    }

    fn is_inside(&self, pos: Pos2) -> bool {
        scene::hit_area_contains(self.data.kind, &self.rect(), Point::new(pos.x, pos.y))
    }
}

impl ComponentShape {
    /// The node's shapes, from its primitives, as one shape.
    fn draw(&self, ctx: &egui::Context, t: &ScreenFromCanvas) -> Shape {
        let mut out = Vec::with_capacity(self.data.primitives.len() + 1);
        // Level of detail: a box too small on screen to read is drawn as its outline only,
        // which keeps zoomed-out views of thousands of components cheap.
        let small = t.len(self.data.size.w) < 60.0 && !self.data.kind.is_container();
        if small {
            // No text: no need to lock the fonts.
            for prim in self.data.primitives.iter() {
                if let Primitive::Rect { .. } = prim {
                    push_rect(prim, t, &mut out);
                }
            }
        } else {
            ctx.fonts_mut(|fonts| {
                for prim in self.data.primitives.iter() {
                    push_shapes(prim, t, fonts, &mut out);
                }
            });
        }
        if self.data.selected || (self.hovered && !self.data.kind.is_container()) {
            let r = self.rect();
            let min = t.pos(Point::new(-r.size.w / 2.0, -r.size.h / 2.0));
            let max = t.pos(Point::new(r.size.w / 2.0, r.size.h / 2.0));
            let width = if self.data.selected { 2.5 } else { 1.0 };
            out.push(Shape::rect_stroke(
                egui::Rect::from_min_max(min, max).expand(2.0),
                6,
                egui::Stroke::new(width, color(self.data.selection_color)),
                egui::StrokeKind::Outside,
            ));
        }
        // One shape per node: egui_graphs adds each returned shape to the painter on its
        // own, and each add takes the context's lock.
        Shape::Vec(out)
    }
}

/// Connections are drawn above the components by the canvas itself (egui_graphs draws
/// edges before nodes, which would hide them under container fills), so the edge display
/// draws nothing.
#[derive(Clone, Debug)]
pub struct ConnectionShape;

impl From<EdgeProps<()>> for ConnectionShape {
    fn from(_: EdgeProps<()>) -> Self {
        Self
    }
}

impl DisplayEdge<NodeData, (), Directed, DefaultIx, ComponentShape> for ConnectionShape {
    fn shapes(
        &mut self,
        _start: &Node<NodeData, (), Directed, DefaultIx, ComponentShape>,
        _end: &Node<NodeData, (), Directed, DefaultIx, ComponentShape>,
        _ctx: &DrawContext<'_>,
    ) -> Vec<Shape> {
        Vec::new()
    }

    fn update(&mut self, _state: &EdgeProps<()>) {}

    fn is_inside(
        &self,
        _start: &Node<NodeData, (), Directed, DefaultIx, ComponentShape>,
        _end: &Node<NodeData, (), Directed, DefaultIx, ComponentShape>,
        _pos: Pos2,
    ) -> bool {
        false
    }
}

/// Layout state of the editor: positions come from the design, never from a layout.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct FixedLayoutState;

impl LayoutState for FixedLayoutState {}

/// A layout that leaves every node where the design put it.
#[derive(Debug, Default)]
pub struct FixedLayout;

impl Layout<FixedLayoutState> for FixedLayout {
    fn from_state(_state: FixedLayoutState) -> impl Layout<FixedLayoutState> {
        FixedLayout
    }

    fn next<N, E, Ty, Ix, Dn, De>(&mut self, _g: &mut Graph<N, E, Ty, Ix, Dn, De>, _ui: &egui::Ui)
    where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: petgraph::stable_graph::IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> FixedLayoutState {
        FixedLayoutState
    }
}

/// The graph type the canvas shows.
pub type CanvasGraph = Graph<NodeData, (), Directed, DefaultIx, ComponentShape, ConnectionShape>;

/// Snap grid, in canvas units.
pub const GRID: f32 = 10.0;

/// Rounds a value to the grid.
pub fn snap(v: f32) -> f32 {
    (v / GRID).round() * GRID
}

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
    connections: Vec<Primitive>,
    connection_ends: Vec<(Point, Point)>,
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
    idle_cache: Option<(IdleKey, Vec<Shape>)>,
    /// The fonts epoch the kept drawings were made in.
    fonts_epoch: u64,
}

/// What an idle frame's drawing depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
struct IdleKey {
    generation: u64,
    zoom: f32,
    pan: Vec2,
    rect: egui::Rect,
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
    /// Highlighted flows and other overlays, drawn above everything.
    pub overlay: &'a [Primitive],
    /// Hover texts of components (the reason a flow is blocked there).
    pub tooltips: &'a [(String, String)],
    /// The handle of a resize in progress.
    pub resizing: Option<Handle>,
    /// The fonts epoch ([`super::paint::FontsWatch`]): drawings with text from an older one
    /// are redone.
    pub fonts_epoch: u64,
}

impl Canvas {
    /// A canvas whose view state is stored under `view_id`.
    pub fn new(view_id: &str) -> Self {
        Self {
            graph: CanvasGraph::new(),
            node_of: HashMap::new(),
            hits: Vec::new(),
            connections: Vec::new(),
            connection_ends: Vec::new(),
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
            idle_cache: None,
            fonts_epoch: 0,
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

    /// The current zoom (screen pixels per canvas unit).
    pub fn zoom(&self) -> Option<f32> {
        self.last_transform.map(|t| t.zoom)
    }

    /// Forgets any gesture in progress (after Esc or a file load).
    pub fn cancel_gesture(&mut self) {
        self.gesture = Gesture::None;
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
        self.connection_ends = self.ends_of(design);
        self.connections = scene.connections;
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
        self.bounds = bounds;
        if moved && !design.connections.is_empty() {
            self.connection_ends = self.ends_of(design);
            self.connections =
                scene::connection_primitives(design, &|id| self.hit_rect(id), palette);
        }
        true
    }

    /// The end points of every connection (in the design's order), for hit testing.
    fn ends_of(&self, design: &Design) -> Vec<(Point, Point)> {
        design
            .connections
            .iter()
            .map(
                |conn| match (self.hit_rect(&conn.from), self.hit_rect(&conn.to)) {
                    (Some(a), Some(b)) => scene::connection_ends(&a, &b),
                    _ => (Point::default(), Point::default()),
                },
            )
            .collect()
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
        self.idle_cache = None;
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

    /// The topmost component whose hit area holds `p`.
    pub fn hit(&self, p: Point) -> Option<&str> {
        self.hits
            .iter()
            .rev()
            .find(|(_, kind, r)| scene::hit_area_contains(*kind, r, p))
            .map(|(id, _, _)| id.as_str())
    }

    fn hit_connection(&self, p: Point, tolerance: f32) -> Option<usize> {
        self.connection_ends.iter().position(|(a, b)| {
            let (ab_x, ab_y) = (b.x - a.x, b.y - a.y);
            let len2 = ab_x * ab_x + ab_y * ab_y;
            if len2 <= f32::EPSILON {
                return false;
            }
            let t = (((p.x - a.x) * ab_x + (p.y - a.y) * ab_y) / len2).clamp(0.0, 1.0);
            let (cx, cy) = (a.x + t * ab_x, a.y + t * ab_y);
            ((p.x - cx).powi(2) + (p.y - cy).powi(2)).sqrt() <= tolerance
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
        ui.painter()
            .rect_filled(rect, 0, color(input.palette.background));
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
        if self.auto_fit
            && !self.fit_pending
            && self
                .fitted_size
                .is_some_and(|s| (s - rect.size()).length() > 0.5)
        {
            self.fit(ui, rect);
        }
        if self.fit_pending {
            self.fit(ui, rect);
            self.fit_frames = self.fit_frames.saturating_sub(1);
            self.fit_pending = self.fit_frames > 0;
            ui.ctx().request_repaint();
        }
        if let Some(c) = self.center_request.take() {
            self.auto_fit = false;
            let mut meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
            meta.pan = rect.size() / 2.0 - Vec2::new(c.x, c.y) * meta.zoom;
            meta.save_to(ui);
        }
        if let Some(factor) = self.zoom_request.take() {
            self.auto_fit = false;
            let mut meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
            let centre = rect.size() / 2.0;
            let anchor = (centre - meta.pan) / meta.zoom;
            meta.zoom = (meta.zoom * factor).clamp(0.05, 8.0);
            meta.pan = centre - anchor * meta.zoom;
            meta.save_to(ui);
        }
        let t = self.transform(ui, rect);
        self.navigate(ui, &response, rect, &t);
        let t = self.transform(ui, rect);
        self.last_transform = Some(t);
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
        self.paint_overlay(ui, rect, &t, input);
        (response, actions)
    }

    /// Zoom at the pointer with the wheel or pinch; pan with the middle button or by
    /// dragging empty canvas.
    fn navigate(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        rect: egui::Rect,
        t: &ScreenFromCanvas,
    ) {
        let (scroll, zoom_delta, middle_down, delta) = ui.ctx().input(|i| {
            (
                i.smooth_scroll_delta,
                i.zoom_delta(),
                i.pointer.middle_down(),
                i.pointer.delta(),
            )
        });
        let mut meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        let mut changed = false;
        if response.hovered() {
            let factor = zoom_delta * (scroll.y * 0.002).exp();
            if (factor - 1.0).abs() > 1e-4
                && let Some(p) = response.hover_pos()
            {
                let anchor = t.inverse(p);
                let zoom = (meta.zoom * factor).clamp(0.05, 8.0);
                meta.zoom = zoom;
                meta.pan = (p - rect.left_top()) - Vec2::new(anchor.x, anchor.y) * zoom;
                changed = true;
            }
        }
        let panning = matches!(self.gesture, Gesture::Pan) || (middle_down && response.hovered());
        if panning && delta != Vec2::ZERO {
            meta.pan += delta;
            changed = true;
        }
        if changed {
            self.auto_fit = false;
            meta.save_to(ui);
        }
    }

    fn gestures(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        t: &ScreenFromCanvas,
        input: &CanvasInput<'_>,
        actions: &mut Vec<CanvasAction>,
    ) {
        let modifiers = ui.ctx().input(|i| i.modifiers);
        let press = ui
            .ctx()
            .input(|i| i.pointer.press_origin())
            .map(|p| t.inverse(p));
        let now = self.pointer_canvas;
        if response.clicked() {
            let Some(p) = now else { return };
            if let Some(kind) = input.placing {
                actions.push(CanvasAction::Place(kind, p));
            } else if let Some(id) = self.hit(p) {
                if modifiers.shift || modifiers.command {
                    actions.push(CanvasAction::ToggleSelect(id.to_owned()));
                } else {
                    actions.push(CanvasAction::Select(vec![id.to_owned()]));
                }
            } else if let Some(i) = self.hit_connection(p, 6.0 / t.zoom) {
                actions.push(CanvasAction::SelectConnection(i));
            } else {
                actions.push(CanvasAction::ClearSelection);
            }
        }
        if response.secondary_clicked()
            && let Some(p) = now
        {
            // The context menu acts on what was right-clicked.
            match self.hit(p) {
                Some(id) if !input.selection.contains(id) => {
                    actions.push(CanvasAction::Select(vec![id.to_owned()]));
                }
                Some(_) => {}
                None => actions.push(CanvasAction::ClearSelection),
            }
        }
        if response.drag_started_by(egui::PointerButton::Primary)
            && let Some(start) = press
        {
            let on_handle = self.handle_at(t, input.selection, t.pos(start));
            let hit = self.hit(start).map(str::to_owned);
            self.gesture = if let Some((id, handle)) = on_handle {
                actions.push(CanvasAction::ResizeStart(id, handle));
                Gesture::Resize { press: start }
            } else if input.connecting {
                match hit {
                    Some(from) => Gesture::Connect { from },
                    None => Gesture::Pan,
                }
            } else if let Some(id) = hit {
                let ids = if input.selection.contains(&id) {
                    input.selection.iter().cloned().collect()
                } else {
                    actions.push(CanvasAction::Select(vec![id.clone()]));
                    vec![id]
                };
                actions.push(CanvasAction::DragStart(ids));
                Gesture::Move { press: start }
            } else if modifiers.shift {
                Gesture::BoxSelect { press: start }
            } else {
                Gesture::Pan
            };
        }
        let Some(now) = now else { return };
        match &self.gesture {
            Gesture::Move { press } if response.dragged() => {
                actions.push(CanvasAction::DragTo(Point::new(
                    now.x - press.x,
                    now.y - press.y,
                )));
            }
            Gesture::Resize { press } if response.dragged() => {
                actions.push(CanvasAction::ResizeTo(Point::new(
                    now.x - press.x,
                    now.y - press.y,
                )));
            }
            _ => {}
        }
        if response.drag_stopped() {
            match std::mem::take(&mut self.gesture) {
                Gesture::Move { .. } => actions.push(CanvasAction::DragEnd),
                Gesture::Resize { .. } => actions.push(CanvasAction::ResizeEnd),
                Gesture::BoxSelect { press } => {
                    let r = Rect::new(
                        Point::new(press.x.min(now.x), press.y.min(now.y)),
                        crate::model::Size::new((now.x - press.x).abs(), (now.y - press.y).abs()),
                    );
                    let ids = self
                        .hits
                        .iter()
                        .filter(|(_, _, b)| r.contains_rect(b))
                        .map(|(id, _, _)| id.clone())
                        .collect();
                    actions.push(CanvasAction::Select(ids));
                }
                Gesture::Connect { from } => {
                    if let Some(to) = self.hit(now)
                        && to != from
                    {
                        actions.push(CanvasAction::Connect(from, to.to_owned()));
                    }
                }
                Gesture::Pan | Gesture::None => {}
            }
        }
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
            rect,
        };
        if let Some((k, shapes)) = &self.idle_cache
            && *k == key
        {
            painter.extend(shapes.iter().cloned());
            return;
        }
        let style = egui_graphs::SettingsStyle::new();
        let ctx = DrawContext {
            ctx: ui.ctx(),
            painter: &painter,
            style: &style,
            is_directed: true,
            meta: &meta,
        };
        let indices: Vec<NodeIndex> = self.graph.g().node_indices().collect();
        let mut shapes = Vec::new();
        for idx in indices {
            if let Some(n) = self.graph.node_mut(idx) {
                shapes.extend(n.display_mut().shapes(&ctx));
            }
        }
        painter.extend(shapes.iter().cloned());
        self.idle_cache = Some((key, shapes));
    }

    fn paint_overlay(
        &self,
        ui: &egui::Ui,
        rect: egui::Rect,
        t: &ScreenFromCanvas,
        input: &CanvasInput<'_>,
    ) {
        let painter = ui.painter_at(rect);
        let mut shapes = Vec::new();
        ui.ctx().fonts_mut(|fonts| {
            for p in &self.connections {
                push_shapes(p, t, fonts, &mut shapes);
            }
        });
        if let Some(i) = input.selected_connection
            && let Some((a, b)) = self.connection_ends.get(i)
        {
            shapes.push(Shape::line_segment(
                [t.pos(*a), t.pos(*b)],
                egui::Stroke::new(4.0, color(input.palette.selection).gamma_multiply(0.6)),
            ));
        }
        ui.ctx().fonts_mut(|fonts| {
            for p in input.overlay {
                push_shapes(p, t, fonts, &mut shapes);
            }
        });
        painter.extend(shapes);
        if let Some(p) = self.pointer_canvas
            && let Some(id) = self.hit(p)
            && let Some((_, tip)) = input.tooltips.iter().find(|(i, _)| i == id)
        {
            egui::Tooltip::always_open(
                ui.ctx().clone(),
                ui.layer_id(),
                egui::Id::new("canvas-tooltip"),
                egui::PopupAnchor::Pointer,
            )
            .show(|ui| {
                ui.set_max_width(360.0);
                ui.label(tip);
            });
        }
        let sel = color(input.palette.selection);
        if input.selection.len() == 1
            && let Some(id) = input.selection.iter().next()
        {
            for (_, h) in self.handle_rects(t, id) {
                painter.rect_filled(h, 1, color(input.palette.background));
                painter.rect_stroke(h, 1, egui::Stroke::new(1.5, sel), egui::StrokeKind::Inside);
            }
        }
        // The pointer shows which way a handle resizes.
        let handle = match &self.gesture {
            Gesture::Resize { .. } => input.resizing,
            _ => ui
                .ctx()
                .pointer_hover_pos()
                .and_then(|p| self.handle_at(t, input.selection, p))
                .map(|(_, h)| h),
        };
        if let Some(h) = handle {
            ui.ctx().set_cursor_icon(match (h.x, h.y) {
                (0, _) => egui::CursorIcon::ResizeVertical,
                (_, 0) => egui::CursorIcon::ResizeHorizontal,
                (x, y) if x == y => egui::CursorIcon::ResizeNwSe,
                _ => egui::CursorIcon::ResizeNeSw,
            });
        }
        match &self.gesture {
            Gesture::BoxSelect { press } => {
                if let Some(now) = self.pointer_canvas {
                    let r = egui::Rect::from_two_pos(t.pos(*press), t.pos(now));
                    painter.rect_filled(r, 0, sel.gamma_multiply(0.1));
                    painter.rect_stroke(
                        r,
                        0,
                        egui::Stroke::new(1.0, sel),
                        egui::StrokeKind::Inside,
                    );
                }
            }
            Gesture::Connect { from } => {
                if let (Some(now), Some(r)) = (self.pointer_canvas, self.hit_rect(from)) {
                    painter
                        .line_segment([t.pos(r.center()), t.pos(now)], egui::Stroke::new(2.0, sel));
                }
            }
            _ => {}
        }
    }

    /// Sets zoom and pan so the whole design fits `rect` with a margin.
    fn fit(&mut self, ui: &mut egui::Ui, rect: egui::Rect) {
        self.fitted_size = Some(rect.size());
        let Some(b) = self.bounds else { return };
        let margin = 24.0;
        let avail = (rect.size() - Vec2::splat(2.0 * margin)).max(Vec2::splat(10.0));
        let zoom = (avail.x / b.size.w.max(1.0))
            .min(avail.y / b.size.h.max(1.0))
            .clamp(0.02, 4.0);
        let c = b.center();
        let mut meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        meta.zoom = zoom;
        meta.pan = rect.size() / 2.0 - Vec2::new(c.x, c.y) * zoom;
        meta.save_to(ui);
    }
}

trait SaveMeta {
    fn save_to(self, ui: &egui::Ui);
}

impl SaveMeta for MetadataFrame {
    fn save_to(self, ui: &egui::Ui) {
        // The same key egui_graphs uses: an id made from the frame's own id.
        let id = egui::Id::new(self.get_id());
        ui.ctx().data_mut(|d| d.insert_persisted(id, self));
    }
}
