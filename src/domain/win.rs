//! Wins and their measured impact: minutes saved per run × runs per month × people helped.
//! The model follows the Power Platform CoE kit's "time saved = people × time per person";
//! it is what lets a community manager show hours saved per month.

use crate::error::FieldError;

/// Largest accepted minutes saved per run (a whole day).
pub const MAX_MINUTES_PER_RUN: f64 = 1440.0;
/// Largest accepted runs per month.
pub const MAX_RUNS_PER_MONTH: i64 = 100_000;
/// Largest accepted number of people helped.
pub const MAX_PEOPLE_HELPED: i64 = 100_000;
/// Largest accepted money saved per month.
pub const MAX_MONEY_PER_MONTH: f64 = 1_000_000_000.0;
/// Minutes saved per run are whole tenths of a minute (6 seconds).
pub const MINUTES_RESOLUTION: f64 = 0.1;
/// Money is in hundredths of the currency unit.
pub const MONEY_RESOLUTION: f64 = 0.01;

/// Most questions, and most tips, one win may name as having helped.
pub const MAX_HELPED_BY: usize = 10;
/// Longest link, in characters.
pub const MAX_LINK_CHARS: usize = 2000;

/// Hours saved per month: minutes × runs × people / 60, rounded to 0.01 (never `-0`).
pub fn hours_saved_per_month(minutes_per_run: f64, runs_per_month: i64, people_helped: i64) -> f64 {
    let hours = minutes_per_run * runs_per_month as f64 * people_helped as f64 / 60.0;
    round_to_hundredths(hours)
}

/// `value` rounded to 0.01; `-0.0` becomes `0.0`, and what is not finite becomes `0.0`.
pub fn round_to_hundredths(value: f64) -> f64 {
    let rounded = to_resolution(value, MONEY_RESOLUTION);
    if rounded.is_finite() {
        rounded
    } else {
        0.0
    }
}

/// Whether `value` is a whole multiple of `step` (as a decimal a member would type: 0.3 is,
/// although 0.3 / 0.1 is 2.9999999999999996 in binary; 2.5000000001 is not).
fn on_resolution(value: f64, step: f64) -> bool {
    let steps = value / step;
    // A non-zero value too small to be one step (5e-324) is not zero either.
    (steps - steps.round()).abs() < 1e-12 * steps.abs().max(1.0)
        && (value == 0.0 || steps.round() != 0.0)
}

/// `value` rounded to a whole number of `step`s, as it is stored (and never `-0`).
pub fn to_resolution(value: f64, step: f64) -> f64 {
    let decimals = (-step.log10()).round() as i32;
    let factor = 10f64.powi(decimals);
    (value * factor).round() / factor + 0.0
}

/// Checks an impact; returns every problem.
pub fn check_impact(minutes: f64, runs: i64, people: i64) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !(0.0..=MAX_MINUTES_PER_RUN).contains(&minutes) || !minutes.is_finite() {
        errors.push(FieldError::say(
            "impact.minutes_saved_per_run",
            "out_of_range",
            "number-out-of-range",
            vec![
                ("min", crate::i18n::Arg::from(0i64)),
                (
                    "max",
                    crate::i18n::Arg::from(MAX_MINUTES_PER_RUN.to_string()),
                ),
            ],
        ));
    } else if !on_resolution(minutes, MINUTES_RESOLUTION) {
        errors.push(FieldError::say(
            "impact.minutes_saved_per_run",
            "too_precise",
            "minutes-too-precise",
            vec![("value", crate::i18n::Arg::from(minutes.to_string()))],
        ));
    }
    if !(0..=MAX_RUNS_PER_MONTH).contains(&runs) {
        errors.push(FieldError::say(
            "impact.runs_per_month",
            "out_of_range",
            "number-out-of-range",
            vec![
                ("min", crate::i18n::Arg::from(0i64)),
                ("max", crate::i18n::Arg::from(MAX_RUNS_PER_MONTH)),
            ],
        ));
    }
    if !(0..=MAX_PEOPLE_HELPED).contains(&people) {
        errors.push(FieldError::say(
            "impact.people_helped",
            "out_of_range",
            "number-out-of-range",
            vec![
                ("min", crate::i18n::Arg::from(0i64)),
                ("max", crate::i18n::Arg::from(MAX_PEOPLE_HELPED)),
            ],
        ));
    }
    errors
}

