//! Logging with `tracing`: one span per request (method, route, status, latency) from
//! `tracing-actix-web`, written as text or JSON. The sink is a parameter so tests can stay
//! quiet unless `TEST_LOG` is set.
//!
//! Privacy: nothing at info level names the member behind a request, so an anonymous
//! question's author cannot be found by reading logs.

use crate::config::LogFormat;
use tracing_subscriber::fmt::format::FmtSpan;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::EnvFilter;

/// Installs the global subscriber. Safe to call more than once (later calls do nothing).
pub fn init<W>(filter: &str, format: LogFormat, sink: W)
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    let filter = EnvFilter::try_new(filter).unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(sink)
        .with_span_events(FmtSpan::CLOSE);
    let result = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
    // An error here only means a subscriber is already installed (tests start many apps).
    let _ = result;
}
