//! The design document: pure data, serde, and its structural rules. No UI, no I/O.
#![warn(missing_docs)]

pub mod component;
pub mod design;
pub mod edit;
pub mod generate;
pub mod geom;
pub mod history;
pub mod net;
pub mod security;
pub mod transit;
pub mod validate;

pub use component::{
    Client, Component, ComponentKind, Connection, ConnectionKind, EksEni, KindName, LOCAL_TARGET,
    Nat, NatConnectivity, Nlb, Node, NodeGroup, Note, OnPrem, Route, Subnet, Vpc,
};
pub use design::{Cluster, Design, DesignIndex, EndpointMode, FORMAT_VERSION};
pub use edit::{Edit, EditError, Fragment};
pub use geom::{Handle, Point, Rect, Size};
pub use history::History;
pub use security::{
    AclAction, AclRule, DEFAULT_CLUSTER_SG, NetworkAcl, Peer, Protocol, SecurityGroup, SgRule,
};
pub use transit::{BLACKHOLE, Carried, TgwRouteTable, Transit};
pub use validate::{Problem, Severity, validate};
