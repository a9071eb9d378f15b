//! Saved views and export, beside Task Manager's toolbar. A saved view is a name and the
//! view's URL query, kept in this browser's localStorage (nothing of the session), until
//! the person deletes it; export
//! downloads exactly what the table shows, in its order, as CSV or JSON. A file made while
//! the list is still loading, or after its loading stopped, holds only what had loaded, and
//! the person is told so.
//!
//! Every tab of the browser shares that storage: a save or a delete reads it again first,
//! so it changes only its own view and keeps what another tab saved meanwhile, and the
//! menu follows the other tabs' changes (the `storage` event).

use leptos::prelude::*;

use crate::api::Client;
use crate::components::confirm::ConfirmDialog;
use crate::focus::focus_when_lost;
use crate::hooks::queue::{LoadState, Progress};
use crate::logic::export::{file_name, to_csv, to_json};
use crate::logic::group::Lines;
use crate::logic::list::Entry;
use crate::logic::view::{delete_view, save_view, saved_views, shown_view, SavedView, TaskView};
use crate::platform;
use crate::routes::Tab;
use crate::state::ViewAs;
use crate::t;

/// Where the saved views are kept.
const KEY: &str = "my-tasks.saved-views";

/// "Saved views" menu, "Save view" and the two export buttons.
#[component]
pub fn ViewsBar(
    /// The tab (names the exported file).
    tab: Tab,
    /// The view shown.
    view: Memo<TaskView>,
    /// Shows another view: `(view, replace the history entry)`.
    set_view: Callback<(TaskView, bool)>,
    /// The loaded queue.
    entries: RwSignal<Vec<Entry>>,
    /// What the table shows, in order; export holds the items of collapsed groups too.
    lines: Memo<Lines>,
    /// How far the queue has loaded (an export before the end holds only part of it).
    progress: RwSignal<Progress>,
) -> impl IntoView {
    let views = RwSignal::new(stored_views());
    // Another tab of this browser saved or deleted a view: the menu shows it.
    let listener = window_event_listener_untyped("storage", move |_| {
        let now = stored_views();
        if views.with_untracked(|v| *v != now) {
            views.set(now);
        }
    });
    on_cleanup(move || listener.remove());
    let name = RwSignal::new(String::new());
    let said = RwSignal::new(String::new());
    // Saving with no name marks the field; a name already taken is kept here after the first
    // save, so the same name saved again replaces that view.
    let nameless = RwSignal::new(false);
    let to_replace = RwSignal::new(None::<String>);
    // The saved view last picked or saved: the menu shows it while it is the view shown.
    let picked = RwSignal::new(None::<String>);
    let name_field = NodeRef::<leptos::html::Input>::new();
    let save = move || {
        let chosen = name.get_untracked().trim().to_owned();
        if chosen.is_empty() {
            nameless.set(true);
            said.set(t!("views-name-first"));
            if let Some(field) = name_field.get_untracked() {
                let _ = field.focus();
            }
            return;
        }
        // What is stored now, another tab's saves included: a save replaces only its own.
        let stored = stored_views();
        let taken = stored.iter().any(|v| v.name == chosen);
        if taken && to_replace.get_untracked().as_deref() != Some(chosen.as_str()) {
            to_replace.set(Some(chosen.clone()));
            said.set(t!("views-replace-ask", name = &chosen));
            return;
        }
        to_replace.set(None);
        let query = view.with_untracked(TaskView::to_query);
        let next = save_view(
            stored,
            SavedView {
                name: chosen.clone(),
                query,
            },
        );
        let json = serde_json::to_string(&next).unwrap_or_default();
        if platform::local_set(KEY, &json) {
            views.set(next);
            picked.set(Some(chosen.clone()));
            name.set(String::new());
            said.set(if taken {
                t!("views-replaced", name = &chosen)
            } else {
                t!("views-saved", name = &chosen)
            });
        } else {
            said.set(t!("views-cannot-save"));
        }
    };
    let owner = owner_name();
    let export = move |json: bool| {
        let now = platform::now_ms();
        let text = lines.with_untracked(|lines| {
            entries.with_untracked(|entries| {
                let items = lines
                    .order
                    .iter()
                    .filter_map(|&at| entries.get(at))
                    .map(|e| &e.item);
                if json {
                    to_json(items)
                } else {
                    to_csv(items)
                }
            })
        });
        let (extension, mime) = if json {
            ("json", "application/json")
        } else {
            ("csv", "text/csv;charset=utf-8")
        };
        let file = file_name(tab.as_str(), &owner(), platform::local_date(now), extension);
        if !platform::download(&file, mime, &text) {
            said.set(t!("download-refused"));
            return;
        }
        let partial = progress.with_untracked(|p| {
            (p.state != LoadState::Done).then(|| (p.loaded, p.total.unwrap_or(p.loaded as u64)))
        });
        said.set(match partial {
            Some((loaded, total)) => t!("export-partial", loaded = loaded, total = total),
            None => String::new(),
        });
    };
    view! {
        <div class="mt-views">
            <SavedViewsMenu views picked view set_view said/>
            <label class="mt-field">
                <span class="mt-field__label">{t!("views-name")}</span>
                <input type="text" node_ref=name_field prop:value=move || name.get()
                    aria-invalid=move || nameless.get().then_some("true")
                    aria-describedby=move || {
                        (nameless.get() || to_replace.with(Option::is_some)).then_some(SAID_ID)
                    }
                    on:input=move |ev| { nameless.set(false); to_replace.set(None); name.set(event_target_value(&ev)) }
                    on:keydown=move |ev| if ev.key() == "Enter" { save() }/>
            </label>
            <button type="button" class="mt-button" on:click=move |_| save()>{t!("views-save")}</button>
            <div class="mt-views__export">
                <button type="button" class="mt-button" on:click={ let export = export.clone(); move |_| export(false) }>{t!("export-csv")}</button>
                <button type="button" class="mt-button" on:click=move |_| export(true)>{t!("export-json")}</button>
            </div>

            <p id=SAID_ID class="mt-views__said" role="status">{move || said.get()}</p>
        </div>
    }
}

