//! Layout: both readouts of a document wrapped to a pane width
//! (`PaneLayout::new`), at widths 60 and 120, for 1 MB and 10 MB documents.

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use readouts::document::Document;
use readouts::document::load::load_str;
use readouts::layout::pane::PaneLayout;

fn document(megabytes: f64) -> (Document, u64) {
    let text = corpus::generate(&corpus::Spec::megabytes(megabytes, 1, 300)).to_toml();
    let document = load_str("bench.toml", &text)
        .expect("the generated file is valid")
        .document;
    (document, text.len() as u64)
}

fn layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    for (name, megabytes) in [("1MB", 1.0), ("10MB", 10.0)] {
        let (document, bytes) = document(megabytes);
        group.throughput(Throughput::Bytes(bytes));
        for width in [60, 120] {
            group.bench_function(format!("{name}/width{width}"), |b| {
                b.iter(|| {
                    document.readouts[..2]
                        .iter()
                        .map(|readout| PaneLayout::new(readout, black_box(width)))
                        .collect::<Vec<_>>()
                });
            });
        }
    }
    group.finish();
}

criterion_group!(benches, layout);
criterion_main!(benches);
