//! The language picker in the header: every language the app has, each named in itself.
//! Choosing one remembers it in this browser and reloads the page in it, with focus back on
//! the menu.

use leptos::prelude::*;

use crate::i18n::{self, Lang};
use crate::t;

/// A labelled menu of the app's languages, the current one selected.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let current = i18n::current();
    let select = NodeRef::<leptos::html::Select>::new();
    if i18n::take_menu_focus() {
        Effect::new(move |_| {
            if let Some(select) = select.get() {
                let _ = select.focus();
            }
        });
    }
    let on_change = move |event| {
        if let Some(lang) = Lang::from_tag(&event_target_value(&event)) {
            if lang != current {
                i18n::switch_to(lang);
            }
        }
    };
    view! {
        <label class="mt-language">
            <span class="mt-visually-hidden">{t!("language")}</span>
            <select class="mt-select mt-language__select" node_ref=select on:change=on_change>
                {Lang::ALL.into_iter().map(|lang| view! {
                    <option value=lang.tag() lang=lang.tag() selected=lang == current>{lang.endonym()}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
