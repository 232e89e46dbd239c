"""Who may change what, through every admin URL that changes content.

5 roles × 4 kinds of object (English original, Vietnamese translation,
Vietnamese original, English translation) × {page, snippet} × {edit, publish,
unpublish, delete, move, convert, sync, translate, bulk
delete/publish/unpublish/move}. Editors write originals in their language,
Translators translate into theirs, Moderators do both and publish
(pages.editorial.languages). Each case does what a user (or someone forging a
form) would do, then checks what they would notice: either the request is
refused (403, 404, or a redirect with an error message) and the database is
unchanged, or it is accepted and the change happened. One test per role, kind
and action tries it on each kind of object, built once for the test.
``test_every_content_changing_admin_url_is_in_the_matrix`` keeps the list
honest: a view added to the admin must be placed in the matrix or in the
commented exemptions.
"""

from functools import cached_property
from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import ERROR, get_messages
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

from pages import origin
from pages.editorial import localize_views, tree_sync
from pages.models import HomePage, RelatedAgency, StandardPage

from .editorial import client_for, translation_of, twin
from .factories import build, section, translate_page

pytestmark = pytest.mark.django_db

ROLES = ("editor", "vi_editor", "moderator", "translator", "en_translator")
# The kinds of object, translations first: an action on an original may
# cascade to its translation (tree_sync), never the other way round.
OBJECTS = {
    "vi-translation": ("vi", False),
    "en-translation": ("en", False),
    "en-original": ("en", True),
    "vi-original": ("vi", True),
}
WRITES = {"editor": {"en"}, "vi_editor": {"vi"}, "moderator": {"en", "vi"}, "translator": set(), "en_translator": set()}
TRANSLATES = {"editor": set(), "vi_editor": set(), "moderator": {"en", "vi"}}
TRANSLATES |= {"translator": {"vi"}, "en_translator": {"en"}}
PUBLISHES = {"moderator"}
# Snippet delete permission: Editors and Moderators (Translators change only).
DELETES_SNIPPETS = {"editor", "vi_editor", "moderator"}
OTHER = {"en": "vi", "vi": "en"}
PAGE_ACTIONS = (
    "edit",
    "publish",
    "unpublish",
    "delete",
    "move",
    "convert",
    "sync",
    "translate",
    "bulk_delete",
    "bulk_publish",
    "bulk_unpublish",
    "bulk_move",
)
# Snippets have no drafts, no tree and no aliases: Wagtail has no unpublish,
# move or convert views for them, and registers only "delete" as a bulk action
# (checked in test_every_content_changing_admin_url_is_in_the_matrix).
SNIPPET_ACTIONS = ("edit", "publish", "delete", "sync", "translate", "bulk_delete")
# Actions that exist for translations only: an original is nobody's alias
# (wagtail-localize answers 404 to everyone), and a sync writes from the
# original into its translation (the case of the translation).
TRANSLATIONS_ONLY = {"convert", "sync"}


def expected(role, name, kind, action):
    language, original = OBJECTS[name]
    change = language in (WRITES if original else TRANSLATES)[role]
    publish = change and role in PUBLISHES
    # Translating starts a translation of an original into the other language;
    # a translation is never translated (one source per key, localize_views).
    translate = original and OTHER[language] in TRANSLATES[role]
    action = action.removeprefix("bulk_")
    if kind == "page":
        return {
            "edit": change,
            "publish": publish,
            "unpublish": publish,
            "delete": publish,  # a live page: Editors only delete their own drafts
            "move": publish,
            # Converting a translation back to an alias replaces what visitors see.
            "convert": publish,
            "sync": publish,  # with "publish translations"; see test_editorial_roles for without
            # Translators start translations, but nothing they start is published.
            "translate": translate,
        }[action]
    return {
        # Originals (either language) are saved live by whoever may change
        # them. Translations are strings in the editor, live only when a
        # Moderator publishes.
        "edit": change,
        "publish": publish or (change and original),
        "delete": change and role in DELETES_SNIPPETS,
        "sync": publish,
        "translate": translate and role in PUBLISHES,  # a snippet has no drafts: translating it publishes it
    }[action]


def applies(action):
    return [name for name, (_language, original) in OBJECTS.items() if not (original and action in TRANSLATIONS_ONLY)]


CASES = [
    pytest.param(role, kind, action, id=f"{role}-{kind}-{action}")
    for kind, actions in (("page", PAGE_ACTIONS), ("snippet", SNIPPET_ACTIONS))
    for action in actions
    for role in ROLES
]


# Content to act on -----------------------------------------------------------


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("root", "root@example.org", "a-long-test-password")


