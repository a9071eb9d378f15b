//! The modal dialog every action dialog is built on.

use crate::focus::{
    active_element, focus_initial, focusable_within, inert_outside, restore, unique_id,
};
use std::cell::RefCell;
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;

/// Given a dialog's opener, the element to give focus back to instead, if any.
pub type ReturnFocus =
    Callback<SendWrapper<web_sys::HtmlElement>, Option<SendWrapper<web_sys::HtmlElement>>>;

/// A modal dialog: `role=dialog`, `aria-modal`, named by its title. Focus moves into it when
/// it mounts (to the element marked `data-autofocus`, else the first focusable one), Tab and
/// Shift+Tab stay inside it, Escape asks to close it, and when it unmounts focus goes back to
/// the element that had it before (if that element is still in the document). While it is
/// open, the page around it is inert, so a screen reader's reading stays inside it too.
///
/// The dialog is open while it is mounted: render it inside `<Show>`.
#[component]
pub fn Modal(
    /// The dialog's heading, which is also its accessible name.
    #[prop(into)]
    title: String,
    /// Called when the person asks to close the dialog (Escape).
    #[prop(into)]
    on_close: Callback<()>,
    /// Where focus goes back to on closing, given the opener, when not the opener itself
    /// (`None`: the opener): a row of a table reused for another item by then.
    #[prop(optional)]
    return_focus: Option<ReturnFocus>,
    /// The dialog's body and buttons.
    children: Children,
) -> impl IntoView {
    let title_id = unique_id("dialog-title");
    let labelled_by = title_id.clone();
    let panel = NodeRef::<Div>::new();
    // Captured before the dialog takes focus: the opener, to return to on close.
    let opener = SendWrapper::new(active_element());
    // What the dialog made inert, held outside the reactive system: it must be given back
    // however the dialog's owner is cleaned up.
    let made_inert = SendWrapper::new(Rc::new(RefCell::new(Vec::new())));
    let to_restore = made_inert.clone();
    on_cleanup(move || {
        // The page comes back before focus returns to it.
        restore(to_restore.take().take());
        let opener = opener.take();
        let instead = opener
            .clone()
            .zip(return_focus)
            .and_then(|(opener, to)| to.try_run(SendWrapper::new(opener)).flatten())
            .map(SendWrapper::take);
        if let Some(to) = instead.or(opener).filter(|el| el.is_connected()) {
            let _ = to.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            if let Some(backdrop) = panel.parent_element() {
                made_inert.borrow_mut().extend(inert_outside(&backdrop));
            }
            focus_initial(&panel);
        }
    });
    // Escape with focus outside the dialog (on the body: its focused element went away)
    // still closes it, and only it: no page shortcut takes keys while it is open. A dialog
    // with another open inside it leaves the key to that one.
    let on_page_key = move |ev: KeyboardEvent| {
        if ev.key() != "Escape" || ev.default_prevented() {
            return;
        }
        // A dialog no longer in the document (its owner not cleaned up yet) has no say.
        let Some(panel) = panel.get_untracked().filter(|p| p.is_connected()) else {
            return;
        };
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
            .is_some_and(|t| panel.contains(Some(&t)));
        let nested = panel
            .query_selector("[aria-modal='true']")
            .ok()
            .flatten()
            .is_some();
        // ...or one opened beside it later, which made this one inert.
        let behind = panel.closest("[inert]").ok().flatten().is_some();
        if !inside && !nested && !behind {
            ev.prevent_default();
            on_close.run(());
        }
    };
    let guard = SendWrapper::new(crate::platform::on_document("keydown", on_page_key));
    on_cleanup(move || drop(guard));
    let on_keydown = move |ev: KeyboardEvent| {
        if ev.default_prevented() {
            return; // an inner widget (e.g. an open listbox) handled the key
        }
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                on_close.run(());
            }
            "Tab" => {
                if let Some(panel) = panel.get_untracked() {
                    trap_tab(&panel, &ev);
                }
            }
            _ => {}
        }
    };
    // A press on the backdrop (or the second click of a double click on the button that
    // opened the dialog, landing beside it) would move focus out of the dialog, onto the
    // page behind it: the press is taken, and focus stays where it was.
    let on_backdrop = |ev: web_sys::MouseEvent| {
        if ev.target() == ev.current_target() {
            ev.prevent_default();
        }
    };
    view! {
        <div class="mt-modal__backdrop" on:mousedown=on_backdrop>
            <div
                class="mt-modal"
                role="dialog"
                aria-modal="true"
                aria-labelledby=labelled_by
                node_ref=panel
                on:keydown=on_keydown
            >
                <h2 id=title_id class="mt-modal__title">{title}</h2>
                {children()}
            </div>
        </div>
    }
}

/// Wraps Tab from the last focusable element to the first, and Shift+Tab the other way.
fn trap_tab(panel: &web_sys::HtmlDivElement, ev: &KeyboardEvent) {
    let focusable = focusable_within(panel);
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
        ev.prevent_default();
        return;
    };
    let active = active_element();
    let inside = active.as_ref().is_some_and(|el| panel.contains(Some(el)));
    if ev.shift_key() && (!inside || active.as_ref() == Some(first)) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && (!inside || active.as_ref() == Some(last)) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
