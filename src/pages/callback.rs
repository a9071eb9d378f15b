//! Where the sign-in page sends the person back: exchanges the code, then replaces this
//! URL (code and state must not stay in the history) with the page they came from.
//!
//! In a sign-in popup (opened by the embedded widget) it does not exchange anything: it
//! hands the answer to the widget that opened it, on this origin only, and closes.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::session::{self, PopupAnswer};
use crate::api::Client;
use crate::components::shell::SignInPanel;
use crate::components::status::Loading;
use crate::platform;
use crate::t;

/// The route `/auth/callback?code=&state=`.
#[component]
pub fn CallbackPage() -> impl IntoView {
    let api = expect_context::<Client>();
    let query = use_query_map().get_untracked();
    let (code, state) = (query.get("code"), query.get("state"));
    // A refusal says what is wrong in `error_description`; `error` is only its code.
    let error = query
        .get("error_description")
        .or_else(|| query.get("error"));
    if let Some(state) = state
        .clone()
        .filter(|s| s.starts_with(session::POPUP_STATE_PREFIX))
    {
        return view! { <PopupHandOver answer=PopupAnswer { state, code, error }/> }.into_any();
    }
    // The exchange runs once: the code is single-use, so nothing here is tracked.
    let exchange = LocalResource::new(move || {
        let (api, code, state, error) = (api.clone(), code.clone(), state.clone(), error.clone());
        async move {
            match (code, state) {
                (Some(code), Some(state)) => api
                    .complete_sign_in(&code, &state)
                    .await
                    .map_err(|e| e.message()),
                // The server's words only for this tab's own sign-in.
                (None, state) if api.is_own_sign_in(state.as_deref()) => {
                    Err(error.unwrap_or_else(|| t!("sign-in-no-code")))
                }
                _ => Err(t!("sign-in-not-started")),
            }
        }
    });
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(path)) = exchange.get() {
            navigate(
                &path,
                NavigateOptions {
                    replace: true,
                    ..Default::default()
                },
            );
        }
    });
    view! {
        <main id="main" class="mt-main">
            {move || match exchange.get() {
                None | Some(Ok(_)) => view! { <Loading text=t!("loading-session")/> }.into_any(),
                Some(Err(message)) => view! {
                    <div class="mt-error" role="alert">
                        <p class="mt-error__title">{t!("sign-in-incomplete")}</p>
                        <p class="mt-error__message">{message}</p>
                    </div>
                    <SignInPanel/>
                }.into_any(),
            }}
        </main>
    }
    .into_any()
}

/// Hands a popup's sign-in answer to the widget that opened it, then closes the popup.
#[component]
fn PopupHandOver(
    /// What the authorization server sent back.
    answer: PopupAnswer,
) -> impl IntoView {
    let delivered = serde_json::to_string(&answer)
        .is_ok_and(|text| platform::post_to_opener(&text, &platform::origin()));
    if delivered {
        platform::close_window();
    }
    view! {
        <main id="main" class="mt-main">
            {if delivered {
                view! { <p class="mt-empty">{t!("signed-in-close")}</p> }.into_any()
            } else {
                view! {
                    <div class="mt-error" role="alert">
                        <p class="mt-error__title">{t!("sign-in-incomplete")}</p>
                        <p class="mt-error__message">{t!("sign-in-widget-gone")}</p>

                    </div>
                }.into_any()
            }}
        </main>
    }
}
