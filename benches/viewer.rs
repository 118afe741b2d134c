//! The viewer at 200×50: one keystroke (`update` plus a draw into a
//! `TestBackend`) at the top, middle and end of a document, a keystroke in
//! the search prompt, a jump to a topic, a resize reflow, a change of
//! order, an edit of tags, a word-list lens turned on or off, and opening
//! (load, lay out, first frame); for the built-in
//! readout, a 10 MB and a 50 MB document.

#[path = "support/corpus.rs"]
mod corpus;

use std::sync::OnceLock;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use readouts::app::{Action, App, EditCommand, Message, Side, update};
use readouts::document::builtin;
use readouts::document::load::load_str;
use readouts::ui::{
    theme::{Palette, Theme},
    view,
};

const WIDTH: u16 = 200;
const HEIGHT: u16 = 50;

/// A document's name, and its text.
type Input = (&'static str, fn() -> &'static str);

/// The documents. The generated ones are made on first use, once, so that
/// a filtered run pays only for the benches it runs.
fn inputs() -> [Input; 3] {
    fn ten_megabytes() -> &'static str {
        static TEXT: OnceLock<String> = OnceLock::new();
        TEXT.get_or_init(|| corpus::generate(&corpus::Spec::megabytes(10.0, 1, 300)).to_toml())
    }
    fn fifty_megabytes() -> &'static str {
        static TEXT: OnceLock<String> = OnceLock::new();
        TEXT.get_or_init(|| corpus::generate(&corpus::Spec::megabytes(50.0, 1, 300)).to_toml())
    }
    [
        ("builtin", || builtin::TEXT),
        ("10MB", ten_megabytes),
        ("50MB", fifty_megabytes),
    ]
}

/// Loads a readout file, lays it out and draws the first frame.
fn open(text: &str) -> (App, Terminal<TestBackend>) {
    let document = load_str("bench.toml", text)
        .expect("the input is valid")
        .document;
    let pair = document.pair(None, None).expect("two readouts");
    let app = App::new(document, pair, WIDTH, HEIGHT);
    let mut terminal =
        Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal opens");
    draw(&mut terminal, &app);
    (app, terminal)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    terminal
        .draw(|frame| view(frame, app, &Theme::colored(Palette::Dark)))
        .expect("drawing into a test backend succeeds");
}

#[derive(Debug, Clone, Copy)]
enum Place {
    Top,
    Middle,
    End,
}

/// Focuses the left pane and scrolls it to a place, one row away from
/// either end so that a row up and a row down both move it.
fn scroll_to(app: &mut App, place: Place) {
    update(app, Action::FocusNext);
    match place {
        Place::Top => {
            update(app, Action::Top);
            update(app, Action::Down);
        }
        Place::Middle => {
            while app.offset(Side::Left) < app.max_offset(Side::Left) / 2 {
                update(app, Action::PageDown);
            }
        }
        Place::End => {
            update(app, Action::Bottom);
            update(app, Action::Up);
        }
    }
}

// Criterion calls a bench's closure once per sample: each one sets up on
// its first call and keeps the state for the others.

fn keystroke(c: &mut Criterion) {
    let mut group = c.benchmark_group("keystroke");
    let keys = [Action::Down, Action::Up];
    for (name, text) in inputs() {
        for place in [Place::Top, Place::Middle, Place::End] {
            let mut presses = 0usize;
            let mut opened = None;
            let id = BenchmarkId::new(name, format!("{place:?}").to_lowercase());
            group.bench_function(id, |b| {
                let (app, terminal) = opened.get_or_insert_with(|| {
                    let (mut app, terminal) = open(text());
                    scroll_to(&mut app, place);
                    (app, terminal)
                });
                b.iter(|| {
                    update(app, keys[presses % 2].clone());
                    presses += 1;
                    draw(terminal, app);
                });
            });
        }
    }
    group.finish();
}

/// A keystroke in the search prompt: the last letter of "harbour" typed
/// and taken back, each followed by a draw. The first search folds the
/// text once, before the timing.
fn search(c: &mut Criterion) {
    let mut group = c.benchmark_group("search");
    for (name, text) in inputs() {
        let mut keys = 0usize;
        let mut opened = None;
        group.bench_function(name, |b| {
            let (app, terminal) = opened.get_or_insert_with(|| {
                let (mut app, terminal) = open(text());
                update(&mut app, Action::StartSearch);
                for c in "harbou".chars() {
                    update(&mut app, Action::TypeChar(c));
                }
                (app, terminal)
            });
            let typed = [Action::TypeChar('r'), Action::EraseChar];
            b.iter(|| {
                update(app, typed[keys % 2].clone());
                keys += 1;
                draw(terminal, app);
            });
        });
    }
    group.finish();
}

