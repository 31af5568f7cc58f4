//! Faults the emulator can inject into its REST API, so the dashboard's handling of slow
//! answers, throttling, outages and lost answers can be tried on purpose: the settings (set by
//! flags at start, changed at run time through `/_emulator/faults`), and the per-endpoint rate
//! limiter of reference section 6.

use crate::config::Config;
use crate::error::EmError;
use axum::http::Method;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Longest latency that can be injected; longer would only look like a hung emulator.
pub const LATENCY_MS_MAX: u64 = 60_000;
/// Longest default token lifetime (100 years), so an expiry always fits in milliseconds.
pub const TOKEN_TTL_S_MAX: u64 = 100 * 365 * 86_400;

/// The settings in force. Their JSON is what `/_emulator/faults` answers.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// Added before every API request is handled.
    pub latency_ms: u64,
    /// Chance that an API request is answered 429 before anything is done.
    pub fail_429: f64,
    /// Chance that an API request is answered 503 before anything is done.
    pub fail_503: f64,
    /// Chance that a successful write is carried out but answered 503 (the answer is "lost").
    pub fail_after_write: f64,
    /// Enforce the documented per-endpoint rate limits.
    pub rate_limits: bool,
    /// Lifetime of tokens issued from now on when the request names no `ttl`.
    pub token_ttl_s: u64,
}

/// A change to the settings: any subset of the keys.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Update {
    pub latency_ms: Option<u64>,
    pub fail_429: Option<f64>,
    pub fail_503: Option<f64>,
    pub fail_after_write: Option<f64>,
    pub rate_limits: Option<bool>,
    pub token_ttl_s: Option<u64>,
}

impl Settings {
    pub fn from_config(config: &Config) -> Settings {
        Settings {
            latency_ms: config.latency_ms,
            fail_429: config.fail_429,
            fail_503: config.fail_503,
            fail_after_write: config.fail_after_write,
            rate_limits: config.rate_limits,
            token_ttl_s: config.token_ttl,
        }
    }

    /// The settings with `update` applied, or why it cannot be; nothing is half applied.
    pub fn updated(mut self, update: &Update) -> Result<Settings, EmError> {
        if let Some(ms) = update.latency_ms {
            self.latency_ms = check_latency(ms).map_err(EmError::invalid_parameter)?;
        }
        for (key, value, field) in [
            ("fail_429", update.fail_429, &mut self.fail_429),
            ("fail_503", update.fail_503, &mut self.fail_503),
            (
                "fail_after_write",
                update.fail_after_write,
                &mut self.fail_after_write,
            ),
        ] {
            if let Some(p) = value {
                *field = check_probability(p)
                    .map_err(|e| EmError::invalid_parameter(format!("{key}: {e}")))?;
            }
        }
        if let Some(on) = update.rate_limits {
            self.rate_limits = on;
        }
        if let Some(s) = update.token_ttl_s {
            self.token_ttl_s = check_token_ttl(s).map_err(EmError::invalid_parameter)?;
        }
        Ok(self)
    }
}

pub fn check_probability(p: f64) -> Result<f64, String> {
    if (0.0..=1.0).contains(&p) {
        Ok(p)
    } else {
        Err(format!("{p} is not a probability between 0 and 1"))
    }
}

pub fn check_latency(ms: u64) -> Result<u64, String> {
    if ms <= LATENCY_MS_MAX {
        Ok(ms)
    } else {
        Err(format!("latency_ms {ms} is more than {LATENCY_MS_MAX}"))
    }
}

pub fn check_token_ttl(s: u64) -> Result<u64, String> {
    if s <= TOKEN_TTL_S_MAX {
        Ok(s)
    } else {
        Err(format!("token_ttl_s {s} is more than {TOKEN_TTL_S_MAX}"))
    }
}

/// The settings and the rate limiter's memory, shared by every request.
pub struct Faults {
    settings: Mutex<Settings>,
    recent: Mutex<HashMap<(Method, String), VecDeque<Instant>>>,
    /// Messages sent to rooms in the last second: when, and how many.
    messages: Mutex<VecDeque<(Instant, usize)>>,
    /// Broadcasts in the last minute.
    broadcasts: Mutex<VecDeque<Instant>>,
}

impl Faults {
    pub fn new(settings: Settings) -> Faults {
        Faults {
            settings: Mutex::new(settings),
            recent: Mutex::new(HashMap::new()),
            messages: Mutex::new(VecDeque::new()),
            broadcasts: Mutex::new(VecDeque::new()),
        }
    }

    pub fn settings(&self) -> Settings {
        *lock(&self.settings)
    }

    pub fn update(&self, update: &Update) -> Result<Settings, EmError> {
        let mut settings = lock(&self.settings);
        *settings = settings.updated(update)?;
        Ok(*settings)
    }

