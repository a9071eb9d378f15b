//! The person's language. [`lang`] chooses it, the words come from Fluent catalogues
//! (`locales/<tag>/*.ftl`) that `crates/catalogue` compiles, plural forms come from the
//! browser's `Intl.PluralRules`, and [`intl`] has the browser write dates, times and
//! numbers. `t!("id", name = value)` gives a message's text in the current language.
//!
//! English is compiled into the wasm (it is the default and the fallback); every other
//! language is a file beside it (`scripts/postbuild.py` writes it), fetched only by the
//! people who speak it: [`start`] chooses, fetches and installs the words before anything
//! is rendered. Changing the language stores the choice and reloads the page, so no text
//! needs to be reactive to it.
//!
//! The formatter here follows Fluent's rules for the part of Fluent the catalogues use
//! (text, variables, select expressions on a variable); the compiler refuses anything else.

pub mod intl;
pub mod lang;
mod plural;

use std::cell::RefCell;
use std::future::Future;
use std::sync::OnceLock;

pub use lang::{negotiate, Choice, Lang};

/// One message, compiled by `crates/catalogue` into one string: its text as it is, and
///
/// - [`ISOLATE`] first when its placeables are isolated in a right-to-left language
///   (Fluent does that only when the pattern holds more than the placeable);
/// - a variable as `VAR name END`;
/// - a select expression as `SELECT var END default END (key END pattern VARIANT_END)+
///   SELECT_END`, where `default` is the default variant's index and a key is a plural
///   category or a word the variable may hold (`approve`), or `=` and an exact integer.
///
/// One string per message takes a fraction of the wasm that nested tables of parts did.
pub type Pattern = &'static str;

include!("markers.rs");

/// One file's messages in one language, sorted by id.
pub type Table = &'static [(&'static str, Pattern)];

/// The catalogue text of English's `core.ftl` and `app.ftl`, as `build.rs` compiled them.
const CORE_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en-core.txt"));
const APP_EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en-app.txt"));

/// The catalogue files a build speaks, English compiled in. Another language's catalogue
/// text (fetched) must hold the same files' tables, in the same order, with the same ids.
pub struct Words {
    /// Each file's English catalogue text.
    english: &'static [&'static str],
    /// The English tables, read once.
    read: OnceLock<Vec<Vec<(&'static str, Pattern)>>>,
}

/// The words of the widget build: the widget, sign-in, times, statuses and errors
/// (`core.ftl`). Its other languages are `w/<lang>-<hash>.txt`.
pub static WIDGET_WORDS: Words = Words::new(&[CORE_EN]);

/// The words of the full app: `core.ftl`, then `app.ftl` (the widget build leaves those
/// out). Its other languages are `<lang>-<hash>.txt`.
pub static APP_WORDS: Words = Words::new(&[CORE_EN, APP_EN]);

/// A fetched catalogue that is not the one this build needs: another build's, or cut short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotThisBuild;

impl std::fmt::Display for NotThisBuild {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the catalogue does not hold this build's messages")
    }
}

impl Words {
    const fn new(english: &'static [&'static str]) -> Self {
        Words {
            english,
            read: OnceLock::new(),
        }
    }

    /// The English tables, compiled in.
    pub fn english(&'static self) -> Vec<Table> {
        let tables = self
            .read
            .get_or_init(|| self.english.iter().flat_map(|text| read(text)).collect());
        tables.iter().map(Vec::as_slice).collect()
    }

    /// The tables of another language's catalogue `text`, when it holds exactly this
    /// build's messages. The text is kept for the life of the page (it is read once per
    /// page load), so its messages can be `&'static` like English's.
    pub fn tables_of(&'static self, text: String) -> Result<Vec<Table>, NotThisBuild> {
        let text: &'static str = Box::leak(text.into_boxed_str());
        let tables = read(text);
        let english = self.english();
        let same = tables.len() == english.len()
            && tables.iter().zip(&english).all(|(table, english)| {
                table.len() == english.len()
                    && table.iter().zip(*english).all(|((a, _), (b, _))| a == b)
            });
        if !same {
            return Err(NotThisBuild);
        }
        Ok(tables
            .into_iter()
            .map(|table| &*Box::leak(table.into_boxed_slice()))
            .collect())
    }
}

