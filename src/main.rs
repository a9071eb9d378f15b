//! Entry point of the browser app: mounts the root component beneath the boot script's
//! preview of Task Manager (`assets/preview.js`), if it drew one, which Task Manager
//! removes once its rows are drawn.
fn main() {
    console_error_panic_hook::set_once();
    my_tasks::platform::start_under_preview();
    leptos::mount::mount_to_body(my_tasks::App);
}
