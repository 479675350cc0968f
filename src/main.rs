//! Mounts the app; everything else lives in the library so browser tests can mount parts of it.

fn main() {
    vitrina::adapters::page::remove_boot_shell();
    leptos::mount::mount_to_body(vitrina::App);
}
