//! Component tests in headless Chromium (wasm-bindgen-test): the error panel, the
//! relative time, a work item row with hostile strings, and plural forms from `Intl`.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use crate::support::{mount, speak};
use leptos::prelude::*;
use leptos_router::components::Router;
use my_tasks::api::{ApiError, ServerMessage};
use my_tasks::components::status::ErrorPanel;
use my_tasks::components::tabs::{Count, TaskTabs};
use my_tasks::components::time::{Clock, RelativeTime};
use my_tasks::components::work_item_row::WorkItemRow;
use my_tasks::i18n::Lang;
use my_tasks::routes::Tab;
use my_tasks::state::ListPlace;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wire::{ApprovalItemDetails, WorkItem, WorkItemType};

#[wasm_bindgen_test]
async fn the_error_panel_shows_the_servers_message_and_tracking_id_and_retry_calls_back() {
    let retries = Arc::new(AtomicUsize::new(0));
    let counter = retries.clone();
    let error = ApiError::Server {
        status: 500,
        message: ServerMessage {
            text: Some("Database on fire".into()),
            tracking_id: Some("a1b2c3".into()),
        },
    };
    let root = mount(move || {
        let on_retry = Callback::new(move |_| {
            counter.fetch_add(1, Ordering::SeqCst);
        });
        view! { <ErrorPanel error on_retry/> }
    });
    let text = root.text_content().unwrap();
    assert!(text.contains("Database on fire"), "{text}");
    assert!(text.contains("Tracking ID: a1b2c3"), "{text}");
    assert!(root.query_selector("[role=alert]").unwrap().is_some());
    let button = root
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(button.text_content().unwrap(), "Retry");
    button.click();
    leptos::task::tick().await;
    assert_eq!(retries.load(Ordering::SeqCst), 1);
}

#[wasm_bindgen_test]
async fn a_relative_time_is_focusable_and_carries_the_exact_time() {
    let now =
        chrono::DateTime::<chrono::Utc>::from_timestamp_millis(js_sys::Date::now() as i64).unwrap();
    let at = now - chrono::Duration::days(3);
    let root = mount(move || view! { <RelativeTime at/> });
    let time = root.query_selector("time").unwrap().unwrap();
    assert_eq!(time.get_attribute("tabindex").as_deref(), Some("0"));
    let exact = time.get_attribute("title").unwrap();
    assert!(!exact.is_empty() && exact != "3 days ago", "{exact}");
    // Read out as one phrase: the relative time, then the exact one.
    assert_eq!(
        time.text_content().unwrap(),
        format!("3 days ago ({exact})")
    );
}

#[wasm_bindgen_test]
async fn a_relative_time_moves_on_with_the_clock_without_being_rendered_again() {
    let start = js_sys::Date::now();
    let at = chrono::DateTime::<chrono::Utc>::from_timestamp_millis(start as i64).unwrap();
    let (now, set_now) = signal(start);
    let root = mount(move || {
        provide_context(Clock::driven_by(now));
        view! { <RelativeTime at/> }
    });
    let time = root.query_selector("time").unwrap().unwrap();
    // Intl's "auto" wording: "now", not "0 minutes ago".
    assert!(time.text_content().unwrap().starts_with("now"));
    set_now.set(start + 3.0 * 60_000.0);
    leptos::task::tick().await;
    // The same element, with new text: the tick did not rebuild the view.
    let same = root.query_selector("time").unwrap().unwrap();
    assert!(same.is_same_node(Some(&time)));
    assert!(
        time.text_content().unwrap().starts_with("3 minutes ago"),
        "{:?}",
        time.text_content()
    );
}

