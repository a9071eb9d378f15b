//! Component tests of the action dialogs in headless Chromium: the modal's focus handling,
//! the confirm dialog's count and double-click guard, the Forward dialog, and focus put
//! back once lost (never behind an open dialog).

use crate::support::*;
use leptos::prelude::*;
use my_tasks::components::approval::BulkDecisionBar;
use my_tasks::components::forward::ForwardDialog;
use my_tasks::components::modal::Modal;
use my_tasks::hooks::identity_search::IdentitySearch;
use my_tasks::logic::forward::ForwardChoice;
use my_tasks::logic::messages::Decision;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use wire::PublicIdentity;

/// A page with an "Open" button and the modal it opens.
fn modal_page() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <button class="opener" on:click=move |_| open.set(true)>"Open"</button>
        <Show when=move || open.get()>
            <Modal title="Test dialog" on_close=Callback::new(move |()| open.set(false))>
                <button>"First"</button>
                <button>"Last"</button>
            </Modal>
        </Show>
    }
}

#[wasm_bindgen_test]
async fn a_modal_is_a_named_dialog_that_takes_focus_and_escape_closes_it_returning_focus() {
    let root = mount(modal_page);
    let opener = find(&root, ".opener");
    opener.focus().unwrap();
    opener.click();
    settle().await;

    let dialog = find(&root, "[role=dialog]");
    assert_eq!(dialog.get_attribute("aria-modal").as_deref(), Some("true"));
    let title_id = dialog.get_attribute("aria-labelledby").unwrap();
    assert_eq!(
        find(&root, &format!("#{title_id}")).text_content().unwrap(),
        "Test dialog"
    );
    assert_eq!(focused().unwrap().text_content().unwrap(), "First");

    press(&focused().unwrap(), "Escape", false);
    settle().await;
    assert!(!exists(&root, "[role=dialog]"), "Escape closes the dialog");
    assert_eq!(
        focused(),
        Some(opener.into()),
        "focus is back on the opener"
    );
}

/// A press of the mouse button, as it arrives before the browser moves focus.
fn pressed() -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    web_sys::Event::new_with_event_init_dict("mousedown", &init).unwrap()
}

#[wasm_bindgen_test]
async fn a_press_on_the_backdrop_is_cancelled_and_one_inside_the_dialog_is_not() {
    let root = mount(modal_page);
    find(&root, ".opener").click();
    settle().await;
    let backdrop = find(&root, ".mt-modal__backdrop");
    let press = pressed();
    backdrop.dispatch_event(&press).unwrap();
    assert!(
        press.default_prevented(),
        "the press is taken, so the browser does not move focus to the page behind"
    );
    let inside = find(&root, "[role=dialog]").first_element_child().unwrap();
    let on_panel = pressed();
    inside.dispatch_event(&on_panel).unwrap();
    assert!(
        !on_panel.default_prevented(),
        "a press inside the dialog is its own"
    );
}

/// Two dialogs side by side, as the "sign-in has ended" dialog opens beside an action's.
fn two_dialogs(first: RwSignal<bool>, second: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || first.get()>
            <Modal title="First" on_close=Callback::new(move |()| first.set(false))>
                <button>"In the first"</button>
            </Modal>
        </Show>
        <Show when=move || second.get()>
            <Modal title="Second" on_close=Callback::new(move |()| second.set(false))>
                <button>"In the second"</button>
            </Modal>
        </Show>
    }
}

#[wasm_bindgen_test]
async fn escape_with_focus_on_the_body_closes_the_newest_dialog_only() {
    let (first, second) = (RwSignal::new(true), RwSignal::new(false));
    let _root = mount(move || two_dialogs(first, second));
    settle().await;
    second.set(true);
    settle().await;
    if let Some(active) = focused().and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
        active.blur().unwrap();
    }
    press(&document().body().unwrap(), "Escape", false);
    settle().await;
    assert!(!second.get_untracked(), "the dialog in front closes");
    assert!(
        first.get_untracked(),
        "the one behind it, made inert, stays"
    );
    press(&document().body().unwrap(), "Escape", false);
    settle().await;
    assert!(
        !first.get_untracked(),
        "then it is in front, and Escape closes it"
    );
}