class FormFields(HTMLParser):
    """The fields a browser would submit from the admin's edit form."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.fields, self.textarea, self.select = action, False, [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("action") or "").split("?")[0] == self.action:
            self.inside = True
        elif not self.inside:
            return
        elif tag == "input" and attrs.get("name") and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio"):
                self.fields.append((attrs["name"], attrs.get("value") or ""))
            elif "checked" in attrs:
                self.fields.append((attrs["name"], attrs.get("value") or "on"))
        elif tag == "textarea":
            self.textarea = [attrs.get("name"), ""]
        elif tag == "select":
            self.select = attrs.get("name")
        elif tag == "option" and self.select and "selected" in attrs:
            self.fields.append((self.select, attrs.get("value") or ""))

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            self.fields.append(tuple(self.textarea))
            self.textarea = None
        elif tag == "select":
            self.select = None


def edit_form(superuser, url, **changes):
    html = client_for(superuser).get(url).content.decode()
    parser = FormFields(url)
    parser.feed(html)
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    assert "csrfmiddlewaretoken" in data, f"no edit form at {url}"
    # The page body (a StreamField) is drawn by JavaScript, so the HTML has
    # no inputs for it: submit it empty (a browser would resend its blocks).
    data.setdefault("body-count", ["0"])
    data.update({name: [value] for name, value in changes.items()})
    return data


def set_string(obj, locale, text, value):
    """Store a translation of the source string ``text`` of ``obj`` (the
    way the translation editor does), as a setup step."""
    translation = translation_of(obj, locale)
    segment = StringSegment.objects.filter(source=translation.source, string__data=text).first()
    StringTranslation.objects.update_or_create(
        translation_of=segment.string, locale=locale, context=segment.context, defaults={"data": value}
    )
    return translation, segment


class Content:
    """What a test acts on, built on first use (a page test builds no
    snippets and the other way round): for each kind, an English original
    translated into Vietnamese and a Vietnamese original translated into
    English, live, below a section (so that moving one to the home page is a
    change); and fresh originals, not yet translated, for "translate"."""

    def __init__(self, superuser, capture):
        self.superuser, self.capture = superuser, capture
        self.english = Locale.objects.get(language_code="en")
        self.vietnamese = Locale.objects.get(language_code="vi")
        self.locales = {"en": self.english, "vi": self.vietnamese}

    @cached_property
    def home(self):
        return {code: section(HomePage, code) for code in ("en", "vi")}

    @cached_property
    def _pages(self):
        parent_en = build(StandardPage, vietnamese="translated")
        parent_vi = twin(parent_en, self.vietnamese)
        en_original = build(StandardPage, parent_en, vietnamese="translated")
        vi_original = build(StandardPage, parent_vi, vietnamese=None, title="Tin địa phương", intro="Chỉ tiếng Việt.")
        english = {"title": "Local news", "intro": "Vietnamese first.", "slug": "local-news"}
        translate_page(vi_original, english, locale=self.english)
        return {
            "en-original": en_original,
            "vi-translation": twin(en_original, self.vietnamese),
            "vi-original": vi_original,
            "en-translation": twin(vi_original, self.english),
        }

    @cached_property
    def _snippets(self):
        en_original = RelatedAgency.objects.filter(locale=self.english).order_by("pk").first()
        vi_original = RelatedAgency.objects.create(
            locale=self.vietnamese, short_name="SKH", name="Sở Kế hoạch", url="https://a.vn"
        )
        with self.capture(execute=True):
            translate_object(vi_original, [self.english], user=self.superuser)
        return {
            "en-original": en_original,
            "vi-translation": en_original.get_translation(self.vietnamese),
            "vi-original": vi_original,
            "en-translation": vi_original.get_translation(self.english),
        }

    def object(self, kind, name):
        return (self._pages if kind == "page" else self._snippets)[name]

    def target(self, kind, name, action):
        """What ``action`` acts on for the kind of object ``name``: the object,
        or for translating an original a fresh one of its language."""
        language, original = OBJECTS[name]
        if action == "translate" and original:
            return self.fresh(kind, language)
        return self.object(kind, name)

    def fresh(self, kind, language):
        """A new original in ``language``, not yet translated (a page has its
        alias in the other language, as one made in the admin has)."""
        if kind == "snippet":
            names = {"en": ("NEW", "New agency"), "vi": ("MOI", "Cơ quan mới")}[language]
            return RelatedAgency.objects.create(
                locale=self.locales[language], short_name=names[0], name=names[1], url="https://a.org"
            )
        if language == "en":
            return build(StandardPage)
        page = build(StandardPage, self.home["vi"], vietnamese=None, title="Ghi chép", intro="Mới.")
        tree_sync.twin_new_page(page)
        return page


@pytest.fixture
def content(superuser, django_capture_on_commit_callbacks):
    return Content(superuser, django_capture_on_commit_callbacks)


# The actions -----------------------------------------------------------------
# Each takes (client, the object, its kind's name in OBJECTS, content) and
# returns (response, snapshot, before): snapshot() reads the state the action
# would change.


def _fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def _page_state(page):
    row = Page.objects.filter(pk=page.pk).values("title", "draft_title", "live", "alias_of_id", "path").first()
    revisions = Page.objects.get(pk=page.pk).revisions.count() if row else None
    return row, revisions


def _edit_url(obj):
    if isinstance(obj, Page):
        return reverse("wagtailadmin_pages:edit", args=[obj.pk])
    return reverse(obj.snippet_viewset.get_url_name("edit"), args=[obj.pk])


def _title_of(obj):
    return obj.title if isinstance(obj, Page) else obj.name


def _source(obj):
    source = origin.source_of(obj)
    return source.specific if isinstance(source, Page) else source


def _put_string(client, obj):
    """Edit a translation in the translation editor (its API)."""
    source = _source(obj)
    translation, segment = set_string(source, obj.locale, _title_of(source), _title_of(source))
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])

    def snapshot():
        return list(
            StringTranslation.objects.filter(
                translation_of=segment.string, locale=obj.locale, context=segment.context
            ).values_list("data", flat=True)
        )

    before = snapshot()
    body = urlencode({"value": "Bản dịch sửa đổi"})
    return client.generic("PUT", url, body, content_type="application/x-www-form-urlencoded"), snapshot, before


def do_edit(client, obj, name, ctx):
    kind = "page" if isinstance(obj, Page) else "snippet"
    if not OBJECTS[name][1]:  # a translation: edited string by string
        return _put_string(client, obj)
    field = "title" if kind == "page" else "name"
    data = edit_form(ctx.superuser, _edit_url(obj), **{field: "Changed by the matrix"})
    if kind == "page":
        data["slug"] = [obj.slug]

    def snapshot():
        fresh = _fresh(obj)
        return (fresh.draft_title, fresh.latest_revision_id) if kind == "page" else fresh.name

    before = snapshot()
    return client.post(_edit_url(obj), data), snapshot, before


def do_publish(client, obj, name, ctx):
    kind = "page" if isinstance(obj, Page) else "snippet"
    if not OBJECTS[name][1]:  # a translation: wagtail-localize's "Publish"
        source = _source(obj)
        set_string(source, obj.locale, _title_of(source), "Tiêu đề đã duyệt")
        data = {"action": "publish"}
    else:
        field = "title" if kind == "page" else "name"
        data = edit_form(ctx.superuser, _edit_url(obj), **{field: "Published by the matrix"})
        data["action-publish" if kind == "page" else "action"] = ["action-publish" if kind == "page" else "publish"]

    def snapshot():
        return _title_of(_fresh(obj).specific if kind == "page" else _fresh(obj))

    before = snapshot()
    return client.post(_edit_url(obj), data), snapshot, before


def page_view(url_name, to_home=False):
    """An action that POSTs to a view of the page (with the home page of its
    language as a further argument) and changes the page's state."""

    def run(client, page, name, ctx):
        before = _page_state(page)
        args = [page.pk, *([ctx.home[OBJECTS[name][0]].pk] if to_home else [])]
        return client.post(reverse(url_name, args=args)), lambda: _page_state(page), before

    return run


