//! The demo work items, built from tables: the seed's example, a few hostile strings, and
//! regular work for everyone. Times are relative to `now` (the sandbox's start), from
//! minutes to months old, so ages in the app mean something; ids are derived from the
//! seed's names, so loading twice changes nothing.

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use wire::{
    AccountSelection, ApprovalItemDetails, FormDetails, RemediationItemDetails, SectionDetails,
    WorkItem, WorkItemState, WorkItemType,
};

use crate::ids::stable_hex32;
use crate::store::identities::Identity;
use crate::workflow::{self, Action};

/// Sources the demo work is about.
pub const SOURCES: &[&str] = &[
    "GitHub",
    "Active Directory",
    "Workday",
    "Salesforce",
    "ServiceNow",
    "Okta",
    "AWS IAM",
    "SAP",
];

/// Entitlements asked for in approval items.
const ENTITLEMENTS: &[&str] = &[
    "Admins",
    "Developers",
    "Finance Readers",
    "Support L2",
    "Release Managers",
];

/// How long ago items were created, cycled through: minutes to months.
const AGES_MINUTES: &[i64] = &[
    7,
    38,
    2 * 60,
    9 * 60,
    26 * 60,
    2 * 24 * 60,
    3 * 24 * 60 + 300,
    6 * 24 * 60,
    11 * 24 * 60,
    17 * 24 * 60,
    29 * 24 * 60,
    47 * 24 * 60,
    73 * 24 * 60,
    118 * 24 * 60,
    190 * 24 * 60,
];

/// The work item types given to regular work, cycled through.
const KINDS: &[WorkItemType] = &[
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

/// The final states given to completed regular work, cycled through.
const FINALS: &[WorkItemState] = &[
    WorkItemState::Finished,
    WorkItemState::Rejected,
    WorkItemState::Finished,
    WorkItemState::Returned,
    WorkItemState::Expired,
    WorkItemState::Canceled,
];

/// (name, description) of the hostile items, all Alison's; an empty description means a
/// very long one.
const HOSTILE: &[(&str, &str)] = &[
    ("<script>alert('owned')</script>", "Review <b>bold</b> &amp; <img src=x onerror=alert(1)> access"),
    ("🚀 Provision laptop 💻 for 👩🏽‍💻 new hire", "Emoji everywhere: ✅❌🔥 — and a zero-width joiner 👨‍👩‍👧"),
    ("طلب وصول إلى النظام المالي", "يرجى مراجعة طلب الوصول هذا والموافقة عليه قبل نهاية الأسبوع"),
    ("A very long work item name that keeps going so that every layout has to wrap or truncate it somewhere sensible instead of overflowing", ""),
    ("\"Quotes' and \\ backslashes", "Line one\nLine two\ttabbed"),
];

/// Pending items per person (Alison first, with the most), then completed ones follow the
/// `k % 3 == 2` rule in [`regular`].
fn work_count(person: usize) -> usize {
    if person == 0 {
        24
    } else {
        6
    }
}

/// The `n`th creation time before `now`: an age from [`AGES_MINUTES`], spread a little by
/// `n` so no two items share a time.
pub fn created_at(now: DateTime<Utc>, n: usize) -> DateTime<Utc> {
    let age = AGES_MINUTES[n % AGES_MINUTES.len()];
    now - Duration::minutes(age) - Duration::seconds((n as i64 * 37) % 3600)
}

/// The account name of `target` on any source, e.g. `fred-astaire-sp`.
fn account_of(target: &Identity) -> String {
    format!("{}-sp", target.alias.to_lowercase().replace('.', "-"))
}

/// A pending work item with the fields every item has.
pub struct Base<'a> {
    /// The seed name the id is derived from.
    pub seed: &'a str,
    /// Whose task it is.
    pub owner: &'a Identity,
    /// Who asked for it.
    pub requester: &'a Identity,
    /// Its type.
    pub kind: WorkItemType,
    /// Its name.
    pub name: &'a str,
    /// Its description.
    pub description: &'a str,
    /// When it was created.
    pub created: DateTime<Utc>,
}

impl Base<'_> {
    /// The pending work item, without approval, remediation or form details.
    pub fn item(&self) -> WorkItem {
        WorkItem {
            id: Some(stable_hex32(&["demo", "work-item", self.seed])),
            requester_id: Some(self.requester.id.clone()),
            requester_display_name: Some(self.requester.name.clone()),
            owner_id: Some(self.owner.id.clone()),
            owner_name: Some(self.owner.name.clone()),
            created: Some(self.created),
            description: Some(self.description.into()),
            state: Some(WorkItemState::Pending),
            work_item_type: Some(self.kind.clone()),
            name: Some(self.name.into()),
            num_items: Some(0),
            errors: Some(Vec::new()),
            ..WorkItem::default()
        }
    }
}

