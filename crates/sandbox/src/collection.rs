//! ISC's standard collection parameters (`limit`, `offset`, `count`) and the other query
//! parameters of the list endpoints, validated into typed values; anything malformed is a
//! 400 naming the parameter.

use crate::error::ApiError;
use crate::input::echo;

/// The query string of a request, decoded into name/value pairs (first one wins).
#[derive(Debug, Clone, Default)]
pub struct QueryParams(Vec<(String, String)>);

impl QueryParams {
    /// Decodes a raw query string; undecodable input is a 400.
    pub fn parse(raw: Option<&str>) -> Result<QueryParams, ApiError> {
        let raw = raw.unwrap_or("");
        serde_urlencoded::from_str::<Vec<(String, String)>>(raw)
            .map(QueryParams)
            .map_err(|e| ApiError::BadRequest(format!("The query string is malformed: {e}")))
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// A boolean parameter (`true`/`false`), `default` when absent.
    pub fn bool(&self, name: &str, default: bool) -> Result<bool, ApiError> {
        match self.get(name) {
            None => Ok(default),
            Some(v) if v.eq_ignore_ascii_case("true") => Ok(true),
            Some(v) if v.eq_ignore_ascii_case("false") => Ok(false),
            Some(v) => Err(ApiError::invalid_parameter(
                name,
                format!("'{}' is not a boolean (true or false)", echo(v)),
            )),
        }
    }

    /// The standard collection parameters.
    pub fn page(&self) -> Result<Page, ApiError> {
        let limit = match self.get("limit") {
            None => wire::MAX_LIMIT,
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|l| *l <= wire::MAX_LIMIT)
                .ok_or_else(|| {
                    ApiError::invalid_parameter(
                        "limit",
                        format!(
                            "'{}' is not an integer from 0 to {}",
                            echo(v),
                            wire::MAX_LIMIT
                        ),
                    )
                })?,
        };
        let offset = match self.get("offset") {
            None => 0,
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|o| *o <= i32::MAX as u32)
                .ok_or_else(|| {
                    ApiError::invalid_parameter(
                        "offset",
                        format!("'{}' is not an integer >= 0", echo(v)),
                    )
                })?,
        };
        Ok(Page {
            limit,
            offset,
            count: self.bool("count", false)?,
        })
    }
}

/// A validated `limit`/`offset`/`count` triple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// At most this many results (0..=250).
    pub limit: u32,
    /// Skip this many results.
    pub offset: u32,
    /// Whether to send `X-Total-Count`.
    pub count: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(query: &str) -> Result<Page, ApiError> {
        QueryParams::parse(Some(query))?.page()
    }

    #[test]
    fn defaults_are_limit_250_offset_0_and_no_count() {
        assert_eq!(
            page("").unwrap(),
            Page {
                limit: 250,
                offset: 0,
                count: false
            }
        );
    }

    #[test]
    fn bad_values_are_refused_naming_the_parameter() {
        for (query, name) in [
            ("limit=251", "limit"),
            ("limit=-1", "limit"),
            ("limit=ten", "limit"),
            ("offset=-5", "offset"),
            ("count=yes", "count"),
        ] {
            let error = page(query).unwrap_err().to_string();
            assert!(error.contains(&format!("'{name}'")), "{query}: {error}");
        }
    }
}
