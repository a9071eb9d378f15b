//! The person's language. [`lang`] chooses it, the words come from Fluent catalogues
//! (`locales/<tag>/*.ftl`) that `build.rs` compiles into static tables, plural forms come
//! from the browser's `Intl.PluralRules`, and [`intl`] has the browser write dates, times
//! and numbers. `t!("id", name = value)` gives a message's text in the current language.
//!
//! The formatter here follows Fluent's rules for the part of Fluent the catalogues use
//! (text, variables, select expressions on a variable); the build refuses anything else.
//! The catalogue is installed once, before anything is rendered; changing the language
//! stores the choice and reloads the page, so no text needs to be reactive to it.

pub mod intl;
pub mod lang;
mod plural;

use std::cell::RefCell;

pub use lang::{negotiate, Choice, Lang};

/// One message: its text and placeables, in order.
#[derive(Debug)]
pub struct Pattern {
    /// Whether placeables are wrapped in isolating marks (in a right-to-left language);
    /// Fluent does that only when the pattern holds more than the placeable.
    isolate: bool,
    parts: &'static [Part],
}

#[derive(Debug)]
enum Part {
    Text(&'static str),
    Var(&'static str),
    Select(&'static Select),
}

/// `{ $var -> [key] … *[default] … }`.
#[derive(Debug)]
struct Select {
    var: &'static str,
    default: usize,
    variants: &'static [(Key, Pattern)],
}

#[derive(Debug)]
enum Key {
    /// A plural category (`one`, `few`…) or a word the variable may hold (`approve`).
    Name(&'static str),
    /// An exact number (`[0]`); no catalogue needs one yet, the build supports it.
    #[allow(dead_code)]
    Number(f64),
}

/// One file's messages in one language, sorted by id.
pub type Table = &'static [(&'static str, Pattern)];

mod compiled {
    use super::{Key, Part, Pattern, Select, Table};
    include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));
}

/// One Fluent file in every language.
pub struct Ftl {
    /// English.
    pub en: Table,
    /// German.
    pub de: Table,
    /// Arabic.
    pub ar: Table,
}

impl Ftl {
    /// The file's messages in `lang`.
    pub fn table(&self, lang: Lang) -> Table {
        match lang {
            Lang::En => self.en,
            Lang::De => self.de,
            Lang::Ar => self.ar,
        }
    }
}

/// The words both builds use: the widget, sign-in, times, statuses and errors.
pub static CORE: Ftl = Ftl {
    en: compiled::CORE_EN,
    de: compiled::CORE_DE,
    ar: compiled::CORE_AR,
};

/// The words only the full app uses (the widget build leaves them out).
pub static APP: Ftl = Ftl {
    en: compiled::APP_EN,
    de: compiled::APP_DE,
    ar: compiled::APP_AR,
};

struct Catalog {
    lang: Lang,
    tables: Vec<Table>,
}

impl Catalog {
    fn new(lang: Lang, files: &[&Ftl]) -> Self {
        let tables = files.iter().map(|file| file.table(lang)).collect();
        Catalog { lang, tables }
    }

    fn get(&self, id: &str) -> Option<&'static Pattern> {
        self.tables.iter().find_map(|table| {
            let at = table.binary_search_by(|(key, _)| (*key).cmp(id)).ok()?;
            Some(&table[at].1)
        })
    }
}

thread_local! {
    static CATALOG: RefCell<Option<Catalog>> = const { RefCell::new(None) };
}

/// Speaks `choice` from now on, with the words of `files`.
pub fn install(choice: &Choice, files: &[&Ftl]) {
    #[cfg(target_arch = "wasm32")]
    intl::set_locale(&choice.intl_locale);
    let catalog = Catalog::new(choice.lang, files);
    CATALOG.with(|cell| *cell.borrow_mut() = Some(catalog));
}

/// The localStorage entry that remembers the person's pick.
pub const STORAGE_KEY: &str = "my-tasks.language";

/// Chooses the language (see [`negotiate`]; `default` is `config.json`'s `locale`),
/// installs its words from `files` and sets `<html lang dir>`.
pub fn start(files: &[&Ftl], default: Option<Lang>) {
    let stored = crate::platform::local_get(STORAGE_KEY);
    let choice = negotiate(stored.as_deref(), &crate::platform::languages(), default);
    install(&choice, files);
    crate::platform::set_document_language(choice.lang.tag(), choice.lang.dir());
}