/// The tables of a catalogue text (`crates/catalogue` writes it): each file's messages,
/// `id ID_SEP pattern`, separated by `MESSAGE_SEP`; the files separated by `TABLE_SEP`.
fn read(text: &str) -> Vec<Vec<(&str, &str)>> {
    text.split(TABLE_SEP)
        .map(|table| {
            table
                .split(MESSAGE_SEP)
                .map(|message| message.split_once(ID_SEP).unwrap_or((message, "")))
                .collect()
        })
        .collect()
}

struct Catalog {
    lang: Lang,
    tables: Vec<Table>,
}

impl Catalog {
    fn get(&self, id: &str) -> Option<Pattern> {
        self.tables.iter().find_map(|table| {
            let at = table.binary_search_by(|(key, _)| (*key).cmp(id)).ok()?;
            Some(table[at].1)
        })
    }
}

thread_local! {
    static CATALOG: RefCell<Option<Catalog>> = const { RefCell::new(None) };
    /// The choice [`start`] last made, so that choosing again the same does nothing.
    static CHOSEN: RefCell<Option<Choice>> = const { RefCell::new(None) };
}

/// Speaks `choice` from now on, with `tables`: English's from [`Words`], or another
/// language's from [`Words::tables_of`].
pub fn install(choice: &Choice, tables: Vec<Table>) {
    #[cfg(target_arch = "wasm32")]
    intl::set_locale(&choice.intl_locale, choice.lang.tag());
    let catalog = Catalog {
        lang: choice.lang,
        tables,
    };
    CATALOG.with(|cell| *cell.borrow_mut() = Some(catalog));
}

/// Speaks `choice` from now on: English from `words`, another language from its catalogue
/// text, which `fetch` gives. When that cannot be had (`fetch` fails, or its text is not
/// this build's), English, with a warning in the console, and dates and numbers in the
/// English `browser` asks for (`en-GB`), else plain `en`.
pub async fn install_choice<F, Fut, E>(
    words: &'static Words,
    choice: &Choice,
    browser: &[String],
    fetch: F,
) where
    F: FnOnce(Lang) -> Fut,
    Fut: Future<Output = Result<String, E>>,
    E: std::fmt::Display,
{
    if choice.lang == Lang::En {
        return install(choice, words.english());
    }
    let tables = match fetch(choice.lang).await {
        Ok(text) => words.tables_of(text).map_err(|e| e.to_string()),
        Err(error) => Err(error.to_string()),
    };
    match tables {
        Ok(tables) => install(choice, tables),
        Err(error) => {
            leptos::logging::warn!(
                "the words in {} cannot be loaded ({error}); going on in English",
                choice.lang.tag()
            );
            install(&negotiate(Some("en"), browser, None), words.english());
        }
    }
}

/// Every word of the full app in `lang`, as the app reads them: English compiled in,
/// another language from the catalogue text `build.rs` wrote (the text
/// `scripts/postbuild.py` writes beside the wasm).
#[cfg(test)]
pub(crate) fn tables_for_test(lang: Lang) -> Vec<Table> {
    let text = match lang {
        Lang::En => return APP_WORDS.english(),
        Lang::De => include_str!(concat!(env!("OUT_DIR"), "/de.txt")),
        Lang::Ar => include_str!(concat!(env!("OUT_DIR"), "/ar.txt")),
    };
    APP_WORDS.tables_of(text.to_owned()).unwrap()
}

/// Speaks `choice` with every word of the full app (see [`tables_for_test`]).
#[cfg(test)]
pub(crate) fn install_for_test(choice: &Choice) {
    install(choice, tables_for_test(choice.lang));
}

