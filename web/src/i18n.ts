/** Every string the web app shows, in English and Simplified Chinese, and the chosen language. */

const en = {
  'app.name': 'OrbitHub',
  'app.offline': 'Offline: showing the saved app; changes need the hub.',
  'app.live': 'Live',
  'app.reconnecting': 'Reconnecting…',
  'app.loading': 'Loading…',
  'app.retry': 'Retry',
  'app.close': 'Close',
  'app.save': 'Save',
  'app.cancel': 'Cancel',
  'app.none': 'Nothing here yet.',
  'app.unavailable': 'Not available on this hub.',
  'nav.home': 'Home',
  'nav.energy': 'Energy',
  'nav.activity': 'Activity',
  'nav.alerts': 'Inbox',
  'nav.more': 'More',
  'login.title': 'Sign in to OrbitHub',
  'login.username': 'User name',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.failed': 'Sign-in failed: {message}',
  'onboarding.title': 'Welcome! Create the owner account',
  'onboarding.intro': 'This hub has no users yet. The first account owns the hub.',
  'onboarding.display_name': 'Your name',
  'onboarding.submit': 'Create owner',
  'logout': 'Sign out',
  'spaces.rooms_all': 'All rooms',
  'spaces.no_room': 'Whole space',
  'spaces.empty': 'No devices you may see here.',
  'spaces.kind.home': 'Home',
  'spaces.kind.office': 'Office',
  'spaces.kind.vehicle': 'Car',
  'device.online': 'Online',
  'device.offline': 'Offline',
  'device.read_only': 'View only',
  'device.details': 'Details',
  'device.confirmed': '{name}: done',
  'device.not_confirmed': '{name}: sent, the device has not confirmed yet',
  'device.not_found': 'This device does not exist or you may not see it.',
  'device.history': 'History',
  'device.no_history': 'No history recorded for this range.',
  'device.back': 'Back',
  'device.decrease': 'Decrease',
  'device.increase': 'Increase',
  'range.hour': '1 h',
  'range.day': '24 h',
  'range.week': '7 days',
  'range.month': '30 days',
  'energy.title': 'Energy',
  'energy.day': 'Day',
  'energy.month': 'Month',
  'energy.by_device': 'By device',
  'energy.by_room': 'By room',
  'energy.total': 'Total {value} {unit}',
  'car.title': 'Car',
  'car.battery': 'Battery',
  'car.range': 'Range',
  'car.charging': 'Charging',
  'car.limit': 'Charge limit',
  'car.climate': 'Charging, cabin climate and doors',
  'car.location': 'Location',
  'car.plan': 'Charging plan',
  'car.eta': 'Arrival',
  'car.home': 'Home',
  'car.office': 'Office',
  'car.distance': '{km} km from home',
  'car.eta_line': '{place}: {time} (in {minutes} min)',
  'activity.title': 'Activity',
  'activity.events': 'Events',
  'activity.audit': 'Audit log',
  'activity.online': '{device} is online',
  'activity.offline': '{device} went offline',
  'activity.command': '{actor}: {device} · {property} → {value}',
  'activity.command_call': '{actor}: {device} · {property}',
  'activity.on': 'on',
  'activity.off': 'off',
  'activity.zone_enter': '{device} entered {space}',
  'activity.zone_leave': '{device} left {space}',
  'activity.arrived': '{person} arrived at {space}',
  'activity.left': '{person} left {space}',
  'activity.automation': 'Automation {id}: {outcome}',
  'activity.event': '{device}: {event}',
  'activity.someone': 'Someone',
  'assistant.placeholder': 'Ask or command, e.g. “turn on the kitchen light”',
  'assistant.send': 'Send',
  'assistant.all': 'All of them',
  'assistant.cancel': 'Cancel',
  'assistant.choices': 'Choose one',
  'notifications.title': 'Notifications',
  'notifications.mark_read': 'Mark read',
  'automations.title': 'Automations',
  'automations.last_run': 'Last run {time}: {outcome}',
  'automations.never': 'Never run',
  'automations.why': 'Why?',
  'automations.why_none': 'No recent check of its triggers held it back.',
  'automations.enabled': 'On',
  'automations.disabled': 'Off',
  'insights.suggestions': 'Suggestions',
  'insights.alerts': 'Alerts',
  'insights.accept': 'Accept',
  'insights.reject': 'Reject',
  'insights.dismiss': 'Dismiss',
  'users.title': 'Users and access',
  'users.create': 'Add user',
  'users.role': 'Role',
  'users.display_name': 'Display name',
  'users.role.owner': 'Owner',
  'users.role.adult': 'Adult',
  'users.role.child': 'Child',
  'users.role.guest': 'Guest',
  'users.grants': 'Access',
  'users.grant': 'Grant access',
  'users.revoke': 'Revoke',
  'users.delete': 'Remove user',
  'users.space': 'Space',
  'users.rooms': 'Rooms (none ticked: the whole space)',
  'users.devices': 'Device ids (comma-separated, optional)',
  'users.expires': 'Expires (optional)',
  'users.whole_space': 'whole space',
  'users.until': 'until {time}',
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.companion': 'Use this phone as a companion (location and battery)',
  'settings.companion_hint': 'Reports go to your hub only, while the app is open.',
  'settings.push': 'Push notifications',
  'settings.push_on': 'Enable push',
  'settings.push_done': 'Push notifications are on for this browser.',
  'settings.push_unavailable': 'Push is not available (the hub or this browser lacks it).',
  'settings.signed_in_as': 'Signed in as {name} ({role})',
  'more.title': 'More',
  'error.offline': 'The hub cannot be reached. Check the connection and try again.',
  'error.generic': 'Something went wrong ({status}).',
} as const;

