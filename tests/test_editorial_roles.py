"""Roles: what Editors, Moderators and Translators can and cannot do, per language:
Editors write originals in their language, Translators translate into theirs."""

import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page, WorkflowPage
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from news.models import NewsCategoryPage, NewsPage
from pages import origin
from pages.models import HomePage, RelatedAgency, StandardPage
from pages.themes.models import Theme

from .editorial import client_for, refused, translation_of, twin, user_in
from .factories import build, section, translate_page

pytestmark = pytest.mark.django_db


SNIPPETS = ["themes.%s_theme", "pages.%s_partner", "pages.%s_relatedagency", "pages.%s_teammember"]
SNIPPETS += ["parks.%s_companyresult"]
MEDIA = ["wagtaildocs.%s_document", "wagtailimages.%s_image"]


def _each(patterns, actions):
    return {pattern % action for pattern in patterns for action in actions}


EDITOR = {"wagtailadmin.access_admin"} | _each(SNIPPETS, ["add", "change", "delete"])
EDITOR |= _each(MEDIA, ["add", "change", "choose", "delete"])  # Wagtail's own grants to "Editors"
TRANSLATOR = {"wagtailadmin.access_admin", "wagtail_localize.submit_translation"} | _each(SNIPPETS, ["change"])
PERSONAL_DATA = _each(["events.%s_registration"], ["view", "change", "delete"])
PERSONAL_DATA |= _each(["updates.%s_subscriber"], ["view", "change", "delete", "suppress"])
PERSONAL_DATA |= {"pages.view_personal_data", "pages.view_jobrun"}
# The old websites' addresses, Settings → Redirects (pages/migrations/0021_moderators_manage_redirects.py).
REDIRECTS = _each(["wagtailredirects.%s_redirect"], ["add", "change", "delete"])
# group → (model permissions, page permissions on the root, collection permissions on the root)
ROLES_BY_LANGUAGE = {
    "Editors (English)": (EDITOR | {"pages.edit_en"}, {"add", "change"}, {"add", "change", "choose"}),
    "Editors (Vietnamese)": (EDITOR | {"pages.edit_vi"}, {"add", "change"}, {"add", "change", "choose"}),
    "Translators (into Vietnamese)": (TRANSLATOR | {"pages.translate_vi"}, {"change"}, {"choose"}),
    "Translators (into English)": (TRANSLATOR | {"pages.translate_en"}, {"change"}, {"choose"}),
    "Moderators": (
        EDITOR
        | PERSONAL_DATA
        | REDIRECTS
        | {"importer.import_content"}
        | {"wagtail_localize.submit_translation"}
        | {f"pages.{action}_{code}" for action in ("edit", "translate") for code in ("en", "vi")},
        {"add", "change", "publish", "lock", "unlock", "bulk_delete"},
        {"add", "change", "choose", "delete"},
    ),
}


def test_every_install_has_the_roles_by_language_and_review_on_all_pages():
    """pages/migrations/0020_roles_by_language.py: the exact permissions of
    every group (the old "Editors" and "Translators" are renamed, not kept)."""
    assert set(Group.objects.values_list("name", flat=True)) == set(ROLES_BY_LANGUAGE)
    for name, (model, pages, media) in ROLES_BY_LANGUAGE.items():
        group = Group.objects.get(name=name)
        found = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
        assert found == model, (name, found ^ model)
        page_grants = GroupPagePermission.objects.filter(group=group).select_related("page", "permission")
        assert {g.page.depth for g in page_grants} == {1}, name
        assert {g.permission.codename.removesuffix("_page") for g in page_grants} == pages, name
        media_grants = GroupCollectionPermission.objects.filter(group=group).select_related("collection", "permission")
        assert {g.collection.depth for g in media_grants} == {1}, name
        found_media = {(g.permission.content_type.app_label, g.permission.codename) for g in media_grants}
        expected_media = {(app, f"{action}_{model}") for app, model in MEDIA_MODELS for action in media}
        assert found_media == expected_media, (name, found_media ^ expected_media)
    workflow = WorkflowPage.objects.get(page__depth=1).workflow
    assert workflow.active
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


