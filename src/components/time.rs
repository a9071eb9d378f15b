//! A timestamp shown relative ("3 days ago") with the exact local time on hover and focus.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::logic::format::relative_time;
use crate::platform;

/// A relative time; the exact time in the browser's locale appears on hover and focus
/// (it is focusable, so keyboard users get it too).
#[component]
pub fn RelativeTime(
    /// The moment to show.
    at: DateTime<Utc>,
) -> impl IntoView {
    let now = DateTime::<Utc>::from_timestamp_millis(platform::now_ms() as i64).unwrap_or(at);
    let exact = platform::local_date_time(at.timestamp_millis() as f64);
    let relative = relative_time(at, now);
    view! {
        <span class="mt-time">
            <time class="mt-time__relative" datetime=at.to_rfc3339() tabindex="0"
                aria-label=format!("{relative} ({exact})") title=exact.clone()>
                {relative.clone()}
            </time>
            <span class="mt-time__exact" aria-hidden="true">{exact}</span>
        </span>
    }
}

/// An optional timestamp, or a dash.
#[component]
pub fn MaybeTime(
    /// The moment, when there is one.
    at: Option<DateTime<Utc>>,
) -> impl IntoView {
    match at {
        Some(at) => view! { <RelativeTime at/> }.into_any(),
        None => view! { <span class="mt-muted">"—"</span> }.into_any(),
    }
}
