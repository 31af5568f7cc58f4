//! The room lists' model, shared by the paged list (`routes::room_list`) and the all-rooms table
//! (`routes::all_rooms`): page sizes, the sort columns and the extra columns, the view's state
//! as it lives in the URL, and one filter and one order for both.

use crate::data::haystack;
use crate::i18n::t;
use easemob_api::paging::CursorTrail;
use easemob_api::wire::ChatroomSummary;

pub const PAGE_SIZES: [u32; 7] = [10, 25, 50, 100, 250, 500, 1000];
pub const DEFAULT_PAGE_SIZE: u32 = 25;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Id,
    Name,
    Owner,
    Members,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [SortKey::Id, SortKey::Name, SortKey::Owner, SortKey::Members];
    pub fn param(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Name => "name",
            SortKey::Owner => "owner",
            SortKey::Members => "members",
        }
    }
    pub fn from_param(s: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.param() == s)
    }
}

/// Columns that need a detail call per 100 rooms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExtraColumn {
    Description,
    MaxUsers,
    Created,
}

impl ExtraColumn {
    pub const ALL: [ExtraColumn; 3] = [
        ExtraColumn::Description,
        ExtraColumn::MaxUsers,
        ExtraColumn::Created,
    ];
    pub fn param(self) -> &'static str {
        match self {
            ExtraColumn::Description => "description",
            ExtraColumn::MaxUsers => "maxusers",
            ExtraColumn::Created => "created",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            ExtraColumn::Description => t().col_description,
            ExtraColumn::MaxUsers => t().col_maxusers,
            ExtraColumn::Created => t().col_created,
        }
    }
}

/// Everything the list view shows, as read from and written to its URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListQuery {
    pub size: u32,
    pub trail: CursorTrail,
    pub filter: String,
    pub sort: Option<(SortKey, bool)>,
    pub cols: Vec<ExtraColumn>,
    /// Rooms ticked for a bulk action (page by page; the all-rooms view keeps its own).
    pub selected: Vec<String>,
    /// Every room in one table instead of a page at a time.
    pub all: bool,
    /// The all-rooms view narrowed to rooms like these (where the overview's figures lead).
    pub narrow: Narrow,
}

/// Which rooms the all-rooms view shows, beyond the filter: each part present must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Narrow {
    /// Owned by exactly this user.
    pub owner: Option<String>,
    /// At least this many members (the owner counts).
    pub min: Option<u64>,
    /// At most this many members.
    pub max: Option<u64>,
    /// Created more than this many days ago (known only for rooms whose details were read).
    pub older: Option<u32>,
    /// Only these rooms.
    pub ids: std::collections::BTreeSet<String>,
}

impl Narrow {
    pub fn is_empty(&self) -> bool {
        *self == Narrow::default()
    }

    /// Whether the room at `row` is one of these. `created` tells a room's creation time
    /// when its details were read; `now_ms` is the time now.
    pub fn holds(
        &self,
        row: &ChatroomSummary,
        created: impl Fn(&str) -> Option<u64>,
        now_ms: u64,
    ) -> bool {
        let n = row.affiliations_count;
        self.owner.as_ref().is_none_or(|o| *o == row.owner)
            && self.min.is_none_or(|m| n >= m)
            && self.max.is_none_or(|m| n <= m)
            && (self.ids.is_empty() || self.ids.contains(&row.id))
            && self.older.is_none_or(|days| {
                created(&row.id)
                    .is_some_and(|c| c.saturating_add(u64::from(days) * 86_400_000) < now_ms)
            })
    }
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            size: DEFAULT_PAGE_SIZE,
            trail: CursorTrail::default(),
            filter: String::new(),
            sort: None,
            cols: Vec::new(),
            selected: Vec::new(),
            all: false,
            narrow: Narrow::default(),
        }
    }
}

