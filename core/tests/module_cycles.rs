//! No module of the core, the widget or the functions' binding reaches back to a module that
//! reaches it: a cycle means two modules can only be understood, changed and tested together.
//!
//! A module is a source file (`a/mod.rs` is `a`). It depends on another when its code names a
//! path into it (`use crate::a::b`, `crate::a::b::f(...)`, `super::c`, also inside a serde
//! attribute's string); the longest path that is a module counts. Declaring a child (`mod b;`)
//! is not a dependency, and nor is anything in a `#[cfg(test)] mod tests` block.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, by module path (`read::fast`; the crate root is "").
fn modules(dir: &Path) -> BTreeMap<String, PathBuf> {
    let mut found = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(dir).unwrap().with_extension("");
                let mut parts: Vec<String> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    parts.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    parts.pop();
                }
                found.insert(parts.join("::"), path);
            }
        }
    }
    found
}

/// The paths that start with `crate::`, `super::` or `self::` in `code`, with `use` groups
/// (`use crate::a::{b, c::d}`) expanded to their first segment inside the group.
fn paths(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b':';
    for start in ["crate::", "super::", "self::"] {
        let mut from = 0;
        while let Some(at) = code[from..].find(start) {
            let begin = from + at;
            from = begin + start.len();
            if begin > 0 && (bytes[begin - 1].is_ascii_alphanumeric() || bytes[begin - 1] == b'_') {
                continue;
            }
            let mut end = begin;
            while end < bytes.len() && word(bytes[end]) {
                end += 1;
            }
            let path = code[begin..end].trim_end_matches(':').to_owned();
            if code[end..].starts_with('{') {
                let group_end = code[end..].find('}').map_or(code.len(), |i| end + i);
                for member in code[end + 1..group_end].split(',') {
                    let member = member.trim().trim_start_matches('{');
                    let first = member.split("::").next().unwrap_or("").trim();
                    if !first.is_empty() && first != "self" {
                        found.push(format!("{path}::{first}"));
                    }
                }
            }
            found.push(path);
        }
    }
    found
}

/// The module a path from module `current` lands in: the longest prefix that is a module.
fn resolve(path: &str, current: &str, known: &BTreeMap<String, PathBuf>) -> Option<String> {
    let mut segments: Vec<&str> = path.split("::").collect();
    let mut base: Vec<&str> = if current.is_empty() {
        Vec::new()
    } else {
        current.split("::").collect()
    };
    match segments.first() {
        Some(&"crate") => {
            base.clear();
            segments.remove(0);
        }
        Some(&"self") => {
            segments.remove(0);
        }
        Some(&"super") => {
            while segments.first() == Some(&"super") {
                segments.remove(0);
                base.pop();
            }
        }
        _ => return None,
    }
    base.extend(segments);
    (1..=base.len())
        .rev()
        .map(|n| base[..n].join("::"))
        .find(|candidate| known.contains_key(candidate))
}

/// The module's code without its tests, which may reach anywhere.
fn without_tests(code: &str) -> &str {
    code.find("#[cfg(test)]\nmod tests")
        .map_or(code, |at| &code[..at])
}

/// Groups of modules that reach each other (Tarjan's strongly connected components).
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Walk<'a> {
        edges: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        found: Vec<Vec<String>>,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, node: &'a str) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            for next in self.edges.get(node).into_iter().flatten() {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.stack.contains(&next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut group = Vec::new();
                while let Some(member) = self.stack.pop() {
                    group.push(member.to_owned());
                    if member == node {
                        break;
                    }
                }
                if group.len() > 1 {
                    group.sort();
                    self.found.push(group);
                }
            }
        }
    }
    let mut walk = Walk {
        edges,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for node in edges.keys() {
        if !walk.index.contains_key(node.as_str()) {
            walk.visit(node);
        }
    }
    walk.found
}

fn cycles_in(source: &Path) -> Vec<Vec<String>> {
    let known = modules(source);
    let edges: BTreeMap<String, BTreeSet<String>> = known
        .iter()
        .map(|(module, file)| {
            let code = fs::read_to_string(file).unwrap();
            let targets = paths(without_tests(&code))
                .iter()
                .filter_map(|path| resolve(path, module, &known))
                .filter(|target| target != module && !target.is_empty())
                .collect();
            (module.clone(), targets)
        })
        .collect();
    cycles(&edges)
}

#[test]
fn no_module_reaches_back_to_a_module_that_reaches_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for crate_source in ["core/src", "widget/src", "widget/api/src"] {
        let found = cycles_in(&root.join(crate_source));
        assert!(
            found.is_empty(),
            "{crate_source} has import cycles: {found:?}"
        );
    }
}

#[test]
fn the_check_sees_a_cycle_through_a_use_group_and_a_serde_attribute() {
    let dir = std::env::temp_dir().join(format!("module-cycles-{}", std::process::id()));
    fs::create_dir_all(dir.join("read")).unwrap();
    fs::write(dir.join("lib.rs"), "mod model;\nmod read;\n").unwrap();
    fs::write(
        dir.join("model.rs"),
        "#[serde(deserialize_with = \"crate::read::helpers::object\")]\npub struct M;\n",
    )
    .unwrap();
    fs::write(dir.join("read/mod.rs"), "pub mod helpers;\n").unwrap();
    fs::write(
        dir.join("read/helpers.rs"),
        "use crate::{model::M, read};\n#[cfg(test)]\nmod tests { use crate::lib; }\n",
    )
    .unwrap();
    let found = cycles_in(&dir);
    fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        found,
        [vec!["model".to_owned(), "read::helpers".to_owned()]]
    );
}
