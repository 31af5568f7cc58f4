//! The words of the messages page and the user pages, in both languages: a catalogue of their
//! own (they are loaded on first use), beside the main one.

use super::Lang;

/// The words for the language on screen.
pub fn mw() -> MessageWords {
    MessageWords {
        zh: super::current() == Lang::Zh,
    }
}

#[derive(Clone, Copy)]
pub struct MessageWords {
    zh: bool,
}

macro_rules! words {
    ($($name:ident: $en:expr, $zh:expr;)*) => {
        impl MessageWords {
            $(pub fn $name(self) -> &'static str { if self.zh { $zh } else { $en } })*
        }
        #[cfg(test)]
        pub fn every_word() -> Vec<(&'static str, &'static str, &'static str)> {
            vec![$((stringify!($name), $en, $zh)),*]
        }
    };
}

words! {
    nav: "Messages", "消息";
    title: "Messages to chatrooms", "聊天室消息";
    lead: "Send a message into chatrooms as the app's admin or as a user, broadcast to every active chatroom, and recall what was sent from here.", "以应用管理员或指定用户身份向聊天室发送消息、向所有活跃聊天室广播，并撤回从这里发出的消息。";
    compose: "Send a message", "发送消息";
    to: "Chatroom IDs", "聊天室 ID";
    to_hint: "Separated by commas, spaces or new lines. Up to 10 rooms go in one request, paced under the app's limit of 100 messages a second.", "用逗号、空格或换行分隔。每个请求最多 10 个聊天室，发送速度控制在应用每秒 100 条消息的上限以内。";
    no_rooms: "Name at least one chatroom", "请至少填写一个聊天室";
    bad_room: "Chatroom IDs are digits only", "聊天室 ID 只能是数字";
    from: "From", "发送者";
    from_admin: "The app's admin", "应用管理员";
    from_user: "A user", "指定用户";
    username: "Username", "用户名";
    kind: "Type", "类型";
    kind_txt: "Text", "文本";
    kind_custom: "Custom", "自定义";
    kind_cmd: "Command (cmd)", "透传（cmd）";
    text: "Text", "文本内容";
    event: "Custom event (optional)", "自定义事件（可选）";
    exts: "Custom fields: key=value, one a line (up to 16)", "自定义字段：每行一个 key=value（最多 16 个）";
    bad_exts: "Each line is key=value", "每行须为 key=value";
    action: "Action", "动作";
    ext: "ext: a JSON object (optional)", "ext：JSON 对象（可选）";
    ext_not_object: "ext must be a JSON object, such as {\"key\": \"value\"}", "ext 必须是 JSON 对象，例如 {\"key\": \"value\"}";
    priority: "Priority in the room", "聊天室消息优先级";
    priority_high: "High", "高";
    priority_normal: "Normal", "普通";
    priority_low: "Low (dropped first under load)", "低（负载高时最先丢弃）";
    send: "Send", "发送";
    results: "Rooms", "聊天室";
    download: "Download results (CSV)", "下载结果（CSV）";
    unknown_note: "Outcome unknown: the answer was lost, so these rooms may have the message. A message is never sent twice, so Retry leaves them alone.", "结果未知：响应丢失，这些聊天室可能已收到消息。消息绝不重复发送，因此“重试”不会再发给它们。";
    broadcast: "Broadcast to every active chatroom", "向所有活跃聊天室广播";
    broadcast_lead: "An active chatroom has at least one member and has had at least one message. Members who are offline do not get a broadcast, and it has no message id, so it cannot be recalled. The app's plan must include it (Easemob's flagship plan).", "活跃聊天室指至少有一名成员且至少有过一条消息的聊天室。离线成员收不到广播；广播没有消息 ID，无法撤回。应用套餐须支持该功能（环信旗舰版）。";
    allowance: "Broadcasts a day on this app's plan", "本应用套餐每日广播次数";
    broadcast_send: "Broadcast…", "广播…";
    broadcast_confirm_title: "Broadcast to every active chatroom?", "确认向所有活跃聊天室广播？";
    broadcast_confirm: "It goes to every active chatroom of the app at once, and cannot be recalled.", "消息将立即发往应用的所有活跃聊天室，且无法撤回。";
    broadcast_go: "Broadcast now", "立即广播";
    cancel: "Cancel", "取消";
    sent: "Sent from this dashboard", "从本控制台发出的消息";
    sent_lead: "From the operations journal of this browser. A message can be recalled within 2 minutes of sending (the app's console can allow up to 7 days); Force recalls older ones too. Receivers lose their copy.", "来自本浏览器的操作记录。消息可在发送后 2 分钟内撤回（应用控制台最长可设为 7 天）；勾选“强制”可撤回更早的消息。接收方的消息将被删除。";
    none_sent: "No messages sent from this browser yet.", "本浏览器尚未发送过消息。";
    col_time: "Sent", "发送时间";
    col_room: "Chatroom", "聊天室";
    col_id: "Message id", "消息 ID";
    col_says: "Message", "内容";
    col_state: "State", "状态";
    recalled: "Recalled", "已撤回";
    not_recalled: "Sent", "已发送";
    recall: "Recall", "撤回";
    force: "Force (older than the recall window)", "强制（超过撤回时限）";
    recall_max: "At most 30 at once", "一次最多 30 条";
    select_message: "Select", "选择";
    user_lead: "This user across the whole app: online status, the rooms they are in, an app-wide mute, a ban, and force offline.", "该用户在整个应用中的状态：在线状态、所在聊天室、全局禁言、封禁和强制下线。";
    no_user: "There is no such user in this app.", "该应用中没有这个用户。";
    online: "Online", "在线";
    offline: "Offline", "离线";
    banned: "Banned: cannot log in", "已封禁：无法登录";
    active: "Not banned", "未封禁";
    rooms_of: "Rooms they are in", "所在聊天室";
    mute_title: "App-wide mute", "全局禁言";
    mute_lead: "Stops the user sending in one-to-one chats, groups or chatrooms, through the SDKs and the REST API, until it ends.", "禁止用户通过 SDK 和 REST API 在单聊、群组或聊天室中发言，直到禁言结束。";
    kind_chat: "One-to-one chats", "单聊";
    kind_groupchat: "Groups", "群组";
    kind_chatroom: "Chatrooms", "聊天室";
    not_muted: "Not muted", "未禁言";
    muted_forever: "Muted for ever", "永久禁言";
    mute_apply: "Mute", "禁言";
    lift: "Lift", "解除";
    mute_for: "For", "时长";
    ban_title: "Ban", "封禁";
    ban_lead: "A ban forces the user offline on every device and keeps them from logging in until they are unbanned; it never ends by itself. Messages sent to them wait as offline messages.", "封禁会让用户在所有设备上下线，并在解封前无法登录；封禁不会自动结束。发给该用户的消息将作为离线消息保存。";
    ban: "Ban", "封禁";
    unban: "Unban", "解封";
    offline_title: "Force offline", "强制下线";
    offline_lead: "Ends every session of the user; they can log in again at once.", "结束该用户的所有会话；用户可以立即重新登录。";
    force_offline: "Force offline", "强制下线";
    users_title: "Users across the app", "全应用用户操作";
    users_lead: "Mute app-wide, ban, unban or force offline several users at once, with a result for each.", "一次对多个用户进行全局禁言、封禁、解封或强制下线，并逐个显示结果。";
    names: "Usernames (commas, spaces or new lines)", "用户名（用逗号、空格或换行分隔）";
    what: "Action", "操作";
    act_mute: "Mute in chatrooms app-wide", "全局禁言（聊天室）";
    act_unmute: "Lift the app-wide mute", "解除全局禁言";
    act_ban: "Ban", "封禁";
    act_unban: "Unban", "解封";
    act_offline: "Force offline", "强制下线";
    go: "Go", "执行";
    muted_list: "Users muted app-wide", "全局禁言用户";
    muted_none: "Nobody is muted app-wide.", "没有被全局禁言的用户。";
    users_link: "Act on these members across the app", "对这些成员进行全应用操作";
    done: "Done", "完成";
    nav_users: "Users", "用户";
    status: "Status", "状态";
    left_col: "Time left", "剩余时间";
    user_loading: "Loading the user…", "正在加载用户…";
}

impl MessageWords {
    /// `label: text`, with the language's colon.
    pub fn labelled(self, label: &str, text: &str) -> String {
        if self.zh {
            format!("{label}：{text}")
        } else {
            format!("{label}: {text}")
        }
    }
    /// The colon between a label and what it labels.
    pub fn colon(self) -> &'static str {
        if self.zh {
            "："
        } else {
            ": "
        }
    }
    /// A message type's name (`txt`, `custom`, `cmd`).
    pub fn kind_word(self, kind: &str) -> &'static str {
        match kind {
            "custom" => self.kind_custom(),
            "cmd" => self.kind_cmd(),
            _ => self.kind_txt(),
        }
    }
    pub fn unknown_line(self, n: usize) -> String {
        if self.zh {
            format!("{n} 个请求{}", self.unknown_note())
        } else {
            format!("{n} requests: {}", self.unknown_note())
        }
    }
    pub fn to_selected(self, n: usize) -> String {
        if self.zh {
            format!("已从列表中选择 {n} 个聊天室")
        } else {
            format!("{n} chatrooms selected in the list")
        }
    }
    pub fn size(self, n: usize, max: usize) -> String {
        if self.zh {
            format!("大小：{n} / {max} 字节（body 与 ext）")
        } else {
            format!("Size: {n} of {max} bytes (body and ext)")
        }
    }
    pub fn send_to(self, n: usize) -> String {
        if self.zh {
            format!("发送到 {n} 个聊天室")
        } else if n == 1 {
            "Send to 1 chatroom".into()
        } else {
            format!("Send to {n} chatrooms")
        }
    }
    pub fn got(self, pairs: &[(String, String)]) -> String {
        let list: Vec<String> = pairs.iter().map(|(r, m)| format!("{r} → {m}")).collect();
        if self.zh {
            format!("已发送：{}", list.join("，"))
        } else {
            format!("sent: {}", list.join(", "))
        }
    }
    pub fn rooms_row(self, first: &str, n: usize) -> String {
        if n <= 1 {
            first.to_string()
        } else if self.zh {
            format!("{first} 等 {n} 个")
        } else {
            format!("{first} and {} more", n - 1)
        }
    }
    pub fn limits(self, per_day: u32) -> String {
        if self.zh {
            format!("每秒最多 1 次、每分钟 10 次、每天 {per_day} 次（按 UTC 日计）；每日次数可联系环信提高。")
        } else {
            format!("At most 1 a second, 10 a minute and {per_day} a day (the UTC day); Easemob can raise the daily figure.")
        }
    }
    pub fn today(self, n: usize, per_day: u32) -> String {
        if self.zh {
            format!("今天本浏览器已广播 {n} / {per_day} 次")
        } else {
            format!("Sent today from this browser: {n} of {per_day}")
        }
    }
    pub fn over_day(self, n: usize, per_day: u32) -> String {
        if self.zh {
            format!(
                "未发送：今天已广播 {n} 次，达到每日 {per_day} 次的上限；下一日从 UTC 00:00 开始。"
            )
        } else {
            format!("Not sent: {n} broadcasts were sent today, the plan's {per_day} a day; the next day starts at 00:00 UTC.")
        }
    }
    pub fn over_minute(self, secs: u64) -> String {
        if self.zh {
            format!("未发送：一分钟内已广播 10 次；请 {secs} 秒后再试。")
        } else {
            format!("Not sent: 10 broadcasts in the last minute; try again in {secs} s.")
        }
    }
    pub fn broadcast_done(self, id: &str) -> String {
        if self.zh {
            format!("已广播，广播 ID {id}")
        } else {
            format!("Broadcast sent: id {id}")
        }
    }
    pub fn recall_n(self, n: usize) -> String {
        if self.zh {
            format!("撤回所选 {n} 条")
        } else {
            format!("Recall the {n} selected")
        }
    }
    pub fn recalled_n(self, ok: usize, all: usize) -> String {
        if self.zh {
            format!("已撤回 {ok} / {all} 条")
        } else {
            format!("{ok} of {all} recalled")
        }
    }
    pub fn seconds_left(self, s: i64) -> String {
        let (h, m) = (s / 3600, (s % 3600) / 60);
        if self.zh {
            format!("剩余 {h} 小时 {m} 分")
        } else {
            format!("{h} h {m} min left")
        }
    }
    pub fn muted_until(self, when: &str, left: &str) -> String {
        if self.zh {
            format!("禁言至 {when}（{left}）")
        } else {
            format!("Muted until {when} ({left})")
        }
    }
    pub fn user_title(self, u: &str) -> String {
        if self.zh {
            format!("用户 {u}")
        } else {
            format!("User {u}")
        }
    }
    pub fn did(self, what: &str, u: &str) -> String {
        if self.zh {
            format!("{u}：{what}完成")
        } else {
            format!("{what}: {u}")
        }
    }
    pub fn go_n(self, n: usize) -> String {
        if self.zh {
            format!("对 {n} 个用户执行")
        } else {
            format!("Do it for {n} users")
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_word_is_in_both_languages_and_the_chinese_is_chinese() {
        for (name, en, zh) in super::every_word() {
            assert!(!en.is_empty() && !zh.is_empty(), "{name}");
            assert_ne!(en, zh, "{name} is not translated");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{name}: {zh}"
            );
        }
    }
}