#[wasm_bindgen_test]
async fn tab_and_shift_tab_stay_inside_the_modal() {
    let root = mount(modal_page);
    find(&root, ".opener").click();
    settle().await;
    let (first, last) = (button(&root, "First"), button(&root, "Last"));

    last.focus().unwrap();
    press(&last, "Tab", false);
    assert_eq!(
        focused(),
        Some(first.clone().into()),
        "Tab from the last wraps to the first"
    );
    press(&first, "Tab", true);
    assert_eq!(
        focused(),
        Some(last.into()),
        "Shift+Tab from the first wraps to the last"
    );
}

#[wasm_bindgen_test]
async fn a_bulk_decision_names_the_count_and_a_double_click_confirms_once() {
    let pending = RwSignal::new(false);
    let decided = RwSignal::new(Vec::<Decision>::new());
    let root = mount(move || {
        view! {
            <BulkDecisionBar pending_count=Signal::derive(|| 3) pending=pending
                on_decide=Callback::new(move |d| { decided.update(|v| v.push(d)); pending.set(true); }) />
        }
    });
    button(&root, "Approve All").click();
    settle().await;

    let dialog = find(&root, "[role=dialog]");
    assert!(dialog
        .text_content()
        .unwrap()
        .contains("Approve all 3 pending approval items"));
    assert_eq!(
        focused().unwrap().text_content().unwrap(),
        "Cancel",
        "a stray Enter cancels"
    );
    let confirm = button(&dialog, "Approve All");
    confirm.click();
    confirm.click();
    settle().await;
    assert_eq!(
        decided.get_untracked(),
        [Decision::Approve],
        "one decision, not two"
    );
    assert!(button(&dialog, "Approve All").has_attribute("disabled"));

    pending.set(false);
    settle().await;
    assert!(
        !exists(&root, "[role=dialog]"),
        "the dialog closes when the request is done"
    );
}

fn person(id: &str, name: &str) -> PublicIdentity {
    PublicIdentity {
        id: Some(id.into()),
        name: Some(name.into()),
        alias: Some(name.to_lowercase().replace(' ', ".")),
        ..PublicIdentity::default()
    }
}

/// A Forward dialog whose search answers two people and records every query.
fn forward_page(
    queries: RwSignal<Vec<String>>,
    sent: RwSignal<Option<ForwardChoice>>,
) -> impl IntoView {
    let search = IdentitySearch::new(move |query: String| {
        queries.update(|q| q.push(query));
        async {
            Ok(vec![
                person("id-fred", "Fred Astaire"),
                person("id-ginger", "Ginger Rogers"),
            ])
        }
    });
    view! {
        <ForwardDialog search=search pending=Signal::derive(|| false)
            on_submit=Callback::new(move |choice| sent.set(Some(choice)))
            on_cancel=Callback::new(|()| ()) />
    }
}

#[wasm_bindgen_test]
async fn forward_is_not_sent_without_a_person_and_a_comment() {
    let (queries, sent) = (RwSignal::new(vec![]), RwSignal::new(None));
    let root = mount(move || forward_page(queries, sent));
    settle().await;
    button(&root, "Forward").click();
    settle().await;

    assert!(sent.get_untracked().is_none());
    let text = root.text_content().unwrap();
    assert!(
        text.contains("Choose the person to forward this to"),
        "{text}"
    );
    assert!(
        text.contains("Write a comment for the new owner."),
        "{text}"
    );
    assert_eq!(
        focused().unwrap().get_attribute("role").as_deref(),
        Some("combobox")
    );
}

#[wasm_bindgen_test]
async fn typing_searches_once_after_a_pause_and_the_keyboard_chooses_a_person() {
    let (queries, sent) = (RwSignal::new(vec![]), RwSignal::new(None));
    let root = mount(move || forward_page(queries, sent));
    let input = find(&root, "[role=combobox]");
    type_into(&input, "Gi");
    type_into(&input, "Gin");
    sleep(400).await;
    settle().await;
    assert_eq!(
        queries.get_untracked(),
        ["Gin"],
        "debounced: one search for the last text"
    );

    let options = find_all(&root, "[role=option]");
    assert_eq!(options.len(), 2);
    press(&input, "ArrowDown", false);
    press(&input, "ArrowDown", false);
    settle().await;
    assert_eq!(
        input.get_attribute("aria-activedescendant"),
        Some(options[1].id())
    );
    assert_eq!(
        options[1].get_attribute("aria-selected").as_deref(),
        Some("true")
    );
    assert_eq!(
        find(&root, ".mt-picker__status").text_content().unwrap(),
        "2 people found."
    );
    press(&input, "Enter", false);
    settle().await;
    assert!(find(&root, "[role=listbox]").has_attribute("hidden"));
    assert_eq!(
        find(&root, ".mt-picker__status").text_content().unwrap(),
        "",
        "with a person chosen, what the list held is no longer said"
    );
    assert!(
        exists(&root, "[role=dialog]"),
        "Enter in the list does not submit or close"
    );

    type_into(&find(&root, "textarea"), "Please take this over");
    button(&root, "Forward").click();
    settle().await;
    let choice = sent.get_untracked().expect("forward sent");
    assert_eq!(choice.body.target_owner_id, "id-ginger");
    assert_eq!(choice.body.comment, "Please take this over");
    assert!(
        choice.body.send_notifications,
        "notifications are on by default"
    );
    assert_eq!(choice.new_owner, "Ginger Rogers");
}

