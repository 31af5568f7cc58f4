//! 简体中文.

use super::{number, Catalogue, Words};
use crate::import::{FileProblem, RowProblem};
use easemob_api::client::WaitReason;
use easemob_api::connect::ConnectProblem;
use easemob_api::limits::Invalid;
use easemob_api::{FailureClass, KeyReason, Refusal, UserReason};

pub struct Zh;

pub(super) fn words() -> &'static Words {
    &WORDS
}

static WORDS: Words = Words {
    app_title: "聊天室管理",
    skip_to_content: "跳到主要内容",
    nav_label: "主导航",
    nav_rooms: "聊天室",
    nav_open_many: "按 ID 打开",
    user_lookup_label: "用户加入的聊天室",
    username_placeholder: "用户 ID",
    user_lookup_go: "查看",
    switch_app: "切换应用",
    disconnect: "断开连接",
    connect: "连接",
    connecting: "正在连接…",
    token_no_expiry: "App Token 过期时间未知",
    expired: "App Token 已过期",
    page_not_found: "此地址没有对应的页面。",
    page_not_loaded: "此页面未能加载。",
    page_not_loaded_hint: "页面代码没有下载成功：可能是网络故障，或控制台刚发布了新版本。重新加载通常即可解决，地址会保留当前位置。",
    not_connected: "未连接应用",
    not_connected_title: "请先连接应用",
    not_connected_hint: "此页面的数据来自环信应用。连接后将自动返回此处。",
    go_connect: "连接应用",
    connect_title: "连接环信应用",
    connect_lead:
        "REST API 域名、org 名称和 app 名称可在环信控制台的应用详情页中找到（AppKey 即 org#app）。",
    config_unreadable: "无法读取此部署的 /config.json。它可能限定了本控制台可连接的域名，因此在能读取它之前无法连接：请刷新页面重试",
    quick_pick: "预设和已记住的应用",
    forget: "移除",
    host_label: "REST API 域名",
    host_hint: "例如 https://a1.easemob.com",
    org_label: "org 名称",
    org_hint: "AppKey 中 # 之前的部分",
    app_label: "app 名称",
    app_hint: "AppKey 中 # 之后的部分",
    auth_legend: "鉴权方式",
    mode_credentials: "Client ID 和 Client Secret（自动续期 App Token）",
    mode_token: "App Token",
    token_label: "App Token",
    token_hint: "仅保存在当前浏览器标签页中",
    client_id_label: "Client ID",
    client_id_hint: "可在控制台的应用详情页中找到",
    client_secret_label: "Client Secret",
    client_secret_hint: "仅保存在内存中，不会被存储",
    remember_app: "在此浏览器中记住该应用（仅保存域名、org 名称和 app 名称）",
    rooms_title: "聊天室",
    rooms_pager: "聊天室分页",
    filter_label: "筛选",
    filter_placeholder: "ID、名称或所有者",
    page_size_label: "每页行数",
    extra_columns: "更多列",
    loading_rooms: "正在加载聊天室…",
    loading_room: "正在加载聊天室详情…",
    loading_members: "正在加载成员…",
    no_rooms: "该应用在此页没有聊天室。",
    no_match: "已加载的行中没有符合筛选条件的。",
    col_id: "ID",
    col_name: "名称",
    col_owner: "所有者",
    col_members: "成员数",
    col_description: "描述",
    col_maxusers: "最大成员数",
    col_created: "创建时间",
    previous: "← 上一页",
    next: "下一页 →",
    room: "聊天室",
    room_missing: "服务器未返回此 ID 对应的聊天室。",
    copy: "复制",
    copy_id: "复制聊天室 ID",
    copied: "已复制",
    membersonly: "加入需审批",
    allowinvites: "允许成员邀请",
    public: "公开",
    muted: "全员禁言",
    custom: "自定义字段",
    empty_value: "（空）",
    yes: "是",
    no: "否",
    members_title: "成员",
    members_pager: "成员分页",
    no_members: "此页没有成员。",
    owner_badge: "所有者",
    open_many_title: "按 ID 打开聊天室",
    open_many_label: "聊天室 ID，以逗号、空格或换行分隔",
    open_many_placeholder: "179272997365129, 179272997365128",
    open: "打开",
    not_found_ids: "未找到：",
    joined_pager: "已加入的聊天室分页",
    no_joined: "此页没有已加入的聊天室。",
    close: "关闭",
    dismiss: "忽略",
    cancel: "取消",
    save: "保存更改",
    saving: "正在保存…",
    room_actions: "聊天室操作",
    edit: "编辑",
    edit_title: "编辑聊天室",
    transfer: "转让所有者",
    transfer_title: "转让聊天室",
    new_owner: "新所有者",
    new_owner_hint: "从列表中选择一名成员，或输入用户 ID",
    dissolve: "解散",
    dissolved: "已解散",
    dissolve_title: "解散聊天室",
    dissolve_warning: "解散后无法撤销：聊天室及其成员列表将被删除。",
    dissolve_confirm: "输入聊天室 ID 或名称以确认",
    bulk_confirm: "输入聊天室数量以确认",
    add_members: "添加成员",
    adding: "正在添加…",
    add_members_title: "添加成员",
    add_members_hint: "可粘贴任意数量，每个请求发送 60 个",
    remove_members: "移除成员",
    remove_members_title: "移除成员",
    remove_members_hint: "可粘贴任意数量，将逐一显示每个用户的结果",
    member_leaves: "成员退出",
    member_leaves_title: "成员退出聊天室",
    member_leaves_hint: "将一名用户移出聊天室，效果等同于其主动退出。",
    usernames_label: "用户 ID，以逗号、空格或换行分隔",
    user: "用户",
    result: "结果",
    removed: "已移除",
    new_room: "新建聊天室",
    create: "创建",
    creating: "正在创建…",
    create_title: "新建聊天室",
    field_name: "名称",
    field_description: "描述",
    field_maxusers: "最大成员数",
    field_owner: "所有者",
    field_members: "成员",
    field_custom: "自定义字段（可选）",
    members_hint: "可选。粘贴用户 ID，无需包含所有者",
    custom_hint: "最多 1024 个字符，通常为 JSON",
    maxusers_not_a_number: "最大成员数必须为整数",
    select_all: "选择所有显示的聊天室",
    member_chips: "待添加的成员",
    copy_failed: "此浏览器在这里无法使用剪贴板，请手动选中文字",
    rate_limited_explained:
        "每次等待后，服务器仍因限流拒绝请求。请一分钟后重试；该应用自身的后端可能也在占用同一限额。",
    server_error_explained: "服务器连续多次出错。已停止发送，请稍后重试。",
    outcome_unknown_explained: "请求已发送，但响应丢失，因此无法确定是否已生效。",
    cancelled_explained: "已在发送前停止。",
    server_said: "服务器返回：",
    token_refused_title: "App Token 被拒绝",
    token_refused_lead:
        "服务器已不再接受所粘贴的 App Token。粘贴新的 App Token 后，此页面上的操作将从中断处继续。",
    new_token_label: "新的 App Token",
    use_token: "使用此 App Token",
    give_up: "放弃",
    checking_create: "创建请求的响应丢失，正在查找新聊天室…",
    was_not_created: "未创建：自请求发送以来，该所有者名下没有新建同名聊天室。",
    look_again: "重新查找",
    send_again: "重新发送",
    open_room: "打开聊天室",
    checking_transfer: "转让请求的响应丢失，正在查看聊天室…",
    all_rooms: "全部聊天室",
    paged_view: "分页浏览",
    reload: "重新加载",
    all_rooms_region: "全部聊天室，滚动查看更多",
    select_matching: "选中所有匹配项",
    clear_selection: "清除选择",
    member_search: "搜索成员",
    member_search_placeholder: "用户名的一部分",
    member_results_region: "找到的成员，滚动查看更多",
    moderation_title: "管理",
    admins_title: "管理员",
    no_admins: "没有管理员。",
    make_admin: "设为管理员",
    mutes_title: "禁言成员",
    no_mutes: "没有被禁言的成员。",
    mute: "禁言",
    unmute: "解除禁言",
    mute_for: "时长",
    field_message: "消息内容",
    field_ext: "扩展字段 ext（JSON）",
    field_event: "自定义事件",
    field_exts: "自定义字段",
    field_from: "发送者",
    field_msgs: "消息",
    field_seconds: "时长",
    mute_10m: "10 分钟",
    mute_1h: "1 小时",
    mute_1d: "1 天",
    mute_7d: "7 天",
    mute_forever: "永久",
    muted_until: "截止时间",
    mute_all: "全员禁言",
    mute_all_state: "除所有者和管理员外，全员禁言中。",
    mute_all_done: "已开启全员禁言。",
    unmute_all_done: "已解除全员禁言。",
    blocklist_title: "黑名单",
    allowlist_title: "白名单",
    blocklist_hint: "加入黑名单的用户会被移出聊天室，移出黑名单前无法再加入。",
    allowlist_hint: "白名单中的用户在全员禁言时仍可发言。",
    no_blocked: "黑名单为空。",
    no_allowed: "白名单为空。",
    block: "加入黑名单",
    allow: "加入白名单",
    announcement_title: "公告",
    save_announcement: "保存公告",
    announcement_saved: "公告已保存。",
    attributes_title: "自定义属性",
    attributes_hint: "以所有者身份设置；无论原值由谁设置都会覆盖。",
    no_attributes: "没有自定义属性。",
    attr_key: "键",
    attr_value: "值",
    set_attribute: "设置属性",
    super_admins_title: "超级管理员",
    super_admins_lead: "超级管理员可以通过客户端 SDK 创建聊天室。",
    no_super_admins: "没有超级管理员。",
    add_super_admin: "添加超级管理员",
    loading_list: "加载中…",
    usernames_inline_hint: "用户 ID 之间用逗号或空格分隔，最多 60 个。",
    users_short: "用户",
    remove_these: "移除这些用户",
    import_preview: "各行的处理结果",
    nav_import: "导入",
    import_title: "从表格导入聊天室",
    import_lead: "CSV 文件的第一行为列名。每一行都会先行检查；名称和所有者都相同的聊天室已存在时，该行不会再次创建。",
    import_columns: "列",
    import_optional: "可选",
    import_members_hint: "可选：用户 ID，以空格或分号分隔",
    import_col_required: "必填",
    import_file: "CSV 文件",
    import_check: "检查文件",
    import_checking: "正在检查…",
    import_row: "行",
    import_status: "处理结果",
    import_will_create: "将会创建",
    import_download: "下载新聊天室 ID（CSV）",
    import_problems_title: "有问题的行",
    bulk_op_legend: "对每个所选聊天室执行",
    op_add_members: "添加成员",
    op_mute: "禁言用户",
    op_block: "将用户加入黑名单",
    op_announcement: "设置公告",
    start: "开始",
    remove: "移除",
    actions_col: "操作",
    stop: "停止",
    stopping: "当前请求完成后停止…",
    not_sent_stopped: "未发送：已停止",
    password: "密码",
    theme_dark: "深色",
    theme_light: "浅色",
    theme_auto: "跟随系统",
    theme: "配色方案",
    language: "语言",
    language_locked: "请先完成或清空正在填写的表单：现在切换语言会丢失已输入的内容。",
        nav_log: "请求日志",
        log_title: "请求日志",
        log_lead: "本标签页发出的 API 请求，最新的在前。只保留最近 500 条，且仅存于内存。",
        log_empty: "还没有发出任何请求。",
        log_table: "API 请求，最新的在前",
        col_time: "时间",
        col_request: "请求",
        col_status: "状态",
        col_duration: "耗时",
        col_attempt: "第几次发送",
        copy_curl: "复制为 curl 命令",
        reveal_token: "复制的命令中包含 App Token 和 Client Secret（否则使用 $EASEMOB_TOKEN 和 $EASEMOB_CLIENT_SECRET）",
        response_body: "响应正文",
        no_answer: "无响应",
        clear_log: "清空日志",
        shortcuts_title: "键盘快捷键",
        shortcuts_lead: "在输入框中输入时不生效，其他地方都可使用。",
        shortcut_filter: "聚焦聊天室列表的筛选框",
        shortcut_new: "新建聊天室",
        shortcut_close: "关闭对话框",
        shortcut_help: "显示此列表",
        shortcuts_button: "键盘快捷键（?）",
    export_csv: "导出 CSV",
    export_json: "导出 JSON",
    export_members: "导出全部成员（CSV）",
    col_role: "角色",
    export_label: "导出显示的聊天室",
};

