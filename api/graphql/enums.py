"""GraphQL enums, taken from the domain models' enums so both always agree."""

from __future__ import annotations

import strawberry

from api.filters import MeetingOrder
from api.models import DatePrecision, MeetingKind, OutcomeKind, Role, Setting, TimeOfDay

__all__ = [
    "DatePrecisionEnum",
    "MeetingKindEnum",
    "MeetingOrderEnum",
    "OutcomeKindEnum",
    "RoleEnum",
    "SettingEnum",
    "TimeOfDayEnum",
]

MeetingKindEnum = strawberry.enum(MeetingKind, name="MeetingKind", description=MeetingKind.__doc__)
SettingEnum = strawberry.enum(Setting, name="Setting", description=Setting.__doc__)
RoleEnum = strawberry.enum(Role, name="Role", description=Role.__doc__)
DatePrecisionEnum = strawberry.enum(
    DatePrecision, name="DatePrecision", description=DatePrecision.__doc__
)
TimeOfDayEnum = strawberry.enum(TimeOfDay, name="TimeOfDay", description=TimeOfDay.__doc__)
OutcomeKindEnum = strawberry.enum(OutcomeKind, name="OutcomeKind", description=OutcomeKind.__doc__)
MeetingOrderEnum = strawberry.enum(
    MeetingOrder,
    name="MeetingOrder",
    description="Order of a meeting listing: DATE_DESC (newest first, the default) or DATE_ASC.",
)
