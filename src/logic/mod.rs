//! Pure view logic, free of the DOM so it runs in host unit tests.

pub mod format;
pub mod involved;
pub mod list;
