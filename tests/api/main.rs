//! Integration tests over real HTTP, each scenario on SQLite and on PostgreSQL.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod helpers;

mod idempotency;
mod language;

mod anonymity;
mod answers;
mod authorization;
mod cards;
mod concurrency;
mod connector;
mod errors;
mod hardening;
mod members;
mod pagination;
mod platform;
mod privacy;
mod process;
mod provider;
mod questions;
mod receiver;
mod reports;
mod search;
mod service;
mod signin;
mod stats;
mod tags;
mod tips;
mod versioning;
mod web;
mod webhooks;
mod wins;
