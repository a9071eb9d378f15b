//! Everything a person does to a work item: dialogs, the account-selection form, the
//! approval buttons and the toasts that say what happened.
//!
//! These components take data and callbacks and never call the API themselves; the pages
//! wire them to the `api` module's actions. Pure logic (validation, wording) lives in plain
//! functions beside them so it is unit tested on the host.

mod approval;
mod commands;
mod confirm;
mod focus;
mod form;
mod form_logic;
mod forward;
mod identity_picker;
mod identity_search;
mod item_bar;
mod messages;
mod modal;
mod outcome;
mod row_actions;
mod toast;

pub use approval::{ApprovalItemActions, BulkDecisionBar, ConfirmButton};
pub use commands::{use_item_actions, Command, ItemActions, Notice};
pub use confirm::ConfirmDialog;
pub use form::{AccountSelectionForm, SelectionSummary};
pub use form_logic::{collect_selection, describe_values, initial_values, FieldError, FormValues};
pub use forward::{validate_forward, ForwardChoice, ForwardDialog, ForwardErrors};
pub use identity_picker::IdentityPicker;
pub use identity_search::{use_identity_search, IdentitySearch, SearchStatus, UseIdentitySearch};
pub use item_bar::{forward_search, ItemActionBar};
pub use messages::{bulk_confirm_message, items, pending_count, Decision};
pub use modal::Modal;
pub use outcome::{classify, refusal_message, success_message, ActionKind, Refusal};
pub use row_actions::RowActions;
pub use toast::{provide_toasts, use_toasts, ToastKind, ToastRegion, Toasts};