impl ListQuery {
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> ListQuery {
        let size = get("size")
            .and_then(|s| s.parse().ok())
            .filter(|s| PAGE_SIZES.contains(s))
            .unwrap_or(DEFAULT_PAGE_SIZE);
        let trail = CursorTrail::from_params(get("cursor").as_deref(), get("earlier").as_deref());
        let sort = get("sort")
            .and_then(|s| SortKey::from_param(&s))
            .map(|k| (k, get("dir").as_deref() == Some("desc")));
        let cols = get("cols")
            .map(|c| {
                ExtraColumn::ALL
                    .into_iter()
                    .filter(|col| c.split(',').any(|p| p == col.param()))
                    .collect()
            })
            .unwrap_or_default();
        ListQuery {
            size,
            trail,
            filter: get("q").unwrap_or_default(),
            sort,
            cols,
            selected: easemob_api::limits::split_list(&get("sel").unwrap_or_default()),
            all: get("all").as_deref() == Some("1"),
            narrow: Narrow {
                owner: get("owner").filter(|o| !o.is_empty()),
                min: get("min").and_then(|m| m.parse().ok()),
                max: get("max").and_then(|m| m.parse().ok()),
                older: get("older").and_then(|d| d.parse().ok()),
                ids: easemob_api::limits::split_list(&get("ids").unwrap_or_default())
                    .into_iter()
                    .collect(),
            },
        }
    }

    pub fn href(&self) -> String {
        let (sort, dir) = match self.sort {
            Some((k, desc)) => (
                k.param().to_string(),
                if desc { "desc" } else { "" }.to_string(),
            ),
            None => (String::new(), String::new()),
        };
        let size = if self.size == DEFAULT_PAGE_SIZE {
            String::new()
        } else {
            self.size.to_string()
        };
        crate::url::href(
            "/rooms",
            &[
                ("size", size),
                ("cursor", self.trail.current.clone().unwrap_or_default()),
                (
                    "earlier",
                    if self.trail.current.is_some() {
                        self.trail.earlier_param()
                    } else {
                        String::new()
                    },
                ),
                ("q", self.filter.clone()),
                ("sort", sort),
                ("dir", dir),
                (
                    "cols",
                    self.cols
                        .iter()
                        .map(|c| c.param())
                        .collect::<Vec<_>>()
                        .join(","),
                ),
                ("sel", self.selected.join(",")),
                ("all", if self.all { "1" } else { "" }.to_string()),
                ("owner", self.narrow.owner.clone().unwrap_or_default()),
                ("min", opt(self.narrow.min)),
                ("max", opt(self.narrow.max)),
                ("older", opt(self.narrow.older)),
                ("ids", opt_join(&self.narrow.ids)),
            ],
        )
    }

    /// Clicking a column header: ascending, then descending, then back to server order.
    pub fn toggle_sort(&self, key: SortKey) -> ListQuery {
        let sort = match self.sort {
            Some((k, false)) if k == key => Some((key, true)),
            Some((k, true)) if k == key => None,
            _ => Some((key, false)),
        };
        ListQuery {
            sort,
            ..self.clone()
        }
    }

    /// Ticks or unticks one room.
    pub fn toggle_selected(&self, id: &str) -> ListQuery {
        let mut selected = self.selected.clone();
        if let Some(i) = selected.iter().position(|s| s == id) {
            selected.remove(i);
        } else {
            selected.push(id.to_string());
        }
        ListQuery {
            selected,
            ..self.clone()
        }
    }

    /// The rows to show: those matching the filter (id, name or owner, any case), sorted;
    /// the same filter and order as the all-rooms table's ([`order`], [`matching`]).
    pub fn visible(&self, rows: &[ChatroomSummary]) -> Vec<ChatroomSummary> {
        let hay: Vec<String> = rows.iter().map(haystack).collect();
        matching(&hay, &order(rows, self.sort), &self.filter)
            .into_iter()
            .map(|i| rows[i as usize].clone())
            .collect()
    }
}

fn opt_join(ids: &std::collections::BTreeSet<String>) -> String {
    ids.iter().map(String::as_str).collect::<Vec<_>>().join(",")
}

