from pages.models.base import BasePage
from pages.models.contact_page import ContactFormField, ContactPage
from pages.models.data_page import DataPage
from pages.models.editing_language import EditingLanguage
from pages.models.opendata import DatasetChange
from pages.models.operations import Generation, RateLimitHit
from pages.models.page_types import HomePage, NoticePage, StandardPage, TeamPage
from pages.models.search_entry import SearchEntry
from pages.models.snippets import Partner, RelatedAgency, TeamMember

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
    "TeamPage",
    "Partner",
    "RelatedAgency",
    "TeamMember",
]
