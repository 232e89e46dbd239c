"""The chrome rendered once per language ({% constant %}) shows each visitor
their own language, and a constant part can hold nothing that varies."""

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import override_settings
from django.utils import translation

from pages.models import HomePage

from .factories import section
from .fixtures import get_page

CHROME = {
    "en": ["Skip to main content", "Search the website", 'placeholder="Search"', ">Menu</button>"],
    "vi": ["Chuyển đến nội dung chính", "Tìm kiếm trên website", 'placeholder="Tìm kiếm"', ">Danh mục</button>"],
}


@pytest.mark.django_db
def test_the_chrome_follows_each_visitors_language_on_alternate_requests(client):
    home = {language: section(HomePage, language).url for language in ("en", "vi")}
    for language in ["en", "vi", "en", "vi"]:  # one process, each language after the other
        html = get_page(client, home[language])
        other = "vi" if language == "en" else "en"
        for label in CHROME[language]:
            assert label in html, (language, label)
        assert CHROME[other][0] not in html
        assert f'action="/{language}/' in html  # the search forms post to this language's search
        # The Vietnamese fonts are preloaded on Vietnamese pages only.
        assert ("vietnamese-400-normal" in html) is (language == "vi")


def render(source, **context):
    return Template("{% load i18n static constant_tags %}" + source).render(Context(context))


def test_a_constant_part_is_rendered_once_per_language():
    template = Template('{% load i18n constant_tags %}{% constant "x" %}{% translate "Search" %}{% endconstant %}')
    with translation.override("vi"):
        assert template.render(Context()) == "Tìm kiếm"
    with translation.override("en"):
        assert template.render(Context()) == "Search"
    with translation.override("vi"):
        assert template.render(Context()) == "Tìm kiếm"


def test_a_changed_setting_renders_constant_parts_anew():
    template = Template('{% load static constant_tags %}{% constant "x" %}{% static "css/site.css" %}{% endconstant %}')
    with override_settings(STATIC_URL="/first/"):
        assert template.render(Context()) == "/first/css/site.css"
    with override_settings(STATIC_URL="/second/"):
        assert template.render(Context()) == "/second/css/site.css"


@pytest.mark.parametrize(
    "source",
    [
        "{{ page.title }}",
        "{{ LANGUAGE_CODE|default:visitor }}",
        "{% if request.user.is_authenticated %}signed in{% endif %}",
        '{% if LANGUAGE_CODE == "vi" %}{{ name }}{% endif %}',
        "{% blocktranslate %}Hello {{ name }}{% endblocktranslate %}",
        "{% blocktranslate with name=page.title %}Hello {{ name }}{% endblocktranslate %}",
        '{% translate "Search" as label %}',
        '{% static "css/site.css" as url %}',
        "{% static stylesheet %}",
        "{% url view_name %}",
        "{% now 'Y' %}",
        "{% for x in items %}{% endfor %}",
    ],
)
def test_what_could_vary_is_refused_when_the_template_is_compiled(source):
    with pytest.raises(TemplateSyntaxError):
        render('{% constant "x" %}' + source + "{% endconstant %}")


def test_the_language_and_literal_tags_are_allowed():
    source = (
        '{% constant "x" %}{% if LANGUAGE_CODE == "vi" %}vi{% else %}{{ LANGUAGE_CODE }}{% endif %}'
        ' {% url "search" %} {% blocktranslate %}Search{% endblocktranslate %}{% endconstant %}'
    )
    with translation.override("en"):
        assert render(source, LANGUAGE_CODE="en") == "en /en/search/ Search"
