//! The first reads of a page, started by the boot script (`assets/first-reads.js`) while
//! the wasm downloads, so the data is on its way (or in) when the app starts instead of a
//! round trip after it. The client takes one when it is about to send the same GET with
//! the same token; each is given out once, and a read that is not there (another page,
//! another person, a refreshed token, an old page) simply means a fresh request.

use gloo_net::http::Response;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The global the boot script defines: `{ take(url, token) -> Promise<Response> | undefined,
/// catalogues: { <lang>: url } }`.
const GLOBAL: &str = "myTasksFirstReads";

/// The answer to a GET of `url` sent with `token`, when the boot script already sent it.
/// `None` when it did not, or when its request failed (the caller then sends its own).
pub async fn take(url: &str, token: Option<&str>) -> Option<Response> {
    let reads = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(GLOBAL)).ok()?;
    if reads.is_undefined() {
        return None;
    }
    let take = js_sys::Reflect::get(&reads, &JsValue::from_str("take"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let token = token.map_or(JsValue::NULL, JsValue::from_str);
    let promise = take
        .call2(&reads, &JsValue::from_str(url), &token)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()?;
    let response = JsFuture::from(promise).await.ok()?;
    response
        .dyn_into::<web_sys::Response>()
        .ok()
        .map(Response::from)
}

/// The URL of this build's catalogue of the language tagged `tag`, as the boot script names
/// it (`scripts/postbuild.py` wrote the files and their names).
pub fn catalogue_url(tag: &str) -> Option<String> {
    let reads = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(GLOBAL)).ok()?;
    if reads.is_undefined() {
        return None;
    }
    let catalogues = js_sys::Reflect::get(&reads, &JsValue::from_str("catalogues")).ok()?;
    if !catalogues.is_object() {
        return None;
    }
    js_sys::Reflect::get(&catalogues, &JsValue::from_str(tag))
        .ok()?
        .as_string()
}
