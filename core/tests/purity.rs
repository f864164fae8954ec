//! The core stays pure: nothing browser-specific may enter its dependency tree, so the same
//! code runs natively, in Node and in the browser, and stays testable without a browser.

use std::process::Command;

const FORBIDDEN: &[&str] = &[
    "wasm-bindgen",
    "web-sys",
    "js-sys",
    "gloo",
    "yew",
    "serde-wasm-bindgen",
];

#[test]
fn core_has_no_browser_dependencies() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "tree",
            "-p",
            "maturity-core",
            "--edges",
            "normal,build",
            "--prefix",
            "none",
            "--features",
            "schema",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo tree runs");
    assert!(
        output.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tree = String::from_utf8(output.stdout).expect("utf-8");
    let crates: Vec<&str> = tree
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert!(crates.contains(&"serde"), "the tree was read: {tree}");
    for name in FORBIDDEN {
        assert!(
            !crates.contains(name),
            "maturity-core must not depend on {name}:\n{tree}"
        );
    }
}
