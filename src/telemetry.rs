//! Logging with `tracing`: one span and one line per request (method, route, status, latency,
//! request id) through `tracing-actix-web`, written as text or JSON. The sink is a parameter so tests can stay
//! quiet unless `TEST_LOG` is set.
//!
//! Privacy: nothing at info level names the member behind a request, so an anonymous
//! question's author cannot be found by reading logs.

use crate::config::LogFormat;
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
        .with_ansi(use_colour(
            std::io::IsTerminal::is_terminal(&std::io::stderr()),
            std::env::var_os("NO_COLOR").as_deref(),
        ))
        .with_writer(sink);
    let result = match format {
        LogFormat::Json => builder.json().flatten_event(true).try_init(),
        LogFormat::Text => builder.try_init(),
    };
    // An error here only means a subscriber is already installed (tests start many apps).
    let _ = result;
}

/// Colours (ANSI escapes) only on a terminal, and never when `NO_COLOR` is set to anything
/// non-empty (<https://no-color.org>): a log file or journal gets plain text.
fn use_colour(terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
    terminal && no_color.is_none_or(|v| v.is_empty())
}

/// One span and one log line per request: method, route pattern, status, latency and request
/// id. Deliberately without client address, user agent or member, so info-level logs cannot
/// tie a person to an anonymous question.
pub struct RequestSpan;

/// When a request started, kept in its extensions to compute latency at the end.
#[derive(Clone, Copy)]
struct RequestStart(std::time::Instant);

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        use actix_web::HttpMessage;
        request
            .extensions_mut()
            .insert(RequestStart(std::time::Instant::now()));
        let route = request
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_owned());
        // The caller's X-Request-Id when it sent one, so its logs and ours line up.
        let request_id = crate::api::security::caller_request_id(request.request())
            .or_else(|| {
                request
                    .extensions()
                    .get::<tracing_actix_web::RequestId>()
                    .map(|id| id.to_string())
            })
            .unwrap_or_default();
        tracing::info_span!(
            "request",
            method = %request.method(),
            route = %route,
            request_id = %request_id,
        )
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        use actix_web::HttpMessage;
        let (status, started) = match outcome {
            Ok(response) => (
                response.status().as_u16(),
                response
                    .request()
                    .extensions()
                    .get::<RequestStart>()
                    .copied(),
            ),
            Err(error) => (error.as_response_error().status_code().as_u16(), None),
        };
        let latency_ms = started.map(|s| s.0.elapsed().as_secs_f64() * 1000.0);
        if let Ok(response) = outcome {
            let request = response.request();
            if let (Some(metrics), Some(ms)) = (
                request.app_data::<actix_web::web::Data<crate::metrics::Metrics>>(),
                latency_ms,
            ) {
                let route = request
                    .match_pattern()
                    .unwrap_or_else(|| "unmatched".to_owned());
                metrics.observe(request.method().as_str(), &route, status, ms / 1000.0);
            }
        }
        span.in_scope(|| {
            tracing::info!(
                status,
                latency_ms = latency_ms.unwrap_or(f64::NAN),
                "request finished"
            );
        });
    }
}

#[cfg(test)]
mod tests {
    use super::use_colour;
    use std::ffi::OsStr;

    #[test]
    fn colours_only_on_a_terminal_without_no_color() {
        assert!(use_colour(true, None));
        assert!(use_colour(true, Some(OsStr::new(""))));
        assert!(!use_colour(true, Some(OsStr::new("1"))));
        assert!(!use_colour(false, None));
    }
}
