"""E-mail updates' models. Their tables keep the names they had when these
models were in ``pages`` (pages 0018 moved them here without touching a row).
The page serves the views, which use the records: the records come first."""

from pages.updates.models.records import Announcement, Delivery, Subscriber, SubscriberTopic, SuppressedAddress
from pages.updates.models.subscribe_page import SubscribePage

__all__ = ["Announcement", "Delivery", "SubscribePage", "Subscriber", "SubscriberTopic", "SuppressedAddress"]
