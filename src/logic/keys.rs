//! Keyboard-first triage: which key does what in the Task Manager. Pure, so the mapping and
//! the rules for when a shortcut must not fire are host-tested; listening for keys is
//! [`crate::platform::on_document_keydown`].

/// Something a shortcut asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shortcut {
    /// Move the current row down (j, ArrowDown).
    Down,
    /// Move the current row up (k, ArrowUp).
    Up,
    /// Select or unselect the current row (x).
    Toggle,
    /// Open the current row's detail page (Enter).
    Open,
    /// Go back, or clear the selection / the current row (Escape).
    Back,
    /// Mark Complete on the selection, else the current row (c).
    Complete,
    /// Approve All (a).
    ApproveAll,
    /// Reject All (r).
    RejectAll,
    /// Forward (f).
    Forward,
    /// Focus the search field (/).
    Search,
    /// List every shortcut (?).
    Help,
}

/// How the "?" dialog names a shortcut's keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// Shown as they are: letters, arrows and symbols, as every keyboard prints them.
    Shown(&'static str),
    /// The Enter key, named in the person's language.
    Enter,
    /// The Escape key, named in the person's language.
    Escape,
}

/// Every shortcut with its keys and what it does, for the "?" dialog.
pub const HELP: [(Keys, &str); 11] = [
    (Keys::Shown("j / ↓"), "next"),
    (Keys::Shown("k / ↑"), "previous"),
    (Keys::Shown("x"), "select"),
    (Keys::Enter, "open"),
    (Keys::Escape, "clear"),
    (Keys::Shown("c"), "complete"),
    (Keys::Shown("a"), "approve"),
    (Keys::Shown("r"), "reject"),
    (Keys::Shown("f"), "forward"),
    (Keys::Shown("/"), "search"),
    (Keys::Shown("?"), "help"),
];

/// What has focus when a key is pressed, as far as shortcuts care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Somewhere a person types (input, textarea, select, contenteditable): no shortcut.
    Typing,
    /// Inside an open dialog: the dialog handles its own keys.
    Dialog,
    /// A button, link or checkbox, which Enter (and Space) already activate.
    Control,
    /// Anything else (the page, a row).
    Page,
}

/// Modifier keys held with a key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// Ctrl.
    pub ctrl: bool,
    /// Meta (⌘ / Windows).
    pub meta: bool,
    /// Alt / Option.
    pub alt: bool,
}

/// A key as the shortcuts read it: `key` and `code` of a `KeyboardEvent`, and whether Shift
/// was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pressed<'a> {
    /// The character or key name the layout gives (`KeyboardEvent.key`).
    pub key: &'a str,
    /// The physical key (`KeyboardEvent.code`), e.g. `KeyJ`, `Slash`.
    pub code: &'a str,
    /// Whether Shift was held.
    pub shift: bool,
}

impl Pressed<'_> {
    /// The key the shortcuts are written for. The layout's character, except:
    /// - with Caps Lock on, a letter typed without Shift is that letter in lower case;
    /// - on a layout that is not Latin (Arabic, Russian…), whose letters name no shortcut,
    ///   the key in the same place on a US keyboard: `ت` on the J key is `j`, and `؟`
    ///   (Shift and the slash key) is `?`.
    fn as_written(&self) -> std::borrow::Cow<'_, str> {
        let mut chars = self.key.chars();
        let (Some(only), None) = (chars.next(), chars.next()) else {
            return self.key.into();
        };
        if only.is_ascii_uppercase() && !self.shift {
            return only.to_ascii_lowercase().to_string().into();
        }
        if only.is_ascii() {
            return self.key.into();
        }
        match (self.code.strip_prefix("Key"), self.code) {
            (Some(letter), _) if letter.len() == 1 && !self.shift => letter.to_lowercase().into(),
            (_, "Slash") => if self.shift { "?" } else { "/" }.into(),
            _ => self.key.into(),
        }
    }
}

