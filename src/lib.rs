//! eksplain: a desktop diagram editor that explains how traffic reaches an Amazon EKS
//! cluster's Kubernetes API server.
//!
//! Layers: [`model`] (the design document), [`io`] (RON files and presets) and the UI
//! (`ui`, `app`). `model` and `io` never depend on egui, eframe or rfd.

pub mod app;
pub mod cli;
pub mod editor;
pub mod engine;
pub mod i18n;
pub mod import;
pub mod io;
pub mod model;
pub mod render;
pub mod ui;
