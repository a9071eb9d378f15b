//! Route-level components, one per route.

pub mod callback;
pub mod dashboard;
pub mod detail;
pub mod not_found;
pub mod task_manager;
pub mod widget;
