//! The detail page of one work item: every field of the wire model, laid out for a person.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params};
use wire::{ApprovalItemDetails, RemediationItemDetails, WorkItem};

use crate::api::{work_items, ApiError, Client};
use crate::components::approval::{ApprovalItemActions, BulkDecisionBar};
use crate::components::form::{AccountSelectionForm, SelectionSummary};
use crate::components::history::History;
use crate::components::item_bar::ItemActionBar;
use crate::components::shell::Shell;
use crate::components::status::loaded_unless_same;
use crate::components::time::MaybeTime;
use crate::focus::focus_when_lost;
use crate::hooks::item_actions::{use_item_actions, Home, ItemActions, NEXT_APPROVAL};
use crate::hooks::shortcuts::use_back_shortcut;
use crate::i18n::intl;
use crate::logic::command::{Command, Target};
use crate::logic::format::type_label;
use crate::logic::messages::{is_waiting, pending_count};
use crate::logic::outcome::{approval_state_label, state_class, state_label};
use crate::routes::{AppRoute, ItemParams, Tab};
use crate::state::{Changes, ListPlace, PageName};
use crate::t;

/// The route `/items/:id`.
#[component]
pub fn DetailPage() -> impl IntoView {
    view! { <Shell><Detail/></Shell> }
}

#[component]
fn Detail() -> impl IntoView {
    let api = expect_context::<Client>();
    let changes = expect_context::<Changes>();
    let params = use_params::<ItemParams>();
    let id = Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.id.clone())));
    // A 404 or 403 is an answer here, not a failure: the page says so and offers the way
    // back (a 403 is an item forwarded away, opened again by Back or from a bookmark).
    let item = LocalResource::new(move || {
        changes.track();
        let (api, id) = (api.clone(), id.get());
        async move {
            let Some(id) = id else {
                return Ok(Lookup::Missing);
            };
            match work_items::get(&api, &id).await {
                Ok(item) => Ok(Lookup::Found(Box::new(item))),
                Err(ApiError::NotFound(_)) => Ok(Lookup::Missing),
                Err(ApiError::Forbidden(_)) => Ok(Lookup::NotYours),
                Err(other) => Err(other),
            }
        }
    });
    let current = Signal::derive(move || match item.get() {
        Some(Ok(Lookup::Found(item))) => Target::of(&item),
        _ => None,
    });
    // Back to the list (tab and view) the item was opened from, else the Pending tab.
    let back = expect_context::<ListPlace>().href();
    // The item the page last arrived at (see the focus rule below).
    let arrived = StoredValue::new(None::<String>);
    let navigate = use_navigate();
    let after_forward = Callback::new({
        let back = back.clone();
        move |()| navigate(&back, Default::default())
    });
    provide_context(use_item_actions(
        current,
        after_forward,
        Home::Id("detail-title"),
    ));
    use_back_shortcut(back.clone());
    // The title names the item once it is in (or says it is not there).
    PageName::follow(move || {
        item.with(|found| match found {
            Some(Ok(Lookup::Found(item))) => {
                Some(item.name.clone().unwrap_or_else(|| t!("item-no-name")))
            }
            Some(Ok(Lookup::Missing)) => Some(t!("detail-not-found-title")),
            Some(Ok(Lookup::NotYours)) => Some(t!("detail-not-yours-title")),
            Some(Err(_)) | None => None,
        })
    });
    view! {
        <p class="mt-back"><A href=back>{t!("back-to-task-manager")}</A></p>
        // Every change anywhere reads the item again; the page is drawn anew only when what
        // was read differs, so a dialog or form being filled in here is left alone.
        {loaded_unless_same(item, t!("loading-work-item"), move |found| {
            let (title, before, after) = match found {
                Lookup::Found(item) => {
                    // Opened from a list, the link that had focus is gone: the person starts
                    // at the item's heading, which a screen reader reads, rather than at the
                    // top of the page. Drawn anew after an action here (whose button went
                    // with the old drawing), they carry on at the next approval item to
                    // decide, if there is one.
                    if arrived.with_value(|at| at != &item.id) {
                        arrived.set_value(item.id.clone());
                        focus_when_lost(vec!["detail-title"]);
                    } else {
                        focus_when_lost(vec![NEXT_APPROVAL, "detail-title"]);
                    }
                    return view! { <WorkItemDetail item=*item/> }.into_any();
                }
                // "There is no work item with the ID w1, or it is not yours to see."
                Lookup::Missing => (
                    t!("detail-not-found-title"),
                    t!("detail-not-found-before"),
                    t!("detail-not-found-after"),
                ),
                // "The work item with the ID w1 is someone else's now: …"
                Lookup::NotYours => (
                    t!("detail-not-yours-title"),
                    t!("detail-not-yours-before"),
                    format!(" {}", t!("detail-not-yours-after")),
                ),
            };
            // Come by Back after a forward, say: the person starts at what the page says.
            focus_when_lost(vec!["missing-title"]);
            view! {
                <section class="mt-card" aria-labelledby="missing-title">
                    <h1 id="missing-title" class="mt-page-title">{title}</h1>
                    <p>{before} " " <code>{id.get_untracked().unwrap_or_default()}</code>
                       {after}</p>
                    <p><A href=AppRoute::tab(Tab::Pending).href()>{t!("detail-go-to-pending")}</A></p>
                </section>
            }.into_any()
        })}
    }
}