def do_delete(client, obj, name, ctx):
    if isinstance(obj, Page):
        url = reverse("wagtailadmin_pages:delete", args=[obj.pk])
    else:
        url = reverse(obj.snippet_viewset.get_url_name("delete"), args=[obj.pk])

    def snapshot():
        return type(obj).objects.filter(pk=obj.pk).exists()

    before = snapshot()
    return client.post(url), snapshot, before


def do_sync(client, target, name, ctx):
    """Sync the translation from its original, which changed since the last
    sync (saved by someone allowed to)."""
    source = _source(target)
    if isinstance(source, Page):
        source.title = f"{source.title} (updated)"
        source.save_revision().publish()
    else:
        source.name = f"{source.name} (updated)"
        source.save()
    translation_source = TranslationSource.objects.get_for_instance(source)

    def snapshot():
        fresh = _fresh(target)
        return (_title_of(fresh), translation_source.__class__.objects.get(pk=translation_source.pk).last_updated_at)

    before = snapshot()
    url = reverse("wagtail_localize:update_translations", args=[translation_source.pk])
    return client.post(url, {"publish_translations": "on"}), snapshot, before


def do_translate(client, source, name, ctx):
    """An original (a fresh one): into the other language. A translation: a
    forged request to translate it back into its original's language."""
    locale = ctx.locales[OTHER[OBJECTS[name][0]]]
    if isinstance(source, Page):
        url = reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    else:
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[source._meta.app_label, source._meta.model_name, source.pk],
        )

    def snapshot():
        key = source.translation_key
        return (
            list(TranslationSource.objects.filter(object_id=key).values_list("locale_id", flat=True)),
            list(Translation.objects.filter(source__object_id=key).values_list("target_locale_id", "enabled")),
        )

    before = snapshot()
    return client.post(url, {"locales": [locale.pk]}), snapshot, before


