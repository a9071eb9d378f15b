//! Dates, times and numbers as the person's locale writes them, by the browser's `Intl`
//! (through js-sys), so the bundle carries no locale data of its own. The formatters are
//! made once per locale and kept: creating an `Intl` object costs far more than using one.

use std::cell::RefCell;

use js_sys::{Array, Function, Intl, Object, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    /// `Intl.getCanonicalLocales`: throws a `RangeError` on a tag that is not well formed,
    /// as `Intl`'s constructors do (js-sys's constructors do not catch it).
    #[wasm_bindgen(catch, js_namespace = Intl, js_name = getCanonicalLocales)]
    fn canonical_locales(tag: &str) -> Result<JsValue, JsValue>;
}

/// A unit a relative time or a waiting time is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// 365 days.
    Year,
    /// 30 days.
    Month,
    /// 7 days.
    Week,
    /// 24 hours.
    Day,
    /// 60 minutes.
    Hour,
    /// 60 seconds, the smallest unit shown.
    Minute,
}

impl Unit {
    /// The unit's name as `Intl` knows it.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Year => "year",
            Unit::Month => "month",
            Unit::Week => "week",
            Unit::Day => "day",
            Unit::Hour => "hour",
            Unit::Minute => "minute",
        }
    }

    fn seconds(self) -> u64 {
        match self {
            Unit::Year => 365 * 86_400,
            Unit::Month => 30 * 86_400,
            Unit::Week => 7 * 86_400,
            Unit::Day => 86_400,
            Unit::Hour => 3_600,
            Unit::Minute => 60,
        }
    }

    const ALL: [Unit; 6] = [
        Unit::Year,
        Unit::Month,
        Unit::Week,
        Unit::Day,
        Unit::Hour,
        Unit::Minute,
    ];
}

/// A span of `seconds` (negative: in the past) in its largest whole unit, e.g. -3 days;
/// `None` under a minute.
pub fn largest_unit(seconds: i64) -> Option<(i64, Unit)> {
    let size = seconds.unsigned_abs();
    let unit = Unit::ALL.into_iter().find(|u| size >= u.seconds())?;
    let whole = (size / unit.seconds()) as i64;
    Some((if seconds < 0 { -whole } else { whole }, unit))
}

/// The formatters of one locale.
struct Formats {
    locale: String,
    number: Function,
    date_time: Function,
    relative: Intl::RelativeTimeFormat,
    /// "1 week ago", never "last week": weeks, months and years are counted in whole
    /// spans, not on the calendar, so 10 days back is not the calendar's last week.
    relative_spans: Intl::RelativeTimeFormat,
    /// "3 days", one formatter per unit, made when first needed.
    durations: Vec<(Unit, Function)>,
    /// The plural rules of the catalogue's language, made when first needed.
    plural: Option<(String, Intl::PluralRules)>,
}

