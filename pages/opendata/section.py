"""What open data brings to the shell (pages.sections): the Data page the
footer links to, and its demo page. The datasets themselves are the sections'."""

from pages.demo.registry import Seeder
from pages.sections import Section

from .models import DataPage

SECTION = Section(
    shell_pages={"data": DataPage},
    demo=(Seeder("pages.opendata.demo.seed_open_data", order=95),),
)