/// "Saved views": choosing one shows it, and while a saved view is shown the menu names
/// it and "Delete view" deletes it from this browser, once the person confirms.
#[component]
fn SavedViewsMenu(
    /// The saved views, A to Z.
    views: RwSignal<Vec<SavedView>>,
    /// The saved view last picked or saved.
    picked: RwSignal<Option<String>>,
    /// The view shown.
    view: Memo<TaskView>,
    /// Shows another view: `(view, replace the history entry)`.
    set_view: Callback<(TaskView, bool)>,
    /// What the views bar says (a status line).
    said: RwSignal<String>,
) -> impl IntoView {
    let shown = Memo::new(move |_| {
        let query = view.with(TaskView::to_query);
        views.with(|v| picked.with(|p| shown_view(v, &query, p.as_deref()).map(|v| v.name.clone())))
    });
    let pick = move |name: String| {
        let query =
            views.with_untracked(|v| v.iter().find(|v| v.name == name).map(|v| v.query.clone()));
        if let Some(query) = query {
            picked.set(Some(name));
            set_view.run((TaskView::parse(&query), false));
        }
    };
    // The view the confirmation asks about, while it is open.
    let asking = RwSignal::new(None::<String>);
    let delete = move || {
        let Some(name) = asking.get_untracked() else {
            return;
        };
        asking.set(None);
        let next = delete_view(stored_views(), &name);
        let json = serde_json::to_string(&next).unwrap_or_default();
        if platform::local_set(KEY, &json) {
            views.set(next);
            said.set(t!("views-deleted", name = &name));
        } else {
            said.set(t!("views-cannot-save"));
        }
        // The button that opened the dialog is disabled now: focus goes to the menu.
        focus_when_lost(vec![MENU_ID]);
    };
    let option = move |v: SavedView| {
        let (value, text, name) = (v.name.clone(), v.name.clone(), v.name);
        let selected = move || shown.with(|s| s.as_deref() == Some(name.as_str()));
        view! { <option value=value dir="auto" prop:selected=selected>{text}</option> }
    };
    view! {
        <label class="mt-field">
            <span class="mt-field__label">{t!("views-saved-label")}</span>
            <select id=MENU_ID on:change=move |ev| { let v = event_target_value(&ev); if !v.is_empty() { pick(v) } }>
                <option value="" prop:selected=move || shown.with(Option::is_none)>
                    {move || if views.with(Vec::is_empty) { t!("views-none") } else { t!("views-choose") }}
                </option>
                {move || views.get().into_iter().map(option).collect_view()}
            </select>
        </label>
        <button type="button" class="mt-button" aria-haspopup="dialog"
            disabled=move || shown.with(Option::is_none)
            on:click=move |_| asking.set(shown.get_untracked())>{t!("views-delete")}</button>
        <Show when=move || asking.with(Option::is_some)>
            <ConfirmDialog title=t!("views-delete-title")
                message=t!("views-delete-ask", name = &asking.get_untracked().unwrap_or_default())
                confirm_label=t!("views-delete") pending=Signal::stored(false)
                on_confirm=Callback::new(move |()| delete())
                on_cancel=Callback::new(move |()| asking.set(None))/>
        </Show>
    }
}

/// The saved views as stored now (by this tab or another).
fn stored_views() -> Vec<SavedView> {
    saved_views(platform::local_get(KEY).as_deref())
}

/// The id of the saved views menu.
const MENU_ID: &str = "mt-saved-views";
/// The views bar's status line, which describes the name field while it says what is
/// wrong with the name (none given, or one taken that saving again replaces).
const SAID_ID: &str = "mt-views-said";

/// Whose items are shown, for file names: the person viewed as, else the signed-in one.
fn owner_name() -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let (api, view_as) = (expect_context::<Client>(), expect_context::<ViewAs>());
    move || {
        untrack(|| view_as.person())
            .map(|p| p.name)
            .or_else(|| api.claims().map(|c| c.user_name))
            .unwrap_or_default()
    }
}
