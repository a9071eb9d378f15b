//! The catalogues are complete and well formed in every language, every message the code
//! asks for exists, and counts take the plural forms each language needs.

use std::future::Future;

use super::*;

/// A file's source text in every language, for checks of the text itself.
struct Sources {
    en: &'static str,
    de: &'static str,
    ar: &'static str,
}

impl Sources {
    fn source(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::De => self.de,
            Lang::Ar => self.ar,
        }
    }
}

/// Each file's name, its sources and its place among the full app's tables.
const FILES: [(&str, &Sources, usize); 2] = [
    (
        "core",
        &Sources {
            en: include_str!("../../locales/en/core.ftl"),
            de: include_str!("../../locales/de/core.ftl"),
            ar: include_str!("../../locales/ar/core.ftl"),
        },
        0,
    ),
    (
        "app",
        &Sources {
            en: include_str!("../../locales/en/app.ftl"),
            de: include_str!("../../locales/de/app.ftl"),
            ar: include_str!("../../locales/ar/app.ftl"),
        },
        1,
    ),
];

/// The message ids of one file, in order.
fn ids(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_owned()))
        .collect()
}

/// The ids a source file asks for with `t!("id"…)` (not `format!("…")`).
fn asked(source: &str) -> Vec<String> {
    let code: String = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("t!(\"") {
        let before = rest[..at].chars().next_back();
        rest = &rest[at + 4..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        found.extend(rest.split('"').next().map(str::to_owned));
    }
    found
}

fn catalog(lang: Lang) -> Catalog {
    Catalog {
        lang,
        tables: tables_for_test(lang),
    }
}

fn text_in(lang: Lang, id: &str, args: &[(&str, Arg)]) -> String {
    let catalog = catalog(lang);
    let mut errors = Vec::new();
    let text = format(lang, catalog.get(id).unwrap(), args, &mut errors);
    assert!(errors.is_empty(), "{id}: {errors:?}");
    text
}

#[test]
fn every_message_of_every_file_is_compiled_in_every_language() {
    for (name, sources, file) in FILES {
        for lang in Lang::ALL {
            let tables = tables_for_test(lang);
            let compiled: Vec<&str> = tables[file].iter().map(|(id, _)| *id).collect();
            let mut written = ids(sources.source(lang));
            written.sort();
            assert_eq!(compiled, written, "{name}.ftl in {}", lang.tag());
        }
    }
}

#[test]
fn every_language_has_exactly_the_messages_english_has() {
    for (name, file, _) in FILES {
        let english = ids(file.en);
        assert!(!english.is_empty(), "{name}.ftl has no messages");
        for lang in [Lang::De, Lang::Ar] {
            assert_eq!(
                ids(file.source(lang)),
                english,
                "{name}.ftl in {}",
                lang.tag()
            );
        }
    }
}

#[test]
fn no_message_is_left_in_english_by_mistake() {
    // Words that are the same in German (or are names) may repeat English; Arabic never.
    let same_in_german = ["column-name", "field-id", "list-separator", "count-unknown"];
    // Not words: a character files are split on.
    let same_in_any = ["export-csv-separator"];
    for (name, file, _) in FILES {
        let english: Vec<&str> = file.en.lines().filter(|l| l.contains(" = ")).collect();
        for lang in [Lang::De, Lang::Ar] {
            for line in file.source(lang).lines().filter(|l| l.contains(" = ")) {
                let id = line.split(" =").next().unwrap_or_default();
                let exempt =
                    (lang == Lang::De && same_in_german.contains(&id)) || same_in_any.contains(&id);
                let value = line.split_once(" = ").map(|(_, v)| v).unwrap_or_default();
                let untranslated = english.contains(&line) && !value.trim().is_empty();
                let selector = value.trim_end().ends_with("->");
                assert!(
                    exempt || selector || !untranslated,
                    "{name}.ftl in {}: {line}",
                    lang.tag()
                );
            }
        }
    }
}

#[test]
fn every_message_the_code_asks_for_exists() {
    let english: Vec<String> = FILES.iter().flat_map(|(_, f, _)| ids(f.en)).collect();
    let mut missing = Vec::new();
    let mut count = 0;
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(path) = stack.pop() {
        if path.is_dir() {
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.ends_with("i18n/tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for id in asked(&source) {
            count += 1;
            if !english.contains(&id) {
                missing.push(format!("{}: {id}", path.display()));
            }
        }
    }
    assert!(count > 200, "only {count} uses of t! found");
    assert!(missing.is_empty(), "no such message: {missing:#?}");
}

#[test]
fn the_widget_build_needs_only_the_core_words() {
    let core = ids(FILES[0].1.en);
    let widget_files = [
        "components/widget.rs",
        "components/status.rs",
        "components/time.rs",
        "pages/widget.rs",
        "api/error.rs",
        "api/auth.rs",
        "logic/format.rs",
    ];
    for file in widget_files {
        let path = format!("{}/src/{file}", env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(&path).unwrap();
        let source = source.split("#[cfg(test)]").next().unwrap_or_default();
        for id in asked(source) {
            assert!(core.contains(&id), "{file} asks for {id}, not in core.ftl");
        }
    }
}

#[test]
fn arabic_counts_take_all_six_plural_forms() {
    let forms: Vec<String> = [0, 1, 2, 3, 11, 100]
        .into_iter()
        .map(|n| text_in(Lang::Ar, "items", &[("count", Arg::from(n))]))
        .collect();
    for (i, form) in forms.iter().enumerate() {
        for other in &forms[i + 1..] {
            assert_ne!(
                form.replace(char::is_numeric, ""),
                other.replace(char::is_numeric, ""),
                "two counts share a form: {forms:?}"
            );
        }
    }
}

#[test]
fn german_and_english_tell_one_from_many() {
    assert_eq!(
        text_in(Lang::En, "items", &[("count", Arg::from(1))]),
        "1 item"
    );
    assert_eq!(
        text_in(Lang::En, "items", &[("count", Arg::from(3))]),
        "3 items"
    );
    assert_eq!(
        text_in(Lang::De, "items", &[("count", Arg::from(1))]),
        "1 Element"
    );
    assert_eq!(
        text_in(Lang::De, "items", &[("count", Arg::from(3))]),
        "3 Elemente"
    );
    assert_eq!(
        text_in(Lang::De, "items", &[("count", Arg::from(0))]),
        "0 Elemente"
    );
}

#[test]
fn every_plural_message_has_a_form_for_every_count_in_every_language() {
    // A missing variant falls back to the default one silently; a typo in a variable
    // name shows up as an error. Format each message with numbers and text for every
    // variable it names, and demand no errors.
    let numbers = [
        "count", "days", "seconds", "loaded", "total", "shown", "at", "answered", "max",
    ];
    let words = [
        "name",
        "tab",
        "reason",
        "label",
        "kind",
        "state",
        "by",
        "what",
        "decision",
        "action",
        "doing",
        "owner",
        "who",
        "whom",
        "message",
        "tracking",
        "detail",
        "status",
        "values",
        "parts",
        "items",
        "application",
        "band",
        "page",
        "op",
        "raw",
    ];
    for lang in Lang::ALL {
        for (_, _, file) in FILES {
            for (id, pattern) in tables_for_test(lang)[file] {
                for n in [0.0, 1.0, 2.0, 5.0, 11.0, 101.0] {
                    let mut args: Vec<(&str, Arg)> =
                        numbers.iter().map(|name| (*name, Arg::Number(n))).collect();
                    args.extend(words.iter().map(|name| (*name, Arg::Text("x"))));
                    let mut errors = Vec::new();
                    let _ = format(lang, pattern, &args, &mut errors);
                    assert!(errors.is_empty(), "{id} in {}: {errors:?}", lang.tag());
                }
            }
        }
    }
}

#[test]
fn arabic_isolates_names_so_latin_ones_stay_readable() {
    let text = text_in(Lang::Ar, "views-saved", &[("name", Arg::from("GitHub"))]);
    assert!(text.contains("\u{2068}GitHub\u{2069}"), "{text}");
    let english = text_in(Lang::En, "views-saved", &[("name", Arg::from("GitHub"))]);
    assert_eq!(english, "Saved the view “GitHub”.");
}

#[test]
fn in_english_and_german_a_value_that_could_reorder_the_sentence_is_isolated() {
    // A name with a right-to-left override would turn the rest of the sentence backwards
    // ("…detelpmoC ot gnidneP morf sevom tI"); an Arabic name would move the words around
    // it. Latin names are left as they are.
    for lang in [Lang::En, Lang::De] {
        for name in ["evil\u{202e}txt", "ليلى حداد", "a\u{2067}b"] {
            let text = text_in(lang, "confirm-complete-named", &[("name", Arg::from(name))]);
            assert!(
                text.contains(&format!("\u{2068}{name}\u{2069}")),
                "{} {text:?}",
                lang.tag()
            );
        }
        let plain = text_in(
            lang,
            "confirm-complete-named",
            &[("name", Arg::from("GitHub"))],
        );
        assert!(!plain.contains('\u{2068}'), "{plain:?}");
    }
}

#[test]
fn a_missing_variable_is_an_error_and_the_default_variant_is_used() {
    let catalog = catalog(Lang::En);
    let mut errors = Vec::new();
    let text = format(Lang::En, catalog.get("items").unwrap(), &[], &mut errors);
    // Once for the selector, once for the placeable in the chosen variant.
    assert_eq!(errors, ["no value for $count", "no value for $count"]);
    assert!(text.ends_with("items"), "{text}");
}

#[test]
fn an_exact_number_wins_over_its_plural_category_and_variants_are_tried_in_order() {
    // `{ $count -> [0] none [one] one *[other] { $count } many }`, compiled.
    const PATTERN: Pattern =
        "\u{1}\u{4}count\u{3}2\u{3}=0\u{3}none\u{5}one\u{3}one\u{5}other\u{3}\u{1}\u{2}count\u{3} many\u{5}\u{6}";
    let say = |n: f64| {
        format(
            Lang::En,
            PATTERN,
            &[("count", Arg::Number(n))],
            &mut Vec::new(),
        )
    };
    assert_eq!(say(0.0), "none");
    assert_eq!(say(1.0), "one");
    assert_eq!(say(7.0), "7 many");
}

#[test]
fn the_type_names_are_exactly_the_types_the_app_knows_in_every_language() {
    // The boot script's preview (assets/preview.js) names a type from this message's
    // variants and splits any other from camel case, as `logic::format::type_label` does
    // for the types `wire` does not know: both agree only while the variants are those types.
    let mut known: Vec<&str> = wire::WorkItemType::ALL.iter().map(|k| k.as_str()).collect();
    known.sort_unstable();
    for lang in Lang::ALL {
        let source = FILES[0].1.source(lang);
        let start = source
            .find("\nwork-item-type = { $kind ->\n")
            .expect("work-item-type is a select on $kind");
        let mut keys: Vec<&str> = source[start..]
            .lines()
            .skip(2)
            .take_while(|line| line.trim() != "}")
            .filter_map(|line| line.trim().strip_prefix('[')?.split_once(']'))
            .map(|(key, _)| key)
            .collect();
        keys.sort_unstable();
        assert_eq!(keys, known, "{lang:?}");
    }
}

/// The full app's German catalogue text, as `build.rs` wrote it (and postbuild serves it).
const GERMAN: &str = include_str!(concat!(env!("OUT_DIR"), "/de.txt"));

/// Runs `future`, which never waits (its fetch answers at once), to its end.
fn now<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    match future.as_mut().poll(&mut context) {
        std::task::Poll::Ready(value) => value,
        std::task::Poll::Pending => panic!("the future waited"),
    }
}

fn speak_fetched(words: &'static Words, lang: Lang, fetched: Result<&str, &str>) -> Lang {
    let choice = negotiate(Some(lang.tag()), &["en-GB".into()], None);
    now(install_choice(
        words,
        &choice,
        &["en-GB".into()],
        |asked: Lang| {
            assert_eq!(asked, lang);
            let fetched = fetched.map(str::to_owned).map_err(str::to_owned);
            async move { fetched }
        },
    ));
    current()
}

#[test]
fn a_fetched_catalogue_is_spoken_with_the_reader_the_tests_use() {
    assert_eq!(speak_fetched(&APP_WORDS, Lang::De, Ok(GERMAN)), Lang::De);
    assert_eq!(text("sign-in", &[]), "Anmelden");
    assert_eq!(text("nav-task-manager", &[]), "Aufgabenverwaltung");
}

#[test]
fn english_needs_no_fetch() {
    let choice = negotiate(Some("en"), &[], None);
    now(install_choice(
        &APP_WORDS,
        &choice,
        &[],
        |_: Lang| -> std::future::Ready<Result<String, String>> {
            panic!("English is compiled in")
        },
    ));
    assert_eq!(current(), Lang::En);
    assert_eq!(text("sign-in", &[]), "Sign in");
}

#[test]
fn a_catalogue_that_cannot_be_fetched_leaves_english() {
    assert_eq!(
        speak_fetched(&APP_WORDS, Lang::De, Err("offline")),
        Lang::En
    );
    assert_eq!(text("sign-in", &[]), "Sign in");
}

#[test]
fn a_catalogue_of_another_build_or_cut_short_is_refused_and_english_spoken() {
    let (core, _) = GERMAN.split_once(TABLE_SEP).expect("core, then app");
    // The widget's file in the full app, the full app's in the widget, a file cut short,
    // one message renamed, an empty answer.
    let cut = &GERMAN[..GERMAN.len() - 200];
    let renamed = GERMAN.replacen("\u{1e}sign-in\u{1f}", "\u{1e}sign-on\u{1f}", 1);
    for (words, text) in [
        (&APP_WORDS, core),
        (&WIDGET_WORDS, GERMAN),
        (&APP_WORDS, cut),
        (&APP_WORDS, renamed.as_str()),
        (&APP_WORDS, ""),
    ] {
        assert_eq!(words.tables_of(text.to_owned()), Err(NotThisBuild));
        assert_eq!(speak_fetched(words, Lang::De, Ok(text)), Lang::En);
    }
    // The widget's own file is the full app's first table.
    assert_eq!(speak_fetched(&WIDGET_WORDS, Lang::De, Ok(core)), Lang::De);
    assert_eq!(text("sign-in", &[]), "Anmelden");
}
