//! The set of resource files a pipeline runs with: embedded defaults, any
//! subset replaced by a folder's files at run time.

use crate::{Lexicon, ResourceError};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The folder, at the workspace root, that holds the default resource files.
pub const RESOURCE_DIR: &str = "resources";

/// Resource files by path under [`RESOURCE_DIR`] (`roles/crew-before.txt`).
#[derive(Debug, Clone, Default)]
pub struct Resources {
    files: BTreeMap<&'static str, File>,
}

#[derive(Debug, Clone)]
struct File {
    text: String,
    /// How errors name it: the override's path, or `resources/…`.
    origin: String,
}

impl Resources {
    /// No files yet: add each crate's defaults with [`Resources::with_defaults`].
    pub fn new() -> Resources {
        Resources::default()
    }

    /// Adds embedded defaults (see [`crate::embedded!`]).
    pub fn with_defaults(mut self, defaults: &[(&'static str, &'static str)]) -> Resources {
        for &(path, text) in defaults {
            self.files.insert(path, File { text: text.to_string(), origin: format!("{RESOURCE_DIR}/{path}") });
        }
        self
    }

    /// Replaces defaults with the `*.txt` files found below `dir`, laid out
    /// as [`RESOURCE_DIR`] is. A file that replaces no default is an error
    /// (a misspelt name would otherwise be silently ignored).
    pub fn override_from(mut self, dir: &Path) -> Result<Resources, ResourceError> {
        let mut found = Vec::new();
        collect_txt(dir, &mut found).map_err(|e| ResourceError { file: dir.display().to_string(), line: None, message: e.to_string() })?;
        for path in found {
            let relative = path.strip_prefix(dir).unwrap_or(&path).to_string_lossy().replace('\\', "/");
            let origin = path.display().to_string();
            let Some((&key, _)) = self.files.get_key_value(relative.as_str()) else {
                let known: Vec<&str> = self.files.keys().copied().collect();
                return Err(ResourceError {
                    file: origin,
                    line: None,
                    message: format!("replaces no resource file; the files are: {}", known.join(", ")),
                });
            };
            let text =
                std::fs::read_to_string(&path).map_err(|e| ResourceError { file: origin.clone(), line: None, message: e.to_string() })?;
            self.files.insert(key, File { text, origin });
        }
        Ok(self)
    }

    /// The parsed lexicon at `path`.
    pub fn lexicon(&self, path: &str) -> Result<Lexicon, ResourceError> {
        let file = self.file(path)?;
        Lexicon::parse(&file.origin, &file.text)
    }

    /// The text of the file at `path`.
    pub fn text(&self, path: &str) -> Result<&str, ResourceError> {
        Ok(&self.file(path)?.text)
    }

    /// Every file's path, sorted.
    pub fn paths(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.files.keys().copied()
    }

    /// Writes every file, as the pipeline would read it, below `dir`: the
    /// starting point for an override folder.
    pub fn export(&self, dir: &Path) -> std::io::Result<()> {
        for (path, file) in &self.files {
            let target = dir.join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(target, &file.text)?;
        }
        Ok(())
    }

    fn file(&self, path: &str) -> Result<&File, ResourceError> {
        self.files.get(path).ok_or_else(|| ResourceError {
            file: format!("{RESOURCE_DIR}/{path}"),
            line: None,
            message: "no such resource file is embedded".to_string(),
        })
    }
}

fn collect_txt(dir: &Path, found: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        if path.is_dir() {
            collect_txt(&path, found)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            found.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULTS: &[(&str, &str)] = &[("roles/cast.txt", "# match: word\ncast\n"), ("events/renewal.txt", "# match: phrase\nrenewed\n")];

    #[test]
    fn an_override_replaces_only_its_own_file() {
        let dir = std::env::temp_dir().join(format!("scoop-lexicon-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("roles")).unwrap();
        std::fs::write(dir.join("roles/cast.txt"), "# match: word\ncast\nensemble\n").unwrap();
        let resources = Resources::new().with_defaults(DEFAULTS).override_from(&dir).unwrap();
        assert!(resources.lexicon("roles/cast.txt").unwrap().contains("ensemble"));
        assert!(resources.lexicon("events/renewal.txt").unwrap().contains("renewed"));
        std::fs::write(dir.join("roles/typo.txt"), "# match: word\ncast\n").unwrap();
        let err = Resources::new().with_defaults(DEFAULTS).override_from(&dir).unwrap_err();
        assert!(err.file.ends_with("roles/typo.txt") && err.message.contains("replaces no resource file"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn errors_name_the_embedded_file() {
        let resources = Resources::new().with_defaults(&[("roles/bad.txt", "# match: word\nrole of\n")]);
        assert_eq!(resources.lexicon("roles/bad.txt").unwrap_err().file, "resources/roles/bad.txt");
        assert!(resources.lexicon("roles/none.txt").is_err());
    }
}
