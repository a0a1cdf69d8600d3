/** The EV charger: charging or not, the power now, the energy of this session, the plug. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { api } from '../api';
import { formatValue } from '../controls';
import { formatNumber, t } from '../i18n';
import type { History } from '../types';
import { KindPanel } from './device-panel';

@customElement('orbit-charger-panel')
export class ChargerPanel extends KindPanel {
  /** The meter when the car was plugged in, and since when (the session's start). */
  @state() private start: { since: number; kwh: number } | null = null;
  private asked = -1;

  render(): TemplateResult | typeof nothing {
    const device = this.device;
    const p = this.kind?.props;
    if (!device || !p) return nothing;
    const status = this.value(p.status);
    const charging = status !== undefined && p.status?.values?.find((v) => v.value === status)?.description === 'Charging';
    const plugged = this.value(p.plugged);
    const power = this.number(p.power);
    const session = this.session();
    return this.frame(
      device,
      p.on,
      html`<p class="big" data-state>${t(charging ? 'glance.charging' : 'kind.not_charging')}</p>
        ${p.status && !charging && status !== undefined ? html`<p class="muted">${formatValue(p.status, status)}</p>` : nothing}
        <div class="facts">
          ${typeof plugged === 'boolean' ? this.fact(t('kind.plug'), t(plugged ? 'kind.plugged' : 'kind.unplugged'), 'plug') : nothing}
          ${power !== null ? this.fact(t('kind.power'), watts(power), 'power') : nothing}
          ${session !== null ? this.fact(t('kind.session'), `${formatNumber(session, 1)} kWh`, 'session') : nothing}
        </div>`,
    );
  }

  /** kWh since the plug went in: the meter now less the meter then (from the recorded history). */
  private session(): number | null {
    const p = this.kind?.props;
    const plug = p?.plugged ? this.device?.state[p.plugged.path] : undefined;
    const meter = this.number(p?.meter);
    if (!p?.meter || plug?.value !== true || plug.last_changed === undefined || meter === null) return null;
    if (this.asked !== plug.last_changed) {
      this.asked = plug.last_changed;
      void this.loadStart(p.meter.path, plug.last_changed);
    }
    return this.start && this.start.since === plug.last_changed ? Math.max(0, meter - this.start.kwh) : null;
  }

  private async loadStart(path: string, since: number): Promise<void> {
    const url = `/api/devices/${encodeURIComponent(this.deviceId)}/history/${encodeURIComponent(path)}?since=${Math.floor(since)}&buckets=1`;
    const history = await api.get<History>(url).catch(() => null);
    const first = history?.points.find((point) => point.value !== null);
    const kwh = first ? (first.min ?? first.value) : null;
    if (kwh !== null && kwh !== undefined) this.start = { since, kwh };
  }
}

function watts(w: number): string {
  return w >= 1000 ? `${formatNumber(w / 1000, 1)} kW` : `${formatNumber(w, 0)} W`;
}
