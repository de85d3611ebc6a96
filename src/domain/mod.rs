//! Validated types and the community's rules, with no I/O.
//!
//! "Parse, don't validate": a handler turns raw input into these types once, and everything
//! downstream (the store included) can rely on them being within limits. Lengths are counted in
//! Unicode characters, not bytes, so a Japanese title is not penalised for its encoding.

pub mod event;
pub mod health;
pub mod markdown;
pub mod member;
pub mod pages;
pub mod question;
pub mod report;
pub mod search;
pub mod tag;
pub mod text;
pub mod tip;
pub mod win;
