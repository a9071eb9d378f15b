//! A work item's form, read-only: sections, fields (label, type, required, value, allowed
//! values) and, verbatim as text, any item shape this build does not know.

use leptos::prelude::*;
use serde_json::Value;
use wire::{FieldDetails, FormDetails, FormItem, SectionDetails};

/// A JSON value as plain text ("—" for null, strings without quotes).
pub fn value_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => "—".into(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// One field, read-only.
#[component]
fn FieldView(
    /// The field.
    field: FieldDetails,
) -> impl IntoView {
    let label = field.label.clone().unwrap_or_else(|| field.name.clone());
    let allowed: Vec<String> = field
        .allowed_values
        .iter()
        .map(|a| a.label().to_owned())
        .collect();
    view! {
        <div class="mt-form__field">
            <dt>{label}{field.required.then(|| view! { <span class="mt-form__required">" (required)"</span> })}</dt>
            <dd>
                <span class="mt-tag">{field.field_type.as_str().to_owned()}</span>
                " " {value_text(field.value.as_ref())}
                {(!allowed.is_empty()).then(|| view! { <span class="mt-muted">{format!(" · choices: {}", allowed.join(", "))}</span> })}
                {field.help_text.map(|h| view! { <span class="mt-muted">{format!(" · {h}")}</span> })}
            </dd>
        </div>
    }
}

/// One section and its items (nested sections recurse).
#[component]
pub fn SectionView(
    /// The section.
    section: SectionDetails,
) -> impl IntoView {
    let title = section
        .label
        .clone()
        .or(section.name.clone())
        .unwrap_or_else(|| "Section".into());
    let items = section.items();
    view! {
        <fieldset class="mt-form__section" disabled=true>
            <legend>{title}</legend>
            <dl class="mt-form__fields">
                {items.into_iter().map(|item| match item {
                    FormItem::Field(field) => view! { <FieldView field/> }.into_any(),
                    FormItem::Section(inner) => view! { <div class="mt-form__nested"><SectionView section=inner/></div> }.into_any(),
                    FormItem::Unknown(raw) => view! {
                        <div class="mt-form__field"><dt>"Unrecognised item"</dt>
                        <dd><pre class="mt-pre">{serde_json::to_string_pretty(&raw).unwrap_or_default()}</pre></dd></div>
                    }.into_any(),
                }).collect_view()}
            </dl>
        </fieldset>
    }
}

/// The whole form, read-only.
#[component]
pub fn FormView(
    /// The form.
    form: FormDetails,
) -> impl IntoView {
    view! {
        <div class="mt-form">
            {form.title.clone().map(|t| view! { <p class="mt-form__title">{t}</p> })}
            {form.subtitle.clone().map(|t| view! { <p class="mt-muted">{t}</p> })}
            {form.target_user.clone().map(|t| view! { <p>"For " <strong>{t}</strong></p> })}
            {form.sections.clone().unwrap_or_default().into_iter().map(|section| view! { <SectionView section/> }).collect_view()}
        </div>
    }
}
