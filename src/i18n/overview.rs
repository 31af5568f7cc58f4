//! The words of the overview page and of the all-rooms view's narrowing (where the overview's
//! links lead), in both languages: a catalogue of their own, beside the main one. (Only the top
//! bar's link is in the first load; the rest goes with the pages that use it.)

use super::format::number;
use super::Lang;

/// The words for the language on screen.
pub fn ow() -> OverviewWords {
    OverviewWords {
        zh: super::current() == Lang::Zh,
    }
}

#[derive(Clone, Copy)]
pub struct OverviewWords {
    zh: bool,
}

macro_rules! words {
    ($($name:ident: $en:expr, $zh:expr;)*) => {
        impl OverviewWords {
            $(pub fn $name(self) -> &'static str { if self.zh { $zh } else { $en } })*
        }
        #[cfg(test)]
        fn every_word() -> Vec<(&'static str, &'static str, &'static str)> {
            vec![$((stringify!($name), $en, $zh)),*]
        }
    };
}

words! {
    nav: "Overview", "概览";
    title: "Overview", "应用概览";
    lead: "The whole app at a glance, from the same walk as the all-rooms view. Every bar and figure opens exactly those rooms there, where they can be selected and acted on together.", "整个应用一目了然，数据来自与“全部聊天室”视图相同的遍历。点击任一柱条或数字，即可在该视图中打开恰好这些聊天室，并对它们批量操作。";
    totals: "Totals", "总计";
    rooms: "Chatrooms", "聊天室";
    members: "Members, summed over rooms", "成员（按聊天室累加）";
    owners: "Owners", "所有者";
    empty: "Empty (only the owner left)", "空聊天室（只剩所有者）";
    limit: "The plan's chatroom limit", "套餐的聊天室上限";
    limit_hint: "Kept in this browser for this app. Easemob's free plan allows 100.", "为该应用保存在本浏览器中。环信免费版允许 100 个。";
    gauge: "Chatrooms against the plan's limit", "聊天室数与套餐上限";
    histogram: "Chatrooms by number of members", "按成员数划分的聊天室";
    histogram_hint: "A member count includes the owner, so 1 is an empty room.", "成员数包含所有者，因此 1 表示空聊天室。";
    largest: "The largest chatrooms", "成员最多的聊天室";
    fullest: "Chatrooms closest to full", "最接近满员的聊天室";
    owners_chart: "Owners with the most chatrooms (top 20)", "拥有聊天室最多的所有者（前 20 名）";
    old_empty: "Empty chatrooms created more than", "创建超过";
    old_empty_after: "days ago", "天仍为空的聊天室";
    details_title: "From each room's details", "来自聊天室详情";
    details_lead: "Closest to full and old empty chatrooms need each room's max users and creation time: one request per 100 rooms.", "“最接近满员”和“长期为空”需要每个聊天室的最大成员数和创建时间：每 100 个聊天室一个请求。";
    read_details: "Read max users and creation times", "读取最大成员数和创建时间";
    table: "As a table", "以表格查看";
    save_svg: "Save as SVG", "保存为 SVG";
    save_png: "Save as PNG", "保存为 PNG";
    col_members: "Members", "成员数";
    col_rooms: "Chatrooms", "聊天室数";
    col_owner: "Owner", "所有者";
    col_room: "Chatroom", "聊天室";
    col_full: "Members / max users", "成员数 / 最大成员数";
    after_connect: "Open the overview after Connect", "连接后打开概览";
    show_all: "Show every chatroom", "显示全部聊天室";
    read_on_overview: "Read them on the overview", "在概览页读取";
    none: "None", "无";
}

impl OverviewWords {
    /// A count as the language writes it.
    pub fn num(self, n: usize) -> String {
        number(n)
    }
    /// "Open these 340 rooms" for a figure's link.
    pub fn open_n(self, n: usize) -> String {
        if self.zh {
            format!("打开这 {} 个聊天室", number(n))
        } else if n == 1 {
            "Open this chatroom".to_string()
        } else {
            format!("Open these {} chatrooms", number(n))
        }
    }
    /// A bar of rooms, as a screen reader and a tooltip read it.
    pub fn bar(self, label: &str, n: usize) -> String {
        if self.zh {
            format!("{label}：{} 个聊天室", number(n))
        } else {
            format!("{label}: {} chatroom{}", number(n), plural(n))
        }
    }
    /// A bar of members (a room's), as a screen reader and a tooltip read it.
    pub fn bar_members(self, label: &str, n: usize) -> String {
        if self.zh {
            format!("{label}：{} 名成员", number(n))
        } else {
            format!("{label}: {} member{}", number(n), plural(n))
        }
    }
    /// The first bucket: rooms where only the owner is left.
    pub fn owner_only(self) -> String {
        if self.zh {
            "1（仅所有者）".to_string()
        } else {
            "1 (owner only)".to_string()
        }
    }
    /// What the all-rooms view is narrowed to: "Only chatrooms owned by alice, empty."
    pub fn narrowed_to(self, parts: &[String]) -> String {
        if self.zh {
            format!("仅显示聊天室：{}。", parts.join("，"))
        } else {
            format!("Only chatrooms: {}.", parts.join(", "))
        }
    }
    /// The gauge's words: rooms of the limit, and the share.
    pub fn of_limit(self, rooms: usize, limit: usize) -> String {
        let pct = (rooms * 100).checked_div(limit).unwrap_or(0);
        if self.zh {
            format!("已用 {} / {}（{pct}%）", number(rooms), number(limit))
        } else {
            format!("{} of {} ({pct}%)", number(rooms), number(limit))
        }
    }
    /// The walk was stopped: the figures cover only what was read.
    pub fn partial(self, n: usize) -> String {
        if self.zh {
            format!(
                "遍历未完成：以下数字只包含已读取的 {} 个聊天室。",
                number(n)
            )
        } else {
            format!(
                "The walk did not finish: these figures cover only the {} chatroom{} read.",
                number(n),
                plural(n)
            )
        }
    }
    /// Details read so far.
    pub fn reading(self, done: usize, all: usize) -> String {
        if self.zh {
            format!("已读取 {} / {} 个聊天室的详情", number(done), number(all))
        } else {
            format!(
                "Details read for {} of {} chatrooms",
                number(done),
                number(all)
            )
        }
    }
    /// How many rooms have their details read, when not all do.
    pub fn details_missing(self, n: usize) -> String {
        if self.zh {
            format!("{} 个聊天室的创建时间尚未读取。", number(n))
        } else {
            format!(
                "The creation time of {} chatrooms is not read yet.",
                number(n)
            )
        }
    }
    /// A member-count bucket: "2–5", "10,001 or more".
    pub fn bucket(self, min: u64, max: Option<u64>) -> String {
        let n = |v: u64| number(v as usize);
        match max {
            Some(max) if max == min => n(min),
            Some(max) => format!("{}–{}", n(min), n(max)),
            None if self.zh => format!("{} 及以上", n(min)),
            None => format!("{} or more", n(min)),
        }
    }
    /// What the all-rooms view is narrowed to, one part each.
    pub fn by_owner(self, owner: &str) -> String {
        if self.zh {
            format!("所有者为 {owner}")
        } else {
            format!("owned by {owner}")
        }
    }
    pub fn by_members(self, min: Option<u64>, max: Option<u64>) -> String {
        let n = |v: u64| number(v as usize);
        let s = |v: u64| if v == 1 { "" } else { "s" };
        match (min, max, self.zh) {
            (None | Some(0), Some(1), true) => "空聊天室（只剩所有者）".to_string(),
            (None | Some(0), Some(1), false) => "empty (only the owner left)".to_string(),
            (Some(a), Some(b), true) if a == b => format!("成员数为 {}", n(a)),
            (Some(a), Some(b), false) if a == b => format!("with {} member{}", n(a), s(a)),
            (Some(a), Some(b), true) => format!("成员数 {}–{}", n(a), n(b)),
            (Some(a), Some(b), false) => format!("with {}–{} members", n(a), n(b)),
            (Some(a), None, true) => format!("成员数不少于 {}", n(a)),
            (Some(a), None, false) => format!("with {} or more members", n(a)),
            (None, Some(b), true) => format!("成员数不超过 {}", n(b)),
            (None, Some(b), false) => format!("with at most {} member{}", n(b), s(b)),
            (None, None, _) => String::new(),
        }
    }
    pub fn by_age(self, days: u32) -> String {
        if self.zh {
            format!("创建已超过 {days} 天")
        } else {
            format!("created more than {days} days ago")
        }
    }
    pub fn by_ids(self, n: usize) -> String {
        if self.zh {
            format!("指定的 {} 个", number(n))
        } else {
            format!("these {}", number(n))
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_are_whole_in_each_language() {
        let en = OverviewWords { zh: false };
        let zh = OverviewWords { zh: true };
        let parts = |w: OverviewWords| vec![w.by_owner("alice"), w.by_members(None, Some(1))];
        assert_eq!(
            en.narrowed_to(&parts(en)),
            "Only chatrooms: owned by alice, empty (only the owner left)."
        );
        assert_eq!(
            zh.narrowed_to(&parts(zh)),
            "仅显示聊天室：所有者为 alice，空聊天室（只剩所有者）。"
        );
        assert_eq!(en.by_members(Some(2), Some(5)), "with 2–5 members");
        assert_eq!(en.by_members(Some(1), Some(1)), "with 1 member");
        assert_eq!(en.bar("x", 1), "x: 1 chatroom");
        assert_eq!(en.bar_members("x", 2), "x: 2 members");
        assert_eq!(zh.bucket(10_001, None), "10001 及以上");
    }

    #[test]
    fn every_word_is_in_both_languages_and_the_chinese_is_chinese() {
        for (name, en, zh) in every_word() {
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{name}");
            assert_ne!(en, zh, "{name}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{name}: {zh}"
            );
        }
    }
}