/// The shortcut a pressed key stands for, if any. Nothing fires while the person types or
/// is in a dialog, or with Ctrl, Meta or Alt held (those are the browser's and the screen
/// reader's); Enter is left to a focused button or link.
pub fn shortcut(pressed: Pressed, modifiers: Modifiers, focus: Focus) -> Option<Shortcut> {
    if modifiers.ctrl || modifiers.meta || modifiers.alt {
        return None;
    }
    if matches!(focus, Focus::Typing | Focus::Dialog) {
        return None;
    }
    Some(match pressed.as_written().as_ref() {
        "j" | "ArrowDown" => Shortcut::Down,
        "k" | "ArrowUp" => Shortcut::Up,
        "x" => Shortcut::Toggle,
        "Enter" if focus == Focus::Page => Shortcut::Open,
        "Escape" => Shortcut::Back,
        "c" => Shortcut::Complete,
        "a" => Shortcut::ApproveAll,
        "r" => Shortcut::RejectAll,
        "f" => Shortcut::Forward,
        "/" => Shortcut::Search,
        "?" => Shortcut::Help,
        _ => return None,
    })
}

/// Whether `pressed` is a single-character key (a letter, digit or symbol, as `j` or `?`),
/// the kind of shortcut a person must be able to turn off (WCAG 2.1.4); Enter, Escape and
/// the arrows are not.
pub fn is_single_key(pressed: Pressed) -> bool {
    pressed.as_written().chars().count() == 1
}