/// The localStorage entry that remembers the person's pick.
pub const STORAGE_KEY: &str = "my-tasks.language";

/// Chooses the language (see [`negotiate`]; `default` is `config.json`'s `locale`),
/// installs its words (see [`install_choice`]) and sets `<html lang dir>`. When another
/// language's words cannot be had, the page goes on in English and `<html lang>` says
/// `en`; the person's pick is kept, so the next page load tries again.
///
/// Choosing the same as last time does nothing (the app chooses again once `config.json`
/// is in, in case its `locale` decides).
pub async fn start<F, Fut, E>(words: &'static Words, default: Option<Lang>, fetch: F)
where
    F: FnOnce(Lang) -> Fut,
    Fut: Future<Output = Result<String, E>>,
    E: std::fmt::Display,
{
    let stored = crate::platform::local_get(STORAGE_KEY);
    let browser = crate::platform::languages();
    let choice = negotiate(stored.as_deref(), &browser, default);
    if CHOSEN.with(|chosen| chosen.borrow().as_ref() == Some(&choice)) {
        return;
    }
    CHOSEN.with(|chosen| *chosen.borrow_mut() = Some(choice.clone()));
    install_choice(words, &choice, &browser, fetch).await;
    let lang = current();
    crate::platform::set_document_language(lang.tag(), lang.dir());
}

/// sessionStorage key: set just before the reload a language switch makes, so the reloaded
/// page gives focus back to the language menu ([`take_menu_focus`]).
const MENU_FOCUS_KEY: &str = "my-tasks.language-menu-focus";

/// Remembers `lang` as the person's pick and reloads the page in it, with focus back on the
/// language menu: a keyboard user who steps through the menu with the arrow keys (each step
/// is a change, so a reload) stays on it instead of starting again at the top of the page.
pub fn switch_to(lang: Lang) {
    if !crate::platform::local_set(STORAGE_KEY, lang.tag()) {
        leptos::logging::warn!("the language choice cannot be remembered in this browser");
    }
    crate::platform::session_set(MENU_FOCUS_KEY, "1");
    crate::platform::reload();
}

/// Whether this page was loaded by a language switch, so the menu should take focus; asks
/// once.
pub fn take_menu_focus() -> bool {
    let asked = crate::platform::session_get(MENU_FOCUS_KEY).is_some();
    if asked {
        crate::platform::session_remove(MENU_FOCUS_KEY);
    }
    asked
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
    let words = &APP_WORDS;
    #[cfg(not(test))]
    let words = &WIDGET_WORDS;
    Catalog {
        lang: Lang::En,
        tables: words.english(),
    }
}

/// Writes `pattern` with `args` as Fluent would: a number chooses a variant by exact value,
/// then by its plural category; text chooses the variant of that name; otherwise, or when
/// the variable is missing (an error), the default variant is used.
fn format(lang: Lang, pattern: Pattern, args: &[(&str, Arg)], errors: &mut Vec<String>) -> String {
    let mut out = String::new();
    write(lang, pattern, args, errors, &mut out);
    out
}

fn is_marker(c: char) -> bool {
    (ISOLATE..=SELECT_END).contains(&c)
}

fn write(
    lang: Lang,
    pattern: &str,
    args: &[(&str, Arg)],
    errors: &mut Vec<String>,
    out: &mut String,
) {
    let (isolate, guard, mut rest) = match pattern.strip_prefix(ISOLATE) {
        Some(rest) => (lang == Lang::Ar, lang != Lang::Ar, rest),
        None => (false, false, pattern),
    };
    while let Some(at) = rest.find(is_marker) {
        out.push_str(&rest[..at]);
        let marker = rest[at..].chars().next();
        rest = &rest[at + 1..];
        if isolate {
            out.push('\u{2068}');
        }
        match marker {
            Some(VAR) => {
                let (name, after) = rest.split_once(END).unwrap_or((rest, ""));
                // In a left-to-right language, a value that could reorder the sentence
                // around it (right-to-left letters, or direction controls such as an
                // override that would turn the rest of the line backwards) is isolated
                // too; other values are left as they are.
                let fence =
                    guard && matches!(arg(args, name), Some(Arg::Text(text)) if can_reorder(text));
                if fence {
                    out.push('\u{2068}');
                }
                write_var(name, args, errors, out);
                if fence {
                    out.push('\u{2069}');
                }
                rest = after;
            }
            _ => rest = write_select(lang, rest, args, errors, out),
        }
        if isolate {
            out.push('\u{2069}');
        }
    }
    out.push_str(rest);
}

/// Whether `c` is written right to left (Hebrew, Arabic and the scripts near them).
pub fn is_rtl_char(c: char) -> bool {
    matches!(c,
        '\u{0590}'..='\u{08FF}'
        | '\u{FB1D}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}'
        | '\u{10800}'..='\u{10FFF}'
        | '\u{1E800}'..='\u{1EFFF}')
}

/// Whether `text` holds right-to-left letters or bidirectional controls, which move the
/// text around them unless isolated.
fn can_reorder(text: &str) -> bool {
    text.chars().any(|c| {
        is_rtl_char(c)
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    })
}

fn write_var(name: &str, args: &[(&str, Arg)], errors: &mut Vec<String>, out: &mut String) {
    match arg(args, name) {
        Some(Arg::Number(n)) => out.push_str(&number(*n)),
        Some(Arg::Text(text)) => out.push_str(text),
        None => {
            errors.push(format!("no value for ${name}"));
            out.push('{');
            out.push_str(name);
            out.push('}');
        }
    }
}

/// Writes the select expression that `src` starts with (after its `SELECT`); returns what
/// follows it.
fn write_select<'s>(
    lang: Lang,
    src: &'s str,
    args: &[(&str, Arg)],
    errors: &mut Vec<String>,
    out: &mut String,
) -> &'s str {
    let (var, rest) = src.split_once(END).unwrap_or((src, ""));
    let (default, mut rest) = rest.split_once(END).unwrap_or(("0", ""));
    let default: usize = default.parse().unwrap_or(0);
    let value = arg(args, var);
    if value.is_none() {
        errors.push(format!("no value for ${var}"));
    }
    // A count's plural category is asked for once, not once per variant.
    let category = match value {
        Some(Arg::Number(n)) => Some(plural::category(lang, *n)),
        _ => None,
    };
    let (mut chosen, mut fallback) = (None, "");
    let mut index = 0;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix(SELECT_END) {
            rest = after;
            break;
        }
        let (key, after) = rest.split_once(END).unwrap_or((rest, ""));
        let (pattern, after) = variant(after);
        let matches = match (key.strip_prefix('='), value) {
            (Some(exact), Some(Arg::Number(n))) => {
                exact.parse::<i64>().is_ok_and(|k| k as f64 == *n)
            }
            (Some(_), _) => false,
            (None, Some(Arg::Number(_))) => category.as_deref() == Some(key),
            (None, Some(Arg::Text(text))) => key == *text,
            (None, None) => false,
        };
        if matches && chosen.is_none() {
            chosen = Some(pattern);
        }
        if index == default {
            fallback = pattern;
        }
        index += 1;
        rest = after;
    }
    write(lang, chosen.unwrap_or(fallback), args, errors, out);
    rest
}

/// Splits `src` at the `VARIANT_END` that ends the variant it starts with (not one of a
/// select expression nested in it): the variant's pattern, and what follows.
fn variant(src: &str) -> (&str, &str) {
    let mut depth = 0usize;
    for (at, c) in src.char_indices() {
        match c {
            SELECT => depth += 1,
            SELECT_END => depth = depth.saturating_sub(1),
            VARIANT_END if depth == 0 => return (&src[..at], &src[at + 1..]),
            _ => {}
        }
    }
    (src, "")
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
