//! The app's component tests in headless Chromium (wasm-bindgen-test), all in one test
//! binary so the app is compiled and linked for them once.
#![cfg(target_arch = "wasm32")]

mod components;
mod dialogs;
mod feedback;
mod form;
mod support;
mod table;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
