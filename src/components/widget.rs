//! The My Tasks widget: open / completed / total, how many are overdue (`staleAfterDays`),
//! and the oldest pending items with a link to each and to the full list. Used on the dashboard and alone on the widget route.

use leptos::prelude::*;
use leptos_router::components::A;
use wire::{WorkItem, WorkItemsSummary};

use crate::api::{work_items, ApiError, Client, Page, Paging};
use crate::components::status::{loaded_retrying, ErrorPanel};
use crate::components::time::MaybeTime;
use crate::hooks::poll::every_while_visible;
use crate::i18n::intl;
use crate::logic::format::{item_name, list, type_label};
use crate::logic::involved::involved;
use crate::logic::list::is_overdue;
use crate::platform;
use crate::routes::{item_href, AppRoute, Tab};
use crate::state::{Changes, ViewAs};
use crate::t;

/// How many pending items the widget lists.
pub const OLDEST_SHOWN: u32 = 5;

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
    // The API lists pending items in creation order, so the first page holds the oldest:
    // the rows come from a read of just the few shown, which keeps the first paint fast at
    // any queue size (they are still sorted, in case a page comes back in another order).
    // The overdue count reads a full page beside it.
    let oldest = LocalResource::new({
        let api = api.clone();
        move || {
            changes.track();
            let (api, owner) = (api.clone(), view_as.owner_id());
            async move {
                let paging = Paging {
                    limit: OLDEST_SHOWN,
                    offset: 0,
                    count: false,
                };
                let mut items = work_items::list(&api, owner.as_deref(), paging)
                    .await?
                    .items;
                items.sort_by_key(|item| item.created);
                Ok::<_, ApiError>(items)
            }
        }
    });
    // Alone, on a dashboard, nothing else keeps the widget fresh (the app's notice and
    // Show are not there): it compares the counts every `pollSeconds` while visible, and
    // reads everything again when they moved, or when what it shows had failed.
    if external {
        let api = api.clone();
        every_while_visible(api.poll_seconds(), move || {
            let (api, owner) = (api.clone(), untrack(|| view_as.owner_id()));
            leptos::task::spawn_local(async move {
                let Ok(latest) = work_items::summary(&api, owner.as_deref()).await else {
                    return;
                };
                // The widget may have been replaced while the check was out (the sign-in
                // ended): then its summary is gone and there is nothing to compare.
                let Some(shown) = summary.try_get_untracked() else {
                    return;
                };
                let shown = shown.and_then(Result::ok);
                if shown != Some(latest) {
                    changes.bump();
                }
            });
        });
    }
    let days = api.stale_after_days();
    let overdue = LocalResource::new(move || {
        changes.track();
        let (api, owner) = (api.clone(), view_as.owner_id());
        async move {
            let page = work_items::list(&api, owner.as_deref(), Paging::default()).await?;
            Ok::<_, ApiError>(overdue_on(&page, platform::now_ms() as i64, days))
        }
    });
    // The three reads fail together when the server does: any Retry reads all three again
    // (each one that succeeded keeps showing while it does).
    let retry = Callback::new(move |_| {
        summary.refetch();
        overdue.refetch();
        oldest.refetch();
    });
    // When all three failed (the server is down), one panel says so, not three alike; its
    // Retry reads all three. Drawn straight in the section, so focus goes back there after.
    let all_failed = Memo::new(move |_| {
        summary.with(|a| matches!(a, Some(Err(_))))
            && overdue.with(|a| matches!(a, Some(Err(_))))
            && oldest.with(|a| matches!(a, Some(Err(_))))
    });
    let one_error = move || {
        all_failed
            .get()
            .then(|| summary.get_untracked().and_then(Result::err))
            .flatten()
            .map(|error| view! { <ErrorPanel error on_retry=retry/> })
    };
    view! {
        <section class="mt-card mt-widget" aria-labelledby="widget-title">
            <h2 id="widget-title" class="mt-widget__title">{t!("app-name")}</h2>
            // Alone (the app's header, which says it, is not there): whose work this is.
            {move || external.then(|| view_as.person()).flatten().map(|p| view! {
                <p class="mt-widget__viewas">{t!("viewing-as")} " " <strong><bdi>{p.name}</bdi></strong></p>
            })}
            {one_error}
            <Show when=move || !all_failed.get()>
                {loaded_retrying(summary, retry, t!("loading-counts"), move |s| view! { <SummaryCounts summary=s/> })}
                <h3 class="mt-widget__subtitle">{t!("widget-waiting-longest")}</h3>
                {loaded_retrying(overdue, retry, t!("loading-overdue"), move |(overdue, more)| view! {
                    <p class="mt-widget__overdue">{overdue_text(overdue, more, days)}</p>
                })}
                {loaded_retrying(oldest, retry, t!("loading-work-items"), move |items| view! { <OldestList items external/> })}
            </Show>
            <p class="mt-widget__more">
                <AppLink href=AppRoute::tab(Tab::Pending).href() external>{t!("widget-see-all")}</AppLink>
            </p>
        </section>
    }
}

