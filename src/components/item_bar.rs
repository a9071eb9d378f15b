//! The actions of a work item as the detail page shows them: Mark Complete and Forward,
//! the Forward dialog, and the explanation of the last refusal.

use super::approval::{ButtonVariant, ConfirmButton};
use super::forward::ForwardDialog;
use crate::api::Client;
use crate::hooks::identity_search::people_search;
use crate::hooks::item_actions::ItemActions;
use crate::logic::command::Command;
use crate::logic::messages::pending_count;
use crate::t;
use leptos::prelude::*;
use wire::WorkItem;

/// How many people one search for a new owner shows.
const SEARCH_LIMIT: u32 = 20;

/// "Mark Complete" (confirmed; not for a form item, which its form finishes, nor while
/// approval items wait, which deciding them finishes) and "Forward" for a pending work item,
/// the Forward dialog, after a refusal what happened in plain words, and while approval
/// items wait, a link to them. Needs [`ItemActions`] in context.
#[component]
pub fn ItemActionBar(
    /// The work item as the page shows it now.
    item: WorkItem,
) -> impl IntoView {
    let actions = expect_context::<ItemActions>();
    let search = people_search(
        expect_context::<Client>(),
        item.owner_id.clone(),
        SEARCH_LIMIT,
    );
    let pending = actions.pending();
    let question = match item.name.as_deref() {
        Some(name) => t!("confirm-complete-named", name = name),
        None => t!("confirm-complete"),
    };
    let notice = move || {
        actions.notice.get().map(|notice| {
            view! {
                // Not a live region: the failure's toast says it, once.
                <div class="mt-actions__notice">
                    <p>{notice.message()}</p>
                </div>
            }
        })
    };
    // A form item is finished by submitting its form, and one whose approval items wait is
    // finished by deciding them, as in the list's rows and the bulk actions: Mark Complete
    // would be refused. Instead, the bar says where the approval items are.
    let waiting = pending_count(item.approval_items());
    let completable = item.form.is_none() && waiting == 0;
    // A done item has no actions: no empty "Actions" group for a screen reader to find.
    let open = item.is_pending();
    view! {
        <div class="mt-actions" role=open.then_some("group") aria-label=open.then(|| t!("column-actions"))>
            {notice}
            {item.is_pending().then(|| view! {
                {(waiting > 0).then(|| view! {
                    <p class="mt-actions__hint">{t!("complete-after-approvals", count = waiting)} " "
                        <a href="#approvals-title" on:click=go_to_approvals>{t!("go-to-approval-items")}</a></p>
                })}
                <div class="mt-actions__buttons">
                    {completable.then(|| view! {
                        <ConfirmButton label=t!("mark-complete") title=t!("complete-work-item")
                            message=Signal::derive(move || question.clone()) pending=pending variant=ButtonVariant::Primary
                            on_confirm=Callback::new(move |()| actions.run(Command::Complete)) />
                    })}
                    <button type="button" class="mt-button" aria-haspopup="dialog" disabled=pending
                        on:click=move |_| { actions.forward_error.set(None); actions.forwarding.set(true) }>
                        {t!("forward")}

                    </button>
                </div>
            })}
            <Show when=move || actions.forwarding.get()>
                <ForwardDialog search=search.clone() pending=pending
                    error=Signal::derive(move || actions.forward_error.get().map(|n| n.message()))
                    on_submit=Callback::new(move |choice| actions.run(Command::Forward(choice)))
                    on_cancel=Callback::new(move |()| actions.forwarding.set(false)) />
            </Show>
        </div>
    }
}

/// Follows the link to the approval items by giving their heading focus (which scrolls to
/// it), so that the next Tab reaches the first of them: the fragment alone only scrolled
/// there, and Tab went on from the link.
fn go_to_approvals(ev: web_sys::MouseEvent) {
    if crate::focus::focus_first_of(&["approvals-title"]) {
        ev.prevent_default();
    }
}
