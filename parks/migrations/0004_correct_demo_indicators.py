"""Correct the demo indicators a database seeded before issue #18 still holds.

seed_demo only adds what is missing, so it cannot fix rows that exist. The rows
are found by the source text the seed gave them (English and Vietnamese); rows
an editor wrote are not touched.
"""

from django.db import migrations

AMATA_WASTEWATER = ["reported as less wastewater, UNIDO", "theo báo cáo là lượng nước thải giảm, UNIDO"]
HIEP_PHUOC = ["reported for 2020–2023, UNIDO and HEPZA", "theo báo cáo giai đoạn 2020–2023, UNIDO và HEPZA"]


def correct(apps, schema_editor):
    ParkIndicator = apps.get_model("parks", "ParkIndicator")
    # Amata's 4,800 m³ is less wastewater, not water saved.
    ParkIndicator.objects.filter(kind="water", source__in=AMATA_WASTEWATER).update(kind="wastewater")
    hiep_phuoc = ParkIndicator.objects.filter(source__in=HIEP_PHUOC)
    hiep_phuoc.filter(first_year__isnull=True).update(first_year=2020)
    # The 300 solutions were identified, not implemented; the VND 93 bn saving is estimated.
    hiep_phuoc.filter(kind="measures").update(kind="solutions")
    hiep_phuoc.filter(kind="cost").update(status="estimated")


class Migration(migrations.Migration):
    dependencies = [("parks", "0003_indicator_period_kinds_target")]

    operations = [migrations.RunPython(correct, migrations.RunPython.noop)]