fn opt(v: Option<impl ToString>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

impl SortKey {
    /// Two rooms in this column's order, ascending.
    pub fn compare(self, a: &ChatroomSummary, b: &ChatroomSummary) -> std::cmp::Ordering {
        match self {
            // Ids are numbers written as strings: compare by length first.
            SortKey::Id => (a.id.len(), &a.id).cmp(&(b.id.len(), &b.id)),
            SortKey::Name => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            SortKey::Owner => a.owner.to_lowercase().cmp(&b.owner.to_lowercase()),
            SortKey::Members => a.affiliations_count.cmp(&b.affiliations_count),
        }
    }
}

/// Row positions in the order of the column sorted by (server order, newest first, when
/// none).
pub fn order(rows: &[ChatroomSummary], sort: Option<(SortKey, bool)>) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..rows.len() as u32).collect();
    if let Some((key, desc)) = sort {
        match key {
            // Lower-cased once per row, not once per comparison.
            SortKey::Name => idx.sort_by_cached_key(|i| rows[*i as usize].name.to_lowercase()),
            SortKey::Owner => idx.sort_by_cached_key(|i| rows[*i as usize].owner.to_lowercase()),
            SortKey::Id | SortKey::Members => {
                idx.sort_by(|a, b| key.compare(&rows[*a as usize], &rows[*b as usize]))
            }
        }
        if desc {
            idx.reverse();
        }
    }
    idx
}

