/** Automations as the app's form edits them, and any automation written out as YAML.

A "simple" automation has one trigger (a device's state, a time of day, sunrise or sunset),
at most one condition (a device's state, a time window, days of the week) and actions that
set devices;
anything else is edited as YAML, where the hub checks every line.
*/

export type Doc = Record<string, unknown>;

export type SimpleTrigger =
  | { kind: 'property'; device: string; path: string; to: string }
  | { kind: 'time'; at: string }
  | { kind: 'sun'; event: 'sunrise' | 'sunset'; offset: number };

export type SimpleCondition =
  | { kind: 'none' }
  | { kind: 'property'; device: string; path: string; state: string }
  | { kind: 'time'; after: string; before: string }
  | { kind: 'weekday'; days: string[] };

/** The days a weekday condition names, in the hub's spelling, Monday first. */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export interface SimpleAction {
  device: string;
  path: string;
  value: string;
}

export interface SimpleAutomation {
  id: string;
  name: string;
  trigger: SimpleTrigger;
  condition: SimpleCondition;
  actions: SimpleAction[];
  /** Fields the form does not show (space, mode, owner...), kept as they were. */
  rest: Doc;
}

const FORM_KEYS = new Set(['id', 'name', 'triggers', 'conditions', 'actions']);

function isDoc(value: unknown): value is Doc {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function only(doc: Doc, keys: string[]): boolean {
  return Object.keys(doc).every((k) => keys.includes(k));
}

function scalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function trigger(t: unknown): SimpleTrigger | null {
  if (!isDoc(t)) return null;
  if (t.type === 'property' && only(t, ['type', 'device', 'path', 'to']) && typeof t.device === 'string' && typeof t.path === 'string' && scalar(t.to))
    return { kind: 'property', device: t.device, path: t.path, to: String(t.to) };
  if (t.type === 'time' && only(t, ['type', 'at']) && typeof t.at === 'string') return { kind: 'time', at: t.at.slice(0, 5) };
  if (t.type === 'sun' && only(t, ['type', 'event', 'offset']) && (t.event === 'sunrise' || t.event === 'sunset') && (t.offset === undefined || typeof t.offset === 'number'))
    return { kind: 'sun', event: t.event, offset: Math.round(((t.offset as number | undefined) ?? 0) / 60) };
  return null;
}

function condition(c: unknown): SimpleCondition | null {
  if (!isDoc(c)) return null;
  if (c.type === 'property' && only(c, ['type', 'device', 'path', 'state']) && typeof c.device === 'string' && typeof c.path === 'string' && scalar(c.state))
    return { kind: 'property', device: c.device, path: c.path, state: String(c.state) };
  if (c.type === 'time' && only(c, ['type', 'after', 'before']) && typeof c.after === 'string' && typeof c.before === 'string')
    return { kind: 'time', after: c.after.slice(0, 5), before: c.before.slice(0, 5) };
  if (c.type === 'weekday' && only(c, ['type', 'days']) && Array.isArray(c.days) && c.days.every((d) => DAYS.includes(d as (typeof DAYS)[number])))
    return { kind: 'weekday', days: c.days as string[] };
  return null;
}

function action(a: unknown): SimpleAction | null {
  if (!isDoc(a) || a.type !== 'set' || !only(a, ['type', 'device', 'path', 'value'])) return null;
  if (typeof a.device !== 'string' || typeof a.path !== 'string' || !scalar(a.value)) return null;
  return { device: a.device, path: a.path, value: String(a.value) };
}

/** The automation as the form shows it, or null when it needs the YAML editor. */
export function toSimple(doc: Doc): SimpleAutomation | null {
  const triggers = doc.triggers;
  const conditions = doc.conditions ?? [];
  const actions = doc.actions;
  if (!Array.isArray(triggers) || triggers.length !== 1 || !Array.isArray(conditions) || conditions.length > 1) return null;
  if (!Array.isArray(actions) || actions.length === 0) return null;
  const t = trigger(triggers[0]);
  const c = conditions.length ? condition(conditions[0]) : { kind: 'none' as const };
  const a = actions.map(action);
  if (!t || !c || a.some((x) => x === null)) return null;
  const rest = Object.fromEntries(Object.entries(doc).filter(([k]) => !FORM_KEYS.has(k)));
  return { id: String(doc.id ?? ''), name: String(doc.name ?? ''), trigger: t, condition: c, actions: a as SimpleAction[], rest };
}

/** A value typed in a field: true/false and numbers as such, anything else as text. */
export function parseValue(text: string): string | number | boolean {
  const trimmed = text.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed !== '' && !Number.isNaN(Number(trimmed))) return Number(trimmed);
  return text;
}

/** An id from a name: lower case, words joined by dashes (``Porch light`` -> ``porch-light``). */
export function slug(name: string): string {
  const made = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return made || `automation-${Math.floor(Date.now() / 1000).toString(36)}`;
}

/** The automation document the form describes. */
export function fromSimple(s: SimpleAutomation): Doc {
  const t = s.trigger;
  const trig: Doc =
    t.kind === 'property'
      ? { type: 'property', device: t.device, path: t.path, to: parseValue(t.to) }
      : t.kind === 'time'
        ? { type: 'time', at: t.at }
        : { type: 'sun', event: t.event, offset: t.offset * 60 };
  const c = s.condition;
  const conditions: Doc[] =
    c.kind === 'property'
      ? [{ type: 'property', device: c.device, path: c.path, state: parseValue(c.state) }]
      : c.kind === 'time'
        ? [{ type: 'time', after: c.after, before: c.before }]
        : c.kind === 'weekday'
          ? [{ type: 'weekday', days: DAYS.filter((d) => c.days.includes(d)) }]
          : [];
  return {
    id: s.id || slug(s.name),
    ...(s.name ? { name: s.name } : {}),
    ...s.rest,
    triggers: [trig],
    ...(conditions.length ? { conditions } : {}),
    actions: s.actions.map((a) => ({ type: 'set', device: a.device, path: a.path, value: parseValue(a.value) })),
  };
}

const PLAIN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const RESERVED = /^(true|false|yes|no|on|off|null|y|n|~)$/i;

function yamlScalar(value: unknown): string {
  if (typeof value === 'string') return PLAIN.test(value) && !RESERVED.test(value) ? value : JSON.stringify(value);
  if (value === null || value === undefined) return 'null';
  return String(value);
}

function lines(value: unknown, indent: string): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0) return [`${indent}[]`];
    return value.flatMap((item) => {
      const inner = lines(item, `${indent}  `);
      return [`${indent}- ${inner[0].trimStart()}`, ...inner.slice(1)];
    });
  }
  if (isDoc(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return [`${indent}{}`];
    return entries.flatMap(([key, v]) => {
      const k = yamlScalar(key);
      if ((Array.isArray(v) && v.length) || (isDoc(v) && Object.keys(v).length)) return [`${indent}${k}:`, ...lines(v, `${indent}  `)];
      return [`${indent}${k}: ${lines(v, '')[0]}`];
    });
  }
  return [`${indent}${yamlScalar(value)}`];
}

/** An automation document as YAML (strings quoted whenever YAML could read them otherwise). */
export function toYaml(doc: Doc): string {
  return `${lines(doc, '').join('\n')}\n`;
}
