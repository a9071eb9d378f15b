//! The person's language. [`lang`] chooses it, the words come from Fluent (`locales/<tag>/
//! *.ftl`, compiled in), plural forms follow Fluent's CLDR plural rules for the language,
//! and [`intl`] has the browser write dates, times and numbers. `t!("id", name = value)`
//! gives a message's text in the current language.
//!
//! The catalogue is installed once, before anything is rendered; changing the language
//! stores the choice and reloads the page, so no text needs to be reactive to it.

pub mod intl;
pub mod lang;

use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

pub use lang::{negotiate, Choice, Lang};

/// One Fluent file in every language.
pub struct Ftl {
    /// English.
    pub en: &'static str,
    /// German.
    pub de: &'static str,
    /// Arabic.
    pub ar: &'static str,
}

impl Ftl {
    /// The file's text in `lang`.
    pub fn source(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::De => self.de,
            Lang::Ar => self.ar,
        }
    }
}

/// The words both builds use: the widget, sign-in, times, statuses and errors.
pub static CORE: Ftl = Ftl {
    en: include_str!("../../locales/en/core.ftl"),
    de: include_str!("../../locales/de/core.ftl"),
    ar: include_str!("../../locales/ar/core.ftl"),
};

/// The words only the full app uses (the widget build leaves them out).
pub static APP: Ftl = Ftl {
    en: include_str!("../../locales/en/app.ftl"),
    de: include_str!("../../locales/de/app.ftl"),
    ar: include_str!("../../locales/ar/app.ftl"),
};

struct Catalog {
    lang: Lang,
    bundle: FluentBundle<FluentResource>,
}

thread_local! {
    static CATALOG: RefCell<Option<Catalog>> = const { RefCell::new(None) };
}

/// Speaks `choice` from now on, with the words of `files`. A file that does not parse is
/// a build defect the host tests catch; here its good messages are still used.
pub fn install(choice: &Choice, files: &[&Ftl]) {
    #[cfg(target_arch = "wasm32")]
    intl::set_locale(&choice.intl_locale);
    let catalog = catalog(choice.lang, files);
    CATALOG.with(|cell| *cell.borrow_mut() = Some(catalog));
}

fn catalog(lang: Lang, files: &[&Ftl]) -> Catalog {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Isolating marks keep a Latin name readable in an Arabic sentence (and the reverse);
    // left-to-right languages get <bdi> around names in the markup instead.
    bundle.set_use_isolating(lang == Lang::Ar);
    bundle.set_formatter(Some(format_number));
    for file in files {
        let resource = match FluentResource::try_new(file.source(lang).to_owned()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                leptos::logging::warn!("{} in {}: {errors:?}", lang.tag(), "an .ftl file");
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            leptos::logging::warn!("{}: {errors:?}", lang.tag());
        }
    }
    Catalog { lang, bundle }
}

/// Numbers in messages are written by `Intl` in the browser ("1.250" in German).
fn format_number<M>(value: &FluentValue, _: &M) -> Option<String> {
    match value {
        #[cfg(target_arch = "wasm32")]
        FluentValue::Number(number) => Some(intl::number(number.value)),
        _ => None,
    }
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
        format(&catalog.bundle, id, args)
    })
}

/// English, until [`install`] says otherwise (the component tests never install one).
fn default_catalog() -> Catalog {
    #[cfg(test)]
    return catalog(Lang::En, &[&CORE, &APP]);
    #[cfg(not(test))]
    return catalog(Lang::En, &[&CORE]);
}

fn format(bundle: &FluentBundle<FluentResource>, id: &str, args: &[(&str, Arg)]) -> String {
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        leptos::logging::warn!("no message {id}");
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        match value {
            Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(*text)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        leptos::logging::warn!("{id}: {errors:?}");
    }
    text.into_owned()
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
