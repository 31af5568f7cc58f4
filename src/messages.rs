//! The rules of the messages page, apart from the page: reading what was typed (room ids,
//! custom fields, ext), the messages this browser sent and recalled (from the journal), and how
//! many broadcasts it made lately.

use crate::journal::{key, Entry, Op, Outcome};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// Room ids typed or pasted: separated by commas, spaces or lines; each given once, in order.
/// `Err` names the first that is not an id (digits only).
pub fn room_ids(text: &str) -> Result<Vec<String>, String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for id in text
        .split(|c: char| c == ',' || c == '，' || c.is_whitespace())
        .filter(|s| !s.is_empty())
    {
        if !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(id.to_string());
        }
        if seen.insert(id.to_string()) {
            out.push(id.to_string());
        }
    }
    Ok(out)
}

/// Custom fields, `key=value` a line; blank lines are skipped. `Err`: a line without `=` or
/// with an empty key.
pub fn custom_fields(text: &str) -> Result<BTreeMap<String, String>, String> {
    let mut out = BTreeMap::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        match line.split_once('=') {
            Some((k, v)) if !k.trim().is_empty() => {
                out.insert(k.trim().to_string(), v.trim().to_string());
            }
            _ => return Err(line.to_string()),
        }
    }
    Ok(out)
}

/// `ext` as typed: nothing, or a JSON object. `Err`: anything else (its parser's words when it
/// is not JSON at all, `None` when it is JSON but not an object).
pub fn ext(text: &str) -> Result<Option<Map<String, Value>>, Option<String>> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(m)) => Ok(Some(m)),
        Ok(_) => Err(None),
        Err(e) => Err(Some(e.to_string())),
    }
}

/// A message this browser sent, as the journal recorded it.
#[derive(Clone, Debug, PartialEq)]
pub struct Sent {
    pub at: u64,
    pub room: String,
    pub msg_id: String,
    pub kind: String,
    /// What it says, as its body's JSON.
    pub body: String,
}

/// `room:id` pairs, as a recall's journal item names them.
pub fn pairs(text: &str) -> Vec<(String, String)> {
    text.split(',')
        .filter_map(|p| p.split_once(':'))
        .map(|(r, m)| (r.to_string(), m.to_string()))
        .collect()
}

/// The messages sent from this browser (each room's message of each send), newest first.
pub fn sent(entries: &[Entry]) -> Vec<Sent> {
    let mut out = Vec::new();
    for e in entries {
        for it in e.items.iter().filter(|i| i.op == Op::SendMessage) {
            for (room, msg_id) in &it.sent {
                out.push(Sent {
                    at: e.at,
                    room: room.clone(),
                    msg_id: msg_id.clone(),
                    kind: it.set.get(key::TYPE).cloned().unwrap_or_default(),
                    body: it.set.get(key::BODY).cloned().unwrap_or_default(),
                });
            }
        }
    }
    out.sort_by(|a, b| b.at.cmp(&a.at).then(b.msg_id.cmp(&a.msg_id)));
    out
}

/// The ids of the messages recalled from this browser.
pub fn recalled(entries: &[Entry]) -> HashSet<String> {
    let mut out = HashSet::new();
    for it in entries
        .iter()
        .flat_map(|e| &e.items)
        .filter(|i| i.op == Op::Recall && i.outcome == Outcome::Done)
    {
        match &it.affected {
            Some(ids) => out.extend(ids.iter().cloned()),
            None => out.extend(
                pairs(it.set.get(key::MESSAGES).map_or("", String::as_str))
                    .into_iter()
                    .map(|(_, m)| m),
            ),
        }
    }
    out
}

/// Broadcasts made from this browser since `since_ms` that may have gone out (done, pending or
/// unknown: a lost answer counts, it may have been sent).
pub fn broadcasts_since(entries: &[Entry], since_ms: u64) -> usize {
    entries
        .iter()
        .filter(|e| e.at >= since_ms)
        .flat_map(|e| &e.items)
        .filter(|i| {
            i.op == Op::Broadcast
                && matches!(
                    i.outcome,
                    Outcome::Done | Outcome::Pending | Outcome::Unknown
                )
        })
        .count()
}

/// The start of the UTC day `now_ms` is in: the broadcast allowance is counted per UTC day.
pub fn utc_day_start(now_ms: u64) -> u64 {
    now_ms - now_ms % 86_400_000
}

/// Why a broadcast is not sent now, before sending: the day's allowance is used, or 10 went
/// out in the last minute (with the seconds to wait).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotNow {
    Day { sent: usize, allowance: u32 },
    Minute { wait_s: u64 },
}