def do_bulk(action):
    def run(client, obj, name, ctx):
        if isinstance(obj, Page):
            url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={obj.pk}"
            data = {"chooser": ctx.home[OBJECTS[name][0]].pk} if action == "move" else {}

            def snapshot():
                return _page_state(obj)
        else:
            url = reverse("wagtail_bulk_action", args=[obj._meta.app_label, obj._meta.model_name, action])
            url += f"?id={obj.pk}"
            data = {}

            def snapshot():
                return type(obj).objects.filter(pk=obj.pk).exists()

        before = snapshot()
        return client.post(url, data), snapshot, before

    return run


ACTIONS = {
    "edit": do_edit,
    "publish": do_publish,
    "unpublish": page_view("wagtailadmin_pages:unpublish"),
    "delete": do_delete,
    "move": page_view("wagtailadmin_pages:move_confirm", to_home=True),
    "convert": page_view("wagtail_localize:convert_to_alias"),
    "sync": do_sync,
    "translate": do_translate,
    "bulk_delete": do_bulk("delete"),
    "bulk_publish": do_bulk("publish"),
    "bulk_unpublish": do_bulk("unpublish"),
    "bulk_move": do_bulk("move"),
}


def refused(response):
    if response.status_code in (403, 404):
        return True
    errors = [m for m in get_messages(response.wsgi_request) if m.level == ERROR]
    return response.status_code == 302 and bool(errors)


@pytest.mark.parametrize(("role", "kind", "action"), CASES)
def test_permission_matrix(request, content, role, kind, action, django_capture_on_commit_callbacks):
    user = request.getfixturevalue(role)
    wrong = []
    for name in applies(action):
        # Built before the request, outside its capture of on-commit callbacks
        # (which would run wagtail-localize's publishing a second time).
        obj = content.target(kind, name, action)
        if action == "bulk_publish":  # something to publish: a draft on top of the live page
            obj.title = "Bulk-published draft"
            obj.save_revision(user=content.superuser)
        client = client_for(user)  # a client per request: no message left from the one before
        with django_capture_on_commit_callbacks(execute=True):
            response, snapshot, before = ACTIONS[action](client, obj, name, content)
        after = snapshot()
        messages = [str(m) for m in get_messages(response.wsgi_request)]
        if expected(role, name, kind, action):
            if response.status_code not in (200, 201, 302) or refused(response):
                wrong.append(f"{name}: refused ({response.status_code}, {messages})")
            elif after == before:
                wrong.append(f"{name}: accepted, but the change did not happen")
        elif not refused(response):
            wrong.append(f"{name}: not refused ({response.status_code}, {messages})")
        elif after != before:
            wrong.append(f"{name}: refused, but the database changed")
    assert not wrong, wrong


# Every content-changing admin URL is in the matrix ---------------------------

