//! Keyboard focus in the DOM, for dialogs, forms and the actions: what can take focus,
//! unique element ids, the first invalid control, and focus lost when its element went
//! away. Imports nothing of the app.

use std::cell::{Cell, RefCell};
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

/// Makes everything outside `inside` inert (neither focusable, clickable nor read by a
/// screen reader), as a native modal dialog does, except the toasts' live region and the
/// wait after a 429 (`mt-waiting-region`), whose announcements must still be heard; gives
/// the elements it changed, for [`restore`].
/// Elements already inert (an outer dialog's doing) are left as they are.
pub fn inert_outside(inside: &Element) -> Vec<Element> {
    let mut changed = Vec::new();
    let mut keep = inside.clone();
    while let Some(parent) = keep.parent_element() {
        let children = parent.children();
        for sibling in (0..children.length()).filter_map(|i| children.item(i)) {
            let exempt = sibling == keep
                || sibling.has_attribute("inert")
                || sibling.class_list().contains("mt-toasts")
                || sibling.class_list().contains("mt-waiting-region")
                || matches!(sibling.tag_name().as_str(), "SCRIPT" | "STYLE" | "LINK");
            if !exempt && sibling.set_attribute("inert", "").is_ok() {
                changed.push(sibling);
            }
        }
        if parent.tag_name() == "BODY" {
            break;
        }
        keep = parent;
    }
    changed
}

/// Undoes [`inert_outside`].
pub fn restore(changed: Vec<Element>) {
    for el in changed {
        let _ = el.remove_attribute("inert");
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

/// As [`focus_when_lost`], for a control that takes focus by itself, such as a dialog's
/// button that was disabled while its request ran.
pub fn refocus_when_lost(control: impl Fn() -> Option<HtmlElement> + 'static) {
    when_lost(control, Vec::new());
}

/// Takes focus off the header's navigation link that brought the person to a page, so
/// the page's own focus rule ([`focus_when_lost`]) places it: the link stays in the header
/// across pages, and a focused link would keep Enter (and a screen reader) on it.
pub fn leave_the_header_link() {
    let from_nav = active_element().filter(|active| {
        active
            .closest(".mt-header__nav a, a.mt-header__brand")
            .ok()
            .flatten()
            .is_some()
    });
    if let Some(link) = from_nav {
        let _ = link.blur();
    }
}

/// Focuses the first of the elements `ids` that exists, at once; whether one did.
pub fn focus_first_of(ids: &[&str]) -> bool {
    let target = first_of(ids);
    if let Some(target) = &target {
        let _ = target.focus();
    }
    target.is_some()
}

/// The first of the elements `ids` that exists, made focusable from script.
fn first_of(ids: &[&str]) -> Option<HtmlElement> {
    let document = leptos::prelude::document();
    let target = ids
        .iter()
        .find_map(|id| document.get_element_by_id(id))
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())?;
    focusable_from_script(&target);
    Some(target)
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
/// re-rendered: tried three times over the next 1.2 s, each time only while focus is lost.
/// The tries end once focus is found on another element than theirs: the person, or a
/// dialog, has moved it on, and a later moment of lost focus (that dialog's button
/// disabled while its request runs) is not theirs to fill. They also end when a later
/// one is asked for. Nor do they ever move focus out of an open modal dialog.
fn when_lost(first: impl Fn() -> Option<HtmlElement> + 'static, ids: Vec<&'static str>) {
    tries(first, ids, true);
}

/// As [`focus_when_lost`], without scrolling the page to the element: for a page's heading
/// when the page keeps a scroll position of its own (Task Manager brings its current row
/// back into view).
pub fn focus_in_place_when_lost(ids: Vec<&'static str>) {
    tries(|| None, ids, false);
}

/// Counts the [`when_lost`]s asked for: only the latest one's tries run, so a rule asked
/// for on arriving at a page never fills a moment of lost focus that a later one (after an
/// action on that page) is there to fill.
static LATEST: AtomicUsize = AtomicUsize::new(0);

/// Schedules the tries of [`when_lost`]; `scroll`: whether focusing may scroll the page.
fn tries(first: impl Fn() -> Option<HtmlElement> + 'static, ids: Vec<&'static str>, scroll: bool) {
    let tries = Rc::new(Tries {
        asked: LATEST.fetch_add(1, Ordering::Relaxed) + 1,
        first: Box::new(first),
        ids,
        scroll,
        placed: RefCell::new(None),
        over: Cell::new(false),
    });
    for delay in [50, 400, 1200] {
        let tries = tries.clone();
        leptos::prelude::set_timeout(move || tries.run(), Duration::from_millis(delay));
    }
}

/// The tries of one [`when_lost`].
struct Tries {
    /// Which [`when_lost`] this is, counted by [`LATEST`].
    asked: usize,
    first: Box<dyn Fn() -> Option<HtmlElement>>,
    ids: Vec<&'static str>,
    /// Whether focusing may scroll the page to the element.
    scroll: bool,
    /// The element a try focused, if any.
    placed: RefCell<Option<HtmlElement>>,
    /// Set once focus was found elsewhere.
    over: Cell<bool>,
}

impl Tries {
    fn run(&self) {
        if self.over.get() || LATEST.load(Ordering::Relaxed) != self.asked {
            return;
        }
        if !focus_is_lost() {
            // On their element, a re-render may still take it away: keep watching.
            let ours = active_element().is_some_and(|active| {
                self.placed.borrow().as_ref() == Some(&active)
                    || (self.first)().as_ref() == Some(&active)
                    || self.ids.contains(&active.id().as_str())
            });
            self.over.set(!ours);
            return;
        }
        let target = (self.first)()
            .or_else(|| first_of(&self.ids))
            .filter(|target| !behind_open_modal(target));
        if let Some(target) = target {
            let _ = if self.scroll {
                target.focus()
            } else {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                target.focus_with_options(&options)
            };
            *self.placed.borrow_mut() = Some(target);
        }
    }
}

/// Whether a modal dialog is open and `element` is outside it.
fn behind_open_modal(element: &HtmlElement) -> bool {
    leptos::prelude::document()
        .query_selector("[aria-modal='true']")
        .ok()
        .flatten()
        .is_some_and(|modal| !modal.contains(Some(element)))
}
