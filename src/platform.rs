//! Thin, panic-free wrappers over the few browser APIs the app needs (session storage,
//! randomness, timers, the location, media queries, downloads). Everything else goes
//! through Leptos.

use wasm_bindgen::JsValue;

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Reads a sessionStorage entry (never localStorage: tokens must die with the tab).
pub fn session_get(key: &str) -> Option<String> {
    session_storage()?.get_item(key).ok().flatten()
}

/// Writes a sessionStorage entry; a full or disabled storage only costs a reload's memory.
pub fn session_set(key: &str, value: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.set_item(key, value);
    }
}

/// Removes a sessionStorage entry.
pub fn session_remove(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a localStorage entry: only for what may outlive the tab (saved views), never a
/// token.
pub fn local_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

/// Writes a localStorage entry; `false` when the browser refused (full or disabled).
pub fn local_set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// `n` cryptographically random bytes, or `None` where the browser has no `crypto`.
pub fn random_bytes(n: usize) -> Option<Vec<u8>> {
    let mut bytes = vec![0u8; n];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(bytes)
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The calendar date (year, month 1–12, day) of the time `epoch_ms` where the person is
/// (the browser's time zone).
pub fn local_date(epoch_ms: f64) -> (i32, u32, u32) {
    let date = js_sys::Date::new(&JsValue::from_f64(epoch_ms));
    (
        date.get_full_year() as i32,
        date.get_month() + 1,
        date.get_date(),
    )
}

/// Resolves after `ms` milliseconds.
pub async fn sleep(ms: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The page's origin, e.g. `http://127.0.0.1:8080`.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// The current path, query and fragment: where to come back to after signing in.
pub fn current_path() -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return "/".into();
    };
    let path = location.pathname().unwrap_or_else(|_| "/".into());
    let search = location.search().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    format!("{path}{search}{hash}")
}

/// Leaves the app for `url` (the sign-in page).
pub fn go_to(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// The browser's languages in order of preference (`navigator.languages`).
pub fn languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// A moment as ISO 8601 in UTC, for `<time datetime>`.
pub fn iso_time(epoch_ms: f64) -> String {
    js_sys::Date::new(&JsValue::from_f64(epoch_ms))
        .to_iso_string()
        .into()
}

/// Sets `<html lang dir>`, so screen readers, fonts and the layout follow the language.
pub fn set_document_language(tag: &str, dir: &str) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let _ = root.set_attribute("lang", tag);
        let _ = root.set_attribute("dir", dir);
    }
}

/// The id of the boot script's preview of a Task Manager tab (`assets/preview.js`).
const PREVIEW_ID: &str = "mt-preview";

/// The attribute that tells the boot script's preview the app has started
/// (`assets/preview.js`, `handOver`).
const PREVIEW_STARTED: &str = "data-app";

/// Tells the boot script's preview of a Task Manager tab, if there is one, that the app is
/// starting. A preview already drawn stays over the app's page, which is drawn beneath it,
/// until [`remove_preview`] (the tab's rows are there) or, at the latest, a moment later;
/// one not drawn yet never will be.
pub fn start_under_preview() {
    if let Some(preview) = preview() {
        let _ = preview.set_attribute(PREVIEW_STARTED, "");
    }
}

/// Removes the boot script's preview of a Task Manager tab, if there is one: from here on
/// the app's page is seen.
pub fn remove_preview() {
    if let Some(preview) = preview() {
        preview.remove();
    }
}

/// Whether the boot script's preview of a Task Manager tab is in the page (the document was
/// loaded on that tab, and the app has not drawn its rows yet).
pub fn preview_present() -> bool {
    preview().is_some()
}

fn preview() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(PREVIEW_ID)
}

/// Loads the page again (after the language changed).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Whether this page runs inside a frame of another page (the embedded widget).
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        // A top we may not even look at is certainly another page.
        _ => true,
    }
}

/// Opens a small window on `url` for signing in; `None` when the browser blocked it.
pub fn open_popup(url: &str) -> Option<web_sys::Window> {
    web_sys::window()?
        .open_with_url_and_target_and_features(
            url,
            "my-tasks-sign-in",
            "popup,width=520,height=720",
        )
        .ok()
        .flatten()
}

/// Whether `popup` is gone (closed by the person or the browser).
pub fn is_closed(popup: &web_sys::Window) -> bool {
    popup.closed().unwrap_or(true)
}

