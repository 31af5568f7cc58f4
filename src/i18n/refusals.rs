//! The explanations of refusals and of requests not sent because they were not valid, that
//! only pages loaded on first use can meet, in both languages. They are kept out of the first
//! load: a lazy page installs them when it is first opened (`super::install_lazy_words`).
//! The first load's catalogues keep what Connect can meet.

use super::{field_label, Lang};
use easemob_api::limits::Invalid;
use easemob_api::limits::{
    ATTRIBUTE_KEY_MAX_CHARS, CUSTOM_EVENT_MAX_CHARS, GLOBAL_MUTE_SECONDS_MAX, MAXUSERS_MAX,
    MAXUSERS_MIN, USERNAME_MAX_CHARS,
};
use easemob_api::{RecallProblem, Refusal, SendProblem};

/// A refusal explained in `lang`.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    match lang {
        Lang::En => en_refusal(r),
        Lang::Zh => zh_refusal(r),
    }
}

/// A request not sent, and why, in `lang`.
pub fn invalid(lang: Lang, i: &Invalid) -> String {
    match lang {
        Lang::En => en_invalid(i),
        Lang::Zh => zh_invalid(i),
    }
}

fn en_refusal(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        TokenBlank | BadToken => "The app token was not accepted. Connect again.".into(),
        ExpiredToken => "The app token has expired. Connect again or paste a new token.".into(),
        RegistrationNeedsToken => "Registering users needs an app token.".into(),
        AppNotFound { org, app, .. } => {
            format!("There is no app {org}#{app} on this host. Check the org and app names.")
        }
        RoomNotFoundOnRead { id } | RoomNotFound { id } => {
            format!("There is no chatroom {id}; it may have been dissolved.")
        }
        UserNotFound { username } => format!("There is no user {username} in this app."),
        UserEntityNotFound => "There is no such user in this app.".into(),
        MustBeProvided { field } => format!("{field} is required."),
        TooLong { field, max } => {
            format!(
                "{} may have at most {max} characters.",
                field_label(super::en::words(), *field)
            )
        }
        MaxUsersTooLarge { max } => format!("Max users may be at most {max}."),
        MaxUsersTooSmall => "Max users must be at least 1.".into(),
        TooManyMembers => "There are more members than max users allows.".into(),
        TooManyInOneCall { max, .. } => format!("At most {max} in one request."),
        NothingToModify => "Nothing was changed.".into(),
        UnknownFields { fields } => format!("The server does not know {}.", fields.join(", ")),
        SameOwner => "That user already owns the chatroom.".into(),
        NotInRoom { username, .. } => format!("{username} is not a member of the chatroom."),
        OwnerCannotLeave { username, .. } => {
            format!("{username} owns the chatroom and cannot be removed; transfer it first.")
        }
        RoomFull { .. } => "The chatroom is full (max users reached).".into(),
        UserJoinedTooMany { username } => {
            format!("{username} has joined as many chatrooms as the plan allows.")
        }
        AppHasTooManyRooms { .. } => "The app has as many chatrooms as its plan allows.".into(),
        NotMembers { users, .. } => format!("Not members: {}.", users.join(", ")),
        MaxUsersBelowMembers => {
            "Max users cannot be lower than the number of members now in the room.".into()
        }
        DuplicateUser { username } => format!("The username {username} is taken."),
        InvalidGrant { .. } => "The client ID or secret is wrong.".into(),
        IllegalArgument { .. } | InvalidParameter { .. } => {
            "The server could not accept the request.".into()
        }
        BodyTooLarge { .. } => "The request is too large.".into(),
        MethodNotAllowed | NoSuchEndpoint { .. } => {
            "This host does not offer that call; check that it is an Easemob REST host.".into()
        }
        RateLimited => super::en::words().rate_limited_explained.into(),
        PlanLimited => "The app is over its plan's quota.".into(),
        Unavailable | Internal => super::en::words().server_error_explained.into(),
        AlreadyAdmin { username } => format!("{username} is already an admin (or the owner)."),
        NotAdmin { username } => format!("{username} is not an admin."),
        TooManyAdmins { max } => {
            format!("The chatroom already has {max} admins, the most it may have.")
        }
        AdminMustBeMember { username, .. } => {
            format!("{username} is not a member; only members can be admins.")
        }
        MuteNotMembers { users } => format!(
            "Only members can be muted; not members: {}.",
            users.join(", ")
        ),
        UserBlocked { username } => {
            format!("{username} is on the chatroom's blocklist; unblock them first.")
        }
        SharedFileNotFound { file_id } => {
            format!("The chatroom has no shared file {file_id}.")
        }
        AnnouncementTooLong => "The announcement is too long.".into(),
        AttributeBatchTooLarge { max } => format!("At most {max} attributes in one request."),
        AttributesOfOthers => "Another user set one of these attributes.".into(),
        AttributeUserNotInRoom => "Attributes can be set only as a member of the chatroom.".into(),
        AlreadySuperAdmin { username } => format!("{username} is already a super admin."),
        NotSuperAdmin { username } => format!("{username} is not a super admin."),
        MessageNotSent { problem } => match problem {
            SendProblem::SenderMuted { username } => {
                format!("{username} is muted app-wide for chatrooms and cannot send to them.")
            }
            SendProblem::ReachLimit => {
                "The app sent more messages a second than its plan allows; nothing was sent.".into()
            }
            SendProblem::TooLarge => "The message is too large.".into(),
            SendProblem::TooManyRooms { max } => format!("At most {max} rooms in one request."),
            _ => "The server could not accept the message.".into(),
        },
        RecallRefused { problem } => match problem {
            RecallProblem::TooLate => {
                "It was sent longer ago than the recall window; recall it with Force.".into()
            }
            RecallProblem::NotFound => {
                "There is no such message: recalled already, or expired on the server.".into()
            }
            RecallProblem::ReceiverNotFound => "The message was not sent to that chatroom.".into(),
            _ => "The server could not accept the recall.".into(),
        },
        BroadcastUnopened => {
            "The app's plan does not include broadcasting to chatrooms (ask Easemob to enable it)."
                .into()
        }
        BroadcastDailyLimit => {
            "The app has sent as many broadcasts today as its plan allows (UTC day).".into()
        }
        RecallUnopened => "The app's plan does not include recalling messages.".into(),
        InvalidRequestBody => "The server could not read the request.".into(),
        UserRequired => "There is no such user in this app.".into(),
        Other => "The server refused the request.".into(),
    }
}

