//! The journal's words, in both languages: a catalogue of its own, beside the main one, for the
//! journal page, its undo and a room's recent changes.

use super::Lang;
use crate::journal::rules::{Blocked, NoUndo};
use crate::journal::Op;

#[cfg_attr(test, derive(serde::Serialize))]
pub struct JournalWords {
    #[cfg_attr(test, serde(skip))]
    zh: bool,
    pub nav: &'static str,
    pub title: &'static str,
    pub lead: &'static str,
    pub unavailable: &'static str,
    pub empty: &'static str,
    pub no_match: &'static str,
    pub room: &'static str,
    pub user: &'static str,
    pub operation: &'static str,
    pub outcome: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub any: &'static str,
    pub entry: &'static str,
    pub entries: &'static str,
    pub clear: &'static str,
    pub clear_confirm: &'static str,
    pub cleared: &'static str,
    pub undo: &'static str,
    pub unfinished: &'static str,
    pub all_entries: &'static str,
    pub values: &'static str,
    pub before: &'static str,
    pub checking: &'static str,
    pub changed_since: &'static str,
    pub undo_rest: &'static str,
    pub undo_anyway: &'static str,
    pub fact: &'static str,
    pub as_left: &'static str,
    pub now: &'static str,
    pub not_so: &'static str,
    pub yes: &'static str,
    pub recent: &'static str,
    pub recent_none: &'static str,
    pub all_of_room: &'static str,
    pub no_room: &'static str,
    pub item: &'static str,
    pub app: &'static str,
    pub resume: &'static str,
    pub resume_lead: &'static str,
    pub found_done: &'static str,
    pub plan_only: &'static str,
    pub planned: &'static str,
    pub plan_kind: &'static str,
    pub targets: &'static str,
    pub resume_undo: &'static str,
    pub nothing_left: &'static str,
}

pub static EN: JournalWords = JournalWords {
    zh: false,
    nav: "Journal",
    title: "Journal",
    lead: "Every change made from this browser, newest first, with what was there before and what became of it. It is kept in this browser only, never with a token or secret: at most the last 10,000 entries, none older than 90 days; older ones are dropped.",
    unavailable: "This browser keeps no journal here (IndexedDB is not available). Changes are made all the same.",
    empty: "No change has been made from this browser to this app yet.",
    no_match: "No entry matches the filter.",
    room: "Room ID",
    user: "User",
    operation: "Operation",
    outcome: "Outcome",
    from: "From",
    to: "To",
    any: "Any",
    entry: "Entry",
    entries: "Journal entries",
    clear: "Clear the journal",
    clear_confirm: "Clear every entry of this app from this browser's journal? This cannot be undone.",
    cleared: "The journal of this app is cleared.",
    undo: "Undo",
    unfinished: "Unfinished: cut short by a reload or a closed tab.",
    all_entries: "All entries",
    values: "Values",
    before: "Before",
    checking: "Reading what is there now…",
    changed_since: "Changed since this entry, by someone else. Undo leaves these rooms alone unless you say so:",
    undo_rest: "Undo the rest",
    undo_anyway: "Undo all, over these changes",
    fact: "What",
    as_left: "As this entry left it",
    now: "Now",
    not_so: "not so",
    yes: "yes",
    recent: "Recent changes from this browser",
    recent_none: "None from this browser.",
    all_of_room: "All of this room's entries",
    no_room: "the app",
    item: "Item",
    app: "App",
    resume: "Resume",
    resume_lead: "Items whose outcome is not known are looked for first; only what was not done is sent.",
    found_done: "Found done: not sent again.",
    plan_only: "Plan only",
    planned: "The plan is in the journal; nothing was sent.",
    plan_kind: "plan, not sent",
    targets: "Targets",
    nothing_left: "Nothing was sent: every part of it changed since.",
    resume_undo: "An undo cut short is not resumed, since it would not look at what changed meanwhile: undo the entry it undoes again, which shows what changed since.",
};

