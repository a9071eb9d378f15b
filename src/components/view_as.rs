//! Admins only: choose another identity whose work items to view (`ownerId`), found by
//! name through the public identities endpoint.

use leptos::prelude::*;
use wire::PublicIdentity;

use crate::api::{identities, ApiError, Client, Paging};
use crate::state::{Person, ViewAs};

/// A search-and-pick control; shows who is being viewed and a way back to oneself.
#[component]
pub fn ViewAsPicker() -> impl IntoView {
    let api = expect_context::<Client>();
    let view_as = expect_context::<ViewAs>();
    let (query, set_query) = signal(String::new());
    let (submitted, set_submitted) = signal(None::<String>);
    let results = LocalResource::new(move || {
        let api = api.clone();
        let name = submitted.get();
        async move {
            match name {
                Some(name) => identities::search(
                    &api,
                    &name,
                    Paging {
                        limit: 10,
                        offset: 0,
                        count: false,
                    },
                )
                .await
                .map(|p| p.items),
                None => Ok::<_, ApiError>(Vec::new()),
            }
        }
    });
    let pick = move |who: &PublicIdentity| {
        if let Some(id) = who.id.clone() {
            view_as.set(Some(Person {
                id,
                name: who.name.clone().unwrap_or_default(),
            }));
            set_submitted.set(None);
            set_query.set(String::new());
        }
    };
    view! {
        <div class="mt-viewas">
            {move || view_as.0.get().map(|p| view! {
                <p class="mt-viewas__current" role="status">
                    "Viewing as " <strong>{p.name}</strong>
                    <button type="button" class="mt-button mt-button--quiet" on:click=move |_| view_as.set(None)>
                        "Back to my tasks"
                    </button>
                </p>
            })}
            <form class="mt-viewas__form" role="search" on:submit=move |ev| {
                ev.prevent_default();
                set_submitted.set(Some(query.get_untracked()));
            }>
                <label for="viewas-input">"View as"</label>
                <input id="viewas-input" type="search" placeholder="Name" prop:value=query
                    on:input=move |ev| set_query.set(event_target_value(&ev))/>
                <button type="submit" class="mt-button">"Find"</button>
            </form>
            {move || results.get().map(|found| match found {
                Ok(people) if people.is_empty() => ().into_any(),
                Ok(people) => view! {
                    <ul class="mt-viewas__results" aria-label="Matching identities">
                        {people.into_iter().map(|who| {
                            let label = format!("View as {}", who.name.clone().unwrap_or_default());
                            view! { <li><button type="button" class="mt-button mt-button--quiet"
                                on:click=move |_| pick(&who)>{label}</button></li> }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(error) => view! { <p class="mt-error__message" role="alert">{error.message()}</p> }.into_any(),
            })}
        </div>
    }
}
