//! The My Tasks widget: open / completed / total, how many are overdue (`staleAfterDays`),
//! and the oldest pending items with a link to each and to the full list. Used on the dashboard and alone on the widget route.

use leptos::prelude::*;
use leptos_router::components::A;
use wire::{WorkItem, WorkItemsSummary};

use crate::api::{work_items, ApiError, Client, Paging};
use crate::components::status::loaded;
use crate::components::time::MaybeTime;
use crate::logic::format::type_label;
use crate::logic::involved::involved;
use crate::logic::list::{is_overdue, visible, ListFilter, SortBy};
use crate::platform;
use crate::routes::{AppRoute, Tab};
use crate::state::{Changes, ViewAs};

/// How many pending items the widget lists.
pub const OLDEST_SHOWN: usize = 5;

/// A link inside the app, or (embedded) one that opens the full app in the top window.
#[component]
pub fn AppLink(
    /// Where to.
    href: String,
    /// Whether the widget is embedded elsewhere.
    external: bool,
    /// The link text.
    children: Children,
) -> impl IntoView {
    if external {
        view! { <a href=href target="_top">{children()}</a> }.into_any()
    } else {
        view! { <A href=href>{children()}</A> }.into_any()
    }
}

/// The widget.
#[component]
pub fn MyTasksWidget(
    /// Embedded in another dashboard: links open the full app in the top window.
    #[prop(default = false)]
    external: bool,
) -> impl IntoView {
    let api = expect_context::<Client>();
    let view_as = expect_context::<ViewAs>();
    let changes = expect_context::<Changes>();
    let summary = LocalResource::new({
        let api = api.clone();
        move || {
            changes.track();
            let (api, owner) = (api.clone(), view_as.owner_id());
            async move { work_items::summary(&api, owner.as_deref()).await }
        }
    });
    let days = api.stale_after_days();
    let oldest = LocalResource::new(move || {
        changes.track();
        let (api, owner) = (api.clone(), view_as.owner_id());
        async move {
            let page = work_items::list(&api, owner.as_deref(), Paging::default()).await?;
            let now = platform::now_ms() as i64;
            let overdue = page
                .items
                .iter()
                .filter_map(|i| i.created)
                .filter(|c| is_overdue(c.timestamp_millis(), now, days))
                .count();
            // The widget reads one page (250): beyond it there may be more overdue items,
            // so the count is then "at least" (the Task Manager has them all).
            let more = page.total.unwrap_or(0) > page.items.len() as u64;
            let mut items = visible(&page.items, &ListFilter::default(), SortBy::Oldest);
            items.truncate(OLDEST_SHOWN);
            Ok::<_, ApiError>((items, overdue, more))
        }
    });
    view! {
        <section class="mt-card mt-widget" aria-labelledby="widget-title">
            <h2 id="widget-title" class="mt-widget__title">"My Tasks"</h2>
            {loaded(summary, "counts", move |s| view! { <SummaryCounts summary=s/> })}
            <h3 class="mt-widget__subtitle">"Waiting longest"</h3>
            {loaded(oldest, "work items", move |(items, overdue, more)| view! {
                <p class="mt-widget__overdue">{overdue_text(overdue, more, days)}</p>
                <OldestList items external/>
            })}
            <p class="mt-widget__more">
                <AppLink href=AppRoute::tab(Tab::Pending).href() external>"See all work items"</AppLink>
            </p>
        </section>
    }
}

/// "3 overdue (waiting over 7 days)", or that nothing is.
fn overdue_text(overdue: usize, more: bool, days: u32) -> String {
    let plus = if more { "+" } else { "" };
    match overdue {
        0 => format!("Nothing has waited over {days} days."),
        n => format!("{n}{plus} overdue (waiting over {days} days)"),
    }
}

/// The three counts of the summary.
#[component]
fn SummaryCounts(
    /// The summary endpoint's answer.
    summary: WorkItemsSummary,
) -> impl IntoView {
    let stat = |label: &'static str, value: Option<i64>| {
        view! {
            <li class="mt-stat">
                <span class="mt-stat__label">{label}</span>
                " "
                <span class="mt-stat__value">{value.unwrap_or(0)}</span>
            </li>
        }
    };
    view! {
        <ul class="mt-widget__stats" aria-label="Work item counts">
            {stat("Open", summary.open)}
            {stat("Completed", summary.completed)}
            {stat("Total", summary.total)}
        </ul>
    }
}

/// The oldest pending items, or a cheerful empty state.
#[component]
fn OldestList(
    /// The items, oldest first.
    items: Vec<WorkItem>,
    /// Whether links leave the embedding page.
    external: bool,
) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="mt-empty">"Nothing is waiting for you."</p> }.into_any();
    }
    view! {
        <ul class="mt-widget__list">
            {items.into_iter().map(|item| {
                let found = involved(&item);
                // Without an id there is no detail page to link to: the name is plain text.
                let href = item.id.clone().filter(|id| !id.is_empty()).map(|id| AppRoute::Item(id).href());
                let kind = item.work_item_type.as_ref().map(type_label).unwrap_or_default();
                let name = item.name.clone().unwrap_or_else(|| "(no name)".into());
                view! {
                    <li class="mt-widget__item">
                        {match href {
                            Some(href) => view! { <AppLink href external>{name}</AppLink> }.into_any(),
                            None => view! { <span>{name}</span> }.into_any(),
                        }}
                        <span class="mt-tag">{kind}</span>
                        <span class="mt-widget__meta">
                            {found.identities.join(", ")}
                            {(!found.identities.is_empty() && !found.sources.is_empty()).then_some(" · ")}
                            {found.sources.join(", ")}
                        </span>
                        <MaybeTime at=item.created/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
