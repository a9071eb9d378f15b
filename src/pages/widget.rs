//! The widget alone, without the app's chrome, for embedding in another dashboard
//! (e.g. in an iframe); its links open the full app in the top window.

use leptos::prelude::*;

use crate::api::Client;
use crate::components::shell::SignInPanel;
use crate::components::status::WaitingBanner;
use crate::components::widget::MyTasksWidget;

/// The route `/widget`.
#[component]
pub fn WidgetPage() -> impl IntoView {
    let api = expect_context::<Client>();
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
