//! Entry point of the browser app: its words, then the root component in place of the boot
//! script's preview of Task Manager (`assets/preview.js`), if it drew one.
fn main() {
    console_error_panic_hook::set_once();
    my_tasks::app::start(my_tasks::App, &my_tasks::i18n::APP_WORDS);
}