fn en_invalid(i: &Invalid) -> String {
    match i {
        Invalid::Missing(field) => format!("{} is required", field.wire_name()),
        Invalid::TooLong { field, max, actual } => format!(
            "{} is {actual} characters; at most {max} are allowed",
            field.wire_name()
        ),
        Invalid::MaxUsersOutOfRange(n) => {
            format!("maxusers must be between {MAXUSERS_MIN} and {MAXUSERS_MAX}, not {n}")
        }
        Invalid::TooManyMembers { members, maxusers } => {
            format!("{members} members are more than maxusers {maxusers}")
        }
        Invalid::BadUsername { username, .. } => format!(
            "\"{username}\" is not a valid username (1 to {USERNAME_MAX_CHARS} of a-z A-Z 0-9 _ . -)"
        ),
        Invalid::TooManyInOneCall { field, max, actual } => format!(
            "{actual} {} in one call; at most {max} are allowed",
            field.wire_name()
        ),
        Invalid::NothingToChange => "nothing to change".to_string(),
        Invalid::SameOwner(u) => format!("{u} already owns this room"),
        Invalid::BadAttributeKey(key) => format!(
            "\"{key}\" is not a valid key (1 to {ATTRIBUTE_KEY_MAX_CHARS} of a-z A-Z 0-9 _ . -)"
        ),
        Invalid::BadCustomEvent(e) => format!(
            "\"{e}\" is not a valid event (1 to {CUSTOM_EVENT_MAX_CHARS} of a-z A-Z 0-9 - _ / .)"
        ),
        Invalid::SecondsOutOfRange(s) => {
            format!("{s} is not a duration: use 1 to {GLOBAL_MUTE_SECONDS_MAX} seconds, or for ever")
        }
    }
}

