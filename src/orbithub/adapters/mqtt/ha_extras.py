"""Map the action-, event- and status-like Home Assistant components onto OrbitHub services.

``button`` and ``scene`` become actions, ``device_automation`` and ``tag`` events,
``device_tracker`` presence and location, ``siren``/``update``/``event`` small services of their
own, ``alarm_control_panel`` the ``arming`` service of a security device. The switch-like and
reading-like components live in :mod:`ha_components`.
"""

from __future__ import annotations

from dataclasses import dataclass

from orbithub.adapters.mqtt.assemble import (
    ActionDraft,
    EventDraft,
    PropertyDraft,
    ServiceDraft,
    slug,
    value_list,
)
from orbithub.adapters.mqtt.codecs import (
    BoolCodec,
    EnumCodec,
    PayloadBuilder,
    PlainCodec,
    RawPayload,
    SwitchTemplatePayload,
    WireScalar,
)
from orbithub.adapters.mqtt.ha_components import (
    ComponentMap,
    ComponentMapper,
    access_of,
    entity_label,
    fixed_action,
    some_readers,
)
from orbithub.adapters.mqtt.ha_config import HaConfig, literal_template
from orbithub.adapters.mqtt.mapping import ActionWrite, DiscoveryError, EventTrigger, Reader, Writer
from orbithub.spec.model import Access, Format, Value, ValueRange

__all__ = ["EXTRA_COMPONENTS"]

_READ = frozenset({Access.READ, Access.NOTIFY})
_WRITE = frozenset({Access.WRITE})

_ARMING_MODES = (
    ("disarmed", "payload_disarm", "DISARM"),
    ("armed-home", "payload_arm_home", "ARM_HOME"),
    ("armed-away", "payload_arm_away", "ARM_AWAY"),
    ("armed-night", "payload_arm_night", "ARM_NIGHT"),
    ("armed-vacation", "payload_arm_vacation", "ARM_VACATION"),
    ("armed-custom-bypass", "payload_arm_custom_bypass", "ARM_CUSTOM_BYPASS"),
)
_ALARM_STATES = (
    "disarmed",
    "armed_home",
    "armed_away",
    "armed_night",
    "armed_vacation",
    "armed_custom_bypass",
    "pending",
    "triggered",
    "arming",
    "disarming",
)


