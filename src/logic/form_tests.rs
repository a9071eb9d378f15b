//! Host tests of the account-selection rules.

use super::*;
use serde_json::json;

fn fields() -> Vec<FieldDetails> {
    serde_json::from_value(json!([
        {"name": "account", "label": "GitHub account", "type": "select", "required": true,
         "allowedValues": ["fred-sp", {"label": "fred-admin (privileged)", "value": "fred-admin"}]},
        {"name": "justification", "type": "textarea"},
        {"name": "agree", "label": "I agree", "type": "checkbox", "required": true},
        {"name": "when", "type": "datetime", "value": "2024-01-01"},
        {"name": "blob", "type": "signature", "value": {"x": 1}}
    ]))
    .unwrap()
}

fn values(pairs: &[(&str, &str)]) -> FormValues {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn missing_required_fields_are_each_reported_by_name() {
    let errors = collect_selection(&fields(), &initial_values(&fields())).unwrap_err();
    let names: Vec<_> = errors.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["account", "agree"]);
    assert_eq!(errors[0].message, "“GitHub account” is required.");
}

#[test]
fn a_value_outside_the_allowed_values_is_refused() {
    let errors = collect_selection(
        &fields(),
        &values(&[("account", "someone-else"), ("agree", "true")]),
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("listed values"));
}

#[test]
fn a_valid_form_submits_strings_keyed_on_field_name_and_skips_empty_optional_fields() {
    let selection = collect_selection(
        &fields(),
        &values(&[
            ("account", "fred-admin"),
            ("justification", "  "),
            ("agree", "true"),
        ]),
    )
    .unwrap();
    assert_eq!(
        serde_json::Value::Object(selection),
        json!({"account": "fred-admin", "agree": "true", "when": "2024-01-01"})
    );
}

#[test]
fn unknown_field_types_are_not_editable_and_start_with_no_editable_value() {
    let all = fields();
    assert!(!is_editable(&all[3]));
    let start = initial_values(&all);
    assert!(!start.contains_key("when"));
    assert_eq!(start["agree"], "false");
}

#[test]
fn chosen_values_are_described_with_their_labels() {
    let mut all = fields();
    all[0].value = Some(json!("fred-admin"));
    let described = describe_values(&all);
    assert_eq!(
        described[0],
        (
            "GitHub account".to_owned(),
            "fred-admin (privileged)".to_owned()
        )
    );
    assert_eq!(described[2], ("blob".to_owned(), r#"{"x":1}"#.to_owned()));
}

#[test]
fn a_selection_is_described_as_it_will_be_submitted() {
    let selection = collect_selection(
        &fields(),
        &values(&[
            ("account", "fred-admin"),
            ("agree", "true"),
            ("justification", ""),
        ]),
    )
    .unwrap();
    let described = describe_selection(&fields(), &selection);
    assert_eq!(
        described[0],
        (
            "GitHub account".to_owned(),
            "fred-admin (privileged)".to_owned()
        )
    );
    assert!(described.iter().all(|(label, _)| label != "justification"));
}

#[test]
fn a_missing_or_null_value_is_no_text_so_an_input_starts_empty_and_nothing_is_described() {
    assert_eq!(value_text(None), "");
    assert_eq!(value_text(Some(&serde_json::Value::Null)), "");
    assert_eq!(value_text(Some(&json!("fred"))), "fred");
    assert_eq!(value_text(Some(&json!(true))), "true");
    let empty = FieldDetails {
        name: "account".into(),
        value: Some(serde_json::Value::Null),
        ..FieldDetails::default()
    };
    assert_eq!(initial_values(std::slice::from_ref(&empty))["account"], "");
    assert!(describe_values(&[empty]).is_empty());
}

#[test]
fn free_text_longer_than_the_server_takes_is_refused_on_its_field() {
    let at_bound = "é".repeat(wire::MAX_COMMENT_CHARS);
    let chosen = [("account", "fred-sp"), ("agree", "true")];
    let fits = values(&[chosen[0], chosen[1], ("justification", &at_bound)]);
    assert!(collect_selection(&fields(), &fits).is_ok());
    let one_over = "é".repeat(wire::MAX_COMMENT_CHARS + 1);
    let just_over = values(&[chosen[0], chosen[1], ("justification", &one_over)]);
    assert!(collect_selection(&fields(), &just_over).is_err());
    let over = "é".repeat(wire::MAX_COMMENT_CHARS + 100);
    let long = values(&[chosen[0], chosen[1], ("justification", &over)]);
    let errors = collect_selection(&fields(), &long).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].name, "justification");
    assert_eq!(
        errors[0].message,
        "“justification” is too long: 2100 characters, and at most 2000 can be sent."
    );
}

#[test]
fn a_long_value_is_cut_in_the_line_that_names_the_choices() {
    let long = "x".repeat(LINE_VALUE_CHARS + 50);
    let line = values_line(vec![
        ("Justification".into(), long),
        ("GitHub account".into(), "fred-sp".into()),
    ]);
    assert_eq!(
        line,
        format!(
            "Justification: {}…, GitHub account: fred-sp",
            "x".repeat(LINE_VALUE_CHARS)
        )
    );
}
