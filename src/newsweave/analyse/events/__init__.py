"""Events coded in PLOVER: actor, action, target, date and place, from the parse."""

from newsweave.analyse.events.extract import event_time, find_events

__all__ = ["event_time", "find_events"]
