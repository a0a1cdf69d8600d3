/** What happened: the activity log of the hub, and the audit log of who did what. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { formatTime, localName, specText, t } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import { formatValue, propLabel } from '../controls';
import type { ActivityEntry, AuditEntry, Device, SpecProperty, Value } from '../types';

@customElement('orbit-activity')
export class ActivityView extends ViewElement {
  static styles = [shared];
  protected watchesDevices = true;

  @state() private tab: 'events' | 'audit' = 'events';
  @state() private events: ActivityEntry[] | null = null;
  @state() private audit: AuditEntry[] | null = null;
  @state() private error = '';

  connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      if (this.tab === 'events') {
        this.events = (await api.optional<ActivityEntry[]>('/api/events?limit=100')) ?? [];
        await this.learnDevices(this.events);
      } else this.audit = (await api.optional<AuditEntry[]>('/api/audit?limit=100')) ?? [];
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  /**
   * Entries name devices by id and values as stored: the store may hold only the space last shown,
   * so fetch the rest once, and the specs of commanded devices to word their values.
   */
  private async learnDevices(events: readonly ActivityEntry[]): Promise<void> {
    if (events.some((e) => e.device_id && !store.get(e.device_id))) {
      store.put(await api.get<Device[]>('/api/devices'));
    }
    const commanded = new Set(events.filter((e) => e.kind === 'command' && e.device_id).map((e) => e.device_id ?? ''));
    await Promise.all([...commanded].map((id) => store.spec(id)));
  }

  render(): TemplateResult {
    const rows =
      this.tab === 'events'
        ? (this.events ?? []).map((e) => ({ time: e.time, text: describeEvent(e) }))
        : (this.audit ?? []).map((a) => ({ time: a.time, text: `${a.actor} · ${a.action} · ${a.target}` }));
    return html`
      <h1>${t('activity.title')}</h1>
      <div class="chips" role="group">
        ${(['events', 'audit'] as const).map(
          (tab) => html`<button aria-pressed=${tab === this.tab ? 'true' : 'false'}
            @click=${() => {
              this.tab = tab;
              void this.load();
            }}>${t(tab === 'events' ? 'activity.events' : 'activity.audit')}</button>`,
        )}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <section class="card">
        ${rows.length === 0 ? html`<p class="muted">${t('app.none')}</p>` : nothing}
        <ul class="plain">
          ${rows.map((r) => html`<li><div class="muted">${formatTime(r.time)}</div><div>${r.text}</div></li>`)}
        </ul>
      </section>
    `;
  }
}

/** One activity entry as a sentence in the app's language. */
function describeEvent(e: ActivityEntry): string {
  const p = (e.payload ?? {}) as Record<string, unknown>;
  const device = deviceName(e.device_id ?? '');
  const space = e.space_id ?? '';
  switch (e.kind) {
    case 'online':
      return t(p.online === false ? 'activity.offline' : 'activity.online', { device });
    case 'command': {
      const actor = typeof p.actor === 'string' && p.actor ? p.actor : t('activity.someone');
      const prop = specProperty(e.device_id, e.path);
      const property = prop ? propLabel(prop) : specText(lastPart(e.path), lastPart(e.path));
      const args = (p.arguments ?? {}) as Record<string, unknown>;
      // A set carries the property's value under the property's name.
      const name = lastPart(e.path);
      if (p.command === 'set' && name in args) {
        const raw = args[name];
        const value = prop && isValue(raw) ? spokenValue(prop, raw) : JSON.stringify(raw);
        return t('activity.command', { actor, device, property, value });
      }
      return t('activity.command_call', { actor, device, property });
    }
    case 'zone':
      return t(p.entered ? 'activity.zone_enter' : 'activity.zone_leave', { device, space });
    case 'presence':
      return t(p.present ? 'activity.arrived' : 'activity.left', { person: e.path ?? '', space });
    case 'automation':
      return t('activity.automation', { id: e.path ?? '', outcome: [p.outcome, p.message].filter(Boolean).join(' · ') });
    case 'event':
      return t('activity.event', { device, event: specText(lastPart(e.path), lastPart(e.path)) });
    default: {
      if (typeof e.message === 'string' && e.message) return e.message;
      return [e.kind ?? e.type, device, e.path].filter(Boolean).join(' · ');
    }
  }
}

function specProperty(deviceId: string | null | undefined, path: string | null | undefined): SpecProperty | null {
  const spec = deviceId ? store.get(deviceId)?.spec : undefined;
  if (!spec || !path) return null;
  for (const service of spec.services) {
    const prop = service.properties.find((candidate) => candidate.path === path);
    if (prop) return prop;
  }
  return null;
}

/** A value as said in a sentence: "on"/"off" for switches, value-list words, units. */
function spokenValue(prop: SpecProperty, value: Value): string {
  if (typeof value === 'boolean') return t(value ? 'activity.on' : 'activity.off');
  return formatValue(prop, value);
}

function isValue(value: unknown): value is Value {
  return ['boolean', 'number', 'string'].includes(typeof value);
}

function deviceName(id: string): string {
  const device = store.get(id);
  return device ? localName(device.name, device.aliases) : id;
}

function lastPart(path: string | null | undefined): string {
  return (path ?? '').split('.').pop() ?? '';
}
