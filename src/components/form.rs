//! The app's one renderer of a work item's form (`FormDetails`), whatever its field types:
//! editable and validated before it is sent while the work item is pending, read-only once
//! it is not.

use super::confirm::ConfirmDialog;
use crate::focus::{focus_first_invalid, unique_id};
use crate::hooks::item_actions::FORM_SUBMIT;
use crate::logic::form::{
    collect_selection, describe_selection, describe_values, field_label, initial_values,
    values_line, FieldError, FormValues,
};
use crate::t;
use leptos::html::Form;
use leptos::prelude::*;
use wire::{AccountSelection, FieldDetails, FieldType, FormDetails, FormItem, SectionDetails};

/// What every field of one form shares: the values being edited and the current errors.
#[derive(Clone, Copy)]
struct FormState {
    values: RwSignal<FormValues>,
    errors: Memo<Vec<FieldError>>,
}

impl FormState {
    fn value(&self, name: &str) -> String {
        self.values
            .with(|v| v.get(name).cloned().unwrap_or_default())
    }

    fn set(&self, name: &str, value: String) {
        self.values.update(|v| {
            v.insert(name.to_owned(), value);
        });
    }

    fn error(&self, name: &str) -> Option<String> {
        self.errors
            .with(|e| e.iter().find(|e| e.name == name).map(|e| e.message.clone()))
    }
}

/// An account-selection form: the form's title, whom it is for, its sections (nested too)
/// and fields by type (select and radio choices, text, textarea, checkbox) with their
/// current values, required fields marked. Fields of types the app does not know, and
/// items that are no field or section, are shown read-only with their raw JSON. "Submit"
/// validates first; errors show beside their fields and focus moves to the first. While
/// `pending` every input is disabled; a `read_only` form has no Submit at all.
#[component]
pub fn AccountSelectionForm(
    /// The work item's form.
    form: FormDetails,
    /// True while the submission is in flight.
    #[prop(optional, into)]
    pending: Signal<bool>,
    /// What the server said when the last submission failed.
    #[prop(optional, into)]
    error: MaybeProp<String>,
    /// Called with the selection, keyed on field name, once it is valid.
    #[prop(optional, into)]
    on_submit: Option<Callback<AccountSelection>>,
    /// Shows the form as it stands, with nothing to edit or submit (the work item is done).
    #[prop(optional)]
    read_only: bool,
) -> impl IntoView {
    let fields = StoredValue::new(form.fields());
    let values = RwSignal::new(fields.with_value(|f| initial_values(f)));
    let attempted = RwSignal::new(false);
    let errors = Memo::new(move |_| {
        match attempted.get() {
            true => values.with(|v| fields.with_value(|f| collect_selection(f, v).err())),
            false => None,
        }
        .unwrap_or_default()
    });
    provide_context(FormState { values, errors });
    let node = NodeRef::<Form>::new();
    // What Submit would send, while the person is asked to confirm it: a choice (a
    // privileged account) cannot be taken back.
    let asking = RwSignal::new(None::<AccountSelection>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        attempted.set(true);
        match values.with_untracked(|v| fields.with_value(|f| collect_selection(f, v))) {
            Ok(selection) => {
                if on_submit.is_some() {
                    asking.set(Some(selection));
                }
            }
            Err(_) => request_animation_frame(move || {
                // The form may be gone by the next frame (the person left the page).
                focus_first_invalid(node.try_get_untracked().flatten())
            }),
        }
    };
    let summary = move || match errors.with(Vec::len) {
        0 => String::new(),
        n => t!("form-needs-attention", count = n),
    };
    view! {
        <form class="mt-selection" novalidate=true node_ref=node on:submit=submit>
            {form.title.map(|t| view! { <h3 class="mt-selection__title" dir="auto">{t}</h3> })}
            {form.subtitle.map(|s| view! { <p class="mt-selection__subtitle" dir="auto">{s}</p> })}
            {form.target_user.map(|t| view! { <p>{t!("form-for")} " " <strong><bdi>{t}</bdi></strong></p> })}
            <fieldset class="mt-selection__fields" disabled=move || read_only || pending.get()>
                {form.sections.unwrap_or_default().into_iter()
                    .map(|section| view! { <FormSection section=section /> }).collect_view()}
            </fieldset>
            {(!read_only).then(|| view! {
                <p class="mt-selection__summary" role="alert">{summary}</p>
                <p class="mt-modal__error" role="alert">{move || error.get()}</p>
                <button type="submit" id=FORM_SUBMIT class="mt-button mt-button--primary" disabled=pending>{t!("submit")}</button>
            })}
            {move || asking.get().map(|selection| {
                let chosen = fields.with_value(|f| describe_selection(f, &selection));
                let message = match chosen.is_empty() {
                    true => t!("submit-confirm-empty"),
                    false => t!("submit-confirm", values = values_line(chosen).as_str()),
                };
                let selection = StoredValue::new(selection);
                view! {
                    <ConfirmDialog title=t!("submit-confirm-title") message confirm_label=t!("submit") pending
                        on_confirm=Callback::new(move |()| {
                            asking.set(None);
                            if let Some(send) = on_submit {
                                send.run(selection.get_value());
                            }
                        })
                        on_cancel=Callback::new(move |()| asking.set(None))/>
                }
            })}
        </form>
    }
}