fn zh_refusal(r: &Refusal) -> String {
    use Refusal::*;
    match r {
        TokenBlank | BadToken => "App Token 未被接受，请重新连接。".into(),
        ExpiredToken => "App Token 已过期，请重新连接或粘贴新的 App Token。".into(),
        RegistrationNeedsToken => "注册用户需要 App Token。".into(),
        AppNotFound { org, app, .. } => {
            format!("此域名下没有应用 {org}#{app}，请检查 org 名称和 app 名称。")
        }
        RoomNotFoundOnRead { id } | RoomNotFound { id } => {
            format!("聊天室 {id} 不存在，可能已被解散。")
        }
        UserNotFound { username } => format!("该应用中不存在用户 {username}。"),
        UserEntityNotFound => "该应用中不存在此用户。".into(),
        MustBeProvided { field } => format!("{field} 为必填项。"),
        TooLong { field, max } => {
            format!(
                "“{}”最多 {max} 个字符。",
                field_label(super::zh::words(), *field)
            )
        }
        MaxUsersTooLarge { max } => format!("最大成员数不能超过 {max}。"),
        MaxUsersTooSmall => "最大成员数不能小于 1。".into(),
        TooManyMembers => "成员数超过了最大成员数。".into(),
        TooManyInOneCall { max, .. } => format!("单次请求最多 {max} 个。"),
        NothingToModify => "没有任何更改。".into(),
        UnknownFields { fields } => format!("服务器无法识别：{}。", fields.join("、")),
        SameOwner => "该用户已是聊天室所有者。".into(),
        NotInRoom { username, .. } => format!("{username} 不是该聊天室的成员。"),
        OwnerCannotLeave { username, .. } => {
            format!("{username} 是聊天室所有者，无法移除；请先转让聊天室。")
        }
        RoomFull { .. } => "聊天室已满（已达最大成员数）。".into(),
        UserJoinedTooMany { username } => {
            format!("{username} 加入的聊天室数量已达套餐上限。")
        }
        AppHasTooManyRooms { .. } => "该应用的聊天室数量已达套餐上限。".into(),
        NotMembers { users, .. } => format!("以下用户不是成员：{}。", users.join("、")),
        MaxUsersBelowMembers => "最大成员数不能小于聊天室当前的成员数。".into(),
        DuplicateUser { username } => format!("用户 ID {username} 已被占用。"),
        InvalidGrant { .. } => "Client ID 或 Client Secret 错误。".into(),
        IllegalArgument { .. } | InvalidParameter { .. } => "服务器无法接受该请求。".into(),
        BodyTooLarge { .. } => "请求体过大。".into(),
        MethodNotAllowed | NoSuchEndpoint { .. } => {
            "该域名不支持此调用，请确认它是环信 REST API 域名。".into()
        }
        RateLimited => super::zh::words().rate_limited_explained.into(),
        PlanLimited => "该应用已超出套餐配额。".into(),
        Unavailable | Internal => super::zh::words().server_error_explained.into(),
        AlreadyAdmin { username } => format!("{username} 已是管理员（或所有者）。"),
        NotAdmin { username } => format!("{username} 不是管理员。"),
        TooManyAdmins { max } => format!("聊天室已有 {max} 名管理员，已达上限。"),
        AdminMustBeMember { username, .. } => {
            format!("{username} 不是成员；只有成员才能成为管理员。")
        }
        MuteNotMembers { users } => {
            format!("只能禁言成员；以下用户不是成员：{}。", users.join("、"))
        }
        UserBlocked { username } => {
            format!("{username} 在聊天室黑名单中；请先将其移出黑名单。")
        }
        SharedFileNotFound { file_id } => format!("聊天室没有共享文件 {file_id}。"),
        AnnouncementTooLong => "公告太长。".into(),
        AttributeBatchTooLarge { max } => format!("单次请求最多 {max} 个属性。"),
        AttributesOfOthers => "其中有属性由其他用户设置。".into(),
        AttributeUserNotInRoom => "只能以聊天室成员的身份设置属性。".into(),
        AlreadySuperAdmin { username } => format!("{username} 已是超级管理员。"),
        NotSuperAdmin { username } => format!("{username} 不是超级管理员。"),
        MessageNotSent { problem } => match problem {
            SendProblem::SenderMuted { username } => {
                format!("{username} 已被全局禁言（聊天室），不能向聊天室发消息。")
            }
            SendProblem::ReachLimit => "应用每秒发送的消息超过套餐上限，本次未发送。".into(),
            SendProblem::TooLarge => "消息过大。".into(),
            SendProblem::TooManyRooms { max } => format!("单次请求最多 {max} 个聊天室。"),
            _ => "服务器无法接受该消息。".into(),
        },
        RecallRefused { problem } => match problem {
            RecallProblem::TooLate => "消息发送已超过撤回时限；可勾选“强制”撤回。".into(),
            RecallProblem::NotFound => "找不到该消息：已被撤回，或已在服务器上过期。".into(),
            RecallProblem::ReceiverNotFound => "该消息不是发往这个聊天室的。".into(),
            _ => "服务器无法接受该撤回请求。".into(),
        },
        BroadcastUnopened => "应用的套餐未开通聊天室广播（请联系环信开通）。".into(),
        BroadcastDailyLimit => "应用今天的广播次数已达套餐上限（按 UTC 日计）。".into(),
        RecallUnopened => "应用的套餐未开通消息撤回。".into(),
        InvalidRequestBody => "服务器无法读取该请求。".into(),
        UserRequired => "该应用中没有这个用户。".into(),
        Other => "服务器拒绝了该请求。".into(),
    }
}

