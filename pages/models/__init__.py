from .base import BasePage
from .page_types import HomePage, StandardPage, TeamPage
from .snippets import Partner, RelatedAgency, TeamMember

__all__ = ["BasePage", "HomePage", "StandardPage", "TeamPage", "Partner", "RelatedAgency", "TeamMember"]
