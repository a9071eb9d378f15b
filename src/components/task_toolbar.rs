//! Task Manager's toolbar: search, the type / source / requester / age filters with their
//! counts, the sort order, the grouping; and the line that says how far loading has come.
//! Below 900 px the menus (and the views bar, [`MoreChoices`]) wait behind one button, so
//! that a phone shows the first items on its first screen.
//! Every change goes to the URL through `set_view` (typing replaces the history entry once
//! it pauses, a menu choice adds one), so the view survives reload and back/forward.

use leptos::prelude::*;
use wire::WorkItemType;

use crate::components::status::tracking_id;
use crate::hooks::queue::{LoadState, Queue};
use crate::i18n::intl::number;
use crate::logic::format::type_label;
use crate::logic::group::GroupBy;
use crate::logic::list::{Facets, ListFilter, SortBy};
use crate::logic::view::TaskView;
use crate::routes::Tab;
use crate::t;

/// The age filter's choices: at least this many days old.
const AGES: [u32; 4] = [1, 7, 30, 90];

/// Search, filters, sort and grouping.
#[component]
pub fn Toolbar(
    /// The tab (its name labels the search).
    tab: Tab,
    /// The view shown.
    view: Memo<TaskView>,
    /// Choices and counts for the filter menus.
    facets: Memo<Facets>,
    /// Shows another view: `(view, replace the history entry)`.
    set_view: Callback<(TaskView, bool)>,
    /// Writes what was typed to the URL now (search lost focus or Enter was pressed).
    commit: Callback<()>,
    /// Whether the menus are open below 900 px (from 900 px they always are).
    more: RwSignal<bool>,
) -> impl IntoView {
    let edit = move |replace: bool, change: Box<dyn FnOnce(&mut ListFilter)>| {
        let mut next = view.get_untracked();
        change(&mut next.filter);
        set_view.run((next, replace));
    };
    let current = move |read: fn(&ListFilter) -> Option<String>| view.with(|v| read(&v.filter));
    let type_options = move || {
        facets.with(|f| {
            f.types
                .iter()
                .map(|(t, n)| {
                    (
                        t.as_str().to_owned(),
                        format!("{} ({})", type_label(t), number(*n as f64)),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let source_options = move || {
        facets.with(|f| {
            f.sources
                .iter()
                .map(|(s, n)| (s.clone(), format!("{s} ({})", number(*n as f64))))
                .collect::<Vec<_>>()
        })
    };
    let requester_options = move || {
        facets.with(|f| {
            f.requesters
                .iter()
                .map(|r| (r.clone(), r.clone()))
                .collect::<Vec<_>>()
        })
    };
    // The age a link chose is a choice too, though the menu does not offer it.
    let age_options = move || {
        let mut days = AGES.to_vec();
        if let Some(chosen) = view.with(|v| v.filter.older_than_days) {
            if !days.contains(&chosen) {
                days.push(chosen);
                days.sort_unstable();
            }
        }
        days.into_iter()
            .map(|d| (d.to_string(), t!("filter-age-option", days = d)))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="mt-toolbar" role="search" aria-label=t!("find-label", tab = tab.as_str())>
            <label class="mt-field mt-field--search">
                <span class="mt-field__label">{t!("search")}</span>
                <input type="search" prop:value=move || view.with(|v| v.filter.text.clone())
                    on:input=move |ev| { let text = event_target_value(&ev); edit(true, Box::new(move |f| f.text = text)) }
                    on:change=move |_| commit.run(())/>
            </label>
            <button type="button" class="mt-button mt-toolbar__more"
                aria-expanded=move || more.get().to_string() aria-controls=MORE_IDS.join(" ")
                on:click=move |_| more.update(|open| *open = !*open)>
                {move || t!("find-more", count = view.with(TaskView::choices_made))}
            </button>
            <MoreChoices id=MORE_IDS[0] more>
            <Menu label=t!("filter-type") all=t!("filter-type-all") options=Signal::derive(type_options)
                value=Signal::derive(move || current(|f| f.work_item_type.as_ref().map(|t| t.as_str().to_owned())))
                on_pick=Callback::new(move |v: Option<String>| edit(false, Box::new(move |f| f.work_item_type = v.map(|v| WorkItemType::parse(&v)))))/>
            <Menu label=t!("filter-source") all=t!("filter-source-all") options=Signal::derive(source_options)
                value=Signal::derive(move || current(|f| f.source.clone()))
                on_pick=Callback::new(move |v| edit(false, Box::new(move |f| f.source = v)))/>
            <Menu label=t!("filter-requester") all=t!("filter-requester-all") options=Signal::derive(requester_options)
                value=Signal::derive(move || current(|f| f.requester.clone()))
                on_pick=Callback::new(move |v| edit(false, Box::new(move |f| f.requester = v)))/>
            <Menu label=t!("filter-age") all=t!("filter-age-all") options=Signal::derive(age_options)
                value=Signal::derive(move || current(|f| f.older_than_days.map(|d| d.to_string())))
                on_pick=Callback::new(move |v: Option<String>| edit(false, Box::new(move |f| f.older_than_days = v.and_then(|v| v.parse().ok()))))/>
            <Pick label=t!("sort-by")
                options=SortBy::ALL.map(|s| (s.as_str(), s.label())).to_vec()
                value=Signal::derive(move || view.with(|v| v.sort.as_str()))
                on_pick=Callback::new(move |v: String| {
                    let mut next = view.get_untracked();
                    next.sort = SortBy::parse(&v);
                    set_view.run((next, false));
                })/>
            <Pick label=t!("group-by")
                options=GroupBy::ALL.map(|g| (g.as_str(), g.label())).to_vec()
                value=Signal::derive(move || view.with(|v| v.group.as_str()))
                on_pick=Callback::new(move |v: String| {
                    let mut next = view.get_untracked();
                    next.group = GroupBy::parse(&v);
                    next.collapsed.clear();
                    set_view.run((next, false));
                })/>
            </MoreChoices>
        </div>
    }
}

/// The ids of what the toolbar's "Filters and views" button opens: the menus, the views bar.
pub const MORE_IDS: [&str; 2] = ["mt-find-more", "mt-views-more"];

/// Choices that wait behind the toolbar's "Filters and views" button below 900 px: hidden
/// there until `more` opens them; from 900 px laid out as if they were not wrapped.
#[component]
pub fn MoreChoices(
    /// The element's id (one of [`MORE_IDS`]).
    id: &'static str,
    /// Whether they are open below 900 px.
    more: RwSignal<bool>,
    /// The choices.
    children: Children,
) -> impl IntoView {
    view! {
        <div id=id class="mt-choices" class:mt-choices--open=move || more.get()>{children()}</div>
    }
}

/// A menu of fixed choices (value, label), the current `value` selected.
#[component]
fn Pick(
    /// The menu's label.
    label: String,
    /// The choices: value and what a person reads.
    options: Vec<(&'static str, String)>,
    /// The chosen value.
    value: Signal<&'static str>,
    /// Called with the new choice.
    on_pick: Callback<String>,
) -> impl IntoView {
    view! {
        <label class="mt-field">
            <span class="mt-field__label">{label}</span>
            <select on:change=move |ev| on_pick.run(event_target_value(&ev))>
                {options.into_iter().map(|(v, text)| view! {
                    <option value=v prop:selected=move || value.get() == v>{text}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// A filter menu: "all" plus `options` (value, label), the current `value` selected.
#[component]
fn Menu(
    /// The menu's label.
    label: String,
    /// The first choice, which filters nothing.
    all: String,
    /// The other choices: value and what a person reads.
    options: Signal<Vec<(String, String)>>,
    /// The chosen value, if any.
    value: Signal<Option<String>>,
    /// Called with the new choice (`None`: the "all" choice).
    on_pick: Callback<Option<String>>,
) -> impl IntoView {
    // A keystroke changes the counts, not the choices: the options stay, their words change
    // (a requester's none), and only what changed is written.
    let options = Memo::new(move |_| options.get());
    let values =
        Memo::new(move |_| options.with(|o| o.iter().map(|(v, _)| v.clone()).collect::<Vec<_>>()));
    let value = Memo::new(move |_| value.get());
    view! {
        <label class="mt-field">
            <span class="mt-field__label">{label}</span>
            <select on:change=move |ev| {
                let v = event_target_value(&ev);
                on_pick.run((!v.is_empty()).then_some(v));
            }>
                <option value="" prop:selected=move || value.with(Option::is_none)>{all}</option>
                <For each=move || values.get() key=String::clone let(v)>
                    {
                        let (chosen, shown) = (v.clone(), v.clone());
                        let text = move || options.with(|o| {
                            o.iter().find(|(k, _)| *k == shown).map(|(_, t)| t.clone()).unwrap_or_default()
                        });
                        view! { <option value=v prop:selected=move || value.with(|c| c.as_ref() == Some(&chosen))>{text}</option> }
                    }
                </For>
            </select>
        </label>
    }
}

/// "Loaded 1,250 of 5,022" while the queue loads, then how many items are shown of all.
#[component]
pub fn LoadProgress(
    /// The tab's queue.
    queue: Queue,
    /// How many items pass the filters.
    shown: Signal<usize>,
) -> impl IntoView {
    let text = move || {
        let (loaded, total, state) = queue
            .progress
            .with(|p| (p.loaded, p.total, p.state.clone()));
        let known = total.is_some();
        let total = total.unwrap_or(loaded as u64);
        match state {
            LoadState::Idle => String::new(),
            LoadState::Loading if !known => t!("loading-work-items"),
            LoadState::Loading => t!("progress-loading", loaded = loaded, total = total),

            // Before the first page, nothing is known: the error panel says what happened
            // ("0 of 0" read as an empty queue).
            LoadState::Failed(_) if !known => String::new(),
            LoadState::Failed(_) => t!("progress-stopped", loaded = loaded, total = total),
            LoadState::Done if shown.get() == loaded => t!("progress-done", count = loaded),
            LoadState::Done => t!("progress-filtered", shown = shown.get(), count = loaded),
        }
    };
    let loading = move || {
        queue
            .progress
            .with(|p| matches!(p.state, LoadState::Loading) && p.total.is_some())
    };
    let failed = move || {
        queue.progress.with(|p| match &p.state {
            LoadState::Failed(error) if p.loaded > 0 => {
                Some((error.message(), error.tracking_id().map(str::to_owned)))
            }
            _ => None,
        })
    };
    view! {
        <div class="mt-progress">
            <p class="mt-progress__text" role="status">{text}</p>
            {move || loading().then(|| {
                let (loaded, total) = queue.progress.with(|p| (p.loaded, p.total.unwrap_or(0)));
                view! { <progress class="mt-progress__bar" max=total.to_string() value=loaded.to_string() aria-hidden="true"></progress> }
            })}
            {move || failed().map(|(message, tracking)| view! {
                <p class="mt-progress__error" role="alert">{message}" "
                    {tracking.map(|id| view! {
                        <span class="mt-error__tracking">{tracking_id(id)}</span>" "
                    })}
                    <button type="button" class="mt-button" on:click=move |_| queue.reload()>{t!("retry")}</button></p>
            })}
        </div>
    }
}
