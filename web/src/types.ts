/** Shapes of the OrbitHub HTTP/WebSocket API, as the web app reads them. */

export type Role = 'owner' | 'adult' | 'child' | 'guest';
export type Value = boolean | number | string;

export interface User {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  language: string | null;
  /** Whether their phones count toward who is home (a guest's only when an owner says so). */
  counts_for_presence?: boolean;
  /** For an owner: told when a child or guest unlocks or opens a way in. */
  security_notices?: boolean;
}

export interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type?: string;
  expires_in?: number;
  user?: User;
}

export interface Grant {
  id: string;
  user_id: string;
  space_id: string;
  room_ids: string[] | null;
  device_ids: string[] | null;
  expires_at: number | null;
}

export interface Room {
  id: string;
  name: string;
  aliases: string[];
  floor?: string | null;
}

export interface Space {
  id: string;
  name: string;
  kind: string;
  latitude: number | null;
  longitude: number | null;
  timezone: string;
  aliases: string[];
  radius_m: number;
  rooms: Room[];
}

export interface SpecProperty {
  path: string;
  name: string;
  description: string;
  format: string;
  access: string[];
  unit: string | null;
  range: [number, number, number] | null;
  values: { value: number; description: string }[] | null;
}

export interface SpecAction {
  path: string;
  name: string;
  description: string;
  in: string[];
}

export interface SpecService {
  name: string;
  description: string;
  properties: SpecProperty[];
  actions: SpecAction[];
  events?: { path: string; name: string; arguments: string[] }[];
}

export interface Spec {
  type: string;
  description: string;
  services: SpecService[];
}

export interface PropertyState {
  value: Value;
  last_changed?: number;
  last_reported?: number;
}

export interface Device {
  id: string;
  name: string;
  space_id: string;
  room_id: string | null;
  model: string;
  type: string;
  aliases: string[];
  owner: string | null;
  online: boolean;
  state: Record<string, PropertyState>;
  controllable: boolean;
  spec?: Spec;
}

export interface CommandResult {
  confirmed: boolean;
  message: string;
  value?: Value;
}

export interface HistoryPoint {
  time: number;
  value: number | null;
  min?: number | null;
  max?: number | null;
}

export interface History {
  /** The hub's time when it answered: a chart's window ends there. */
  now?: number;
  path: string;
  unit: string | null;
  points: HistoryPoint[];
}

export interface EnergyPoint {
  time: number;
  value: number;
  /** What that energy cost at the home's tariff; null without a tariff. */
  cost: number | null;
}

export interface Energy {
  unit: string;
  period: 'hour' | 'day' | 'month';
  since: number;
  until: number;
  total: number;
  cost: number | null;
  currency: string | null;
  tariff: { name: string; currency: string; timezone: string } | null;
  /** Homes shown that have no tariff (their energy has no cost). */
  no_tariff: string[];
  span: { span: 'day' | 'week' | 'month'; date: string; previous: string; next: string | null; today: string; current: boolean } | null;
  devices: { id: string; name: string; room_id: string | null; total: number; cost: number | null; share: number; series: EnergyPoint[] }[];
  rooms: { id: string; name: string; total: number; cost: number | null }[];
}

export interface AuditEntry {
  id: string | number;
  time: number;
  actor: string;
  action: string;
  target: string;
  detail: unknown;
}

/** Activity entries differ by kind; the app shows the fields every kind has. */
export interface ActivityEntry {
  id?: string | number;
  seq?: number;
  time: number;
  kind?: string;
  type?: string;
  space_id?: string | null;
  device_id?: string | null;
  path?: string | null;
  value?: unknown;
  message?: string | null;
  actor?: string | null;
  [key: string]: unknown;
}

/** A device offered back when the assistant asks "which one?": a button. */
export interface AssistantChoice {
  id: string;
  label: string;
  name?: string;
}

export interface AssistantAnswer {
  language: string;
  intent: string | null;
  answer: string;
  needs_clarification: boolean;
  choices: AssistantChoice[];
  actions: unknown[];
}

export interface Notification {
  id: string | number;
  time: number;
  title: string;
  message: string;
  severity?: string;
  read?: boolean;
}

export interface Automation {
  id: string;
  name: string;
  enabled: boolean;
  space_id?: string | null;
  triggers?: string[];
  last_run: { run_id: string; status: string; started: number; finished: number | null; error: string | null } | null;
  /** False for automations in hand-written files the app does not rewrite. */
  editable?: boolean;
  owner?: string | null;
  document?: Record<string, unknown>;
}

/** Suggestions and alerts come with their texts in both languages. */
export interface Insight {
  id: string;
  kind?: string;
  time?: number;
  proposed_at?: number;
  title_en?: string;
  title_zh?: string;
  explanation_en?: string;
  explanation_zh?: string;
  message_en?: string;
  message_zh?: string;
  /** A suggestion's automation: ``{automations: [one]}``. */
  document?: { automations?: Record<string, unknown>[] };
  automation_id?: string;
}

export interface Eta {
  seconds: number;
  arrival: number;
  distance_m: number;
}

export interface ChargeSettings {
  target_soc: number;
  departure_time: string | null;
  limit_soc: number;
  precondition: boolean;
  cabin_c: number;
}

export interface Vehicle {
  id: string;
  name: string;
  controllable?: boolean;
  battery: number | null;
  range_km: number | null;
  places: { space_id: string; name: string; kind: string; distance_m: number | null; inside: boolean; eta: Eta | null }[];
  charging: {
    state: string | null;
    plan: {
      target_soc: number;
      departure: number;
      feasible: boolean;
      cost: number;
      savings: number;
      currency: string;
      explanation: Record<string, string>;
    } | null;
    /** Why there is no plan, or why it is not followed, in English (older clients read this). */
    plan_reason: string | null;
    /** The same reason by language (``en``, ``zh``), like the plan's explanation. */
    plan_reason_text: Record<string, string> | null;
    /** The car's own charge limit (the most it ever charges to). */
    limit_soc?: number | null;
    settings?: ChargeSettings;
  };
}

/** One message of the live socket; ``type`` says which of the shapes below it has. */
export interface LiveMessage {
  type: string;
  seq?: number;
  /** Which run of the hub ``seq`` counts in (on ``authenticated``, ``snapshot``, ``resumed``). */
  epoch?: string;
  [key: string]: unknown;
}

export interface SnapshotMessage extends LiveMessage {
  type: 'snapshot';
  devices: Device[];
}

export interface ChangedMessage extends LiveMessage {
  type: 'changed';
  time: number;
  device_id: string;
  path: string;
  value: Value;
}

export interface OnlineMessage extends LiveMessage {
  type: 'online';
  device_id: string;
  online: boolean;
}

/** ``GET /api/summary``: the hub's clock and a home's energy today. */
export interface Summary {
  now: number;
  space_id: string | null;
  timezone: string;
  energy: { since: number; kwh: number; cost: number | null; currency: string | null } | null;
}

export interface Presence {
  space_id: string;
  name: string;
  people: { person: string; since: number }[];
}

export interface Scene {
  id: string;
  name: string;
  aliases: string[];
  devices: string[];
  values: number;
}

export interface SceneResult {
  scene_id: string;
  applied: string[];
  failed: { device: string; path: string; message: string }[];
}
