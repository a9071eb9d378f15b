//! Words and numbers for people: names, relative ages, waiting times, type names, counts.

use chrono::{DateTime, Utc};
use wire::{PublicIdentity, WorkItem, WorkItemType};

/// What a person is called: name, else alias, else id.
pub fn display_name(person: &PublicIdentity) -> String {
    person
        .name
        .clone()
        .or_else(|| person.alias.clone())
        .or_else(|| person.id.clone())
        .unwrap_or_default()
}

/// A work item's name as shown, or a placeholder when it has none.
pub fn item_name(item: &WorkItem) -> String {
    item.name.clone().unwrap_or_else(|| "(no name)".into())
}

/// "just now", "5 minutes ago", "3 days ago", "in 2 hours" (English, like the rest of the UI).
pub fn relative_time(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (now - then).num_seconds();
    let (future, seconds) = (seconds < 0, seconds.unsigned_abs());
    let units: [(u64, &str); 6] = [
        (365 * 86_400, "year"),
        (30 * 86_400, "month"),
        (7 * 86_400, "week"),
        (86_400, "day"),
        (3_600, "hour"),
        (60, "minute"),
    ];
    let Some((size, unit)) = units.into_iter().find(|(size, _)| seconds >= *size) else {
        return "just now".into();
    };
    let n = seconds / size;
    let plural = if n == 1 { "" } else { "s" };
    if future {
        format!("in {n} {unit}{plural}")
    } else {
        format!("{n} {unit}{plural} ago")
    }
}

/// A type as people read it: "ViolationReview" becomes "Violation review".
pub fn type_label(kind: &WorkItemType) -> String {
    let mut label = String::new();
    for (i, c) in kind.as_str().chars().enumerate() {
        if i > 0 && c.is_uppercase() {
            label.push(' ');
            label.extend(c.to_lowercase());
        } else {
            label.push(c);
        }
    }
    label
}

/// How long an item has waited, for the age column: "3 days", "5 hours", "under a minute".
pub fn waited(then: DateTime<Utc>, now: DateTime<Utc>) -> String {
    match relative_time(then, now) {
        text if text == "just now" || text.starts_with("in ") => "under a minute".into(),
        text => text.trim_end_matches(" ago").to_owned(),
    }
}

/// A count with thousands separators, as the English UI writes it: "5,022".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    #[test]
    fn a_person_without_a_name_is_shown_by_alias() {
        let person = PublicIdentity {
            alias: Some("fred.astaire".into()),
            ..PublicIdentity::default()
        };
        assert_eq!(display_name(&person), "fred.astaire");
    }

    #[test]
    fn relative_time_picks_the_largest_whole_unit() {
        let now = "2024-05-01T12:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(relative_time(now - Duration::seconds(30), now), "just now");
        assert_eq!(
            relative_time(now - Duration::minutes(1), now),
            "1 minute ago"
        );
        assert_eq!(relative_time(now - Duration::hours(5), now), "5 hours ago");
        assert_eq!(relative_time(now - Duration::days(3), now), "3 days ago");
        assert_eq!(relative_time(now - Duration::days(15), now), "2 weeks ago");
        assert_eq!(relative_time(now - Duration::days(400), now), "1 year ago");
        assert_eq!(relative_time(now + Duration::hours(2), now), "in 2 hours");
    }

    #[test]
    fn waited_drops_ago_and_thousands_get_commas() {
        let now = "2024-05-01T12:00:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(waited(now - Duration::days(3), now), "3 days");
        assert_eq!(waited(now - Duration::seconds(5), now), "under a minute");
        assert_eq!(waited(now + Duration::hours(1), now), "under a minute");
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_250), "1,250");
        assert_eq!(thousands(20_000_000), "20,000,000");
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
