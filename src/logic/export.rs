//! The current view of a tab as a file: CSV for spreadsheets and JSON (the items as the
//! API sent them) for scripts, named after the tab, the owner and the day.

use chrono::{DateTime, SecondsFormat, Utc};
use wire::WorkItem;

use super::involved::involved;
use crate::t;

/// The CSV's header row, in column order, in the person's language: the CSV is read by a
/// person in a spreadsheet. The cells below stay data (API spellings such as `Pending`,
/// ISO 8601 times), and the JSON export keeps the API's own English keys.
pub fn csv_header() -> [String; 12] {
    [
        t!("export-column-id"),
        t!("export-column-name"),
        t!("export-column-type"),
        t!("export-column-state"),
        t!("export-column-requester"),
        t!("export-column-identities"),
        t!("export-column-accounts"),
        t!("export-column-sources"),
        t!("export-column-created"),
        t!("export-column-modified"),
        t!("export-column-completed"),
        t!("export-column-description"),
    ]
}

/// The CSV's field separator in the person's language: the one their spreadsheet splits a
/// double-clicked file on (a semicolon in German, whose decimal separator is the comma).
/// Anything but one character is taken as a comma.
pub fn csv_separator() -> char {
    let text = t!("export-csv-separator");
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c,
        _ => ',',
    }
}

/// One CSV field: quoted when it holds a separator any spreadsheet splits on (a comma, a
/// semicolon or a tab, whichever this file uses: one that splits on the other would
/// otherwise start a cell, perhaps a formula, inside the text), a quote or a line break
/// (quotes doubled), and a text a spreadsheet would run as a formula (starting with `=`,
/// `+`, `-`, `@`, a tab or a carriage return) is made plain text with a leading `'`.
pub fn csv_field(text: &str, separator: char) -> String {
    let text = match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    };
    if text.contains([separator, ',', ';', '\t', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn time(at: Option<DateTime<Utc>>) -> String {
    at.map(|t| t.to_rfc3339_opts(SecondsFormat::Secs, true))
        .unwrap_or_default()
}

/// The items as CSV (RFC 4180: CRLF line ends, a header row), one line per item, with the
/// person's separator ([`csv_separator`]). It starts with a byte-order mark, which is how a
/// spreadsheet (Excel above all) knows the file is UTF-8 and shows `ü` and Arabic as they
/// are; without it Excel reads the bytes in the computer's legacy code page.
pub fn to_csv<'a>(items: impl IntoIterator<Item = &'a WorkItem>) -> String {
    let separator = csv_separator();
    let join = |fields: &[String]| {
        let fields: Vec<String> = fields.iter().map(|f| csv_field(f, separator)).collect();
        fields.join(separator.encode_utf8(&mut [0; 4]))
    };
    let mut out = String::from('\u{feff}');
    out.push_str(&join(&csv_header()));
    out.push_str("\r\n");
    for item in items {
        let found = involved(item);
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let fields = [
            text(&item.id),
            text(&item.name),
            item.work_item_type
                .as_ref()
                .map(|t| t.as_str().to_owned())
                .unwrap_or_default(),
            item.state
                .as_ref()
                .map(|s| s.as_str().to_owned())
                .unwrap_or_default(),
            text(&item.requester_display_name),
            found.identities.join("; "),
            found.accounts.join("; "),
            found.sources.join("; "),
            time(item.created),
            time(item.modified),
            time(item.completed),
            text(&item.description),
        ];
        out.push_str(&join(&fields));
        out.push_str("\r\n");
    }
    out
}

/// The items as a JSON array, each as the API sent it.
pub fn to_json<'a>(items: impl IntoIterator<Item = &'a WorkItem>) -> String {
    let items: Vec<&WorkItem> = items.into_iter().collect();
    serde_json::to_string_pretty(&items).unwrap_or_else(|_| "[]".into())
}

