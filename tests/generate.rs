//! The stress corpus of the benches and `examples/generate.rs`: the same
//! seed gives the same file, the file is valid, and its size is the size
//! asked for.

#[path = "../benches/support/corpus.rs"]
mod corpus;

use corpus::{Spec, generate};
use readouts::document::load::load_str;

fn spec(megabytes: f64, seed: u64) -> Spec {
    Spec::megabytes(megabytes, seed, 40)
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    assert_eq!(
        generate(&spec(0.06, 7)).to_toml(),
        generate(&spec(0.06, 7)).to_toml()
    );
    assert_ne!(
        generate(&spec(0.06, 7)).to_toml(),
        generate(&spec(0.06, 8)).to_toml()
    );
}

#[test]
fn the_file_loads_without_warnings_and_carries_every_topic() {
    let corpus = generate(&spec(0.2, 1));
    let loaded = load_str("generated.toml", &corpus.to_toml()).expect("the file is valid");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let document = loaded.document;
    assert_eq!(document.topics.len(), 40);
    assert_eq!(document.readouts.len(), 2);
    for side in 0..2 {
        let passages = &document.readouts[side].passages;
        assert_eq!(passages.len(), corpus.passages(side).len());
        for (loaded, generated) in passages.iter().zip(corpus.passages(side)) {
            // The loader joins the file's lines back into the one paragraph.
            assert_eq!(loaded.text, generated.text);
            assert_eq!(loaded.topics, generated.topics);
            assert_eq!(loaded.quote, generated.quote);
            let words = generated.text.split(' ').count();
            assert!((20..=160).contains(&words), "{words} words");
            assert!(generated.topics.len() <= 2);
        }
    }
}

#[test]
fn the_file_is_about_the_size_asked_for() {
    for megabytes in [0.05, 0.3] {
        let spec = spec(megabytes, 3);
        let bytes = spec.bytes;
        let length = generate(&spec).to_toml().len();
        assert!(
            length >= bytes && length < bytes + bytes / 20,
            "asked {bytes}, got {length}"
        );
    }
}

#[test]
fn a_tiny_file_still_has_a_passage_on_each_side() {
    let corpus = generate(&spec(0.000_001, 1));
    assert!(!corpus.passages(0).is_empty() && !corpus.passages(1).is_empty());
    assert!(load_str("tiny.toml", &corpus.to_toml()).is_ok());
}
