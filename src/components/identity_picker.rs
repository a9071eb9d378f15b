//! A combobox that finds a person by name through an async search the caller supplies.

use crate::focus::unique_id;
use crate::hooks::identity_search::{
    use_identity_search, IdentitySearch, SearchStatus, UseIdentitySearch,
};
use crate::logic::format::display_name;
use crate::t;

use leptos::prelude::*;
use web_sys::KeyboardEvent;
use wire::PublicIdentity;

/// An identity picker: a text input (`role=combobox`) whose typing, after a 250 ms pause,
/// runs `search`; the results form a listbox navigable with the arrow keys, Enter or a click
/// chooses one (`aria-activedescendant` follows the highlighted option), Escape closes the
/// list. Typing again clears the choice.
#[component]
pub fn IdentityPicker(
    /// The input's visible label.
    #[prop(into)]
    label: String,
    /// Finds people for a query.
    search: IdentitySearch,
    /// The chosen person; set by the picker, read by the form around it.
    selected: RwSignal<Option<PublicIdentity>>,
    /// A validation message to show under the input, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
) -> impl IntoView {
    let (input_id, list_id, error_id) =
        (unique_id("picker"), unique_id("listbox"), unique_id("err"));
    // A person chosen before (a form filled in again) shows as chosen.
    let query = RwSignal::new(
        selected.with_untracked(|s| s.as_ref().map(display_name).unwrap_or_default()),
    );
    let people = use_identity_search(search);
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        query.set(text.clone());
        selected.set(None);
        people.query(&text);
    };
    let choose = Callback::new(move |index: usize| {
        if let Some(person) = people.results.with_untracked(|r| r.get(index).cloned()) {
            query.set(display_name(&person));
            selected.set(Some(person));
            people.open.set(false);
            people.active.set(None);
            // "1 person found" said what the list held; with a choice made it is stale.
            people.status.set(SearchStatus::Idle);
        }
    });
    let active_id = {
        let list_id = list_id.clone();
        move || {
            let (open, active) = (people.open.get(), people.active.get());
            active.filter(|_| open).map(|i| option_id(&list_id, i))
        }
    };
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class="mt-picker">
            <label class="mt-field__label" for=input_id.clone()>{label}</label>
            <input id=input_id class="mt-field__input" type="text" role="combobox"
                autocomplete="off" aria-autocomplete="list" aria-controls=list_id.clone()
                aria-expanded=move || people.open.get().to_string()
                aria-activedescendant=active_id
                aria-invalid=move || has_error().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=move |ev| on_keydown(people, &ev, choose)
            />
            <PickerList id=list_id people choose/>
            <p class="mt-picker__status" role="status">{move || people.status.with(|s| s.text())}</p>
            <p id=error_id class="mt-field__error">{move || error.get()}</p>
        </div>
    }
}

/// The element id of option `i` of the listbox `list_id`.
fn option_id(list_id: &str, i: usize) -> String {
    format!("{list_id}-opt-{i}")
}

/// The picker's keyboard: arrows move the highlight (wrapping), Enter chooses it, Escape
/// closes the list (and only the list, not a dialog around it).
fn on_keydown(people: UseIdentitySearch, ev: &KeyboardEvent, choose: Callback<usize>) {
    let len = people.results.with_untracked(Vec::len);
    let open = people.open.get_untracked();
    match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" if len > 0 => {
            ev.prevent_default();
            people.open.set(true);
            let down = ev.key() == "ArrowDown";
            people.active.update(|a| *a = Some(step(*a, len, down)));
        }
        "Enter" if open => {
            ev.prevent_default();
            if let Some(index) = people.active.get_untracked() {
                choose.run(index);
            }
        }
        "Escape" if open => {
            ev.prevent_default();
            ev.stop_propagation();
            people.open.set(false);
        }
        _ => {}
    }
}

/// The next highlighted option when moving down (or up) through `len` options, wrapping.
fn step(current: Option<usize>, len: usize, down: bool) -> usize {
    match (current, down) {
        (None, true) => 0,
        (None, false) => len - 1,
        (Some(i), true) => (i + 1) % len,
        (Some(i), false) => (i + len - 1) % len,
    }
}

/// The listbox of people the last search found.
#[component]
fn PickerList(
    /// The listbox's element id, referenced by the input's `aria-controls`.
    id: String,
    /// The search whose results are listed.
    people: UseIdentitySearch,
    /// Called with the index of the person clicked.
    choose: Callback<usize>,
) -> impl IntoView {
    let list_id = id.clone();
    view! {
        <ul id=id class="mt-picker__list" role="listbox" aria-label=t!("people") hidden=move || !people.open.get()>
            {move || {
                people.results.get().into_iter().enumerate().map(|(i, person)| view! {
                    <PickerOption id=option_id(&list_id, i) person
                        active=Signal::derive(move || people.active.get() == Some(i))
                        on_choose=Callback::new(move |()| choose.run(i)) />
                }).collect_view()
            }}
        </ul>
    }
}

/// One person in the picker's listbox.
#[component]
fn PickerOption(
    /// The option's element id, referenced by `aria-activedescendant`.
    id: String,
    /// The person this option stands for.
    person: PublicIdentity,
    /// Whether this option is highlighted.
    #[prop(into)]
    active: Signal<bool>,
    /// Called when the option is clicked.
    on_choose: Callback<()>,
) -> impl IntoView {
    let detail = person
        .alias
        .clone()
        .or(person.email.clone())
        .unwrap_or_default();
    view! {
        <li
            id=id
            role="option"
            class="mt-picker__option"
            class:mt-picker__option--active=move || active.get()
            aria-selected=move || active.get().to_string()
            on:mousedown=|ev| ev.prevent_default()
            on:click=move |_| on_choose.run(())
        >
            <bdi class="mt-picker__name">{display_name(&person)}</bdi>
            " "
            <bdi class="mt-picker__detail">{detail}</bdi>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrow_keys_wrap_around_the_list() {
        assert_eq!(step(None, 3, true), 0);
        assert_eq!(step(None, 3, false), 2);
        assert_eq!(step(Some(2), 3, true), 0);
        assert_eq!(step(Some(0), 3, false), 2);
    }
}