/// `my-tasks-pending-alison.ferguso-2026-11-29.csv`: the tab, the owner (letters and digits
/// of any script kept, anything else a file name should not hold made `-`) and `day`, the
/// calendar date (year, month, day) where the person is.
pub fn file_name(tab: &str, owner: &str, day: (i32, u32, u32), extension: &str) -> String {
    let owner: String = owner
        .trim()
        .chars()
        .map(|c| match c {
            '.' | '_' | '-' => c,
            c if c.is_alphanumeric() => c,
            _ => '-',
        })
        .collect();
    let owner = if owner.is_empty() { "me".into() } else { owner };
    // The day by hand: chrono's `format` would bring its strftime parser into the bundle.
    let (year, month, day) = day;
    format!("my-tasks-{tab}-{owner}-{year:04}-{month:02}-{day:02}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use wire::{RemediationItemDetails, WorkItemState, WorkItemType};

    fn item() -> WorkItem {
        WorkItem {
            id: Some("w1".into()),
            name: Some("=HYPERLINK(\"http://evil\")".into()),
            description: Some("line one\nsaid \"hi\", then left".into()),
            requester_display_name: Some("@admin".into()),
            work_item_type: Some(WorkItemType::Generic),
            state: Some(WorkItemState::Pending),
            created: Some(Utc.with_ymd_and_hms(2026, 11, 1, 8, 30, 0).unwrap()),
            remediation_items: Some(vec![RemediationItemDetails {
                application_name: Some("GitHub".into()),
                target_name: Some("Fred.Astaire".into()),
                native_identity: Some("-fred".into()),
                ..Default::default()
            }]),
            ..Default::default()
        }
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_defuses_formulas() {
        assert_eq!(csv_field("plain", ','), "plain");
        assert_eq!(csv_field("a,b", ','), "\"a,b\"");
        assert_eq!(csv_field("a;b", ';'), "\"a;b\"");
        // The other separator too: a spreadsheet that splits on it would start a cell, a
        // formula perhaps, inside the text.
        assert_eq!(csv_field("a,b", ';'), "\"a,b\"");
        assert_eq!(csv_field("review;=1+1", ','), "\"review;=1+1\"");
        assert_eq!(csv_field("x\t=1", ','), "\"x\t=1\"");
        assert_eq!(csv_field("say \"x\"", ','), "\"say \"\"x\"\"\"");
        assert_eq!(csv_field("=1+2", ','), "'=1+2");
        assert_eq!(csv_field("+1", ','), "'+1");
        assert_eq!(csv_field("-1", ','), "'-1");
        assert_eq!(csv_field("@SUM(A1)", ','), "'@SUM(A1)");
        assert_eq!(csv_field("=A1,B1", ','), "\"'=A1,B1\"");
        assert_eq!(csv_field("", ','), "");
    }

    #[test]
    fn the_csv_has_a_byte_order_mark_a_header_and_one_quoted_line_per_item() {
        let csv = to_csv([&item()]);
        assert_eq!(
            csv,
            "\u{feff}id,name,type,state,requester,identities,accounts,sources,created,modified,completed,description\r\n\
             w1,\"'=HYPERLINK(\"\"http://evil\"\")\",Generic,Pending,'@admin,Fred.Astaire,'-fred,GitHub,\
             2026-11-01T08:30:00Z,,,\"line one\nsaid \"\"hi\"\", then left\"\r\n"
        );
    }

    #[test]
    fn the_csv_header_row_and_separator_are_the_persons_and_the_cells_stay_data() {
        for (tag, separator, header) in [
            (
                "de",
                ";",
                "ID;Name;Typ;Status;Antragsteller;Identitäten;Konten;Quellen;Erstellt;Geändert;Erledigt;Beschreibung",
            ),
            (
                "ar",
                ",",
                "المعرّف,الاسم,النوع,الحالة,مقدّم الطلب,الهويات,الحسابات,المصادر,أُنشئت,عُدّلت,اكتملت,الوصف",
            ),
        ] {
            let choice = crate::i18n::negotiate(Some(tag), &[], None);
            crate::i18n::install_for_test(&choice);
            let csv = to_csv([&item()]);
            let (first, rest) = csv.split_once("\r\n").unwrap();
            assert_eq!(first, format!("\u{feff}{header}"), "in {tag}");
            let s = separator;
            assert!(rest.starts_with(&format!("w1{s}")), "{rest}");
            assert!(rest.contains(&format!("{s}Generic{s}Pending{s}")), "{rest}");
            assert!(rest.contains("2026-11-01T08:30:00Z"), "{rest}");
            assert_eq!(csv_separator().to_string(), separator, "in {tag}");
        }
    }

    #[test]
    fn the_json_is_the_items_as_the_api_sent_them() {
        let json = to_json([&item()]);
        let back: Vec<WorkItem> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, [item()]);
        assert_eq!(to_json([]), "[]");
    }

    #[test]
    fn file_names_carry_tab_owner_and_day() {
        let day = (2026, 11, 29);
        assert_eq!(
            file_name("pending", "alison.ferguso", day, "csv"),
            "my-tasks-pending-alison.ferguso-2026-11-29.csv"
        );
        assert_eq!(
            file_name("completed", "Ada Lovelace/x", (2026, 1, 2), "json"),
            "my-tasks-completed-Ada-Lovelace-x-2026-01-02.json"
        );
        assert_eq!(
            file_name("pending", " ", day, "csv"),
            "my-tasks-pending-me-2026-11-29.csv"
        );
        // Names in any script keep their letters.
        assert_eq!(
            file_name("pending", "Jürgen Müller", day, "csv"),
            "my-tasks-pending-Jürgen-Müller-2026-11-29.csv"
        );
        assert_eq!(
            file_name("pending", "ليلى حداد", day, "csv"),
            "my-tasks-pending-ليلى-حداد-2026-11-29.csv"
        );
        assert_eq!(
            file_name("pending", "a\\b:c*\"d<e>|\u{200f}", day, "csv"),
            "my-tasks-pending-a-b-c--d-e----2026-11-29.csv"
        );
    }
}
