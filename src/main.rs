//! Mounts the app; everything else lives in the library so browser tests can mount parts of it.

fn main() {
    // Instantiating the wasm, opening localStorage and building the first screen are three
    // tasks, not one long one: on a phone the page stays responsive in between.
    // wasm-bindgen's own executor: Leptos' starts with the mount.
    vitrina::adapters::scheduling::spawn(async {
        vitrina::adapters::scheduling::next_task().await;
        vitrina::adapters::local_store::open();
        vitrina::adapters::scheduling::next_task().await;
        vitrina::adapters::page::remove_boot_shell();
        leptos::mount::mount_to_body(vitrina::App);
    });
}