MEDIA_MODELS = [("wagtaildocs", "document"), ("wagtailimages", "image")]


def test_the_language_permissions_are_offered_in_the_group_editor():
    from wagtail import hooks

    registered = set()
    for hook in hooks.get_hooks("register_permissions"):
        registered |= set(hook().filter(content_type__model="editinglanguage").values_list("codename", flat=True))
    assert registered == {"edit_en", "edit_vi", "translate_en", "translate_vi"}


OBJECTS = ("en-original", "vi-translation", "vi-original", "en-translation")


@pytest.fixture
def four_pages(english, vietnamese):
    """A page of each kind: English and Vietnamese originals, each with a
    published translation into the other language."""
    en_original = build(StandardPage, vietnamese="translated")
    vi_original = build(StandardPage, section(HomePage, "vi"), vietnamese=None, title="Tin gốc", intro="Bản gốc.")
    english_twin = translate_page(vi_original, {"title": "Original news", "intro": "The original."}, locale=english)
    return {
        "en-original": en_original,
        "vi-translation": twin(en_original, vietnamese),
        "vi-original": vi_original,
        "en-translation": english_twin,
    }


# role fixture → for each of OBJECTS: (edit, publish, add a child page)
MATRIX = {
    "editor": [(True, False, True), (False, False, False), (False, False, False), (False, False, True)],
    "vi_editor": [(False, False, False), (False, False, True), (True, False, True), (False, False, False)],
    "moderator": [(True, True, True)] * 4,
    "translator": [(False, False, False), (True, False, False), (False, False, False), (False, False, False)],
    "en_translator": [(False, False, False), (False, False, False), (False, False, False), (True, False, False)],
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_page_permissions_follow_role_and_language(request, role, four_pages):
    """Writing originals and translating are separate rights: adding a child
    writes an original in the parent's language, whichever the parent is."""
    user = request.getfixturevalue(role)
    client = client_for(user)
    for name, (can_edit, can_publish, can_add) in zip(OBJECTS, MATRIX[role], strict=True):
        page = four_pages[name]
        perms = page.permissions_for_user(user)
        found = (perms.can_edit(), perms.can_publish(), perms.can_add_subpage())
        assert found == (can_edit, can_publish, can_add), name
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        add = client.get(reverse("wagtailadmin_pages:add_subpage", args=[page.pk]))
        assert (edit.status_code == 200) is can_edit, name
        assert (add.status_code == 200) is can_add, name


def test_an_editor_submits_for_review_but_cannot_publish(editor):
    page = build(StandardPage)
    html = client_for(editor).get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_a_translator_cannot_delete_move_or_unpublish_english(translator):
    page = build(StandardPage)
    client = client_for(translator)
    for name in ("delete", "move", "unpublish"):
        assert client.get(reverse(f"wagtailadmin_pages:{name}", args=[page.pk])).status_code != 200, name
    assert Page.objects.filter(pk=page.pk, live=True).exists()


@pytest.mark.parametrize(
    ("role", "language", "allowed"),
    [
        ("editor", "en", True),
        ("editor", "vi", False),
        ("translator", "en", False),
        ("translator", "vi", True),
        ("moderator", "vi", True),
        # The seeded snippets are English originals with Vietnamese translations.
        ("vi_editor", "vi", False),
        ("en_translator", "en", False),
    ],
)
def test_snippets_are_edited_in_the_users_languages(request, role, language, allowed):
    client = client_for(request.getfixturevalue(role))
    agency = RelatedAgency.objects.filter(locale__language_code=language).first()
    response = client.get(reverse(agency.snippet_viewset.get_url_name("edit"), args=[agency.pk]))
    assert (response.status_code == 200) is allowed


def test_translators_cannot_create_snippets_and_editors_only_in_their_language(
    translator, en_translator, editor, vi_editor
):
    add_url = reverse(RelatedAgency.snippet_viewset.get_url_name("add"))
    for user in (translator, en_translator):
        for query in ("", "?locale=en", "?locale=vi"):
            assert client_for(user).get(add_url + query).status_code != 200
    assert client_for(editor).get(add_url).status_code == 200
    assert client_for(editor).get(add_url + "?locale=vi").status_code != 200
    # A Vietnamese editor is sent to the Vietnamese form (Wagtail's default is English).
    response = client_for(vi_editor).get(add_url)
    assert response.status_code == 302 and response.url == add_url + "?locale=vi"
    assert client_for(vi_editor).get(add_url + "?locale=vi").status_code == 200
    assert client_for(vi_editor).get(add_url + "?locale=en").status_code != 200
    data = {"short_name": "SKH", "name": "Sở Kế hoạch và Đầu tư", "url": "https://example.vn", "sort_order": "0"}
    assert refused(client_for(vi_editor).post(add_url, data))  # it would be English
    assert client_for(vi_editor).post(add_url + "?locale=vi", data).status_code == 302
    agency = RelatedAgency.objects.get(name=data["name"])
    assert agency.locale.language_code == "vi" and origin.is_source(agency)


def test_a_translator_cannot_change_an_english_snippet_by_posting(translator, english):
    agency = RelatedAgency.objects.filter(locale=english).first()
    url = reverse(agency.snippet_viewset.get_url_name("edit"), args=[agency.pk])
    client_for(translator).post(url, {"short_name": "Hacked", "name": "Hacked", "url": "https://example.org"})
    agency.refresh_from_db()
    assert agency.short_name != "Hacked"


# The gap in wagtail-localize: its submit view checks one permission only.


@pytest.fixture
def vietnamese_only_page():
    """A page a Moderator wrote in Vietnamese, with no English original."""
    return build(
        StandardPage, section(HomePage, "vi"), vietnamese=None, title="Tin địa phương", intro="Chỉ có tiếng Việt."
    )


# A Translator may not write English, even by translating a Vietnamese page into it.
@pytest.mark.parametrize(("role", "allowed"), [("translator", False), ("moderator", True)])
def test_only_a_moderator_may_translate_vietnamese_into_english(
    request, role, allowed, english, vietnamese_only_page, django_capture_on_commit_callbacks
):
    client = client_for(request.getfixturevalue(role))
    url = reverse("wagtail_localize:submit_page_translation", args=[vietnamese_only_page.pk])
    assert (client.get(url).status_code == 200) is allowed
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"locales": [english.pk]})
    assert refused(response) is not allowed
    assert Page.objects.filter(translation_key=vietnamese_only_page.translation_key, locale=english).exists() is allowed


