//! Tabs that share one sign-in. A duplicated tab (and a tab the browser restores) starts
//! with a copy of the first one's sessionStorage, so two tabs hold the same refresh token.
//! Refresh tokens are single-use: the second use of one revokes the whole sign-in, in both
//! tabs. So:
//!
//! - the tabs of an origin refresh one at a time, under one Web Lock;
//! - a tab that refreshed says so on a `BroadcastChannel`, and a tab still holding the
//!   refresh token just used takes the new session instead of using that token again;
//! - a tab that missed that message (it was loading then) would still use the old token.
//!   So every tab that knows a token was used holds a second, shared lock named after it
//!   (its SHA-256) for as long as it is open. Before refreshing, a tab looks for that lock:
//!   if it is held, the tab asks on the channel for the session that replaced its token,
//!   and never sends the used one.
//!
//! Signing out in one tab signs out every tab holding the same sign-in: the tab says so on
//! the channel, naming its refresh token, and a tab holding that token forgets its session.
//!
//! Only sessions travel on the channel, which the browser keeps to this origin, as it keeps
//! sessionStorage. A browser without Web Locks or `BroadcastChannel` refreshes as one tab
//! alone would.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::session::Session;

/// The channel every tab of this origin listens on.
const CHANNEL: &str = "my-tasks.session";
/// The lock a tab holds while it refreshes.
const REFRESH_LOCK: &str = "my-tasks.refresh";
/// How long a tab waits for the session that replaced its used refresh token.
const ANSWER_WAIT_MS: u32 = 2_000;

/// What tabs say to each other: with a session, that `used` was exchanged and `session`
/// is the sign-in's newest; without, a tab holding `used` asks whether it was used, and for
/// what replaced it; with `out`, that the person signed out of the sign-in whose refresh
/// token is `used`. (A plain struct: serde's tagged enums cost more code in the wasm.)
#[derive(Serialize, Deserialize)]
struct Said {
    used: String,
    session: Option<Session>,
    #[serde(default)]
    out: bool,
}

/// What the tabs of this origin share about this tab's sign-in.
pub(super) struct Tabs {
    channel: Option<web_sys::BroadcastChannel>,
    /// This tab's session.
    session: RwSignal<Option<Session>>,
    /// The refresh tokens of this tab's sign-in known to be used.
    used: Rc<RefCell<Vec<String>>>,
}

/// Whether this tab's session holds `token` as its refresh token.
fn holds(session: RwSignal<Option<Session>>, token: &str) -> bool {
    session
        .try_with_untracked(|s| {
            s.as_ref()
                .is_some_and(|s| s.refresh_token.as_deref() == Some(token))
        })
        .unwrap_or(false)
}

impl Tabs {
    /// Listens to the other tabs on behalf of `session`, this tab's.
    /// `signed_out` is set when the person signs out in another tab of this sign-in.
    pub fn listen(session: RwSignal<Option<Session>>, signed_out: RwSignal<bool>) -> Tabs {
        let tabs = Tabs {
            channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
            session,
            used: Rc::default(),
        };
        if let Some(channel) = &tabs.channel {
            let used = tabs.used.clone();
            let answer = channel.clone();
            let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(
                move |event: web_sys::MessageEvent| {
                    let Some(text) = event.data().as_string() else {
                        return;
                    };
                    let Ok(said) = serde_json::from_str::<Said>(&text) else {
                        return;
                    };
                    if said.out {
                        // The person signed out in another tab of this sign-in.
                        if holds(session, &said.used) {
                            signed_out.set(true);
                            super::auth::keep_session(session, None);
                        }
                        return;
                    }
                    match said.session {
                        // Another tab refreshed the sign-in this tab holds: its refresh
                        // token is used up, and the new session is this tab's too.
                        Some(renewed) => {
                            if holds(session, &said.used) {
                                super::auth::keep_session(session, Some(renewed));
                                // This tab can answer for the used token now, even after
                                // the tab that used it is gone.
                                let used = used.clone();
                                wasm_bindgen_futures::spawn_local(hold_used(used, said.used));
                            }
                        }
                        None => {
                            if !used.borrow().contains(&said.used) {
                                return;
                            }
                            let current = session.try_get_untracked().flatten();
                            if let Some(current) = current.filter(|s| s.refresh_token.is_some()) {
                                let reply = Said {
                                    used: said.used,
                                    session: Some(current),
                                    out: false,
                                };
                                say(&answer, &reply);
                            }
                        }
                    }
                },
            );
            channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            // The channel lives as long as the page.
            on_message.forget();
        }
        tabs
    }

    /// Tells the other tabs that `used` was exchanged for `session`, and marks it used for
    /// the tabs that start later. Call it before the refresh lock is released.
    pub async fn rotated(&self, used: &str, session: &Session) {
        hold_used(self.used.clone(), used.to_owned()).await;
        if let Some(channel) = &self.channel {
            let said = Said {
                used: used.to_owned(),
                session: Some(session.clone()),
                out: false,
            };
            say(channel, &said);
        }
    }

