/** What kind of device a spec describes, read from its services and properties (never its id), so
that an air conditioner from a MIoT spec, Home Assistant discovery or zigbee2mqtt gets the same page. */

import type { Spec, SpecAction, SpecProperty } from '../types';

export type KindName = 'climate' | 'purifier' | 'light' | 'cover' | 'vacuum' | 'charger' | 'sensor';

/** A kind and the properties and actions its page is built from (absent when the spec lacks them). */
export interface Kind {
  name: KindName;
  props: Partial<Record<Part, SpecProperty>>;
  actions: Partial<Record<Verb, SpecAction>>;
}

export type Part =
  | 'on'
  | 'target'
  | 'mode'
  | 'fan'
  | 'temperature'
  | 'humidity'
  | 'brightness'
  | 'colour'
  | 'position'
  | 'setPosition'
  | 'motor'
  | 'status'
  | 'battery'
  | 'area'
  | 'plugged'
  | 'power'
  | 'meter'
  | 'pm25'
  | 'filter'
  | 'filterUsed'
  | 'contact'
  | 'motion'
  | 'illumination';

export type Verb = 'start' | 'pause' | 'dock' | 'toggle';

interface Found {
  service: string;
  prop: SpecProperty;
}

const writable = (p: SpecProperty): boolean => p.access.includes('write');
const readable = (p: SpecProperty): boolean => p.access.includes('read');
const NUMERIC = /^(u?int\d+|float)$/;

function all(spec: Spec): Found[] {
  return spec.services.flatMap((s) => s.properties.map((prop) => ({ service: s.name, prop })));
}

/** The first property called one of ``names`` that passes ``test``, in spec order. */
function find(spec: Spec, names: readonly string[], test: (f: Found) => boolean = () => true): Found | undefined {
  for (const name of names) {
    const hit = all(spec).find((f) => f.prop.name === name && test(f));
    if (hit) return hit;
  }
  return undefined;
}

function action(spec: Spec, names: readonly string[]): SpecAction | undefined {
  const actions = spec.services.flatMap((s) => s.actions).filter((a) => a.in.length === 0);
  for (const name of names) {
    const hit = actions.find((a) => a.name === name);
    if (hit) return hit;
  }
  return undefined;
}

const reading = (spec: Spec, names: readonly string[]): SpecProperty | undefined =>
  find(spec, names, (f) => readable(f.prop) && !writable(f.prop))?.prop;

const inService = (spec: Spec, service: string, name: string, test: (p: SpecProperty) => boolean): SpecProperty | undefined =>
  find(spec, [name], (f) => f.service === service && test(f.prop))?.prop;

const isSwitch = (p: SpecProperty): boolean => writable(p) && p.format === 'bool';
const isNumber = (p: SpecProperty): boolean => writable(p) && NUMERIC.test(p.format) && p.range !== null;
const isChoice = (p: SpecProperty): boolean => writable(p) && (p.values?.length ?? 0) > 0;

/** The kind of page a device gets, or null for the generic page built from every control. */
export function kindOf(spec: Spec): Kind | null {
  // A lock or anything that opens a way in keeps the generic page with its confirmations.
  if (find(spec, ['locked', 'arming-mode'])) return null;
  return climate(spec) ?? purifier(spec) ?? vacuum(spec) ?? charger(spec) ?? cover(spec) ?? light(spec) ?? sensor(spec);
}

function climate(spec: Spec): Kind | null {
  // A water heater's target is the water's, not a room's: it keeps the generic page.
  const target = find(spec, ['target-temperature'], (f) => isNumber(f.prop) && !/^water/.test(f.service));
  if (!target) return null;
  return {
    name: 'climate',
    props: {
      target: target.prop,
      on: inService(spec, target.service, 'on', isSwitch),
      mode: inService(spec, target.service, 'mode', isChoice),
      fan: find(spec, ['fan-level'], (f) => isChoice(f.prop) || isNumber(f.prop))?.prop,
      temperature: reading(spec, ['temperature']),
      humidity: reading(spec, ['relative-humidity']),
    },
    // The power switch is on the panel: a "toggle" button beside it would say the same.
    actions: { toggle: action(spec, ['toggle']) },
  };
}

