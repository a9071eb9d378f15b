//! The Pending / Completed tabs of Task Manager, as links (so tab and page live in the URL)
//! with `role=tab`, count badges and arrow-key movement.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use wasm_bindgen::JsCast;

use crate::routes::{AppRoute, Tab};

/// One tab with its count badge.
#[component]
fn TabLink(
    /// Which tab.
    tab: Tab,
    /// Whether it is the one shown.
    selected: bool,
    /// Its count, once known.
    count: Signal<Option<i64>>,
) -> impl IntoView {
    view! {
        <A href=AppRoute::tab(tab).href()
            attr:id=format!("tab-{}", tab.as_str())
            attr:class=if selected { "mt-tabs__tab mt-tabs__tab--selected" } else { "mt-tabs__tab" }
            attr:role="tab"
            attr:aria-selected=selected.to_string()
            attr:aria-controls="tasks-panel"
            attr:tabindex=if selected { "0" } else { "-1" }>
            {tab.label()}
            {move || count.get().map(|n| view! { <span class="mt-badge">{n}</span> })}
        </A>
    }
}

/// Moves focus to the other tab on Left/Right/Home/End, as the ARIA tabs pattern asks.
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
    let other = match target.id().as_str() {
        "tab-pending" => "tab-completed",
        _ => "tab-pending",
    };
    if let Some(element) = document()
        .get_element_by_id(other)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        ev.prevent_default();
        let _ = element.focus();
    }
}

/// The tab list.
#[component]
pub fn TaskTabs(
    /// The tab shown.
    selected: Tab,
    /// Pending count.
    pending: Signal<Option<i64>>,
    /// Completed count.
    completed: Signal<Option<i64>>,
) -> impl IntoView {
    view! {
        <div class="mt-tabs" role="tablist" aria-label="Work items" on:keydown=on_keydown>
            <TabLink tab=Tab::Pending selected=selected == Tab::Pending count=pending/>
            <TabLink tab=Tab::Completed selected=selected == Tab::Completed count=completed/>
        </div>
    }
}
