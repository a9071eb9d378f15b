//! Demo data: a dozen identities with personal-access-token credentials and 80+ work items
//! across the spec's types and states. Every id is derived from the seed name, so loading
//! twice changes nothing and the credentials can be documented.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, TransactionBehavior};
use serde_json::json;
use wire::{
    ApprovalItemDetails, FormDetails, PublicIdentityAttribute, RemediationItemDetails,
    SectionDetails, WorkItem, WorkItemState, WorkItemType,
};

use crate::error::ApiError;
use crate::ids::{sha256_hex, stable_hex32};
use crate::store::identities::{self, Identity};
use crate::store::work_items;

/// Alison Ferguso's identity id (the spec's example).
pub const ALISON_ID: &str = "2c9180857182305e0171993735622948";
/// Thomas Edison's identity id (the spec's example; the admin).
pub const THOMAS_ID: &str = "2c9180a46faadee4016fb4e018c20639";

/// (display name, alias, admin) of the demo identities, in creation order.
const PEOPLE: &[(&str, &str, bool)] = &[
    ("Alison Ferguso", "alison.ferguso", false),
    ("Thomas Edison", "thomas.edison", true),
    ("Fred Astaire", "Fred.Astaire", false),
    ("Ada Lovelace", "ada.lovelace", false),
    ("Grace Hopper", "grace.hopper", false),
    ("Alan Turing", "alan.turing", false),
    ("Marie Curie", "marie.curie", false),
    ("Nikola Tesla", "nikola.tesla", false),
    ("Katherine Johnson", "katherine.johnson", false),
    ("Hedy Lamarr", "hedy.lamarr", false),
    ("Rosalind Franklin", "rosalind.franklin", false),
    ("ليلى حداد", "layla.haddad", false),
];

/// The demo identities with their credentials.
pub fn demo_identities() -> Vec<Identity> {
    PEOPLE
        .iter()
        .map(|&(name, alias, admin)| {
            let id = match alias {
                "alison.ferguso" => ALISON_ID.to_owned(),
                "thomas.edison" => THOMAS_ID.to_owned(),
                _ => stable_hex32(&["demo", "identity", alias]),
            };
            let (first, last) = name.split_once(' ').unwrap_or((name, ""));
            let (first, last) = if alias == "layla.haddad" {
                ("Layla", "Haddad")
            } else {
                (first, last)
            };
            Identity {
                id,
                name: name.into(),
                alias: alias.into(),
                email: Some(format!("{}@acme-solar.com", alias.to_lowercase())),
                first_name: Some(first.into()),
                last_name: Some(last.into()),
                admin,
                client_id: stable_hex32(&["demo", "client-id", alias]),
                client_secret: sha256_hex(&format!("demo\u{1f}client-secret\u{1f}{alias}")),
                manager_id: (!admin).then(|| THOMAS_ID.to_owned()),
                attributes: vec![
                    PublicIdentityAttribute {
                        key: Some("country".into()),
                        name: Some("Country".into()),
                        value: Some("US".into()),
                    },
                    PublicIdentityAttribute {
                        key: Some("department".into()),
                        name: Some("Department".into()),
                        value: Some(if admin { "IT" } else { "Operations" }.into()),
                    },
                ],
            }
        })
        .collect()
}

/// Loads the demo data set; idempotent. Returns how many work items were new.
pub fn load_demo(conn: &mut Connection) -> Result<usize, ApiError> {
    let people = demo_identities();
    let items = demo_work_items(&people);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for person in &people {
        identities::insert_if_absent(&tx, person)?;
    }
    let added = work_items::insert_if_absent(&tx, &items)?;
    tx.commit()?;
    Ok(added)
}

/// Adds `n` generated pending approval work items for Alison, in one transaction
/// (idempotent: the same `n` twice adds nothing the second time).
pub fn load_extra(conn: &mut Connection, n: u32) -> Result<usize, ApiError> {
    let people = demo_identities();
    let (alison, thomas) = (&people[0], &people[1]);
    let base = base_time() - Duration::days(400);
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut added = 0;
    for chunk in (0..n).collect::<Vec<_>>().chunks(5000) {
        let items: Vec<WorkItem> = chunk
            .iter()
            .map(|&i| {
                let index = i.to_string();
                let id = stable_hex32(&["extra", &index]);
                let created = base + Duration::seconds(i64::from(i));
                WorkItem {
                    approval_items: Some(
                        (0..2)
                            .map(|k| ApprovalItemDetails {
                                id: Some(stable_hex32(&["extra", &index, &k.to_string()])),
                                account: Some(format!("load-{i}-{k}")),
                                application: Some("Load Test Source".into()),
                                name: Some("groups".into()),
                                operation: Some("Add".into()),
                                value: Some(format!("group-{k}")),
                                state: Some(WorkItemState::Pending),
                            })
                            .collect(),
                    ),
                    num_items: Some(2),
                    ..base_item(
                        id,
                        alison,
                        thomas,
                        WorkItemType::Approval,
                        &format!("Load test approval #{i}"),
                        "Approve generated access for the load benchmark",
                        created,
                    )
                }
            })
            .collect();
        added += work_items::insert_if_absent(&tx, &items)?;
    }
    tx.commit()?;
    Ok(added)
}

