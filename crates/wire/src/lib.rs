//! The one wire model of the SailPoint ISC v2024 Work Items API (and the Public Identities
//! and OAuth shapes a client needs), shared by the browser app and the sandbox server.
//!
//! Field names, nullability and enum spellings follow
//! `shared/reference/isc-v2024-work-items.openapi.json`. Every property is optional on
//! decode (the spec marks almost none required); properties the spec marks `nullable`
//! are written as `null` when absent, the others are left out.

mod enums;
pub mod form;
pub mod oauth;
pub mod pkce;

pub use enums::{
    DtoType, IdentityState, LocaleOrigin, WorkItemAction, WorkItemState, WorkItemType,
};
pub use form::{AllowedValue, FieldDetails, FieldType, FormDetails, FormItem, SectionDetails};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// `WorkItems`: one task in a person's Task Manager.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WorkItem {
    /// ID of the work item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// ID of the requester (nullable).
    pub requester_id: Option<String>,
    /// Display name of the requester (nullable).
    pub requester_display_name: Option<String>,
    /// ID of the owner (nullable).
    pub owner_id: Option<String>,
    /// Name of the owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner_name: Option<String>,
    /// When the work item was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created: Option<DateTime<Utc>>,
    /// When the work item was last updated (nullable).
    pub modified: Option<DateTime<Utc>>,
    /// What the work item asks for, e.g. "Create account on source 'AD'".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The work item's state.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<WorkItemState>,
    /// The work item's type.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub work_item_type: Option<WorkItemType>,
    /// Remediation items (nullable).
    pub remediation_items: Option<Vec<RemediationItemDetails>>,
    /// Items that need approval (nullable).
    pub approval_items: Option<Vec<ApprovalItemDetails>>,
    /// The work item name, e.g. "Account Create" (nullable).
    pub name: Option<String>,
    /// When the work item was completed (nullable).
    pub completed: Option<DateTime<Utc>>,
    /// Number of items in the work item (nullable).
    pub num_items: Option<i32>,
    /// The form to fill in, for account selection (nullable).
    pub form: Option<FormDetails>,
    /// Errors that occurred while processing the work item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<String>>,
    /// **Sandbox extension, not in the ISC spec**: what was done to the item, oldest first,
    /// with the comments given to complete and forward (ISC records them but this API has
    /// no field for them). The name is prefixed so it can never collide with a field ISC
    /// adds; a real tenant never sends it, and like every unknown field it is ignored by
    /// clients that do not know it.
    #[serde(rename = "sandboxHistory", skip_serializing_if = "Option::is_none")]
    pub history: Option<Vec<WorkItemEvent>>,
    /// **Sandbox extension, not in the ISC spec**: how many of the oldest entries of
    /// `sandboxHistory` were dropped to keep it short, so that a client can say "N earlier
    /// changes not shown". Left out while none was dropped.
    #[serde(
        rename = "sandboxHistoryOmitted",
        default,
        skip_serializing_if = "is_zero"
    )]
    pub history_omitted: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl WorkItem {
    /// The state, treating an absent one as unknown rather than pending.
    pub fn is_pending(&self) -> bool {
        self.state.as_ref().is_some_and(WorkItemState::is_pending)
    }

    /// Approval items, empty when the server sent none or `null`.
    pub fn approval_items(&self) -> &[ApprovalItemDetails] {
        self.approval_items.as_deref().unwrap_or_default()
    }

    /// Remediation items, empty when the server sent none or `null`.
    pub fn remediation_items(&self) -> &[RemediationItemDetails] {
        self.remediation_items.as_deref().unwrap_or_default()
    }
}

/// One entry of a work item's [history](WorkItem::history) (a sandbox extension).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct WorkItemEvent {
    /// When it happened.
    pub at: Option<DateTime<Utc>>,
    /// What was done.
    pub action: Option<WorkItemAction>,
    /// The id of the identity who did it.
    pub actor_id: Option<String>,
    /// The display name of the identity who did it.
    pub actor_name: Option<String>,
    /// The comment given with it, if any.
    pub comment: Option<String>,
    /// For a forward: the id of the new owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_owner_id: Option<String>,
    /// For a forward: the display name of the new owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_owner_name: Option<String>,
    /// For one approval item's decision: that approval item's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approval_item_id: Option<String>,
}

