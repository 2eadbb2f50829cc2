//! Proptest strategies that build only valid values (feature `proptest`).
