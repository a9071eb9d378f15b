//! Hooks (`use_x`) that hold state for components and call the API through [`crate::api`]:
//! the actions of a work item, the people search, the toasts and the loaded queues.

pub mod bulk;
pub mod dispatch;
pub mod identity_search;
pub mod item_actions;
pub mod poll;
pub mod queue;
pub mod shortcuts;
pub mod task_view;
pub mod toasts;
pub mod triage;
