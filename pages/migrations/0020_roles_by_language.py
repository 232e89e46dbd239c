"""Roles by language (issue #30): either language may be written first.

- ``pages.edit_<lang>`` now means "write originals in <lang>" and the new
  ``pages.translate_<lang>`` "change translations into <lang>"
  (pages.editorial.languages).
- "Editors" becomes "Editors (English)"; "Editors (Vietnamese)" is new, with the
  same page, snippet, image and document permissions and edit_vi instead of
  edit_en.
- "Translators" becomes "Translators (into Vietnamese)": edit_vi is replaced by
  translate_vi; "Translators (into English)" is new, the same with translate_en.
- Moderators gain translate_en and translate_vi (they write both languages already).

Groups are renamed, not recreated, so their members, grants made by other
migrations (events 0004/0008, pages 0014/0016/0017) and view restrictions stay.
This migration runs after every migration that grants by group name. If a group
with a new name already exists, the old one is left as it is. The reverse
renames back, restores edit_vi to Translators and deletes the two new groups
(their members lose them) and the translate permissions.
"""

from django.db import migrations

RENAMED = {"Editors": "Editors (English)", "Translators": "Translators (into Vietnamese)"}
# new group: (group it copies, language permission taken away, language permission given)
COPIES = {
    "Editors (Vietnamese)": ("Editors (English)", "edit_en", "edit_vi"),
    "Translators (into English)": ("Translators (into Vietnamese)", "translate_vi", "translate_en"),
}
NAMES = {
    "edit_en": ("Can write English originals", "Can create and change English content"),
    "edit_vi": ("Can write Vietnamese originals", "Can create and change Vietnamese content"),
    "translate_en": ("Can translate content into English", None),
    "translate_vi": ("Can translate content into Vietnamese", None),
}


def _language_permission(apps, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="pages", model="editinglanguage")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": NAMES[codename][0]}
    )
    return permission


def _rename(Group, old, new):
    if Group.objects.filter(name=old).exists() and not Group.objects.filter(name=new).exists():
        Group.objects.filter(name=old).update(name=new)


def _copy_group(apps, source, name, remove, add):
    """A new group with ``source``'s permissions (model, page and collection),
    language permission ``remove`` swapped for ``add``."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group, created = Group.objects.get_or_create(name=name)
    if not created:
        return group
    group.permissions.add(*source.permissions.exclude(pk=remove.pk))
    group.permissions.add(add)
    for grant in GroupPagePermission.objects.filter(group=source):
        GroupPagePermission.objects.get_or_create(group=group, page_id=grant.page_id, permission_id=grant.permission_id)
    for grant in GroupCollectionPermission.objects.filter(group=source):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection_id=grant.collection_id, permission_id=grant.permission_id
        )
    return group


def roles_by_language(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    permission = {codename: _language_permission(apps, codename) for codename in NAMES}
    for codename in ("edit_en", "edit_vi"):
        permission[codename].name = NAMES[codename][0]
        permission[codename].save(update_fields=["name"])

    for old, new in RENAMED.items():
        _rename(Group, old, new)
    translators = Group.objects.filter(name="Translators (into Vietnamese)").first()
    if translators is not None:
        translators.permissions.remove(permission["edit_vi"])
        translators.permissions.add(permission["translate_vi"])
    for name, (source_name, remove, add) in COPIES.items():
        source = Group.objects.filter(name=source_name).first()
        if source is not None:
            _copy_group(apps, source, name, permission[remove], permission[add])
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is not None:
        moderators.permissions.add(permission["translate_en"], permission["translate_vi"])


def back_to_three_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Group.objects.filter(name__in=COPIES).delete()
    for old, new in RENAMED.items():
        _rename(Group, new, old)
    translators = Group.objects.filter(name="Translators").first()
    if translators is not None:
        translators.permissions.add(_language_permission(apps, "edit_vi"))
    Permission.objects.filter(
        content_type__app_label="pages", content_type__model="editinglanguage", codename__startswith="translate_"
    ).delete()
    for codename in ("edit_en", "edit_vi"):
        Permission.objects.filter(content_type__app_label="pages", codename=codename).update(name=NAMES[codename][1])


class Migration(migrations.Migration):
    # After every migration that grants or takes away by group name.
    dependencies = [
        ("pages", "0019_segment_changes"),
        ("events", "0008_registrations_for_moderators_only"),
        ("updates", "0001_initial"),
        ("opendata", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="editinglanguage",
            options={
                "default_permissions": (),
                "managed": False,
                "permissions": [
                    ("edit_en", "Can write English originals"),
                    ("edit_vi", "Can write Vietnamese originals"),
                    ("translate_en", "Can translate content into English"),
                    ("translate_vi", "Can translate content into Vietnamese"),
                ],
                "verbose_name": "editing language",
            },
        ),
        migrations.RunPython(roles_by_language, back_to_three_roles),
    ]
