/** Energy over a calendar day (by hour), week or month (by day): its cost at the home's tariff,
the top consumers with their share, and the days before. The hub computes every figure. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { formatNumber, language, localName, t } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { Energy, Space, User } from '../types';

type Span = 'day' | 'week' | 'month';

const LABELS = { day: 'energy.day', week: 'energy.week', month: 'energy.month' } as const;
const TOP = 5;

/** An amount of money in the app's language (``¥4.56``, ``4,56 €``). */
export function money(value: number, currency: string): string {
  try {
    return value.toLocaleString(language(), { style: 'currency', currency });
  } catch {
    return `${formatNumber(value, 2)} ${currency}`;
  }
}

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
      .big {
        font-size: 1.6rem;
        font-weight: 600;
      }
      input[type='number'] {
        width: 100%;
        padding: 0.6rem 0.7rem;
        border-radius: 10px;
        border: 1px solid var(--line);
        background: var(--bg);
        min-height: 44px;
      }
    `,
  ];

  @property({ attribute: false }) user: User | null = null;
  @state() private spaces: Space[] = [];
  @state() private spaceId = '';
  @state() private span: Span = 'week';
  /** The date (YYYY-MM-DD, the home's calendar) whose span is shown; '' for today. */
  @state() private date = '';
  @state() private energy: Energy | null = null;
  @state() private error = '';
  @state() private unavailable = false;
  @state() private price = '';
  @state() private currency = 'CNY';

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
    const query = new URLSearchParams({ space_id: this.spaceId, span: this.span });
    if (this.date) query.set('date', this.date);
    try {
      this.energy = await api.optional<Energy>(`/api/energy?${query.toString()}`);
      this.unavailable = this.energy === null;
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  private pick(change: Partial<{ spaceId: string; span: Span; date: string }>): void {
    // Another span keeps the day in view: the week or month holding the shown day.
    if (!('date' in change)) change.date = this.energy?.span?.current ? '' : (this.energy?.span?.date ?? '');
    Object.assign(this, change);
    void this.load();
  }

  private async setTariff(event: Event): Promise<void> {
    event.preventDefault();
    const price = Number(this.price.replace(',', '.'));
    const space = this.spaces.find((s) => s.id === this.spaceId);
    try {
      await api.request('PUT', `/api/tariffs/${encodeURIComponent(this.spaceId)}`, {
        name: t('energy.flat_tariff'),
        timezone: space?.timezone ?? 'UTC',
        currency: this.currency.trim().toUpperCase(),
        windows: [{ start: '00:00', end: '24:00', price, name: 'flat' }],
      });
      this.price = '';
      await this.load();
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  render(): TemplateResult {
    const e = this.energy;
    const span = e?.span;
    return html`
      <h1>${t('energy.title')}</h1>
      ${this.spaces.length > 1
        ? html`<div class="chips">
            ${this.spaces.map(
              (s) => html`<button aria-pressed=${s.id === this.spaceId ? 'true' : 'false'} @click=${() => this.pick({ spaceId: s.id })}>
                ${localName(s.name, s.aliases)}</button>`,
            )}
          </div>`
        : nothing}
      <div class="chips" role="group" aria-label=${t('energy.span')}>
        ${(['day', 'week', 'month'] as const).map(
          (p) => html`<button aria-pressed=${p === this.span ? 'true' : 'false'} @click=${() => this.pick({ span: p })}>
            ${t(LABELS[p])}</button>`,
        )}
      </div>
      <div class="row nav">
        <button data-energy-earlier aria-label=${t('energy.earlier')} ?disabled=${!span}
          @click=${() => span && this.pick({ date: span.previous })}>‹</button>
        <span data-energy-range>${span ? this.rangeLabel(span.span, span.date) : ''}</span>
        <button data-energy-later aria-label=${t('energy.later')} ?disabled=${!span?.next}
          @click=${() => span?.next && this.pick({ date: span.next })}>›</button>
      </div>
      ${span && !span.current
        ? html`<div class="row"><button data-energy-today @click=${() => this.pick({ date: '' })}>${t('energy.today')}</button></div>`
        : nothing}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.unavailable ? html`<p class="muted">${t('app.unavailable')}</p>` : nothing}
      ${e ? this.body(e) : nothing}
    `;
  }

  private body(e: Energy): TemplateResult {
    const currency = e.currency;
    return html`<section class="card" data-energy-summary>
        <div class="big" data-energy-total>${formatNumber(e.total, 2)} ${e.unit}</div>
        ${e.cost !== null && currency
          ? html`<div class="big" data-energy-cost>${money(e.cost, currency)}</div>
              ${e.tariff ? html`<p class="muted" data-energy-tariff>${t('energy.priced_at', { tariff: e.tariff.name || e.tariff.currency })}</p>` : nothing}`
          : nothing}
      </section>
      ${e.no_tariff.length ? this.noTariff() : nothing} ${this.chart(e)}
      ${this.top(e)}
      ${this.rooms(e)}`;
  }

  /** No tariff: say so, and let an owner or adult set a flat price on the spot. */
  private noTariff(): TemplateResult {
    const mayEdit = this.user?.role === 'owner' || this.user?.role === 'adult';
    return html`<section class="card" data-no-tariff>
      <h2>${t('energy.no_tariff_title')}</h2>
      <p>${t('energy.no_tariff')}</p>
      ${mayEdit
        ? html`<form @submit=${this.setTariff}>
            <label>${t('energy.price_per_kwh')}
              <input type="number" inputmode="decimal" min="0" max="1000" step="0.01" required name="price"
                .value=${this.price} @input=${(ev: Event) => (this.price = (ev.target as HTMLInputElement).value)} /></label>
            <label>${t('energy.currency')}
              <input type="text" required maxlength="3" name="currency" autocapitalize="characters"
                .value=${this.currency} @input=${(ev: Event) => (this.currency = (ev.target as HTMLInputElement).value)} /></label>
            <button class="primary" type="submit" data-set-tariff>${t('energy.set_tariff')}</button>
          </form>`
        : html`<p class="muted">${t('energy.no_tariff_ask')}</p>`}
    </section>`;
  }

  /** The span's dates in the app's language: a day, a week's first and last day, a month. */
  private rangeLabel(span: Span, first: string): string {
    // Calendar dates, not instants: formatted in UTC so no time zone moves them.
    const date = new Date(`${first}T00:00:00Z`);
    const fmt = (options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
      new Intl.DateTimeFormat(language(), { ...options, timeZone: 'UTC' });
    if (span === 'day') return fmt({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' }).format(date);
    if (span === 'month') return fmt({ month: 'long', year: 'numeric' }).format(date);
    const last = new Date(date.getTime() + 6 * 86_400_000);
    const day = fmt({ month: 'short', day: 'numeric' });
    return `${day.format(date)} – ${day.format(last)}`;
  }

  /** The home's time zone: the hub cuts hours and days in it. */
  private timeZone(): string {
    return this.spaces.find((s) => s.id === this.spaceId)?.timezone ?? 'UTC';
  }

  /** The home's use per hour (a day) or per day (a week, a month) as bars. */
  private chart(e: Energy): TemplateResult | typeof nothing {
    const times = e.devices[0]?.series.map((p) => p.time) ?? [];
    if (times.length < 2) return nothing;
    const kwh = times.map((_, i) => e.devices.reduce((sum, d) => sum + (d.series[i]?.value ?? 0), 0));
    const cost = times.map((_, i) => e.devices.reduce((sum, d) => sum + (d.series[i]?.cost ?? 0), 0));
    const max = Math.max(0.0001, ...kwh);
    const hourly = e.period === 'hour';
    const label = new Intl.DateTimeFormat(language(), {
      ...(hourly ? { hour: '2-digit', minute: '2-digit' } : { weekday: 'short', month: 'short', day: 'numeric' }),
      timeZone: this.timeZone(),
    });
    const title = hourly ? t('energy.per_hour') : t('energy.per_day');
    const tip = (i: number): string =>
      `${label.format(new Date(times[i] * 1000))}: ${formatNumber(kwh[i], 2)} ${e.unit}` +
      (e.currency && e.cost !== null ? ` · ${money(cost[i], e.currency)}` : '');
    return html`<section class="card"><h2>${title}</h2>
      <div class="chart" role="img" aria-label=${title} data-energy-chart>
        ${kwh.map((v, i) => html`<span style="height:${(v / max) * 100}%" title=${tip(i)}></span>`)}
      </div>
      <div class="row between muted"><span>${label.format(new Date(times[0] * 1000))}</span>
        <span>${label.format(new Date(times[times.length - 1] * 1000))}</span></div>
    </section>`;
  }

  /** The devices that used the most, with their share of the whole and what they cost. */
  private top(e: Energy): TemplateResult {
    const used = [...e.devices].filter((d) => d.total > 0).sort((a, b) => b.total - a.total);
    const max = Math.max(0.0001, ...used.map((d) => d.total));
    return html`<section class="card" data-energy-top><h2>${t('energy.top')}</h2>
      ${used.length === 0 ? html`<p class="muted">${t('energy.nothing_used')}</p>` : nothing}
      <ul class="plain">
        ${used.slice(0, TOP).map(
          (d) => html`<li data-consumer=${d.id}>
            <div class="row between"><strong>${localName(d.name, store.get(d.id)?.aliases ?? [])}</strong>
              <span>${Math.round(d.share * 100)}%</span></div>
            <div class="row between muted"><span>${formatNumber(d.total, 2)} ${e.unit}</span>
              <span data-consumer-cost>${d.cost !== null && e.tariff ? money(d.cost, e.tariff.currency) : ''}</span></div>
            <div class="bar" style="width:${(d.total / max) * 100}%"></div></li>`,
        )}
      </ul></section>`;
  }

  private rooms(e: Energy): TemplateResult {
    const rooms = [...e.rooms].sort((a, b) => b.total - a.total);
    const aliases = (id: string): string[] => this.spaces.flatMap((s) => s.rooms).find((r) => r.id === id)?.aliases ?? [];
    return html`<section class="card"><h2>${t('energy.by_room')}</h2>
      ${rooms.length === 0 ? html`<p class="muted">${t('app.none')}</p>` : nothing}
      <ul class="plain">
        ${rooms.map(
          (r) => html`<li><div class="row between"><span>${localName(r.name, aliases(r.id))}</span>
            <span>${formatNumber(r.total, 2)} ${e.unit}${r.cost !== null && e.tariff ? ` · ${money(r.cost, e.tariff.currency)}` : ''}</span></div></li>`,
        )}
      </ul></section>`;
  }
}
