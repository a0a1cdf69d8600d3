/** Energy use over a day, a week or a month: a chart by day, the top consumers, earlier periods. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { hubNow } from '../clock';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { formatNumber, language, localName, t } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { Energy, Space } from '../types';

type Period = 'day' | 'week' | 'month';

const DAYS: Record<Period, number> = { day: 1, week: 7, month: 30 };
const LABELS = { day: 'energy.day', week: 'energy.week', month: 'energy.month' } as const;

@customElement('orbit-energy')
export class EnergyView extends ViewElement {
  static styles = [
    shared,
    css`
      .chart {
        display: flex;
        align-items: flex-end;
        gap: 2px;
        height: 120px;
        margin: 0.5rem 0 0.25rem;
      }
      .chart span {
        flex: 1;
        background: var(--accent);
        border-radius: 3px 3px 0 0;
        min-height: 1px;
      }
      .nav {
        justify-content: space-between;
      }
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
  @state() private period: Period = 'week';
  /** How many periods back from now (0: the one ending now). */
  @state() private back = 0;
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
    const span = DAYS[this.period] * 86400;
    const until = Math.floor(hubNow() - this.back * span);
    const query = `space_id=${encodeURIComponent(this.spaceId)}&period=day&since=${until - span}&until=${until}`;
    try {
      this.energy = await api.optional<Energy>(`/api/energy?${query}`);
      this.unavailable = this.energy === null;
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private pick(change: Partial<{ spaceId: string; period: Period; back: number }>): void {
    if (!('back' in change)) change.back = 0;
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
        ${(['day', 'week', 'month'] as const).map(
          (p) => html`<button aria-pressed=${p === this.period ? 'true' : 'false'} @click=${() => this.pick({ period: p })}>
            ${t(LABELS[p])}</button>`,
        )}
      </div>
      <div class="row nav">
        <button data-energy-earlier aria-label=${t('energy.earlier')} @click=${() => this.pick({ back: this.back + 1 })}>‹</button>
        <span data-energy-range>${this.rangeLabel()}</span>
        <button data-energy-later aria-label=${t('energy.later')} ?disabled=${this.back === 0}
          @click=${() => this.pick({ back: this.back - 1 })}>›</button>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.unavailable ? html`<p class="muted">${t('app.unavailable')}</p>` : nothing}
      ${e
        ? html`<p data-energy-total>${t('energy.total', { value: formatNumber(total, 2), unit: e.unit })}</p>
            ${this.chart(e)}
            ${this.list(t('energy.by_room'), e.rooms.map((r) => ({ id: r.id, name: localName(r.name, this.roomAliases(r.id)), total: r.total })), e.unit)}
            ${this.list(
              t('energy.by_device'),
              e.devices.map((d) => ({ id: d.id, name: localName(d.name, store.get(d.id)?.aliases ?? []), total: d.total })),
              e.unit,
            )}`
        : nothing}
    `;
  }

  /** The dates the shown period covers, in the app's language. */
  private rangeLabel(): string {
    const span = DAYS[this.period] * 86400;
    const until = hubNow() - this.back * span;
    const day = new Intl.DateTimeFormat(language(), { month: 'short', day: 'numeric' });
    const start = new Date((until - span + 1) * 1000);
    const end = new Date(until * 1000);
    return this.period === 'day' ? day.format(end) : `${day.format(start)} – ${day.format(end)}`;
  }

  /** The home's use per day as bars (a day's view: one bar). */
  private chart(e: Energy): TemplateResult | typeof nothing {
    const times = e.devices[0]?.series.map((p) => p.time) ?? [];
    if (this.period === 'day' || times.length < 2) return nothing;
    const totals = times.map((_, i) => e.devices.reduce((sum, d) => sum + (d.series[i]?.value ?? 0), 0));
    const max = Math.max(0.0001, ...totals);
    const day = new Intl.DateTimeFormat(language(), { month: 'short', day: 'numeric' });
    return html`<section class="card"><h2>${t('energy.per_day')}</h2>
      <div class="chart" role="img" aria-label=${t('energy.per_day')} data-energy-chart>
        ${totals.map(
          (v, i) => html`<span style="height:${(v / max) * 100}%" title="${day.format(new Date(times[i] * 1000))}: ${formatNumber(v, 2)} ${e.unit}"></span>`,
        )}
      </div>
      <div class="row between muted"><span>${day.format(new Date(times[0] * 1000))}</span>
        <span>${day.format(new Date(times[times.length - 1] * 1000))}</span></div>
    </section>`;
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
