"""StreamField blocks shared by every page type.

Each block names its template, icon and a preview value, so editors see what
they insert; templates live in templates/blocks/.
"""

from functools import cached_property

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from pages import live_data
from pages.embeds import allowed_embed_html, validate_embed_url
from pages.links import safe_url, validate_safe_url
from pages.visibility import in_public_collection

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3"), ("h4", "H4")],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        template = "blocks/heading.html"
        icon = "title"
        description = _("A section heading (levels 2 to 4 keep the outline valid).")
        preview_value = {"text": "Project approach", "level": "h2"}


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Caption"))

    class Meta:
        template = "blocks/image.html"
        icon = "image"
        description = _("An image with alternative text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    class Meta:
        template = "blocks/quote.html"
        icon = "openquote"
        description = _("A quotation with who said it.")
        preview_value = {
            "text": "Industrial parks can grow and cut their footprint at the same time.",
            "attribution": "Project team",
        }


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(label=_("Number"), decimal_places=2)
    unit = blocks.CharBlock(required=False, max_length=40, label=_("Unit"))
    label = blocks.CharBlock(max_length=200, label=_("What it measures"))
    note = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Note"),
        help_text=_('Say whether the figure is "reported" or "estimated", and its source.'),
    )

    class Meta:
        icon = "pick"


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=200, label=_("Heading"))
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("Figures"))

    class Meta:
        template = "blocks/key_figures.html"
        icon = "table"
        description = _("A row of headline numbers, formatted for each language.")


class LinkValue(blocks.StructValue):
    """One way to read a link, whether it points at a page or elsewhere."""

    @cached_property  # templates read it twice; .localized costs queries
    def href(self):
        page = self.get("page")
        if page:
            page = page.localized
            return page.url if page.live else ""
        return safe_url(self.get("url") or "")


class LinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(required=False, label=_("Page on this site"))
    url = blocks.URLBlock(required=False, label=_("Or an address elsewhere"))

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter an address, not both."))}
            )
        try:
            validate_safe_url(value.get("url"))
        except ValidationError as error:
            raise StructBlockValidationError(block_errors={"url": error}) from None
        return value

    class Meta:
        value_class = LinkValue
        icon = "link"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200, label=_("Heading"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    link = LinkBlock(label=_("Link"))
    button_label = blocks.CharBlock(max_length=60, label=_("Button label"))

    class Meta:
        template = "blocks/call_to_action.html"
        icon = "pick"
        description = _("A highlighted box that sends the reader somewhere next.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False, max_length=200, label=_("Title"), help_text=_("Defaults to the document's title.")
    )

    class Meta:
        template = "blocks/document_link.html"
        icon = "doc-full"
        description = _("A download link with file type and size.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # A document in a private collection is not named on a public page (pages.visibility).
        context["document"] = value["document"] if in_public_collection(value["document"]) else None
        return context


class ResilientEmbedBlock(EmbedBlock):
    """An embed from an allowed video site (pages.embeds), shown as a plain link
    when the provider cannot be reached."""

    def clean(self, value):
        # Before Wagtail's check, which asks the provider for the player.
        validate_embed_url(getattr(value, "url", value))
        return super().clean(value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["embed_html"] = allowed_embed_html(value.url) if value else ""
        return context

    class Meta:
        template = "blocks/embed.html"
        icon = "media"
        description = _("A video or post from another site, shown as a link if it cannot be loaded.")


class LiveDataBlock(blocks.StructBlock):
    source = blocks.ChoiceBlock(choices=live_data.choices, label=_("What to show"))

    class Meta:
        template = "blocks/live_data.html"
        icon = "table"
        description = _("Figures computed from the site's own data, always up to date.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        item = live_data.get(value["source"])
        context["live_data"] = item
        if item is not None:
            context.update(item.get_context(parent_context or {}))
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph.html",
        icon="pilcrow",
        label=_("Paragraph"),
        description=_("Text with bold, italic, links and lists."),
        preview_value="<p>Eco-industrial parks share water, energy and by-products.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    key_figures = KeyFiguresBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    embed = ResilientEmbedBlock()
    live_data = LiveDataBlock()
