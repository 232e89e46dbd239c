from .base import BasePage
from .contact_page import ContactFormField, ContactPage
from .data_page import DataPage
from .editing_language import EditingLanguage
from .opendata import DatasetChange
from .operations import Generation, RateLimitHit
from .page_types import HomePage, NoticePage, StandardPage, TeamPage
from .search_entry import SearchEntry
from .snippets import Partner, RelatedAgency, TeamMember
from .subscribe_page import SubscribePage
from .updates import Announcement, Delivery, Subscriber, SubscriberTopic, SuppressedAddress

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "DataPage",
    "DatasetChange",
    "EditingLanguage",
    "Generation",
    "HomePage",
    "NoticePage",
    "RateLimitHit",
    "SearchEntry",
    "StandardPage",
    "Announcement",
    "Delivery",
    "SubscribePage",
    "Subscriber",
    "SubscriberTopic",
    "SuppressedAddress",
    "TeamPage",
    "Partner",
    "RelatedAgency",
    "TeamMember",
]
