//! A timestamp shown relative ("3 days ago", "vor 3 Tagen") with the exact local time on
//! hover and focus, and the [`Clock`] that keeps every relative time true while a page
//! stays open. Both are written by the browser's `Intl` in the person's locale.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::i18n::intl;
use crate::platform;

/// How often relative times are brought up to date: their smallest unit is a minute.
const TICK: Duration = Duration::from_secs(60);

/// The current time, ticking once a minute. Each [`RelativeTime`] reads it, so a tick
/// rewrites only the text of the times, never the lists around them.
#[derive(Debug, Clone, Copy)]
pub struct Clock(ReadSignal<f64>);

impl Clock {
    /// Starts the clock for the current owner (the app or the widget); it stops with it.
    pub fn start() -> Clock {
        let (now, set_now) = signal(platform::now_ms());
        match set_interval_with_handle(move || set_now.set(platform::now_ms()), TICK) {
            Ok(handle) => on_cleanup(move || handle.clear()),
            // Without timers the times stay as first shown, which is what a reload gives.
            Err(error) => leptos::logging::warn!("relative times will not update: {error:?}"),
        }
        Clock(now)
    }

    /// A clock the caller drives (a component test, or a host that keeps its own time).
    pub fn driven_by(now_ms: ReadSignal<f64>) -> Clock {
        Clock(now_ms)
    }

    /// Milliseconds since the epoch, as of the last tick.
    pub fn now_ms(&self) -> f64 {
        self.0.get()
    }

    /// Reads the clock in context (reactively, so a tick reruns the reader); outside the app
    /// (a component test without one) the time at the read.
    pub fn reader() -> impl Fn() -> f64 + Copy + Send + Sync + 'static {
        let clock = use_context::<Clock>();
        move || clock.map_or_else(platform::now_ms, |clock| clock.now_ms())
    }
}

/// A relative time; the exact time in the person's locale and time zone appears on hover
/// and focus (it is focusable, so keyboard users get it too) and is read out after the
/// relative one.
#[component]
pub fn RelativeTime(
    /// The moment to show.
    at: DateTime<Utc>,
) -> impl IntoView {
    let now_ms = Clock::reader();
    let at_ms = at.timestamp_millis() as f64;
    let relative = move || intl::relative(at_ms, now_ms());
    let exact = intl::date_time(at_ms);
    view! {
        <span class="mt-time" on:mouseleave=move |ev| undismiss(&ev)
            on:focusout=move |ev| undismiss(&ev)>
            <time class="mt-time__relative" datetime=platform::iso_time(at_ms) tabindex="0" title=exact.clone()>
                {relative}
                <span class="mt-visually-hidden">{format!(" ({exact})")}</span>
            </time>
            <span class="mt-time__exact" aria-hidden="true">{exact}</span>
        </span>
    }
}

/// Escape hides an exact time shown over the page (its relative time hovered or focused),
/// so it can be put away without moving the pointer or focus (WCAG 1.4.13), and the key
/// does nothing else then (a detail page's Escape would go back). It shows again once
/// the pointer and focus have left it. Listens, before anything else, while the calling
/// owner lives.
pub fn dismiss_times_on_escape() {
    let listener = platform::on_document_first("keydown", |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && !ev.default_prevented() && platform::dismiss_time_tips() {
            ev.prevent_default();
        }
    });
    let guard = send_wrapper::SendWrapper::new(listener);
    on_cleanup(move || drop(guard));
}

/// A shown exact time that Escape put away shows again on the next hover or focus.
fn undismiss(ev: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    let time = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if let Some(time) = time {
        let _ = time.class_list().remove_1(platform::TIME_DISMISSED);
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