fn zh_invalid(i: &Invalid) -> String {
    match i {
        Invalid::Missing(field) => format!("{}为必填项", field_label(super::zh::words(), *field)),
        Invalid::TooLong { field, max, actual } => format!(
            "“{field}”的长度为 {actual} 个字符，最多允许 {max} 个",
            field = field_label(super::zh::words(), *field)
        ),
        Invalid::MaxUsersOutOfRange(n) => {
            format!("最大成员数必须介于 {MAXUSERS_MIN} 和 {MAXUSERS_MAX} 之间，当前为 {n}")
        }
        Invalid::TooManyMembers { members, maxusers } => {
            format!("成员数 {members} 超过了最大成员数（{maxusers}）")
        }
        Invalid::BadUsername { username, .. } => format!(
            "“{username}”不是有效的用户 ID（1 到 {USERNAME_MAX_CHARS} 个字符，仅限 a-z A-Z 0-9 _ . -）"
        ),
        Invalid::TooManyInOneCall { field, max, actual } => format!(
            "单次请求包含 {actual} 个“{field}”，最多允许 {max} 个",
            field = field_label(super::zh::words(), *field)
        ),
        Invalid::NothingToChange => "没有需要更改的内容".to_string(),
        Invalid::SameOwner(u) => format!("{u} 已是该聊天室的所有者"),
        Invalid::BadAttributeKey(key) => format!(
            "“{key}”不是有效的键（1 到 {ATTRIBUTE_KEY_MAX_CHARS} 个字符，仅限 a-z A-Z 0-9 _ . -）"
        ),
        Invalid::BadCustomEvent(e) => format!(
            "“{e}”不是有效的事件名（1 到 {CUSTOM_EVENT_MAX_CHARS} 个字符，仅限 a-z A-Z 0-9 - _ / .）"
        ),
        Invalid::SecondsOutOfRange(s) => {
            format!("{s} 不是有效时长：请用 1 到 {GLOBAL_MUTE_SECONDS_MAX} 秒，或永久")
        }
    }
}