def test_an_editor_cannot_start_a_vietnamese_translation(editor, vietnamese):
    alias = build(StandardPage)
    url = reverse("wagtail_localize:submit_page_translation", args=[alias.pk])
    response = client_for(editor).post(url, {"locales": [vietnamese.pk]})
    assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")  # Wagtail's "no permission"
    assert twin(alias, vietnamese).alias_of_id == alias.pk


def test_a_translator_can_turn_an_alias_into_a_translation(translator, vietnamese, django_capture_on_commit_callbacks):
    page = build(StandardPage)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(translator).post(url, {"locales": [vietnamese.pk]})
    assert response.status_code == 302
    assert twin(page, vietnamese).alias_of_id is None


def test_a_translators_snippet_translation_waits_for_a_moderator(translator, moderator, vietnamese):
    agency = RelatedAgency.objects.filter(locale=vietnamese).first()
    source = RelatedAgency.objects.get(translation_key=agency.translation_key, locale__language_code="en")
    translation = translation_of(source, vietnamese)
    segment = StringSegment.objects.filter(source=translation.source, string__data=source.name).first()
    StringTranslation.objects.filter(translation_of=segment.string, locale=vietnamese, context=segment.context).update(
        data="Tên mới chờ duyệt"
    )
    url = reverse(agency.snippet_viewset.get_url_name("edit"), args=[agency.pk])
    client_for(translator).post(url, {"action": "publish"})
    agency.refresh_from_db()
    assert agency.name != "Tên mới chờ duyệt"
    client_for(moderator).post(url, {"action": "publish"})
    agency.refresh_from_db()
    assert agency.name == "Tên mới chờ duyệt"


# Issue #17: no publishing around the Moderator ------------------------------