pub static ZH: JournalWords = JournalWords {
    zh: true,
    nav: "操作记录",
    title: "操作记录",
    lead: "在此浏览器中做过的每一次更改，最新的在前，附更改前的值和每项结果。只保存在此浏览器中，从不保存令牌或密钥：最多保留最近 10,000 条、不超过 90 天，更早的会被删除。",
    unavailable: "此浏览器无法保存操作记录（IndexedDB 不可用）。更改照常进行。",
    empty: "尚未在此浏览器中对此应用做过更改。",
    no_match: "没有符合筛选条件的记录。",
    room: "聊天室 ID",
    user: "用户",
    operation: "操作",
    outcome: "结果",
    from: "起",
    to: "止",
    any: "全部",
    entry: "记录",
    entries: "操作记录列表",
    clear: "清空操作记录",
    clear_confirm: "从此浏览器的操作记录中清除此应用的全部记录？此操作无法撤销。",
    cleared: "已清空此应用的操作记录。",
    undo: "撤销",
    unfinished: "未完成：因重新加载或关闭标签页而中止。",
    all_entries: "全部记录",
    values: "设置的值",
    before: "更改前",
    checking: "正在读取当前状态…",
    changed_since: "此记录之后已被他人更改。除非你确认，撤销不会改动这些聊天室：",
    undo_rest: "撤销其余部分",
    undo_anyway: "全部撤销，覆盖这些更改",
    fact: "内容",
    as_left: "此记录完成时",
    now: "现在",
    not_so: "否",
    yes: "是",
    recent: "此浏览器中的最近更改",
    recent_none: "此浏览器中没有。",
    all_of_room: "此聊天室的全部记录",
    no_room: "整个应用",
    item: "项",
    app: "应用",
    resume: "继续",
    resume_lead: "先查看结果未知的项，只发送尚未完成的部分。",
    found_done: "查到已完成，不再发送。",
    plan_only: "仅记录计划",
    planned: "计划已记入操作记录，未发送任何请求。",
    plan_kind: "计划，未发送",
    targets: "对象",
    nothing_left: "未发送任何请求：所有部分此后都已被更改。",
    resume_undo: "中止的撤销不会继续执行，因为那样不会检查期间的更改：请对原记录再次撤销，届时会显示此后的更改。",
};

