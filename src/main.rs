//! Entry point of the browser app: mounts the root component in place of the boot
//! script's preview of Task Manager (`assets/preview.js`), if it drew one.
fn main() {
    console_error_panic_hook::set_once();
    my_tasks::platform::remove_preview();
    leptos::mount::mount_to_body(my_tasks::App);
}