/// One section: a titled group of fields, sections and unknown items.
#[component]
fn FormSection(
    /// The section to render.
    section: SectionDetails,
) -> impl IntoView {
    let title = section.label.clone().or(section.name.clone());
    let items = section.items().into_iter().map(|item| match item {
        FormItem::Section(inner) => view! { <FormSection section=inner /> }.into_any(),
        FormItem::Field(field) => view! { <FormField field=field /> }.into_any(),
        FormItem::Unknown(raw) => {
            view! { <RawValue label=t!("form-unknown-item") raw=raw /> }.into_any()
        }
    });
    view! {
        <fieldset class="mt-selection__section">
            {title.map(|t| view! { <legend class="mt-selection__legend">{t}</legend> })}
            {items.collect_view()}
        </fieldset>
    }
}

/// One field, rendered by its type.
#[component]
fn FormField(
    /// The field to render.
    field: FieldDetails,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let id = unique_id("field");
    let error_id = format!("{id}-error");
    // The help says what the field is for, the error what is wrong with it: a field is
    // described by both, the help first, as they are read on the page.
    let help_id = format!("{id}-help");
    let described_by = match field.help_text {
        Some(_) => format!("{help_id} {error_id}"),
        None => error_id.clone(),
    };
    let label = match field.required {
        true => t!("form-field-required", label = field_label(&field)),
        false => field_label(&field).to_owned(),
    };
    let name = StoredValue::new(field.name.clone());
    let error = move || name.with_value(|n| state.error(n));
    let invalid = move || error().is_some().to_string();
    let set = move |value: String| name.with_value(|n| state.set(n, value));
    let value = move || name.with_value(|n| state.value(n));
    let control = match field.field_type {
        FieldType::Checkbox => view! {
            <label class="mt-field__check">
                <input id=id type="checkbox" aria-required=field.required.to_string()
                    aria-invalid=invalid aria-describedby=described_by.clone()
                    prop:checked=move || value() == "true"
                    on:change=move |ev| set(event_target_checked(&ev).to_string()) />
                " " {label}
            </label>
        }.into_any(),
        FieldType::Radio if !field.allowed_values.is_empty() => view! {
            <ChoiceGroup id=id label=label field=field.clone() />
        }.into_any(),
        FieldType::Select | FieldType::Radio if !field.allowed_values.is_empty() => view! {
            <label class="mt-field__label" for=id.clone()>{label}</label>
            <select id=id class="mt-field__input" aria-required=field.required.to_string()
                aria-invalid=invalid aria-describedby=described_by.clone()
                on:change=move |ev| set(event_target_value(&ev))>
                <option value="" selected=move || value().is_empty()>{t!("choose")}</option>

                {field.allowed_values.iter().map(|choice| {
                    let v = choice.value().to_owned();
                    let chosen = v.clone();
                    view! { <option value=v selected=move || value() == chosen>{choice.label().to_owned()}</option> }
                }).collect_view()}
            </select>
        }.into_any(),
        FieldType::Other(ref kind) => view! {
            <RawValue label=t!("form-unknown-field", label = &*label, kind = kind.as_str()) raw=field.value.clone().unwrap_or_default() />

        }.into_any(),
        FieldType::Textarea => view! {
            <label class="mt-field__label" for=id.clone()>{label}</label>
            <textarea id=id class="mt-field__input" rows="3" aria-required=field.required.to_string()
                aria-invalid=invalid aria-describedby=described_by.clone()
                prop:value=value on:input=move |ev| set(event_target_value(&ev))></textarea>
        }.into_any(),
        _ => view! {
            <label class="mt-field__label" for=id.clone()>{label}</label>
            <input id=id class="mt-field__input" type="text" aria-required=field.required.to_string()
                aria-invalid=invalid aria-describedby=described_by.clone()
                prop:value=value on:input=move |ev| set(event_target_value(&ev)) />
        }.into_any(),
    };
    view! {
        <div class="mt-field" class:mt-field--invalid=move || error().is_some()>
            {control}
            {field.help_text.map(|h| view! { <p id=help_id class="mt-field__help">{h}</p> })}
            <p id=error_id class="mt-field__error">{error}</p>
        </div>
    }
}