export type MessageKey = keyof typeof en;

const zh: Record<MessageKey, string> = {
  'app.name': 'OrbitHub',
  'app.offline': '离线：正在显示已保存的应用；操作需要连接到中枢。',
  'app.live': '实时',
  'app.reconnecting': '正在重新连接…',
  'app.loading': '加载中…',
  'app.retry': '重试',
  'app.close': '关闭',
  'app.save': '保存',
  'app.cancel': '取消',
  'app.none': '这里还没有内容。',
  'app.unavailable': '此中枢不提供该功能。',
  'nav.home': '家居',
  'nav.energy': '能耗',
  'nav.activity': '动态',
  'nav.alerts': '消息',
  'nav.more': '更多',
  'login.title': '登录 OrbitHub',
  'login.username': '用户名',
  'login.password': '密码',
  'login.submit': '登录',
  'login.failed': '登录失败：{message}',
  'onboarding.title': '欢迎！请创建所有者账户',
  'onboarding.intro': '此中枢还没有用户。第一个账户将成为所有者。',
  'onboarding.display_name': '你的名字',
  'onboarding.submit': '创建所有者',
  'logout': '退出登录',
  'spaces.rooms_all': '全部房间',
  'spaces.no_room': '整个空间',
  'spaces.empty': '这里没有你可以查看的设备。',
  'spaces.kind.home': '家',
  'spaces.kind.office': '办公室',
  'spaces.kind.vehicle': '汽车',
  'device.online': '在线',
  'device.offline': '离线',
  'device.read_only': '仅可查看',
  'device.details': '详情',
  'device.confirmed': '{name}：已完成',
  'device.not_confirmed': '{name}：已发送，设备尚未确认',
  'device.not_found': '该设备不存在，或你无权查看。',
  'device.history': '历史记录',
  'device.no_history': '该时间段没有历史记录。',
  'device.back': '返回',
  'device.decrease': '减少',
  'device.increase': '增加',
  'range.hour': '1 小时',
  'range.day': '24 小时',
  'range.week': '7 天',
  'range.month': '30 天',
  'energy.title': '能耗',
  'energy.day': '按日',
  'energy.month': '按月',
  'energy.by_device': '按设备',
  'energy.by_room': '按房间',
  'energy.total': '合计 {value} {unit}',
  'car.title': '汽车',
  'car.battery': '电量',
  'car.range': '续航',
  'car.charging': '充电',
  'car.limit': '充电上限',
  'car.climate': '充电、车内空调与车门',
  'car.location': '位置',
  'car.plan': '充电计划',
  'car.eta': '预计到达',
  'car.home': '家',
  'car.office': '办公室',
  'car.distance': '距家 {km} 公里',
  'car.eta_line': '{place}：{time}（{minutes} 分钟后）',
  'activity.title': '动态',
  'activity.events': '事件',
  'activity.audit': '审计日志',
  'activity.online': '{device} 已上线',
  'activity.offline': '{device} 已离线',
  'activity.command': '{actor}：{device} · {property} → {value}',
  'activity.command_call': '{actor}：{device} · {property}',
  'activity.on': '开',
  'activity.off': '关',
  'activity.zone_enter': '{device} 进入了 {space}',
  'activity.zone_leave': '{device} 离开了 {space}',
  'activity.arrived': '{person} 到达 {space}',
  'activity.left': '{person} 离开 {space}',
  'activity.automation': '自动化 {id}：{outcome}',
  'activity.event': '{device}：{event}',
  'activity.someone': '有人',
  'assistant.placeholder': '提问或下达指令，例如“打开厨房灯”',
  'assistant.send': '发送',
  'assistant.all': '全部',
  'assistant.cancel': '取消',
  'assistant.choices': '选择一个',
  'notifications.title': '通知',
  'notifications.mark_read': '标为已读',
  'automations.title': '自动化',
  'automations.last_run': '上次运行 {time}：{outcome}',
  'automations.never': '从未运行',
  'automations.why': '为什么？',
  'automations.why_none': '最近没有被拦下的触发检查。',
  'automations.enabled': '已启用',
  'automations.disabled': '已停用',
  'insights.suggestions': '建议',
  'insights.alerts': '警报',
  'insights.accept': '采纳',
  'insights.reject': '拒绝',
  'insights.dismiss': '忽略',
  'users.title': '用户与权限',
  'users.create': '添加用户',
  'users.role': '角色',
  'users.display_name': '显示名称',
  'users.role.owner': '所有者',
  'users.role.adult': '成人',
  'users.role.child': '儿童',
  'users.role.guest': '访客',
  'users.grants': '访问权限',
  'users.grant': '授予权限',
  'users.revoke': '撤销',
  'users.delete': '删除用户',
  'users.space': '空间',
  'users.rooms': '房间（不勾选即整个空间）',
  'users.devices': '设备 ID（逗号分隔，可选）',
  'users.expires': '到期时间（可选）',
  'users.whole_space': '整个空间',
  'users.until': '至 {time}',
  'settings.title': '设置',
  'settings.language': '语言',
  'settings.companion': '将此手机用作伴侣设备（位置和电量）',
  'settings.companion_hint': '仅在应用打开时上报，且只发送到你的中枢。',
  'settings.push': '推送通知',
  'settings.push_on': '开启推送',
  'settings.push_done': '此浏览器已开启推送通知。',
  'settings.push_unavailable': '推送不可用（中枢或此浏览器不支持）。',
  'settings.signed_in_as': '当前用户：{name}（{role}）',
  'more.title': '更多',
  'error.offline': '无法连接到中枢。请检查网络后重试。',
  'error.generic': '出错了（{status}）。',
};

