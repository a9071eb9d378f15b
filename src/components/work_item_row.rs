//! One row of Task Manager: what the work item is, whom and what it involves, who asked
//! and when.

use leptos::prelude::*;
use leptos_router::components::A;
use wire::WorkItem;

use crate::components::row_select::{is_current, on_row_focus, RowSelect};
use crate::components::time::MaybeTime;
use crate::logic::format::{item_name, list, type_label};
use crate::logic::involved::involved;
use crate::logic::outcome::Outcome;
use crate::routes::item_href;
use crate::t;

/// A labelled list of values, left out when empty.
#[component]
fn Facet(
    /// The label for `values.len()` values: "Source", "Sources".
    label: fn(usize) -> String,
    /// The values.
    values: Vec<String>,
) -> impl IntoView {
    (!values.is_empty()).then(|| {
        view! {
            <div class="mt-row__facet"><dt>{label(values.len())}</dt><dd><bdi>{list(&values)}</bdi></dd></div>
        }
    })
}

/// A work item in a list.
#[component]
pub fn WorkItemRow(
    /// The work item.
    item: WorkItem,
    /// Show when it was completed (the Completed tab).
    #[prop(default = false)]
    completed: bool,
) -> impl IntoView {
    let found = involved(&item);
    // Without an id there is no detail page to link to: the name is shown as text.
    let href = item_href(&item);
    let name = item_name(&item);
    let kind = item.work_item_type.as_ref().map(type_label);
    let requester = item.requester_display_name.clone();
    let id = item.id.clone().filter(|id| !id.is_empty());
    let current = is_current(Signal::stored(id.clone()));
    let on_focus = on_row_focus(Signal::stored(id.clone()));
    // Only pending items with an id can take a bulk action.
    let select = id.filter(|_| !completed && item.is_pending()).map(|id| {
        view! { <RowSelect id name=name.clone()/> }
    });
    // The card's quick actions are described by its name.
    let name_id = crate::focus::unique_id("mt-card-name");
    let actions_name_id = name_id.clone();
    view! {
        <li class="mt-row" class:mt-row--current=current on:focusin=on_focus>
            <div class="mt-row__head">
                {select}
                {match href {
                    Some(href) => view! { <A href=href attr:class="mt-row__name"><bdi id=name_id.clone()>{name}</bdi></A> }.into_any(),
                    None => view! { <bdi class="mt-row__name" id=name_id.clone()>{name}</bdi> }.into_any(),
                }}
                {kind.map(|k| view! { <span class="mt-tag">{k}</span> })}
            </div>
            {item.description.clone().filter(|d| !d.is_empty()).map(|d| view! { <p class="mt-row__description" dir="auto">{d}</p> })}
            <dl class="mt-row__facets">
                <Facet label=|count| t!("facet-sources", count = count) values=found.sources/>
                <Facet label=|count| t!("facet-identities", count = count) values=found.identities/>
                <Facet label=|count| t!("facet-accounts", count = count) values=found.accounts/>
                {requester.map(|r| view! { <div class="mt-row__facet"><dt>{t!("column-requester")}</dt><dd><bdi>{r}</bdi></dd></div> })}
                <div class="mt-row__facet"><dt>{t!("facet-created")}</dt><dd><MaybeTime at=item.created/></dd></div>
                {completed.then(|| {
                    let Outcome { state, class, tally } = Outcome::of(&item);
                    view! {
                        <div class="mt-row__facet"><dt>{t!("column-completed")}</dt><dd><MaybeTime at=item.completed/></dd></div>
                        <div class="mt-row__facet mt-row__outcome"><dt>{t!("column-outcome")}</dt><dd>
                            <span class=class>{state}</span>
                            {(!tally.is_empty()).then(|| view! { " " <span class="mt-table__tally">{tally}</span> })}
                        </dd></div>
                    }
                })}
            </dl>
            {(!completed).then(|| view! { <crate::components::row_actions::RowActions quick=crate::components::row_actions::Quick::of(&item) name_id=actions_name_id/> })}
        </li>
    }
}
