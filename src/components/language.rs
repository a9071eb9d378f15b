//! The language picker in the header: every language the app has, each named in itself.
//! A button opens the list (a disclosure); choosing a language there remembers it in this
//! browser and reloads the page in it, with focus back on the button. Nothing happens just
//! by moving through the list: a `<select>` reloaded the page at the first arrow key,
//! before the person had chosen anything (WCAG 3.2.2).

use leptos::prelude::*;
use web_sys::{FocusEvent, KeyboardEvent};

use crate::focus::unique_id;
use crate::i18n::{self, Lang};
use crate::t;

/// The language button and, while open, the list of the app's languages.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let current = i18n::current();
    // Switching reloads the page, which would stop a bulk run half way (the widget build
    // has none): the choices wait for it to end.
    let busy = {
        let run = use_context::<crate::hooks::bulk::UseBulkRun>();
        move || run.is_some_and(|run| run.is_running())
    };
    let open = RwSignal::new(false);
    // Whether the person typed or chose anything on this page, read as the menu opens:
    // the reload that a new language needs loses it, so the menu says so first.
    let typed = RwSignal::new(false);
    let button = NodeRef::<leptos::html::Button>::new();
    let list_id = unique_id("language-list");
    if i18n::take_menu_focus() {
        Effect::new(move |_| {
            if let Some(button) = button.get() {
                let _ = button.focus();
            }
        });
    }
    let close_to_button = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.prevent_default();
            ev.stop_propagation();
            close_to_button();
        }
    };
    // Focus leaving the picker (Tab past the list, a click elsewhere) closes the list.
    let on_focusout = move |ev: FocusEvent| {
        let to = ev
            .related_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
        let within = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
            .zip(to)
            .is_some_and(|(picker, to)| picker.contains(Some(&to)));
        if !within {
            open.set(false);
        }
    };
    let controls = list_id.clone();
    view! {
        <div class="mt-language" on:keydown=on_keydown on:focusout=on_focusout>
            <button type="button" class="mt-select mt-language__button" node_ref=button
                aria-expanded=move || if open.get() { "true" } else { "false" }
                aria-controls=controls
                on:click=move |_| {
                    typed.set(crate::platform::typed_on_page());
                    open.update(|o| *o = !*o);
                }>
                <span class="mt-visually-hidden">{t!("language")} " "</span>
                <span lang=current.tag()>{current.endonym()}</span>
            </button>
            <Show when=move || open.get()>
                <ul id=list_id.clone() class="mt-language__list" role="list">
                    <Show when=busy>
                        <li class="mt-language__busy">{t!("language-wait-for-run")}</li>
                    </Show>
                    <Show when=move || typed.get() && !busy()>
                        <li class="mt-language__busy">{t!("language-reloads")}</li>
                    </Show>
                    {Lang::ALL.into_iter().map(|lang| view! {
                        <li>
                            <button type="button" class="mt-language__choice" lang=lang.tag()
                                aria-current=(lang == current).then_some("true")
                                disabled=move || lang != current && busy()
                                on:click=move |_| {
                                    if lang == current {
                                        close_to_button();
                                    } else {
                                        i18n::switch_to(lang);
                                    }
                                }>
                                {lang.endonym()}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
