/** The air purifier: the room's PM2.5 first with its band in words, on/off, mode and fan level as
rows of buttons, the room's humidity and temperature, and the filter: life left, time used, and a
plain "replace the filter soon" when it runs low. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { formatValue } from '../controls';
import { airWord } from '../glance';
import { formatNumber, language, t } from '../i18n';
import type { SpecProperty } from '../types';
import { KindPanel } from './device-panel';

/** Filter life left (%) at or under which the owner is told to replace it; Mi Home warns near here. */
const FILTER_LOW = 10;

@customElement('orbit-purifier-panel')
export class PurifierPanel extends KindPanel {
  render(): TemplateResult | typeof nothing {
    const device = this.device;
    const p = this.kind?.props;
    if (!device || !p) return nothing;
    const on = p.on ? this.value(p.on) !== false : true;
    const pm = this.number(p.pm25);
    const humidity = this.number(p.humidity);
    const temperature = this.number(p.temperature);
    const filter = this.number(p.filter);
    const used = this.number(p.filterUsed);
    return this.frame(
      device,
      p.on,
      html`${pm !== null
          ? html`<div data-air><span class="muted">PM2.5</span>
              <p class="big">${formatNumber(pm, 0)} µg/m³</p>
              <p data-band>${t('kind.air_now', { band: t(airWord(pm)) })}</p></div>`
          : nothing}
        ${on ? nothing : html`<p class="muted" data-off>${t('kind.purifier_off')}</p>`}
        ${filter !== null && filter <= FILTER_LOW ? html`<p class="error" role="status" data-filter-low>${t('kind.filter_replace')}</p>` : nothing}
        ${p.mode ? this.segments(device, p.mode) : nothing}
        ${p.fan ? this.segments(device, p.fan) : nothing}
        <div class="facts">
          ${humidity !== null ? this.fact(t('kind.humidity'), `${formatNumber(humidity, 0)}%`, 'humidity') : nothing}
          ${temperature !== null ? this.fact(t('kind.temperature'), `${formatNumber(temperature, 1)}°C`, 'temperature') : nothing}
          ${filter !== null ? this.fact(t('kind.filter_life'), `${formatNumber(filter, 0)}%`, 'filter') : nothing}
          ${used !== null && p.filterUsed ? this.fact(t('kind.filter_used'), duration(p.filterUsed, used), 'filter-used') : nothing}
        </div>`,
    );
  }
}

/** A time the spec counts in hours or days, in the app's language ("120 hours", "120小时"). */
function duration(prop: SpecProperty, value: number): string {
  const unit = prop.unit === 'hours' ? 'hour' : prop.unit === 'days' ? 'day' : null;
  if (!unit) return formatValue(prop, value);
  return new Intl.NumberFormat(language(), { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(value);
}
