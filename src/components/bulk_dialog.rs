//! The dialogs of a triage: choosing whom to forward to, confirming a bulk action (how many
//! items it applies to, which selected ones cannot take it and why), the run's live
//! progress with Cancel and its per-item results with "Retry failed", and the list of
//! keyboard shortcuts.

use super::bulk_bar::forward_title;
use super::forward::ForwardDialog;
use super::modal::{Modal, ReturnFocus};
use super::row_select::CURRENT_ROW_SELECT;
use crate::api::Client;
use crate::focus::refocus_when_lost;
use crate::hooks::identity_search::people_search;
use crate::hooks::triage::{Dialog, Triage};
use crate::logic::bulk::{BulkRun, Outcome, Plan};
use crate::logic::keys::{Keys, HELP};
use crate::t;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// How many people one search for a new owner shows.
const SEARCH_LIMIT: u32 = 20;

/// Whichever dialog of `triage` is open, and the run's dialog while there is a run.
#[component]
pub fn TriageDialogs(
    /// The triage state.
    triage: Triage,
) -> impl IntoView {
    let close = Callback::new(move |()| triage.dialog.set(Dialog::Closed));
    let dialog = move || match triage.dialog.get() {
        Dialog::Closed => None,
        Dialog::Help => Some(view! { <ShortcutsDialog triage on_close=close/> }.into_any()),
        Dialog::Forward(items, draft) => {
            let search = people_search(expect_context::<Client>(), None, SEARCH_LIMIT);
            Some(view! {
                <ForwardDialog search pending=Signal::stored(false) title=forward_title(items.len()) draft
                    on_submit=Callback::new(move |choice| triage.forward_to(choice))
                    on_cancel=close/>
            }.into_any())
        }
        Dialog::Confirm(plan) => Some(
            view! {
                <ConfirmBulk plan on_confirm=Callback::new(move |()| triage.confirm())
                    on_cancel=Callback::new(move |()| triage.cancel_confirm())/>
            }
            .into_any(),
        ),
    };
    let has_run = move || triage.bulk.run.with(Option::is_some);
    view! {
        {dialog}
        <Show when=has_run>
            <RunDialog triage/>
        </Show>
    }
}

/// Confirms a bulk action: the question with the count, the selected items it cannot
/// apply to with the reason, Cancel (focused first) and the action's button.
#[component]
fn ConfirmBulk(
    /// What the action would do.
    plan: Plan,
    /// Called when the person confirms.
    on_confirm: Callback<()>,
    /// Called when the person cancels (button or Escape).
    on_cancel: Callback<()>,
) -> impl IntoView {
    let label = plan.action.label();
    let none = plan.fit.is_empty();
    let unfit = plan.unfit.clone();
    view! {
        <Modal title=t!("bulk-confirm-title", action = &label) on_close=on_cancel>
            <p class="mt-modal__message">{plan.question()}</p>
            {(!unfit.is_empty()).then(|| view! {
                <p class="mt-modal__message">{t!("bulk-unfit", count = unfit.len())}</p>
                <ul class="mt-results" aria-label=t!("bulk-left-out") tabindex="0">
                    {unfit.into_iter().map(|(name, why)| view! {
                        <li class="mt-results__item"><bdi class="mt-results__name">{name}</bdi>": "{why.reason()}</li>
                    }).collect_view()}
                </ul>
            })}
            <div class="mt-modal__buttons">
                <button type="button" class="mt-button" data-autofocus="" on:click=move |_| on_cancel.run(())>{t!("cancel")}</button>
                <button type="button" class="mt-button mt-button--primary" disabled=none
                    on:click=move |_| on_confirm.run(())>{label}</button>
            </div>
        </Modal>
    }
}

/// The modifier class of a result line; never free text.
fn outcome_class(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Done => "mt-results__item mt-results__item--done",
        Outcome::Refused(_) => "mt-results__item mt-results__item--refused",
        Outcome::Failed(_) => "mt-results__item mt-results__item--failed",
        Outcome::Queued | Outcome::Sending | Outcome::NotSent => "mt-results__item",
    }
}

