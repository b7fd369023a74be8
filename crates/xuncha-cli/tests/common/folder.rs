//! A test's own folder, removed when the test is done, so repeated runs on one
//! machine do not fill its disk.

use std::path::{Path, PathBuf};

pub struct Folder(pub PathBuf);

impl Folder {
    /// A fresh folder named after the test and this process.
    pub fn new(name: &str) -> Folder {
        let dir = std::env::temp_dir().join(format!("xuncha-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("cannot make {}: {e}", dir.display()));
        Folder(dir)
    }
}

impl std::ops::Deref for Folder {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        // A folder still in use (a failed test's files) may stay; nothing reads it later.
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
