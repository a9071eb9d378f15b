//! Pure URL building for the API client: paths, query strings and the identity-search
//! filter. Only the `api` module uses it.

/// Paging of a collection: `limit`/`offset`, and whether to ask for `X-Total-Count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paging {
    /// At most this many items (1..=250).
    pub limit: u32,
    /// Skip this many items.
    pub offset: u32,
    /// Ask for the total in `X-Total-Count`.
    pub count: bool,
}

impl Default for Paging {
    fn default() -> Self {
        Paging {
            limit: wire::MAX_LIMIT,
            offset: 0,
            count: true,
        }
    }
}

impl Paging {
    /// The query pairs.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("limit", self.limit.to_string()),
            ("offset", self.offset.to_string()),
            ("count", self.count.to_string()),
        ]
    }
}

pub use crate::routes::segment;

/// `base + path`, plus `?query` when there are pairs.
pub fn url(base: &str, path: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return format!("{base}{path}");
    }
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (key, value) in pairs {
        query.append_pair(key, value);
    }
    format!("{base}{path}?{}", query.finish())
}

/// Pairs for an optional `ownerId` (admins viewing someone else's work).
pub fn owner_pair(owner_id: Option<&str>) -> Vec<(&'static str, String)> {
    owner_id
        .map(|id| ("ownerId", id.to_owned()))
        .into_iter()
        .collect()
}

/// The public-identities `filters` expression that finds people by (part of) their name.
/// One word matches the start of the first name, last name or alias; two or more words
/// match "first last".
pub fn identity_name_filter(name: &str) -> Option<String> {
    let quote = |s: &str| format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""));
    let words: Vec<&str> = name.split_whitespace().collect();
    match words.as_slice() {
        [] => None,
        [one] => Some(format!(
            "firstname sw {q} or lastname sw {q} or alias sw {q}",
            q = quote(one)
        )),
        [first, rest @ ..] => Some(format!(
            "firstname sw {} and lastname sw {}",
            quote(first),
            quote(&rest.join(" "))
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_encode_query_values_and_path_segments() {
        assert_eq!(
            url("", "/v2024/work-items", &[("ownerId", "a b&c".into())]),
            "/v2024/work-items?ownerId=a+b%26c"
        );
        assert_eq!(segment("../x y"), "..%2Fx%20y");
        assert_eq!(url("https://h", "/p", &[]), "https://h/p");
    }

    #[test]
    fn a_name_search_becomes_a_starts_with_filter_with_quotes_escaped() {
        assert_eq!(identity_name_filter("  "), None);
        assert_eq!(
            identity_name_filter("Fred").unwrap(),
            r#"firstname sw "Fred" or lastname sw "Fred" or alias sw "Fred""#
        );
        assert_eq!(
            identity_name_filter("Alison Fer").unwrap(),
            r#"firstname sw "Alison" and lastname sw "Fer""#
        );
        assert_eq!(
            identity_name_filter(r#"a"b"#).unwrap(),
            r#"firstname sw "a\"b" or lastname sw "a\"b" or alias sw "a\"b""#
        );
    }
}
