//! Which language to speak: the languages the app has, and the choice between what the
//! person picked, what their browser asks for and what `config.json` sets as the default.
//! Plain logic, tested on the host.

/// A language the app is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, the language the app is written in.
    En,
    /// German.
    De,
    /// Arabic, written right to left.
    Ar,
}

impl Lang {
    /// Every language, in the order the picker lists them.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::De, Lang::Ar];

    /// The BCP 47 tag: `<html lang>`, localStorage and `config.json` use it.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::De => "de",
            Lang::Ar => "ar",
        }
    }

    /// The writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En | Lang::De => "ltr",
        }
    }

    /// The language's name in itself, as a picker shows it to someone who reads only it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::De => "Deutsch",
            Lang::Ar => "العربية",
        }
    }

    /// The language of a tag such as `de-CH` or `AR`, when the app has it.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?;
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(primary))
    }
}

/// The language to speak and the locale `Intl` formats with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The words.
    pub lang: Lang,
    /// The tag dates and numbers follow: the browser's own tag when it names the same
    /// language (`de-CH` keeps Swiss number grouping, `en-GB` day-first dates), else the
    /// language's tag.
    pub intl_locale: String,
}

/// Chooses the language: the person's own pick (`stored`, from the picker) first, then the
/// first of the browser's languages (`navigator.languages`, in order of preference) the app
/// has, then the deployment's default (`config.json`'s `locale`), then English.
pub fn negotiate(stored: Option<&str>, browser: &[String], default: Option<Lang>) -> Choice {
    let lang = stored
        .and_then(Lang::from_tag)
        .or_else(|| browser.iter().find_map(|tag| Lang::from_tag(tag)))
        .or(default)
        .unwrap_or(Lang::En);
    let intl_locale = browser
        .iter()
        .find(|tag| Lang::from_tag(tag) == Some(lang) && is_plain_tag(tag))
        .cloned()
        .unwrap_or_else(|| lang.tag().to_owned());
    Choice { lang, intl_locale }
}

/// Whether `tag` looks like a BCP 47 tag (letters, digits and hyphens), so that handing it
/// to `Intl` cannot throw.
fn is_plain_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !tag.starts_with('-')
        && !tag.ends_with('-')
        && !tag.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn the_first_browser_language_the_app_has_wins_and_keeps_its_region() {
        let choice = negotiate(None, &tags(&["fr-FR", "de-CH", "en-US"]), None);
        assert_eq!(choice.lang, Lang::De);
        assert_eq!(choice.intl_locale, "de-CH");
    }

    #[test]
    fn the_persons_pick_beats_the_browser_and_the_default() {
        let choice = negotiate(Some("ar"), &tags(&["de-DE"]), Some(Lang::De));
        assert_eq!(choice.lang, Lang::Ar);
        assert_eq!(choice.intl_locale, "ar");
    }

    #[test]
    fn the_config_default_applies_when_the_browser_asks_for_nothing_the_app_has() {
        let choice = negotiate(None, &tags(&["fr-FR", "ja"]), Some(Lang::De));
        assert_eq!(choice.lang, Lang::De);
        assert_eq!(negotiate(None, &tags(&["fr"]), None).lang, Lang::En);
        assert_eq!(negotiate(None, &[], None).intl_locale, "en");
    }

    #[test]
    fn a_stored_pick_that_is_not_a_language_of_the_app_is_ignored() {
        let choice = negotiate(Some("klingon"), &tags(&["en-GB"]), None);
        assert_eq!(choice.lang, Lang::En);
        assert_eq!(choice.intl_locale, "en-GB");
    }

    #[test]
    fn tags_match_on_their_primary_language_in_any_case() {
        assert_eq!(Lang::from_tag("AR-eg"), Some(Lang::Ar));
        assert_eq!(Lang::from_tag("de_AT"), Some(Lang::De));
        assert_eq!(Lang::from_tag("dex"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::De.dir(), "ltr");
    }

    #[test]
    fn a_malformed_browser_tag_never_reaches_intl() {
        let choice = negotiate(None, &tags(&["de-<x>"]), None);
        assert_eq!(choice.lang, Lang::De);
        assert_eq!(choice.intl_locale, "de");
    }
}