/// Remembers `lang` as the person's pick and reloads the page in it.
pub fn switch_to(lang: Lang) {
    if !crate::platform::local_set(STORAGE_KEY, lang.tag()) {
        leptos::logging::warn!("the language choice cannot be remembered in this browser");
    }
    crate::platform::reload();
}

/// The language being spoken.
pub fn current() -> Lang {
    CATALOG.with(|cell| cell.borrow().as_ref().map_or(Lang::En, |c| c.lang))
}

/// A value for a message's variable.
#[derive(Debug, Clone)]
pub enum Arg<'a> {
    /// A count: chooses the plural form and is written by `Intl`.
    Number(f64),
    /// Text, such as a name.
    Text(&'a str),
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
number_arg!(usize, u64, u32, i64, i32, f64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

/// The text of message `id` with `args`, in the current language; the id itself when the
/// message is missing (the host tests make sure none is).
pub fn text(id: &str, args: &[(&str, Arg)]) -> String {
    CATALOG.with(|cell| {
        let mut cell = cell.borrow_mut();
        let catalog = cell.get_or_insert_with(default_catalog);
        let Some(pattern) = catalog.get(id) else {
            leptos::logging::warn!("no message {id}");
            return id.to_owned();
        };
        let mut errors = Vec::new();
        let text = format(catalog.lang, pattern, args, &mut errors);
        if !errors.is_empty() {
            leptos::logging::warn!("{id}: {errors:?}");
        }
        text
    })
}

/// English, until [`install`] says otherwise (the component tests never install one).
fn default_catalog() -> Catalog {
    #[cfg(test)]
    return Catalog::new(Lang::En, &[&CORE, &APP]);
    #[cfg(not(test))]
    return Catalog::new(Lang::En, &[&CORE]);
}

/// Writes `pattern` with `args` as Fluent would: a number chooses a variant by exact value,
/// then by its plural category; text chooses the variant of that name; otherwise, or when
/// the variable is missing (an error), the default variant is used.
fn format(lang: Lang, pattern: &Pattern, args: &[(&str, Arg)], errors: &mut Vec<String>) -> String {
    let mut out = String::new();
    write(lang, pattern, args, errors, &mut out);
    out
}

fn write(
    lang: Lang,
    pattern: &Pattern,
    args: &[(&str, Arg)],
    errors: &mut Vec<String>,
    out: &mut String,
) {
    let isolate = pattern.isolate && lang == Lang::Ar;
    for part in pattern.parts {
        match part {
            Part::Text(text) => out.push_str(text),
            placeable => {
                if isolate {
                    out.push('\u{2068}');
                }
                write_placeable(lang, placeable, args, errors, out);
                if isolate {
                    out.push('\u{2069}');
                }
            }
        }
    }
}

fn write_placeable(
    lang: Lang,
    part: &Part,
    args: &[(&str, Arg)],
    errors: &mut Vec<String>,
    out: &mut String,
) {
    match part {
        Part::Text(text) => out.push_str(text),
        Part::Var(name) => match arg(args, name) {
            Some(Arg::Number(n)) => out.push_str(&number(*n)),
            Some(Arg::Text(text)) => out.push_str(text),
            None => {
                errors.push(format!("no value for ${name}"));
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        },
        Part::Select(select) => {
            let value = arg(args, select.var);
            if value.is_none() {
                errors.push(format!("no value for ${}", select.var));
            }
            // A count's plural category is asked for once, not once per variant.
            let category = match value {
                Some(Arg::Number(n)) => Some(plural::category(lang, *n)),
                _ => None,
            };
            let chosen = select
                .variants
                .iter()
                .position(|(key, _)| match (key, value) {
                    (Key::Number(key), Some(Arg::Number(n))) => key == n,
                    (Key::Name(name), Some(Arg::Number(_))) => category.as_deref() == Some(*name),
                    (Key::Name(name), Some(Arg::Text(text))) => name == text,
                    _ => false,
                })
                .unwrap_or(select.default);
            write(lang, &select.variants[chosen].1, args, errors, out);
        }
    }
}

fn arg<'a, 'b>(args: &'b [(&str, Arg<'a>)], name: &str) -> Option<&'b Arg<'a>> {
    args.iter()
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value)
}

/// Numbers in messages are written by `Intl` in the browser ("1.250" in German).
fn number(n: f64) -> String {
    #[cfg(target_arch = "wasm32")]
    return intl::number(n);
    #[cfg(not(target_arch = "wasm32"))]
    return n.to_string();
}

/// The text of a message: `t!("id")`, or `t!("id", count = n, name = &name)`.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests;
