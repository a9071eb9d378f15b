//! The 13 operations of the ISC v2024 Work Items API, one typed function each.
//! `owner` is the `ownerId` an admin views as; `None` is the signed-in identity.

use wire::{AccountSelection, WorkItem, WorkItemForward, WorkItemsCount, WorkItemsSummary};

use super::query::{owner_pair, segment, Paging};
use super::{ApiError, Call, Client, Page};

const BASE: &str = "/v2024/work-items";

fn paged(owner: Option<&str>, paging: Paging) -> Vec<(&'static str, String)> {
    let mut pairs = paging.pairs();
    pairs.extend(owner_pair(owner));
    pairs
}

fn json<T: serde::Serialize>(value: &T) -> Result<Option<String>, ApiError> {
    serde_json::to_string(value)
        .map(Some)
        .map_err(ApiError::decode)
}

/// `listWorkItems`: pending work items, one page.
pub async fn list(
    api: &Client,
    owner: Option<&str>,
    paging: Paging,
) -> Result<Page<WorkItem>, ApiError> {
    let (items, total) = api.send(Call::get(BASE, paged(owner, paging))).await?;
    Ok(Page { items, total })
}

/// `getCompletedWorkItems`: completed work items, one page.
pub async fn list_completed(
    api: &Client,
    owner: Option<&str>,
    paging: Paging,
) -> Result<Page<WorkItem>, ApiError> {
    let (items, total) = api
        .send(Call::get(format!("{BASE}/completed"), paged(owner, paging)))
        .await?;
    Ok(Page { items, total })
}

/// `getCountWorkItems`: how many are pending.
pub async fn count(api: &Client, owner: Option<&str>) -> Result<WorkItemsCount, ApiError> {
    Ok(api
        .send(Call::get(format!("{BASE}/count"), owner_pair(owner)))
        .await?
        .0)
}

/// `getCountCompletedWorkItems` (experimental): how many are completed.
pub async fn count_completed(
    api: &Client,
    owner: Option<&str>,
) -> Result<WorkItemsCount, ApiError> {
    let call = Call::get(format!("{BASE}/completed/count"), owner_pair(owner)).experimental();
    Ok(api.send(call).await?.0)
}

/// `getWorkItemsSummary`: open, completed and total.
pub async fn summary(api: &Client, owner: Option<&str>) -> Result<WorkItemsSummary, ApiError> {
    Ok(api
        .send(Call::get(format!("{BASE}/summary"), owner_pair(owner)))
        .await?
        .0)
}

/// `getWorkItem`: one work item by id.
pub async fn get(api: &Client, id: &str) -> Result<WorkItem, ApiError> {
    Ok(api
        .send(Call::get(format!("{BASE}/{}", segment(id)), Vec::new()))
        .await?
        .0)
}

/// `completeWorkItem`: marks a work item complete.
pub async fn complete(api: &Client, id: &str) -> Result<WorkItem, ApiError> {
    Ok(api
        .send(Call::post(format!("{BASE}/{}", segment(id)), None))
        .await?
        .0)
}

/// `approveApprovalItem`: approves one approval item.
pub async fn approve_item(
    api: &Client,
    id: &str,
    approval_item_id: &str,
) -> Result<WorkItem, ApiError> {
    let path = format!(
        "{BASE}/{}/approve/{}",
        segment(id),
        segment(approval_item_id)
    );
    Ok(api.send(Call::post(path, None)).await?.0)
}

/// `rejectApprovalItem`: rejects one approval item.
pub async fn reject_item(
    api: &Client,
    id: &str,
    approval_item_id: &str,
) -> Result<WorkItem, ApiError> {
    let path = format!(
        "{BASE}/{}/reject/{}",
        segment(id),
        segment(approval_item_id)
    );
    Ok(api.send(Call::post(path, None)).await?.0)
}

/// `approveApprovalItemsInBulk`: approves every approval item of a work item.
pub async fn approve_all(api: &Client, id: &str) -> Result<WorkItem, ApiError> {
    Ok(api
        .send(Call::post(
            format!("{BASE}/bulk-approve/{}", segment(id)),
            None,
        ))
        .await?
        .0)
}

/// `rejectApprovalItemsInBulk`: rejects every approval item of a work item.
pub async fn reject_all(api: &Client, id: &str) -> Result<WorkItem, ApiError> {
    Ok(api
        .send(Call::post(
            format!("{BASE}/bulk-reject/{}", segment(id)),
            None,
        ))
        .await?
        .0)
}

/// `submitAccountSelection`: the form's values keyed on field name.
pub async fn submit_account_selection(
    api: &Client,
    id: &str,
    selection: &AccountSelection,
) -> Result<WorkItem, ApiError> {
    let call = Call::post(
        format!("{BASE}/{}/submit-account-selection", segment(id)),
        json(selection)?,
    );
    Ok(api.send(call).await?.0)
}

/// `forwardWorkItem` (experimental): hands the work item to another identity.
pub async fn forward(api: &Client, id: &str, forward: &WorkItemForward) -> Result<(), ApiError> {
    let call = Call::post(format!("{BASE}/{}/forward", segment(id)), json(forward)?).experimental();
    api.send::<serde_json::Value>(call).await.map(|_| ())
}