/** Names of properties and value descriptions from the spec library, shown in Chinese. */
const zhSpec: Record<string, string> = {
  on: '开关',
  brightness: '亮度',
  'color-temperature': '色温',
  mode: '模式',
  'target-temperature': '目标温度',
  'fan-level': '风速',
  temperature: '温度',
  'outside-temperature': '车外温度',
  'relative-humidity': '相对湿度',
  'electric-power': '功率',
  'power-consumption': '用电量',
  voltage: '电压',
  'electric-current': '电流',
  'battery-level': '电量',
  charging: '充电中',
  'charging-state': '充电状态',
  'charge-limit': '充电上限',
  range: '续航',
  speed: '速度',
  odometer: '里程',
  latitude: '纬度',
  longitude: '经度',
  heading: '方向',
  locked: '已上锁',
  'door-state': '门状态',
  'operation-method': '开锁方式',
  'motor-control': '电机控制',
  'current-position': '当前位置',
  'target-position': '目标位置',
  status: '状态',
  'cleaned-area': '清扫面积',
  'max-current': '最大电流',
  plugged: '已插枪',
  toggle: '切换',
  'start-sweep': '开始清扫',
  'stop-sweeping': '停止清扫',
  'return-to-dock': '回充',
  'start-charge': '开始充电',
  'stop-charge': '停止充电',
  Auto: '自动',
  Cool: '制冷',
  Dry: '除湿',
  Heat: '制热',
  Fan: '送风',
  Low: '低',
  Medium: '中',
  High: '高',
  Pause: '暂停',
  Open: '打开',
  Close: '关闭',
  Closed: '已关闭',
  Idle: '空闲',
  Charging: '充电中',
  Finished: '已完成',
  Complete: '已充满',
  Fault: '故障',
  Disconnected: '未连接',
  Plugged: '已插枪',
  Sweeping: '清扫中',
  Paused: '已暂停',
  Error: '错误',
  Returning: '返回中',
  Key: '钥匙',
  App: '应用',
  Fingerprint: '指纹',
  Password: '密码',
  'reset-filter-life': '重置滤芯寿命',
  'self-test': '自检',
  accuracy: '定位精度',
  'at-home': '在家',
  channel: '频道',
  'contact-state': '门窗关闭',
  'filter-life-level': '滤芯剩余寿命',
  illumination: '光照度',
  'motion-state': '有人移动',
  mute: '静音',
  'pm2.5-density': 'PM2.5 浓度',
  'smoke-concentration': '烟雾浓度',
  'smoke-detected': '检测到烟雾',
  ssid: '已连接的 Wi-Fi',
  volume: '音量',
  Eco: '节能',
  Favorite: '最爱',
  'Frost Protection': '防冻',
  Manual: '手动',
  'No Faults': '无故障',
  'Sensor Fault': '传感器故障',
  Sleep: '睡眠',
};

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'zh-CN', label: '简体中文' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'orbithub.language';
const events = new EventTarget();