/// How to read the focused element for [`Focus`]: its tag name (any case), whether it is
/// content-editable, whether it is inside a modal dialog, and its `type` if an input.
pub fn focus_of(tag: &str, editable: bool, in_dialog: bool, input_type: &str) -> Focus {
    if in_dialog {
        return Focus::Dialog;
    }
    let tag = tag.to_ascii_lowercase();
    match tag.as_str() {
        _ if editable => Focus::Typing,
        "textarea" | "select" => Focus::Typing,
        // A checkbox or button-like input types nothing: the row checkboxes keep shortcuts.
        "input" => match input_type.to_ascii_lowercase().as_str() {
            "checkbox" | "radio" | "button" | "submit" | "reset" => Focus::Control,
            _ => Focus::Typing,
        },
        "button" | "a" | "summary" => Focus::Control,
        _ => Focus::Page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NONE: Modifiers = Modifiers {
        ctrl: false,
        meta: false,
        alt: false,
    };

    /// A key pressed on a US layout without Shift.
    fn us(key: &str) -> Pressed<'_> {
        Pressed {
            key,
            code: "",
            shift: key == "?" || key.chars().all(|c| c.is_ascii_uppercase()),
        }
    }

    #[test]
    fn each_documented_key_maps_to_its_shortcut() {
        let on_page = |key| shortcut(us(key), NONE, Focus::Page);
        assert_eq!(on_page("j"), Some(Shortcut::Down));
        assert_eq!(on_page("ArrowDown"), Some(Shortcut::Down));
        assert_eq!(on_page("k"), Some(Shortcut::Up));
        assert_eq!(on_page("ArrowUp"), Some(Shortcut::Up));
        assert_eq!(on_page("x"), Some(Shortcut::Toggle));
        assert_eq!(on_page("Enter"), Some(Shortcut::Open));
        assert_eq!(on_page("Escape"), Some(Shortcut::Back));
        assert_eq!(on_page("c"), Some(Shortcut::Complete));
        assert_eq!(on_page("a"), Some(Shortcut::ApproveAll));
        assert_eq!(on_page("r"), Some(Shortcut::RejectAll));
        assert_eq!(on_page("f"), Some(Shortcut::Forward));
        assert_eq!(on_page("/"), Some(Shortcut::Search));
        assert_eq!(on_page("?"), Some(Shortcut::Help));
        assert_eq!(on_page("q"), None);
        assert_eq!(on_page("J"), None, "Shift+j is not j");
    }

    #[test]
    fn caps_lock_and_layouts_that_are_not_latin_keep_the_shortcuts_where_they_are() {
        let on_page = |key, code, shift| shortcut(Pressed { key, code, shift }, NONE, Focus::Page);
        // Caps Lock: the letter comes in upper case, without Shift.
        assert_eq!(on_page("J", "KeyJ", false), Some(Shortcut::Down));
        assert_eq!(on_page("J", "KeyJ", true), None);
        // Arabic: the J key types ت, the slash key ظ, and with Shift ؟.
        assert_eq!(on_page("ت", "KeyJ", false), Some(Shortcut::Down));
        assert_eq!(on_page("ش", "KeyA", false), Some(Shortcut::ApproveAll));
        assert_eq!(on_page("ظ", "Slash", false), Some(Shortcut::Search));
        assert_eq!(on_page("؟", "Slash", true), Some(Shortcut::Help));
        assert_eq!(
            on_page("ت", "KeyJ", true),
            None,
            "Shift on a letter is no shortcut"
        );
        // Russian: the K key types л.
        assert_eq!(on_page("л", "KeyK", false), Some(Shortcut::Up));
        // A Latin layout is read by its characters, not by where they are: on a German
        // keyboard the Y key types z, which is no shortcut, and / is Shift+7.
        assert_eq!(on_page("z", "KeyY", false), None);
        assert_eq!(on_page("/", "Digit7", true), Some(Shortcut::Search));
        assert_eq!(
            on_page("ArrowDown", "ArrowDown", false),
            Some(Shortcut::Down)
        );
    }

    #[test]
    fn nothing_fires_while_typing_in_a_dialog_or_with_a_modifier_held() {
        for focus in [Focus::Typing, Focus::Dialog] {
            assert_eq!(shortcut(us("a"), NONE, focus), None);
            assert_eq!(shortcut(us("Escape"), NONE, focus), None);
        }
        for held in [
            Modifiers { ctrl: true, ..NONE },
            Modifiers { meta: true, ..NONE },
            Modifiers { alt: true, ..NONE },
        ] {
            assert_eq!(shortcut(us("r"), held, Focus::Page), None);
        }
    }

    #[test]
    fn enter_on_a_focused_button_or_link_is_left_to_it_but_letters_still_work() {
        assert_eq!(shortcut(us("Enter"), NONE, Focus::Control), None);
        assert_eq!(
            shortcut(us("j"), NONE, Focus::Control),
            Some(Shortcut::Down)
        );
    }

    #[test]
    fn letters_and_symbols_are_single_keys_and_enter_escape_and_the_arrows_are_not() {
        for key in ["j", "k", "x", "c", "a", "r", "f", "/", "?"] {
            assert!(is_single_key(us(key)), "{key}");
        }
        let arabic_j = Pressed {
            key: "ت",
            code: "KeyJ",
            shift: false,
        };
        assert!(is_single_key(arabic_j));
        for key in ["Enter", "Escape", "ArrowDown", "ArrowUp"] {
            assert!(!is_single_key(us(key)), "{key}");
        }
    }

    #[test]
    fn text_fields_selects_and_editable_content_count_as_typing_and_checkboxes_do_not() {
        assert_eq!(focus_of("INPUT", false, false, "search"), Focus::Typing);
        assert_eq!(focus_of("input", false, false, ""), Focus::Typing);
        assert_eq!(focus_of("TEXTAREA", false, false, ""), Focus::Typing);
        assert_eq!(focus_of("SELECT", false, false, ""), Focus::Typing);
        assert_eq!(focus_of("DIV", true, false, ""), Focus::Typing);
        assert_eq!(focus_of("INPUT", false, false, "checkbox"), Focus::Control);
        assert_eq!(focus_of("BUTTON", false, false, ""), Focus::Control);
        assert_eq!(focus_of("A", false, false, ""), Focus::Control);
        assert_eq!(focus_of("BODY", false, false, ""), Focus::Page);
        assert_eq!(focus_of("BUTTON", false, true, ""), Focus::Dialog);
    }
}
