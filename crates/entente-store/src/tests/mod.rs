//! Tests of the store, one module per concern. They live inside the crate so that the
//! concurrency test can hold a transaction open on the writer's own connection.

mod fixtures;
mod migrations;
mod near_dup;
mod queries;
mod roundtrip;
mod wal;
mod writes;
