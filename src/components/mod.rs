//! Reusable components.

pub mod form_view;
pub mod history;
pub mod pager;
pub mod shell;
pub mod status;
pub mod tabs;
pub mod time;
pub mod view_as;
pub mod widget;
pub mod work_item_row;
