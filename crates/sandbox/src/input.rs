//! How text from a request is quoted back: in an error message or a log line a client's
//! text is cut short, so a megabyte of input never comes back (or into the log) whole.

use std::borrow::Cow;

/// Characters of a client's text that an error message quotes.
pub const ECHO_CHARS: usize = 100;

/// Characters of any one error message or logged cause. Messages quote client text through
/// [`echo`]; this bounds what else could carry it (a decoder's own error text).
pub const MESSAGE_CHARS: usize = 1_000;

/// `text` cut after its first `max` characters (never inside a character), with "…" added
/// when anything was cut.
pub fn clip(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
    }
}

/// A client's text as an error message quotes it: its first [`ECHO_CHARS`] characters.
pub fn echo(text: &str) -> Cow<'_, str> {
    clip(text, ECHO_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

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
