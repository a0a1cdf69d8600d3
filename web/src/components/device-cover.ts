/** A curtain or cover: how far it is open, open/stop/close, and a position to move it to. */

import { html, nothing, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { formatNumber, t } from '../i18n';
import type { Device, SpecProperty } from '../types';
import { KindPanel } from './device-panel';

const WORDS: Record<string, RegExp> = {
  open: /^open|up$/i,
  stop: /^(stop|pause)/i,
  close: /^clos|down$/i,
};

@customElement('orbit-cover-panel')
export class CoverPanel extends KindPanel {
  render(): TemplateResult | typeof nothing {
    const device = this.device;
    const p = this.kind?.props;
    if (!device || !p) return nothing;
    const position = this.number(p.position ?? p.setPosition);
    return this.frame(
      device,
      undefined,
      html`<p class="big" data-state>${position === null ? '–' : this.words(position)}</p>
        ${this.moving(position)}
        ${p.motor ? this.motor(device, p.motor) : nothing}
        ${p.setPosition ? this.slider(device, p.setPosition, [t('glance.closed'), t('glance.open')], p.position) : nothing}`,
    );
  }

  /** "Moving to 70 %" while the motor has not reached the set position. */
  private moving(position: number | null): TemplateResult | typeof nothing {
    const p = this.kind?.props;
    const target = p?.position && p.setPosition ? this.number(p.setPosition) : null;
    if (target === null || position === null || Math.abs(target - position) < 1) return nothing;
    return html`<p class="muted" data-moving>${t('kind.moving', { value: formatNumber(target, 0) })}</p>`;
  }

  private words(position: number): string {
    if (position <= 0) return t('glance.closed');
    if (position >= 100) return t('kind.fully_open');
    return t('glance.position', { value: formatNumber(position, 0) });
  }

  /** Open, stop and close from the motor's value list, in that order, whatever the wire calls them. */
  private motor(device: Device, prop: SpecProperty): TemplateResult {
    const pick = (word: string): number | undefined => prop.values?.find((v) => WORDS[word].test(v.description))?.value;
    const buttons = (['open', 'stop', 'close'] as const).map((word) => ({ word, value: pick(word) }));
    return html`<div class="actions" role="group" aria-label=${t('kind.motor')}>
      ${buttons.map(({ word, value }) =>
        value === undefined
          ? nothing
          : html`<button data-motor=${word} ?disabled=${this.busy(prop.path)} @click=${() => this.write(device, prop, value)}>${t(`kind.${word}`)}</button>`,
      )}
    </div>`;
  }
}
