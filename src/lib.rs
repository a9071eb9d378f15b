//! My Tasks: a browser app for SailPoint ISC work items (Leptos, client-side rendered).
//!
//! [`App`] (in [`app`]) loads `config.json`, provides the API [`api::Client`] and the
//! "view as" state, and hands over to the router. The README's architecture section says
//! what each module holds and what it may import.

pub mod api;
pub mod app;
pub mod components;
pub mod config;
pub mod focus;
pub mod hooks;
pub mod i18n;
pub mod logic;
pub mod pages;
pub mod platform;
pub mod routes;
pub mod state;

pub use app::{App, WidgetApp};
