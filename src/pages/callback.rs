//! Where the sign-in page sends the person back: exchanges the code, then replaces this
//! URL (code and state must not stay in the history) with the page they came from.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::api::Client;
use crate::components::shell::SignInPanel;
use crate::components::status::Loading;

/// The route `/auth/callback?code=&state=`.
#[component]
pub fn CallbackPage() -> impl IntoView {
    let api = expect_context::<Client>();
    let query = use_query_map().get_untracked();
    let (code, state, error) = (query.get("code"), query.get("state"), query.get("error"));
    // The exchange runs once: the code is single-use, so nothing here is tracked.
    let exchange = LocalResource::new(move || {
        let (api, code, state, error) = (api.clone(), code.clone(), state.clone(), error.clone());
        async move {
            match (code, state) {
                (Some(code), Some(state)) => api
                    .complete_sign_in(&code, &state)
                    .await
                    .map_err(|e| e.message()),
                _ => Err(error.unwrap_or_else(|| "The sign-in answer has no code.".into())),
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
                None | Some(Ok(_)) => view! { <Loading what="your session"/> }.into_any(),
                Some(Err(message)) => view! {
                    <div class="mt-error" role="alert">
                        <p class="mt-error__title">"Sign-in did not complete."</p>
                        <p class="mt-error__message">{message}</p>
                    </div>
                    <SignInPanel/>
                }.into_any(),
            }}
        </main>
    }
}