def _unreviewed(obj, vietnamese, text, value):
    """A translator's string, stored in translation memory, not yet reviewed."""
    source, _created = TranslationSource.get_or_create_from_instance(obj)
    segment = StringSegment.objects.filter(source=source, string__data=text).first()
    StringTranslation.objects.update_or_create(
        translation_of=segment.string, locale=vietnamese, context=segment.context, defaults={"data": value}
    )
    return source.translations.filter(target_locale=vietnamese).first()


def test_a_translators_sync_does_not_publish_snippet_translations(translator, english, vietnamese):
    agency = RelatedAgency.objects.filter(locale=english).order_by("pk").first()
    translation = _unreviewed(agency, vietnamese, agency.name, "Tên chưa được duyệt")
    agency.short_name = "Changed in English"
    agency.save()
    url = reverse("wagtail_localize:update_translations", args=[translation.source_id])
    last_sync = translation.source.last_updated_at

    response = client_for(translator).post(url, {"publish_translations": "on"})
    vi_agency = agency.get_translation(vietnamese)
    assert vi_agency.name != "Tên chưa được duyệt" and vi_agency.short_name != "Changed in English"
    assert response.status_code == 302
    assert [m.level_tag for m in get_messages(response.wsgi_request)] == ["error"]
    translation.source.refresh_from_db()
    assert translation.source.last_updated_at == last_sync, "nothing at all was changed"

    # A sync without publishing is theirs to do; it changes nothing live.
    assert client_for(translator).post(url, {}).status_code == 302
    translation.source.refresh_from_db()
    assert translation.source.last_updated_at != last_sync
    vi_agency.refresh_from_db()
    assert vi_agency.name != "Tên chưa được duyệt" and vi_agency.short_name != "Changed in English"


def test_a_translator_cannot_save_a_snippet_translation_through_the_plain_form(translator, english, vietnamese):
    # Stopping the translation (which a translator may do) brings back the
    # plain edit form; saving it would put their text live at once.
    agency = RelatedAgency.objects.filter(locale=vietnamese).order_by("pk").first()
    source = agency.get_translation(english)
    translation = translation_of(source, vietnamese)
    client = client_for(translator)
    stop = reverse("wagtail_localize:stop_translation", args=[translation.pk])
    assert client.post(stop).status_code == 302
    url = reverse(agency.snippet_viewset.get_url_name("edit"), args=[agency.pk])
    response = client.post(url, {"short_name": "Sửa", "name": "Sửa trực tiếp", "url": "https://example.org"})
    assert refused(response)
    agency.refresh_from_db()
    assert agency.name != "Sửa trực tiếp"


@pytest.fixture
def news_with_topic(english, vietnamese):
    """A new English article with a topic, its Vietnamese twin still an
    alias, and an unreviewed Vietnamese name for the topic in translation
    memory."""
    topic = Theme.objects.filter(locale=english).order_by("pk").first()
    article = build(NewsPage, themes=[topic])
    _unreviewed(topic, vietnamese, topic.name, "Chủ đề chưa duyệt")
    return article, topic


def test_translate_publishes_nothing_for_a_translator(
    translator, vietnamese, news_with_topic, django_capture_on_commit_callbacks
):
    article, topic = news_with_topic
    vi_topic = topic.get_translation(vietnamese)
    _unreviewed(article, vietnamese, article.title, "Bài mới chưa duyệt")
    url = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(translator).post(url, {"locales": [vietnamese.pk]})
    assert response.status_code == 302

    vi_article = twin(article, vietnamese)
    assert vi_article.alias_of_id is None, "the translation was started"
    assert vi_article.title == article.title, "what visitors see is unchanged"
    assert vi_article.get_latest_revision_as_object().title == "Bài mới chưa duyệt", "the translation is a draft"
    vi_topic.refresh_from_db()
    assert vi_topic.name != "Chủ đề chưa duyệt", "the related snippet was not overwritten"


