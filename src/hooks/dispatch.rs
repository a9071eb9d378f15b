//! Sends a [`Command`] as the one API call it stands for.

use crate::api::{work_items, ApiError, Client};
use crate::logic::command::Command;
use crate::logic::messages::Decision;
use crate::state::Acting;
use wire::WorkItem;

/// Sends `command` for the work item `id`; the work item as the server returns it, when it
/// does (a forward returns nothing). Until it is answered the item is marked in `acting`,
/// whichever page or run sent it (see [`Acting`]).
pub async fn send(
    api: &Client,
    acting: Option<Acting>,
    id: &str,
    command: &Command,
) -> Result<Option<WorkItem>, ApiError> {
    let _held = acting.map(|acting| acting.hold(id));
    Ok(Some(match command {
        Command::Complete => work_items::complete(api, id).await?,
        Command::Decide {
            approval_id,
            decision: Decision::Approve,
            ..
        } => work_items::approve_item(api, id, approval_id).await?,
        Command::Decide {
            approval_id,
            decision: Decision::Reject,
            ..
        } => work_items::reject_item(api, id, approval_id).await?,
        Command::DecideAll(Decision::Approve, _) => work_items::approve_all(api, id).await?,
        Command::DecideAll(Decision::Reject, _) => work_items::reject_all(api, id).await?,
        Command::Submit(selection) => {
            work_items::submit_account_selection(api, id, selection).await?
        }
        Command::Forward(choice) => {
            work_items::forward(api, id, &choice.body).await?;
            return Ok(None);
        }
    }))
}