/// `count` pending approval items for `target`'s account on `source`.
pub fn approvals(
    seed: &str,
    account: &str,
    count: usize,
    source: &str,
) -> Vec<ApprovalItemDetails> {
    (0..count)
        .map(|k| ApprovalItemDetails {
            id: Some(stable_hex32(&["demo", "approval", seed, &k.to_string()])),
            account: Some(account.into()),
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
) -> RemediationItemDetails {
    let account = account_of(target);
    RemediationItemDetails {
        id: Some(stable_hex32(&["demo", "remediation", seed])),
        target_id: Some(target.id.clone()),
        target_name: Some(target.alias.clone()),
        target_display_name: Some(target.name.clone()),
        application_name: Some(source.into()),
        attribute_name: Some("account".into()),
        attribute_operation: Some(operation.into()),
        attribute_value: Some(account.clone()),
        native_identity: Some(account),
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

/// The seed's example: Alison's pending "Create an Account" for Fred.Astaire in GitHub,
/// her oldest item.
fn fred_example(
    alison: &Identity,
    thomas: &Identity,
    fred: &Identity,
    now: DateTime<Utc>,
) -> WorkItem {
    WorkItem {
        remediation_items: Some(vec![remediation("fred-github", fred, "GitHub", "Create")]),
        num_items: Some(1),
        ..Base {
            seed: "fred-github-create",
            owner: alison,
            requester: thomas,
            kind: WorkItemType::Generic,
            name: "Create an Account",
            description: "Create account on source 'GitHub'",
            created: now - Duration::days(240),
        }
        .item()
    }
}

/// The [`HOSTILE`] items, for Alison.
fn hostile(people: &[Identity], now: DateTime<Utc>) -> Vec<WorkItem> {
    let long_text = "Very long description. ".repeat(250);
    HOSTILE
        .iter()
        .enumerate()
        .map(|(k, &(name, description))| {
            let seed = format!("hostile-{k}");
            let approval = k % 2 == 0;
            let mut item = Base {
                seed: &seed,
                owner: &people[0],
                requester: &people[3 + k % 4],
                kind: if approval {
                    WorkItemType::Approval
                } else {
                    WorkItemType::Generic
                },
                name,
                description: if description.is_empty() {
                    &long_text
                } else {
                    description
                },
                created: created_at(now, 3 * k + 1),
            }
            .item();
            if approval {
                let mut list = approvals(&seed, &account_of(&people[2]), 1, "<Source & \"Co\">");
                list[0].value = Some("<script>document.title='x'</script>".into());
                item.num_items = Some(1);
                item.approval_items = Some(list);
            }
            item
        })
        .collect()
}

/// The details a regular item of `base.kind` carries, about `target` on `source`.
fn with_details(base: Base<'_>, k: usize, target: &Identity, source: &str) -> WorkItem {
    let seed = base.seed;
    match base.kind {
        WorkItemType::Approval => {
            let list = approvals(seed, &account_of(target), 1 + k % 3, source);
            WorkItem {
                num_items: Some(list.len() as i32),
                approval_items: Some(list),
                ..base.item()
            }
        }
        WorkItemType::Form => WorkItem {
            form: Some(selection_form(seed, target, source)),
            num_items: Some(1),
            ..base.item()
        },
        WorkItemType::Generic | WorkItemType::ManualAction | WorkItemType::Remediation => {
            let op = match (&base.kind, k % 2) {
                (WorkItemType::Remediation, _) => "Remove",
                (_, 0) => "Create",
                _ => "Delete",
            };
            WorkItem {
                remediation_items: Some(vec![remediation(seed, target, source, op)]),
                num_items: Some(1),
                ..base.item()
            }
        }
        _ => base.item(),
    }
}

/// The name and description of a regular item of `kind`.
fn wording(kind: &WorkItemType, k: usize, target: &Identity, source: &str) -> (String, String) {
    let who = &target.name;
    match kind {
        WorkItemType::Approval => (
            format!("Access request for {who}"),
            format!("Approve access to {source} for {who}"),
        ),
        WorkItemType::Form => (
            "Account Selection".into(),
            format!("Select the {source} account for {who}"),
        ),
        WorkItemType::Generic | WorkItemType::ManualAction if k % 2 == 0 => (
            "Create an Account".into(),
            format!("Create account on source '{source}'"),
        ),
        WorkItemType::Generic | WorkItemType::ManualAction => (
            "Delete an Account".into(),
            format!("Delete account on source '{source}'"),
        ),
        WorkItemType::Remediation => (
            "Remove revoked access".into(),
            format!(
                "Remove '{}' from {who} on {source}",
                ENTITLEMENTS[k % ENTITLEMENTS.len()]
            ),
        ),
        other => (
            format!("{other} task"),
            format!("{other} task about {who} on {source}"),
        ),
    }
}

/// Finishes a seeded item in `state` as if its owner acted on it some hours after it was
/// created (never after `now`), storing a chosen account for a form and deciding its
/// approval items as `state` says.
fn complete_as(
    mut item: WorkItem,
    state: WorkItemState,
    hours_later: i64,
    now: DateTime<Utc>,
) -> WorkItem {
    let created = item.created.unwrap_or(now);
    let done = (created + Duration::hours(hours_later)).min(now);
    if let (Some(form), Some(target)) = (item.form.clone(), form_target(&item)) {
        let choice = AccountSelection::from_iter([("account".to_owned(), json!(target))]);
        let pending = WorkItem {
            form: Some(form),
            state: Some(WorkItemState::Pending),
            ..WorkItem::default()
        };
        if let Ok(next) = workflow::apply(&pending, &Action::SubmitSelection(choice), done) {
            item.form = next.form;
        }
    }
    // A rejected item had its approval items rejected; a finished one approved, except
    // that of several the first was rejected (a mixed decision, the last one an approval).
    // An item that expired, was returned or was canceled left them undecided.
    let several = item.approval_items.as_ref().is_some_and(|a| a.len() > 1);
    for (i, approval) in item.approval_items.iter_mut().flatten().enumerate() {
        approval.state = match state {
            WorkItemState::Rejected => Some(WorkItemState::Rejected),
            WorkItemState::Finished if i == 0 && several => Some(WorkItemState::Rejected),
            WorkItemState::Finished => Some(WorkItemState::Finished),
            _ => approval.state.clone(),
        };
    }
    item.state = Some(state);
    item.modified = Some(done);
    item.completed = Some(done);
    item
}

/// The first allowed account of an item's form.
fn form_target(item: &WorkItem) -> Option<String> {
    let form = item.form.as_ref()?;
    let field = form.fields().into_iter().find(|f| f.name == "account")?;
    Some(field.allowed_values.first()?.value().to_owned())
}

/// The `k`th regular item of `people[p]`; every third one is already completed.
fn regular(people: &[Identity], p: usize, k: usize, now: DateTime<Utc>) -> WorkItem {
    let owner = &people[p];
    let n = people.len();
    let seed = format!("{}-{k}", owner.alias);
    let kind = KINDS[(k + p) % KINDS.len()].clone();
    let target = &people[(p + k + 2) % n];
    let target = if target.id == owner.id {
        &people[2]
    } else {
        target
    };
    // Requesters vary: anyone but the owner (the admin for a third of the work).
    let requester = match (p + 2 * k + 1) % n {
        r if r == p || k % 3 == 0 => &people[if p == 1 { 0 } else { 1 }],
        r => &people[r],
    };
    let source = SOURCES[(k * 3 + p) % SOURCES.len()];
    let (name, description) = wording(&kind, k, target, source);
    let base = Base {
        seed: &seed,
        owner,
        requester,
        kind,
        name: &name,
        description: &description,
        created: created_at(now, k * 5 + p * 3),
    };
    let item = with_details(base, k, target, source);
    if k % 3 == 2 {
        let state = FINALS[(k / 3 + p) % FINALS.len()].clone();
        complete_as(item, state, 1 + (k as i64 % 5) * 7, now)
    } else {
        item
    }
}

/// Every demo work item, created relative to `now`.
pub fn demo_work_items(people: &[Identity], now: DateTime<Utc>) -> Vec<WorkItem> {
    let mut items = vec![fred_example(&people[0], &people[1], &people[2], now)];
    items.extend(hostile(people, now));
    for p in 0..people.len() {
        items.extend((0..work_count(p)).map(|k| regular(people, p, k, now)));
    }
    items
}

/// The `i`th generated pending item for `owner` (`--extra-items`): varied in type, source,
/// requester and age the way the demo work is, up to a year old.
pub fn extra_item(people: &[Identity], owner: &Identity, i: u32, now: DateTime<Utc>) -> WorkItem {
    let index = i.to_string();
    let seed = format!("extra-{index}");
    let k = i as usize;
    let kind = [
        WorkItemType::Approval,
        WorkItemType::Generic,
        WorkItemType::Approval,
        WorkItemType::Remediation,
        WorkItemType::Form,
        WorkItemType::ManualAction,
    ][k % 6]
        .clone();
    let others: Vec<&Identity> = people.iter().filter(|p| p.id != owner.id).collect();
    let target = others[k % others.len()];
    let requester = others[(k / 7 + 1) % others.len()];
    let source = SOURCES[(k / 3) % SOURCES.len()];
    let (name, description) = wording(&kind, k, target, source);
    // Spread over a year, in a fixed but unsorted order.
    let age = Duration::seconds(((k as i64).wrapping_mul(7919) % (365 * 86_400)).abs());
    let base = Base {
        seed: &seed,
        owner,
        requester,
        kind,
        name: &format!("{name} #{i}"),
        description: &description,
        created: now - age - Duration::minutes(1),
    };
    let mut item = with_details(base, k, target, source);
    item.id = Some(stable_hex32(&["extra", &index]));
    item
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::{demo_identities, ALISON_ID};

    fn now() -> DateTime<Utc> {
        "2026-03-01T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn completed_demo_items_decided_their_approval_items_as_their_state_says() {
        let items = demo_work_items(&demo_identities(), now());
        let states = |item: &WorkItem| -> Vec<Option<WorkItemState>> {
            item.approval_items()
                .iter()
                .map(|a| a.state.clone())
                .collect()
        };
        let decided = [Some(WorkItemState::Finished), Some(WorkItemState::Rejected)];
        let mut mixed = false;
        for item in items
            .iter()
            .filter(|i| !i.is_pending() && !i.approval_items().is_empty())
        {
            let states = states(item);
            match item.state {
                Some(WorkItemState::Rejected) => {
                    assert!(states.iter().all(|s| *s == decided[1]), "{states:?}")
                }
                Some(WorkItemState::Finished) => {
                    assert!(states.iter().all(|s| decided.contains(s)), "{states:?}");
                    mixed |= states.contains(&decided[0]) && states.contains(&decided[1]);
                }
                _ => assert!(states.iter().all(|s| !decided.contains(s)), "{states:?}"),
            }
        }
        assert!(mixed, "no finished item with a mixed decision");
    }

    #[test]
    fn the_demo_set_has_enough_items_of_every_kind_and_state() {
        let items = demo_work_items(&demo_identities(), now());
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
        let items = demo_work_items(&people, now());
        for person in people.iter().filter(|p| !p.admin) {
            assert!(
                items
                    .iter()
                    .any(|i| i.is_pending() && i.owner_id.as_deref() == Some(&person.id)),
                "{}",
                person.name
            );
        }
        let alison: Vec<_> = items
            .iter()
            .filter(|i| i.is_pending() && i.owner_id.as_deref() == Some(ALISON_ID))
            .collect();
        assert!(alison.iter().any(|i| i.form.is_some()));
        assert!(
            alison
                .iter()
                .filter(|i| !i.approval_items().is_empty())
                .count()
                >= 3
        );
    }

    #[test]
    fn times_run_from_minutes_to_months_before_the_start_and_never_after_it() {
        let items = demo_work_items(&demo_identities(), now());
        let ages: Vec<Duration> = items.iter().map(|i| now() - i.created.unwrap()).collect();
        assert!(ages.iter().all(|a| *a > Duration::zero()));
        assert!(ages.iter().any(|a| *a < Duration::hours(1)));
        assert!(ages.iter().any(|a| *a > Duration::days(60)));
        assert!(items
            .iter()
            .filter_map(|i| i.completed)
            .all(|done| done <= now()));
    }

    #[test]
    fn alisons_pending_work_has_varied_requesters_sources_and_types() {
        let items = demo_work_items(&demo_identities(), now());
        let alison: Vec<_> = items
            .iter()
            .filter(|i| i.is_pending() && i.owner_id.as_deref() == Some(ALISON_ID))
            .collect();
        let distinct = |f: &dyn Fn(&WorkItem) -> Option<String>| {
            let mut values: Vec<_> = alison.iter().filter_map(|i| f(i)).collect();
            values.sort();
            values.dedup();
            values.len()
        };
        assert!(distinct(&|i| i.requester_display_name.clone()) >= 4);
        assert!(distinct(&|i| i.work_item_type.as_ref().map(|t| t.to_string())) >= 6);
        assert!(distinct(&|i| i.description.clone()) >= 10);
    }

    #[test]
    fn extra_items_are_pending_varied_and_stable() {
        let people = demo_identities();
        let items: Vec<_> = (0..60)
            .map(|i| extra_item(&people, &people[0], i, now()))
            .collect();
        assert!(items.iter().all(|i| i.is_pending()));
        assert!(items.iter().any(|i| !i.approval_items().is_empty()));
        assert!(items.iter().any(|i| i.form.is_some()));
        let mut requesters: Vec<_> = items.iter().map(|i| i.requester_id.clone()).collect();
        requesters.sort();
        requesters.dedup();
        assert!(requesters.len() >= 4);
        assert_eq!(
            extra_item(&people, &people[0], 5, now()).id,
            items[5].id,
            "the same index gives the same id"
        );
    }
}
