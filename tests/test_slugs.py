"""Vietnamese slugs are ASCII transliterations, with "đ" → "d"."""

import pytest
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from pages.models import StandardPage
from pages.search.folding import fold, transliterate_slug


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Đà Nẵng", "da-nang"),
        ("Giới thiệu", "gioi-thieu"),
        ("Khu công nghiệp sinh thái", "khu-cong-nghiep-sinh-thai"),
        ("Hội thảo | Tọa đàm", "hoi-thao-toa-dam"),
        ("ĐỒNG NAI", "dong-nai"),
        ("Đ\u0300a", "da"),  # decomposed input
    ],
)
def test_transliterate_slug(text, slug):
    assert transliterate_slug(text) == slug


@pytest.mark.django_db
def test_page_without_slug_gets_a_transliterated_one(vietnamese):
    about = StandardPage.objects.get(locale=vietnamese, slug="gioi-thieu")
    page = StandardPage(title="Đà Nẵng", locale=vietnamese)
    about.add_child(instance=page)
    assert page.slug == "da-nang"


@pytest.mark.django_db
def test_translated_slug_keeps_d_through_wagtail_localize(english, vietnamese, django_capture_on_commit_callbacks):
    about = StandardPage.objects.get(locale=english, slug="about")
    page = StandardPage(title="Da Nang", slug="da-nang-en", show_in_menus=True)
    about.add_child(instance=page)
    page.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(page)
    Translation.objects.create(source=source, target_locale=vietnamese)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = "đà-nẵng" if segment.context.path == "slug" else "Đà Nẵng"
        StringTranslation.objects.create(
            translation_of=segment.string, locale=vietnamese, context=segment.context, data=text
        )
    with django_capture_on_commit_callbacks(execute=True):
        source.create_or_update_translation(vietnamese)
    translated = page.get_translation(vietnamese)
    assert translated.slug == "da-nang"
    assert translated.url == "/vi/gioi-thieu/da-nang/"


VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"


@pytest.mark.parametrize("letter", [*VIETNAMESE_LETTERS, *VIETNAMESE_LETTERS.upper()])
def test_slugs_and_search_fold_every_vietnamese_letter_alike(letter):
    """One behaviour: the slug's letter is the letter search folds it to."""
    assert transliterate_slug(letter) == fold(letter)
    assert fold(letter) in "aeiouyd"
