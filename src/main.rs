//! Entry point of the browser app: mounts the root component.
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(my_tasks::App);
}
