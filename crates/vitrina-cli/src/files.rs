//! Writing files whole or not at all.

use std::io;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a temporary file beside it and a rename, so a reader (or a
/// web server) sees the old file or the new one, never half of one; on failure nothing is left.
pub fn write_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temporary = temporary_beside(path);
    let written = std::fs::write(&temporary, bytes).and_then(|()| std::fs::rename(&temporary, path));
    if written.is_err() {
        // Best effort: the temporary file may not exist if the write failed early.
        let _ = std::fs::remove_file(&temporary);
    }
    written
}

fn temporary_beside(path: &Path) -> PathBuf {
    let name = path.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.vitrina-{}.tmp", std::process::id()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = std::env::temp_dir().join(format!("vitrina-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("directory.json");
        std::fs::write(&path, "old").expect("write");
        write_whole(&path, b"new").expect("writes");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "new");
        let names: Vec<String> = std::fs::read_dir(&dir)
            .expect("list")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into())
            .collect();
        assert_eq!(names, ["directory.json"]);
        assert!(write_whole(&dir.join("no-such-dir").join("x.json"), b"x").is_err());
        std::fs::remove_dir_all(&dir).expect("clean up");
    }
}