/// `RemediationItemDetails`: one access item a reviewer asked to change.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RemediationItemDetails {
    /// The ID of the certification.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The ID of the certification target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_id: Option<String>,
    /// The name of the certification target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_name: Option<String>,
    /// The display name of the certification target.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_display_name: Option<String>,
    /// The name of the application/source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application_name: Option<String>,
    /// The name of the attribute being certified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_name: Option<String>,
    /// The operation on the attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_operation: Option<String>,
    /// The value of the attribute being certified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_value: Option<String>,
    /// The native identity of the target (the account).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub native_identity: Option<String>,
}

/// `ApprovalItemDetails`: one decision inside an approval work item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ApprovalItemDetails {
    /// The approval item's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The account referenced by the approval item (nullable).
    pub account: Option<String>,
    /// The name of the application/source.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    /// The attribute's name (nullable).
    pub name: Option<String>,
    /// The attribute's operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation: Option<String>,
    /// The attribute's value (nullable).
    pub value: Option<String>,
    /// The decision so far (nullable).
    pub state: Option<WorkItemState>,
}

/// `WorkItemsCount`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkItemsCount {
    /// The count of work items.
    pub count: Option<i64>,
}

/// `WorkItemsSummary`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkItemsSummary {
    /// Open (pending) work items.
    pub open: Option<i64>,
    /// Completed work items.
    pub completed: Option<i64>,
    /// All work items.
    pub total: Option<i64>,
}

/// `WorkItemForward`: the body of the (experimental) forward operation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WorkItemForward {
    /// The identity to forward the work item to.
    pub target_owner_id: String,
    /// Comment for the new owner.
    pub comment: String,
    /// Whether to notify the new owner; the spec's default is true, also for `null`.
    #[serde(default = "default_true", deserialize_with = "true_unless_false")]
    pub send_notifications: bool,
}

fn default_true() -> bool {
    true
}

/// A boolean whose `null` means the default, true.
fn true_unless_false<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    Ok(Option::<bool>::deserialize(d)?.unwrap_or(true))
}

/// The body of submit-account-selection: field values keyed on the form field's name.
pub type AccountSelection = serde_json::Map<String, serde_json::Value>;

/// `ErrorResponseDto`: the body of 400, 403, 404 and 500 answers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorResponseDto {
    /// Fine-grained error code, e.g. "400.1 Bad Request Content".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail_code: Option<String>,
    /// Unique id of this error, also written to the server's log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tracking_id: Option<String>,
    /// Generic localized reasons.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub messages: Option<Vec<ErrorMessageDto>>,
    /// Plain-text detail beyond `messages`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub causes: Option<Vec<ErrorMessageDto>>,
}

impl ErrorResponseDto {
    /// The first message text.
    pub fn message(&self) -> Option<&str> {
        self.messages
            .iter()
            .flatten()
            .find_map(|m| m.text.as_deref())
    }

    /// The text to show a person who reads `language` (a BCP 47 tag, `de` or `de-DE`): the
    /// message in that language when the server sent one (ISC sends its default locale's
    /// first and the one `Accept-Language` asked for after it), else the first.
    pub fn message_for(&self, language: &str) -> Option<&str> {
        let primary = |tag: &str| {
            let subtag = tag.split(['-', '_']).next().unwrap_or_default();
            subtag.to_ascii_lowercase()
        };
        let wanted = primary(language);
        self.messages
            .iter()
            .flatten()
            .filter(|m| m.locale.as_deref().is_some_and(|l| primary(l) == wanted))
            .find_map(|m| m.text.as_deref())
            .or_else(|| self.message())
    }
}

