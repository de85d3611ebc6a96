//! Tips and the level they are written for; the member's level chooses their tip of the day.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Who a tip is written for (and a member's own level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema, Default)]
#[serde(rename_all = "lowercase")]
pub enum TipLevel {
    /// New to the platform.
    #[default]
    Beginner,
    /// Builds flows and apps on their own.
    Intermediate,
    /// Helps others; knows the platform well.
    Advanced,
}

impl TipLevel {
    /// Every level, from beginner up.
    pub const ALL: [TipLevel; 3] = [
        TipLevel::Beginner,
        TipLevel::Intermediate,
        TipLevel::Advanced,
    ];

    /// The stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            TipLevel::Beginner => "beginner",
            TipLevel::Intermediate => "intermediate",
            TipLevel::Advanced => "advanced",
        }
    }

    /// The level named `s` exactly (`beginner`, `intermediate`, `advanced`); `None` otherwise.
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.as_str() == s)
    }

    /// Reads the stored form (unknown values read as beginner).
    pub fn from_stored(s: &str) -> Self {
        match s {
            "advanced" => TipLevel::Advanced,
            "intermediate" => TipLevel::Intermediate,
            _ => TipLevel::Beginner,
        }
    }
}

/// The calendar day (`YYYY-MM-DD`) a moment falls on, at a UTC offset in minutes: the tip of
/// the day changes at the members' midnight, not the server's.
pub fn day_at_offset(now: chrono::DateTime<chrono::Utc>, offset_minutes: i32) -> String {
    let shifted = now + chrono::Duration::minutes(offset_minutes as i64);
    shifted.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn the_day_turns_at_the_configured_midnight() {
        let just_before_jst_midnight = chrono::Utc
            .with_ymd_and_hms(2026, 11, 27, 14, 59, 0)
            .unwrap();
        assert_eq!(day_at_offset(just_before_jst_midnight, 540), "2026-11-27");
        let just_after = chrono::Utc
            .with_ymd_and_hms(2026, 11, 27, 15, 0, 0)
            .unwrap();
        assert_eq!(day_at_offset(just_after, 540), "2026-11-28");
        assert_eq!(day_at_offset(just_after, 0), "2026-11-27");
    }

    #[test]
    fn levels_round_trip() {
        for level in [
            TipLevel::Beginner,
            TipLevel::Intermediate,
            TipLevel::Advanced,
        ] {
            assert_eq!(TipLevel::from_stored(level.as_str()), level);
        }
    }
}
