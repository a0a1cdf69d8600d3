"""The phone companion: phones as devices of their owners, their reports, and notifications.

``PhoneAdapter`` registers phones (device type ``phone`` with an ``owner``), applies their
reports and marks phones that stopped reporting offline; ``NotificationCentre`` turns
notification requests on the bus into stored, live (``UserMessage``) and Web Push messages,
signed with the hub's ``VapidKeys``.
"""

from orbithub.adapters.phone.adapter import ADAPTER_NAME, OFFLINE_AFTER_S, PhoneAdapter
from orbithub.adapters.phone.companion import Companion
from orbithub.adapters.phone.errors import (
    CompanionError,
    PushError,
    ReportRejected,
    SubscriptionRejected,
)
from orbithub.adapters.phone.notify import (
    SEVERITIES,
    Audience,
    Delivery,
    DeviceOwners,
    NewNotice,
    NoticeStore,
    NotificationCentre,
    PushTarget,
)
from orbithub.adapters.phone.report import Battery, Location, PhoneReport, report_values
from orbithub.adapters.phone.vapid import VAPID_FILENAME, VapidKeys
from orbithub.adapters.phone.webpush import (
    BROWSER_PUSH_HOSTS,
    PushOutcome,
    PushSubscription,
    Urgency,
    WebPush,
    check_subscription,
)

__all__ = [
    "ADAPTER_NAME",
    "BROWSER_PUSH_HOSTS",
    "OFFLINE_AFTER_S",
    "SEVERITIES",
    "VAPID_FILENAME",
    "Audience",
    "Battery",
    "Companion",
    "CompanionError",
    "Delivery",
    "DeviceOwners",
    "Location",
    "NewNotice",
    "NoticeStore",
    "NotificationCentre",
    "PhoneAdapter",
    "PhoneReport",
    "PushError",
    "PushOutcome",
    "PushSubscription",
    "PushTarget",
    "ReportRejected",
    "SubscriptionRejected",
    "Urgency",
    "VapidKeys",
    "WebPush",
    "check_subscription",
    "report_values",
]
