"""News' own topics become the site's themes (pages.themes), nothing lost:
every NewsTopic row, in every language, becomes a Theme with the same
translation key, locale, name and slug; every article's topic links become its
themes; its revisions and wagtail-localize's copies of it name the themes
instead of the topic links; the topics' translation records (their
segments and translated strings) and their permissions (the editorial roles)
are handed to the themes. Then the old models go."""

import json

from django.db import migrations
import modelcluster.fields


def plan_themes(topics, existing):
    """Rows for the themes to create: ``topics`` as dicts (pk, translation_key,
    locale_id, name, slug), ``existing`` the {(translation_key, locale_id):
    theme pk} already there. Returns ([theme rows to create], {topic pk: key
    of its theme})."""
    create, theme_of = [], {}
    for topic in sorted(topics, key=lambda row: row["pk"]):
        key = (topic["translation_key"], topic["locale_id"])
        if key not in existing:
            existing[key] = None
            create.append({field: topic[field] for field in ("translation_key", "locale_id", "name", "slug")})
        theme_of[topic["pk"]] = key
    return create, theme_of


def plan_links(links, theme_of, theme_pks):
    """(page id, theme pk) for each (page id, topic pk) link, once each, in their order."""
    pairs = [(page, theme_pks[theme_of[topic]]) for page, topic in links if topic in theme_of]
    return list(dict.fromkeys(pairs))


def rewrite_content(content, topic_theme_pks):
    """An article's serialized content (a revision's, wagtail-localize's copy)
    with its topic links turned into themes."""
    links = content.pop("topic_links", None)
    if links is None:
        return content
    themes = [topic_theme_pks[link["topic"]] for link in links if link.get("topic") in topic_theme_pks]
    content["themes"] = list(dict.fromkeys(themes))
    return content


def move_topics(apps, schema_editor):
    NewsTopic = apps.get_model("news", "NewsTopic")
    NewsPageTopic = apps.get_model("news", "NewsPageTopic")
    NewsPage = apps.get_model("news", "NewsPage")
    Theme = apps.get_model("themes", "Theme")
    topics = list(NewsTopic.objects.values("pk", "translation_key", "locale_id", "name", "slug"))
    existing = {(t.translation_key, t.locale_id): t.pk for t in Theme.objects.all()}
    create, theme_of = plan_themes(topics, existing)
    for row in create:
        theme = Theme.objects.create(**row)
        existing[(theme.translation_key, theme.locale_id)] = theme.pk
    links = NewsPageTopic.objects.order_by("page_id", "sort_order", "pk").values_list("page_id", "topic_id")
    Through = NewsPage._meta.get_field("themes").remote_field.through
    Through.objects.bulk_create(
        [Through(newspage_id=page, theme_id=theme) for page, theme in plan_links(links, theme_of, existing)],
        ignore_conflicts=True,
    )
    topic_theme_pks = {pk: existing[key] for pk, key in theme_of.items()}
    _rewrite_copies(apps, topic_theme_pks)
    _hand_over_translations(apps)
    _hand_over_permissions(apps)


def _content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    return ContentType.objects.get_or_create(app_label=app_label, model=model)[0]


def _rewrite_copies(apps, topic_theme_pks):
    news_page = _content_type(apps, "news", "newspage")
    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type=news_page):
        if "topic_links" in revision.content:
            revision.content = rewrite_content(revision.content, topic_theme_pks)
            revision.save(update_fields=["content"])
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type=news_page):
        content = json.loads(source.content_json)
        if "topic_links" in content:
            source.content_json = json.dumps(rewrite_content(content, topic_theme_pks))
            source.save(update_fields=["content_json"])


def _hand_over_translations(apps):
    """The topics' wagtail-localize records (sources, segments, translated
    strings) now describe the themes of the same translation keys."""
    topic, theme = _content_type(apps, "news", "newstopic"), _content_type(apps, "themes", "theme")
    apps.get_model("wagtail_localize", "TranslatableObject").objects.filter(content_type=topic).update(
        content_type=theme
    )
    apps.get_model("wagtail_localize", "TranslationSource").objects.filter(specific_content_type=topic).update(
        specific_content_type=theme
    )


def _hand_over_permissions(apps):
    """Whoever could add, change or delete topics (Editors, Moderators,
    Translators: pages/migrations/0007_editorial_roles.py) can do so to themes."""
    Permission = apps.get_model("auth", "Permission")
    topic, theme = _content_type(apps, "news", "newstopic"), _content_type(apps, "themes", "theme")
    for old in Permission.objects.filter(content_type=topic):
        codename = old.codename.replace("newstopic", "theme")
        new = Permission.objects.filter(content_type=theme, codename=codename).first()
        if new is None:  # before post_migrate made the themes' own: the same row, renamed
            old.content_type, old.codename = theme, codename
            old.name = old.name.replace("news topic", "theme")
            old.save()
            continue
        for group in old.group_set.all():
            group.permissions.add(new)
        for user in old.user_set.all():
            user.user_permissions.add(new)
        old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_help_texts"),
        ("themes", "0001_themes"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("pages", "0022_content_changes_and_corrections"),
    ]

    operations = [
        migrations.AddField(
            model_name="newspage",
            name="themes",
            field=modelcluster.fields.ParentalManyToManyField(
                blank=True,
                help_text="What the page is about; readers find it on each theme's page and by the theme filter.",
                related_name="+",
                to="themes.theme",
                verbose_name="themes",
            ),
        ),
        # Moving forward only: the themes stay (they are the site's list now).
        migrations.RunPython(move_topics, migrations.RunPython.noop),
        migrations.AlterUniqueTogether(name="newstopic", unique_together=None),
        migrations.RemoveField(model_name="newstopic", name="locale"),
        migrations.DeleteModel(name="NewsPageTopic"),
        migrations.DeleteModel(name="NewsTopic"),
    ]