    /// Tells the other tabs holding the sign-in whose refresh token is `token` that the
    /// person signed out: they forget it too.
    pub fn signed_out(&self, token: &str) {
        if let Some(channel) = &self.channel {
            let said = Said {
                used: token.to_owned(),
                session: None,
                out: true,
            };
            say(channel, &said);
        }
    }

    /// Whether another tab used `token` already. If one did, asks for what replaced it, and
    /// waits a little for the answer: `true` means this tab must not send `token`, and has
    /// its new session if the answer came in time.
    pub async fn already_used(&self, token: &str) -> bool {
        if !lock_is_held(&used_lock(token)).await {
            return false;
        }
        if let Some(channel) = &self.channel {
            say(
                channel,
                &Said {
                    used: token.to_owned(),
                    session: None,
                    out: false,
                },
            );
        }
        let mut waited = 0;
        while waited < ANSWER_WAIT_MS && holds(self.session, token) {
            crate::platform::sleep(20).await;
            waited += 20;
        }
        true
    }
}

/// Says to the tabs that start later that `token` was used: holds the shared lock named
/// after it until the page goes, and remembers it in `used`, to answer their questions.
async fn hold_used(used: Rc<RefCell<Vec<String>>>, token: String) {
    // The release function is dropped uncalled: the lock is held until the page goes.
    if request_lock(&used_lock(&token), "shared").await.is_some() {
        let mut used = used.borrow_mut();
        if !used.contains(&token) {
            used.push(token);
        }
    }
}

fn say(channel: &web_sys::BroadcastChannel, said: &Said) {
    if let Ok(text) = serde_json::to_string(said) {
        let _ = channel.post_message(&JsValue::from_str(&text));
    }
}

/// The name of the lock that says `token` was used.
fn used_lock(token: &str) -> String {
    format!("my-tasks.used.{}", wire::pkce::challenge_s256(token))
}

/// The refresh lock, held until dropped.
pub(super) struct RefreshLock {
    /// Resolving it releases the lock; `None` where the browser gave none.
    release: Option<js_sys::Function>,
}

impl Drop for RefreshLock {
    fn drop(&mut self) {
        if let Some(release) = &self.release {
            let _ = release.call0(&JsValue::UNDEFINED);
        }
    }
}

/// Waits until no other tab of this origin is refreshing, and holds the lock until the
/// result is dropped. Where the browser has no Web Locks (or refuses the request), it
/// returns at once, holding nothing.
pub(super) async fn refresh_lock() -> RefreshLock {
    RefreshLock {
        release: request_lock(REFRESH_LOCK, "exclusive").await,
    }
}

/// `navigator.locks`, where the browser has it.
fn locks() -> Option<JsValue> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok()?;
    locks.is_object().then_some(locks)
}

/// The method `name` of `locks`.
fn method(locks: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(locks, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

/// `navigator.locks.request(name, {mode}, …)`: resolves, once granted, with the function
/// that releases the lock; `None` when the request cannot be made or fails.
async fn request_lock(name: &str, mode: &str) -> Option<js_sys::Function> {
    let locks = locks()?;
    let request = method(&locks, "request")?;
    let name = JsValue::from_str(name);
    let options = js_sys::Object::new();
    js_sys::Reflect::set(
        &options,
        &JsValue::from_str("mode"),
        &JsValue::from_str(mode),
    )
    .ok()?;
    let granted = js_sys::Promise::new(&mut |grant: js_sys::Function, _| {
        let failed = grant.clone();
        // Called when the lock is granted; the lock is held until the promise it returns
        // settles, and the function that settles it is handed out.
        let on_grant = Closure::once_into_js(move |_lock: JsValue| {
            js_sys::Promise::new(&mut |release, _| {
                let _ = grant.call1(&JsValue::UNDEFINED, &release);
            })
        });
        let done = request
            .call3(&locks, &name, &options, &on_grant)
            .ok()
            .and_then(|done| done.dyn_into::<js_sys::Promise>().ok());
        match done {
            // The request's own promise settles once the lock is released, or fails
            // without the lock ever being granted.
            Some(done) => wasm_bindgen_futures::spawn_local(async move {
                if JsFuture::from(done).await.is_err() {
                    let _ = failed.call0(&JsValue::UNDEFINED);
                }
            }),
            None => {
                let _ = failed.call0(&JsValue::UNDEFINED);
            }
        }
    });
    JsFuture::from(granted).await.ok()?.dyn_into().ok()
}

/// Whether some tab of this origin holds the lock `name` (`navigator.locks.query()`).
async fn lock_is_held(name: &str) -> bool {
    let Some(locks) = locks() else {
        return false;
    };
    let Some(query) = method(&locks, "query") else {
        return false;
    };
    let Some(state) = query
        .call0(&locks)
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    let Ok(state) = JsFuture::from(state).await else {
        return false;
    };
    let Ok(held) = js_sys::Reflect::get(&state, &JsValue::from_str("held")) else {
        return false;
    };
    js_sys::Array::from(&held).iter().any(|lock| {
        js_sys::Reflect::get(&lock, &JsValue::from_str("name"))
            .ok()
            .and_then(|n| n.as_string())
            .is_some_and(|n| n == name)
    })
}
