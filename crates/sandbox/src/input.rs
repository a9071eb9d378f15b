//! Bounds on the free text a client may send, and how text from a request is quoted back:
//! in an error message or a log line a client's text is cut short, so a megabyte of input
//! never comes back (or into the log) whole.

use std::borrow::Cow;

use crate::error::ApiError;

/// Longest comment (forward, Mark Complete) or free-text form value accepted, in characters.
/// The spec sets no `maxLength`; a comment is a note of a few sentences, and every change
/// stores the item again with its history (the latest [`crate::workflow::MAX_HISTORY`]
/// entries, each with its comment), so this bound is what bounds a stored item. 2,000
/// characters is a page of text and at most about 8 KB per history entry.
/// The app's forward dialog checks the same bound (`wire::MAX_COMMENT_CHARS`).
pub const MAX_COMMENT_CHARS: usize = wire::MAX_COMMENT_CHARS;

/// Longest identity id accepted (`targetOwnerId`), in characters. ISC's ids are 32 hex
/// digits; this leaves room for other id forms without storing or looking up a megabyte.
pub const MAX_ID_CHARS: usize = 128;

/// A 400 naming `field` when `text` is longer than `max` characters.
pub fn check_length(field: &str, text: &str, max: usize) -> Result<(), ApiError> {
    // Counting stops one past the bound: a megabyte costs no more than a long comment.
    if text.chars().nth(max).is_none() {
        return Ok(());
    }
    Err(ApiError::BadRequest(format!(
        "The field '{}' must be at most {max} characters long.",
        echo(field)
    )))
}

/// Characters of a client's text that an error message quotes.
pub const ECHO_CHARS: usize = 100;

/// Characters of any one error message or logged cause. Messages quote client text through
/// [`echo`]; this bounds what else could carry it (a decoder's own error text).
pub const MESSAGE_CHARS: usize = 1_000;

pub use wire::clip;

/// A client's text as an error message quotes it: its first [`ECHO_CHARS`] characters.
pub fn echo(text: &str) -> Cow<'_, str> {
    clip(text, ECHO_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_measured_in_characters_not_bytes() {
        assert!(check_length("comment", &"é".repeat(2_000), MAX_COMMENT_CHARS).is_ok());
        let refused = check_length("comment", &"é".repeat(2_001), MAX_COMMENT_CHARS);
        let message = refused.unwrap_err().to_string();
        assert!(message.contains("'comment'"), "{message}");
        assert!(message.contains("2000"), "{message}");
    }

    #[test]
    fn short_text_is_quoted_whole() {
        assert_eq!(echo("abc"), "abc");
        let exactly = "x".repeat(ECHO_CHARS);
        assert_eq!(echo(&exactly), exactly);
    }

    #[test]
    fn long_text_is_cut_on_a_character_boundary_and_marked() {
        let long = "é".repeat(600_000);
        let quoted = echo(&long);
        assert_eq!(quoted.chars().count(), ECHO_CHARS + 1);
        assert!(quoted.ends_with('…'));
        assert!(quoted.starts_with("éé"));
        assert_eq!(clip("a🦀b", 1), "a…");
        assert_eq!(clip("a🦀b", 2), "a🦀…");
    }
}