# URL name → the matrix action that covers it.
COVERED = {
    "wagtailadmin_pages:edit": "edit, publish",
    "wagtailadmin_pages:unpublish": "unpublish",
    "wagtailadmin_pages:delete": "delete",
    "wagtailadmin_pages:move_confirm": "move",
    "wagtail_localize:convert_to_alias": "convert",
    "wagtail_localize:update_translations": "sync",
    "wagtail_localize:submit_page_translation": "translate",
    "wagtail_localize:submit_snippet_translation": "translate",
    "wagtail_localize:edit_string_translation": "edit (translations)",
    "wagtail_bulk_action": "bulk_*",
    "wagtailsnippets_*:edit": "edit, publish",
    "wagtailsnippets_*:delete": "delete",
}
# Views that change content but are left out of the matrix, and why.
EXEMPT = {
    # Creating: the parent page's add permission decides, and it carries the
    # parent's language (tests/test_editorial_roles.py, the add-child column).
    "wagtailadmin_pages:add": "language of the parent",
    "wagtailadmin_pages:add_subpage": "chooses a type, then wagtailadmin_pages:add",
    "wagtailadmin_pages:copy": "add permission on the destination (language-checked)",
    "wagtailsnippets_*:add": "before_create_snippet hook (test_editorial_roles)",
    "wagtailsnippets_*:copy": "is the add view prefilled (before_create_snippet)",
    # Page state other than content: the page's own permission tester, which
    # is language-checked for every page type (LanguagePagePermissionTester).
    "wagtailadmin_pages:move": "chooses a destination, then move_confirm",
    "wagtailadmin_pages:set_page_position": "reorders siblings; can_reorder_children of the parent",
    "wagtailadmin_pages:convert_alias": "Wagtail's alias → page; can_edit of the alias",
    "wagtailadmin_pages:set_privacy": "can_set_view_restrictions",
    "wagtailadmin_pages:lock": "can_lock",
    "wagtailadmin_pages:unlock": "can_unlock",
    "wagtailadmin_pages:revisions_revert": "is the edit view with an old revision",
    "wagtailadmin_pages:revisions_unschedule": "can_unschedule (publish permission)",
    "wagtailadmin_pages:workflow_action": "the workflow task's own reviewers (Moderators)",
    "wagtailadmin_pages:collect_workflow_action_data": "the workflow task's own reviewers",
    "wagtailadmin_pages:confirm_workflow_cancellation": "shows a confirmation only",
    # Translation memory (not what visitors see), language-checked by
    # localize_views._target_language_required like edit_string_translation.
    "wagtail_localize:edit_override": "translation memory, language-checked",
    "wagtail_localize:upload_pofile": "translation memory, language-checked",
    "wagtail_localize:machine_translate": "translation memory, language-checked",
    "wagtail_localize:stop_translation": "switches syncing off, language-checked",
    # Preview and search endpoints POST form data to render, never to save.
    "wagtailadmin_pages:preview_on_add": "renders a preview",
    "wagtailadmin_pages:preview_on_edit": "renders a preview",
}
# Read-only views (GET only), under the same namespaces.
READ_ONLY = {
    "wagtailadmin_pages:type_use",
    "wagtailadmin_pages:type_use_results",
    "wagtailadmin_pages:choose_parent",
    "wagtailadmin_pages:usage",
    "wagtailadmin_pages:view_draft",
    "wagtailadmin_pages:search",
    "wagtailadmin_pages:search_results",
    "wagtailadmin_pages:revisions_index",
    "wagtailadmin_pages:revisions_view",
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_pages:workflow_preview",
    "wagtailadmin_pages:workflow_history",
    "wagtailadmin_pages:workflow_history_detail",
    "wagtailadmin_pages:history",
    "wagtailadmin_pages:history_results",
    "wagtail_localize:javascript_catalog",
    "wagtail_localize:download_pofile",
    "wagtail_localize:preview_translation",
    "wagtail_localize:translations_report",
    "wagtail_localize:translations_report_results",
    "wagtail_localize:snippets_api_listing",
    "wagtail_localize:snippets_api_detail",
    "wagtailsnippets:index",
    "wagtailsnippets_*:list",
    "wagtailsnippets_*:list_results",
    "wagtailsnippets_*:usage",
    "wagtailsnippets_*:history",
    "wagtailsnippets_*:history_results",
}


def admin_url_names():
    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, ":".join(filter(None, [namespace, pattern.namespace])))
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}" if namespace else pattern.name

    for name in walk(get_resolver().url_patterns, ""):
        head = name.split(":")[0]
        if head in ("wagtailadmin_pages", "wagtail_localize", "wagtail_bulk_action") or head.startswith(
            "wagtailsnippets"
        ):
            if head.startswith("wagtailsnippets_"):
                name = "wagtailsnippets_*:" + name.split(":", 1)[1]
            yield name


def test_every_content_changing_admin_url_is_in_the_matrix():
    names = set(admin_url_names())
    unplaced = names - set(COVERED) - set(EXEMPT) - READ_ONLY
    assert not unplaced, f"admin URLs neither in the matrix nor exempted: {sorted(unplaced)}"
    assert set(COVERED) <= names and set(EXEMPT) <= names, "a listed URL name no longer exists"


def test_bulk_actions_on_content_are_those_of_the_matrix():
    def actions(model):
        return {
            a.action_type for a in bulk_action_registry.get_bulk_actions_for_model(*model._meta.label_lower.split("."))
        }

    assert actions(Page) == {"delete", "publish", "unpublish", "move"}
    for model in get_snippet_models():
        if issubclass(model, TranslatableMixin):
            assert actions(model) == {"delete"}, model


