//! Prints the lifecycle as a Mermaid state diagram, generated from the transition table.
//!
//! `cargo run --example diagram > docs/lifecycle.mmd` refreshes the checked-in copy.

fn main() {
    print!("{}", permanency::case::transitions::lifecycle_diagram());
}