/// A run: live progress and Cancel while it goes, then every item's result with
/// "Retry failed" (when some failed) and Close. Escape closes only a finished run.
#[component]
fn RunDialog(
    /// The triage state whose run this is.
    triage: Triage,
) -> impl IntoView {
    let bulk = triage.bulk;
    // The run's end is seen here: no toast for it (the one told while away goes).
    bulk.watch();
    let run = move || bulk.run.get();
    let label = bulk
        .run
        .with_untracked(|r| r.as_ref().map(|r| r.action.label()));
    let finished = move || {
        bulk.run
            .with(|r| r.as_ref().is_none_or(BulkRun::is_finished))
    };
    let failed = move || {
        bulk.run
            .with(|r| r.as_ref().map_or(0, |r| r.progress().failed))
    };
    let close = Callback::new(move |()| {
        if finished() {
            bulk.dismiss();
        }
    });
    let results = move || {
        run().map(|r| {
            r.entries.iter().map(|e| view! {
                <li class=outcome_class(&e.outcome)>
                    <bdi class="mt-results__name">{e.target.name.clone()}</bdi>": "{e.text(&r.action)}
                </li>
            }).collect_view()
        })
    };
    let progress = move || run().map(|r| r.progress());
    let cancelled = move || bulk.run.with(|r| r.as_ref().is_some_and(|r| r.cancelled));
    // One button, Cancel while the run goes and Close once it is over: it keeps the focus
    // it had from the start, so Enter and Escape work throughout and nothing is lost.
    let cancel_or_close = move |_| match finished() {
        true => close.run(()),
        false => bulk.cancel(),
    };
    // When the run is over the lists load again, and the page may be re-drawn around the
    // dialog, which takes focus away: give it back to Close, unless the person moved on.
    let close_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |was: Option<bool>| {
        let now = finished();
        if now && was == Some(false) {
            refocus_when_lost(move || close_button.try_get_untracked().flatten().map(Into::into));
        }
        now
    });
    let button_label = move || match (finished(), cancelled()) {
        (true, _) => t!("close"),
        (false, true) => t!("cancelling"),
        (false, false) => t!("cancel"),
    };
    let title = t!(
        "bulk-results-title",
        action = &label.unwrap_or_else(|| t!("bulk-action"))
    );
    view! {
        <Modal title=title on_close=close return_focus=to_current_row()>
            <progress class="mt-results__progress" aria-label=t!("progress")
                max=move || progress().map_or(0, |p| p.total)
                value=move || progress().map_or(0, |p| p.settled())></progress>
            <p class="mt-modal__message" role="status">{move || run().map(|r| r.status())}</p>
            <ul class="mt-results" aria-label=t!("results") tabindex="0">{results}</ul>
            <div class="mt-modal__buttons">
                <Show when=move || finished() && failed() != 0>
                    <button type="button" class="mt-button" on:click=move |_| bulk.retry_failed()>{t!("retry-failed")}</button>
                </Show>
                <button type="button" class="mt-button mt-button--primary" data-autofocus=""
                    aria-disabled=move || (cancelled() && !finished()).to_string()
                    node_ref=close_button on:click=cancel_or_close>{button_label}</button>
            </div>
        </Modal>
    }
}

/// For a run opened from a row (its checkbox, by keyboard) or from what is gone: focus
/// goes back to the current row's checkbox, which follows its item, or the row that took
/// its place. The opener itself may show another item by then (the table keeps its rows
/// by position), or be gone with its card.
fn to_current_row() -> ReturnFocus {
    Callback::new(|opener: SendWrapper<web_sys::HtmlElement>| {
        let in_row = opener.closest("tr.mt-table__row, li.mt-row").ok().flatten();
        if in_row.is_none() && opener.is_connected() {
            return None;
        }
        let current = leptos::prelude::document()
            .query_selector(CURRENT_ROW_SELECT)
            .ok()
            .flatten()?;
        current.dyn_into().ok().map(SendWrapper::new)
    })
}

/// Every keyboard shortcut of the Task Manager, the switch that turns the single-key ones
/// off (and on again), and Close.
#[component]
fn ShortcutsDialog(
    /// The triage state, which holds the switch.
    triage: Triage,
    /// Called to close it (button or Escape).
    on_close: Callback<()>,
) -> impl IntoView {
    let on = triage.single_keys;
    view! {
        <Modal title=t!("shortcuts") on_close>
            <label class="mt-field__check">
                <input type="checkbox" role="switch" prop:checked=move || on.get()
                    aria-describedby=move || (!on.get()).then_some("mt-single-keys-off")
                    on:change=move |ev| triage.set_single_keys(event_target_checked(&ev))/>
                " " {t!("shortcuts-single-keys")}
            </label>
            <p class="mt-modal__message" id="mt-single-keys-off" hidden=move || on.get()>
                {t!("shortcuts-single-keys-off")}
            </p>
            <dl class="mt-shortcuts">
                {HELP.into_iter().map(|(keys, what)| view! {
                    <div class="mt-shortcuts__row"><dt><kbd>{key_names(keys)}</kbd></dt><dd>{shortcut_help(what)}</dd></div>
                }).collect_view()}
            </dl>
            <div class="mt-modal__buttons">
                <button type="button" class="mt-button mt-button--primary" data-autofocus=""
                    on:click=move |_| on_close.run(())>{t!("close")}</button>

            </div>
        </Modal>
    }
}

/// A shortcut's keys as the person's keyboard and language name them.
fn key_names(keys: Keys) -> String {
    match keys {
        Keys::Shown(keys) => keys.to_owned(),
        Keys::Enter => t!("key-enter"),
        Keys::Escape => t!("key-escape"),
    }
}

/// What a shortcut of [`HELP`] does, in the person's language.
fn shortcut_help(what: &str) -> String {
    t!("shortcut", what = what)
}