pub fn broadcast_allowed(entries: &[Entry], now_ms: u64, allowance: u32) -> Result<(), NotNow> {
    let today = broadcasts_since(entries, utc_day_start(now_ms));
    if today >= allowance as usize {
        return Err(NotNow::Day {
            sent: today,
            allowance,
        });
    }
    let minute_ago = now_ms.saturating_sub(60_000);
    let mut recent: Vec<u64> = entries
        .iter()
        .filter(|e| e.at >= minute_ago)
        .filter(|e| {
            e.items.iter().any(|i| {
                i.op == Op::Broadcast
                    && i.outcome != Outcome::NotDone
                    && !matches!(i.outcome, Outcome::Refused { .. })
            })
        })
        .map(|e| e.at)
        .collect();
    if recent.len() >= easemob_api::limits::BROADCASTS_PER_MINUTE as usize {
        recent.sort_unstable();
        let oldest = recent[recent.len() - easemob_api::limits::BROADCASTS_PER_MINUTE as usize];
        return Err(NotNow::Minute {
            wait_s: (oldest + 60_000).saturating_sub(now_ms).div_ceil(1000),
        });
    }
    Ok(())
}

/// One room's result of a send, for the results file.
pub struct RoomResult {
    pub room: String,
    /// `done`, `failed`, `unknown`, `not_sent` or `pending`.
    pub outcome: &'static str,
    pub msg_id: String,
    pub error: String,
}

/// The results file: a line per room.
pub fn results_csv(rows: &[RoomResult]) -> String {
    let lines: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.room.clone(),
                r.outcome.to_string(),
                r.msg_id.clone(),
                r.error.clone(),
            ]
        })
        .collect();
    crate::export::csv(&["room", "outcome", "message_id", "error"], &lines)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journal::{AppId, Item, Kind};

    fn entry(at: u64, items: Vec<Item>) -> Entry {
        Entry {
            id: at,
            at,
            app: AppId::default(),
            kind: Kind::Single,
            undoes: None,
            running: false,
            alive: at,
            items,
        }
    }

    fn broadcast(outcome: Outcome) -> Item {
        Item {
            op: Op::Broadcast,
            outcome,
            ..Default::default()
        }
    }

    #[test]
    fn room_ids_are_split_deduplicated_and_checked() {
        assert_eq!(room_ids("1, 2\n3 2,，4").unwrap(), vec!["1", "2", "3", "4"]);
        assert_eq!(room_ids("1 x2"), Err("x2".to_string()));
        assert!(room_ids("  ").unwrap().is_empty());
    }

    #[test]
    fn custom_fields_and_ext_are_read_or_refused() {
        assert_eq!(custom_fields("a=1\n\n b = 2 ").unwrap().len(), 2);
        assert!(custom_fields("novalue").is_err());
        assert!(custom_fields("=1").is_err());
        assert_eq!(ext("").unwrap(), None);
        assert!(ext(r#"{"k": 1}"#).unwrap().is_some());
        assert_eq!(ext("[1]"), Err(None));
        assert!(matches!(ext("{x"), Err(Some(_))));
    }

    #[test]
    fn sent_and_recalled_messages_come_from_the_journal() {
        let mut send = Item {
            op: Op::SendMessage,
            outcome: Outcome::Done,
            ..Default::default()
        };
        send.sent.insert("1".into(), "m1".into());
        send.sent.insert("2".into(), "m2".into());
        send.set.insert(key::TYPE.into(), "txt".into());
        let mut recall = Item {
            op: Op::Recall,
            outcome: Outcome::Done,
            ..Default::default()
        };
        recall.set.insert(key::MESSAGES.into(), "1:m1".into());
        let entries = vec![entry(10, vec![send]), entry(20, vec![recall])];
        let s = sent(&entries);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].kind, "txt");
        assert_eq!(recalled(&entries), HashSet::from(["m1".to_string()]));
    }

    #[test]
    fn broadcasts_are_counted_per_utc_day_and_per_minute() {
        let day = 20_000 * 86_400_000u64;
        let now = day + 3_600_000;
        // Yesterday's, a refused one and one not sent do not count.
        let entries = vec![
            entry(day - 1, vec![broadcast(Outcome::Done)]),
            entry(day + 1, vec![broadcast(Outcome::Done)]),
            entry(day + 2, vec![broadcast(Outcome::Unknown)]),
            entry(day + 3, vec![broadcast(Outcome::NotDone)]),
        ];
        assert_eq!(broadcasts_since(&entries, utc_day_start(now)), 2);
        assert_eq!(
            broadcast_allowed(&entries, now, 2),
            Err(NotNow::Day {
                sent: 2,
                allowance: 2
            })
        );
        assert_eq!(broadcast_allowed(&entries, now, 100), Ok(()));
        let burst: Vec<Entry> = (0..10)
            .map(|i| entry(now - 30_000 + i, vec![broadcast(Outcome::Done)]))
            .collect();
        assert_eq!(
            broadcast_allowed(&burst, now, 100),
            Err(NotNow::Minute { wait_s: 30 })
        );
    }
}