thread_local! {
    static FORMATS: RefCell<Option<Formats>> = const { RefCell::new(None) };
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

fn locales(locale: &str) -> Array {
    Array::of1(&JsValue::from_str(locale))
}

impl Formats {
    fn new(locale: &str) -> Formats {
        let number = Intl::NumberFormat::new(&locales(locale), &Object::new()).format();
        let date_time = Intl::DateTimeFormat::new(
            &locales(locale),
            &options(&[("dateStyle", "medium"), ("timeStyle", "short")]),
        )
        .format();
        let relative =
            Intl::RelativeTimeFormat::new(&locales(locale), &options(&[("numeric", "auto")]));
        let relative_spans =
            Intl::RelativeTimeFormat::new(&locales(locale), &options(&[("numeric", "always")]));
        Formats {
            locale: locale.to_owned(),
            number,
            date_time,
            relative,
            relative_spans,
            durations: Vec::new(),
            plural: None,
        }
    }

    fn duration(&mut self, unit: Unit) -> &Function {
        let at = match self.durations.iter().position(|(u, _)| *u == unit) {
            Some(at) => at,
            None => {
                let format = Intl::NumberFormat::new(
                    &locales(&self.locale),
                    &options(&[
                        ("style", "unit"),
                        ("unit", unit.as_str()),
                        ("unitDisplay", "long"),
                    ]),
                )
                .format();
                self.durations.push((unit, format));
                self.durations.len() - 1
            }
        };
        &self.durations[at].1
    }
}

/// The CLDR plural category ("one", "few"…) of `n` in language `lang`.
pub fn plural(lang: &str, n: f64) -> String {
    with(|f| {
        if f.plural.as_ref().is_none_or(|(tag, _)| tag != lang) {
            let rules = Intl::PluralRules::new(&locales(lang), &Object::new());
            f.plural = Some((lang.to_owned(), rules));
        }
        let (_, rules) = f.plural.as_ref().expect("made above");
        rules.select(n).into()
    })
}

/// Formats from now on for `locale`, or for `fallback` (a tag the app wrote) when `Intl`
/// refuses `locale`: a browser's language list can hold a tag made of the right characters
/// that is not well formed (`de-1`), and `Intl` throws on it; the old formatters go.
pub fn set_locale(locale: &str, fallback: &str) {
    let locale = if canonical_locales(locale).is_ok() {
        locale
    } else {
        leptos::logging::warn!(
            "the browser's language {locale:?} is not a well-formed tag; dates and numbers follow {fallback:?}"
        );
        fallback
    };
    FORMATS.with(|cell| *cell.borrow_mut() = Some(Formats::new(locale)));
}

fn with<R>(f: impl FnOnce(&mut Formats) -> R) -> R {
    FORMATS.with(|cell| {
        let mut formats = cell.borrow_mut();
        f(formats.get_or_insert_with(|| Formats::new("en")))
    })
}

fn call(format: &Function, value: &JsValue) -> String {
    format
        .call1(&JsValue::UNDEFINED, value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// A count as the locale writes it: "1,250", "1.250", "١٬٢٥٠".
pub fn number(n: f64) -> String {
    with(|f| call(&f.number, &JsValue::from_f64(n)))
}

/// A moment as date and time in the person's locale and time zone.
pub fn date_time(epoch_ms: f64) -> String {
    with(|f| {
        call(
            &f.date_time,
            &js_sys::Date::new(&JsValue::from_f64(epoch_ms)),
        )
    })
}

/// `then` relative to `now`: "3 days ago", "vor 3 Tagen", "in 2 hours", "now". Days are
/// counted on the calendar, in the browser's time zone, as Intl's "yesterday" and
/// "vorgestern" read: 26 hours before 00:30 is two days ago, as the date beside it says.
/// Weeks, months and years are whole spans ("1 month ago" for 40 days), never the
/// calendar's "last month", which 40 days back on the 5th of a month is not.
pub fn relative(then_ms: f64, now_ms: f64) -> String {
    let seconds = ((then_ms - now_ms) / 1000.0) as i64;
    let (value, unit) = match largest_unit(seconds) {
        Some((_, Unit::Day)) => (
            (local_day(then_ms) - local_day(now_ms)) as f64,
            Some(Unit::Day),
        ),
        Some((value, unit)) => (value as f64, Some(unit)),
        None => (0.0, None),
    };
    with(|f| {
        let format = match unit {
            Some(Unit::Week | Unit::Month | Unit::Year) => &f.relative_spans,
            _ => &f.relative,
        };
        format
            .format(value, unit.map_or("second", Unit::as_str))
            .into()
    })
}

/// The calendar day of the time `ms` in the browser's time zone, as days since 1970-01-01.
fn local_day(ms: f64) -> i64 {
    let (year, month, day) = crate::platform::local_date(ms);
    let midnight = js_sys::Date::utc(f64::from(year), f64::from(month - 1))
        + f64::from(day - 1) * 86_400_000.0;
    (midnight / 86_400_000.0).round() as i64
}

/// How long since `then`, for a waiting time: "3 days", "5 Stunden"; `None` under a
/// minute (or in the future), which the caller words itself.
pub fn waited(then_ms: f64, now_ms: f64) -> Option<String> {
    let seconds = ((now_ms - then_ms) / 1000.0) as i64;
    let (value, unit) = largest_unit(seconds).filter(|(value, _)| *value > 0)?;
    Some(with(|f| {
        call(f.duration(unit), &JsValue::from_f64(value as f64))
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_span_is_counted_in_its_largest_whole_unit() {
        assert_eq!(largest_unit(-30), None);
        assert_eq!(largest_unit(-60), Some((-1, Unit::Minute)));
        assert_eq!(largest_unit(-5 * 3_600 - 59), Some((-5, Unit::Hour)));
        assert_eq!(largest_unit(-3 * 86_400), Some((-3, Unit::Day)));
        assert_eq!(largest_unit(-15 * 86_400), Some((-2, Unit::Week)));
        assert_eq!(largest_unit(-400 * 86_400), Some((-1, Unit::Year)));
        assert_eq!(largest_unit(2 * 3_600), Some((2, Unit::Hour)));
    }
}
