//! `use_task_view`: the view a Task Manager tab shows (search, filters, sort, grouping) and
//! the way to change it. The view lives in the URL, but writing the URL costs a history
//! update and wakes everything that reads the location, so a change that replaces the
//! history entry (a keystroke in search, a group collapsed) is shown at once from a draft
//! and written to the URL once the changes pause ([`SETTLE`]), or at once on
//! [`UseTaskView::commit`]. A change that adds a history entry (a menu choice) is shown at
//! once from the draft too, and pushed to the URL, with any draft in it, just after the
//! next frame is drawn, so the new view is on screen before the history update runs. A
//! link followed (or Enter, which opens the current row) before then pushes it first, so
//! the entry is there to come back to.

use std::time::Duration;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::logic::view::TaskView;
use crate::platform;
use crate::routes::Tab;

/// How long changes must pause before the draft goes to the URL.
pub const SETTLE: Duration = Duration::from_millis(300);

/// A tab's view and its setters; `Copy`, so closures can hold it.
#[derive(Clone, Copy)]
pub struct UseTaskView {
    /// The view shown: the draft if any, else the URL's.
    pub view: Memo<TaskView>,
    /// Shows another view: `(view, replace the history entry)`.
    pub set_view: Callback<(TaskView, bool)>,
    /// Writes a waiting draft to the URL now (the search field lost focus).
    pub commit: Callback<()>,
}

/// The view of `tab`, read from `from_url` (the URL's query) and written back to it.
pub fn use_task_view(tab: Tab, from_url: Memo<TaskView>) -> UseTaskView {
    let draft = RwSignal::new(None::<TaskView>);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    // A push is waiting for the next frame; it carries whatever draft is there by then.
    let push_waiting = StoredValue::new(false);
    let stop_timer = move || {
        if let Some(handle) = timer.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    let view = Memo::new(move |_| draft.get().unwrap_or_else(|| from_url.get()));
    // The URL changed (the draft arrived, or back/forward went elsewhere): it wins, and a
    // draft still waiting must not overwrite the entry the person went to.
    Effect::new(move |_| {
        from_url.track();
        stop_timer();
        draft.set(None);
    });
    let navigate = use_navigate();
    let write = move |next: &TaskView, replace: bool| {
        let query = next.to_query();
        let path = match query.is_empty() {
            true => format!("/tasks/{}", tab.as_str()),
            false => format!("/tasks/{}?{query}", tab.as_str()),
        };
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..Default::default()
        };
        navigate(&path, options);
    };
    let commit = {
        let write = write.clone();
        Callback::new(move |()| {
            stop_timer();
            if push_waiting.get_value() {
                return;
            }
            if let Some(next) = draft.get_untracked() {
                write(&next, true);
            }
        })
    };
    let push = {
        let write = write.clone();
        // Nothing when it went already, or the tab went away meanwhile (its values are gone).
        move || {
            if push_waiting.try_get_value() != Some(true) {
                return;
            }
            push_waiting.set_value(false);
            if let Some(next) = draft.get_untracked() {
                write(&next, false);
            }
        }
    };
    flush_before_leaving(push.clone());
    let set_view = Callback::new(move |(next, replace): (TaskView, bool)| {
        stop_timer();
        draft.set(Some(next));
        if push_waiting.get_value() {
            return;
        }
        if !replace {
            push_waiting.set_value(true);
            let push = push.clone();
            request_animation_frame(move || set_timeout(push, Duration::ZERO));
            return;
        }
        let handle = set_timeout_with_handle(move || commit.run(()), SETTLE).ok();
        timer.set_value(handle);
    });
    on_cleanup(stop_timer);
    UseTaskView {
        view,
        set_view,
        commit,
    }
}

/// Runs `push` (a waiting history entry) before the router or a shortcut sees a click on a
/// link or an Enter: either may leave the page before the entry's frame comes.
fn flush_before_leaving(push: impl Fn() + Clone + 'static) {
    use wasm_bindgen::JsCast;
    let on_link = {
        let push = push.clone();
        platform::on_document_first("click", move |ev: web_sys::MouseEvent| {
            let target = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            if target.is_some_and(|t| t.closest("a[href]").ok().flatten().is_some()) {
                push();
            }
        })
    };
    let on_enter = platform::on_document_first("keydown", move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" {
            push();
        }
    });
    let guards = send_wrapper::SendWrapper::new((on_link, on_enter));
    on_cleanup(move || drop(guards));
}
