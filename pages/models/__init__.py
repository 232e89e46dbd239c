from pages.models.base import BasePage
from pages.models.changes import ContentChange, Correction
from pages.models.contact_page import ContactFormField, ContactPage
from pages.models.editing_language import EditingLanguage
from pages.models.mail import OutgoingMail
from pages.models.operations import Generation, JobRun, RateLimitHit
from pages.models.page_types import HomePage, NoticePage, StandardPage, TeamPage
from pages.models.personal_data import PersonalData
from pages.models.search_entry import SearchEntry
from pages.models.segment_change import SegmentChange
from pages.models.snippets import Partner, RelatedAgency, TeamMember

__all__ = [
    "BasePage",
    "ContactFormField",
    "ContactPage",
    "ContentChange",
    "Correction",
    "EditingLanguage",
    "Generation",
    "HomePage",
    "JobRun",
    "NoticePage",
    "OutgoingMail",
    "PersonalData",
    "RateLimitHit",
    "SearchEntry",
    "SegmentChange",
    "StandardPage",
    "TeamPage",
    "Partner",
    "RelatedAgency",
    "TeamMember",
]
