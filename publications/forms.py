"""The admin's document form: Wagtail checks the file type; this adds a size limit."""

from wagtail.documents.forms import BaseDocumentForm

from .validators import validate_document_size


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        validate_document_size(file)
        return file
