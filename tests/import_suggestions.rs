//! `--suggest-topics` on a fixture pair whose corresponding passages are
//! known: topics in a different order on each side, a passage about two
//! subjects, a subject one side gives two passages, and a passage on each
//! side that the other leaves out.

use readouts::import::passages;
use readouts::import::split::Split;
use readouts::import::suggest::suggest;

fn fixture(name: &str) -> Vec<String> {
    let path = format!(
        "{}/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    passages(
        &std::fs::read_to_string(&path).expect("the fixture exists"),
        Split::Auto,
    )
    .0
}

#[test]
fn the_fixture_pairs_are_linked_exactly() {
    let north = fixture("north.txt");
    let south = fixture("south.txt");
    assert_eq!((north.len(), south.len()), (7, 7));
    let found: Vec<(Vec<usize>, Vec<usize>)> = suggest(&north, &south)
        .into_iter()
        .map(|s| (s.left, s.right))
        .collect();
    // Passage numbers from 0; north 3 (the lighthouse) and south 4 (the
    // ferries) have no counterpart and stay out.
    let expected: Vec<(Vec<usize>, Vec<usize>)> = vec![
        (vec![0], vec![2]),    // tone: first in the north, third in the south
        (vec![1], vec![0]),    // the harbour treaty
        (vec![2], vec![1]),    // fishing quotas: north 2 is about two things…
        (vec![2], vec![6]),    // …and dredging the channel
        (vec![4], vec![3]),    // radar data
        (vec![5, 6], vec![5]), // the next meeting, in two northern passages
    ];
    assert_eq!(found, expected);
}

#[test]
fn the_fixture_topics_are_named_from_shared_words() {
    let names: Vec<(String, String)> = suggest(&fixture("north.txt"), &fixture("south.txt"))
        .into_iter()
        .map(|s| (s.id, s.label))
        .collect();
    let names: Vec<(&str, &str)> = names
        .iter()
        .map(|(i, l)| (i.as_str(), l.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("tone-of-the-conversation", "Tone of the conversation"),
            ("harbour-treaty", "Harbour treaty"),
            ("fishing-quotas", "Fishing quotas"),
            ("dredging-channel", "Dredging channel"),
            ("radar-data", "Radar data"),
            ("meeting", "Meeting Tromsø"),
        ]
    );
}