fn base_time() -> DateTime<Utc> {
    "2025-06-02T09:00:00Z".parse().unwrap_or_default()
}

fn base_item(
    id: String,
    owner: &Identity,
    requester: &Identity,
    kind: WorkItemType,
    name: &str,
    description: &str,
    created: DateTime<Utc>,
) -> WorkItem {
    WorkItem {
        id: Some(id),
        requester_id: Some(requester.id.clone()),
        requester_display_name: Some(requester.name.clone()),
        owner_id: Some(owner.id.clone()),
        owner_name: Some(owner.name.clone()),
        created: Some(created),
        modified: None,
        description: Some(description.into()),
        state: Some(WorkItemState::Pending),
        work_item_type: Some(kind),
        remediation_items: None,
        approval_items: None,
        name: Some(name.into()),
        completed: None,
        num_items: Some(0),
        form: None,
        errors: Some(Vec::new()),
    }
}

const SOURCES: &[&str] = &[
    "GitHub",
    "Active Directory",
    "Workday",
    "Salesforce",
    "ServiceNow",
    "Okta",
];
const ENTITLEMENTS: &[&str] = &[
    "Admins",
    "Developers",
    "Finance Readers",
    "Support L2",
    "Release Managers",
];

fn approvals(
    seed: &str,
    target: &Identity,
    count: usize,
    source: &str,
) -> Vec<ApprovalItemDetails> {
    (0..count)
        .map(|k| ApprovalItemDetails {
            id: Some(stable_hex32(&["demo", "approval", seed, &k.to_string()])),
            account: Some(format!(
                "{}-{}",
                target.alias.to_lowercase().replace('.', "-"),
                "sp"
            )),
            application: Some(source.into()),
            name: Some("memberOf".into()),
            operation: Some("Add".into()),
            value: Some(ENTITLEMENTS[k % ENTITLEMENTS.len()].into()),
            state: Some(WorkItemState::Pending),
        })
        .collect()
}

fn remediation(
    seed: &str,
    target: &Identity,
    source: &str,
    operation: &str,
    account: &str,
) -> RemediationItemDetails {
    RemediationItemDetails {
        id: Some(stable_hex32(&["demo", "remediation", seed])),
        target_id: Some(target.id.clone()),
        target_name: Some(target.alias.clone()),
        target_display_name: Some(target.name.clone()),
        application_name: Some(source.into()),
        attribute_name: Some("account".into()),
        attribute_operation: Some(operation.into()),
        attribute_value: Some(account.into()),
        native_identity: Some(account.into()),
    }
}

fn selection_form(seed: &str, target: &Identity, source: &str) -> FormDetails {
    let base = target.alias.to_lowercase().replace('.', "-");
    FormDetails {
        id: Some(stable_hex32(&["demo", "form", seed])),
        name: Some("AccountSelection Form".into()),
        title: Some(format!("Choose the {source} account for {}", target.name)),
        subtitle: Some("More than one account matches; pick the one to use.".into()),
        target_user: Some(target.alias.clone()),
        sections: Some(vec![SectionDetails {
            name: Some("accountSelection".into()),
            label: Some("Account".into()),
            form_items: Some(vec![
                json!({"name": "account", "label": format!("{source} account"), "type": "select",
                       "required": true, "allowedValues": [
                           format!("{base}-sp"),
                           {"label": format!("{base}-admin (privileged)"), "value": format!("{base}-admin")}]}),
                json!({"name": "justification", "label": "Justification", "type": "textarea",
                       "required": false, "helpText": "Why this account? (optional)"}),
            ]),
        }]),
    }
}

