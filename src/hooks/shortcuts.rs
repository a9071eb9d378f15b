//! `use_triage_shortcuts`: the Task Manager's keyboard shortcuts ([`crate::logic::keys`])
//! wired to its [`Triage`], and `use_back_shortcut`: Escape goes back from a detail page.
//! Both listen on the document while their page is mounted.

use super::triage::{Ask, Dialog, Triage};
use crate::components::row_select::CURRENT_ROW_LINK;
use crate::logic::keys::{is_single_key, shortcut, Modifiers, Pressed, Shortcut};
use crate::logic::messages::Decision;
use crate::platform;
use crate::routes::AppRoute;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use send_wrapper::SendWrapper;
use web_sys::KeyboardEvent;

/// The shortcut a key event stands for, where shortcuts may fire; with `single_keys` off,
/// only those of keys that are no character (Enter, Escape, the arrows).
fn read(ev: &KeyboardEvent, single_keys: bool) -> Option<Shortcut> {
    if ev.default_prevented() || ev.is_composing() {
        return None;
    }
    let modifiers = Modifiers {
        ctrl: ev.ctrl_key(),
        meta: ev.meta_key(),
        alt: ev.alt_key(),
    };
    let (key, code) = (ev.key(), ev.code());
    let pressed = Pressed {
        key: &key,
        code: &code,
        shift: ev.shift_key(),
    };
    if !single_keys && is_single_key(pressed) {
        return None;
    }
    shortcut(pressed, modifiers, platform::key_focus(ev))
}

/// Listens for keys on the document until the calling owner is disposed.
fn listen(handler: impl FnMut(KeyboardEvent) + 'static) {
    let guard = SendWrapper::new(platform::on_document("keydown", handler));
    on_cleanup(move || drop(guard));
}

/// Wires every triage shortcut: moving, selecting, opening, the four actions (each opens
/// the same confirmation as its button), search and the list of shortcuts.
pub fn use_triage_shortcuts(triage: Triage) {
    let navigate = use_navigate();
    listen(move |ev: KeyboardEvent| {
        let Some(key) = read(&ev, triage.single_keys.get_untracked()) else {
            return;
        };
        // While a run's dialog is up, the dialog has the keyboard.
        if triage.bulk.run.with_untracked(Option::is_some) {
            return;
        }
        // Without the Pending list (the Completed tab) only search and help have keys.
        if !triage.is_shown() && !matches!(key, Shortcut::Search | Shortcut::Help) {
            return;
        }
        // Focus in a row makes it the current row; a move takes focus along to the new one.
        let in_row = platform::focus_in_row();
        match key {
            Shortcut::Down | Shortcut::Up => {
                triage.move_by(if key == Shortcut::Down { 1 } else { -1 });
                if in_row {
                    follow_to_current(triage);
                }
            }
            Shortcut::Toggle => triage.toggle_current(),
            Shortcut::Open => match triage.current.get_untracked() {
                Some(id) => navigate(&AppRoute::Item(id).href(), Default::default()),
                None => return,
            },
            Shortcut::Back => {
                if !triage.clear(in_row) {
                    return;
                }
            }
            Shortcut::Complete => triage.ask(Ask::Complete),
            Shortcut::ApproveAll => triage.ask(Ask::Decide(Decision::Approve)),
            Shortcut::RejectAll => triage.ask(Ask::Decide(Decision::Reject)),
            Shortcut::Forward => triage.ask(Ask::Forward),
            Shortcut::Search => {
                if !platform::focus_selector("input[type=search]") {
                    return;
                }
            }
            Shortcut::Help => triage.dialog.set(Dialog::Help),
        }
        // Taken: the page must not also scroll (arrows) or type the "/" into search.
        ev.prevent_default();
    });
}

/// The current row moved while focus was in a row: focus goes to the new current row's
/// link, once it is drawn (a table draws only the rows near its view), so Enter opens the
/// row the keyboard moved to. It gives up if the current row moves on meanwhile.
fn follow_to_current(triage: Triage) {
    let Some(id) = triage.current.get_untracked() else {
        return;
    };
    let href = AppRoute::Item(id.clone()).href();
    let still_current =
        move || (triage.current).try_with_untracked(|c| c.as_deref() == Some(&id)) == Some(true);
    platform::focus_when_drawn(CURRENT_ROW_LINK, href, still_current);
}

/// Escape on the page (not in a field or dialog) goes to `back` (a link). An exact time
/// shown over the page takes the Escape before it ([`crate::components::time`]).
pub fn use_back_shortcut(back: String) {
    let navigate = use_navigate();
    listen(move |ev: KeyboardEvent| {
        // Escape is no character key: it works with the single-key shortcuts off.
        if read(&ev, false) == Some(Shortcut::Back) {
            ev.prevent_default();
            navigate(&back, Default::default());
        }
    });
}