/// Sends `message` to the window that opened this one, only if it is on `origin` (the
/// browser drops it otherwise); `false` when there is no opener to send to.
pub fn post_to_opener(message: &str, origin: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Ok(opener) = window.opener() else {
        return false;
    };
    if opener.is_null() || opener.is_undefined() {
        return false;
    }
    let opener: web_sys::Window = wasm_bindgen::JsCast::unchecked_into(opener);
    opener
        .post_message(&JsValue::from_str(message), origin)
        .is_ok()
}

/// Sends `message` to the page that frames this one if its origin is one of `origins`.
/// Where the browser cannot say the parent's origin, once for each allowed origin: the
/// browser delivers it only when the parent really is on that origin.
pub fn post_to_parent(message: &str, origins: &[String]) {
    let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) else {
        return;
    };
    // Where the browser says who the parent is (`location.ancestorOrigins`: Chromium,
    // Safari), only to that origin, if allowed: posting to the others only makes the
    // browser log a warning for each.
    let parent_origin = web_sys::window()
        .and_then(|w| {
            js_sys::Reflect::get(&w.location(), &JsValue::from_str("ancestorOrigins")).ok()
        })
        .filter(|list| !list.is_undefined())
        .map(|list| js_sys::Array::from(&list).get(0).as_string());
    let to: Vec<&String> = match parent_origin {
        Some(parent_origin) => origins
            .iter()
            .filter(|o| parent_origin.as_deref() == Some(o.as_str()))
            .collect(),
        None => origins.iter().collect(),
    };
    for origin in to {
        let _ = parent.post_message(&JsValue::from_str(message), origin);
    }
}

/// Closes this window (a sign-in popup that has done its job).
pub fn close_window() {
    if let Some(window) = web_sys::window() {
        let _ = window.close();
    }
}

/// The rendered height of the document in CSS pixels, rounded up.
pub fn document_height() -> u32 {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .map(|e| e.get_bounding_client_rect().height().ceil().max(0.0) as u32)
        .unwrap_or(0)
}

/// The text of the next message `popup` sends this window from `origin`; `None` once the
/// popup is closed without sending one. Messages from anywhere else are ignored.
pub async fn message_from_popup(popup: &web_sys::Window, origin: &str) -> Option<String> {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let window = web_sys::window()?;
    let received: Rc<RefCell<Option<String>>> = Rc::default();
    let listener = {
        let (received, popup, origin) = (received.clone(), popup.clone(), origin.to_owned());
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let from_popup = event
                .source()
                .is_some_and(|source| js_sys::Object::is(&source, &popup));
            if event.origin() == origin && from_popup {
                if let Some(text) = event.data().as_string() {
                    *received.borrow_mut() = Some(text);
                }
            }
        })
    };
    let callback = listener.as_ref().unchecked_ref();
    let _ = window.add_event_listener_with_callback("message", callback);
    // Polling is the only way to notice a closed popup; 200 ms is invisible to a person.
    let answer = loop {
        if let Some(text) = received.borrow_mut().take() {
            break Some(text);
        }
        if is_closed(popup) {
            // The answer may have arrived just before the popup closed itself.
            sleep(50).await;
            break received.borrow_mut().take();
        }
        sleep(200).await;
    };
    let _ = window.remove_event_listener_with_callback("message", callback);
    answer
}

/// Watches the document's height and calls `on_height` with it whenever it changes;
/// stops when the returned guard is dropped.
pub fn watch_document_height(on_height: impl Fn(u32) + 'static) -> Option<ResizeWatch> {
    let root = web_sys::window()?.document()?.document_element()?;
    watch_resize(&root, move || on_height(document_height()))
}

/// Calls `on_resize` whenever the size of `target`'s box changes, for whatever reason (the
/// window, the stylesheet, its content, being laid out at all), and once when it is first
/// laid out; stops when the returned guard is dropped.
pub fn watch_resize(
    target: &web_sys::Element,
    on_resize: impl Fn() + 'static,
) -> Option<ResizeWatch> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let callback = Closure::<dyn FnMut()>::new(on_resize);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(target);
    Some(ResizeWatch {
        observer,
        _callback: callback,
    })
}

/// A running [`watch_resize`]; dropping it stops the watch.
pub struct ResizeWatch {
    /// The browser's observer, disconnected on drop.
    observer: web_sys::ResizeObserver,
    /// The callback the observer calls; must outlive it.
    _callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for ResizeWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Whether the media query `query` matches now, and calls `on_change` with the answer
/// whenever it changes; stops when the returned guard is dropped.
pub fn watch_media(query: &str, on_change: impl Fn(bool) + 'static) -> Option<MediaWatch> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let list = web_sys::window()?.match_media(query).ok()??;
    let watched = list.clone();
    let callback = Closure::<dyn FnMut()>::new(move || on_change(watched.matches()));
    list.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref())
        .ok()?;
    Some(MediaWatch { list, callback })
}