# Translating a page with its subtree: a Translator's descendants stay drafts
# under what visitors see; a Moderator's are published.
@pytest.mark.parametrize(("role", "published"), [("translator", False), ("moderator", True)])
def test_translating_a_subtree_publishes_descendants_only_for_a_moderator(
    request, role, published, vietnamese, django_capture_on_commit_callbacks
):
    parent = build(StandardPage)
    child = build(StandardPage, parent)
    _unreviewed(child, vietnamese, child.title, "Ghi chú con")
    url = reverse("wagtail_localize:submit_page_translation", args=[parent.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_for(request.getfixturevalue(role)).post(url, {"locales": [vietnamese.pk], "include_subtree": "on"})
    vi_child = twin(child, vietnamese)
    assert vi_child.get_latest_revision_as_object().title == "Ghi chú con"
    assert vi_child.title == ("Ghi chú con" if published else child.title)


def test_a_vietnamese_translator_cannot_bulk_change_english_pages(translator):
    page = build(StandardPage, build(StandardPage))
    client = client_for(translator)
    for action in ("delete", "unpublish", "publish", "move"):
        url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action]) + f"?id={page.pk}"
        # A destination the page may go to, so only the permission can refuse.
        data = {"chooser": section(HomePage, "en").pk} if action == "move" else {}
        response = client.post(url, data)
        assert response.status_code == 302, action
        fresh = Page.objects.get(pk=page.pk)
        assert (fresh.live, fresh.path) == (page.live, page.path), action


def test_an_english_editor_cannot_bulk_delete_vietnamese_snippets(editor, vietnamese):
    agency = RelatedAgency.objects.filter(locale=vietnamese).first()
    url = reverse("wagtail_bulk_action", args=["pages", "relatedagency", "delete"]) + f"?id={agency.pk}"
    client_for(editor).post(url)
    assert RelatedAgency.objects.filter(pk=agency.pk).exists()


def test_an_editor_cannot_convert_a_vietnamese_page_to_an_alias(editor, translator, vietnamese):
    page = twin(build(StandardPage, vietnamese="translated"), vietnamese)
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    for user in (editor, translator):  # an Editor lacks the language, a Translator the publishing
        assert refused(client_for(user).post(url))
        assert Page.objects.get(pk=page.pk).alias_of_id is None


def test_an_editor_cannot_write_vietnamese_snippet_translations(editor, english, vietnamese):
    agency = RelatedAgency.objects.filter(locale=english).order_by("pk").first()
    translation = translation_of(agency, vietnamese)
    segment = StringSegment.objects.filter(source=translation.source, string__data=agency.name).first()
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    body = urlencode({"value": "Ghi đè"})
    response = client_for(editor).generic("PUT", url, body, content_type="application/x-www-form-urlencoded")
    assert refused(response)
    assert not StringTranslation.objects.filter(data="Ghi đè").exists()


def test_a_forged_publish_on_the_edit_view_is_refused(editor):
    page = build(StandardPage)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    revisions = page.revisions.count()
    response = client_for(editor).post(url, {"title": "Forged", "slug": page.slug, "action-publish": "action-publish"})
    assert refused(response)
    page.refresh_from_db()
    assert page.title != "Forged" and page.revisions.count() == revisions


def test_restarting_a_translation_follows_the_language(editor, translator, english, vietnamese):
    page = build(StandardPage, vietnamese="translated")
    agency = RelatedAgency.objects.filter(locale=english).order_by("pk").first()
    for source, target in ((page, twin(page, vietnamese)), (agency, agency.get_translation(vietnamese))):
        translation = translation_of(source, vietnamese)
        translation.enabled = False
        translation.save(update_fields=["enabled"])
        url = reverse(target.snippet_viewset.get_url_name("edit"), args=[target.pk]) if source is agency else None
        url = url or reverse("wagtailadmin_pages:edit", args=[target.pk])
        assert refused(client_for(editor).post(url, {"localize-restart-translation": "1"}))
        translation.refresh_from_db()
        assert not translation.enabled, source
        client_for(translator).post(url, {"localize-restart-translation": "1"})
        translation.refresh_from_db()
        assert translation.enabled, source


# Roles by language (issue #30) ----------------------------------------------


