//! The layer rules of ARCHITECTURE.md as checks: which library modules may use which, read
//! from the source. Only the store touches git; the computations (`align`, `lineage`,
//! `provisions`, `redline`) and `render` take data; the store computes nothing; no two files
//! use each other (a parent module's use of the children it declares aside).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A library source file and the module path it defines (`src/align/text.rs` → `align::text`).
struct File {
    module: Vec<String>,
    text: String,
}

fn library_files() -> Vec<File> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut paths = Vec::new();
    walk(&src, &mut paths);
    let mut files = Vec::new();
    for path in paths {
        let rel = path.strip_prefix(&src).unwrap();
        let mut module: Vec<String> = rel
            .with_extension("")
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        // The binary (`main.rs`, `cli/`) uses the library by its name, not `crate::`.
        if module[0] == "main" || module[0] == "cli" {
            continue;
        }
        if module.last().is_some_and(|m| m == "mod" || m == "lib") {
            module.pop();
        }
        let text = strip_comments(&std::fs::read_to_string(&path).unwrap());
        files.push(File { module, text });
    }
    files
}

/// The code of a file without its comments (doc comments name modules they do not use).
fn strip_comments(text: &str) -> String {
    text.lines()
        .map(|l| {
            let code = l.trim_start();
            if code.starts_with("//") { "" } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The module paths a file refers to: `crate::a::b`, `super::b`, and the items of
/// `use crate::{a, b::c}` groups, made absolute.
fn references(file: &File) -> BTreeSet<Vec<String>> {
    let mut out = BTreeSet::new();
    let text = &file.text;
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    for (at, _) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        if at > 0 && text[..at].ends_with(|c: char| ident(c) || c == ':') {
            continue;
        }
        // The module the path starts from.
        let mut base: Vec<String> = Vec::new();
        let mut rest = &text[at..];
        if let Some(r) = rest.strip_prefix("crate::") {
            rest = r;
        } else {
            // `super` is the parent of the file's module, whether `a/b.rs` or `a/b/mod.rs`.
            base = file.module.clone();
            base.pop();
            rest = &rest["super::".len()..];
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
        }
        for path in paths_at(rest) {
            let mut full = base.clone();
            full.extend(path);
            out.insert(full);
        }
    }
    out
}

/// The paths at the start of `rest`: `a::b::C` → [a, b, C]; `{a, b::c}` → [a], [b, c].
fn paths_at(rest: &str) -> Vec<Vec<String>> {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut end = group.len();
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    end = i;
                    break;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        let mut items = Vec::new();
        let mut depth = 0;
        let mut start = 0;
        let inner = &group[..end];
        for (i, c) in inner.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&inner[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        items.push(&inner[start..]);
        return items
            .into_iter()
            .map(str::trim)
            .filter(|i| !i.is_empty() && *i != "self")
            .flat_map(paths_at)
            .collect();
    }
    let mut path = Vec::new();
    let mut s = rest;
    loop {
        let len = s.find(|c: char| !ident(c)).unwrap_or(s.len());
        if len == 0 {
            if let Some(r) = s.strip_prefix('{') {
                let prefix = path.clone();
                return paths_at(&format!("{{{r}"))
                    .into_iter()
                    .map(|p| prefix.iter().cloned().chain(p).collect())
                    .collect();
            }
            break;
        }
        path.push(s[..len].to_owned());
        match s[len..].strip_prefix("::") {
            Some(r) => s = r,
            None => break,
        }
    }
    vec![path]
}

/// Each file's module → the modules of the files it uses.
fn graph() -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let files = library_files();
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| f.module.clone()).collect();
    let mut graph = BTreeMap::new();
    for f in &files {
        let mut uses = BTreeSet::new();
        for r in references(f) {
            // The file a path lands in: its longest prefix that is a file's module.
            let target = (0..=r.len())
                .rev()
                .map(|n| r[..n].to_vec())
                .find(|p| modules.contains(p));
            if let Some(t) = target
                && t != f.module
            {
                uses.insert(t);
            }
        }
        graph.insert(f.module.clone(), uses);
    }
    graph
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".into()
    } else {
        m.join("::")
    }
}

#[test]
fn layers_hold() {
    let graph = graph();
    assert!(graph.len() > 40, "the walk found {} files", graph.len());
    let files = library_files();
    let mut broken = Vec::new();
    for f in &files {
        let top = f.module.first().map(String::as_str).unwrap_or("");
        let uses = &graph[&f.module];
        let uses_top = |m: &str| uses.iter().any(|u| u.first().is_some_and(|t| t == m));
        if ["render", "lineage", "align", "provisions", "redline"].contains(&top) {
            if uses_top("store") {
                broken.push(format!("{} uses crate::store", name(&f.module)));
            }
            if f.text.contains("git2") {
                broken.push(format!("{} uses git2", name(&f.module)));
            }
        }
        if top == "store" {
            for m in ["align", "lineage", "render"] {
                if uses_top(m) {
                    broken.push(format!("{} uses crate::{m}", name(&f.module)));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layer rules broken:\n{}",
        broken.join("\n")
    );
}

#[test]
fn no_two_files_use_each_other() {
    let graph = graph();
    // A parent module declares its children: its uses of them are not a cycle.
    let edges = |from: &Vec<String>| -> Vec<Vec<String>> {
        graph[from]
            .iter()
            .filter(|to| !(to.len() > from.len() && to.starts_with(from)))
            .cloned()
            .collect()
    };
    let mut cycles = Vec::new();
    for from in graph.keys() {
        // Depth-first search for a path back to `from`.
        let mut stack: Vec<(Vec<String>, Vec<Vec<String>>)> = vec![(from.clone(), vec![])];
        let mut seen = BTreeSet::new();
        while let Some((at, path)) = stack.pop() {
            for next in edges(&at) {
                if &next == from {
                    let mut cycle: Vec<String> = path.iter().map(|m| name(m)).collect();
                    cycle.insert(0, name(from));
                    cycle.push(name(&at));
                    cycle.dedup();
                    cycles.push(cycle.join(" → "));
                } else if seen.insert(next.clone()) {
                    let mut p = path.clone();
                    if at != *from {
                        p.push(at.clone());
                    }
                    stack.push((next, p));
                }
            }
        }
    }
    cycles.sort();
    cycles.dedup();
    assert!(
        cycles.is_empty(),
        "files that use each other:\n{}",
        cycles.join("\n")
    );
}
