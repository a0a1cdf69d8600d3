/** A history chart of one property (uPlot, loaded only when a chart is on screen). */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { api, messageOf } from '../api';
import { ViewElement } from '../element';
import { t, unitSymbol } from '../i18n';
import { shared } from '../styles';
import type { History } from '../types';

@customElement('orbit-history-chart')
export class HistoryChart extends ViewElement {
  static styles = [shared, css`.plot { min-height: 160px; overflow: hidden; }`];

  @property({ attribute: 'device-id' }) deviceId = '';
  @property() path = '';
  @property() label = '';
  @property() unit = '';
  @property({ type: Number }) since = 0;
  @state() private history: History | null = null;
  @state() private error = '';
  private plot: { destroy(): void } | null = null;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('since') || changed.has('path') || changed.has('deviceId')) void this.load();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.plot?.destroy();
    this.plot = null;
  }

  private async load(): Promise<void> {
    const query = `since=${this.since}&buckets=120`;
    try {
      this.history = await api.get<History>(
        `/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(this.path)}?${query}`,
      );
      this.error = '';
    } catch (error) {
      this.error = messageOf(error);
    }
  }

  render(): TemplateResult {
    const points = this.history?.points ?? [];
    return html`<section class="card" data-chart=${this.path}>
      <h3>${this.label}${this.unit ? ` (${unitSymbol(this.unit)})` : ''}</h3>
      ${this.error ? html`<p class="error">${this.error}</p>` : nothing}
      ${this.history && points.length === 0 ? html`<p class="muted">${t('device.no_history')}</p>` : nothing}
      <div class="plot"></div>
    </section>`;
  }

  protected async updated(): Promise<void> {
    const points = (this.history?.points ?? []).filter((p) => p.value !== null);
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    this.plot?.destroy();
    this.plot = null;
    if (!target || points.length === 0) return;
    const { default: uPlot } = await import('uplot');
    await import('uplot/dist/uPlot.min.css?inline').then((css) => {
      if (!this.renderRoot.querySelector('style[data-uplot]')) {
        const style = document.createElement('style');
        style.dataset.uplot = '';
        style.textContent = css.default;
        this.renderRoot.appendChild(style);
      }
    });
    const toNumber = (v: unknown): number | null => (typeof v === 'boolean' ? Number(v) : (v as number | null));
    const data: [number[], (number | null)[]] = [points.map((p) => p.time), points.map((p) => toNumber(p.value))];
    // Another update may have drawn a chart while uPlot was loading: keep only the newest.
    (this.plot as { destroy(): void } | null)?.destroy();
    this.plot = new uPlot(
      {
        width: Math.max(240, target.clientWidth || 320),
        height: 160,
        legend: { show: false },
        // The axis spans the chosen range, also when only a few points were recorded in it.
        scales: { x: { time: true, range: [this.since, Math.max(this.since + 60, Date.now() / 1000)] } },
        series: [{}, { label: this.label, stroke: '#2a7de1', width: 2, fill: 'rgba(42,125,225,0.12)' }],
        axes: [{ stroke: '#888' }, { stroke: '#888', size: 44 }],
      },
      data,
      target,
    );
  }
}
