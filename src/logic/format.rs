//! Words for people: names and type names. Times and counts are the browser's `Intl`'s
//! ([`crate::i18n::intl`]).

use wire::{PublicIdentity, WorkItem, WorkItemType};

use crate::t;

/// What a person is called: name, else alias, else id.
pub fn display_name(person: &PublicIdentity) -> String {
    person
        .name
        .clone()
        .or_else(|| person.alias.clone())
        .or_else(|| person.id.clone())
        .unwrap_or_default()
}

/// `parts` as one list in the person's language ("Ada, GitHub"; Arabic's comma is "،"),
/// each part isolated in its own direction (U+2068 … U+2069, what `<bdi>` does in markup),
/// so a Latin account in an Arabic list, or an Arabic name in a Latin one, keeps its order.
pub fn list(parts: &[String]) -> String {
    let separator = t!("list-separator");
    let mut listed = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            listed.push_str(&separator);
        }
        listed.push('\u{2068}');
        listed.push_str(part);
        listed.push('\u{2069}');
    }
    listed
}

/// The direction of a table cell showing `text` on a page written right to left
/// (`rtl_page`) or not: the page's own, when the text holds any letter written that way;
/// else the text's. So "ليلى حداد, layla-haddad-sp" reads from its name on an English page
/// (and is shortened at its end), and "Fred Astaire, fred-sp" keeps its start on an Arabic
/// one. (`dir="auto"` takes the first letter's direction, which turned the first cell
/// round.)
pub fn cell_direction(text: &str, rtl_page: bool) -> &'static str {
    use crate::i18n::is_rtl_char;
    let page_way = |c: char| c.is_alphabetic() && is_rtl_char(c) == rtl_page;
    let other_way = |c: char| c.is_alphabetic() && is_rtl_char(c) != rtl_page;
    match (text.chars().any(page_way), text.chars().any(other_way)) {
        (false, true) if rtl_page => "ltr",
        (false, true) => "rtl",
        _ if rtl_page => "rtl",
        _ => "ltr",
    }
}

/// A work item's name as shown, or a placeholder when it has none.
pub fn item_name(item: &WorkItem) -> String {
    item.name.clone().unwrap_or_else(|| t!("item-no-name"))
}

/// A type as people read it, in their language: "Violation review", "Verstoßprüfung"; a
/// type this app does not know yet is split from camel case ("newThing" is "new thing").
pub fn type_label(kind: &WorkItemType) -> String {
    match kind {
        WorkItemType::Other(name) => split_camel_case(name),
        known => t!("work-item-type", kind = known.as_str()),
    }
}

/// An operation the API names, in the person's language ("Hinzufügen" for `Add`, whatever
/// its case); one the app does not know as the API wrote it; `None` when there is none.
pub fn operation_label(op: Option<&str>) -> Option<String> {
    let op = op.filter(|op| !op.is_empty())?;
    Some(t!(
        "operation-value",
        op = op.to_ascii_lowercase().as_str(),
        raw = op
    ))
}

fn split_camel_case(name: &str) -> String {
    let mut label = String::new();
    for (i, c) in name.chars().enumerate() {
        if i > 0 && c.is_uppercase() {
            label.push(' ');
            label.extend(c.to_lowercase());
        } else {
            label.push(c);
        }
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_person_without_a_name_is_shown_by_alias() {
        let person = PublicIdentity {
            alias: Some("fred.astaire".into()),
            ..PublicIdentity::default()
        };
        assert_eq!(display_name(&person), "fred.astaire");
    }

    #[test]
    fn operations_are_in_the_persons_language_and_unknown_ones_as_written() {
        let choice = crate::i18n::negotiate(Some("de"), &[], None);
        crate::i18n::install_for_test(&choice);
        assert_eq!(operation_label(Some("Add")).as_deref(), Some("Hinzufügen"));
        assert_eq!(operation_label(Some("delete")).as_deref(), Some("Löschen"));
        assert_eq!(operation_label(Some("Rotate")).as_deref(), Some("Rotate"));
        assert_eq!(operation_label(Some("")), None);
        assert_eq!(operation_label(None), None);
    }

    #[test]
    fn a_cell_runs_the_pages_way_unless_none_of_its_letters_do() {
        assert_eq!(cell_direction("ليلى حداد, layla-haddad-sp", false), "ltr");
        assert_eq!(cell_direction("ليلى حداد", false), "rtl");
        assert_eq!(cell_direction("Fred Astaire, fred-sp", true), "ltr");
        assert_eq!(cell_direction("ليلى حداد, layla-haddad-sp", true), "rtl");
        assert_eq!(cell_direction("Fred Astaire", false), "ltr");
        assert_eq!(cell_direction("—", true), "rtl");
    }

    #[test]
    fn type_labels_split_camel_case() {
        assert_eq!(
            type_label(&WorkItemType::ViolationReview),
            "Violation review"
        );
        assert_eq!(type_label(&WorkItemType::Generic), "Generic");
        assert_eq!(
            type_label(&WorkItemType::Other("newThing".into())),
            "new thing"
        );
    }
}
