//! Task Manager: Pending and Completed tabs with counts over the whole queue of the tab,
//! loaded in the background ([`crate::hooks::queue`]), found with search, filters, sort and
//! grouping that live in the URL ([`TaskView`]), shown as a table from 900 px up and as
//! cards below.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_params, use_query_map};

use crate::api::Client;
use crate::components::bulk_bar::BulkBar;
use crate::components::bulk_dialog::TriageDialogs;
use crate::components::new_items::NewItemsNotice;
use crate::components::shell::Shell;
use crate::components::status::{ErrorPanel, Loading};
use crate::components::tabs::{Count, TaskTabs};
use crate::components::task_cards::Cards;
use crate::components::task_table::{RowContext, TaskTable};
use crate::components::task_toolbar::{LoadProgress, MoreChoices, Toolbar, MORE_IDS};
use crate::components::task_views::ViewsBar;
use crate::focus::{focus_in_place_when_lost, leave_the_header_link};
use crate::hooks::poll::Fresh;
use crate::hooks::queue::{use_queue, LoadState, Queue, Queues};
use crate::hooks::shortcuts::use_triage_shortcuts;
use crate::hooks::task_view::{use_task_view, UseTaskView};
use crate::hooks::triage::{provide_triage, use_triage};
use crate::logic::group::{group, toggle, Ages, Lines};
use crate::logic::list::{facets, select, Entry};
use crate::logic::view::TaskView;
use crate::platform;
use crate::routes::{item_id_of, AppRoute, Tab, TasksParams};
use crate::state::{Changes, Left, ListPlace, PageName, ViewAs};
use crate::t;

/// From this width up the table is shown, below it the cards: 900 px at the browser's
/// usual text size, in `em` so that a person who sets a larger text size gets the cards
/// (which wrap) before the table's columns are squeezed to nothing.
pub const WIDE: &str = "(min-width: 56.25em)";

/// The route `/tasks/:tab?q=&type=&source=&requester=&age=&sort=&group=&collapsed=`.
#[component]
pub fn TaskManagerPage() -> impl IntoView {
    view! { <Shell><TaskManager/></Shell> }
}

/// Task Manager on the tab the URL names.
#[component]
fn TaskManager() -> impl IntoView {
    let params = use_params::<TasksParams>();
    let tab = Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.tab)));
    PageName::follow(move || {
        Some(match tab.get() {
            Some(tab) => t!("title-task-manager", tab = tab.as_str()),
            None => t!("nav-task-manager"),
        })
    });
    let query = use_query_map();
    let view = Memo::new(move |_| {
        query.with(|q| TaskView::from_query(|k| q.get_all(k).unwrap_or_default()))
    });
    let (pending, completed) = (tab_count(Tab::Pending), tab_count(Tab::Completed));
    let triage = provide_triage();
    use_triage_shortcuts(triage);
    // The tab and view shown, for the way back from a detail page opened here.
    let (location, place) = (use_location(), expect_context::<ListPlace>());
    // Back on the list left for an item (by its way back, Escape or the browser's Back):
    // the keyboard carries on from the row it had, with the rows it had selected. Only
    // Pending has a current row and a selection.
    if tab.get_untracked() == Some(Tab::Pending) {
        let (path, search) = (
            location.pathname.get_untracked(),
            location.search.get_untracked(),
        );
        triage.resume(place.resume(&path, &search));
    }
    // Left for an item's page (its link clicked, or Enter on the current row): the keyboard
    // carries on from that item's row on the way back, else from the row it had; the
    // selection is kept for then too.
    on_cleanup(move || {
        let opened = location
            .pathname
            .try_get_untracked()
            .and_then(|path| item_id_of(&path));
        place.leave(Left {
            row: opened
                .and_then(|id| triage.row_of(id))
                .or_else(|| triage.current_row()),
            selection: triage.selection.try_get_untracked().unwrap_or_default(),
        })
    });
    Effect::new(move || {
        if tab.get().is_some() {
            place.remember(&location.pathname.get(), &location.search.get());
        }
    });
    // Arrived here (by the header's link, back from an item, after a forward), focus is
    // nowhere or on the link in the header: it goes to the page's heading, which a screen
    // reader reads, and from where the keys act on the keyboard's current row (Enter opens
    // it again). Not the row's own link: `j` would move the current row away from it, and
    // Enter would then open the row that has focus, not the current one.
    // Without scrolling: the current row is brought back into view, wherever it is.
    // Not under the boot script's preview (the document was loaded here): focus moving
    // would take the preview away before the rows are drawn, and the page is new anyway.
    if !platform::preview_present() {
        leave_the_header_link();
        focus_in_place_when_lost(vec!["tasks-title"]);
    }
    view! {
        <h1 id="tasks-title" class="mt-page-title">{t!("nav-task-manager")}</h1>
        {move || match tab.get() {
            None => view! {
                <p class="mt-empty">{t!("no-such-tab")} " "
                    <A href=AppRoute::tab(Tab::Pending).href()>{t!("detail-go-to-pending")}</A></p>
            }.into_any(),
            Some(selected) => view! {
                <TaskTabs selected pending completed list_failed=list_failed(selected)/>
                {(selected == Tab::Pending).then(|| view! { <NewItemsNotice/><BulkBar triage/> })}
                <section id="tasks-panel" class="mt-tabpanel" role="tabpanel"
                    aria-labelledby=format!("tab-{}", selected.as_str())>
                    <TabQueue tab=selected view/>
                </section>
            }.into_any(),
        }}
        <TriageDialogs triage/>
    }
}