/// An edit in the viewer: the selected topic put on the passage under the
/// cursor and taken off again, each followed by a draw. Each edit lays the
/// document out again, so that the marks and the alignment follow it.
fn tag(c: &mut Criterion) {
    let mut group = c.benchmark_group("tag");
    group.sample_size(10);
    for (name, text) in inputs() {
        let mut opened = None;
        group.bench_function(name, |b| {
            let (app, terminal) = opened.get_or_insert_with(|| {
                let (mut app, terminal) = open(text());
                update(&mut app, Action::FocusNext);
                update(&mut app, Action::Edit(EditCommand::NextPassage));
                (app, terminal)
            });
            b.iter(|| {
                update(app, Action::Edit(EditCommand::ToggleTag));
                draw(terminal, app);
            });
        });
    }
    group.finish();
}

/// A word-list lens turned on (the tone words) and off again, each with a
/// draw: turning it on finds the words in both readouts.
fn lens(c: &mut Criterion) {
    let mut group = c.benchmark_group("lens");
    group.sample_size(10);
    for (name, text) in inputs() {
        let mut opened = None;
        group.bench_function(name, |b| {
            let (app, terminal) = opened.get_or_insert_with(|| open(text()));
            b.iter(|| {
                update(app, Action::CycleWordLists);
                draw(terminal, app);
            });
        });
    }
    group.finish();
}

fn jump(c: &mut Criterion) {
    let mut group = c.benchmark_group("jump");
    for (name, text) in inputs() {
        let mut jumps = 0usize;
        let mut opened = None;
        group.bench_function(name, |b| {
            let (app, terminal) = opened.get_or_insert_with(|| open(text()));
            // Back and forth between a topic near the start and one near the end.
            let topics = app.document().topics.len();
            let targets = [1, topics.saturating_sub(2)].map(Action::JumpToTopic);
            b.iter(|| {
                update(app, targets[jumps % 2].clone());
                jumps += 1;
                draw(terminal, app);
            });
        });
    }
    group.finish();
}

fn resize(c: &mut Criterion) {
    let mut group = c.benchmark_group("resize");
    group.sample_size(10);
    // Two widths whose panes differ, so that every resize re-lays out: all
    // of the built-in readout; of the large documents, the screen (the
    // rest is their layout job's, off the input path, as `layout/*` times).
    let sizes = [
        Message::Resize(WIDTH - 40, HEIGHT),
        Message::Resize(WIDTH, HEIGHT),
    ];
    for (name, text) in inputs() {
        let mut resizes = 0usize;
        let mut opened = None;
        group.bench_function(name, |b| {
            let app = opened.get_or_insert_with(|| {
                let (mut app, _) = open(text());
                scroll_to(&mut app, Place::Middle);
                app
            });
            b.iter(|| {
                update(app, sizes[resizes % 2].clone());
                resizes += 1;
            });
        });
    }
    group.finish();
}

/// `t`: the first switch to the by-topic order (its rows copied from the
/// source order's), and switching back and forth after it (both kept).
fn order(c: &mut Criterion) {
    let mut group = c.benchmark_group("order");
    group.sample_size(10);
    for (name, text) in inputs() {
        let mut opened = None;
        group.bench_function(BenchmarkId::new(name, "first"), |b| {
            let app: &App = opened.get_or_insert_with(|| open(text()).0);
            b.iter_batched(
                || app.clone(),
                |mut app| {
                    update(&mut app, Action::ToggleOrder);
                    app
                },
                BatchSize::PerIteration,
            );
        });
        let mut toggled = None;
        group.bench_function(BenchmarkId::new(name, "again"), |b| {
            let app = toggled.get_or_insert_with(|| {
                let (mut app, _) = open(text());
                update(&mut app, Action::ToggleOrder);
                app
            });
            b.iter(|| update(app, Action::ToggleOrder));
        });
    }
    group.finish();
}

fn first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("open");
    group.sample_size(10);
    for (name, text) in inputs() {
        group.bench_function(name, |b| b.iter(|| open(text())));
    }
    group.finish();
}

criterion_group!(
    benches,
    keystroke,
    search,
    tag,
    lens,
    jump,
    resize,
    order,
    first_frame
);
criterion_main!(benches);
