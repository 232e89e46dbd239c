from pages.models.base import BasePage
from pages.models.contact_page import ContactFormField, ContactPage
from pages.models.data_page import DataPage
from pages.models.editing_language import EditingLanguage
from pages.models.mail import OutgoingMail
from pages.models.opendata import DatasetChange
from pages.models.operations import Generation, JobRun, RateLimitHit
from pages.models.page_types import HomePage, NoticePage, StandardPage, TeamPage
from pages.models.personal_data import PersonalData
from pages.models.search_entry import SearchEntry
from pages.models.snippets import Partner, RelatedAgency, TeamMember
from pages.models.subscribe_page import SubscribePage
from pages.models.updates import Announcement, Delivery, Subscriber, SubscriberTopic, SuppressedAddress

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "DataPage",
    "DatasetChange",
    "EditingLanguage",
    "Generation",
    "HomePage",
    "JobRun",
    "NoticePage",
    "OutgoingMail",
    "PersonalData",
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