/// A running [`watch_media`]; dropping it stops the watch.
pub struct MediaWatch {
    /// The browser's media query list.
    pub list: web_sys::MediaQueryList,
    /// The change listener; removed on drop.
    callback: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl Drop for MediaWatch {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        let _ = self
            .list
            .remove_event_listener_with_callback("change", self.callback.as_ref().unchecked_ref());
    }
}

/// Offers `text` to the person as a file download named `name` of type `mime` (through a
/// Blob URL, released once the click has started the download); `false` when the browser
/// refused.
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    use wasm_bindgen::JsCast;

    let run = || -> Option<()> {
        let parts = js_sys::Array::of1(&JsValue::from_str(text));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        link.set_href(&url);
        link.set_download(name);
        link.click();
        // Released a minute later: revoking at once can cancel a download still starting.
        let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        let _ = web_sys::window()?
            .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000);
        Some(())
    };
    run().is_some()
}

/// Adds a performance mark `name` (read by the benchmark; costs nothing measurable).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Keeps the custom property `name` on `holder` at the height that `sticky` covers at the
/// top of its scroll container, plus `gap`, while it sticks (`position: sticky`), and
/// without it while it does not: read by a `scroll-padding-top`, it keeps what the browser
/// scrolls into view (focus above all) out from under the sticky element. Measured now and
/// whenever the element's size changes (it wraps, its text grows); the property goes when
/// the returned guard is dropped.
pub fn keep_sticky_room(
    sticky: web_sys::Element,
    holder: web_sys::HtmlElement,
    name: &'static str,
    gap: f64,
) -> Option<StickyRoom> {
    let target = sticky.clone();
    let style = holder.style();
    let measure = move || {
        let sticks = web_sys::window()
            .and_then(|w| w.get_computed_style(&sticky).ok().flatten())
            .and_then(|computed| computed.get_property_value("position").ok())
            .is_some_and(|position| position == "sticky");
        let _ = if sticks {
            // Whole pixels, written as an integer: formatting a float would bring the
            // float formatting code into the wasm.
            let room = (sticky.get_bounding_client_rect().height() + gap).ceil() as u32;
            style.set_property(name, &format!("{room}px"))
        } else {
            style.remove_property(name).map(drop)
        };
    };
    let watch = watch_resize(&target, measure)?;
    Some(StickyRoom {
        _watch: watch,
        holder,
        name,
    })
}

/// A running [`keep_sticky_room`]; dropping it stops the watch and removes the property.
pub struct StickyRoom {
    /// The watch on the sticky element's size.
    _watch: ResizeWatch,
    /// Where the property is set.
    holder: web_sys::HtmlElement,
    /// The property.
    name: &'static str,
}

impl Drop for StickyRoom {
    fn drop(&mut self) {
        let _ = self.holder.style().remove_property(self.name);
    }
}

/// The document's root element, `<html>`.
pub fn root_element() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    web_sys::window()?
        .document()?
        .document_element()?
        .dyn_into()
        .ok()
}

/// Scrolls `element` into view only as far as needed (the keyboard's current row).
pub fn scroll_into_view(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The class of a relative time whose exact time Escape put away.
pub const TIME_DISMISSED: &str = "mt-time--dismissed";

/// Puts away the exact times shown over the page (hovered or focused) and not put away
/// already; whether there was one.
pub fn dismiss_time_tips() -> bool {
    let selector = ".mt-time:not(.mt-time--dismissed):is(:hover, :focus-within)";
    let Some(shown) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return false;
    };
    let found = (0..shown.length()).filter_map(|i| shown.item(i));
    let found =
        found.filter_map(|node| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(node).ok());
    found.fold(false, |_, time| {
        let _ = time.class_list().add_1(TIME_DISMISSED);
        true
    })
}

/// Whether the focused element is `element` or inside it.
pub fn has_focus_within(element: &web_sys::Element) -> bool {
    crate::focus::active_element().is_some_and(|a| element.contains(Some(&a)))
}

/// Whether focus is inside a row of the pending list (a table row or a card).
pub fn focus_in_row() -> bool {
    crate::focus::active_element()
        .and_then(|el| el.closest("tr.mt-table__row, li.mt-row").ok().flatten())
        .is_some()
}