/// How many items of the first page are overdue, and whether more may be beyond it. Items
/// come in creation order, so the overdue ones are the first ones: when the page ends on
/// one that is not overdue, the count is exact for the whole queue.
fn overdue_on(page: &Page<WorkItem>, now_ms: i64, days: u32) -> (usize, bool) {
    let overdue = page
        .items
        .iter()
        .filter_map(|item| item.created)
        .filter(|created| is_overdue(created.timestamp_millis(), now_ms, days))
        .count();
    let beyond = page.total.unwrap_or(0) > page.items.len() as u64;
    (overdue, beyond && overdue == page.items.len())
}

/// "3 overdue (waiting over 7 days)", or that nothing is.
fn overdue_text(overdue: usize, more: bool, days: u32) -> String {
    match (overdue, more) {
        (0, _) => t!("widget-none-overdue", days = days),
        (n, false) => t!("widget-overdue", count = n, days = days),
        (n, true) => t!("widget-overdue-more", count = n, days = days),
    }
}

/// The three counts of the summary.
#[component]
fn SummaryCounts(
    /// The summary endpoint's answer.
    summary: WorkItemsSummary,
) -> impl IntoView {
    let stat = |label: String, value: Option<i64>| {
        view! {
            <li class="mt-stat">
                <span class="mt-stat__label">{label}</span>
                " "
                <span class="mt-stat__value">{intl::number(value.unwrap_or(0) as f64)}</span>
            </li>
        }
    };
    view! {
        <ul class="mt-widget__stats" aria-label=t!("widget-counts-label")>
            {stat(t!("widget-open"), summary.open)}
            {stat(t!("widget-completed"), summary.completed)}
            {stat(t!("widget-total"), summary.total)}
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
        return view! { <p class="mt-empty">{t!("widget-nothing-waiting")}</p> }.into_any();
    }
    view! {
        <ul class="mt-widget__list">
            {items.into_iter().map(|item| {
                let found = involved(&item);
                // Without an id there is no detail page to link to: the name is plain text.
                let href = item_href(&item);
                let kind = item.work_item_type.as_ref().map(type_label).unwrap_or_default();
                let name = item_name(&item);
                view! {
                    <li class="mt-widget__item">
                        {match href {
                            Some(href) => view! { <AppLink href external><bdi>{name}</bdi></AppLink> }.into_any(),
                            None => view! { <bdi>{name}</bdi> }.into_any(),
                        }}
                        // Nothing to show is no element: the row's gap would be doubled.
                        {(!kind.is_empty()).then(|| view! { <span class="mt-tag">{kind}</span> })}
                        {(!found.identities.is_empty() || !found.sources.is_empty()).then(|| view! {
                            <span class="mt-widget__meta">
                                <bdi>{list(&found.identities)}</bdi>
                                {(!found.identities.is_empty() && !found.sources.is_empty()).then_some(" · ")}
                                <bdi>{list(&found.sources)}</bdi>
                            </span>
                        })}

                        <MaybeTime at=item.created/>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}
