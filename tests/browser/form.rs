//! Component tests of the account-selection form renderer in headless Chromium: required
//! fields, validation before submit, nested sections and field types the app does not know.

use crate::support::*;
use leptos::prelude::*;
use my_tasks::components::form::{AccountSelectionForm, SelectionSummary};
use serde_json::json;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use wire::{AccountSelection, FormDetails};

fn form() -> FormDetails {
    serde_json::from_value(json!({
        "id": "f1", "name": "AccountSelection Form", "title": "Choose the GitHub account",
        "subtitle": null, "targetUser": "Fred.Astaire",
        "sections": [{"name": "accountSelection", "label": "Account", "formItems": [
            {"name": "account", "label": "GitHub account", "type": "select", "required": true,
             "allowedValues": ["fred-sp", {"label": "fred-admin (privileged)", "value": "fred-admin"}]},
            {"name": "justification", "label": "Justification", "type": "textarea",
             "helpText": "Why this account? (optional)"},
            {"name": "more", "label": "More", "formItems": [
                {"name": "agree", "label": "I agree", "type": "checkbox", "required": true},
                {"name": "team", "label": "Team", "type": "radio", "allowedValues": ["red", "blue"]}
            ]},
            {"name": "when", "label": "Start date", "type": "datetime", "value": "2024-01-01"},
            {"widget": "signature-pad", "value": "<b>not html</b>"}
        ]}]
    }))
    .unwrap()
}

fn form_page(sent: RwSignal<Vec<AccountSelection>>) -> impl IntoView {
    view! {
        <AccountSelectionForm form=form() pending=Signal::derive(|| false)
            on_submit=Callback::new(move |s| sent.update(|v| v.push(s))) />
    }
}

#[wasm_bindgen_test]
async fn required_fields_are_marked_and_a_form_missing_them_is_not_sent() {
    let sent = RwSignal::new(vec![]);
    let root = mount(move || form_page(sent));
    let select = find(&root, "select");
    assert_eq!(
        select.get_attribute("aria-required").as_deref(),
        Some("true")
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("GitHub account (required)"));

    button(&root, "Submit").click();
    settle().await;
    assert!(sent.get_untracked().is_empty(), "nothing is sent");
    let text = root.text_content().unwrap();
    assert!(text.contains("“GitHub account” is required."), "{text}");
    assert!(text.contains("Check “I agree” to continue."), "{text}");
    assert!(text.contains("2 fields need your attention."), "{text}");
    assert_eq!(
        select.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        focused(),
        Some(select.into()),
        "focus moves to the first problem"
    );
}

#[wasm_bindgen_test]
async fn a_filled_form_emits_the_selection_keyed_on_field_name() {
    let sent = RwSignal::new(vec![]);
    let root = mount(move || form_page(sent));
    type_into(&find(&root, "select"), "fred-admin");
    type_into(&find(&root, "textarea"), "for the release");
    let agree = find(&root, "input[type=checkbox]");
    agree.click();
    find_all(&root, "input[type=radio]")[1].click();
    settle().await;
    button(&root, "Submit").click();
    settle().await;
    // Asked first, with the choices by their labels; nothing is sent until confirmed.
    assert!(
        sent.get_untracked().is_empty(),
        "sent before it was confirmed"
    );
    let dialog = find(&root, "[role=dialog]");
    let asked = dialog.text_content().unwrap();
    assert!(asked.contains("Submit the account selection"), "{asked}");
    assert!(
        asked.contains("GitHub account: fred-admin (privileged)"),
        "{asked}"
    );
    button(&dialog, "Cancel").click();
    settle().await;
    assert!(
        !exists(&root, "[role=dialog]"),
        "Cancel puts the question away"
    );
    assert!(sent.get_untracked().is_empty(), "Cancel sends nothing");
    button(&root, "Submit").click();
    settle().await;
    button(&find(&root, "[role=dialog]"), "Submit").click();
    settle().await;

    let sent = sent.get_untracked();
    assert_eq!(sent.len(), 1);
    assert_eq!(
        serde_json::Value::Object(sent[0].clone()),
        json!({"account": "fred-admin", "justification": "for the release", "agree": "true",
               "team": "blue", "when": "2024-01-01"})
    );
}

#[wasm_bindgen_test]
async fn nested_sections_and_unknown_field_types_and_shapes_are_shown_not_hidden() {
    let root = mount(move || form_page(RwSignal::new(vec![])));
    let legends: Vec<_> = find_all(&root, "legend")
        .iter()
        .map(|l| l.text_content().unwrap())
        .collect();
    assert!(legends.contains(&"Account".to_owned()) && legends.contains(&"More".to_owned()));

    let raw: Vec<_> = find_all(&root, ".mt-field__raw")
        .iter()
        .map(|p| p.text_content().unwrap())
        .collect();
    assert_eq!(raw.len(), 2, "{raw:?}");
    assert_eq!(raw[0], "\"2024-01-01\"");
    assert!(
        raw[1].contains("signature-pad") && raw[1].contains("<b>not html</b>"),
        "as text"
    );
    assert!(
        !exists(&root, ".mt-field__raw b"),
        "raw values are never parsed as HTML"
    );
    assert!(root
        .text_content()
        .unwrap()
        .contains("Start date (type “datetime”, read-only)"));
}

#[wasm_bindgen_test]
async fn a_value_outside_the_allowed_values_is_refused_before_sending() {
    let sent = RwSignal::new(vec![]);
    let root = mount(move || {
        let mut bad = form();
        // A server-provided current value that is no longer allowed.
        let sections = bad.sections.as_mut().unwrap();
        sections[0].form_items.as_mut().unwrap()[1] = json!({"name": "justification", "type": "text", "allowedValues": ["a", "b"], "value": "zzz"});
        view! { <AccountSelectionForm form=bad pending=Signal::derive(|| false)
        on_submit=Callback::new(move |s| sent.update(|v| v.push(s))) /> }
    });
    type_into(&find(&root, "select"), "fred-sp");
    find(&root, "input[type=checkbox]").click();
    settle().await;
    button(&root, "Submit").click();
    settle().await;
    assert!(sent.get_untracked().is_empty());
    assert!(root
        .text_content()
        .unwrap()
        .contains("Choose one of the listed values for “justification”."));
}

#[wasm_bindgen_test]
async fn the_summary_shows_what_was_chosen_by_label() {
    let mut chosen = form();
    chosen.sections.as_mut().unwrap()[0]
        .form_items
        .as_mut()
        .unwrap()[0]["value"] = json!("fred-admin");
    let root = mount(move || view! { <SelectionSummary form=chosen /> });
    let text = root.text_content().unwrap();
    assert!(
        text.contains("GitHub account") && text.contains("fred-admin (privileged)"),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn a_finished_items_form_is_the_same_renderer_read_only_with_its_values_and_no_submit() {
    let mut finished = form();
    finished.sections.as_mut().unwrap()[0]
        .form_items
        .as_mut()
        .unwrap()[0]["value"] = json!("fred-admin");
    let root = mount(move || view! { <AccountSelectionForm form=finished read_only=true /> });
    settle().await;
    assert!(find_all(&root, "button").is_empty(), "nothing to submit");
    assert!(find(&root, "fieldset.mt-selection__fields").has_attribute("disabled"));
    let select: web_sys::HtmlSelectElement = find(&root, "select").unchecked_into();
    assert_eq!(select.value(), "fred-admin");
    let text = root.text_content().unwrap();
    assert!(text.contains("For Fred.Astaire"), "{text}");
    assert!(
        text.contains("signature-pad"),
        "unknown items are still shown: {text}"
    );
}
