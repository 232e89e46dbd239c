"""EIP demonstration: the park pages, their indicators, case studies and
company results. Figures are synchronised between languages; words are translated.

One module per part; ``parks`` (the park pages) sits on top and names the
others, which name a park only by its label ("parks.ParkPage")."""

from .assessments import ParkAssessment, assessment_path
from .case_studies import CaseStudyFlow, CaseStudyIndexPage, CaseStudyPage, CaseStudyPark
from .company_results import CompanyResult, CompanyResultsPage, Sector
from .comparison import AssessmentComparisonPage
from .links import ParkLink
from .park_indicators import ParkIndicator, in_indicator_order
from .parks import ParkIndexPage, ParkPage, park_options, public_parks

__all__ = [
    "AssessmentComparisonPage",
    "ParkAssessment",
    "assessment_path",
    "CaseStudyFlow",
    "CaseStudyIndexPage",
    "CaseStudyPage",
    "CaseStudyPark",
    "CompanyResult",
    "CompanyResultsPage",
    "ParkIndexPage",
    "ParkIndicator",
    "ParkLink",
    "ParkPage",
    "Sector",
    "in_indicator_order",
    "park_options",
    "public_parks",
]
