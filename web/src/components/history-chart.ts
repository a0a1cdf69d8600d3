/** A history chart of one property (uPlot, loaded only when a chart is on screen).

The window ends at the hub's clock (the ``now`` of the history answer), not the phone's: a demo
hub runs its own accelerated clock and a phone's clock can be off. On/off values are drawn as a
timeline, percentages on the spec's range, and the time axis in the app's language and the
space's time zone.
*/

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { hubNow, noteHubTime } from '../clock';
import { ViewElement } from '../element';
import { language, t, unitSymbol } from '../i18n';
import { shared } from '../styles';
import type { History, SpecProperty } from '../types';

const COLOUR = '#1f6cc7';

@customElement('orbit-history-chart')
export class HistoryChart extends ViewElement {
  static styles = [shared, css`.plot { min-height: 160px; overflow: hidden; } .plot.timeline { min-height: 110px; }`];

  @property({ attribute: 'device-id' }) deviceId = '';
  @property({ attribute: false }) prop: SpecProperty | null = null;
  @property() label = '';
  /** How far back the chart reaches, in seconds, from the hub's now. */
  @property({ type: Number }) range = 86400;
  /** The time zone of the device's space (axis labels), the phone's when empty. */
  @property({ attribute: 'time-zone' }) timeZone = '';
  @state() private history: History | null = null;
  @state() private error = '';
  private plot: { destroy(): void } | null = null;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('range') || changed.has('prop') || changed.has('deviceId')) void this.load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.plot?.destroy();
    this.plot = null;
  }

  private get path(): string {
    return this.prop?.path ?? '';
  }

  /** The window the chart shows: the range up to the hub's time of the answer. */
  private get window(): [number, number] {
    const end = this.history?.now ?? hubNow();
    return [end - this.range, end];
  }

  private async load(): Promise<void> {
    if (!this.prop) return;
    // The hub's now as last heard; the answer's own ``now`` then fixes the window's end.
    const query = `since=${Math.floor(hubNow() - this.range - 60)}&buckets=120`;
    try {
      const history = await api.get<History>(
        `/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(this.path)}?${query}`,
      );
      if (history.now !== undefined) noteHubTime(history.now);
      this.history = history;
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  render(): TemplateResult {
    const [start, end] = this.window;
    const points = (this.history?.points ?? []).filter((p) => p.time >= start);
    const unit = unitSymbol(this.prop?.unit);
    return html`<section class="card" data-chart=${this.path} data-window-start=${Math.round(start)} data-window-end=${Math.round(end)}>
      <h3>${this.label}${unit ? ` (${unit})` : ''}</h3>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.history && points.length === 0 ? html`<p class="muted">${t('device.no_history')}</p>` : nothing}
      <div class="plot ${this.prop?.format === 'bool' ? 'timeline' : ''}" role="img" aria-label=${this.label}></div>
    </section>`;
  }

  protected async updated(): Promise<void> {
    const prop = this.prop;
    const [start, end] = this.window;
    const points = (this.history?.points ?? []).filter((p) => p.value !== null && p.time >= start);
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    this.plot?.destroy();
    this.plot = null;
    if (!target || !prop || points.length === 0) return;
    const { default: uPlot } = await import('uplot');
    await import('uplot/dist/uPlot.min.css?inline').then((css) => {
      if (!this.renderRoot.querySelector('style[data-uplot]')) {
        const style = document.createElement('style');
        style.dataset.uplot = '';
        style.textContent = css.default;
        this.renderRoot.appendChild(style);
      }
    });
    const onOff = prop.format === 'bool';
    const toNumber = (v: unknown): number | null => (typeof v === 'boolean' ? Number(v) : (v as number | null));
    const times = points.map((p) => p.time);
    const values = points.map((p) => toNumber(p.value));
    if (onOff && values.length > 0) {
      // A state lasts until it changes: carry the last one to the window's end.
      times.push(end);
      values.push(values[values.length - 1]);
    }
    const data: [number[], (number | null)[]] = [times, values];
    const zone = this.timeZone || undefined;
    const long = this.range > 86400;
    const timeFormat = new Intl.DateTimeFormat(language(), long ? { month: 'short', day: 'numeric', timeZone: zone } : { hour: '2-digit', minute: '2-digit', timeZone: zone });
    const yRange = onOff ? ([-0.1, 1.1] as [number, number]) : prop.unit === 'percentage' && prop.range ? ([prop.range[0], prop.range[1]] as [number, number]) : null;
    (this.plot as { destroy(): void } | null)?.destroy();
    this.plot = new uPlot(
      {
        width: Math.max(240, target.clientWidth || 320),
        height: onOff ? 110 : 160,
        legend: { show: false },
        scales: { x: { time: true, range: [start, end] }, ...(yRange ? { y: { range: yRange } } : {}) },
        series: [
          {},
          onOff
            ? { label: this.label, stroke: COLOUR, width: 2, fill: 'rgba(31,108,199,0.15)', paths: uPlot.paths.stepped?.({ align: 1 }) }
            : { label: this.label, stroke: COLOUR, width: 2, fill: 'rgba(31,108,199,0.12)' },
        ],
        axes: [
          { stroke: '#667085', values: (_u: unknown, splits: number[]) => splits.map((s) => timeFormat.format(new Date(s * 1000))) },
          onOff
            ? { stroke: '#667085', size: 52, splits: () => [0, 1], values: (_u: unknown, splits: number[]) => splits.map((s) => t(s ? 'glance.on' : 'glance.off')) }
            : { stroke: '#667085', size: 56 },
        ],
      },
      data,
      target,
    );
  }
}
