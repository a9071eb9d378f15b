//! Task Manager: Pending and Completed tabs with counts, one page of work items at a time
//! (tab and page in the URL), and search / filter / sort over what is loaded.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params, use_query};
use wire::{WorkItem, WorkItemType};

use crate::api::{work_items, ApiError, Client, Page, Paging};
use crate::components::bulk_bar::BulkBar;
use crate::components::bulk_dialog::TriageDialogs;
use crate::components::new_items::NewItemsNotice;
use crate::components::pager::Pager;
use crate::components::shell::Shell;
use crate::components::status::loaded;
use crate::components::tabs::{Count, TaskTabs};
use crate::components::work_item_row::WorkItemRow;
use crate::hooks::shortcuts::use_triage_shortcuts;
use crate::hooks::triage::{provide_triage, use_triage};
use crate::logic::format::type_label;
use crate::logic::involved::all_sources;
use crate::logic::list::{types_present, visible, ListFilter, SortBy};
use crate::routes::{AppRoute, PageQuery, Tab, TasksParams};
use crate::state::{Changes, ViewAs};

/// The route `/tasks/:tab?page=&size=`.
#[component]
pub fn TaskManagerPage() -> impl IntoView {
    view! { <Shell><TaskManager/></Shell> }
}

/// Task Manager on the tab and page the URL names.
#[component]
fn TaskManager() -> impl IntoView {
    let params = use_params::<TasksParams>();
    let query = use_query::<PageQuery>();
    let tab = Memo::new(move |_| params.with(|p| p.as_ref().ok().and_then(|p| p.tab)));
    // An unreadable query falls back to the first page at the default size.
    let query = Memo::new(move |_| query.with(|q| q.clone().unwrap_or_default()));
    let (page, size) = (
        Memo::new(move |_| query.with(PageQuery::page)),
        Memo::new(move |_| query.with(PageQuery::size)),
    );
    let (pending, completed) = (tab_count(Tab::Pending), tab_count(Tab::Completed));
    let list = page_of(tab, page, size);
    let triage = provide_triage();
    use_triage_shortcuts(triage);
    let filter = RwSignal::new(ListFilter::default());
    let sort = RwSignal::new(SortBy::default());
    // Filters are kept across pages of a tab; another tab has other types and sources.
    Effect::watch(
        move || tab.get(),
        move |_, _, _| filter.set(ListFilter::default()),
        false,
    );
    view! {
        <h1 class="mt-page-title">"Task Manager"</h1>
        {move || match tab.get() {
            None => view! {
                <p class="mt-empty">"There is no such tab. "
                    <A href=AppRoute::tab(Tab::Pending).href()>"Go to pending work items"</A></p>
            }.into_any(),
            Some(selected) => view! {
                <TaskTabs selected pending completed/>
                {(selected == Tab::Pending).then(|| view! { <NewItemsNotice/><BulkBar triage/> })}
                <section id="tasks-panel" class="mt-tabpanel" role="tabpanel"
                    aria-labelledby=format!("tab-{}", selected.as_str())>
                    {loaded(list, "work items", move |loaded: Page<WorkItem>| view! {
                        <TaskList page=loaded tab=selected number=page.get_untracked()
                            size=size.get_untracked() filter sort/>
                    })}
                </section>
            }.into_any(),
        }}
        <TriageDialogs triage/>
    }
}

/// The count of a tab's work items (of the person viewed as), loaded again after changes.
fn tab_count(tab: Tab) -> Signal<Count> {
    let (api, view_as) = (expect_context::<Client>(), expect_context::<ViewAs>());
    let changes = expect_context::<Changes>();
    let count = LocalResource::new(move || {
        changes.track();
        let (api, owner) = (api.clone(), view_as.owner_id());
        async move {
            match tab {
                Tab::Pending => work_items::count(&api, owner.as_deref()).await,
                Tab::Completed => work_items::count_completed(&api, owner.as_deref()).await,
            }
        }
    });
    Signal::derive(move || Count::of(count.get()))
}

/// One page of a tab's work items (of the person viewed as), loaded again after changes.
fn page_of(
    tab: Memo<Option<Tab>>,
    page: Memo<u32>,
    size: Memo<u32>,
) -> LocalResource<Result<Page<WorkItem>, ApiError>> {
    let (api, view_as) = (expect_context::<Client>(), expect_context::<ViewAs>());
    let changes = expect_context::<Changes>();
    LocalResource::new(move || {
        changes.track();
        let (api, owner) = (api.clone(), view_as.owner_id());
        let (tab, paging) = (tab.get(), Paging::page(page.get(), size.get()));
        async move {
            match tab {
                Some(Tab::Completed) => {
                    work_items::list_completed(&api, owner.as_deref(), paging).await
                }
                _ => work_items::list(&api, owner.as_deref(), paging).await,
            }
        }
    })
}

