//! Loading: parse, validate and normalise a readout file of 1 MB and 10 MB
//! (`readouts::document::load::load_str`), and the built-in readout.

#[path = "support/corpus.rs"]
mod corpus;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use readouts::document::builtin;
use readouts::document::load::load_str;

fn generated(megabytes: f64) -> String {
    corpus::generate(&corpus::Spec::megabytes(megabytes, 1, 300)).to_toml()
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    let inputs = [
        ("builtin", builtin::TEXT.to_string()),
        ("1MB", generated(1.0)),
        ("10MB", generated(10.0)),
    ];
    for (name, text) in &inputs {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| load_str("bench.toml", black_box(text)).expect("the input is valid"));
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
