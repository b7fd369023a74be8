//! What the command-line tests share: a folder of a test's own, removed when the
//! test is done so repeated runs on one machine do not fill its disk, and a way to
//! run the real binary in it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `xuncha ARGS` in `dir`: its exit code, standard output and standard error.
#[allow(dead_code)]
pub fn xuncha(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xuncha"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap_or_else(|e| panic!("cannot start xuncha: {e}"));
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

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