/** An air purifier: a MIoT ``air-purifier`` service, or a switch that reads PM2.5 and keeps a filter
(a purifier discovered over another wire). */
function purifier(spec: Spec): Kind | null {
  const service = spec.services.find((s) => s.name === 'air-purifier');
  const pm25 = reading(spec, ['pm2.5-density']);
  const filter = reading(spec, ['filter-life-level']);
  const own = service?.name ?? find(spec, ['on'], (f) => isSwitch(f.prop))?.service;
  if (own === undefined || (!service && !(pm25 && filter))) return null;
  return {
    name: 'purifier',
    props: {
      on: inService(spec, own, 'on', isSwitch),
      mode: inService(spec, own, 'mode', isChoice),
      // Its own fan level only: a "favourite" service's level applies in that mode alone.
      fan: inService(spec, own, 'fan-level', (p) => isChoice(p) || isNumber(p)),
      pm25,
      humidity: reading(spec, ['relative-humidity']),
      temperature: reading(spec, ['temperature']),
      filter,
      filterUsed: reading(spec, ['filter-used-time']),
    },
    actions: { toggle: action(spec, ['toggle']) },
  };
}

function vacuum(spec: Spec): Kind | null {
  const service = spec.services.find((s) => /^vacuum/.test(s.name));
  const start = action(spec, ['start-sweep', 'start-clean', 'start']);
  if (!service && !start) return null;
  return {
    name: 'vacuum',
    props: {
      status: find(spec, ['status'], (f) => (f.prop.values?.length ?? 0) > 0 && (!service || f.service === service.name))?.prop,
      battery: reading(spec, ['battery-level']),
      area: reading(spec, ['cleaned-area']),
    },
    actions: {
      start,
      pause: action(spec, ['pause-sweeping', 'stop-sweeping', 'pause', 'stop']),
      dock: action(spec, ['return-to-dock', 'return-to-base', 'return-home']),
    },
  };
}

function charger(spec: Spec): Kind | null {
  const state = find(spec, ['charging-state'], (f) => readable(f.prop));
  const service = spec.services.find((s) => /^charger/.test(s.name));
  if (!state && !service) return null;
  const own = state?.service ?? service?.name ?? '';
  return {
    name: 'charger',
    props: {
      status: state?.prop,
      on: inService(spec, own, 'on', isSwitch),
      plugged: reading(spec, ['plugged']),
      power: reading(spec, ['electric-power']),
      meter: reading(spec, ['power-consumption']),
    },
    actions: {},
  };
}

function cover(spec: Spec): Kind | null {
  const position = reading(spec, ['current-position']);
  const setPosition = find(spec, ['target-position'], (f) => isNumber(f.prop))?.prop;
  const motor = find(spec, ['motor-control'], (f) => isChoice(f.prop))?.prop;
  if (!position && !setPosition && !motor) return null;
  return { name: 'cover', props: { position, setPosition, motor }, actions: {} };
}

function light(spec: Spec): Kind | null {
  const service = spec.services.find((s) => /^light/.test(s.name) && s.properties.some((p) => p.name === 'on' || p.name === 'brightness'));
  if (!service) return null;
  return {
    name: 'light',
    props: {
      on: inService(spec, service.name, 'on', isSwitch),
      brightness: inService(spec, service.name, 'brightness', isNumber),
      colour: inService(spec, service.name, 'color-temperature', isNumber),
    },
    actions: { toggle: action(spec, ['toggle']) },
  };
}

function sensor(spec: Spec): Kind | null {
  if (all(spec).some((f) => writable(f.prop))) return null;
  const props: Kind['props'] = {
    temperature: reading(spec, ['temperature']),
    humidity: reading(spec, ['relative-humidity']),
    pm25: reading(spec, ['pm2.5-density']),
    contact: reading(spec, ['contact-state']),
    motion: reading(spec, ['motion-state']),
    illumination: reading(spec, ['illumination']),
    battery: reading(spec, ['battery-level']),
  };
  const readings = Object.entries(props).filter(([part, p]) => p && part !== 'battery');
  return readings.length ? { name: 'sensor', props, actions: {} } : null;
}

/** Every property and action path a kind's panel shows (the rest go under "More"). */
export function shownPaths(kind: Kind): string[] {
  return [
    ...Object.values(kind.props).flatMap((p) => (p ? [p.path] : [])),
    ...Object.values(kind.actions).flatMap((a) => (a ? [a.path] : [])),
  ];
}