#[wasm_bindgen_test]
async fn escape_in_an_open_list_closes_the_list_not_the_dialog() {
    let (queries, sent) = (RwSignal::new(vec![]), RwSignal::new(None));
    let closed = RwSignal::new(false);
    let root = mount(move || {
        let search = IdentitySearch::new(move |q: String| {
            queries.update(|v| v.push(q));
            async { Ok(vec![person("id-fred", "Fred Astaire")]) }
        });
        view! {
            <ForwardDialog search=search pending=Signal::derive(|| false)
                on_submit=Callback::new(move |c| sent.set(Some(c)))
                on_cancel=Callback::new(move |()| closed.set(true)) />
        }
    });
    let input = find(&root, "[role=combobox]");
    type_into(&input, "Fred");
    sleep(400).await;
    settle().await;
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    press(&input, "Escape", false);
    settle().await;
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert!(!closed.get_untracked());
    press(&input, "Escape", false);
    assert!(closed.get_untracked(), "a second Escape closes the dialog");
}

/// A page's heading (`heading_id`) and a button and, when `with_dialog`, an open modal
/// dialog with a button, in a fresh container; focus on the body, and no other test's
/// dialog left open.
fn heading_and_dialog(heading_id: &'static str, with_dialog: bool) -> HtmlElement {
    for old in find_all(
        &document().document_element().unwrap(),
        "[aria-modal='true']",
    ) {
        old.remove();
    }
    if let Some(active) = focused().and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
        active.blur().unwrap();
    }
    mount(move || {
        view! {
            <h1 id=heading_id>"An item"</h1>
            <button class="other">"Approve"</button>
            <Show when=move || with_dialog>
                <div role="dialog" aria-modal="true"><button>"Send"</button></div>
            </Show>
        }
    })
}

/// Fails with `why` when the element `id` has focus.
fn assert_not_focused(id: &str, why: &str) {
    assert_ne!(focused().map(|el| el.id()).as_deref(), Some(id), "{why}");
}

#[wasm_bindgen_test]
async fn focus_put_back_on_a_heading_stays_there_when_a_re_render_takes_it_away() {
    let page = heading_and_dialog("mt-test-heading-kept", false);
    my_tasks::focus::focus_when_lost(vec!["mt-test-heading-kept"]);
    sleep(150).await;
    assert_eq!(focused().unwrap().id(), "mt-test-heading-kept");
    // Lost again (its page re-drawn): the next try puts it back.
    find(&page, "h1").blur().unwrap();
    sleep(400).await;
    assert_eq!(focused().unwrap().id(), "mt-test-heading-kept");
    page.remove();
}

#[wasm_bindgen_test]
async fn focus_lost_inside_an_open_dialog_never_goes_to_the_page_behind_it() {
    let page = heading_and_dialog("mt-test-heading-behind", true);
    my_tasks::focus::focus_when_lost(vec!["mt-test-heading-behind"]);
    sleep(1300).await;
    assert_not_focused(
        "mt-test-heading-behind",
        "the heading behind the dialog took focus",
    );
    page.remove();
}

#[wasm_bindgen_test]
async fn once_focus_moved_on_a_later_moment_of_lost_focus_is_not_filled_from_before() {
    // The detail page puts focus on its heading as it opens; the person moves on to a
    // button, which is then disabled while its request runs (focus falls to the body).
    let page = heading_and_dialog("mt-test-heading-moved-on", false);
    my_tasks::focus::focus_when_lost(vec!["mt-test-heading-moved-on"]);
    sleep(150).await;
    let other = find(&page, "button.other");
    other.focus().unwrap();
    sleep(400).await;
    other.blur().unwrap();
    sleep(800).await;
    assert_not_focused(
        "mt-test-heading-moved-on",
        "a try from when the page opened took focus",
    );
    page.remove();
}