/// Finishes a seeded item as if someone acted on it `days_later`.
fn complete_as(mut item: WorkItem, state: WorkItemState, days_later: i64) -> WorkItem {
    let done = item.created.unwrap_or_default() + Duration::days(days_later);
    for approval in item.approval_items.iter_mut().flatten() {
        approval.state = Some(if state == WorkItemState::Rejected {
            WorkItemState::Rejected
        } else {
            WorkItemState::Finished
        });
    }
    item.state = Some(state);
    item.modified = Some(done);
    item.completed = Some(done);
    item
}

fn demo_work_items(people: &[Identity]) -> Vec<WorkItem> {
    let (alison, thomas, fred) = (&people[0], &people[1], &people[2]);
    let base = base_time();
    let mut items = Vec::new();
    let mut n = 0i64;
    let mut next_created = || {
        n += 1;
        base + Duration::minutes(n * 97)
    };

    // The seed's example.
    items.push(WorkItem {
        remediation_items: Some(vec![remediation(
            "fred-github",
            fred,
            "GitHub",
            "Create",
            "fred-astaire-sp",
        )]),
        num_items: Some(1),
        ..base_item(
            stable_hex32(&["demo", "work-item", "fred-github-create"]),
            alison,
            thomas,
            WorkItemType::Generic,
            "Create an Account",
            "Create account on source 'GitHub'",
            next_created(),
        )
    });

    // Hostile strings, all for Alison.
    let hostile: [(&str, &str); 5] = [
        ("<script>alert('owned')</script>", "Review <b>bold</b> &amp; <img src=x onerror=alert(1)> access"),
        ("🚀 Provision laptop 💻 for 👩🏽‍💻 new hire", "Emoji everywhere: ✅❌🔥 — and a zero-width joiner 👨‍👩‍👧"),
        ("طلب وصول إلى النظام المالي", "يرجى مراجعة طلب الوصول هذا والموافقة عليه قبل نهاية الأسبوع"),
        ("A very long work item name that keeps going so that every layout has to wrap or truncate it somewhere sensible instead of overflowing", ""),
        ("\"Quotes' and \\ backslashes", "Line one\nLine two\ttabbed"),
    ];
    let long_text = "Very long description. ".repeat(250);
    for (k, (name, description)) in hostile.iter().enumerate() {
        let description = if description.is_empty() {
            long_text.as_str()
        } else {
            description
        };
        let seed = format!("hostile-{k}");
        let mut item = base_item(
            stable_hex32(&["demo", "work-item", &seed]),
            alison,
            &people[3 + k % 4],
            if k % 2 == 0 {
                WorkItemType::Approval
            } else {
                WorkItemType::Generic
            },
            name,
            description,
            next_created(),
        );
        if k % 2 == 0 {
            let mut list = approvals(&seed, fred, 1, "<Source & \"Co\">");
            list[0].value = Some("<script>document.title='x'</script>".into());
            item.num_items = Some(1);
            item.approval_items = Some(list);
        }
        items.push(item);
    }

    // Regular work for everyone; Alison gets the most.
    let kinds = [
        WorkItemType::Approval,
        WorkItemType::Generic,
        WorkItemType::Remediation,
        WorkItemType::Form,
        WorkItemType::Approval,
        WorkItemType::Certification,
        WorkItemType::ViolationReview,
        WorkItemType::ManualAction,
        WorkItemType::PolicyViolation,
        WorkItemType::Signoff,
        WorkItemType::Challenge,
        WorkItemType::ImpactAnalysis,
        WorkItemType::Delegation,
        WorkItemType::Event,
    ];
    let finals = [
        WorkItemState::Finished,
        WorkItemState::Rejected,
        WorkItemState::Finished,
        WorkItemState::Returned,
        WorkItemState::Expired,
        WorkItemState::Canceled,
    ];
    let mut completed_counter = 0usize;
    for (p, owner) in people.iter().enumerate() {
        let count = match p {
            0 => 24,
            1 => 6,
            _ => 6,
        };
        for k in 0..count {
            let seed = format!("{}-{k}", owner.alias);
            let kind = kinds[(k + p) % kinds.len()].clone();
            let target = &people[(p + k + 2) % people.len()];
            let target = if target.id == owner.id { fred } else { target };
            let source = SOURCES[(k + p) % SOURCES.len()];
            let requester = if owner.admin { alison } else { thomas };
            let id = stable_hex32(&["demo", "work-item", &seed]);
            let mut item = match kind {
                WorkItemType::Approval => {
                    let list = approvals(&seed, target, 1 + k % 3, source);
                    WorkItem {
                        num_items: Some(list.len() as i32),
                        approval_items: Some(list),
                        ..base_item(
                            id,
                            owner,
                            requester,
                            kind,
                            &format!("Access request for {}", target.name),
                            &format!("Approve access to {source} for {}", target.name),
                            next_created(),
                        )
                    }
                }
                WorkItemType::Form => WorkItem {
                    form: Some(selection_form(&seed, target, source)),
                    num_items: Some(1),
                    ..base_item(
                        id,
                        owner,
                        requester,
                        kind,
                        "Account Selection",
                        &format!("Select the {source} account for {}", target.name),
                        next_created(),
                    )
                },
                WorkItemType::Generic | WorkItemType::ManualAction => {
                    let op = if k % 2 == 0 { "Create" } else { "Delete" };
                    let account = format!("{}-sp", target.alias.to_lowercase().replace('.', "-"));
                    WorkItem {
                        remediation_items: Some(vec![remediation(
                            &seed, target, source, op, &account,
                        )]),
                        num_items: Some(1),
                        ..base_item(
                            id,
                            owner,
                            requester,
                            kind,
                            if op == "Create" {
                                "Create an Account"
                            } else {
                                "Delete an Account"
                            },
                            &format!("{op} account on source '{source}'"),
                            next_created(),
                        )
                    }
                }
                WorkItemType::Remediation => {
                    let account = format!("{}-sp", target.alias.to_lowercase().replace('.', "-"));
                    WorkItem {
                        remediation_items: Some(vec![remediation(
                            &seed, target, source, "Remove", &account,
                        )]),
                        num_items: Some(1),
                        ..base_item(
                            id,
                            owner,
                            requester,
                            kind,
                            "Remove revoked access",
                            &format!(
                                "Remove '{}' from {} on {source}",
                                ENTITLEMENTS[k % ENTITLEMENTS.len()],
                                target.name
                            ),
                            next_created(),
                        )
                    }
                }
                other => base_item(
                    id,
                    owner,
                    requester,
                    other.clone(),
                    &format!("{other} task"),
                    &format!("{other} task about {} on {source}", target.name),
                    next_created(),
                ),
            };
            // Roughly one in three is already done, in a spread of final states.
            if k % 3 == 2 {
                let state = finals[completed_counter % finals.len()].clone();
                completed_counter += 1;
                item = complete_as(item, state, 1 + (k as i64 % 5));
                if let Some(form) = item.form.as_mut() {
                    let done = wire::AccountSelection::from_iter([(
                        "account".to_owned(),
                        json!(format!(
                            "{}-sp",
                            target.alias.to_lowercase().replace('.', "-")
                        )),
                    )]);
                    if let Ok(next) = crate::workflow::apply(
                        &WorkItem {
                            form: Some(form.clone()),
                            state: Some(WorkItemState::Pending),
                            ..WorkItem::default()
                        },
                        &crate::workflow::Action::SubmitSelection(done),
                        item.completed.unwrap_or_default(),
                    ) {
                        item.form = next.form;
                    }
                }
            }
            items.push(item);
        }
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_set_has_enough_items_of_every_kind_and_state() {
        let people = demo_identities();
        let items = demo_work_items(&people);
        assert!(items.len() >= 80, "{}", items.len());
        let pending = items.iter().filter(|i| i.is_pending()).count();
        assert!(pending >= 40 && pending < items.len());
        for state in [
            WorkItemState::Finished,
            WorkItemState::Rejected,
            WorkItemState::Expired,
            WorkItemState::Canceled,
        ] {
            assert!(
                items.iter().any(|i| i.state.as_ref() == Some(&state)),
                "{state}"
            );
        }
        let mut ids: Vec<_> = items.iter().map(|i| i.id.clone()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), items.len(), "ids are unique");
    }

    #[test]
    fn every_non_admin_has_pending_work_and_alison_has_forms_and_approvals() {
        let people = demo_identities();
        let items = demo_work_items(&people);
        for person in people.iter().filter(|p| !p.admin) {
            assert!(
                items
                    .iter()
                    .any(|i| i.is_pending() && i.owner_id.as_deref() == Some(&person.id)),
                "{}",
                person.name
            );
        }
        let alison_pending: Vec<_> = items
            .iter()
            .filter(|i| i.is_pending() && i.owner_id.as_deref() == Some(ALISON_ID))
            .collect();
        assert!(alison_pending.iter().any(|i| i.form.is_some()));
        assert!(
            alison_pending
                .iter()
                .filter(|i| !i.approval_items().is_empty())
                .count()
                >= 3
        );
    }
}