def test_our_views_answer_wagtail_localizes_urls():
    """The checked views are the ones Django resolves for wagtail-localize's
    URL names (they are listed before the admin's in eipvn/urls.py)."""
    assert resolve(reverse("wagtail_localize:convert_to_alias", args=[1])).func is localize_views.convert_to_alias
    for name, args in (
        ("edit_string_translation", [1, 1]),
        ("edit_override", [1, 1]),
        ("upload_pofile", [1]),
        ("machine_translate", [1]),
        ("stop_translation", [1]),
    ):
        func = resolve(reverse(f"wagtail_localize:{name}", args=args)).func
        assert func in localize_views.TRANSLATION_TOOLS.values(), name


# Personal data ---------------------------------------------------------------
# Visitors' personal data (contact messages, registrations, subscribers) is for
# Moderators only, in both languages (pages.personal_data). Every admin URL of a
# namespace that holds it is listed here and requested by every role; every
# other admin namespace is classified below with the reason it holds none, so a
# new admin URL that is in neither list fails the suite.

PERSONAL_NAMESPACES = {"wagtailforms", "registrations", "subscribers"}
PERSONAL_DATA_URLS = {
    "wagtailforms:index",
    "wagtailforms:index_results",
    "wagtailforms:list_submissions",  # also ?export=csv and ?export=xlsx
    "wagtailforms:list_submissions_results",
    "wagtailforms:delete_submissions",
    *(
        f"{namespace}:{name}"
        for namespace in ("registrations", "subscribers")
        for name in ("index", "index_results", "edit", "delete", "history", "history_results", "usage", "inspect")
    ),
    "registrations:add",  # nobody adds a person: refused to every role
    "registrations:copy",
    "subscribers:copy",
    "subscribers:suppress",
}
# Nobody adds people's records in the admin; they give their own.
NOBODY = {"registrations:add", "registrations:copy", "subscribers:copy"}
# Wagtail lists the form pages a user may read the messages of: none, for them.
LISTS_NONE = {"wagtailforms:index", "wagtailforms:index_results"}
# Admin namespaces that show no visitor's personal data, and why.
NO_PERSONAL_DATA = {
    "wagtailadmin_pages": "pages (the contact page's messages are behind wagtailforms)",
    "wagtailadmin_api": "pages, images, documents for the admin's choosers",
    "wagtailadmin_collections": "collections",
    "wagtailadmin_editing_sessions": "who of the staff edits the same page",
    "wagtailadmin_workflows": "workflows and tasks",
    "wagtailadmin_reports": "site history names people's records by number (test below); the rest is pages",
    "wagtaildocs": "documents",
    "wagtaildocs_chooser": "documents",
    "wagtailembeds": "embeds",
    "wagtailimages": "images",
    "wagtailimages_chooser": "images",
    "wagtaillocales": "languages",
    "wagtailredirects": "redirects",
    "wagtailsearchpromotions": "search promotions",
    "wagtailsites": "sites",
    "wagtailsnippets": "snippets (a snippet of a personal-data model fails the model check)",
    "wagtailsnippets_*": "footer, team and topic snippets",
    "wagtailsnippetchoosers_*": "footer, team and topic snippets",
    "wagtail_localize": "translations of content",
    "pages_editorial": "translation report",
    "download_counts": "how often each document was downloaded, with no visitor",
    "importer": "spreadsheets of news, events and publications (Moderators; tests/test_import.py)",
    # Staff accounts (names, addresses of staff): superusers only, as Wagtail has it.
    "wagtailusers_users": "staff accounts, superusers only (test below)",
    "wagtailusers_groups": "roles, superusers only",
}
# Admin URLs outside any namespace: Wagtail's own shell, and our two-step pages.
BARE_PREFIXES = ("wagtailadmin_", "two_factor_", "wagtail_bulk_action")
# Unnamed admin routes: our checked wagtail-localize views and Wagtail's fallbacks.
UNNAMED_ROUTES = ("admin/localize/", "admin/test404/", "admin/^.*/$")


