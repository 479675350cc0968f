//! Reading a directory a few members at a time (as the app does, yielding to the browser in
//! between) gives exactly what reading it at once gives, whatever the steps.

mod common;

use proptest::prelude::*;
use vitrina_core::load::DirectoryLoader;
use vitrina_core::{load_directory, LoadError, Loaded};

/// The files read: the sample directory and every broken or hostile fixture.
fn files() -> Vec<(String, Vec<u8>)> {
    let mut paths = vec!["data/directory.json".to_owned()];
    paths.extend(common::json_files_in("tests/fixtures/broken"));
    paths.into_iter().map(|path| (path.clone(), common::read(&path))).collect()
}

/// Reads `bytes` in steps of `step` members, checking the progress it reports on the way.
fn stepwise(bytes: &[u8], step: usize) -> Result<Loaded, LoadError> {
    let mut loader = DirectoryLoader::start(bytes.to_vec())?;
    let (_, total) = loader.progress();
    let mut steps = 0;
    loop {
        let before = loader.progress().0;
        let mut left = step;
        let done = loader.read_members(|| {
            left -= 1;
            left > 0
        })?;
        let after = loader.progress().0;
        assert_eq!(after - before, step.min(total - before), "each call reads its step");
        steps += 1;
        if done {
            assert_eq!(after, total);
            break;
        }
        assert!(steps <= total, "reading never stalls");
    }
    loader.finish()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_steps_give_what_reading_at_once_gives(step in 1usize..40) {
        for (path, bytes) in files() {
            prop_assert_eq!(stepwise(&bytes, step), load_directory(&bytes), "{} in steps of {}", path, step);
        }
    }
}

#[test]
fn the_sample_is_read_in_several_steps() {
    let bytes = common::read("data/directory.json");
    let mut loader = DirectoryLoader::start(bytes).expect("the sample starts");
    assert_eq!(loader.progress().0, 0, "nothing is read before the first step");
    assert!(!loader.read_members(|| false).expect("one member"));
    assert_eq!(loader.progress().0, 1);
    let loaded = loader.finish().expect("the rest");
    assert!(loaded.directory.members.len() > 100);
}
