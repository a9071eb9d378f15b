//! The words of the sign-in page in the app's three languages, chosen by the request's
//! `Accept-Language`. A small table of its own: the sandbox cannot use the app's
//! catalogues (they are compiled into the browser build), so where the two overlap the
//! words here are copied from `locales/<lang>/core.ftl` ("My Tasks", "Sign in").

/// A language the sign-in page is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    /// English, also for a browser that asks for none of the three.
    En,
    /// German.
    De,
    /// Arabic, written right to left.
    Ar,
}

impl Lang {
    /// The BCP 47 tag, for `<html lang>` and `Content-Language`.
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

    fn from_primary(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?;
        [Lang::En, Lang::De, Lang::Ar]
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(primary))
    }

    /// The language `Accept-Language` prefers most among the three (the highest `q`,
    /// the earliest on a tie; `q=0` refuses one), English when it names none of them
    /// or is missing. `*` counts as English.
    pub fn from_accept_language(header: Option<&str>) -> Lang {
        let mut best: Option<(u16, Lang)> = None;
        for entry in header.unwrap_or_default().split(',').take(32) {
            let mut parts = entry.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let quality = parts
                .find_map(|p| p.trim().strip_prefix("q=").map(quality))
                .unwrap_or(Some(1000));
            let (Some(quality), Some(lang)) = (
                quality,
                if tag == "*" {
                    Some(Lang::En)
                } else {
                    Lang::from_primary(tag)
                },
            ) else {
                continue;
            };
            if quality > 0 && best.is_none_or(|(q, _)| quality > q) {
                best = Some((quality, lang));
            }
        }
        best.map_or(Lang::En, |(_, lang)| lang)
    }

    /// The first of the languages a client asked the page in (`ui_locales`: tags separated
    /// by spaces, preferred first) that the page has; `None` when it asked for none of them.
    pub fn asked(ui_locales: Option<&str>) -> Option<Lang> {
        ui_locales?
            .split_ascii_whitespace()
            .take(32)
            .find_map(Lang::from_primary)
    }

    /// The language of a request's `Accept-Language` header ([`Lang::from_accept_language`]).
    pub fn from_headers(headers: &axum::http::HeaderMap) -> Lang {
        Lang::from_accept_language(
            headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|value| value.to_str().ok()),
        )
    }

    /// The sign-in page's words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
            Lang::De => &DE,
            Lang::Ar => &AR,
        }
    }
}

/// A `q` value in thousandths (`0.5` is 500), or `None` when it is not one.
fn quality(text: &str) -> Option<u16> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.len() > 3 || !fraction.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

/// Everything the sign-in page says.
#[derive(Debug)]
pub struct Words {
    /// The document's title.
    pub title: &'static str,
    /// The page's heading.
    pub heading: &'static str,
    /// The line under the heading.
    pub lead: &'static str,
    /// A person's button; `{name}` is replaced by their (escaped, isolated) name.
    pub sign_in_as: &'static str,
    /// After an admin's button.
    pub admin: &'static str,
    /// The title of the page for a refused sign-in request.
    pub refused_title: &'static str,
    /// Its heading.
    pub refused_heading: &'static str,
    /// What the person can do; the technical reason follows it.
    pub refused_lead: &'static str,
}

static EN: Words = Words {
    title: "Sign in · My Tasks sandbox",
    heading: "Sign in to the My Tasks sandbox",
    lead: "Choose a demo identity. This sandbox has no passwords.",
    sign_in_as: "Sign in as {name}",
    admin: "(admin)",
    refused_title: "Sign-in refused · My Tasks sandbox",
    refused_heading: "This sign-in request cannot be used",
    refused_lead:
        "The app that sent you here asked to sign you in in a way this sandbox does not accept, \
                   so it cannot send you back. Tell whoever set the app up what the sandbox found:",
};

