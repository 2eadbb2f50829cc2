//! Prints the lifecycle, generated from the transition table: as a Mermaid state diagram, or
//! with `--svg` as the SVG picture the crate docs show.
//!
//! `cargo run --example diagram > docs/lifecycle.mmd` and
//! `cargo run --example diagram -- --svg > docs/lifecycle.svg` refresh the checked-in copies.

fn main() {
    use permanency::case::transitions::{lifecycle_diagram, lifecycle_svg};
    if std::env::args().any(|a| a == "--svg") {
        print!("{}", lifecycle_svg());
    } else {
        print!("{}", lifecycle_diagram());
    }
}