/// Checks money saved with its ISO 4217 currency code (upper-cased).
pub fn check_money(amount: f64, currency: Option<&str>) -> Result<String, Vec<FieldError>> {
    let mut errors = Vec::new();
    if !(0.0..=MAX_MONEY_PER_MONTH).contains(&amount) || !amount.is_finite() {
        errors.push(FieldError::say(
            "money_saved_per_month.amount",
            "out_of_range",
            "number-out-of-range",
            vec![
                ("min", crate::i18n::Arg::from(0i64)),
                (
                    "max",
                    crate::i18n::Arg::from(MAX_MONEY_PER_MONTH.to_string()),
                ),
            ],
        ));
    } else if !on_resolution(amount, MONEY_RESOLUTION) {
        errors.push(FieldError::say(
            "money_saved_per_month.amount",
            "too_precise",
            "money-too-precise",
            vec![("value", crate::i18n::Arg::from(amount.to_string()))],
        ));
    }
    let code = currency.unwrap_or("").trim().to_ascii_uppercase();
    if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
        errors.push(FieldError::say(
            "money_saved_per_month.currency",
            "invalid",
            "currency-invalid",
            vec![],
        ));
    }
    if errors.is_empty() {
        Ok(code)
    } else {
        Err(errors)
    }
}

/// Checks a link to a flow or app: an absolute http(s) URL.
pub fn check_link(raw: &str) -> Result<String, FieldError> {
    let link = raw.trim();
    let invalid = || {
        FieldError::say(
            "link",
            "invalid_url",
            "link-invalid",
            vec![("max", crate::i18n::Arg::from(MAX_LINK_CHARS))],
        )
    };
    if link.chars().count() > MAX_LINK_CHARS
        || link
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || crate::domain::text::is_invisible(c))
    {
        return Err(invalid());
    }
    match url::Url::parse(link) {
        // No `user:pass@`: `https://trusted.example@evil.example/` reads as the first host.
        Ok(url)
            if matches!(url.scheme(), "http" | "https")
                && url.host().is_some()
                && url.username().is_empty()
                && url.password().is_none()
                && !link.contains(":///") =>
        {
            Ok(link.to_owned())
        }
        _ => Err(invalid()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impact_is_finite_in_range_and_at_its_resolution() {
        assert!(check_impact(2.5, 10, 1).is_empty());
        assert!(check_impact(1440.0, 100_000, 100_000).is_empty());
        for bad in [5e-324, 0.05, 2.55, f64::NAN, -1.0, 1440.1] {
            assert_eq!(check_impact(bad, 1, 1).len(), 1, "{bad}");
        }
        assert_eq!(check_impact(5e-324, 1, 1)[0].code, "too_precise");
        assert_eq!(check_impact(2.5000000001, 1, 1)[0].code, "too_precise");
        assert!(
            check_impact(0.30000000000000004, 1, 1).is_empty(),
            "0.1 + 0.2 is 0.3 to a member"
        );
        assert_eq!(to_resolution(0.30000000000000004, MINUTES_RESOLUTION), 0.3);
        assert_eq!(to_resolution(-0.0, MINUTES_RESOLUTION).to_string(), "0");
        assert_eq!(to_resolution(1200.5, MONEY_RESOLUTION), 1200.5);
        for bad in [
            "https://trusted.example@evil.example/",
            "https://u:p@example.com/",
            "https:///x",
            "https://exa\u{200B}mple.com/",
        ] {
            assert!(check_link(bad).is_err(), "{bad}");
        }
        assert!(check_link("https://make.powerautomate.com/environments/x/flows/y").is_ok());
        assert!(check_money(1200.5, Some("JPY")).is_ok());
        assert!(check_money(0.001, Some("JPY")).is_err());
        assert_eq!(round_to_hundredths(-0.0).to_string(), "0");
        assert_eq!(round_to_hundredths(f64::INFINITY), 0.0);
    }

    #[test]
    fn hours_follow_the_impact_model() {
        // 15 minutes × 20 runs × 3 people = 900 minutes = 15 hours.
        assert_eq!(hours_saved_per_month(15.0, 20, 3), 15.0);
        assert_eq!(hours_saved_per_month(0.5, 7, 1), 0.06);
        assert_eq!(hours_saved_per_month(10.0, 0, 5), 0.0);
    }

    #[test]
    fn impact_bounds_name_the_field() {
        let errors = check_impact(-1.0, 100_001, 3);
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["impact.minutes_saved_per_run", "impact.runs_per_month"]
        );
        assert!(check_impact(f64::NAN, 1, 1).len() == 1);
    }

    #[test]
    fn money_needs_a_currency_and_links_must_be_web_urls() {
        assert_eq!(check_money(1000.0, Some("jpy")).unwrap(), "JPY");
        assert!(check_money(1000.0, None).is_err());
        assert!(check_link("https://make.powerautomate.com/flows/1").is_ok());
        assert!(check_link("javascript:alert(1)").is_err());
        assert!(check_link("not a url").is_err());
        assert!(check_link("https://a.example.com/\u{0}x").is_err());
    }
}
