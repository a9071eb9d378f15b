//! A combobox that finds a person by name through an async search the caller supplies.

use super::focus::unique_id;
use super::identity_search::{display_name, use_identity_search, IdentitySearch};
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
    let query = RwSignal::new(String::new());
    let people = use_identity_search(search);
    let (results, status, open, active) =
        (people.results, people.status, people.open, people.active);
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        query.set(text.clone());
        selected.set(None);
        people.query(&text);
    };
    let choose = move |index: usize| {
        if let Some(person) = results.with_untracked(|r| r.get(index).cloned()) {
            query.set(display_name(&person));
            selected.set(Some(person));
            open.set(false);
            active.set(None);
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        let len = results.with_untracked(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if len > 0 => {
                ev.prevent_default();
                open.set(true);
                let down = ev.key() == "ArrowDown";
                active.update(|a| *a = Some(step(*a, len, down)));
            }
            "Enter" if open.get_untracked() => {
                ev.prevent_default();
                if let Some(index) = active.get_untracked() {
                    choose(index);
                }
            }
            "Escape" if open.get_untracked() => {
                ev.prevent_default();
                ev.stop_propagation();
                open.set(false);
            }
            _ => {}
        }
    };
    let option_id = {
        let list_id = list_id.clone();
        move |i: usize| format!("{list_id}-opt-{i}")
    };
    let active_id = {
        let option_id = option_id.clone();
        move || active.get().filter(|_| open.get()).map(&option_id)
    };
    let has_error = move || error.with(Option::is_some);
    view! {
        <div class="mt-picker">
            <label class="mt-field__label" for=input_id.clone()>{label}</label>
            <input
                id=input_id
                class="mt-field__input"
                type="text"
                role="combobox"
                autocomplete="off"
                aria-autocomplete="list"
                aria-controls=list_id.clone()
                aria-expanded=move || open.get().to_string()
                aria-activedescendant=active_id
                aria-invalid=move || has_error().to_string()
                aria-describedby=error_id.clone()
                prop:value=move || query.get()
                on:input=on_input
                on:keydown=on_keydown
            />
            <ul id=list_id class="mt-picker__list" role="listbox" aria-label="People" hidden=move || !open.get()>
                {move || {
                    results.get().iter().enumerate().map(|(i, person)| view! {
                        <PickerOption id=option_id(i) person=person.clone()
                            active=Signal::derive(move || active.get() == Some(i))
                            on_choose=Callback::new(move |()| choose(i)) />
                    }).collect_view()
                }}
            </ul>
            <p class="mt-picker__status" role="status">{move || status.with(|s| s.text())}</p>
            <p id=error_id class="mt-field__error">{move || error.get()}</p>
        </div>
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
            <span class="mt-picker__name">{display_name(&person)}</span>
            " "
            <span class="mt-picker__detail">{detail}</span>
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

    #[test]
    fn a_person_without_a_name_is_shown_by_alias() {
        let person = PublicIdentity {
            alias: Some("fred.astaire".into()),
            ..PublicIdentity::default()
        };
        assert_eq!(display_name(&person), "fred.astaire");
    }
}
