//! The diagram canvas: an egui_graphs view whose nodes draw our render primitives.

use std::sync::Arc;

use egui::{Pos2, Shape, Vec2};
use egui_graphs::{
    DisplayEdge, DisplayNode, DrawContext, EdgeProps, Graph, GraphView, Layout, LayoutState,
    MetadataFrame, Node, NodeProps, SettingsInteraction, SettingsNavigation,
};
use petgraph::Directed;
use petgraph::stable_graph::{DefaultIx, NodeIndex};

use super::paint::{ScreenFromCanvas, push_shapes};
use super::theme::color;
use crate::model::{Design, KindName, Point, Rect, Size};
use crate::render::{Palette, Primitive, scene};

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
}

impl From<NodeProps<NodeData>> for ComponentShape {
    fn from(props: NodeProps<NodeData>) -> Self {
        Self {
            center: props.location(),
            hovered: props.hovered,
            data: props.payload,
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
        let mut out = Vec::with_capacity(self.data.primitives.len() + 1);
        ctx.ctx.fonts_mut(|fonts| {
            for prim in self.data.primitives.iter() {
                push_shapes(prim, &t, fonts, &mut out);
            }
        });
        if self.data.selected || (self.hovered && !self.data.kind.is_container()) {
            let r = self.rect();
            let half = Point::new(-r.size.w / 2.0, -r.size.h / 2.0);
            let min = t.pos(half);
            let max = t.pos(Point::new(r.size.w / 2.0, r.size.h / 2.0));
            let width = if self.data.selected { 2.5 } else { 1.0 };
            out.push(Shape::rect_stroke(
                egui::Rect::from_min_max(min, max).expand(2.0),
                6,
                egui::Stroke::new(width, color(self.data.selection_color)),
                egui::StrokeKind::Outside,
            ));
        }
        out
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

/// The canvas: a graph mirroring the design, rebuilt when the design changes.
pub struct Canvas {
    graph: CanvasGraph,
    nodes: Vec<(String, NodeIndex)>,
    connections: Vec<Primitive>,
    built_for: Option<u64>,
    bounds: Option<Rect>,
    fit_pending: bool,
    view_id: String,
    /// The selected component, if any.
    pub selected: Option<String>,
}

impl Default for Canvas {
    fn default() -> Self {
        Self::new("canvas")
    }
}

impl Canvas {
    /// A canvas whose view state is stored under `view_id`.
    pub fn new(view_id: &str) -> Self {
        Self {
            graph: CanvasGraph::new(),
            nodes: Vec::new(),
            connections: Vec::new(),
            built_for: None,
            bounds: None,
            fit_pending: true,
            view_id: view_id.to_owned(),
            selected: None,
        }
    }

    /// Asks for the view to fit the whole design on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_pending = true;
    }

    /// Number of components shown.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Rebuilds the graph from the design if `revision` changed.
    pub fn sync(&mut self, design: &Design, revision: u64, palette: &Palette) {
        if self.built_for == Some(revision) {
            return;
        }
        let scene = scene::build_scene(design, palette);
        let mut graph = CanvasGraph::new();
        let mut nodes = Vec::with_capacity(scene.components.len());
        for drawing in scene.components {
            let center = drawing.rect.center();
            let mut prims = drawing.primitives;
            for p in &mut prims {
                p.translate(-center.x, -center.y);
            }
            let data = NodeData {
                selected: self.selected.as_deref() == Some(drawing.id.as_str()),
                id: drawing.id.clone(),
                kind: drawing.kind,
                size: drawing.rect.size,
                primitives: Arc::new(prims),
                selection_color: palette.selection,
            };
            let idx = graph.add_node_with_location(data, Pos2::new(center.x, center.y));
            nodes.push((drawing.id, idx));
        }
        for conn in &design.connections {
            let find = |id: &str| nodes.iter().find(|(n, _)| n == id).map(|(_, i)| *i);
            if let (Some(a), Some(b)) = (find(&conn.from), find(&conn.to)) {
                graph.add_edge(a, b, ());
            }
        }
        self.graph = graph;
        self.nodes = nodes;
        self.connections = scene.connections;
        self.bounds = scene.bounds;
        self.built_for = Some(revision);
    }

    fn set_selected(&mut self, id: Option<String>) {
        for (nid, idx) in &self.nodes {
            if let Some(n) = self.graph.node_mut(*idx) {
                n.payload_mut().selected = id.as_deref() == Some(nid.as_str());
            }
        }
        self.selected = id;
    }

    /// Shows the canvas filling the available space.
    pub fn ui(&mut self, ui: &mut egui::Ui, palette: &Palette) -> egui::Response {
        let interaction = SettingsInteraction::new()
            .with_dragging_enabled(false)
            .with_hover_enabled(true)
            .with_node_clicking_enabled(true)
            .with_node_selection_enabled(false);
        let navigation = SettingsNavigation::new()
            .with_fit_to_screen_enabled(false)
            .with_zoom_and_pan_enabled(true)
            .with_zoom_speed(0.1);
        let bg = ui.available_rect_before_wrap();
        ui.painter().rect_filled(bg, 0, color(palette.background));
        let response = GraphView::<FixedLayoutState, FixedLayout>::new()
            .with_interactions(&interaction)
            .with_navigations(&navigation)
            .with_id(Some(self.view_id.clone()))
            .show(ui, &mut self.graph);
        for change in &response.changes {
            if let egui_graphs::GraphChange::NodeClicked { node } = change {
                let id = self
                    .nodes
                    .iter()
                    .find(|(_, i)| i == node)
                    .map(|(id, _)| id.clone());
                self.set_selected(id);
            }
        }
        let rect = response.response.rect;
        if response.response.clicked()
            && !response
                .changes
                .iter()
                .any(|c| matches!(c, egui_graphs::GraphChange::NodeClicked { .. }))
        {
            self.set_selected(None);
        }
        if self.fit_pending {
            self.fit(ui, rect);
            self.fit_pending = false;
            ui.ctx().request_repaint();
        }
        // Connections go on top of the components.
        let meta = MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        let t = ScreenFromCanvas {
            zoom: meta.zoom,
            offset: meta.pan + rect.left_top().to_vec2(),
        };
        let mut shapes = Vec::new();
        ui.ctx().fonts_mut(|fonts| {
            for p in &self.connections {
                push_shapes(p, &t, fonts, &mut shapes);
            }
        });
        ui.painter_at(rect).extend(shapes);
        response.response
    }

    /// Sets zoom and pan so the whole design fits `rect` with a margin.
    fn fit(&self, ui: &mut egui::Ui, rect: egui::Rect) {
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
        meta.save(ui);
    }
}
