"""Events coded in PLOVER: actor, action, target, date and place, from the parse."""

from newsweave.analyse.events.dates import event_time
from newsweave.analyse.events.extract import find_events

__all__ = ["event_time", "find_events"]
