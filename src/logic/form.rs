//! The account-selection form's rules, as plain functions: which fields a person can edit,
//! where their values start, what must be filled in, and the map that is submitted.
//!
//! Values are strings throughout: the API's example (and the sandbox) take `"field":
//! "value"`, so a checkbox is submitted as `"true"` / `"false"`.

use serde_json::Value;
use std::collections::BTreeMap;
use wire::{AccountSelection, FieldDetails, FieldType};

use crate::t;

/// The values being edited, keyed on field name.
pub type FormValues = BTreeMap<String, String>;

/// Why one field cannot be submitted as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name (its key in the selection).
    pub name: String,
    /// What to tell the person, in plain words.
    pub message: String,
}

/// Whether the app knows how to edit this field type; the others are shown read-only.
pub fn is_editable(field: &FieldDetails) -> bool {
    !matches!(field.field_type, FieldType::Other(_))
}

/// A field's value as text: strings as they are, booleans and numbers written out. No
/// value (missing or null) is empty text, never a placeholder: this text becomes an
/// input's value and a submitted value, and an empty one is left out of summaries.
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// Where editing starts: each editable field's current value (checkboxes default to off).
pub fn initial_values(fields: &[FieldDetails]) -> FormValues {
    fields
        .iter()
        .filter(|f| is_editable(f))
        .map(|f| {
            let text = value_text(f.value.as_ref());
            let text = match f.field_type {
                FieldType::Checkbox => (text == "true").to_string(),
                _ => text,
            };
            (f.name.clone(), text)
        })
        .collect()
}

/// What a person sees for a field: its label, else its name.
pub fn field_label(field: &FieldDetails) -> &str {
    field.label.as_deref().unwrap_or(&field.name)
}

/// Checks every field and builds the map to submit, or says what is wrong with each field.
///
/// Required fields must have a value (a required checkbox must be checked); a value must be
/// one of the field's `allowedValues` when it has any. Empty optional fields are left out.
/// Fields of unknown types are not editable: their current string value is sent back as is.
pub fn collect_selection(
    fields: &[FieldDetails],
    values: &FormValues,
) -> Result<AccountSelection, Vec<FieldError>> {
    let mut selection = AccountSelection::new();
    let mut errors = Vec::new();
    let mut fail = |field: &FieldDetails, message: String| {
        errors.push(FieldError {
            name: field.name.clone(),
            message,
        })
    };
    for field in fields {
        if !is_editable(field) {
            if let Some(Value::String(raw)) = &field.value {
                selection.insert(field.name.clone(), Value::String(raw.clone()));
            }
            continue;
        }
        let text = values.get(&field.name).map(|v| v.trim()).unwrap_or("");
        let label = field_label(field);
        if field.field_type == FieldType::Checkbox {
            if field.required && text != "true" {
                fail(field, t!("form-check-required", label = label));
            }
            selection.insert(
                field.name.clone(),
                Value::String((text == "true").to_string()),
            );
        } else if text.is_empty() {
            if field.required {
                fail(field, t!("form-required", label = label));
            }
        } else if !field.allows(text) {
            fail(field, t!("form-choose-listed", label = label));
        } else if text.chars().nth(wire::MAX_COMMENT_CHARS).is_some() {
            // The server takes free text up to the bound of a comment; longer, the whole
            // form would come back refused, without saying which field.
            let count = text.chars().count();
            fail(
                field,
                t!(
                    "form-too-long",
                    label = label,
                    count = count,
                    max = wire::MAX_COMMENT_CHARS
                ),
            );
        } else {
            selection.insert(field.name.clone(), Value::String(text.to_owned()));
        }
    }
    match errors.is_empty() {
        true => Ok(selection),
        false => Err(errors),
    }
}

/// The chosen values as a person reads them: (field label, value label) for every field
/// that has a value, using an allowed value's label where there is one.
pub fn describe_values(fields: &[FieldDetails]) -> Vec<(String, String)> {
    fields
        .iter()
        .filter_map(|field| {
            let text = value_text(field.value.as_ref());
            let shown = field
                .allowed_values
                .iter()
                .find(|a| a.value() == text)
                .map_or(text.clone(), |a| a.label().to_owned());
            (!text.is_empty()).then(|| (field_label(field).to_owned(), shown))
        })
        .collect()
}

/// Characters of one value that [`values_line`] shows: a question or a toast names the
/// value; the form itself shows all of it.
pub const LINE_VALUE_CHARS: usize = 120;

/// Described values as one line in the person's language: "GitHub account: fred-admin
/// (privileged), Justification: for the release". A long value is cut after
/// [`LINE_VALUE_CHARS`] characters, with "…".
pub fn values_line(described: Vec<(String, String)>) -> String {
    described
        .into_iter()
        .map(|(label, value)| format!("{label}: {}", wire::clip(&value, LINE_VALUE_CHARS)))
        .collect::<Vec<_>>()
        .join(&t!("list-separator"))
}

/// What `selection` would submit, as [`describe_values`] words it: "GitHub account",
/// "fred-admin (privileged)".
pub fn describe_selection(
    fields: &[FieldDetails],
    selection: &AccountSelection,
) -> Vec<(String, String)> {
    let chosen: Vec<FieldDetails> = fields
        .iter()
        .map(|field| FieldDetails {
            value: selection.get(&field.name).cloned(),
            ..field.clone()
        })
        .collect();
    describe_values(&chosen)
}

#[cfg(test)]
#[path = "form_tests.rs"]
mod tests;
