//! Reading gold and system documents from a folder of JSON files or a JSON Lines file.

use crate::format::{read_doc_records, DocRecords};
use anyhow::Context;
use std::path::Path;

/// Every `*.json` file directly in `dir`, in file-name order.
pub fn load_dir(dir: &Path) -> anyhow::Result<Vec<DocRecords>> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("{}: cannot list", dir.display()))? {
        let path = entry.with_context(|| format!("{}: cannot list", dir.display()))?.path();
        if path.is_file() && path.extension().is_some_and(|e| e == "json") {
            paths.push(path);
        }
    }
    paths.sort();
    paths.iter().map(|p| read_doc_records(p)).collect()
}

/// One document per non-blank line; an error names the file and the line.
pub fn load_jsonl(path: &Path) -> anyhow::Result<Vec<DocRecords>> {
    let text = std::fs::read_to_string(path).with_context(|| format!("{}: cannot read", path.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line)
                .map_err(|e| anyhow::anyhow!("{}:{}:{}: not a guide-format document: {}", path.display(), i + 1, e.column(), e))
        })
        .collect()
}

/// A folder is read with [`load_dir`], a file with [`load_jsonl`].
pub fn load_system(path: &Path) -> anyhow::Result<Vec<DocRecords>> {
    if path.is_dir() {
        load_dir(path)
    } else {
        load_jsonl(path)
    }
}
