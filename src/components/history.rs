//! A work item's history: who did what and when, with the comments given to forward and
//! complete. It comes from the sandbox's `sandboxHistory` extension (the latest changes,
//! with `sandboxHistoryOmitted` counting the earlier ones left out); a real tenant sends
//! none, and then nothing is shown.

use leptos::prelude::*;
use wire::{WorkItemAction, WorkItemEvent};

use crate::components::time::MaybeTime;
use crate::t;

/// What one history entry says, e.g. "Alison Ferguso forwarded it to Fred Astaire".
pub fn event_text(event: &WorkItemEvent) -> String {
    let who = event
        .actor_name
        .clone()
        .unwrap_or_else(|| t!("history-someone"));
    let whom = event
        .target_owner_name
        .clone()
        .unwrap_or_else(|| t!("history-someone-else"));
    let action = match &event.action {
        Some(WorkItemAction::Other(other)) => {
            return t!("history-other", who = &who, action = other)
        }
        Some(action) => action.as_str(),
        None => "changed",
    };
    t!("history-event", who = &who, action = action, whom = &whom)
}

/// The item's history, oldest first; nothing at all when there is none.
#[component]
pub fn History(
    /// The entries, as the server sent them (`None` from a real tenant).
    events: Option<Vec<WorkItemEvent>>,
    /// How many earlier entries the server left out (`sandboxHistoryOmitted`).
    #[prop(default = 0)]
    omitted: u64,
) -> impl IntoView {
    let events = events.unwrap_or_default();
    (!events.is_empty()).then(|| {
        view! {
            <section class="mt-detail__section" aria-labelledby="history-title">
                <h2 id="history-title">{t!("history")}</h2>
                {(omitted > 0).then(|| view! {
                    <p class="mt-history__omitted">{t!("history-omitted", count = omitted)}</p>
                })}
                <ol class="mt-history">
                    {events.into_iter().map(|e| view! {
                        <li>
                            <MaybeTime at=e.at/>" · "{event_text(&e)}
                            {e.comment.clone().map(|c| view! { <q class="mt-history__comment" dir="auto">{c}</q> })}
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_forward_names_both_people_and_an_unknown_action_is_shown_raw() {
        let forward = WorkItemEvent {
            action: Some(WorkItemAction::Forwarded),
            actor_name: Some("Ann".into()),
            target_owner_name: Some("Bob".into()),
            ..WorkItemEvent::default()
        };
        assert_eq!(event_text(&forward), "Ann forwarded it to Bob");
        let odd = WorkItemEvent {
            action: Some(WorkItemAction::Other("Escalated".into())),
            ..WorkItemEvent::default()
        };
        assert_eq!(event_text(&odd), "Someone did “Escalated”");
    }
}