/// The count of a tab's work items (of the person viewed as), loaded again after changes.
/// Pending is the shell's read ([`Fresh`]), which the title and the new-items notice share.
fn tab_count(tab: Tab) -> Signal<Count> {
    if tab == Tab::Pending {
        let fresh = expect_context::<Fresh>();
        return Signal::derive(move || Count::of(fresh.loaded_count()));
    }
    let (api, view_as) = (expect_context::<Client>(), expect_context::<ViewAs>());
    let changes = expect_context::<Changes>();
    let count = LocalResource::new(move || {
        changes.track();
        let (api, owner) = (api.clone(), view_as.owner_id());
        async move { crate::api::work_items::count_completed(&api, owner.as_deref()).await }
    });
    Signal::derive(move || Count::of(count.get()))
}

/// Whether the queue of `tab` shows its error panel (its first page failed), which then
/// speaks for the outage instead of the tabs' count lines.
fn list_failed(tab: Tab) -> Signal<bool> {
    let queue = expect_context::<Queues>().of(tab);
    Signal::derive(move || {
        queue
            .progress
            .with(|p| p.loaded == 0 && matches!(p.state, LoadState::Failed(_)))
    })
}

/// What the panel shows, apart from the rows themselves.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    /// Nothing loaded yet.
    Loading,
    /// The first page failed.
    Failed(crate::api::ApiError),
    /// Loaded, and the tab has nothing.
    Empty,
    /// Items are loaded but none passes the filters.
    NoMatch,
    /// Rows to show.
    Rows,
}

