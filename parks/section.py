"""What the EIP demonstration brings to the shell (pages.sections): the company
results listing, the indicators and company results datasets, the parks'
totals for page bodies, demo, and the figures whose edits show."""

from django.utils.translation import gettext_lazy as _

from pages.demo.registry import Seeder
from pages.live_data import LiveData
from pages.old_addresses import OldAddress
from pages.sections import Section

from . import datasets
from .company_results import company_results_context
from .live_data import park_totals
from .models import CompanyResult, CompanyResultsPage, ParkAssessment, ParkIndexPage, ParkIndicator

SECTION = Section(
    listings={CompanyResultsPage: company_results_context},
    datasets=(datasets.INDICATORS, datasets.ASSESSMENTS, datasets.COMPANY_RESULTS, datasets.CASE_STUDIES),
    live_data=(
        LiveData(
            "parks.totals", _("Totals across the demonstration parks"), "parks/includes/park_totals.html", park_totals
        ),  # fmt: skip
    ),
    demo=(Seeder("parks.demo.seed_parks", order=20),),
    shown_models=(CompanyResult, ParkIndicator, ParkAssessment),
    # eip-vietnam.org/demonstration-detail/4: which park each number was is not known.
    old_addresses=(
        OldAddress("parks", r"demonstration-detail/\d+", ParkIndexPage, _("Here are the demonstration parks.")),
    ),
)