def test_a_vietnamese_editor_who_translates_into_english_cannot_write_english(english, vietnamese, four_pages):
    """Two roles, two permissions: writing Vietnamese and translating into
    English do not add up to writing English."""
    user = user_in("Editors (Vietnamese)", "Translators (into English)")
    client = client_for(user)
    english_section, vietnamese_section = section(StandardPage, "en"), section(StandardPage, "vi")
    assert not english_section.permissions_for_user(user).can_add_subpage()
    assert vietnamese_section.permissions_for_user(user).can_add_subpage()
    add = reverse("wagtailadmin_pages:add", args=["pages", "standardpage", english_section.pk])
    assert refused(client.get(add))
    response = client.post(add, {"title": "Written in English", "slug": "written-in-english", "action-submit": "1"})
    assert refused(response)
    assert not Page.objects.filter(slug="written-in-english").exists()
    assert client.get(reverse("wagtailadmin_pages:add_subpage", args=[vietnamese_section.pk])).status_code == 200
    # Snippets: no English original either.
    add_snippet = reverse(RelatedAgency.snippet_viewset.get_url_name("add"))
    data = {"short_name": "EN", "name": "English agency", "url": "https://example.org", "sort_order": "0"}
    assert refused(client.post(add_snippet + "?locale=en", data))
    assert not RelatedAgency.objects.filter(name="English agency").exists()
    # What each role brings: Vietnamese originals and English translations, no more.
    expected = {"en-original": False, "vi-translation": False, "vi-original": True, "en-translation": True}
    assert {name: four_pages[name].permissions_for_user(user).can_edit() for name in OBJECTS} == expected


def _create_in_admin(client, model, parent, action, **values):
    """As an editor does: the add form's own fields, filled in, then "Submit"."""
    from .fixtures import get_page
    from .servers import _FormParser

    url = reverse("wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk))
    parser = _FormParser("page-edit-form")
    parser.feed(get_page(client, url))
    response = client.post(url, {**parser.fields, **values, action: action})
    assert response.status_code == 302, response.content.decode()[:2000]
    return model.objects.get(locale=parent.locale, slug=values["slug"])


def _approve(client, page):
    from wagtail.models import WorkflowState

    state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk])
    assert client.post(url, {"comment": ""}).status_code == 302
    state.refresh_from_db()
    assert state.status == "approved"


def test_vietnamese_first_news_written_reviewed_translated_into_english_and_published(
    vi_editor, en_translator, moderator, english, vietnamese, django_capture_on_commit_callbacks
):
    from django.utils import timezone

    from .fixtures import get_page

    title, intro = "Đà Nẵng khởi động chương trình cộng sinh", "Các doanh nghiệp cùng dùng chung nước."
    en_title, en_intro = "Da Nang starts an industrial symbiosis programme", "Companies share water."

    # The Vietnamese editor writes the article in the Vietnamese tree and submits it.
    with django_capture_on_commit_callbacks(execute=True):
        article = _create_in_admin(
            client_for(vi_editor),
            NewsPage,
            section(NewsCategoryPage, "vi"),
            "action-submit",
            title=title,
            slug="da-nang-khoi-dong-cong-sinh",
            intro=intro,
            date=timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        )
    assert origin.is_source(article) and not article.live
    assert article.owner == vi_editor
    # The review goes to the Moderators, as for any page.
    task = article.current_workflow_task
    assert task is not None and list(task.specific.groups.values_list("name", flat=True)) == ["Moderators"]
    alias = twin(article, english)
    assert alias.alias_of_id == article.pk

    # A Moderator approves: the Vietnamese article is live.
    with django_capture_on_commit_callbacks(execute=True):
        _approve(client_for(moderator), article)
    article.refresh_from_db()
    assert article.live and title in get_page(client_for(moderator), article.url)

    # The English translator starts the translation (the alias becomes a page
    # of its own, still showing the Vietnamese text), translates the strings
    # in wagtail-localize's editor and submits the translation for review.
    translator = client_for(en_translator)
    submit = reverse("wagtail_localize:submit_page_translation", args=[article.pk])
    assert [str(english.pk)] == re.findall(r'name="locales" value="(\d+)"', get_page(translator, submit))
    with django_capture_on_commit_callbacks(execute=True):
        response = translator.post(submit, {"locales": [english.pk]})
    assert response.status_code == 302 and not refused(response)
    english_article = twin(article, english)
    assert english_article.alias_of_id is None and english_article.title == title
    translation = translation_of(article, english)
    for source_text, text in ((title, en_title), (intro, en_intro), (article.slug, "da-nang-symbiosis")):
        segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
        response = translator.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": text}),
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
        assert response.status_code in (200, 201), source_text
    review = reverse("pages_editorial:submit_for_review", args=[translation.pk])
    # The button is offered where the translator works (a translation into English).
    listing = get_page(translator, reverse("wagtailadmin_explore", args=[english_article.get_parent().pk]))
    assert review in listing
    with django_capture_on_commit_callbacks(execute=True):
        assert translator.post(review).status_code == 302
    english_article.refresh_from_db()
    assert english_article.title == title, "nothing is live before review"
    assert english_article.current_workflow_task is not None

    # The translator cannot publish it; a Moderator approves and it is live in English.
    assert not english_article.permissions_for_user(en_translator).can_publish()
    with django_capture_on_commit_callbacks(execute=True):
        _approve(client_for(moderator), english_article)
    english_article = twin(article, english)
    assert english_article.live and english_article.title == en_title
    assert en_intro in get_page(client_for(moderator), english_article.url)
    assert origin.is_source(article) and not origin.is_source(english_article)


