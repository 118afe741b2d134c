//! The shape of `src/`, held by a test: the top-level modules form layers
//! (none imports one above it), no two modules import each other round a
//! circle, and the pure core has no terminal in it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may use those of lower layers only.
const LAYERS: &[&[&str]] = &[
    &["document"],
    // `lens` uses `import`'s word finder (one tokenizer and stemmer for
    // the program); modules of one layer may use each other, as long as
    // no two do round a circle.
    &["layout", "import", "lens", "io", "config"],
    &["app", "export"],
    &["ui"],
    &["terminal"],
    &["commands"],
    &["cli"],
];

/// The folders of the pure core, which never name the terminal library.
const CORE: &[&str] = &[
    "document", "layout", "app", "import", "lens", "export", "config",
];

fn layer_of(module: &str) -> usize {
    let top = module.split("::").next().unwrap_or(module);
    LAYERS
        .iter()
        .position(|layer| layer.contains(&top))
        .unwrap_or_else(|| panic!("`{top}` is in no layer: add it to LAYERS"))
}

fn source_files(folder: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).expect("a folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            source_files(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// `src/app/view.rs` is `app::view`; `src/app/mod.rs` is `app`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let relative = file.strip_prefix(src).ok()?.with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|last| last == "mod") {
        parts.pop();
    }
    match parts.as_slice() {
        [] => None,
        [only] if only == "lib" || only == "main" => None,
        _ => Some(parts.join("::")),
    }
}

/// The code of a file without its comments and its tests.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    text.lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file names: `crate::a::b` and `super::c`, as far as
/// they go through `::`-joined lowercase names.
fn named_paths(module: &str, code: &str) -> Vec<String> {
    let mut paths = Vec::new();
    for (prefix, base) in [("crate::", String::new()), ("super::", parent_of(module))] {
        let mut rest = code;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let path = module_path_at(rest);
            let full = if base.is_empty() {
                path.to_string()
            } else if path.is_empty() {
                base.clone()
            } else {
                format!("{base}::{path}")
            };
            paths.push(full);
            // `super::{a, b::c}` and `crate::x::{a, b}`: the names in braces.
            if let Some(group) = rest[path.len()..]
                .strip_prefix("::{")
                .or_else(|| rest[path.len()..].strip_prefix('{'))
            {
                let end = group.find('}').unwrap_or(group.len());
                let inner_base = paths.last().cloned().unwrap_or_default();
                for item in group[..end].split(',') {
                    let name = module_path_at(item.trim());
                    if !name.is_empty() && name != "self" {
                        paths.push(if inner_base.is_empty() {
                            name.to_string()
                        } else {
                            format!("{inner_base}::{name}")
                        });
                    }
                }
            }
        }
    }
    paths
}

/// The `::`-joined lowercase names a text starts with (`a::b` of
/// `a::b::{C}`), without a trailing `::`.
fn module_path_at(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == ':'))
        .unwrap_or(text.len());
    text[..end].trim_end_matches(':')
}

/// What `super` names in a module: its parent.
fn parent_of(module: &str) -> String {
    match module.rsplit_once("::") {
        Some((parent, _)) => parent.to_string(),
        None => String::new(),
    }
}

/// The longest known module a path starts with.
fn resolve(path: &str, modules: &BTreeSet<String>) -> Option<String> {
    let parts: Vec<&str> = path.split("::").collect();
    (1..=parts.len())
        .rev()
        .map(|n| parts[..n].join("::"))
        .find(|candidate| modules.contains(candidate))
}

fn is_within(module: &str, other: &str) -> bool {
    module == other || module.starts_with(&format!("{other}::"))
}

/// Every module of `src/` and the modules each one uses, leaving out its
/// own ancestors and descendants (a folder's `mod.rs` and its files are
/// one unit).
fn module_graph() -> (BTreeMap<String, BTreeSet<String>>, Vec<String>) {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let texts: Vec<(String, String)> = files
        .iter()
        .filter_map(|file| {
            let module = module_of(&src, file)?;
            let text = std::fs::read_to_string(file).expect("readable");
            Some((module, text))
        })
        .collect();
    let modules: BTreeSet<String> = texts.iter().map(|(m, _)| m.clone()).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut crossterm = Vec::new();
    for (module, text) in &texts {
        let code = code_of(text);
        if code.contains("crossterm") {
            crossterm.push(module.clone());
        }
        let uses = graph.entry(module.clone()).or_default();
        for path in named_paths(module, &code) {
            let Some(target) = resolve(&path, &modules) else {
                continue;
            };
            if is_within(module, &target) || is_within(&target, module) {
                continue;
            }
            uses.insert(target);
        }
    }
    (graph, crossterm)
}

#[test]
fn no_module_uses_one_of_a_higher_layer() {
    let (graph, _) = module_graph();
    let mut wrong = Vec::new();
    for (module, uses) in &graph {
        for used in uses {
            if layer_of(used) > layer_of(module) {
                wrong.push(format!("{module} uses {used}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports from above: {wrong:#?}");
}

#[test]
fn no_modules_use_each_other_round_a_circle() {
    let (graph, _) = module_graph();
    // Depth-first, with the path so far: a module met again on it closes
    // a circle.
    fn visit(
        module: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        circles: &mut Vec<String>,
    ) {
        if let Some(at) = path.iter().position(|m| m == module) {
            circles.push(format!("{} → {module}", path[at..].join(" → ")));
            return;
        }
        if !done.insert(module.to_string()) {
            return;
        }
        path.push(module.to_string());
        for used in graph.get(module).into_iter().flatten() {
            visit(used, graph, path, done, circles);
        }
        path.pop();
    }
    let mut circles = Vec::new();
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        visit(module, &graph, &mut Vec::new(), &mut done, &mut circles);
    }
    assert!(circles.is_empty(), "circles: {circles:#?}");
}

#[test]
fn the_pure_core_has_no_terminal_in_it() {
    let (_, crossterm) = module_graph();
    let in_core: Vec<&String> = crossterm
        .iter()
        .filter(|module| CORE.iter().any(|core| is_within(module, core)))
        .collect();
    assert!(in_core.is_empty(), "crossterm in the core: {in_core:?}");
}

#[test]
fn the_graph_sees_the_imports_it_checks() {
    let (graph, _) = module_graph();
    let uses = |module: &str, used: &str| graph.get(module).is_some_and(|u| u.contains(used));
    assert!(uses("cli", "commands::check"), "crate:: paths in braces");
    assert!(uses("app::search", "app::folded"), "super:: paths");
    assert!(uses("ui::pane", "app"), "crate:: paths");
    assert!(
        !uses("app::view", "app"),
        "a module's own parent is not counted"
    );
}
