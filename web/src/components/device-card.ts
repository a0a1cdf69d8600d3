/** One device as a card whose controls are generated from its spec. */

import { html, css, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { controlsFor, formatValue, primaryToggle, propLabel, snap, type Control } from '../controls';
import { connection } from '../connection';
import { glanceLine, isOn } from '../glance';
import { localName, t, unitSymbol } from '../i18n';
import { store } from '../store';
import { shared } from '../styles';
import type { Device, Spec, SpecProperty } from '../types';
import { CommandElement, confirmStyles, usable } from './device-commands';

@customElement('orbit-device-card')
export class DeviceCard extends CommandElement {
  static styles = [
    shared,
    confirmStyles,
    css`
      .card {
        margin: 0;
      }
      header {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      header a {
        flex: 1;
        color: inherit;
        text-decoration: none;
        min-width: 0;
      }
      header strong {
        display: block;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .dot {
        width: 8px;
        height: 8px;
        border-radius: 50%;
        background: var(--ok);
        flex: none;
      }
      .dot.off {
        background: var(--danger);
      }
      .control {
        margin-top: 0.6rem;
      }
      .control > .row {
        justify-content: space-between;
      }
      [role='switch'] {
        width: 52px;
        min-height: 30px;
        height: 30px;
        padding: 3px;
        border-radius: 999px;
        background: var(--line);
        position: relative;
        flex: none;
      }
      [role='switch']::after {
        content: '';
        display: block;
        width: 24px;
        height: 24px;
        border-radius: 50%;
        background: #fff;
        transition: transform 0.15s;
      }
      [role='switch'][aria-checked='true'] {
        background: var(--accent);
      }
      [role='switch'][aria-checked='true']::after {
        transform: translateX(22px);
      }
      input[type='range'] {
        flex: 1;
        accent-color: var(--accent);
        min-height: 36px;
      }
      .step {
        min-width: 40px;
        padding: 0.3rem;
      }
      .segments {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin-top: 0.3rem;
      }
      .segments button {
        flex: 1;
        min-height: 36px;
        padding: 0.3rem 0.5rem;
      }
      .segments button[aria-pressed='true'] {
        background: var(--accent);
        color: #fff;
      }
      .value {
        font-variant-numeric: tabular-nums;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-top: 0.6rem;
      }
      .busy {
        opacity: 0.6;
      }
      .tile {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        background: var(--card);
        border-radius: 14px;
        padding: 0.5rem 0.55rem 0.5rem 0.75rem;
        min-height: 64px;
        box-shadow: 0 1px 3px rgb(0 0 0 / 0.08);
      }
      .tile.on {
        background: var(--tile-on, #fff6dc);
      }
      .tile.stale {
        opacity: 0.75;
      }
      .tile.unavailable {
        opacity: 0.6;
        background: var(--chip);
      }
      .tile a {
        flex: 1;
        min-width: 0;
        color: inherit;
        text-decoration: none;
      }
      .tile strong {
        display: block;
        font-size: 0.9rem;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tile .line {
        display: block;
        font-size: 0.78rem;
        color: var(--muted);
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .tile [role='switch'] {
        width: 44px;
        min-height: 26px;
        height: 26px;
      }
      .tile [role='switch']::after {
        width: 20px;
        height: 20px;
      }
      .tile [role='switch'][aria-checked='true']::after {
        transform: translateX(18px);
      }
      .tile .error,
      .tile .note {
        position: absolute;
        left: 0.5rem;
        right: 0.5rem;
        top: 100%;
        z-index: 1;
        margin: 0.2rem 0 0;
        background: var(--card);
        border-radius: 8px;
        padding: 0.3rem 0.5rem;
        box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
        font-size: 0.8rem;
      }
      :host([tile]) {
        position: relative;
      }
    `,
  ];

  @property({ attribute: 'device-id' }) deviceId = '';
  @property({ type: Boolean }) full = false;
  /** A compact tile for the home screen: name, the key reading, the main switch. */
  @property({ type: Boolean, reflect: true }) tile = false;
  /** Under a kind's panel: the remaining controls under "More settings", no name or status. */
  @property({ type: Boolean }) more = false;
  /** Property and action paths a kind's own panel already shows: left out here. */
  @property({ attribute: false }) omit: readonly string[] = [];
  @state() private spec: Spec | null = null;

  protected willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('deviceId')) {
      this.spec = store.get(this.deviceId)?.spec ?? null;
      if (!this.spec) void store.spec(this.deviceId).then((spec) => (this.spec = spec));
    }
  }

  render(): TemplateResult | typeof nothing {
    const device = store.get(this.deviceId);
    if (!device) return nothing;
    const spec = this.spec;
    const found = spec ? primaryToggle(spec) : null;
    const primary = found && !this.omit.includes(found.path) ? found : null;
    if (this.tile) return this.renderTile(device, found);
    const controls = spec
      ? controlsFor(spec).filter(
          (c) => !(c.kind === 'toggle' && c.prop === found) && !this.omit.includes(c.kind === 'action' ? c.action.path : c.prop.path),
        )
      : [];
    // A compact card leaves out what the device page has: minor read-outs, and a toggle action
    // beside a switch that already toggles.
    const shown = this.full
      ? controls
      : controls.filter(
          (c) => (c.kind !== 'readout' || isKeyReadout(c.prop)) && !(c.kind === 'action' && primary && c.action.name === 'toggle'),
        );
    const name = localName(device.name, device.aliases);
    if (this.more) {
      if (shown.length === 0 && !primary) return nothing;
      return html`<section class="card ${this.pending ? 'busy' : ''}" data-more aria-label=${t('kind.more')}>
        <h2>${t('kind.more')}</h2>
        ${shown.filter((c) => c.kind !== 'action').map((c) => this.control(device, c))}
        ${this.actions(device, shown)}
        ${this.feedback(name)}
      </section>`;
    }
    return html`
      <section class="card ${this.pending ? 'busy' : ''}" data-device=${device.id} aria-label=${name}>
        <header>
          <span class="dot ${device.online ? '' : 'off'}" title=${t(device.online ? 'device.online' : 'device.offline')}></span>
          <a href="#/device/${encodeURIComponent(device.id)}">
            <strong>${name}</strong>
            <span class="muted">${device.online ? '' : t('device.offline')}${device.controllable ? '' : ` ${t('device.read_only')}`}${connection.stale ? ` ${t('device.stale')}` : ''}</span>
          </a>
          ${primary ? this.toggle(device, primary, name) : nothing}
        </header>
        ${shown.filter((c) => c.kind !== 'action').map((c) => this.control(device, c))}
        ${this.actions(device, shown)}
        ${this.feedback(name)}
      </section>
    `;
  }

  private renderTile(device: Device, primary: SpecProperty | null): TemplateResult {
    const name = localName(device.name, device.aliases);
    const notes = [device.controllable ? '' : t('device.read_only'), connection.stale ? t('device.stale') : ''];
    const line = [glanceLine(device), ...notes].filter((part) => part).join(' · ');
    const state = `${device.online ? (isOn(device) ? 'on' : '') : 'unavailable'} ${connection.stale ? 'stale' : ''}`;
    return html`<section class="tile ${state} ${this.pending ? 'busy' : ''}" data-device=${device.id} aria-label=${name}>
      <a href="#/device/${encodeURIComponent(device.id)}">
        <strong>${name}</strong>
        <span class="line" data-line>${line}</span>
      </a>
      ${primary ? this.toggle(device, primary, name) : nothing}
      ${this.feedback(name, 'note')}
    </section>`;
  }

  private toggle(device: Device, prop: SpecProperty, label: string): TemplateResult {
    const on = device.state[prop.path]?.value === true;
    return html`<button
      role="switch"
      aria-checked=${on ? 'true' : 'false'}
      aria-label="${label}: ${propLabel(prop)}"
      data-path=${prop.path}
      ?disabled=${!usable(device) || this.pending === prop.path}
      @click=${() => this.write(device, prop, !on)}
    ></button>`;
  }

  private control(device: Device, control: Control): TemplateResult | typeof nothing {
    if (control.kind === 'action') return nothing;
    const prop = control.prop;
    const value = device.state[prop.path]?.value;
    const label = propLabel(prop);
    const disabled = !usable(device) || this.pending === prop.path;
    switch (control.kind) {
      case 'toggle':
        return html`<div class="control"><div class="row">
          <span>${label}</span>${this.toggle(device, prop, label)}
        </div></div>`;
      case 'slider': {
        const current = typeof value === 'number' ? value : control.min;
        const { min, max, step } = control;
        return html`<div class="control" data-path=${prop.path}>
          <div class="row"><span>${label}</span><span class="value">${formatValue(prop, value)}</span></div>
          <div class="row">
            <button class="step" aria-label="${label}: ${t('device.decrease')}" ?disabled=${disabled || current <= min}
              @click=${() => this.write(device, prop, snap(current - step, min, max, step))}>−</button>
            <input type="range" min=${min} max=${max} step=${step} .value=${live(String(current))}
              aria-label=${label} aria-valuetext=${formatValue(prop, value)} ?disabled=${disabled}
              @change=${(e: Event) => this.write(device, prop, snap(Number((e.target as HTMLInputElement).value), min, max, step))} />
            <button class="step" aria-label="${label}: ${t('device.increase')}" ?disabled=${disabled || current >= max}
              @click=${() => this.write(device, prop, snap(current + step, min, max, step))}>+</button>
          </div>
          ${this.full
            ? html`<div class="row between muted"><span>${min}${unitSymbol(prop.unit)}</span><span>${max}${unitSymbol(prop.unit)}</span></div>`
            : nothing}
        </div>`;
      }
      case 'choice':
        if (control.options.length > 5) {
          return html`<div class="control" data-path=${prop.path}><label>${label}
            <select ?disabled=${disabled} .value=${live(String(value ?? ''))}
              @change=${(e: Event) => this.write(device, prop, Number((e.target as HTMLSelectElement).value))}>
              ${control.options.map((o) => html`<option value=${o.value}>${formatValue(prop, o.value)}</option>`)}
            </select></label></div>`;
        }
        return html`<div class="control" data-path=${prop.path}><span>${label}</span>
          <div class="segments" role="group" aria-label=${label}>
            ${control.options.map(
              (o) => html`<button aria-pressed=${o.value === value ? 'true' : 'false'} ?disabled=${disabled}
                @click=${() => this.write(device, prop, o.value)}>${formatValue(prop, o.value)}</button>`,
            )}
          </div></div>`;
      case 'readout':
        return html`<div class="control row between" data-path=${prop.path}>
          <span class="muted">${label}</span><span class="value">${formatValue(prop, value)}</span>
        </div>`;
    }
  }

  private actions(device: Device, controls: Control[]): TemplateResult | typeof nothing {
    const actions = controls.filter((c): c is Extract<Control, { kind: 'action' }> => c.kind === 'action');
    if (actions.length === 0) return nothing;
    return html`<div class="actions">
      ${actions.map(
        ({ action }) => html`<button ?disabled=${!usable(device) || this.pending === action.path}
          @click=${() => this.call(device, action)}>${propLabel(action)}</button>`,
      )}
    </div>`;
  }
}

/** Read-outs worth a place on a compact card: the ones a person checks at a glance. */
function isKeyReadout(prop: SpecProperty): boolean {
  return ['temperature', 'relative-humidity', 'battery-level', 'electric-power', 'current-position', 'status', 'charging-state', 'range', 'door-state'].includes(prop.name);
}