/// The toolbar, the rows and the pager of one loaded page.
#[component]
fn TaskList(
    /// The loaded page.
    page: Page<WorkItem>,
    /// Its tab.
    tab: Tab,
    /// Its number, 1-based.
    number: u32,
    /// Items per page.
    size: u32,
    /// Search and filters, kept across pages.
    filter: RwSignal<ListFilter>,
    /// Sort order, kept across pages.
    sort: RwSignal<SortBy>,
) -> impl IntoView {
    let total = page.total.unwrap_or(page.items.len() as u64);
    let shown = page.items.len();
    let types = types_present(&page.items);
    let sources = all_sources(&page.items);
    let items = StoredValue::new(page.items);
    let rows = Memo::new(move |_| items.with_value(|all| visible(all, &filter.get(), sort.get())));
    // The triage (selection, current row, shortcuts) works over the rows as shown.
    if let (Some(triage), Tab::Pending) = (use_triage(), tab) {
        Effect::new(move |_| triage.visible.set(rows.get()));
    }
    let rows = move || rows.get();
    view! {
        <Toolbar types sources filter sort/>
        {move || {
            let rows = rows();
            if shown == 0 {
                let text = if number > 1 { "This page is past the end of the list." } else if tab == Tab::Pending { "No pending work items. Nothing is waiting for you." } else { "No completed work items yet." };
                view! { <p class="mt-empty">{text}</p> }.into_any()
            } else if rows.is_empty() {
                view! { <p class="mt-empty" role="status">"No work items on this page match. "
                    <button type="button" class="mt-button mt-button--quiet" on:click=move |_| filter.set(ListFilter::default())>"Clear filters"</button></p> }.into_any()
            } else {
                view! {
                    <p class="mt-visually-hidden" role="status">{format!("{} work items shown", rows.len())}</p>
                    <ul class="mt-list" aria-label=format!("{} work items", tab.label())>
                        {rows.into_iter().map(|item| view! { <WorkItemRow item completed=tab == Tab::Completed/> }).collect_view()}
                    </ul>
                }.into_any()
            }
        }}
        <Pager tab page=number size shown total/>
    }
}

/// Search, type and source filters and the sort order.
#[component]
fn Toolbar(
    /// Types among the loaded items.
    types: Vec<WorkItemType>,
    /// Sources among the loaded items.
    sources: Vec<String>,
    /// The filter to edit.
    filter: RwSignal<ListFilter>,
    /// The sort order to edit.
    sort: RwSignal<SortBy>,
) -> impl IntoView {
    let type_value = move || {
        filter.with(|f| {
            f.work_item_type
                .as_ref()
                .map(|t| t.as_str().to_owned())
                .unwrap_or_default()
        })
    };
    let source_value = move || filter.with(|f| f.source.clone().unwrap_or_default());
    view! {
        <div class="mt-toolbar" role="search" aria-label="Filter work items">
            <label class="mt-field">
                <span class="mt-field__label">"Search"</span>
                <input type="search" prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| filter.update(|f| f.text = event_target_value(&ev))/>
            </label>
            <label class="mt-field">
                <span class="mt-field__label">"Type"</span>
                <select prop:value=type_value on:change=move |ev| {
                    let value = event_target_value(&ev);
                    filter.update(|f| f.work_item_type = (!value.is_empty()).then(|| WorkItemType::parse(&value)));
                }>
                    <option value="">"All types"</option>
                    {types.into_iter().map(|t| view! { <option value=t.as_str().to_owned()>{type_label(&t)}</option> }).collect_view()}
                </select>
            </label>
            <label class="mt-field">
                <span class="mt-field__label">"Source"</span>
                <select prop:value=source_value on:change=move |ev| {
                    let value = event_target_value(&ev);
                    filter.update(|f| f.source = (!value.is_empty()).then_some(value));
                }>
                    <option value="">"All sources"</option>
                    {sources.into_iter().map(|s| { let value = s.clone(); view! { <option value=value>{s}</option> } }).collect_view()}
                </select>
            </label>
            <label class="mt-field">
                <span class="mt-field__label">"Sort by"</span>
                <select prop:value=move || sort.get().as_str() on:change=move |ev| sort.set(SortBy::parse(&event_target_value(&ev)))>
                    {SortBy::ALL.into_iter().map(|s| view! { <option value=s.as_str()>{s.label()}</option> }).collect_view()}
                </select>
            </label>
        </div>
    }
}