/// What asking for the page's work item found.
#[derive(Clone, PartialEq)]
enum Lookup {
    Found(Box<WorkItem>),
    /// No such item (404), or no item named.
    Missing,
    /// Someone else's (403): forwarded away, or never the person's.
    NotYours,
}

/// A label and value in a description list.
#[component]
fn Field(
    /// The label.
    label: String,
    /// The value.
    children: Children,
) -> impl IntoView {
    view! { <div class="mt-fields__row"><dt>{label}</dt><dd><bdi>{children()}</bdi></dd></div> }
}

/// An approval item as a person names it: "value (attribute) on application".
fn approval_label(item: &ApprovalItemDetails) -> String {
    let what = item
        .value
        .clone()
        .or(item.name.clone())
        .unwrap_or_else(|| t!("approval-item"));
    match &item.application {
        Some(app) => t!("approval-label", what = &what, application = app),
        None => what,
    }
}

fn text(value: &Option<String>) -> String {
    value
        .clone()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "—".into())
}

/// An operation in the person's language, or "—".
fn operation(value: &Option<String>) -> String {
    crate::logic::format::operation_label(value.as_deref()).unwrap_or_else(|| text(value))
}

/// Everything about one work item.
#[component]
pub fn WorkItemDetail(
    /// The work item.
    item: WorkItem,
) -> impl IntoView {
    let state = state_label(item.state.as_ref());
    let kind = item
        .work_item_type
        .as_ref()
        .map_or("—".to_owned(), type_label);
    let approvals = item.approval_items().to_vec();
    let actions = expect_context::<ItemActions>();
    let open = item.is_pending();
    let waiting = pending_count(&approvals);
    // The first item still to decide: where focus goes after a decision (`NEXT_APPROVAL`).
    let next = approvals.iter().position(|a| open && is_waiting(a));
    let remediations = item.remediation_items().to_vec();
    let errors = item.errors.clone().unwrap_or_default();
    view! {
        <article class="mt-detail" aria-labelledby="detail-title">
            <h1 id="detail-title" class="mt-page-title"><bdi>{item.name.clone().unwrap_or_else(|| t!("item-no-name"))}</bdi></h1>
            <Description text=text(&item.description)/>
            {Target::of(&item).is_some().then(|| view! { <ItemActionBar item=item.clone()/> })}
            <dl class="mt-fields mt-card">
                <Field label=t!("field-state")><span class="mt-detail__state"><span class=state_class(item.state.as_ref())>{state.clone()}</span></span></Field>
                <Field label=t!("field-type")>{kind}</Field>
                <Field label=t!("field-owner")>{text(&item.owner_name)}</Field>
                <Field label=t!("field-requester")>{text(&item.requester_display_name)}</Field>
                <Field label=t!("field-created")><MaybeTime at=item.created/></Field>
                <Field label=t!("field-modified")><MaybeTime at=item.modified/></Field>
                <Field label=t!("field-completed")><MaybeTime at=item.completed/></Field>
                <Field label=t!("field-items")>{item.num_items.map_or("—".into(), |n| intl::number(n as f64))}</Field>
                <Field label=t!("field-id")><code>{text(&item.id)}</code></Field>
            </dl>
            <section class="mt-detail__section" aria-labelledby="approvals-title">
                <h2 id="approvals-title">{t!("approval-items", count = approvals.len())}</h2>
                {(open && waiting > 0).then(|| view! {
                    <BulkDecisionBar pending_count=Signal::derive(move || waiting) pending=actions.pending()
                        on_decide=Callback::new(move |d| actions.run(Command::DecideAll(d, waiting)))/>
                })}
                {if approvals.is_empty() { view! { <p class="mt-muted">{t!("none")}</p> }.into_any() } else {
                    view! { <ul class="mt-cards">{approvals.into_iter().enumerate()
                        .map(|(i, a)| view! { <ApprovalCard item=a open next=Some(i) == next/> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section class="mt-detail__section" aria-labelledby="remediations-title">
                <h2 id="remediations-title">{t!("remediation-items", count = remediations.len())}</h2>
                {if remediations.is_empty() { view! { <p class="mt-muted">{t!("none")}</p> }.into_any() } else {
                    view! { <ul class="mt-cards">{remediations.into_iter().map(|r| view! { <RemediationCard item=r/> }).collect_view()}</ul> }.into_any()
                }}
            </section>
            <section class="mt-detail__section" aria-labelledby="form-title">
                <h2 id="form-title">{t!("form")}</h2>
                {match item.form.clone() {
                    Some(form) if open => view! {
                        <AccountSelectionForm form pending=actions.pending()
                            on_submit=Callback::new(move |s| actions.run(Command::Submit(s)))/>
                    }.into_any(),
                    Some(form) => view! {
                        <h3>{t!("form-chosen")}</h3>
                        <SelectionSummary form=form.clone()/>
                        <AccountSelectionForm form read_only=true/>
                    }.into_any(),
                    None => view! { <p class="mt-muted">{t!("none")}</p> }.into_any(),
                }}
            </section>
            <History events=item.history.clone() omitted=item.history_omitted/>
            {(!errors.is_empty()).then(|| view! {
                <section class="mt-detail__section" aria-labelledby="errors-title">
                    <h2 id="errors-title">{t!("errors")}</h2>
                    <ul class="mt-detail__errors">{errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </section>
            })}
        </article>
    }
}

/// Characters of a description shown at first: some run to pages, and would push the
/// item's actions several screens down on a phone.
const DESCRIPTION_CHARS: usize = 400;

/// A work item's description; a long one cut after [`DESCRIPTION_CHARS`] characters, with
/// a button that shows the whole of it (and hides it again).
#[component]
fn Description(
    /// The description ("—" when there is none).
    text: String,
) -> impl IntoView {
    let cut = match wire::clip(&text, DESCRIPTION_CHARS) {
        std::borrow::Cow::Owned(cut) => Some(cut),
        std::borrow::Cow::Borrowed(_) => None,
    };
    let long = cut.is_some();
    let whole = RwSignal::new(!long);
    let shown = move || match (&cut, whole.get()) {
        (Some(cut), false) => cut.clone(),
        _ => text.clone(),
    };
    view! {
        <p id="detail-description" class="mt-detail__description" dir="auto">{shown}</p>
        {long.then(|| view! {
            <button type="button" class="mt-button mt-more" aria-controls="detail-description"
                aria-expanded=move || whole.get().to_string() on:click=move |_| whole.update(|w| *w = !*w)>
                {move || if whole.get() { t!("description-less") } else { t!("description-whole") }}
            </button>
        })}
    }
}

/// One approval item.
#[component]
fn ApprovalCard(
    /// The approval item.
    item: ApprovalItemDetails,
    /// Whether the work item is still pending (so the item can be decided).
    open: bool,
    /// Whether this is the first item still to decide: it takes focus after a decision.
    next: bool,
) -> impl IntoView {
    let state = approval_state_label(item.state.as_ref());
    let actions = expect_context::<ItemActions>();
    let undecided = open && is_waiting(&item);
    let label = approval_label(&item);
    // Without an id there is no approval item to send a decision about.
    let approval_id = item.id.clone().filter(|id| !id.is_empty() && undecided);
    let decide = approval_id.map(|approval_id| {
        let label = label.clone();
        Callback::new(move |decision| {
            let (approval_id, label) = (approval_id.clone(), label.clone());
            actions.run(Command::Decide {
                approval_id,
                label,
                decision,
            })
        })
    });
    view! {
        <li class="mt-card mt-approval-card" id=next.then_some(NEXT_APPROVAL)>
        {decide.map(|decide| view! {
            <ApprovalItemActions label=label.clone() pending=actions.pending() on_decide=decide/>
        })}
        <dl class="mt-fields">
            <Field label=t!("field-application")>{text(&item.application)}</Field>
            <Field label=t!("field-account")>{text(&item.account)}</Field>
            <Field label=t!("field-attribute")>{text(&item.name)}</Field>
            <Field label=t!("field-operation")>{operation(&item.operation)}</Field>
            <Field label=t!("field-value")>{text(&item.value)}</Field>
            <Field label=t!("field-state")><span class=state_class(item.state.as_ref())>{state.clone()}</span></Field>
        </dl></li>
    }
}

/// One remediation item.
#[component]
fn RemediationCard(
    /// The remediation item.
    item: RemediationItemDetails,
) -> impl IntoView {
    view! {
        <li class="mt-card"><dl class="mt-fields">
            <Field label=t!("field-identity")>{text(&item.target_display_name.clone().or(item.target_name.clone()))}</Field>
            <Field label=t!("field-application")>{text(&item.application_name)}</Field>
            <Field label=t!("field-account")>{text(&item.native_identity)}</Field>
            <Field label=t!("field-attribute")>{text(&item.attribute_name)}</Field>
            <Field label=t!("field-operation")>{operation(&item.attribute_operation)}</Field>
            <Field label=t!("field-value")>{text(&item.attribute_value)}</Field>
        </dl></li>
    }
}
