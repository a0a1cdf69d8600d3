/** Energy use per device and per room, for a day or a month. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hubNow } from '../clock';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { formatNumber, localName, t } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { Energy, Space } from '../types';

type Period = 'day' | 'month';

@customElement('orbit-energy')
export class EnergyView extends ViewElement {
  static styles = [
    shared,
    css`
      .bar {
        height: 8px;
        border-radius: 4px;
        background: var(--accent);
        margin-top: 0.25rem;
        min-width: 2px;
      }
    `,
  ];

  @state() private spaces: Space[] = [];
  @state() private spaceId = '';
  @state() private period: Period = 'day';
  @state() private energy: Energy | null = null;
  @state() private error = '';
  @state() private unavailable = false;

  connectedCallback(): void {
    super.connectedCallback();
    void this.init();
  }

  private async init(): Promise<void> {
    try {
      this.spaces = (await api.get<Space[]>('/api/spaces')).filter((s) => s.kind !== 'vehicle');
      this.spaceId = this.spaces[0]?.id ?? '';
      await this.load();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private async load(): Promise<void> {
    const days = this.period === 'day' ? 1 : 30;
    const since = Math.floor(hubNow() - days * 86400);
    const query = `space_id=${encodeURIComponent(this.spaceId)}&period=${this.period}&since=${since}`;
    try {
      this.energy = await api.optional<Energy>(`/api/energy?${query}`);
      this.unavailable = this.energy === null;
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private pick(change: Partial<{ spaceId: string; period: Period }>): void {
    Object.assign(this, change);
    void this.load();
  }

  render(): TemplateResult {
    const e = this.energy;
    const total = e ? e.devices.reduce((sum, d) => sum + d.total, 0) : 0;
    return html`
      <h1>${t('energy.title')}</h1>
      <div class="chips">
        ${this.spaces.map(
          (s) => html`<button aria-pressed=${s.id === this.spaceId ? 'true' : 'false'} @click=${() => this.pick({ spaceId: s.id })}>
            ${localName(s.name, s.aliases)}</button>`,
        )}
      </div>
      <div class="chips" role="group">
        ${(['day', 'month'] as const).map(
          (p) => html`<button aria-pressed=${p === this.period ? 'true' : 'false'} @click=${() => this.pick({ period: p })}>
            ${t(p === 'day' ? 'energy.day' : 'energy.month')}</button>`,
        )}
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.unavailable ? html`<p class="muted">${t('app.unavailable')}</p>` : nothing}
      ${e
        ? html`<p data-energy-total>${t('energy.total', { value: formatNumber(total, 2), unit: e.unit })}</p>
            ${this.list(t('energy.by_room'), e.rooms.map((r) => ({ id: r.id, name: localName(r.name, this.roomAliases(r.id)), total: r.total })), e.unit)}
            ${this.list(
              t('energy.by_device'),
              e.devices.map((d) => ({ id: d.id, name: localName(d.name, store.get(d.id)?.aliases ?? []), total: d.total })),
              e.unit,
            )}`
        : nothing}
    `;
  }

  private roomAliases(id: string): string[] {
    return this.spaces.flatMap((s) => s.rooms).find((r) => r.id === id)?.aliases ?? [];
  }

  private list(title: string, rows: { id: string; name: string; total: number }[], unit: string): TemplateResult {
    const max = Math.max(0.0001, ...rows.map((r) => r.total));
    const sorted = [...rows].sort((a, b) => b.total - a.total);
    return html`<section class="card"><h2>${title}</h2>
      ${sorted.length === 0 ? html`<p class="muted">${t('app.none')}</p>` : nothing}
      <ul class="plain">
        ${sorted.map(
          (r) => html`<li><div class="row between"><span>${r.name}</span><span>${formatNumber(r.total, 2)} ${unit}</span></div>
            <div class="bar" style="width:${(r.total / max) * 100}%"></div></li>`,
        )}
      </ul></section>`;
  }
}