/// The positions of `order` whose id, name or owner holds `needle`, in any case; `hay` is
/// what the filter searches in each row ([`haystack`]).
pub fn matching(hay: &[String], order: &[u32], needle: &str) -> Vec<u32> {
    let needle = needle.trim().to_lowercase();
    order
        .iter()
        .copied()
        .filter(|i| hay[*i as usize].contains(&needle))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(url: &str) -> ListQuery {
        let pairs: Vec<(String, String)> = url
            .split_once('?')
            .map(|(_, q)| {
                q.split('&')
                    .filter_map(|kv| kv.split_once('='))
                    .map(|(k, v)| {
                        (
                            k.to_string(),
                            percent_encoding::percent_decode_str(v)
                                .decode_utf8_lossy()
                                .into_owned(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        ListQuery::from_params(|k| pairs.iter().find(|(kk, _)| kk == k).map(|(_, v)| v.clone()))
    }

    pub(super) fn room(id: &str, name: &str, owner: &str, n: u64) -> ChatroomSummary {
        ChatroomSummary {
            id: id.into(),
            name: name.into(),
            owner: owner.into(),
            affiliations_count: n,
            disabled: None,
        }
    }

    #[test]
    fn every_list_view_survives_a_round_trip_through_its_url() {
        let view = ListQuery {
            size: 100,
            trail: CursorTrail::default().next("c2").next("c3"),
            filter: "Lobby chat".into(),
            sort: Some((SortKey::Members, true)),
            cols: vec![ExtraColumn::MaxUsers, ExtraColumn::Created],
            selected: vec!["11".into(), "12".into()],
            all: true,
            narrow: Narrow {
                owner: Some("a.b".into()),
                min: Some(0),
                max: Some(1),
                older: Some(30),
                ids: ["5".to_string(), "6".to_string()].into(),
            },
        };
        assert_eq!(q(&view.href()), view);
        assert_eq!(ListQuery::default().href(), "/rooms");
    }

    #[test]
    fn ticking_a_room_twice_unticks_it() {
        let v = ListQuery::default()
            .toggle_selected("7")
            .toggle_selected("8");
        assert_eq!(v.selected, ["7", "8"]);
        assert_eq!(v.toggle_selected("7").selected, ["8"]);
    }

    #[test]
    fn an_unknown_page_size_falls_back_to_the_default() {
        assert_eq!(q("/rooms?size=7").size, DEFAULT_PAGE_SIZE);
        assert_eq!(q("/rooms?size=1000").size, 1000);
    }

    #[test]
    fn the_filter_matches_id_name_or_owner_in_any_case() {
        let rows = vec![
            room("11", "Lobby", "alice", 3),
            room("12", "Music", "BOB", 1),
            room("13", "Bobsled", "carol", 2),
        ];
        let mut v = ListQuery {
            filter: "bob".into(),
            ..Default::default()
        };
        assert_eq!(
            v.visible(&rows)
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            ["12", "13"]
        );
        v.filter = "11".into();
        assert_eq!(v.visible(&rows).len(), 1);
    }

    #[test]
    fn a_column_header_sorts_up_then_down_then_not() {
        let rows = vec![room("9", "b", "x", 3), room("10", "a", "y", 1)];
        let v = ListQuery::default().toggle_sort(SortKey::Id);
        assert_eq!(v.visible(&rows)[0].id, "9", "ids compare as numbers");
        let v = v.toggle_sort(SortKey::Id);
        assert_eq!(v.visible(&rows)[0].id, "10");
        assert_eq!(v.toggle_sort(SortKey::Id).sort, None);
        let v = ListQuery::default().toggle_sort(SortKey::Members);
        assert_eq!(v.visible(&rows)[0].affiliations_count, 1);
    }
}

#[cfg(test)]
mod all_rooms_tests {
    use super::*;
    use crate::data::AllRooms;

    fn all() -> AllRooms {
        let room = |id: &str, name: &str, owner: &str, n: u64| ChatroomSummary {
            id: id.into(),
            name: name.into(),
            owner: owner.into(),
            affiliations_count: n,
            disabled: None,
        };
        AllRooms::new(
            vec![
                room("12", "Lobby", "alice", 3),
                room("11", "bobsled", "Carol", 9),
                room("9", "Music", "BOB", 1),
            ],
            true,
        )
    }

    #[test]
    fn without_a_sort_the_server_order_stays() {
        assert_eq!(order(&all().rows, None), [0, 1, 2]);
    }

    #[test]
    fn each_column_sorts_up_and_down_ignoring_case() {
        let a = all();
        assert_eq!(order(&a.rows, Some((SortKey::Name, false))), [1, 0, 2]);
        assert_eq!(order(&a.rows, Some((SortKey::Owner, false))), [0, 2, 1]);
        assert_eq!(
            order(&a.rows, Some((SortKey::Id, false))),
            [2, 1, 0],
            "ids as numbers"
        );
        assert_eq!(order(&a.rows, Some((SortKey::Members, true))), [1, 0, 2]);
    }

    #[test]
    fn the_filter_finds_rooms_by_id_name_or_owner_in_the_order_shown() {
        let a = all();
        let by_name = order(&a.rows, Some((SortKey::Name, false)));
        assert_eq!(matching(&a.hay, &by_name, " BOB"), [1, 2]);
        assert_eq!(matching(&a.hay, &by_name, "alice"), [0]);
        assert_eq!(matching(&a.hay, &by_name, "11"), [1]);
        assert!(matching(&a.hay, &by_name, "nobody").is_empty());
    }

    #[test]
    fn narrowing_keeps_exactly_the_rooms_every_part_allows() {
        use super::tests::room;
        let rows = [
            room("1", "A", "alice", 1),
            room("2", "B", "bob", 1),
            room("3", "C", "alice", 7),
        ];
        let day = 86_400_000;
        let now = 100 * day;
        // Room 1 is 40 days old, room 2 only 10; room 3's details were never read.
        let created = |id: &str| match id {
            "1" => Some(60 * day),
            "2" => Some(90 * day),
            _ => None,
        };
        let kept = |n: &Narrow| -> Vec<&str> {
            rows.iter()
                .filter(|r| n.holds(r, created, now))
                .map(|r| r.id.as_str())
                .collect()
        };
        assert_eq!(kept(&Narrow::default()), ["1", "2", "3"]);
        let empty = Narrow {
            max: Some(1),
            ..Default::default()
        };
        assert_eq!(kept(&empty), ["1", "2"]);
        assert_eq!(
            kept(&Narrow {
                older: Some(30),
                ..empty.clone()
            }),
            ["1"]
        );
        // Case matters: usernames keep theirs.
        let owned = |o: &str| Narrow {
            owner: Some(o.into()),
            ..Default::default()
        };
        assert_eq!(kept(&owned("alice")), ["1", "3"]);
        assert!(kept(&owned("Alice")).is_empty());
        let bucket = Narrow {
            min: Some(2),
            max: Some(10),
            ..Default::default()
        };
        assert_eq!(kept(&bucket), ["3"]);
        let chosen = Narrow {
            ids: ["3".to_string(), "2".to_string()].into(),
            ..Default::default()
        };
        assert_eq!(kept(&chosen), ["2", "3"]);
    }
}
