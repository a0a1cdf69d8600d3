/** The robot vacuum: what it is doing in words, start / pause / back to the dock, its battery. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { formatValue } from '../controls';
import { formatNumber, t } from '../i18n';
import { KindPanel } from './device-panel';

@customElement('orbit-vacuum-panel')
export class VacuumPanel extends KindPanel {
  render(): TemplateResult | typeof nothing {
    const device = this.device;
    const kind = this.kind;
    if (!device || !kind) return nothing;
    const { props: p, actions: a } = kind;
    const battery = this.number(p.battery);
    const area = this.number(p.area);
    return this.frame(
      device,
      undefined,
      html`<p class="big" data-state>${p.status ? formatValue(p.status, this.value(p.status)) : ''}</p>
        <div class="facts">
          ${battery !== null ? this.fact(t('kind.battery'), `${formatNumber(battery, 0)}%`, 'battery') : nothing}
          ${area !== null ? this.fact(t('kind.cleaned'), `${formatNumber(area, 1)} m²`, 'area') : nothing}
        </div>
        <div class="actions">
          ${this.button(device, a.start, t('kind.start'), true)}
          ${this.button(device, a.pause, t('kind.pause'))}
          ${this.button(device, a.dock, t('kind.dock'))}
        </div>`,
    );
  }
}
