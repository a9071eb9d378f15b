//! Page navigation from `X-Total-Count`: previous / next links and where we are.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::logic::format::{page_count, range_text};
use crate::routes::{AppRoute, Tab};

/// Pages of a tab.
#[component]
pub fn Pager(
    /// The tab.
    tab: Tab,
    /// The page shown, 1-based.
    page: u32,
    /// Items per page.
    size: u32,
    /// Items on this page.
    shown: usize,
    /// All items, from `X-Total-Count`.
    total: u64,
) -> impl IntoView {
    let pages = page_count(total, size);
    let link = move |page: u32| AppRoute::Tasks { tab, page, size }.href();
    view! {
        <nav class="mt-pager" aria-label="Pages">
            <p class="mt-pager__range">{range_text(page, size, shown, total)}</p>
            {(page > 1).then(|| view! { <A href=link(page - 1) attr:class="mt-button" attr:rel="prev">"Previous page"</A> })}
            <span class="mt-pager__where">{format!("Page {page} of {pages}")}</span>
            {(page < pages).then(|| view! { <A href=link(page + 1) attr:class="mt-button" attr:rel="next">"Next page"</A> })}
        </nav>
    }
}
