//! Focus helpers shared by the dialogs: what can take focus, and unique element ids.

use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// Elements a keyboard user can reach with Tab.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// A document-unique element id with a readable prefix, for `aria-*` references.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("mt-{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The Tab-reachable elements inside `root`, in document order.
pub fn focusable_within(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// Focuses the element marked `data-autofocus` inside `root`, else the first focusable one.
pub fn focus_initial(root: &Element) {
    let marked = root
        .query_selector("[data-autofocus]")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(el) = marked.or_else(|| focusable_within(root).into_iter().next()) {
        let _ = el.focus();
    }
}

/// The element that has focus now, if it is an `HtmlElement`.
pub fn active_element() -> Option<HtmlElement> {
    leptos::prelude::document()
        .active_element()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
}