/// Days are counted on the calendar: 26 hours before 00:30 was the day before yesterday
/// (it once read "yesterday", beside the date two days back), and 26 hours before noon
/// was yesterday.
#[wasm_bindgen_test]
async fn a_relative_day_is_counted_on_the_calendar() {
    let hour = 3_600_000.0;
    // Local times, in the browser's time zone, as the page shows them.
    let just_after_midnight = js_sys::Date::new_with_year_month_day_hr_min(2026, 11, 5, 0, 30);
    let noon = js_sys::Date::new_with_year_month_day_hr_min(2026, 11, 5, 12, 0);
    for (now, expected) in [
        (just_after_midnight.get_time(), "2 days ago"),
        (noon.get_time(), "yesterday"),
    ] {
        let at = chrono::DateTime::<chrono::Utc>::from_timestamp_millis((now - 26.0 * hour) as i64)
            .unwrap();
        let (clock, _) = signal(now);
        let root = mount(move || {
            provide_context(Clock::driven_by(clock));
            view! { <RelativeTime at/> }
        });
        let text = root.query_selector("time").unwrap().unwrap().text_content();
        assert!(text.as_deref().unwrap().starts_with(expected), "{text:?}");
    }
}

#[wasm_bindgen_test]
async fn a_rows_relative_time_moves_on_in_german_and_the_row_is_not_rendered_again() {
    let start = js_sys::Date::now();
    let created = start - 2.0 * 60_000.0;
    let item = WorkItem {
        id: Some("w-de".into()),
        name: Some("Zugriff".into()),
        created: chrono::DateTime::from_timestamp_millis(created as i64),
        ..Default::default()
    };
    let (now, set_now) = signal(start);
    let root = mount(move || {
        // Rendered in German: the view reads its words as it is built.
        speak(Lang::De, "de-DE");
        provide_context(Clock::driven_by(now));
        view! { <Router><ul><WorkItemRow item/></ul></Router> }
    });
    leptos::task::tick().await;
    let row = root.query_selector("li.mt-row").unwrap().unwrap();
    let time = row.query_selector("time").unwrap().unwrap();
    let before = time.text_content().unwrap();
    set_now.set(start + 60.0 * 60_000.0);
    leptos::task::tick().await;
    let after = time.text_content().unwrap();
    speak(Lang::En, "en");
    assert!(before.starts_with("vor 2 Minuten"), "{before}");
    assert!(after.starts_with("vor 1 Stunde"), "{after}");
    // Only the text moved on: the row and its time element are the ones first drawn.
    let same_row = root.query_selector("li.mt-row").unwrap().unwrap();
    assert!(same_row.is_same_node(Some(&row)));
    assert!(same_row
        .query_selector("time")
        .unwrap()
        .unwrap()
        .is_same_node(Some(&time)));
}

