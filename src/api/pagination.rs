//! Opaque cursors for keyset pagination.
//!
//! A cursor names the last row of a page by its sort values, so the next page starts right
//! after it however many rows were inserted meanwhile: no duplicates, no gaps (unlike
//! offsets). It also records the sort and whether a search was active, so it cannot be
//! replayed against a listing in another order.

use crate::error::{ApiError, FieldError};
use crate::store::SortKey;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

/// Default page size.
pub const DEFAULT_LIMIT: i64 = 20;
/// Largest page size.
pub const MAX_LIMIT: i64 = 100;

/// Checks `limit` (1–100, default 20).
pub fn page_limit(limit: Option<i64>) -> Result<i64, ApiError> {
    match limit {
        None => Ok(DEFAULT_LIMIT),
        Some(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
        Some(n) => Err(ApiError::InvalidQuery(FieldError::say(
            "limit",
            "out_of_range",
            "value-out-of-range",
            vec![
                ("min", crate::i18n::Arg::from(1i64)),
                ("max", crate::i18n::Arg::from(MAX_LIMIT)),
                ("got", crate::i18n::Arg::from(n)),
            ],
        ))),
    }
}

/// Cuts a page fetched with one extra row down to `limit` and returns the cursor of the next
/// page, if there is one.
pub fn finish_page<T>(
    rows: &mut Vec<T>,
    limit: i64,
    kind: &str,
    scope: &str,
    key_of: impl Fn(&T) -> SortKey,
) -> Option<String> {
    if rows.len() as i64 <= limit {
        return None;
    }
    rows.truncate(limit as usize);
    rows.last()
        .map(|last| encode_cursor(kind, scope, key_of(last)))
}

/// Encodes where a question listing continues.
pub fn encode_question_cursor(scope: &str, key: SortKey) -> String {
    encode_cursor("q1", scope, key)
}

/// Decodes a question cursor made for the same `scope` (sort + search flag).
pub fn decode_question_cursor(scope: &str, cursor: &str) -> Result<SortKey, ApiError> {
    decode_cursor("q1", scope, cursor)
}

/// Encodes where a listing of `kind` (`q1` questions, `t1` tips, `w1` wins) continues.
pub fn encode_cursor(kind: &str, scope: &str, key: SortKey) -> String {
    URL_SAFE_NO_PAD.encode(format!(
        "{kind}|{scope}|{}|{}|{}",
        key.rank, key.sort_key, key.id
    ))
}

/// Decodes a cursor of `kind` made for the same `scope`.
pub fn decode_cursor(kind: &str, scope: &str, cursor: &str) -> Result<SortKey, ApiError> {
    // Why it is refused stays in the logs' debug view; the member needs only what to do.
    let invalid = |why: &str| {
        tracing::debug!(why, "cursor refused");
        ApiError::InvalidQuery(FieldError::say(
            "cursor",
            "invalid_cursor",
            "cursor-invalid",
            vec![],
        ))
    };
    let bytes = URL_SAFE_NO_PAD
        .decode(cursor.trim())
        .map_err(|_| invalid("is not a cursor from this API"))?;
    let text = String::from_utf8(bytes).map_err(|_| invalid("is not a cursor from this API"))?;
    let parts: Vec<&str> = text.split('|').collect();
    match parts.as_slice() {
        [k, s, rank, key, id] if *k == kind && *s == scope => {
            let n = |v: &str| v.parse::<i64>().map_err(|_| invalid("is damaged"));
            Ok(SortKey {
                rank: n(rank)?,
                sort_key: n(key)?,
                id: n(id)?,
            })
        }
        [k, ..] if *k == kind => Err(invalid("belongs to a listing in another order")),
        _ => Err(invalid("is not a cursor from this API")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_and_refuse_other_orders() {
        let key = SortKey {
            rank: 1,
            sort_key: 1_700_000_000_000_000,
            id: 42,
        };
        let c = encode_question_cursor("newest", key);
        assert_eq!(decode_question_cursor("newest", &c).unwrap(), key);
        assert!(decode_question_cursor("active", &c).is_err());
        assert!(decode_question_cursor("newest", "garbage!").is_err());
        assert!(
            decode_question_cursor("newest", &URL_SAFE_NO_PAD.encode("q1|newest|x|1|2")).is_err()
        );
    }

    #[test]
    fn limits_are_checked() {
        assert_eq!(page_limit(None).unwrap(), 20);
        assert_eq!(page_limit(Some(100)).unwrap(), 100);
        assert!(page_limit(Some(0)).is_err());
        assert!(page_limit(Some(101)).is_err());
    }
}
