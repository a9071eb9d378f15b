//! Who and what a work item involves: the sources, identities and accounts named by its
//! approval items, remediation items and form, as Task Manager lists them.

use wire::WorkItem;

/// The sources, identities and accounts a work item involves, each de-duplicated in
/// order of appearance.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Involved {
    /// Application / source names.
    pub sources: Vec<String>,
    /// Identities the work is about (display names where known).
    pub identities: Vec<String>,
    /// Accounts (native identities).
    pub accounts: Vec<String>,
}

fn push(into: &mut Vec<String>, value: Option<&String>) {
    if let Some(value) = value.map(|v| v.trim()).filter(|v| !v.is_empty()) {
        if !into.iter().any(|known| known == value) {
            into.push(value.to_owned());
        }
    }
}

/// Reads what `item` involves.
pub fn involved(item: &WorkItem) -> Involved {
    let mut found = Involved::default();
    for approval in item.approval_items() {
        push(&mut found.sources, approval.application.as_ref());
        push(&mut found.accounts, approval.account.as_ref());
    }
    for remediation in item.remediation_items() {
        push(&mut found.sources, remediation.application_name.as_ref());
        push(
            &mut found.identities,
            remediation
                .target_display_name
                .as_ref()
                .or(remediation.target_name.as_ref()),
        );
        push(&mut found.accounts, remediation.native_identity.as_ref());
    }
    if let Some(form) = &item.form {
        push(&mut found.identities, form.target_user.as_ref());
    }
    found
}

/// Every source involved by any of `items`, sorted, for the source filter.
pub fn all_sources(items: &[WorkItem]) -> Vec<String> {
    let mut sources: Vec<String> = Vec::new();
    for item in items {
        for source in involved(item).sources {
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    }
    sources.sort_by_key(|s| s.to_lowercase());
    sources
}

#[cfg(test)]
mod tests {
    use super::*;
    use wire::{ApprovalItemDetails, FormDetails, RemediationItemDetails};

    fn fred_item() -> WorkItem {
        WorkItem {
            remediation_items: Some(vec![RemediationItemDetails {
                target_name: Some("Fred.Astaire".into()),
                application_name: Some("GitHub".into()),
                native_identity: Some("fred-astaire-sp".into()),
                ..Default::default()
            }]),
            approval_items: Some(vec![
                ApprovalItemDetails {
                    application: Some("GitHub".into()),
                    account: Some("fred-astaire-sp".into()),
                    ..Default::default()
                },
                ApprovalItemDetails {
                    application: Some(" Okta ".into()),
                    account: None,
                    ..Default::default()
                },
            ]),
            form: Some(FormDetails {
                target_user: Some("Jane.Doe".into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    #[test]
    fn sources_identities_and_accounts_come_from_every_part_without_duplicates() {
        let found = involved(&fred_item());
        assert_eq!(found.sources, ["GitHub", "Okta"]);
        assert_eq!(found.identities, ["Fred.Astaire", "Jane.Doe"]);
        assert_eq!(found.accounts, ["fred-astaire-sp"]);
    }

    #[test]
    fn the_display_name_wins_over_the_target_name_and_empty_values_are_skipped() {
        let item = WorkItem {
            remediation_items: Some(vec![RemediationItemDetails {
                target_name: Some("fred".into()),
                target_display_name: Some("Fred Astaire".into()),
                application_name: Some("  ".into()),
                ..Default::default()
            }]),
            ..Default::default()
        };
        let found = involved(&item);
        assert_eq!(found.identities, ["Fred Astaire"]);
        assert!(found.sources.is_empty());
    }

    #[test]
    fn all_sources_are_sorted_case_insensitively() {
        let other = WorkItem {
            approval_items: Some(vec![ApprovalItemDetails {
                application: Some("active Directory".into()),
                ..Default::default()
            }]),
            ..Default::default()
        };
        assert_eq!(
            all_sources(&[fred_item(), other]),
            ["active Directory", "GitHub", "Okta"]
        );
    }
}