/// `ErrorMessageDto`: one localized error text.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ErrorMessageDto {
    /// BCP 47 locale of `text` (nullable).
    pub locale: Option<String>,
    /// How the locale was chosen (nullable).
    pub locale_origin: Option<LocaleOrigin>,
    /// The message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

impl ErrorMessageDto {
    /// An `en-US` message in the system default locale.
    pub fn en(text: impl Into<String>) -> Self {
        ErrorMessageDto {
            locale: Some("en-US".into()),
            locale_origin: Some(LocaleOrigin::Default),
            text: Some(text.into()),
        }
    }
}

/// The body of a 401 answer, e.g. `{"error": "JWT validation failed: JWT is expired"}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UnauthorizedBody {
    /// What was wrong with the credentials (the spec gives it no type).
    pub error: Option<serde_json::Value>,
}

/// The body of a 429 answer, e.g. `{"message": " Rate Limit Exceeded "}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TooManyRequestsBody {
    /// What happened (the spec gives it no type).
    pub message: Option<serde_json::Value>,
}

/// `IdentityReference`: a pointer to another identity (here: a manager).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IdentityReference {
    /// Always `IDENTITY` here.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub ref_type: Option<DtoType>,
    /// Identity id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// `PublicIdentity`: what any user may see of another identity (to forward work to it).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PublicIdentity {
    /// Identity id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Alternate unique identifier, e.g. "alison.ferguso".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alias: Option<String>,
    /// Email address (nullable).
    pub email: Option<String>,
    /// Lifecycle status, e.g. "Active" (nullable).
    pub status: Option<String>,
    /// Identity state (nullable).
    pub identity_state: Option<IdentityState>,
    /// The identity's manager (nullable).
    pub manager: Option<IdentityReference>,
    /// Public attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Vec<PublicIdentityAttribute>>,
}

/// One public attribute of a [`PublicIdentity`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PublicIdentityAttribute {
    /// Attribute key, e.g. "country".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// Display name, e.g. "Country".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Value (nullable).
    pub value: Option<String>,
}

/// The experimental-feature header the forward and completed-count operations require.
pub const EXPERIMENTAL_HEADER: &str = "X-SailPoint-Experimental";
/// The header that carries the total when a collection is asked for with `count=true`.
pub const TOTAL_COUNT_HEADER: &str = "X-Total-Count";
/// The largest `limit` a collection accepts (and its default).
pub const MAX_LIMIT: u32 = 250;
/// The longest comment (forward, Mark Complete) or free-text form value the sandbox takes,
/// in characters, and the longest the app lets a person send. The spec sets no
/// `maxLength`; see `crates/sandbox/src/input.rs` for why 2,000.
pub const MAX_COMMENT_CHARS: usize = 2_000;

