//! The widget alone, without the app's chrome, for embedding in another dashboard
//! (e.g. in an iframe); its links open the full app in the top window. Framed, it signs
//! in through a popup and tells the allowed host origins its height, so the host can size
//! the frame to fit.

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::api::Client;
use crate::components::shell::SignInPanel;
use crate::components::status::WaitingBanner;
use crate::components::widget::MyTasksWidget;
use crate::platform;

/// The message type a host page listens for: `{"type": HEIGHT_MESSAGE, "height": px}`.
pub const HEIGHT_MESSAGE: &str = "my-tasks:height";

/// The route `/widget`.
#[component]
pub fn WidgetPage() -> impl IntoView {
    let api = expect_context::<Client>();
    tell_host_the_height(api.embed_host_origins().to_vec());
    let needs_sign_in = Memo::new(move |_| api.needs_sign_in());
    view! {
        <main class="mt-embed">
            <WaitingBanner/>
            {move || if needs_sign_in.get() {
                view! { <SignInPanel/> }.into_any()
            } else {
                view! { <MyTasksWidget external=true/> }.into_any()
            }}
        </main>
    }
}

/// While this page is framed, posts its height to the parent whenever it changes, only to
/// `origins` (the browser drops a message whose target origin is not the parent's).
fn tell_host_the_height(origins: Vec<String>) {
    if origins.is_empty() || !platform::is_framed() {
        return;
    }
    let watch = platform::watch_document_height(move |height| {
        let message = format!(r#"{{"type":"{HEIGHT_MESSAGE}","height":{height}}}"#);
        platform::post_to_parent(&message, &origins);
    });
    // The observer lives as long as the page; it is a browser object, so not Send.
    let watch = SendWrapper::new(watch);
    on_cleanup(move || drop(watch));
}
