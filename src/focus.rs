//! Keyboard focus in the DOM, for dialogs, forms and the actions: what can take focus,
//! unique element ids, the first invalid control, and focus lost when its element went
//! away. Imports nothing of the app.

use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
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

/// Controls a form marks invalid: inputs, selects, textareas and the radios of a group.
const INVALID: &str = "input[aria-invalid='true'], select[aria-invalid='true'], \
    textarea[aria-invalid='true'], [role=radiogroup][aria-invalid='true'] input";

/// Moves focus to the first control marked invalid inside `form` (if it is still there).
pub fn focus_first_invalid(form: Option<impl AsRef<Element>>) {
    let invalid = form
        .and_then(|f| f.as_ref().query_selector(INVALID).ok().flatten())
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(el) = invalid {
        let _ = el.focus();
    }
}

/// Focuses the first of the elements `ids` that exists once the page has re-rendered, but
/// only when focus was lost (it is on the body), so a person who moved on is not pulled back.
pub fn focus_when_lost(ids: Vec<&'static str>) {
    when_lost(|| None, ids);
}

/// As [`focus_when_lost`], for an element in hand, such as the container of a view that
/// is being drawn anew (given `tabindex=-1` if it cannot take focus).
pub fn focus_element_when_lost(element: HtmlElement) {
    when_lost(
        move || {
            element.is_connected().then(|| {
                focusable_from_script(&element);
                element.clone()
            })
        },
        Vec::new(),
    );
}

/// Focuses the first of the elements `ids` that exists, at once; whether one did.
pub fn focus_first_of(ids: &[&str]) -> bool {
    let document = leptos::prelude::document();
    let target = ids
        .iter()
        .find_map(|id| document.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<HtmlElement>().ok());
    if let Some(target) = &target {
        focusable_from_script(target);
        let _ = target.focus();
    }
    target.is_some()
}

/// Headings and panels: made focusable from script only, not by Tab.
fn focusable_from_script(element: &HtmlElement) {
    if !element.has_attribute("tabindex") {
        let _ = element.set_attribute("tabindex", "-1");
    }
}

/// As [`focus_when_lost`], trying first the row of a list that stands where `anchor`'s row
/// (its `tr` or `li`) stands now, else the row before it: focus goes to that row's first
/// link. So when a person's action takes an item out of a list, the next item is where
/// they carry on, as it is for the keyboard's current row.
pub fn focus_row_when_lost(anchor: &Element, ids: Vec<&'static str>) {
    let place = anchor.closest("tr, li").ok().flatten().and_then(|row| {
        let list = row.parent_element()?;
        let rows = list.children();
        let index = (0..rows.length()).find(|&i| rows.item(i).as_ref() == Some(&row))?;
        Some((list, index))
    });
    when_lost(
        move || {
            let (list, index) = place.as_ref().filter(|(list, _)| list.is_connected())?;
            let rows = list.children();
            [Some(*index), index.checked_sub(1)]
                .into_iter()
                .flatten()
                .find_map(|i| rows.item(i)?.query_selector("a[href]").ok().flatten())
                .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        },
        ids,
    );
}

/// Whether focus is nowhere in particular (on the body), as after the focused element
/// went away or was disabled.
pub fn focus_is_lost() -> bool {
    let document = leptos::prelude::document();
    document
        .active_element()
        .is_none_or(|el| Some(el) == document.body().map(Into::into))
}

/// Focuses what `first` gives, else the first of the elements `ids`, once the page has
/// re-rendered (tried three times), and only while focus is lost.
fn when_lost(first: impl Fn() -> Option<HtmlElement> + 'static, ids: Vec<&'static str>) {
    let first = Rc::new(first);
    for delay in [50, 400, 1200] {
        let (first, ids) = (first.clone(), ids.clone());
        leptos::prelude::set_timeout(
            move || {
                if !focus_is_lost() {
                    return;
                }
                if let Some(target) = first() {
                    let _ = target.focus();
                    return;
                }
                focus_first_of(&ids);
            },
            Duration::from_millis(delay),
        );
    }
}