/// `text` cut after its first `max` characters (never inside a character), with "…" added
/// when anything was cut: how the sandbox quotes a client's text back and how the app
/// names a long value in a sentence.
pub fn clip(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(text),
        Some((end, _)) => std::borrow::Cow::Owned(format!("{}…", &text[..end])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn an_error_is_shown_in_the_readers_language_when_the_server_sent_it() {
        let dto: ErrorResponseDto = serde_json::from_value(json!({
            "detailCode": "400.1 Bad Request Content",
            "messages": [
                {"locale": "en-US", "localeOrigin": "DEFAULT", "text": "The request was wrong."},
                {"locale": "de-DE", "localeOrigin": "REQUEST", "text": "Die Anfrage war falsch."}
            ]
        }))
        .unwrap();
        assert_eq!(dto.message_for("de"), Some("Die Anfrage war falsch."));
        assert_eq!(dto.message_for("de-AT"), Some("Die Anfrage war falsch."));
        assert_eq!(dto.message_for("en"), Some("The request was wrong."));
        // No text in Arabic: the first one.
        assert_eq!(dto.message_for("ar"), Some("The request was wrong."));
        assert_eq!(ErrorResponseDto::default().message_for("de"), None);
    }

    #[test]
    fn a_work_item_decodes_from_the_spec_example_shape() {
        let item: WorkItem = serde_json::from_value(json!({
            "id": "2c9180835d2e5168015d32f890ca1581",
            "requesterId": null,
            "ownerName": "Jason Smith",
            "created": "2017-07-11T18:45:37.098Z",
            "state": "Pending",
            "type": "Generic",
            "approvalItems": [{"id": "a1", "application": "Active Directory", "state": null}],
            "form": null,
            "errors": ["The work item ID that was specified was not found."]
        }))
        .unwrap();
        assert!(item.is_pending());
        assert_eq!(item.work_item_type, Some(WorkItemType::Generic));
        assert_eq!(item.approval_items()[0].state, None);
        assert_eq!(
            item.created.unwrap().to_rfc3339(),
            "2017-07-11T18:45:37.098+00:00"
        );
    }

    #[test]
    fn nullable_fields_are_written_as_null_and_others_are_left_out() {
        let value = serde_json::to_value(WorkItem::default()).unwrap();
        let object = value.as_object().unwrap();
        for nullable in [
            "requesterId",
            "ownerId",
            "modified",
            "completed",
            "form",
            "approvalItems",
        ] {
            assert_eq!(
                object.get(nullable),
                Some(&serde_json::Value::Null),
                "{nullable}"
            );
        }
        for optional in ["id", "ownerName", "created", "state", "type", "errors"] {
            assert!(!object.contains_key(optional), "{optional}");
        }
    }

    #[test]
    fn timestamps_are_written_in_utc_with_a_z() {
        let created = "2017-07-11T18:45:37.098Z".parse::<DateTime<Utc>>().unwrap();
        let item = WorkItem {
            created: Some(created),
            ..WorkItem::default()
        };
        assert_eq!(
            serde_json::to_value(item).unwrap()["created"],
            "2017-07-11T18:45:37.098Z"
        );
    }

    #[test]
    fn the_sandbox_history_round_trips_and_an_isc_item_without_it_decodes() {
        let item: WorkItem = serde_json::from_value(json!({
            "id": "w1",
            "someFieldIscAddsLater": {"nested": [1, 2]},
            "sandboxHistory": [{"at": "2026-01-02T03:04:05.000Z", "action": "Forwarded",
                "actorId": "a", "actorName": "Ann", "comment": "yours",
                "targetOwnerId": "b", "targetOwnerName": "Bob"},
                {"action": "SomethingNew"}]
        }))
        .unwrap();
        let history = item.history.as_deref().unwrap();
        assert_eq!(history[0].action, Some(WorkItemAction::Forwarded));
        assert_eq!(history[0].comment.as_deref(), Some("yours"));
        assert_eq!(
            history[1].action,
            Some(WorkItemAction::Other("SomethingNew".into()))
        );
        let again = serde_json::to_value(&item).unwrap();
        assert_eq!(again["sandboxHistory"][0]["targetOwnerName"], "Bob");
        let plain = serde_json::to_value(WorkItem::default()).unwrap();
        assert!(plain.get("sandboxHistory").is_none());
    }

    #[test]
    fn forward_defaults_send_notifications_to_true() {
        let forward: WorkItemForward =
            serde_json::from_value(json!({"targetOwnerId": "x", "comment": "c"})).unwrap();
        assert!(forward.send_notifications);
        let forward: WorkItemForward = serde_json::from_value(
            json!({"targetOwnerId": "x", "comment": "c", "sendNotifications": null}),
        )
        .unwrap();
        assert!(forward.send_notifications);
        let forward: WorkItemForward = serde_json::from_value(
            json!({"targetOwnerId": "x", "comment": "c", "sendNotifications": false}),
        )
        .unwrap();
        assert!(!forward.send_notifications);
    }

    #[test]
    fn the_error_message_is_the_first_text() {
        let error: ErrorResponseDto = serde_json::from_value(json!({
            "detailCode": "400.1 Bad Request Content",
            "trackingId": "t",
            "messages": [{"locale": "en-US", "localeOrigin": "DEFAULT", "text": "bad limit"}]
        }))
        .unwrap();
        assert_eq!(error.message(), Some("bad limit"));
    }
}
