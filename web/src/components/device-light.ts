/** A light: on/off, brightness, and colour temperature where the spec has it. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { t } from '../i18n';
import { KindPanel } from './device-panel';

@customElement('orbit-light-panel')
export class LightPanel extends KindPanel {
  render(): TemplateResult | typeof nothing {
    const device = this.device;
    const p = this.kind?.props;
    if (!device || !p) return nothing;
    const on = p.on ? this.value(p.on) === true : null;
    return this.frame(
      device,
      p.on,
      html`<p class="big" data-state>${on === null ? '' : t(on ? 'glance.on' : 'glance.off')}</p>
        ${p.brightness ? this.slider(device, p.brightness) : nothing}
        ${p.colour ? this.slider(device, p.colour, [t('kind.warm'), t('kind.cool')]) : nothing}`,
    );
  }
}
