//! The app's chrome: skip link, header with navigation, who is signed in, "view as",
//! sign out, the waiting banner and the main landmark. Shows sign-in instead of the page
//! when nobody is signed in.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::Client;
use crate::components::language::LanguagePicker;
use crate::components::modal::Modal;
use crate::components::status::WaitingBanner;
use crate::components::view_as::ViewAsPicker;
use crate::hooks::poll::provide_fresh;
use crate::platform;
use crate::routes::{AppRoute, Tab};
use crate::state::ViewAs;
use crate::t;

/// Wraps a page in the chrome; `children` render only when signed in.
#[component]
pub fn Shell(
    /// The page.
    children: ChildrenFn,
) -> impl IntoView {
    let api = expect_context::<Client>();
    // A memo, so a token refresh (a new session, still signed in) does not rebuild the page.
    let needs_sign_in = Memo::new(move |_| api.needs_sign_in());
    provide_fresh(Memo::new(move |_| !needs_sign_in.get()));
    view! {
        <a class="mt-skip" href="#main">{t!("skip-to-content")}</a>
        <header class="mt-header">
            <A href=AppRoute::Dashboard.href() attr:class="mt-header__brand">{t!("app-name")}</A>
            <nav class="mt-header__nav" aria-label=t!("nav-main")>
                <A href=AppRoute::Dashboard.href() exact=true>{t!("nav-dashboard")}</A>
                <A href=AppRoute::tab(Tab::Pending).href()>{t!("nav-task-manager")}</A>
            </nav>
            <UserMenu/>
        </header>
        <WaitingBanner/>
        <main id="main" class="mt-main" tabindex="-1">
            {move || if needs_sign_in.get() { view! { <SignInPanel/> }.into_any() } else { children().into_any() }}
        </main>
        <SignInEnded/>
    }
}

/// When the sign-in ended under a page the person typed in: the page stays as it is, and
/// this dialog asks them to sign in again in a popup. Signing in on the page itself (leaving it) is theirs to choose. Escape closes the
/// dialog; the next call that is refused for want of a sign-in opens it again.
#[component]
fn SignInEnded() -> impl IntoView {
    let api = expect_context::<Client>();
    let dismissed = RwSignal::new(0u32);
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let ended = {
        let api = api.clone();
        Memo::new(move |_| api.sign_in_ended())
    };
    Effect::new(move |_| {
        if ended.get() == 0 {
            dismissed.set(0);
        }
    });
    // Nothing is read again after it: that would draw the page anew and lose what was
    // typed. What failed for want of a sign-in says so, with its Retry.
    let again = Callback::new({
        let api = api.clone();
        move |()| sign_in_in_popup(&api, failure, busy)
    });
    let here = Callback::new(move |()| {
        if let Err(error) = api.sign_in(&platform::current_path()) {
            failure.set(Some(error.to_string()));
        }
    });
    view! {
        <Show when=move || { ended.get() > dismissed.get() }>
            <Modal title=t!("session-ended-title")
                on_close=Callback::new(move |()| dismissed.set(ended.get_untracked()))>
                <p class="mt-modal__message">{t!("session-ended-text")}</p>
                {move || failure.get().map(|message| view! {
                    <p class="mt-error__message" role="alert">{message}</p>
                })}
                <div class="mt-modal__buttons">
                    <button type="button" class="mt-button" on:click=move |_| here.run(())
                        title=t!("session-ended-here-note")>{t!("session-ended-here")}</button>
                    <button type="button" class="mt-button mt-button--primary" data-autofocus
                        on:click=move |_| again.run(()) disabled=move || busy.get()>
                        {move || if busy.get() { t!("signing-in") } else { t!("session-ended-again") }}
                    </button>
                </div>
            </Modal>
        </Show>
    }
}

/// Who is signed in, "view as" for admins, Sign out, and the language menu.
#[component]
fn UserMenu() -> impl IntoView {
    let api = expect_context::<Client>();
    // Only who and whether admin: a refreshed token must not rebuild the "view as" picker.
    let who = Memo::new({
        let api = api.clone();
        move |_| api.claims().map(|c| (c.user_name.clone(), c.is_admin()))
    });
    let signed_out = {
        let api = api.clone();
        move || api.needs_sign_in() || !api.can_sign_out()
    };
    let view_as = expect_context::<ViewAs>();
    let sign_out = move |_| {
        view_as.forget();
        api.sign_out();
        platform::go_to("/");
    };
    view! {
        <div class="mt-header__user">
            {move || who.get().map(|(name, admin)| {
                view! {
                    // The span takes the page's direction (where a phone's line starts); the
                    // <bdi> keeps the name's own.
                    <span class="mt-header__name"><bdi>{name}</bdi></span>
                    {admin.then(|| view! { <ViewAsPicker/> })}
                }
            })}
            <Show when=move || !signed_out()>
                <button type="button" class="mt-button mt-button--quiet" on:click=sign_out.clone()>{t!("sign-out")}</button>
            </Show>
            <LanguagePicker/>
        </div>
    }
}

/// Asks the person to sign in; they come back to the page they asked for. Inside a frame
/// (the embedded widget) the sign-in page opens in a popup, because identity providers
/// refuse to be framed, and the frame signs in without leaving the host page.
#[component]
pub fn SignInPanel() -> impl IntoView {
    let api = expect_context::<Client>();
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let framed = platform::is_framed();
    let sign_in = move |_| {
        failure.set(None);
        if !framed {
            if let Err(error) = api.sign_in(&platform::current_path()) {
                failure.set(Some(error.to_string()));
            }
            return;
        }
        sign_in_in_popup(&api, failure, busy);
    };
    view! {
        <section class="mt-card mt-signin" aria-labelledby="signin-title">
            <h1 id="signin-title">{t!("sign-in-title")}</h1>
            <p>{t!("sign-in-lead")}</p>
            <button type="button" class="mt-button mt-button--primary" on:click=sign_in
                disabled=move || busy.get()>
                {move || if busy.get() { t!("signing-in") } else { t!("sign-in") }}

            </button>
            {move || failure.get().map(|message| view! {
                <p class="mt-error__message" role="alert">{message}</p>
            })}
        </section>
    }
}

/// Signs in through a popup, opened at once (call it inside the click, so the browser lets
/// the popup open): `busy` while it runs, `failure` says why it did not work.
fn sign_in_in_popup(api: &Client, failure: RwSignal<Option<String>>, busy: RwSignal<bool>) {
    failure.set(None);
    match api.open_sign_in_popup() {
        Err(error) => failure.set(Some(error.to_string())),
        Ok(started) => {
            busy.set(true);
            let api = api.clone();
            leptos::task::spawn_local(async move {
                if let Err(error) = api.finish_popup_sign_in(started).await {
                    failure.set(Some(error.to_string()));
                }
                busy.set(false);
            });
        }
    }
}