static DE: Words = Words {
    title: "Anmelden · Sandbox von Meine Aufgaben",
    heading: "Bei der Sandbox von Meine Aufgaben anmelden",
    lead: "Wählen Sie eine Demo-Identität. Diese Sandbox hat keine Passwörter.",
    sign_in_as: "Anmelden als {name}",
    admin: "(Administrator)",
    refused_title: "Anmeldung abgelehnt · Sandbox von Meine Aufgaben",
    refused_heading: "Diese Anmeldeanfrage kann nicht verwendet werden",
    refused_lead: "Die App, die Sie hierher geschickt hat, hat die Anmeldung auf eine Weise angefragt, \
                   die diese Sandbox nicht annimmt, daher kann sie Sie nicht zurückschicken. Teilen Sie \
                   der Person, die die App eingerichtet hat, mit, was die Sandbox festgestellt hat:",
};

static AR: Words = Words {
    title: "تسجيل الدخول · بيئة مهامي التجريبية",
    heading: "سجّل الدخول إلى بيئة مهامي التجريبية",
    lead: "اختر هوية تجريبية. لا توجد كلمات مرور في هذه البيئة التجريبية.",
    sign_in_as: "تسجيل الدخول باسم {name}",
    admin: "(مسؤول)",
    refused_title: "رُفض تسجيل الدخول · بيئة مهامي التجريبية",
    refused_heading: "لا يمكن استخدام طلب تسجيل الدخول هذا",
    refused_lead:
        "طلب التطبيق الذي أرسلك إلى هنا تسجيل دخولك بطريقة لا تقبلها هذه البيئة التجريبية، \
                   لذا لا يمكنها إعادتك إليه. أبلغ من أعدّ التطبيق بما وجدته البيئة التجريبية:",
};

#[cfg(test)]
mod tests {
    #[test]
    fn the_language_asked_for_comes_first_when_the_page_has_it() {
        assert_eq!(Lang::asked(Some("de")), Some(Lang::De));
        assert_eq!(Lang::asked(Some("fr-CA ar-EG de")), Some(Lang::Ar));
        assert_eq!(Lang::asked(Some("fr ja")), None);
        assert_eq!(Lang::asked(Some("")), None);
        assert_eq!(Lang::asked(None), None);
    }

    use super::*;

    fn pick(header: &str) -> Lang {
        Lang::from_accept_language(Some(header))
    }

    #[test]
    fn the_most_preferred_of_the_three_languages_wins() {
        assert_eq!(pick("de-DE,de;q=0.9,en;q=0.8"), Lang::De);
        assert_eq!(pick("ar"), Lang::Ar);
        assert_eq!(pick("fr-FR, de;q=0.5, ar;q=0.4"), Lang::De);
        assert_eq!(pick("en;q=0.2, AR-eg;q=0.9"), Lang::Ar);
        assert_eq!(pick("de;q=0.7, ar;q=0.7"), Lang::De);
    }

    #[test]
    fn english_when_nothing_usable_is_asked_for() {
        assert_eq!(Lang::from_accept_language(None), Lang::En);
        assert_eq!(pick(""), Lang::En);
        assert_eq!(pick("fr, ja;q=0.5"), Lang::En);
        assert_eq!(pick("*"), Lang::En);
        assert_eq!(pick("de;q=0, fr"), Lang::En);
        assert_eq!(pick("de;q=banana, ar;q=2"), Lang::En);
        assert_eq!(pick(";;;,,,q=,"), Lang::En);
    }

    #[test]
    fn q_values_are_read_to_three_decimals() {
        assert_eq!(quality("1"), Some(1000));
        assert_eq!(quality("1.000"), Some(1000));
        assert_eq!(quality("0.5"), Some(500));
        assert_eq!(quality("0.125"), Some(125));
        assert_eq!(quality("0"), Some(0));
        assert_eq!(quality("0.1234"), None);
        assert_eq!(quality("1.5"), None);
        assert_eq!(quality("-0.5"), None);
    }

    #[test]
    fn every_language_has_every_word_and_a_place_for_the_name() {
        for lang in [Lang::En, Lang::De, Lang::Ar] {
            let words = lang.words();
            assert!(words.sign_in_as.contains("{name}"), "{}", lang.tag());
            for text in [
                words.title,
                words.heading,
                words.lead,
                words.admin,
                words.refused_title,
                words.refused_heading,
                words.refused_lead,
            ] {
                assert!(!text.is_empty(), "{}", lang.tag());
            }
        }
        assert_ne!(Lang::De.words().lead, Lang::En.words().lead);
        assert_eq!(Lang::Ar.dir(), "rtl");
    }
}