function detect(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh-CN') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

let current: Language = detect();
document.documentElement.lang = current;

/** The language the app speaks now. */
export function language(): Language {
  return current;
}

/** Switch the language, remember it on this device, and re-render whoever listens. */
export function setLanguage(next: Language): void {
  if (next === current) return;
  current = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
  events.dispatchEvent(new Event('change'));
}

/** Call ``listener`` whenever the language changes; returns the function that stops it. */
export function onLanguageChange(listener: () => void): () => void {
  events.addEventListener('change', listener);
  return () => events.removeEventListener('change', listener);
}

/** The text for ``key`` in the current language, with ``{name}`` placeholders filled in. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = current === 'zh-CN' ? zh[key] : en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** A spec name (property, action or value description) in the current language. */
export function specText(name: string, fallback: string): string {
  if (current === 'zh-CN') return zhSpec[name] ?? zhSpec[fallback] ?? fallback;
  return fallback;
}

/** A device's or room's name: in Chinese, its first Chinese alias when it has one. */
export function localName(name: string, aliases: readonly string[] = []): string {
  if (current !== 'zh-CN') return name;
  return aliases.find((a) => /[\u4e00-\u9fff]/.test(a)) ?? name;
}

const UNITS: Record<string, string> = {
  celsius: '°C',
  percentage: '%',
  kelvin: 'K',
  watt: 'W',
  kWh: 'kWh',
  volt: 'V',
  ampere: 'A',
  km: 'km',
  'km/h': 'km/h',
  meters: 'm',
  m2: 'm²',
  degree: '°',
};

/** A unit as people write it (``celsius`` -> ``°C``). */
export function unitSymbol(unit: string | null | undefined): string {
  if (!unit || unit === 'none') return '';
  return UNITS[unit] ?? unit;
}

/** A time as a short date and time in the current language, in ``timeZone`` when given. */
export function formatTime(epochSeconds: number, timeZone?: string): string {
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' };
  try {
    return new Date(epochSeconds * 1000).toLocaleString(current, { ...options, timeZone });
  } catch {
    // An unknown zone name: the phone's own zone is the best guess.
    return new Date(epochSeconds * 1000).toLocaleString(current, options);
  }
}

/** A number with at most ``digits`` decimals, in the current language's style. */
export function formatNumber(value: number, digits = 1): string {
  return value.toLocaleString(current, { maximumFractionDigits: digits });
}