def test_vietnamese_first_snippet_written_translated_into_english_and_published(
    vi_editor, en_translator, moderator, english, vietnamese, client
):
    from .fixtures import get_page

    def footer(language):
        return get_page(client, f"/{language}/").split("<footer", 1)[1]

    name, short_name = "Ban Quản lý các KCN tỉnh Bắc Ninh", "BQL Bắc Ninh"
    en_name, en_short_name = "Bac Ninh Industrial Zones Authority", "Bac Ninh IZA"
    # The Vietnamese editor adds an agency in Vietnamese: both footers show it, the English one marked Vietnamese.
    add_url = reverse(RelatedAgency.snippet_viewset.get_url_name("add")) + "?locale=vi"
    data = {"short_name": short_name, "name": name, "url": "https://example.vn/bac-ninh", "sort_order": "9"}
    assert client_for(vi_editor).post(add_url, data).status_code == 302
    agency = RelatedAgency.objects.get(name=name)
    assert origin.is_source(agency)
    assert f'<li lang="vi"><a href="{data["url"]}"' in footer("en") and name in footer("vi")

    # A translated snippet is live as soon as it exists, so a Moderator starts the translation;
    # until a string is translated, the English footer still marks it as Vietnamese.
    translator = client_for(en_translator)
    submit = reverse("wagtail_localize:submit_snippet_translation", args=["pages", "relatedagency", agency.pk])
    translator.post(submit, {"locales": [english.pk]})
    assert agency.get_translation_or_none(english) is None
    response = client_for(moderator).post(submit, {"locales": [english.pk]})
    assert response.status_code == 302 and agency.get_translation_or_none(english) is not None
    assert f'<li lang="vi"><a href="{data["url"]}"' in footer("en")
    # The English translator translates it in wagtail-localize's editor; publishing is not theirs.
    translation = translation_of(agency, english)
    for source_text, text in ((name, en_name), (short_name, en_short_name)):
        segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
        response = translator.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": text}),
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
        assert response.status_code in (200, 201), source_text
    english_agency = agency.get_translation(english)
    edit_url = reverse(english_agency.snippet_viewset.get_url_name("edit"), args=[english_agency.pk])
    translator.post(edit_url, {"action": "publish"})
    english_agency.refresh_from_db()
    assert english_agency.name == name and en_name not in footer("en")

    # A Moderator reviews and publishes: the English footer is in English, the Vietnamese one unchanged.
    client_for(moderator).post(edit_url, {"action": "publish"})
    english_agency.refresh_from_db()
    assert english_agency.name == en_name and not origin.is_source(english_agency)
    english_footer = footer("en")
    assert (
        f'<li><a href="{data["url"]}" rel="noopener"><strong>{en_short_name}</strong><br>{en_name}</a>'
        in english_footer
    )
    assert name not in english_footer and name in footer("vi")
