from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


def _check_size(file, limit):
    if file and file.size > limit:
        raise ValidationError(
            _("This file is %(size)s; the limit is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)}
        )


def validate_document_size(file):
    _check_size(file, settings.DOCUMENT_MAX_UPLOAD_SIZE)


def validate_video_size(file):
    _check_size(file, settings.VIDEO_MAX_UPLOAD_SIZE)