def button(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``button``: an action publishing ``payload_press``."""
    name = slug(cfg.text("name") or cfg.text("device_class") or "press")
    action = ActionDraft(
        name, cfg.text("name") or "", (fixed_action(cfg, name, "payload_press", "PRESS"),)
    )
    return ComponentMap((ServiceDraft("button", "", (), (action,), shared=True),))


def scene(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``scene``: an action publishing ``payload_on``."""
    name = slug(entity_label(cfg, "activate"))
    action = ActionDraft(
        name, cfg.text("name") or "", (fixed_action(cfg, name, "payload_on", "ON"),)
    )
    return ComponentMap((ServiceDraft("scene", "", (), (action,), shared=True),))


def device_tracker(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``device_tracker``: ``presence.at-home`` from the state, ``location.*`` from attributes."""
    services: list[ServiceDraft] = []
    home = cfg.payload("payload_home", "home")
    codec = BoolCodec(
        (home,),
        (cfg.payload("payload_not_home", "not_home"),),
        home,
        "not_home",
        ignored=(cfg.payload("payload_reset", "None"),),
    )
    reader = cfg.reader("state_topic", "value_template", codec)
    if reader is not None:
        # Any zone other than home means "not at home"; HA reports the zone name instead.
        reader = Reader(reader.topic, _AtHome(codec), reader.template, reader.key)
        services.append(
            ServiceDraft(
                "presence",
                "",
                (PropertyDraft("at-home", "", Format.BOOL, _READ, readers=(reader,)),),
            )
        )
    attributes = cfg.text("json_attributes_topic")
    if attributes:
        template = cfg.text("json_attributes_template")
        props = tuple(
            PropertyDraft(
                name,
                "",
                Format.FLOAT,
                _READ,
                unit,
                rng,
                readers=(Reader(attributes, PlainCodec(Format.FLOAT), template, (key,)),),
            )
            for name, key, unit, rng in (
                ("latitude", "latitude", "degree", ValueRange(-90, 90, 1e-6)),
                ("longitude", "longitude", "degree", ValueRange(-180, 180, 1e-6)),
                ("accuracy", "gps_accuracy", "meters", None),
            )
        )
        services.append(ServiceDraft("location", "", props))
    if not services:
        raise DiscoveryError(
            cfg.topic, "device_tracker needs 'state_topic' or 'json_attributes_topic'"
        )
    return ComponentMap(tuple(services))


@dataclass(frozen=True, slots=True)
class _AtHome:
    """Presence: the home payload is True, any other zone name is False."""

    inner: BoolCodec

    def decode(self, wire: object) -> Value | None:
        """True at home, None for the reset payload, False anywhere else."""
        try:
            return self.inner.decode(wire)
        except ValueError:
            return False

    def encode(self, value: Value) -> WireScalar:
        """The home / not-home payload."""
        return self.inner.encode(value)


def siren(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``siren``: ``siren.on``; command templates for on and off when given."""
    command = cfg.required("command_topic")
    on, off = cfg.payload("payload_on", "ON"), cfg.payload("payload_off", "OFF")
    codec = BoolCodec((cfg.payload("state_on", on),), (cfg.payload("state_off", off),), on, off)
    on_tpl, off_tpl = cfg.text("command_template"), cfg.text("command_off_template")
    payload: PayloadBuilder = RawPayload()
    if on_tpl or off_tpl:
        payload = SwitchTemplatePayload(
            on_tpl or literal_template(str(on)), off_tpl or on_tpl or literal_template(str(off))
        )
    writers = (Writer(command, codec, payload),)
    readers = some_readers(cfg.reader("state_topic", "value_template", codec))
    prop = PropertyDraft(
        "on", "", Format.BOOL, access_of(readers, writers), readers=readers, writers=writers
    )
    return ComponentMap((ServiceDraft("siren" + suffix, "", (prop,)),))


def update(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``update``: installed and latest firmware versions, and an ``install`` action."""
    props: list[PropertyDraft] = []
    codec = PlainCodec(Format.STRING)
    state = cfg.text("state_topic")
    template = cfg.text("value_template")
    # A template printing a JSON object carries both versions (zigbee2mqtt does this).
    as_json = bool(template and "installed_version" in template)
    if state:
        props.append(
            PropertyDraft(
                "installed-version",
                "",
                Format.STRING,
                _READ,
                readers=(
                    Reader(state, codec, template, ("installed_version",) if as_json else ()),
                ),
            )
        )
    latest = cfg.reader("latest_version_topic", "latest_version_template", codec)
    if latest is None and state and as_json:
        latest = Reader(state, codec, template, ("latest_version",))
    if latest is not None:
        props.append(PropertyDraft("latest-version", "", Format.STRING, _READ, readers=(latest,)))
    actions: tuple[ActionDraft, ...] = ()
    command = cfg.text("command_topic")
    if command:
        payload = (cfg.text("payload_install", "install") or "").encode()
        actions = (
            ActionDraft("install", "Install the latest firmware", (ActionWrite(command, payload),)),
        )
    if not props and not actions:
        raise DiscoveryError(cfg.topic, "update needs 'state_topic' or 'command_topic'")
    return ComponentMap((ServiceDraft("firmware" + suffix, "", tuple(props), actions),))


def event(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``event``: the last event type as a value-list property."""
    cfg.required("state_topic")
    types = cfg.texts("event_types")
    if not types:
        raise DiscoveryError(cfg.topic, "event needs a non-empty 'event_types' list")
    state = cfg.required("state_topic")
    reader = Reader(state, EnumCodec(types), cfg.text("value_template"), ("event_type",))
    prop = PropertyDraft(
        slug(entity_label(cfg, "event")),
        cfg.text("name") or "",
        Format.UINT8,
        _READ,
        None,
        None,
        value_list(types),
        (reader,),
    )
    return ComponentMap((ServiceDraft("event", "", (prop,), shared=True),))


def device_automation(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``device_automation``: a trigger becomes an event fired by its payload on its topic."""
    topic = cfg.required("topic")
    kind, sub = cfg.required("type"), cfg.required("subtype")
    trigger = EventTrigger(topic, cfg.text("payload"), cfg.text("value_template"))
    draft = EventDraft(slug(f"{kind}-{sub}"), f"{kind} {sub}", (trigger,))
    return ComponentMap((ServiceDraft("trigger", "", events=(draft,), shared=True),))


def tag(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``tag``: a scanned tag fires ``tag.scanned``."""
    trigger = EventTrigger(cfg.required("topic"), None, cfg.text("value_template"))
    draft = EventDraft("scanned", "A tag was scanned", (trigger,))
    return ComponentMap((ServiceDraft("tag", "", events=(draft,), shared=True),))


def alarm_control_panel(cfg: HaConfig, suffix: str) -> ComponentMap:
    """``alarm_control_panel``: ``arming.arming-mode`` (commands) and ``arming.status``.

    The service is named ``arming`` so the device counts as a security device: disarming it is
    an opening command like unlocking a door. A panel that needs a code typed on the panel
    itself works; a code sent with the command (``code`` set) is not supported yet.
    """
    props: list[PropertyDraft] = []
    command = cfg.text("command_topic")
    if command:
        payloads = tuple(cfg.payload(key, default) for _, key, default in _ARMING_MODES)
        props.append(
            PropertyDraft(
                "arming-mode",
                "",
                Format.UINT8,
                _WRITE,
                None,
                None,
                value_list(mode for mode, _, _ in _ARMING_MODES),
                (),
                (Writer(command, EnumCodec(payloads), RawPayload()),),
            )
        )
    status = cfg.reader("state_topic", "value_template", EnumCodec(_ALARM_STATES))
    if status is not None:
        props.append(
            PropertyDraft(
                "status",
                "",
                Format.UINT8,
                _READ,
                None,
                None,
                value_list(s.replace("_", "-") for s in _ALARM_STATES),
                (status,),
            )
        )
    if not props:
        raise DiscoveryError(cfg.topic, "alarm_control_panel has no command or state topic")
    return ComponentMap((ServiceDraft("arming" + suffix, "", tuple(props)),))


EXTRA_COMPONENTS: dict[str, ComponentMapper] = {
    "button": button,
    "scene": scene,
    "device_tracker": device_tracker,
    "siren": siren,
    "update": update,
    "event": event,
    "device_automation": device_automation,
    "tag": tag,
    "alarm_control_panel": alarm_control_panel,
}
"""Component name -> mapper for the components in this module."""
