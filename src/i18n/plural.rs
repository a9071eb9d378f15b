//! Which plural form a count takes (`one`, `few`, `other`…) in a language. The browser's
//! `Intl.PluralRules` knows every language's CLDR rules, so the bundle carries none; the
//! host tests ask the same CLDR rules from `intl_pluralrules`.

use super::Lang;

/// The CLDR plural category of `n` in `lang`.
#[cfg(target_arch = "wasm32")]
pub fn category(lang: Lang, n: f64) -> String {
    super::intl::plural(lang.tag(), n)
}

/// The CLDR plural category of `n` in `lang`.
#[cfg(not(target_arch = "wasm32"))]
pub fn category(lang: Lang, n: f64) -> String {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let id: unic_langid::LanguageIdentifier = lang.tag().parse().expect("a language tag");
    let rules = PluralRules::create(id, PluralRuleType::CARDINAL).expect("rules for the language");
    let category = rules.select(n).expect("a plural category");
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
    .to_owned()
}
