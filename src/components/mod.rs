//! Reusable components: they take data, signals and callbacks as props; those that act get
//! their state from [`crate::hooks`]. Route-level components are in [`crate::pages`].

pub mod approval;
pub mod bulk_bar;
pub mod bulk_dialog;
pub mod confirm;
pub mod form;
pub mod forward;
pub mod history;
pub mod identity_picker;
pub mod item_bar;
pub mod language;
pub mod modal;
pub mod new_items;
pub mod row_actions;
pub mod row_select;
pub mod shell;
pub mod status;
pub mod tabs;
pub mod task_cards;
pub mod task_groups;
pub mod task_row;
pub mod task_table;
pub mod task_toolbar;
pub mod task_views;
pub mod time;
pub mod toast;
pub mod view_as;
pub mod widget;
pub mod work_item_row;