/// The toolbar, the loading progress and the rows of one tab's queue.
#[component]
fn TabQueue(
    /// The tab.
    tab: Tab,
    /// Search, filters, sort and grouping, from the URL.
    view: Memo<TaskView>,
) -> impl IntoView {
    let UseTaskView {
        view,
        set_view,
        commit,
    } = use_task_view(tab, view);
    let queue = use_queue(tab);
    let changes = expect_context::<Changes>();
    // Below 900 px, whether the person opened the filters, sort, grouping and views.
    let more = RwSignal::new(false);
    let now_ms = platform::now_ms() as i64;
    let stale_after_days = expect_context::<Client>().stale_after_days();
    let rows = Memo::new(move |_| {
        platform::mark("mt-select-start");
        let shown = view.with(|v| queue.entries.with(|e| select(e, &v.filter, v.sort, now_ms)));
        platform::mark("mt-select-end");
        shown
    });
    // The counts beside the filters do not depend on the sort or the grouping: a sort
    // does not count them again.
    let filter = Memo::new(move |_| view.with(|v| v.filter.clone()));
    let facets = Memo::new(move |_| filter.with(|f| queue.entries.with(|e| facets(e, f, now_ms))));
    let ages = Ages {
        now_ms,
        stale_after_days,
    };
    let lines = Memo::new(move |_| {
        view.with(|v| {
            rows.with(|rows| {
                let entries = queue.entries;
                entries.with(|e| group(e, rows, v.group, v.sort, ages, &v.collapsed))
            })
        })
    });
    // Collapsing or opening a group replaces the history entry, as typing does.
    let on_fold = Callback::new(move |id: String| {
        let mut next = view.get_untracked();
        next.collapsed = toggle(next.collapsed, &id);
        set_view.run((next, true));
    });
    let shape = Memo::new(move |_| shape_of(queue, rows));
    // The boot script's preview of this tab stays over the page until the rows (or what
    // stands for them) are drawn: the person sees the rows, never the loading line between.
    Effect::new(move || {
        if shape.with(|s| *s != Shape::Loading) {
            platform::remove_preview();
        }
    });
    // The triage (selection, current row, shortcuts) works over the items as shown: not
    // the group headings, nor the items of collapsed groups.
    if let (Some(triage), Tab::Pending) = (use_triage(), tab) {
        let entries = queue.entries;
        let lookup = Callback::new(move |ids: Vec<String>| items_of(entries, &ids));
        let settled = move || queue.progress.with(|p| p.state != LoadState::Loading);
        Effect::new(move |_| triage.show(shown_ids(entries, lines), lookup, settled()));
        // The lookup goes with this tab's queue: calling it on the Completed tab once
        // stopped the app.
        on_cleanup(move || triage.hide());
    }
    let context = RowContext {
        tab,
        stale_after_days,
    };
    view! {
        <Toolbar tab view facets set_view commit more/>
        <MoreChoices id=MORE_IDS[1] more>
            <ViewsBar tab view set_view entries=queue.entries lines progress=queue.progress/>
        </MoreChoices>
        <LoadProgress queue shown=Signal::derive(move || rows.with(Vec::len))/>
        {move || match shape.get() {
            Shape::Loading => view! { <Loading text=t!("loading-work-items")/> }.into_any(),
            // One outage fails the counts too: Retry reads them again with the list.
            Shape::Failed(error) => view! {
                <ErrorPanel error on_retry=Callback::new(move |()| {
                    queue.reload();
                    changes.bump();
                })/>
            }.into_any(),
            Shape::Empty => view! { <p class="mt-empty">{empty_text(tab)}</p> }.into_any(),
            Shape::NoMatch => view! {
                <p class="mt-empty" role="status">{t!("no-match")} " "
                    <button type="button" class="mt-button mt-button--quiet"
                        on:click=move |_| {
                            set_view.run((TaskView::default(), false));
                            // The button goes with the notice: focus goes to the list.
                            crate::focus::focus_when_lost(vec!["tasks-panel", "main"]);
                        }>{t!("clear-filters")}</button></p>
            }.into_any(),
            Shape::Rows => view! { <Rows entries=queue.entries lines context on_fold/> }.into_any(),
        }}
    }
}

/// The ids of the items shown, in order.
fn shown_ids(entries: RwSignal<Vec<Entry>>, lines: Memo<Lines>) -> Vec<String> {
    lines.with(|lines| {
        entries.with(|entries| {
            lines
                .items()
                .filter_map(|at| entries.get(at)?.item.id.clone())
                .filter(|id| !id.is_empty())
                .collect()
        })
    })
}

/// The loaded work items of `ids`, in that order.
fn items_of(entries: RwSignal<Vec<Entry>>, ids: &[String]) -> Vec<wire::WorkItem> {
    entries.with_untracked(|entries| {
        let by_id: std::collections::HashMap<&str, &wire::WorkItem> = entries
            .iter()
            .filter_map(|e| Some((e.item.id.as_deref()?, &e.item)))
            .collect();
        ids.iter()
            .filter_map(|id| by_id.get(id.as_str()).map(|&item| item.clone()))
            .collect()
    })
}

fn shape_of(queue: Queue, rows: Memo<Vec<usize>>) -> Shape {
    let (loaded, state) = queue.progress.with(|p| (p.loaded, p.state.clone()));
    match (loaded, state) {
        (0, LoadState::Idle | LoadState::Loading) => Shape::Loading,
        (0, LoadState::Failed(error)) => Shape::Failed(error),
        (0, LoadState::Done) => Shape::Empty,
        _ if rows.with(Vec::is_empty) => Shape::NoMatch,
        _ => Shape::Rows,
    }
}

fn empty_text(tab: Tab) -> String {
    t!("tab-empty", tab = tab.as_str())
}

/// The table on wide screens, the cards on narrow ones.
#[component]
fn Rows(
    /// The loaded queue.
    entries: RwSignal<Vec<Entry>>,
    /// What to show, in order.
    lines: Memo<Lines>,
    /// Tab, clock and threshold.
    context: RowContext,
    /// Collapses or opens a group.
    on_fold: Callback<String>,
) -> impl IntoView {
    let wide = RwSignal::new(true);
    let watch = platform::watch_media(WIDE, move |matches| wide.set(matches));
    if let Some(watch) = &watch {
        wide.set(watch.list.matches());
    }
    let watch = send_wrapper::SendWrapper::new(watch);
    on_cleanup(move || drop(watch));
    move || match wide.get() {
        true => view! { <TaskTable entries lines context on_fold/> }.into_any(),
        false => view! { <Cards entries lines tab=context.tab on_fold/> }.into_any(),
    }
}
