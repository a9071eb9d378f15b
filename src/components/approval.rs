//! Buttons that decide approval items, a button that asks before it acts, and
//! [`ButtonVariant`], how a button looks.

use super::confirm::ConfirmDialog;
use crate::focus::unique_id;
use crate::logic::messages::{bulk_confirm_message, single_confirm_message, Decision};
use leptos::prelude::*;

/// How a button looks: its `mt-button--*` modifier, never free text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ButtonVariant {
    /// The plain button.
    #[default]
    Plain,
    /// The main action of its place (e.g. Mark Complete on the detail page).
    Primary,
    /// Grants access.
    Approve,
    /// Refuses access.
    Reject,
}

impl ButtonVariant {
    /// The modifier part of the class (`mt-button--{as_str}`); empty for the plain button.
    pub fn as_str(self) -> &'static str {
        match self {
            ButtonVariant::Plain => "",
            ButtonVariant::Primary => "primary",
            ButtonVariant::Approve => "approve",
            ButtonVariant::Reject => "reject",
        }
    }

    /// The button's whole class attribute.
    pub fn class(self) -> String {
        match self.as_str() {
            "" => "mt-button".to_owned(),
            modifier => format!("mt-button mt-button--{modifier}"),
        }
    }
}

impl From<Decision> for ButtonVariant {
    fn from(decision: Decision) -> Self {
        match decision {
            Decision::Approve => ButtonVariant::Approve,
            Decision::Reject => ButtonVariant::Reject,
        }
    }
}

/// A button that opens a [`ConfirmDialog`] and acts only when the person confirms. The
/// dialog closes by itself when the request (`pending`) finishes.
#[component]
pub fn ConfirmButton(
    /// The button's text and accessible name, also the confirm button's (e.g. "Mark Complete").
    #[prop(into)]
    label: String,
    /// The dialog's heading, read when it opens.
    #[prop(into)]
    title: Signal<String>,
    /// The dialog's question.
    #[prop(into)]
    message: Signal<String>,
    /// True while the request is in flight.
    #[prop(into)]
    pending: Signal<bool>,
    /// When true the button cannot be used (e.g. nothing left to decide).
    #[prop(optional, into)]
    disabled: Signal<bool>,
    /// How the button looks.
    #[prop(optional, into)]
    variant: ButtonVariant,
    /// Called once the person confirms.
    #[prop(into)]
    on_confirm: Callback<()>,
    /// Set while the dialog is open, for a caller that must hold still meanwhile (a row
    /// whose item may change under it).
    #[prop(optional_no_strip)]
    asking: Option<RwSignal<bool>>,
    /// The id of the element that says what the button acts on, when its text does not
    /// (one approval item of several: "Approve" is read with "Admin on GitHub").
    #[prop(optional_no_strip)]
    described_by: Option<String>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let set_open = move |now: bool| {
        open.set(now);
        if let Some(asking) = asking {
            asking.set(now);
        }
    };
    Effect::new(move |was: Option<bool>| {
        let now = pending.get();
        if was == Some(true) && !now {
            set_open(false);
        }
        now
    });
    on_cleanup(move || {
        if let Some(asking) = asking.filter(|_| open.try_get_untracked() == Some(true)) {
            asking.try_set(false);
        }
    });
    let class = variant.class();
    let confirm_label = StoredValue::new(label.clone());
    view! {
        <button type="button" class=class disabled=move || disabled.get() || pending.get()
            aria-haspopup="dialog" aria-describedby=described_by on:click=move |_| set_open(true)>
            {label}
        </button>
        <Show when=move || open.get()>
            <ConfirmDialog title=title.get_untracked() message=message.get_untracked()
                confirm_label=confirm_label.get_value() pending=pending
                on_confirm=on_confirm on_cancel=Callback::new(move |()| set_open(false)) />
        </Show>
    }
}

/// "Approve" and "Reject" for one approval item, each confirmed first (it decides one item);
/// both disabled while `pending`.
#[component]
pub fn ApprovalItemActions(
    /// What the item is, as a person reads it (e.g. "Engineering on GitHub").
    #[prop(into)]
    label: String,
    /// True while a decision on this work item is in flight.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called with the confirmed decision.
    #[prop(into)]
    on_decide: Callback<Decision>,
) -> impl IntoView {
    // Each card's buttons are named "Approve" and "Reject" as they read; what they decide
    // is their description, so a list of the page's buttons tells the items apart.
    let what = unique_id("approval-what");
    let button = {
        let (label, what) = (label.clone(), what.clone());
        move |decision: Decision| {
            let message = single_confirm_message(decision, &label);
            view! {
                <ConfirmButton label=decision.label() title=decision.title(1)
                    message=Signal::derive(move || message.clone()) pending=pending
                    variant=decision described_by=Some(what.clone())
                    on_confirm=Callback::new(move |()| on_decide.run(decision)) />
            }
        }
    };
    view! {
        <span class="mt-approval-actions">
            <span id=what class="mt-visually-hidden">{label}</span>
            {button(Decision::Approve)} {button(Decision::Reject)}
        </span>
    }
}

/// "Approve All" and "Reject All", each confirmed with how many items it decides. Disabled
/// when nothing is left to decide.
#[component]
pub fn BulkDecisionBar(
    /// How many approval items are still pending.
    #[prop(into)]
    pending_count: Signal<usize>,
    /// True while a bulk decision is in flight.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called with the confirmed decision.
    #[prop(into)]
    on_decide: Callback<Decision>,
    /// Set while either confirmation is open (see [`ConfirmButton`]).
    #[prop(optional)]
    asking: Option<RwSignal<bool>>,
    /// The work item's name, said in the question where the item is not the page's own
    /// (a list row), so the person knows which item they decide.
    #[prop(optional, into)]
    name: MaybeProp<String>,
    /// The id of the element naming the work item, where the buttons are one pair of many
    /// (a list row): "Approve All" is read with the item's name.
    #[prop(optional_no_strip)]
    described_by: Option<String>,
) -> impl IntoView {
    let bulk = move |decision: Decision| {
        let described_by = described_by.clone();
        view! {
            <ConfirmButton label=decision.bulk_label()
                title=Signal::derive(move || decision.title(pending_count.get()))

                message=Signal::derive(move || name.with(|name| {
                    bulk_confirm_message(decision, pending_count.get(), name.as_deref())
                }))
                pending=pending disabled=Signal::derive(move || pending_count.get() == 0)
                variant=decision on_confirm=Callback::new(move |()| on_decide.run(decision))
                asking=asking described_by=described_by />
        }
    };
    view! { <div class="mt-bulk-bar">{bulk(Decision::Approve)} {bulk(Decision::Reject)}</div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_variant_is_its_modifier_class_and_a_decision_looks_like_itself() {
        assert_eq!(ButtonVariant::Plain.class(), "mt-button");
        assert_eq!(
            ButtonVariant::Primary.class(),
            "mt-button mt-button--primary"
        );
        assert_eq!(
            ButtonVariant::from(Decision::Reject).class(),
            "mt-button mt-button--reject"
        );
        assert_eq!(ButtonVariant::from(Decision::Approve).as_str(), "approve");
    }
}