/// A radio group for a choice field, named by the field's label.
#[component]
fn ChoiceGroup(
    /// Prefix of the radios' ids and their group name.
    id: String,
    /// The group's visible legend.
    label: String,
    /// The choice field.
    field: FieldDetails,
) -> impl IntoView {
    let state = expect_context::<FormState>();
    let name = StoredValue::new(field.name.clone());
    let invalid = move || name.with_value(|n| state.error(n)).is_some().to_string();
    let described_by = match field.help_text {
        Some(_) => format!("{id}-help {id}-error"),
        None => format!("{id}-error"),
    };
    let radios = field.allowed_values.iter().enumerate().map(|(i, choice)| {
        let value = choice.value().to_owned();
        let checked = value.clone();
        view! {
            <label class="mt-field__check">
                <input type="radio" id=format!("{id}-{i}") name=id.clone() value=value.clone()
                    prop:checked=move || name.with_value(|n| state.value(n)) == checked
                    on:change=move |_| name.with_value(|n| state.set(n, value.clone())) />
                " " {choice.label().to_owned()}
            </label>
        }
    });
    view! {
        <fieldset class="mt-field__group" role="radiogroup" aria-invalid=invalid
            aria-describedby=described_by>
            <legend class="mt-field__label">{label}</legend>
            {radios.collect_view()}
        </fieldset>
    }
}

/// A value the app cannot edit, shown as its raw JSON text (never as HTML).
#[component]
fn RawValue(
    /// What the value is.
    label: String,
    /// The value as the server sent it.
    raw: serde_json::Value,
) -> impl IntoView {
    let text = serde_json::to_string_pretty(&raw).unwrap_or_else(|_| raw.to_string());
    view! {
        <div class="mt-field mt-field--raw">
            <span class="mt-field__label">{label}</span>
            <pre class="mt-field__raw">{text}</pre>
        </div>
    }
}

/// What was chosen: each field of the form that has a value, with the value's label.
#[component]
pub fn SelectionSummary(
    /// The form as the server holds it after the submission.
    form: FormDetails,
) -> impl IntoView {
    let rows = describe_values(&form.fields());
    view! {
        <dl class="mt-selection__chosen">
            {rows.into_iter().map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> }).collect_view()}
        </dl>
    }
}
