//! Helpers for the component tests in headless Chromium: mount a view into its own
//! container, find elements, press keys and type like a person, and let the DOM settle.

use leptos::prelude::*;
use my_tasks::i18n::{self, Choice, Lang};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, KeyboardEvent, KeyboardEventInit};

/// Mounts `view` into a fresh `<div>` appended to the body and returns that container.
/// The view speaks English with every word of the app, whatever a test before installed.
pub fn mount<F, N>(view: F) -> HtmlElement
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    speak(Lang::En, "en");
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    leptos::mount::mount_to(container.clone(), view).forget();
    container
}

/// The first element matching `selector` inside `root`; panics (fails the test) if none.
pub fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// Whether anything inside `root` matches `selector`.
pub fn exists(root: &Element, selector: &str) -> bool {
    root.query_selector(selector).unwrap().is_some()
}

/// Every element matching `selector` inside `root`.
pub fn find_all(root: &Element, selector: &str) -> Vec<HtmlElement> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

/// The button inside `root` whose text is exactly `name`.
pub fn button(root: &Element, name: &str) -> HtmlElement {
    find_all(root, "button")
        .into_iter()
        .find(|b| b.text_content().unwrap_or_default().trim() == name)
        .unwrap_or_else(|| panic!("no button named {name}"))
}

/// Dispatches a bubbling keydown of `key` on `target`.
pub fn press(target: &Element, key: &str, shift: bool) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// Sets an input's (or textarea's or select's) value and fires `input` and `change`.
pub fn type_into(target: &HtmlElement, text: &str) {
    js_sys::Reflect::set(target, &"value".into(), &text.into()).unwrap();
    fire(target, "input");
    fire(target, "change");
}

/// Fires a bubbling event of `kind` on `target`.
pub fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

/// The element that has focus.
pub fn focused() -> Option<Element> {
    document().active_element()
}

/// Waits `ms` milliseconds of real time.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits for the browser's next frame to be drawn (resize observers have been told by then).
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().request_animation_frame(&resolve).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Lets signals, effects and the DOM catch up.
pub async fn settle() {
    leptos::task::tick().await;
    sleep(0).await;
    leptos::task::tick().await;
}

/// Installs `lang` (with every word of the full app) and `Intl`'s `locale` for what is
/// rendered next: German and Arabic from the catalogue text the build wrote (the one
/// served beside the wasm), read as the app reads a fetched one.
pub fn speak(lang: Lang, locale: &str) {
    let choice = Choice {
        lang,
        intl_locale: locale.into(),
    };
    let text = match lang {
        Lang::En => return i18n::install(&choice, i18n::APP_WORDS.english()),
        Lang::De => include_str!(concat!(env!("OUT_DIR"), "/de.txt")),
        Lang::Ar => include_str!(concat!(env!("OUT_DIR"), "/ar.txt")),
    };
    let tables = i18n::APP_WORDS.tables_of(text.to_owned()).unwrap();
    i18n::install(&choice, tables);
}
