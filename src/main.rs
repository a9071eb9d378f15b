//! Entry point of the browser app: its words, then the root component beneath the boot
//! script's preview of Task Manager (`assets/preview.js`), if it drew one, which Task
//! Manager removes once its rows are drawn.
fn main() {
    console_error_panic_hook::set_once();
    my_tasks::app::start(my_tasks::App, &my_tasks::i18n::APP_WORDS);
}