/// Focuses the first element matching `selector` whose `href` is `href`, once it is in the
/// page: tried on each animation frame for about half a second, while `wanted` holds.
pub fn focus_when_drawn(selector: &'static str, href: String, wanted: impl Fn() -> bool + 'static) {
    fn attempt(
        selector: &'static str,
        href: String,
        wanted: std::rc::Rc<dyn Fn() -> bool>,
        left: u32,
    ) {
        if !wanted() {
            return;
        }
        let document = leptos::prelude::document();
        let found = document.query_selector_all(selector).ok().and_then(|list| {
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(n).ok())
                .find(|el| el.get_attribute("href").as_deref() == Some(href.as_str()))
        });
        match found {
            Some(el) => drop(el.focus()),
            None if left > 0 => leptos::prelude::request_animation_frame(move || {
                attempt(selector, href, wanted, left - 1)
            }),
            None => {}
        }
    }
    let wanted: std::rc::Rc<dyn Fn() -> bool> = std::rc::Rc::new(wanted);
    leptos::prelude::request_animation_frame(move || attempt(selector, href, wanted, 30));
}

/// Focuses the first element matching `selector` (e.g. the search field); false if none.
pub fn focus_selector(selector: &str) -> bool {
    use wasm_bindgen::JsCast;
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
    found.is_some_and(|el| el.focus().is_ok())
}

/// Sets the document's title (the tab's name).
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

thread_local! {
    static TYPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// From now on, notes whether the person typed or chose anything on this page (an `input`
/// event anywhere: a field, a menu, a checkbox); see [`typed_on_page`].
pub fn note_typing() {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let callback = Closure::<dyn FnMut()>::new(|| TYPED.with(|t| t.set(true)));
    let _ = document.add_event_listener_with_callback_and_bool(
        "input",
        callback.as_ref().unchecked_ref(),
        true,
    );
    callback.forget();
}

/// Whether the person typed or chose anything since this page loaded: leaving it would
/// lose that.
pub fn typed_on_page() -> bool {
    TYPED.with(std::cell::Cell::get)
}

/// Whether the page is hidden (another tab is in front, or the window is minimised).
pub fn document_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// What a key event happened on, as shortcuts care: typing, inside a dialog, a control
/// or the page (see [`crate::logic::keys::focus_of`]).
pub fn key_focus(event: &web_sys::KeyboardEvent) -> crate::logic::keys::Focus {
    use wasm_bindgen::JsCast;
    let Some(element) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return crate::logic::keys::Focus::Page;
    };
    let editable = element
        .dyn_ref::<web_sys::HtmlElement>()
        .is_some_and(|el| el.is_content_editable());
    // While a modal dialog is open every key is the dialog's, also one that reaches the
    // page with focus outside it (on the body): the page around the dialog is inert.
    let in_dialog = element
        .owner_document()
        .and_then(|d| d.query_selector("[aria-modal='true']").ok().flatten())
        .is_some();
    let input_type = element.get_attribute("type").unwrap_or_default();
    crate::logic::keys::focus_of(&element.tag_name(), editable, in_dialog, &input_type)
}

/// Calls `handler` for every event of `kind` on the document (e.g. `keydown`,
/// `visibilitychange`) until the returned guard is dropped.
pub fn on_document<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    kind: &'static str,
    handler: impl FnMut(E) + 'static,
) -> Option<DocumentListener> {
    listen_on_document(kind, handler, false)
}

/// Like [`on_document`], but in the capture phase: before any handler on the way down or
/// back up (the router's link handler, the keyboard shortcuts) sees the event.
pub fn on_document_first<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    kind: &'static str,
    handler: impl FnMut(E) + 'static,
) -> Option<DocumentListener> {
    listen_on_document(kind, handler, true)
}

fn listen_on_document<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    kind: &'static str,
    handler: impl FnMut(E) + 'static,
    capture: bool,
) -> Option<DocumentListener> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let document = web_sys::window()?.document()?;
    let callback = Closure::<dyn FnMut(E)>::new(handler).into_js_value();
    document
        .add_event_listener_with_callback_and_bool(kind, callback.unchecked_ref(), capture)
        .ok()?;
    Some(DocumentListener {
        document,
        kind,
        callback,
        capture,
    })
}

/// A running [`on_document`]; dropping it removes the listener.
pub struct DocumentListener {
    /// Where the listener is.
    document: web_sys::Document,
    /// The event it listens for.
    kind: &'static str,
    /// The listener itself, kept alive until removed.
    callback: JsValue,
    /// Whether it listens in the capture phase (removing it must say the same).
    capture: bool,
}

impl Drop for DocumentListener {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        let _ = self.document.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.callback.unchecked_ref(),
            self.capture,
        );
    }
}
