//! The Pending / Completed tabs of Task Manager, as links (so tab and view live in the URL)
//! with `role=tab`, count badges and arrow-key movement. Each links to its own view: the
//! open tab to the view shown, the other to the view it was last shown with.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

use crate::api::ApiError;
use crate::components::status::tracking_id;
use crate::focus::focus_when_lost;
use crate::i18n::intl;
use crate::routes::{AppRoute, Tab};
use crate::state::{list_href, Changes, ListPlace};
use crate::t;

/// A tab's count as far as it is known.
#[derive(Debug, Clone, PartialEq)]
pub enum Count {
    /// Still loading.
    Loading,
    /// The server's count (it may send none).
    Known(Option<i64>),
    /// Loading it failed; the tab says so rather than showing nothing.
    Failed(ApiError),
}

impl Count {
    /// The count from a count resource's current value (`None` while loading).
    pub fn of(loaded: Option<Result<wire::WorkItemsCount, ApiError>>) -> Count {
        match loaded {
            None => Count::Loading,
            Some(Ok(count)) => Count::Known(count.count),
            Some(Err(error)) => Count::Failed(error),
        }
    }
}

/// One tab with its count badge.
#[component]
fn TabLink(
    /// Which tab.
    tab: Tab,
    /// Whether it is the one shown.
    selected: bool,
    /// Its count, as far as it is known.
    count: Signal<Count>,
) -> impl IntoView {
    // The tab shown links to its view as shown, so choosing it changes nothing; the other
    // tab to the view it was last shown with.
    let href = match selected {
        true => {
            let location = use_location();
            let path = AppRoute::tab(tab).href();
            Signal::derive(move || location.search.with(|search| list_href(&path, search)))
        }
        false => Signal::stored(expect_context::<ListPlace>().tab_href(tab)),
    };
    view! {
        <A href=move || href.get()
            attr:id=format!("tab-{}", tab.as_str())
            attr:class=if selected { "mt-tabs__tab mt-tabs__tab--selected" } else { "mt-tabs__tab" }
            attr:role="tab"
            attr:aria-selected=selected.to_string()
            attr:aria-controls="tasks-panel"
            attr:tabindex=if selected { "0" } else { "-1" }>
            {tab.label()}
            {move || match count.get() {
                Count::Known(Some(n)) => Some(view! { <span class="mt-badge">{intl::number(n as f64)}</span> }.into_any()),
                Count::Failed(_) => Some(view! {
                    <span class="mt-badge" aria-hidden="true">{t!("count-unknown")}</span>
                }.into_any()),
                Count::Loading | Count::Known(None) => None,
            }}
        </A>
    }
}

/// The server's tracking ID of a failure, if it sent one.
fn tracking(error: &ApiError) -> Option<String> {
    error.tracking_id().map(str::to_owned)
}

/// Moves focus between the tabs on Left/Right/Home/End, as the ARIA tabs pattern asks.
fn on_keydown(ev: KeyboardEvent) {
    if !matches!(
        ev.key().as_str(),
        "ArrowLeft" | "ArrowRight" | "Home" | "End"
    ) {
        return;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    // Two tabs: the arrows go to the other one (either way round, in either direction of
    // writing), Home to the first, End to the last.
    let to = match (ev.key().as_str(), target.id().as_str()) {
        ("Home", _) => "tab-pending",
        ("End", _) => "tab-completed",
        (_, "tab-pending") => "tab-completed",
        _ => "tab-pending",
    };
    if let Some(element) = document()
        .get_element_by_id(to)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = element.focus();
    }
}

/// The tab list. The other tab's link comes from the [`ListPlace`] in context. A count that
/// could not be loaded is a "?" on its tab and a line below that says why, with the
/// server's tracking ID and a Retry that reads the counts again; both failed alike (one
/// outage) are one line. While the list's own error panel is shown, it speaks for the
/// outage (its Retry reads the counts too), and the lines say nothing.
#[component]
pub fn TaskTabs(
    /// The tab shown.
    selected: Tab,
    /// Pending count.
    pending: Signal<Count>,
    /// Completed count.
    completed: Signal<Count>,
    /// Whether the list shows its error panel instead of its rows.
    #[prop(optional)]
    list_failed: Signal<bool>,
) -> impl IntoView {
    // Absent in component tests: no Retry there.
    let changes = use_context::<Changes>();
    let focus_after = match selected {
        Tab::Pending => "tab-pending",
        Tab::Completed => "tab-completed",
    };
    let failures = move || {
        if list_failed.get() {
            return None;
        }
        let failed: Vec<(Tab, ApiError)> = [
            (Tab::Pending, pending.get()),
            (Tab::Completed, completed.get()),
        ]
        .into_iter()
        .filter_map(|(tab, count)| match count {
            Count::Failed(error) => Some((tab, error)),
            _ => None,
        })
        .collect();
        let lines: Vec<(String, Option<String>)> = match failed.as_slice() {
            [] => return None,
            [(_, a), (_, b)] if a.message() == b.message() => {
                vec![(t!("tab-counts-failed", reason = &a.message()), tracking(a))]
            }
            failed => failed
                .iter()
                .map(|(tab, error)| {
                    let text = t!(
                        "tab-count-failed",
                        tab = tab.as_str(),
                        reason = &error.message()
                    );
                    (text, tracking(error))
                })
                .collect(),
        };
        Some(view! {
            {lines.into_iter().map(|(text, tracking)| view! {
                <p>{text}{tracking.map(|id| view! { " " <span class="mt-error__tracking">{tracking_id(id)}</span> })}</p>
            }).collect_view()}
            {changes.map(|changes| view! {
                <button type="button" class="mt-button" on:click=move |_| {
                    changes.bump();
                    // The answer takes the line away, its focused Retry with it.
                    focus_when_lost(vec![focus_after]);
                }>{t!("retry")}</button>
            })}
        })
    };
    view! {
        <div class="mt-tabs" role="tablist" aria-label=t!("work-items") on:keydown=on_keydown>

            <TabLink tab=Tab::Pending selected=selected == Tab::Pending count=pending/>
            <TabLink tab=Tab::Completed selected=selected == Tab::Completed count=completed/>
        </div>
        <div class="mt-tabs__errors" role="status">{failures}</div>
    }
}
