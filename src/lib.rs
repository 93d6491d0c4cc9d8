//! quoth: a terminal news reader that knows who said what.
//!
//! Layers, with data flowing one way: `article`/`library` (model and loading),
//! `analysis` (pure text → structure), `config`/`store` (settings, bookmarks,
//! reading state), `tui` (state, update, view). `cli` wires them together.

pub mod analysis;
pub mod article;
pub mod cli;
pub mod config;
pub mod cpu_time;
pub mod feeds;
pub mod library;
pub mod store;
pub mod text;
pub mod tui;