    /// Counts a request to `route` (axum's matched path) against its limit; false when the
    /// limit is reached. A sliding window: at most `limit` requests are let through in any
    /// one second, however the requests are spread.
    pub fn admit(&self, method: &Method, route: &str, now: Instant) -> bool {
        let limit = per_second_limit(method, route);
        let mut recent = lock(&self.recent);
        let times = recent
            .entry((method.clone(), route.to_string()))
            .or_default();
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(1))
        {
            times.pop_front();
        }
        if times.len() >= limit {
            return false;
        }
        times.push_back(now);
        true
    }
}

impl Faults {
    /// Counts `n` messages against the 100 a second (rooms × calls); false, counting none,
    /// when they would go over.
    pub fn admit_messages(&self, n: usize, now: Instant) -> bool {
        let mut recent = lock(&self.messages);
        while recent
            .front()
            .is_some_and(|(t, _)| now.duration_since(*t) >= Duration::from_secs(1))
        {
            recent.pop_front();
        }
        let sent: usize = recent.iter().map(|(_, n)| n).sum();
        if sent + n > easemob_api::limits::MESSAGES_PER_SECOND as usize {
            return false;
        }
        recent.push_back((now, n));
        true
    }

    /// Counts a broadcast against the 10 a minute; false when it would go over.
    pub fn admit_broadcast(&self, now: Instant) -> bool {
        let mut recent = lock(&self.broadcasts);
        while recent
            .front()
            .is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(60))
        {
            recent.pop_front();
        }
        if recent.len() >= easemob_api::limits::BROADCASTS_PER_MINUTE as usize {
            return false;
        }
        recent.push_back(now);
        true
    }
}

/// Reference section 6: a few endpoints allow 50 or 300 calls a second, the rest 100.
pub fn per_second_limit(method: &Method, route: &str) -> usize {
    match (method.as_str(), route) {
        ("GET", "/{org}/{app}/chatrooms") => 50,
        ("POST", "/{org}/{app}/chatrooms") => 50,
        ("GET", "/{org}/{app}/users/{username}/joined_chatrooms") => 50,
        ("POST", "/{org}/{app}/token") => 300,
        // Reference 11.1 and 11.2: the stricter of the documented figures.
        ("POST", "/{org}/{app}/messages/chatrooms") => {
            easemob_api::limits::MESSAGE_CALLS_PER_SECOND as usize
        }
        ("POST", "/{org}/{app}/messages/chatrooms/broadcast") => {
            easemob_api::limits::BROADCASTS_PER_SECOND as usize
        }
        ("POST", "/{org}/{app}/users/batch/status") => 50,
        // Reference 11.5: batch delete 30 a second.
        ("DELETE", "/{org}/{app}/users") => 30,
        _ => 100,
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    // Nothing here is left half-changed by a panic, so a poisoned lock is still good.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// True with probability `p`.
pub fn happens(p: f64) -> bool {
    p > 0.0 && rand::random_bool(p.min(1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn defaults() -> Settings {
        Settings {
            latency_ms: 0,
            fail_429: 0.0,
            fail_503: 0.0,
            fail_after_write: 0.0,
            rate_limits: false,
            token_ttl_s: 7200,
        }
    }

    #[test]
    fn an_update_changes_only_the_keys_it_names() {
        let s = defaults()
            .updated(&Update {
                fail_503: Some(0.5),
                token_ttl_s: Some(60),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(
            s,
            Settings {
                fail_503: 0.5,
                token_ttl_s: 60,
                ..defaults()
            }
        );
    }

    #[test]
    fn an_update_with_one_bad_value_changes_nothing() {
        let faults = Faults::new(defaults());
        let err = faults
            .update(&Update {
                latency_ms: Some(5),
                fail_429: Some(1.5),
                ..Default::default()
            })
            .unwrap_err();
        assert_eq!(err.error, "invalid_parameter");
        assert_eq!(faults.settings(), defaults());
    }

    #[test]
    fn the_limiter_lets_through_the_limit_in_any_second_then_frees_up() {
        let faults = Faults::new(defaults());
        let t0 = Instant::now();
        let route = "/{org}/{app}/chatrooms";
        let admitted = (0..60)
            .filter(|_| faults.admit(&Method::GET, route, t0))
            .count();
        assert_eq!(admitted, 50);
        // Another endpoint has its own allowance.
        assert!(faults.admit(&Method::POST, route, t0));
        assert!(!faults.admit(&Method::GET, route, t0 + Duration::from_millis(999)));
        assert!(faults.admit(&Method::GET, route, t0 + Duration::from_secs(1)));
    }

    #[test]
    fn the_documented_limits_apply_per_endpoint() {
        assert_eq!(per_second_limit(&Method::POST, "/{org}/{app}/token"), 300);
        assert_eq!(
            per_second_limit(&Method::GET, "/{org}/{app}/chatrooms/{ids}"),
            100
        );
        assert_eq!(
            per_second_limit(
                &Method::GET,
                "/{org}/{app}/users/{username}/joined_chatrooms"
            ),
            50
        );
    }
}
