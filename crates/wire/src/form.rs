//! `FormDetails` and `SectionDetails` (the account-selection form of a work item), plus a
//! typed reading of the untyped `formItems` the spec allows.
//!
//! The spec types `formItems` only as "objects that are SectionDetails and/or
//! FieldDetails". On the wire they stay `serde_json::Value`, so nothing a server sends is
//! lost; [`FormItem::from_value`] reads them as sections, fields in the shape ISC's form
//! fields use (`name`, `label`, `type`, `required`, `allowedValues`, `value`), or unknown.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `FormDetails`: a form a person fills in to finish a work item.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FormDetails {
    /// ID of the form (nullable).
    pub id: Option<String>,
    /// Name of the form, e.g. "AccountSelection Form" (nullable).
    pub name: Option<String>,
    /// Title shown above the form (nullable).
    pub title: Option<String>,
    /// Subtitle (nullable).
    pub subtitle: Option<String>,
    /// The user the form is about, e.g. "Jane.Doe".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_user: Option<String>,
    /// The form's sections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sections: Option<Vec<SectionDetails>>,
}

impl FormDetails {
    /// Every field of the form, depth first, in display order.
    pub fn fields(&self) -> Vec<FieldDetails> {
        let mut fields = Vec::new();
        for section in self.sections.iter().flatten() {
            section.collect_fields(&mut fields);
        }
        fields
    }
}

/// `SectionDetails`: a titled group of form items.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SectionDetails {
    /// Name of the section (nullable).
    pub name: Option<String>,
    /// Label of the section (nullable).
    pub label: Option<String>,
    /// Sections and/or fields, untyped on the wire.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form_items: Option<Vec<Value>>,
}

impl SectionDetails {
    /// The items of this section, read as sections, fields or unknown shapes.
    pub fn items(&self) -> Vec<FormItem> {
        self.form_items
            .iter()
            .flatten()
            .map(FormItem::from_value)
            .collect()
    }

    fn collect_fields(&self, into: &mut Vec<FieldDetails>) {
        for item in self.items() {
            match item {
                FormItem::Section(section) => section.collect_fields(into),
                FormItem::Field(field) => into.push(field),
                FormItem::Unknown(_) => {}
            }
        }
    }
}

/// One entry of `formItems`, read.
#[derive(Debug, Clone, PartialEq)]
pub enum FormItem {
    /// A nested section (it has `formItems`).
    Section(SectionDetails),
    /// A field (it has a `name` and a `type`).
    Field(FieldDetails),
    /// A shape this build does not know; shown read-only, never dropped.
    Unknown(Value),
}

impl FormItem {
    /// Reads one `formItems` entry.
    pub fn from_value(value: &Value) -> FormItem {
        let object = match value.as_object() {
            Some(object) => object,
            None => return FormItem::Unknown(value.clone()),
        };
        // Read from the item's JSON text rather than with `from_value`: the browser app then
        // needs one JSON reader (text), not a second one for `Value`, which keeps its wasm
        // smaller. What is accepted is the same.
        if object.contains_key("formItems") {
            if let Ok(section) = serde_json::from_str(&value.to_string()) {
                return FormItem::Section(section);
            }
        } else if object.get("name").is_some_and(Value::is_string) && object.contains_key("type") {
            if let Ok(field) = serde_json::from_str(&value.to_string()) {
                return FormItem::Field(field);
            }
        }
        FormItem::Unknown(value.clone())
    }
}

/// A form field, in the shape ISC's form fields use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct FieldDetails {
    /// The key of this field in the submitted selection map.
    pub name: String,
    /// What a person sees next to the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// How to render and validate the field.
    #[serde(rename = "type")]
    pub field_type: FieldType,
    /// Whether a value must be given.
    pub required: bool,
    /// The only values accepted, when the field is a choice.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed_values: Vec<AllowedValue>,
    /// The current (or submitted) value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// A hint shown under the field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help_text: Option<String>,
}

impl FieldDetails {
    /// Whether `value` is one of `allowed_values` (always true when there are none).
    pub fn allows(&self, value: &str) -> bool {
        self.allowed_values.is_empty() || self.allowed_values.iter().any(|a| a.value() == value)
    }
}

/// One allowed value of a choice field: a bare string or a `{label, value}` pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AllowedValue {
    /// The value is also its label.
    Plain(String),
    /// A value with a label to show.
    Labelled {
        /// What a person sees.
        label: String,
        /// What is submitted.
        value: String,
    },
}

impl AllowedValue {
    /// What is submitted.
    pub fn value(&self) -> &str {
        match self {
            AllowedValue::Plain(value) | AllowedValue::Labelled { value, .. } => value,
        }
    }

    /// What a person sees.
    pub fn label(&self) -> &str {
        match self {
            AllowedValue::Plain(label) | AllowedValue::Labelled { label, .. } => label,
        }
    }
}

// The enum comes from `string_enum!`, whose derive list has no `Default` to hang a
// `#[default]` on, so this impl cannot be derived.
#[allow(clippy::derivable_impls)]
impl Default for FieldType {
    fn default() -> Self {
        FieldType::Text
    }
}

crate::enums::string_enum! {
    /// The field types the sandbox serves and the app renders; others stay `Other`.
    FieldType {
        Text = "text",
        Textarea = "textarea",
        Select = "select",
        Radio = "radio",
        Checkbox = "checkbox",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form() -> FormDetails {
        serde_json::from_value(json!({
            "id": "f1", "name": "AccountSelection Form", "title": null, "subtitle": null,
            "targetUser": "Jane.Doe",
            "sections": [{"name": "s", "label": "Accounts", "formItems": [
                {"name": "account", "type": "select", "required": true,
                 "allowedValues": ["jane.doe", {"label": "Jane (admin)", "value": "jane.admin"}]},
                {"name": "inner", "label": null, "formItems": [{"name": "note", "type": "text"}]},
                {"widget": "signature-pad"},
                "just a string"
            ]}]
        }))
        .unwrap()
    }

    #[test]
    fn fields_are_found_depth_first_including_nested_sections() {
        let names: Vec<_> = form().fields().into_iter().map(|f| f.name).collect();
        assert_eq!(names, ["account", "note"]);
    }

    #[test]
    fn unknown_item_shapes_are_kept_not_dropped() {
        let items = form().sections.unwrap()[0].items();
        assert!(matches!(&items[2], FormItem::Unknown(v) if v["widget"] == "signature-pad"));
        assert!(matches!(&items[3], FormItem::Unknown(Value::String(_))));
    }

    #[test]
    fn allowed_values_accept_plain_and_labelled_forms() {
        let account = &form().fields()[0];
        assert!(account.allows("jane.doe") && account.allows("jane.admin"));
        assert!(!account.allows("someone.else"));
        assert_eq!(account.allowed_values[1].label(), "Jane (admin)");
    }

    #[test]
    fn an_unknown_field_type_is_kept_verbatim() {
        let field: FieldDetails =
            serde_json::from_value(json!({"name": "when", "type": "datetime"})).unwrap();
        assert_eq!(field.field_type, FieldType::Other("datetime".into()));
    }
}
