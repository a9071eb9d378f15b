//! Admins only: choose another identity whose work items to view (`ownerId`), found by
//! name with the app's one people search ([`use_identity_search`]).

use leptos::prelude::*;
use wire::PublicIdentity;

use crate::api::Client;
use crate::focus::{focus_first_of, focus_when_lost};
use crate::hooks::identity_search::{people_search, use_identity_search, SearchStatus};
use crate::logic::format::display_name;
use crate::state::{Person, ViewAs};
use crate::t;

/// How many people one search shows.
const LIMIT: u32 = 10;

/// Where focus goes once whose work items are shown has changed: the page's heading (the
/// page shows someone else's work now), else the main landmark. The button chosen has
/// gone with the results, or with the banner.
const PLACES: [&str; 5] = [
    "tasks-title",
    "dashboard-title",
    "detail-title",
    "missing-title",
    "main",
];

/// Moves focus to the page (see [`PLACES`]), now and again once it is drawn anew.
fn focus_page() {
    focus_first_of(&PLACES);
    focus_when_lost(PLACES.to_vec());
}

/// A search-and-pick control; shows who is being viewed and a way back to oneself.
#[component]
pub fn ViewAsPicker() -> impl IntoView {
    let view_as = expect_context::<ViewAs>();
    let people = use_identity_search(people_search(expect_context::<Client>(), None, LIMIT));
    let (query, set_query) = signal(String::new());
    // Said once, when the person changes whose work items are shown (never on load): the
    // banner appears already filled, which a screen reader does not announce.
    let said = RwSignal::new(String::new());
    let pick = move |who: &PublicIdentity| {
        if let Some(id) = who.id.clone() {
            let name = who.name.clone().unwrap_or_default();
            said.set(t!("viewing-as-now", name = &name));
            view_as.set(Some(Person { id, name }));
            people.clear();
            set_query.set(String::new());
            focus_page();
        }
    };
    let back = move |_| {
        said.set(t!("viewing-own"));
        view_as.set(None);
        focus_page();
    };
    let status = move || match people.status.get() {
        SearchStatus::Failed(message) => view! {
            <p class="mt-error__message" role="alert">{message}</p>
        }
        .into_any(),
        other => {
            view! { <p class="mt-visually-hidden" role="status">{other.text()}</p> }.into_any()
        }
    };
    view! {
        <div class="mt-viewas">
            {move || view_as.person().map(|p| view! {
                <p class="mt-viewas__current">
                    {t!("viewing-as")} " " <strong><bdi>{p.name}</bdi></strong>
                    <button type="button" class="mt-button mt-button--quiet" on:click=back>
                        {t!("back-to-my-tasks")}
                    </button>
                </p>
            })}
            <form class="mt-viewas__form" role="search" on:submit=move |ev| {
                ev.prevent_default();
                people.query_now(&query.get_untracked());
            }>
                <label for="viewas-input">{t!("view-as")}</label>
                <input id="viewas-input" type="search" placeholder=t!("column-name") prop:value=query
                    on:input=move |ev| set_query.set(event_target_value(&ev))/>
                <button type="submit" class="mt-button">{t!("find")}</button>
            </form>
            {status}
            <p class="mt-visually-hidden" role="status">{move || said.get()}</p>
            <Show when=move || people.results.with(|r| !r.is_empty())>
                <ul class="mt-viewas__results" aria-label=t!("matching-identities")>
                    {move || people.results.get().into_iter().map(|who| {
                        let label = t!("view-as-person", name = &display_name(&who));

                        view! { <li><button type="button" class="mt-button mt-button--quiet"
                            on:click=move |_| pick(&who)>{label}</button></li> }
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}