def admin_urls():
    """(namespace, name, route, view) of every URL under /admin/."""

    def walk(patterns, route, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = ":".join(filter(None, [namespace, pattern.namespace]))
                yield from walk(pattern.url_patterns, route + str(pattern.pattern), inner)
            elif isinstance(pattern, URLPattern):
                yield namespace, pattern.name, route + str(pattern.pattern), pattern.callback

    for namespace, name, route, view in walk(get_resolver().url_patterns, "", ""):
        if route.startswith("admin/"):
            yield namespace, name, route, view


def _classified_namespace(namespace):
    head = namespace.split(":")[0]
    for wildcard in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if head.startswith(wildcard):
            return f"{wildcard}*"
    return head


def _personal_models():
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from wagtail.contrib.forms.models import FormSubmission

    from events.registration.models import Registration
    from pages.updates.models import Delivery, Subscriber, SubscriberTopic

    return {
        AccessAttempt,
        AccessFailureLog,
        AccessLog,
        FormSubmission,
        Registration,
        Subscriber,
        SubscriberTopic,
        Delivery,
    }


def test_every_admin_url_is_classified_for_personal_data():
    personal, unclassified = set(), []
    for namespace, name, route, view in admin_urls():
        if namespace:
            key = _classified_namespace(namespace)
            if key in PERSONAL_NAMESPACES:
                personal.add(f"{namespace}:{name}")
            elif key not in NO_PERSONAL_DATA:
                unclassified.append(f"{namespace}:{name}")
        elif name:
            if not name.startswith(BARE_PREFIXES):
                unclassified.append(name)
        elif not route.startswith(UNNAMED_ROUTES):
            unclassified.append(route)
        # Wherever it is, a view of a personal-data model is listed (and so tested).
        model = getattr(view, "view_initkwargs", {}).get("model")
        if model in _personal_models() or view.__module__.startswith(("axes", "django.contrib.admin")):
            assert f"{namespace}:{name}" in PERSONAL_DATA_URLS, (namespace, name, route)
    assert not unclassified, f"admin URLs not classified for personal data: {sorted(unclassified)}"
    assert personal == PERSONAL_DATA_URLS, (
        f"listed but gone: {PERSONAL_DATA_URLS - personal}; unlisted: {personal - PERSONAL_DATA_URLS}"
    )


@pytest.fixture
def people(english, vietnamese):
    """Someone's data of each kind, with a name or address found nowhere else."""
    from events.models import EventPage
    from events.registration.models import Registration
    from pages.models import ContactPage
    from pages.updates.models import Subscriber

    contact = {}
    for locale, name in ((english, "Zebulon Quayle"), (vietnamese, "Quynh Zebulon")):
        page = ContactPage.objects.get(locale=locale)
        submission = page.get_submission_class().objects.create(
            page=page, form_data={"name": name, "email": "z@example.net", "message": "Call me."}
        )
        contact[locale.language_code] = (page, submission, name)
    event = EventPage.objects.live().filter(locale=english).order_by("-start").first()
    registration = Registration.objects.create(
        event=event,
        event_key=event.translation_key,
        language="en",
        name="Ottoline Brackwater",
        email="ottoline.b@example.net",
        status=Registration.Status.CONFIRMED,
    )
    subscriber = Subscriber.objects.create(email="yolanda.v@example.net", language="vi", status="confirmed")
    return {"contact": contact, "registration": registration, "subscriber": subscriber}


def personal_data_requests(people):
    """(URL name, method, URL, what the view shows, state it would change) for
    every URL in PERSONAL_DATA_URLS, the contact pages' in both languages."""
    cases = []
    for page, submission, name in people["contact"].values():
        listing = reverse("wagtailforms:list_submissions", args=[page.pk])
        delete = reverse("wagtailforms:delete_submissions", args=[page.pk]) + f"?selected-submissions={submission.pk}"
        exists = type(submission).objects.filter(pk=submission.pk).exists
        cases += [
            ("wagtailforms:index", "get", reverse("wagtailforms:index"), listing, None),
            ("wagtailforms:index_results", "get", reverse("wagtailforms:index_results"), listing, None),
            ("wagtailforms:list_submissions", "get", listing, name, None),
            ("wagtailforms:list_submissions", "get", listing + "?export=csv", name, None),
            ("wagtailforms:list_submissions", "get", listing + "?export=xlsx", None, None),
            ("wagtailforms:list_submissions_results", "get", listing + "results/", name, None),
            ("wagtailforms:delete_submissions", "get", delete, None, None),
            ("wagtailforms:delete_submissions", "post", delete, None, exists),
        ]
    for namespace, obj, shown, change in (
        ("registrations", people["registration"], "Ottoline Brackwater", {"attended": "on"}),
        ("subscribers", people["subscriber"], "yolanda.v@example.net", {"language": "en", "frequency": "weekly"}),
    ):
        model = type(obj)

        def state(model=model, pk=obj.pk):
            return list(model.objects.filter(pk=pk).values())

        index = reverse(f"{namespace}:index")
        cases += [
            (f"{namespace}:index", "get", index, shown, None),
            (f"{namespace}:index", "get", index + "?export=csv", shown, None),
            (f"{namespace}:index", "get", index + "?export=xlsx", None, None),
            (f"{namespace}:index_results", "get", reverse(f"{namespace}:index_results"), shown, None),
            (f"{namespace}:inspect", "get", reverse(f"{namespace}:inspect", args=[obj.pk]), shown, None),
            # The registration's name is a number; its edit page says whose attendance it is.
            (
                f"{namespace}:edit",
                "get",
                reverse(f"{namespace}:edit", args=[obj.pk]),
                shown if namespace == "registrations" else None,
                None,
            ),
            (f"{namespace}:edit", "post", reverse(f"{namespace}:edit", args=[obj.pk]), change, state),
            (f"{namespace}:delete", "get", reverse(f"{namespace}:delete", args=[obj.pk]), None, None),
            (f"{namespace}:delete", "post", reverse(f"{namespace}:delete", args=[obj.pk]), None, state),
            (f"{namespace}:copy", "get", reverse(f"{namespace}:copy", args=[obj.pk]), None, None),
        ]
        for view in ("history", "history_results", "usage"):
            cases.append((f"{namespace}:{view}", "get", reverse(f"{namespace}:{view}", args=[obj.pk]), None, None))
    cases.append(("registrations:add", "get", reverse("registrations:add"), None, None))
    suppress = reverse("subscribers:suppress", args=[people["subscriber"].pk])
    cases += [
        ("subscribers:suppress", "get", suppress, "yolanda.v@example.net", None),
        ("subscribers:suppress", "post", suppress, None, lambda: list(type(people["subscriber"]).objects.values())),
    ]
    return cases


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("role", ["editor", "vi_editor", "translator", "en_translator"])
def test_editors_and_translators_get_no_personal_data(request, people, role):
    client = client_for(request.getfixturevalue(role))
    requested = set()
    for name, method, url, shown, state in personal_data_requests(people):
        requested.add(name)
        before = state() if state else None
        if method == "post":
            response = client.post(url, shown if isinstance(shown, dict) else {})
        else:
            response = client.get(url)
        secrets = [s for _, _, s in people["contact"].values()] + ["Ottoline", "yolanda.v"]
        if name in LISTS_NONE:
            assert response.status_code == 200, (name, url)
            assert shown not in _body(response), (name, url)
        else:
            assert refused(response), (name, url, response.status_code)
            assert not any(secret in _body(response) for secret in secrets), (name, url)
        if state:
            assert state() == before, (name, url, "a refused request changed the database")
    assert requested == PERSONAL_DATA_URLS


def test_moderators_see_export_and_delete_personal_data_in_both_languages(moderator, people):
    client = client_for(moderator)
    for name, method, url, shown, _state in personal_data_requests(people):
        if method == "post":
            continue  # deleting and changing: below and in tests/test_personal_data.py
        response = client.get(url)
        if name in NOBODY:
            assert refused(response), (name, url)
            continue
        assert response.status_code == 200, (name, url, response.status_code)
        if shown:
            assert shown in _body(response), (name, url)
    for page, submission, _name in people["contact"].values():
        url = reverse("wagtailforms:delete_submissions", args=[page.pk]) + f"?selected-submissions={submission.pk}"
        assert client.post(url).status_code == 302
        assert not type(submission).objects.filter(pk=submission.pk).exists()


@pytest.mark.parametrize(
    ("role", "sees"),
    [("editor", False), ("vi_editor", False), ("translator", False), ("en_translator", False), ("moderator", True)],
)
def test_menus_and_the_contact_pages_count_of_messages_only_for_moderators(request, people, role, sees):
    client = client_for(request.getfixturevalue(role))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    for url in ("/admin/forms/", "/admin/registrations/", "/admin/subscribers/"):
        assert (f'"{url}"' in dashboard) is sees, (role, url)
    # The page editor's panel "Total submissions" (a Vietnamese page is edited
    # in wagtail-localize's translation editor, which has no panels).
    page = people["contact"]["en"][0]
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    link = reverse("wagtailforms:list_submissions", args=[page.pk])
    assert (link in edit.content.decode()) is sees, role


def test_site_history_names_peoples_records_by_number(moderator, superuser, people):
    staff = client_for(moderator)
    registration, subscriber = people["registration"], people["subscriber"]
    assert staff.post(reverse("registrations:edit", args=[registration.pk]), {"attended": "on"}).status_code == 302
    data = {"language": "en", "frequency": "weekly"}
    assert staff.post(reverse("subscribers:edit", args=[subscriber.pk]), data).status_code == 302
    for user in (moderator, superuser):
        history = client_for(user).get(reverse("wagtailadmin_reports:site_history")).content.decode()
        assert f"Registration {registration.pk}" in history and f"Subscriber {subscriber.pk}" in history
        assert "Ottoline" not in history and "yolanda.v" not in history


@pytest.mark.parametrize("role", ROLES)
def test_staff_accounts_are_for_superusers_only(request, role):
    client = client_for(request.getfixturevalue(role))
    assert refused(client.get(reverse("wagtailusers_users:index")))
    assert refused(client.get(reverse("wagtailusers_groups:index")))