/// The journal's words in the current language.
pub fn jw() -> &'static JournalWords {
    match super::current() {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

impl JournalWords {
    pub fn op(&self, op: Op) -> &'static str {
        let (en, zh) = match op {
            Op::Create => ("Create room", "创建聊天室"),
            Op::Edit => ("Edit room", "修改聊天室"),
            Op::Transfer => ("Transfer ownership", "转让所有权"),
            Op::Dissolve => ("Dissolve room", "解散聊天室"),
            Op::AddMembers => ("Add members", "添加成员"),
            Op::RemoveMembers => ("Remove members", "移除成员"),
            Op::AddAdmin => ("Add admin", "添加管理员"),
            Op::RemoveAdmin => ("Remove admin", "移除管理员"),
            Op::Mute => ("Mute", "禁言"),
            Op::Unmute => ("Unmute", "解除禁言"),
            Op::MuteAll => ("Mute everyone", "全员禁言"),
            Op::UnmuteAll => ("Unmute everyone", "解除全员禁言"),
            Op::Block => ("Block", "加入黑名单"),
            Op::Unblock => ("Unblock", "移出黑名单"),
            Op::Allow => ("Add to allowlist", "加入白名单"),
            Op::Disallow => ("Remove from allowlist", "移出白名单"),
            Op::Announcement => ("Set announcement", "设置公告"),
            Op::SetAttributes => ("Set attributes", "设置自定义属性"),
            Op::DeleteAttributes => ("Delete attributes", "删除自定义属性"),
            Op::AddSuperAdmin => ("Add super admin", "添加超级管理员"),
            Op::RemoveSuperAdmin => ("Remove super admin", "移除超级管理员"),
            Op::RegisterUsers => ("Register users", "注册用户"),
            Op::SendMessage => ("Send message", "发送消息"),
            Op::Broadcast => ("Broadcast", "广播"),
            Op::Recall => ("Recall messages", "撤回消息"),
            Op::GlobalMute => ("App-wide mute", "全局禁言"),
            Op::Ban => ("Ban user", "封禁用户"),
            Op::Unban => ("Unban user", "解封用户"),
            Op::ForceOffline => ("Force offline", "强制下线"),
        };
        if self.zh {
            zh
        } else {
            en
        }
    }

    pub fn outcome(&self, key: &str) -> &'static str {
        let (en, zh) = match key {
            "done" => ("Done", "已完成"),
            "refused" => ("Refused", "被拒绝"),
            "unknown" => ("Outcome unknown", "结果未知"),
            "not_done" => ("Not done", "未执行"),
            _ => ("Pending", "待定"),
        };
        if self.zh {
            zh
        } else {
            en
        }
    }

    /// How an entry's items ended, e.g. "3 done, 1 refused".
    pub fn tally(&self, n: [usize; 5]) -> String {
        let keys = crate::journal::Outcome::KEYS;
        let parts: Vec<String> = n
            .iter()
            .zip(keys)
            .filter(|(c, _)| **c > 0)
            .map(|(c, k)| {
                if self.zh {
                    format!("{}：{c}", self.outcome(k))
                } else {
                    format!("{c} {}", self.outcome(k).to_lowercase())
                }
            })
            .collect();
        parts.join(if self.zh { "，" } else { ", " })
    }

    pub fn no_undo(&self, why: NoUndo) -> &'static str {
        match (why, self.zh) {
            (NoUndo::NoInverse, false) => "No undo: a dissolved room's id and history are gone, and a new room or user may already be in use.",
            (NoUndo::NoInverse, true) => "无法撤销：解散的聊天室的 ID 和历史已不存在，新建的聊天室或用户可能已在使用中。",
            (NoUndo::NothingDone, false) => "No undo: nothing of it was done, or it changed nothing.",
            (NoUndo::NothingDone, true) => "无法撤销：其中没有已完成的更改，或它未改变任何内容。",
            (NoUndo::BeforeUnknown, false) => "No undo: what was there before is not known.",
            (NoUndo::BeforeUnknown, true) => "无法撤销：不知道更改前的值。",
            (NoUndo::Undone, false) => "Undone already.",
            (NoUndo::Undone, true) => "已撤销。",
            (NoUndo::Running, false) => "No undo while it is under way or unfinished.",
            (NoUndo::Running, true) => "进行中或未完成的记录无法撤销。",
            (NoUndo::NotUndoable, false) => "No undo: a message cannot be unsent (recall it from Messages), a session ended cannot be restored, and an app-wide mute is changed from the user's page.",
            (NoUndo::NotUndoable, true) => "无法撤销：消息无法取消发送（可在“消息”页撤回），已结束的会话无法恢复，全局禁言请在用户页面修改。",
        }
    }

    pub fn blocked(&self, b: &Blocked) -> String {
        match (b, self.zh) {
            (Blocked::RoomGone(r), false) => {
                format!("Room {r} no longer exists: nothing to undo there.")
            }
            (Blocked::RoomGone(r), true) => format!("聊天室 {r} 已不存在，无法撤销。"),
            (Blocked::OwnerLeft { room, owner }, false) => {
                format!("{owner} is no longer a member of room {room}: ownership cannot go back to them.")
            }
            (Blocked::OwnerLeft { room, owner }, true) => {
                format!("{owner} 已不是聊天室 {room} 的成员，所有权无法转回。")
            }
        }
    }

    pub fn entry_title(&self, id: u64) -> String {
        if self.zh {
            format!("记录 {id}")
        } else {
            format!("Entry {id}")
        }
    }

    pub fn undoes(&self, id: u64) -> String {
        if self.zh {
            format!("撤销了记录 {id}")
        } else {
            format!("Undoes entry {id}")
        }
    }

    pub fn undone_by(&self, id: u64) -> String {
        if self.zh {
            format!("已被记录 {id} 撤销")
        } else {
            format!("Undone by entry {id}")
        }
    }

    pub fn undo_title(&self, id: u64) -> String {
        if self.zh {
            format!("撤销记录 {id}")
        } else {
            format!("Undo entry {id}")
        }
    }

    pub fn reading(&self, n: usize, of: usize) -> String {
        if self.zh {
            format!("正在读取当前状态：{n} / {of}")
        } else {
            format!("Reading what is there now: {n} of {of}")
        }
    }

    /// Nobody changed it since: what the undo will send.
    pub fn unchanged(&self, requests: usize) -> String {
        if self.zh {
            format!("此记录之后无人更改。撤销将发送 {requests} 个请求。")
        } else {
            format!("Nobody changed it since. Undo sends {requests} requests.")
        }
    }

    pub fn undone(&self, done: usize, of: usize) -> String {
        if self.zh {
            format!("撤销完成：{of} 项中 {done} 项已完成。")
        } else {
            format!("Undo: {done} of {of} done.")
        }
    }

    pub fn shown(&self, n: usize, of: usize) -> String {
        if self.zh {
            format!("显示 {of} 条中的 {n} 条")
        } else {
            format!("{n} of {of} entries")
        }
    }

    pub fn dropped(&self, n: usize) -> String {
        if self.zh {
            format!("已删除超出保留范围的 {n} 条旧记录。")
        } else {
            format!("{n} older entries beyond the bounds were dropped.")
        }
    }

    /// A bulk run's plan: how many requests to which endpoint, and reads of what is there
    /// before (for its undo), at what pace, about how long.
    pub fn plan(&self, requests: usize, reads: usize, call: &str, every_ms: u64) -> String {
        let secs = ((requests + reads) as u64 * every_ms).div_ceil(1000).max(1);
        match (self.zh, reads) {
            (false, 0) => format!("{requests} requests to {call}, at most one every {every_ms} ms: about {secs} s."),
            (false, _) => format!("{requests} requests to {call}, after up to {reads} reads of what is there before (for the undo), at most one every {every_ms} ms: about {secs} s."),
            (true, 0) => format!("将发送 {requests} 个请求：{call}，每 {every_ms} 毫秒至多一个，约 {secs} 秒。"),
            (true, _) => format!("将发送 {requests} 个请求：{call}，之前最多读取 {reads} 次当前状态（用于撤销），每 {every_ms} 毫秒至多一个，约 {secs} 秒。"),
        }
    }

    pub fn more_items(&self, n: usize) -> String {
        if self.zh {
            format!("另有 {n} 项，见导出文件。")
        } else {
            format!("{n} more items are in the export.")
        }
    }

    /// A fact of "changed since", e.g. `member:bob` → "bob is a member".
    pub fn fact(&self, fact: &str) -> String {
        let (kind, who) = fact.split_once(':').unwrap_or((fact, ""));
        let zh = self.zh;
        match kind {
            "member" if zh => format!("{who} 是成员"),
            "member" => format!("{who} is a member"),
            "admin" if zh => format!("{who} 是管理员"),
            "admin" => format!("{who} is an admin"),
            "muted" if zh => format!("{who} 被禁言"),
            "muted" => format!("{who} is muted"),
            "block" if zh => format!("{who} 在黑名单中"),
            "block" => format!("{who} is blocked"),
            "allow" if zh => format!("{who} 在白名单中"),
            "allow" => format!("{who} is on the allowlist"),
            "super_admin" if zh => format!("{who} 是超级管理员"),
            "super_admin" => format!("{who} is a super admin"),
            "attr" if zh => format!("自定义属性 {who}"),
            "attr" => format!("attribute {who}"),
            "mute_all" if zh => "全员禁言".into(),
            "mute_all" => "everyone muted".into(),
            "name" if zh => "名称".into(),
            "description" if zh => "描述".into(),
            "maxusers" if zh => "最大成员数".into(),
            "owner" if zh => "所有者".into(),
            "text" if zh => "公告".into(),
            "text" => "announcement".into(),
            other => other.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chinese_words_are_chinese_and_the_english_ones_english() {
        let zh = serde_json::to_value(&ZH).unwrap();
        let en = serde_json::to_value(&EN).unwrap();
        for (k, v) in zh.as_object().unwrap() {
            let v = v.as_str().unwrap();
            assert!(super::super::tests::has_cjk_pub(v), "zh {k}: {v}");
            let e = en[k].as_str().unwrap();
            assert!(!super::super::tests::has_cjk_pub(e), "en {k}: {e}");
        }
        for op in Op::ALL {
            assert!(super::super::tests::has_cjk_pub(ZH.op(op)));
            assert!(!super::super::tests::has_cjk_pub(EN.op(op)));
        }
    }
}
