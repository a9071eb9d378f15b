//! Pure logic, free of the DOM so it runs in host unit tests: formatting, lists, the
//! account-selection and forward rules, commands, how a refusal is classified, and the
//! words the actions use. May import `wire` and `api::error`, nothing else of the app.

pub mod bulk;
pub mod command;
pub mod export;
pub mod fold;
pub mod form;
pub mod format;
pub mod forward;
pub mod group;
pub mod involved;
pub mod keys;
pub mod list;
pub mod messages;
pub mod outcome;
pub mod poll;
pub mod rate;
pub mod refusal;
pub mod selection;
pub mod view;
pub mod wording;