impl Catalogue for Zh {
    fn words(&self) -> &'static Words {
        &WORDS
    }

    fn rows_shown(&self, shown: usize, loaded: usize) -> String {
        let same = shown == loaded;
        let (shown, loaded) = (number(shown), number(loaded));
        if same {
            format!("本页共 {loaded} 个聊天室")
        } else {
            format!("本页 {loaded} 个聊天室中有 {shown} 个符合筛选条件")
        }
    }

    fn found_of(&self, found: usize, asked: usize) -> String {
        let (found, asked) = (number(found), number(asked));
        format!("在 {asked} 个聊天室中找到 {found} 个")
    }

    fn joined_title(&self, username: &str) -> String {
        format!("{username} 加入的聊天室")
    }

    fn changed(&self, fields: &[&str]) -> String {
        if fields.is_empty() {
            "服务器未做任何更改".to_string()
        } else {
            format!("已保存：{}", fields.join("、"))
        }
    }

    fn transferred(&self, user: &str) -> String {
        format!("聊天室所有者已转让给 {user}")
    }

    fn current_owner(&self, user: &str) -> String {
        format!("当前所有者：{user}")
    }

    fn dissolved(&self, name: &str, id: &str) -> String {
        format!("已解散 {name}（{id}）")
    }

    fn created(&self, name: &str, id: &str) -> String {
        format!("已创建 {name}（{id}）")
    }

    fn added(&self, n: usize) -> String {
        format!("已添加 {n} 名成员")
    }

    fn removed(&self, n: usize) -> String {
        format!("已移除 {n} 名成员")
    }

    fn left(&self, user: &str) -> String {
        format!("{user} 已退出聊天室")
    }

    fn users_listed(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("已列出 {n} 个用户")
    }

    fn batch_added(&self, asked: usize, added: usize) -> String {
        format!("请求添加 {asked} 人：{added} 人现已成为成员")
    }

    fn failed_because(&self, reason: &str) -> String {
        format!("失败：{reason}")
    }

    fn remove_chip(&self, name: &str) -> String {
        format!("移除 {name}")
    }

    fn dissolve_selected(&self, n: usize) -> String {
        format!("解散所选（{n}）")
    }

    fn bulk_dissolve_title(&self, n: usize) -> String {
        format!("解散 {n} 个聊天室")
    }

    fn bulk_dissolved(&self, ok: usize, all: usize) -> String {
        let (ok, all) = (number(ok), number(all));
        format!("已解散 {ok} 个聊天室（共 {all} 个）")
    }

    fn select_room(&self, name: &str, id: &str) -> String {
        format!("选择 {name}（{id}）")
    }

    fn more_members(&self, n: usize) -> String {
        format!("另有 {n} 名成员未以标签显示")
    }

    fn token_expires_in(&self, days: u64, hours: u64, minutes: u64, seconds: u64) -> String {
        if days > 0 {
            format!("App Token 将在 {days} 天 {hours} 小时后过期")
        } else if hours > 0 {
            format!("App Token 将在 {hours} 小时 {minutes} 分钟后过期")
        } else if minutes > 0 {
            format!("App Token 将在 {minutes} 分钟后过期")
        } else {
            format!("App Token 将在 {seconds} 秒后过期")
        }
    }

    fn page_n(&self, n: usize) -> String {
        format!("第 {n} 页")
    }

    fn room_heading(&self, id: &str) -> String {
        format!("聊天室 {id}")
    }

    fn forget_app(&self, app_key: &str) -> String {
        format!("移除 {app_key}")
    }

    fn connect_problem(&self, p: ConnectProblem) -> &'static str {
        match p {
            ConnectProblem::HostMissing => "请输入 REST API 域名，例如 https://a1.easemob.com",
            ConnectProblem::HostNotHttp => "域名必须以 http:// 或 https:// 开头",
            ConnectProblem::HostHasPath => {
                "只需填写协议和域名；org 名称和 app 名称请填入各自的输入框"
            }
            ConnectProblem::OrgMissing => "请输入 org 名称（AppKey 中 # 之前的部分）",
            ConnectProblem::OrgBadChars => "org 名称只能包含字母、数字、- 和 _",
            ConnectProblem::AppMissing => "请输入 app 名称（AppKey 中 # 之后的部分）",
            ConnectProblem::AppBadChars => "app 名称只能包含字母、数字、- 和 _",
            ConnectProblem::TokenMissing => "请粘贴 App Token，或使用 Client ID 和 Client Secret",
            ConnectProblem::ClientIdMissing => "请输入 Client ID",
            ConnectProblem::ClientSecretMissing => "请输入 Client Secret",
        }
    }

    fn invalid(&self, i: &Invalid) -> String {
        super::lazy_invalid(super::Lang::Zh, i).unwrap_or_else(|| "请求无效。".into())
    }

    fn failure_kind(&self, class: FailureClass) -> &'static str {
        match class {
            FailureClass::RateLimited => "触发限流",
            FailureClass::ServerError => "服务器错误",
            FailureClass::Network => "网络错误",
            FailureClass::Cors => "被 CORS 拦截",
            FailureClass::Refused => "服务器拒绝",
            FailureClass::Unreadable => "无法解析的响应",
            FailureClass::OutcomeUnknown => "结果未知",
            FailureClass::NotSent => "未发送",
            FailureClass::Cancelled => "已取消",
        }
    }

    fn refusal_explained(&self, r: &Refusal) -> String {
        use Refusal::*;
        // What Connect can meet; the rest is explained by `refusals`, installed by the pages
        // loaded on first use.
        match r {
            TokenBlank | BadToken => "App Token 未被接受，请重新连接。".into(),
            ExpiredToken => "App Token 已过期，请重新连接或粘贴新的 App Token。".into(),
            AppNotFound { org, app, .. } => {
                format!("此域名下没有应用 {org}#{app}，请检查 org 名称和 app 名称。")
            }
            InvalidGrant { .. } => "Client ID 或 Client Secret 错误。".into(),
            MethodNotAllowed | NoSuchEndpoint { .. } => {
                "该域名不支持此调用，请确认它是环信 REST API 域名。".into()
            }
            RateLimited => WORDS.rate_limited_explained.into(),
            Unavailable | Internal => WORDS.server_error_explained.into(),
            _ => super::lazy_refusal(super::Lang::Zh, r)
                .unwrap_or_else(|| "服务器拒绝了该请求。".into()),
        }
    }

    fn on_call(&self, call: &str) -> String {
        format!("请求：{call}")
    }

    fn waiting(&self, reason: WaitReason, ms: u64, call: &str) -> String {
        let secs = ms.div_ceil(1000);
        match reason {
            WaitReason::RateLimited => {
                format!("正在等待限流解除：{secs} 秒后重新发送 {call}…")
            }
            WaitReason::Retrying => format!("尚未收到响应：{secs} 秒后重新发送 {call}…"),
        }
    }

    fn was_created(&self, name: &str) -> String {
        format!("已创建：{name}")
    }

    fn was_not_transferred(&self, owner: &str) -> String {
        format!("未转让：{owner} 仍是聊天室所有者。")
    }

    fn progress(&self, done: usize, all: usize) -> String {
        let (done, all) = (number(done), number(all));
        format!("已完成 {done} 项，共 {all} 项")
    }

    fn retry_failed(&self, n: usize) -> String {
        format!("重试失败的 {n} 项")
    }

    fn bulk_summary(&self, ok: usize, failed: usize, not_sent: usize) -> String {
        let mut s = format!("{ok} 项成功，{failed} 项失败");
        if not_sent > 0 {
            s.push_str(&format!("，{not_sent} 项未发送"));
        }
        s
    }

    fn batch_of(&self, first: &str, n: usize) -> String {
        if n == 1 {
            first.to_string()
        } else {
            format!("{first} 及其他 {} 人", n - 1)
        }
    }

    fn log_count(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("日志中有 {n} 个请求")
    }

    fn duration_ms(&self, ms: u64) -> String {
        format!("{ms} 毫秒")
    }

    fn copy_curl_of(&self, call: &str) -> String {
        format!("复制为 curl 命令：{call}")
    }

    fn members_fetched(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("正在获取成员：已获取 {n} 名…")
    }

    fn members_exported(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("已导出 {n} 名成员")
    }

    fn unreadable_answer(&self, reason: &str, snippet: &str) -> String {
        format!("无法解析响应（{reason}）：{snippet}")
    }

    fn network_failure(&self, browser: &str) -> String {
        format!("{browser}：无法连接到该域名。请检查域名和网络。")
    }

    fn timed_out(&self, seconds: u64) -> String {
        format!("{seconds} 秒内没有收到应答，已放弃该请求。")
    }

    fn cors_blocked(&self, origin: &str) -> String {
        format!("该域名有响应，但其 CORS 设置不允许来自 {origin} 的页面，浏览器因此没有把响应交给本页面。请求未生效。请在该域名上允许此来源，或通过同一个反向代理提供管理后台和 API（见 README）。")
    }
    fn all_loading(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("正在加载全部聊天室：已加载 {n} 个…")
    }

    fn all_shown(&self, shown: usize, total: usize) -> String {
        let same = shown == total;
        let (shown, total) = (number(shown), number(total));
        if same {
            format!("共 {total} 个聊天室")
        } else {
            format!("{total} 个聊天室中有 {shown} 个符合筛选条件")
        }
    }

    fn all_stopped(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("已在加载 {n} 个聊天室后停止：列表不完整。")
    }

    fn selected_count(&self, n: usize) -> String {
        let (n,) = (number(n),);
        format!("已选中 {n} 个")
    }

    fn member_matches(&self, shown: usize, total: usize) -> String {
        let (shown, total) = (number(shown), number(total));
        format!("{total} 名成员中有 {shown} 名符合")
    }

    fn remove_admin(&self, user: &str) -> String {
        format!("移除管理员 {user}")
    }

    fn unmute_user(&self, user: &str) -> String {
        format!("解除禁言 {user}")
    }

    fn unblock_user(&self, user: &str) -> String {
        format!("从黑名单移除 {user}")
    }

    fn disallow_user(&self, user: &str) -> String {
        format!("从白名单移除 {user}")
    }

    fn delete_attribute(&self, key: &str) -> String {
        format!("移除属性 {key}")
    }

    fn remove_super_admin(&self, user: &str) -> String {
        format!("移除超级管理员 {user}")
    }

    fn admin_added(&self, user: &str) -> String {
        format!("{user} 已成为管理员。")
    }

    fn admin_removed(&self, user: &str) -> String {
        format!("{user} 已不再是管理员。")
    }

    fn muted_n(&self, n: usize) -> String {
        format!("已禁言 {} 名成员。", number(n))
    }

    fn unmuted(&self, user: &str) -> String {
        format!("已解除 {user} 的禁言。")
    }

    fn blocked_n(&self, n: usize) -> String {
        format!("已将 {} 名用户加入黑名单。", number(n))
    }

    fn allowed_n(&self, n: usize) -> String {
        format!("已将 {} 名用户加入白名单。", number(n))
    }

    fn unblocked(&self, user: &str) -> String {
        format!("已将 {user} 移出黑名单。")
    }

    fn disallowed(&self, user: &str) -> String {
        format!("已将 {user} 移出白名单。")
    }

    fn announcement_chars(&self, n: usize, max: usize) -> String {
        format!("{n} / {max} 个字符")
    }

    fn attribute_set(&self, key: &str) -> String {
        format!("已设置属性 {key}。")
    }

    fn attribute_deleted(&self, key: &str) -> String {
        format!("已删除属性 {key}。")
    }

    fn super_admin_added(&self, user: &str) -> String {
        format!("{user} 已成为超级管理员。")
    }

    fn super_admin_removed(&self, user: &str) -> String {
        format!("{user} 已不再是超级管理员。")
    }

    fn not_done_for(&self, user: &str, why: &str) -> String {
        format!("{user} 未完成：{why}")
    }

    fn user_reason(&self, r: &UserReason) -> String {
        match r {
            UserReason::NotInRoom { user, .. } => format!("{user} 不是该聊天室的成员。"),
            UserReason::IsOwner { user, .. } => format!("{user} 是聊天室所有者，不能加入黑名单。"),
            UserReason::NoSuchUser { user } => format!("该应用中不存在用户 {user}。"),
            UserReason::NotOnList { user } => format!("{user} 不在名单中。"),
            UserReason::Other(words) => words.clone(),
        }
    }

    fn key_reason(&self, r: &KeyReason) -> String {
        match r {
            KeyReason::KeyTooLong { max } => format!("键最多 {max} 个字符。"),
            KeyReason::KeyNotLegal => "键只能包含 a-z A-Z 0-9 _ . -".into(),
            KeyReason::ValueTooLong { max } => format!("值最多 {max} 个字符。"),
            KeyReason::RoomFull { max } => format!("聊天室的属性已达 {max} 个上限。"),
            KeyReason::NotSet => "聊天室没有这个属性。".into(),
            KeyReason::OwnedByOther => "该属性由其他用户设置。".into(),
            KeyReason::Other(words) => words.clone(),
        }
    }

    fn moderate_selected(&self, n: usize) -> String {
        format!("批量管理所选（{n}）")
    }

    fn bulk_moderate_title(&self, n: usize) -> String {
        format!("批量管理 {} 个聊天室", number(n))
    }

    fn bulk_moderated(&self, ok: usize, all: usize) -> String {
        format!("已在 {} 个聊天室中的 {} 个完成", number(all), number(ok))
    }

    fn import_users_checked(&self, done: usize, all: usize) -> String {
        format!("已检查用户：{} / {}", number(done), number(all))
    }

    fn import_summary(&self, create: usize, exist: usize, problems: usize) -> String {
        format!(
            "待创建 {} 个，已存在 {} 个，有问题 {} 行",
            number(create),
            number(exist),
            number(problems)
        )
    }

    fn import_create(&self, n: usize) -> String {
        format!("创建 {} 个聊天室", number(n))
    }

    fn import_exists(&self, id: &str) -> String {
        format!("已存在：{id}")
    }

    fn import_created(&self, id: &str) -> String {
        format!("已创建：{id}")
    }

    fn import_row_label(&self, n: usize, name: &str) -> String {
        format!("第 {n} 行：{name}")
    }

    fn import_problem(&self, p: &RowProblem) -> String {
        match p {
            RowProblem::Invalid(i) => self.invalid(i),
            RowProblem::MaxUsersNotANumber(v) => format!("maxusers“{v}”不是数字"),
            RowProblem::NoSuchUsers(users) => format!("用户不存在：{}", users.join("、")),
            RowProblem::SameAsRow(n) => format!("与第 {n} 行是同一个聊天室（名称和所有者相同）"),
            RowProblem::ExtraCells => "单元格数多于表头的列数".into(),
        }
    }

    fn import_file_problem(&self, p: &FileProblem) -> String {
        match p {
            FileProblem::Empty => "文件为空。".into(),
            FileProblem::NotUtf8 => "文件不是 UTF-8 编码。请另存为“CSV UTF-8”后重新选择。".into(),
            FileProblem::RepeatedColumn(c) => format!("表头中列 {c} 出现了两次。"),
            FileProblem::UnclosedQuote { line } => {
                format!("第 {line} 行开始的带引号单元格没有结束。")
            }
            FileProblem::MissingColumn(c) => format!("表头缺少列 {c}。"),
            FileProblem::UnknownColumn(c) => format!("表头中有无法识别的列：{c}。"),
        }
    }

    fn created_n(&self, n: usize) -> String {
        format!("已创建 {} 个聊天室", number(n))
    }

    fn import_row_problem(&self, n: usize, name: &str, why: &str) -> String {
        format!("第 {n} 行：{name}——{why}")
    }
}