#[wasm_bindgen_test]
async fn a_row_shows_hostile_strings_as_text() {
    let item = WorkItem {
        id: Some("x1".into()),
        name: Some("<script>alert('owned')</script>".into()),
        description: Some("<img src=x onerror=alert(1)>".into()),
        work_item_type: Some(WorkItemType::Approval),
        approval_items: Some(vec![ApprovalItemDetails {
            application: Some("<Source & \"Co\">".into()),
            account: Some("fred-astaire-sp".into()),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let root = mount(move || view! { <Router><ul><WorkItemRow item/></ul></Router> });
    leptos::task::tick().await;
    assert!(root.query_selector("script, img").unwrap().is_none());
    let link = root.query_selector("a").unwrap().unwrap();
    assert_eq!(
        link.text_content().unwrap(),
        "<script>alert('owned')</script>"
    );
    assert_eq!(link.get_attribute("href").as_deref(), Some("/items/x1"));
    let text = root.text_content().unwrap();
    assert!(
        text.contains("<Source & \"Co\">") && text.contains("fred-astaire-sp"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn a_count_that_failed_to_load_is_shown_not_hidden() {
    let failed = ApiError::Server {
        status: 503,
        message: ServerMessage {
            text: Some("Service Unavailable".into()),
            tracking_id: None,
        },
    };
    let pending = Signal::derive(|| Count::Known(Some(4)));
    let completed = Signal::derive(move || Count::Failed(failed.clone()));
    let root = mount(move || {
        provide_context(ListPlace::new());
        view! { <Router><TaskTabs selected=Tab::Pending pending completed/></Router> }
    });
    leptos::task::tick().await;
    // A status, not an alert: the list's own error panel is the page's alert.
    let alert = root
        .query_selector(".mt-tabs__errors[role=status]")
        .unwrap()
        .unwrap();
    let text = alert.text_content().unwrap();
    assert!(
        text.contains("The completed count could not be loaded: Service Unavailable"),
        "{text}"
    );
    let pending_tab = root.query_selector("#tab-pending").unwrap().unwrap();
    assert!(pending_tab.text_content().unwrap().contains('4'));
    let completed_tab = root.query_selector("#tab-completed").unwrap().unwrap();
    assert!(completed_tab.text_content().unwrap().contains('?'));
}

#[wasm_bindgen_test]
async fn a_row_without_an_id_links_nowhere_and_offers_no_actions() {
    let item = WorkItem {
        name: Some("Orphan".into()),
        state: Some(wire::WorkItemState::Pending),
        ..Default::default()
    };
    let root = mount(move || view! { <Router><ul><WorkItemRow item/></ul></Router> });
    leptos::task::tick().await;
    assert!(
        root.query_selector("a").unwrap().is_none(),
        "no link to /items/"
    );
    assert!(
        root.query_selector("button").unwrap().is_none(),
        "no actions"
    );
    assert!(root.text_content().unwrap().contains("Orphan"));
}

#[wasm_bindgen_test]
fn counts_take_the_browsers_plural_forms_and_numbers_in_every_language() {
    // The compiled catalogues choose forms with Intl.PluralRules: Arabic has six.
    speak(Lang::Ar, "ar");
    let arabic: Vec<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n: u32| my_tasks::t!("items", count = n))
        .collect();
    speak(Lang::De, "de-DE");
    let german = [
        my_tasks::t!("items", count = 1),
        my_tasks::t!("items", count = 1250),
    ];
    speak(Lang::En, "en");
    let forms: Vec<String> = arabic
        .iter()
        .map(|text| text.chars().filter(|c| !c.is_numeric()).collect())
        .collect();
    for (i, form) in forms.iter().enumerate() {
        assert!(
            !forms[i + 1..].contains(form),
            "two counts share a form: {arabic:?}"
        );
    }
    assert_eq!(german, ["1 Element", "1.250 Elemente"]);
}

#[wasm_bindgen_test]
fn a_browser_language_that_is_not_a_well_formed_tag_falls_back_to_the_languages_own() {
    // Made of the characters a tag may hold, but `Intl` throws on it; before, the app
    // stopped at its first date or number with a blank page.
    speak(Lang::De, "de-1");
    assert_eq!(my_tasks::i18n::intl::number(1234.5), "1.234,5");
    speak(Lang::En, "en-GB");
    assert_eq!(my_tasks::i18n::intl::number(1234.5), "1,234.5");
}

#[wasm_bindgen_test]
fn weeks_months_and_years_back_are_whole_spans_not_the_calendars_last_one() {
    use my_tasks::i18n::intl::relative;
    const DAY: f64 = 86_400_000.0;
    let now = js_sys::Date::now();
    speak(Lang::En, "en-US");
    // 10 days back is not "last week", 40 days back not "last month" (on the 5th of a
    // month, that is two months back on the calendar).
    assert_eq!(relative(now - 10.0 * DAY, now), "1 week ago");
    assert_eq!(relative(now - 40.0 * DAY, now), "1 month ago");
    assert_eq!(relative(now - 400.0 * DAY, now), "1 year ago");
    assert_eq!(relative(now - 70.0 * DAY, now), "2 months ago");
    // Days stay on the calendar.
    assert_eq!(relative(now - DAY, now), "yesterday");
    speak(Lang::De, "de-DE");
    assert_eq!(relative(now - 40.0 * DAY, now), "vor 1 Monat");
}
