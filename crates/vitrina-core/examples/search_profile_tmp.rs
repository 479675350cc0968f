use vitrina_core::search::SearchIndex;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let directory = vitrina_core::load_directory(&bytes).unwrap().directory;
    let t = std::time::Instant::now();
    for _ in 0..3 {
        std::hint::black_box(SearchIndex::build(&directory));
    }
    eprintln!("{:?}", t.elapsed() / 3);
}
