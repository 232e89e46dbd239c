"""Count document downloads: one per GET that serves the file, none for HEAD,
and nothing about the visitor."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.dispatch import receiver
from wagtail.documents.models import document_served

from .models import DocumentDownloads


def count_download(document):
    if DocumentDownloads.objects.filter(document=document).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            DocumentDownloads.objects.create(document=document, count=1)
    except IntegrityError:  # another request created it first
        DocumentDownloads.objects.filter(document=document).update(count=F("count") + 1)


@receiver(document_served)
def _document_served(sender, instance, request, **kwargs):
    if request.method == "GET":
        count_download(instance)
