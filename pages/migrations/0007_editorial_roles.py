"""Editors, Moderators and Translators, and review before publishing, on every install.

- Editors create and edit English pages, snippets, images and documents, and
  submit them for review.
- Moderators do the same in both languages, approve and publish.
- Translators change Vietnamese pages and snippets only (through the
  translation editor), and submit their work for review.

Page permissions are granted on the root page (so they cover both trees);
the language permissions (pages.edit_en / pages.edit_vi) narrow them to a
language. Wagtail's "Moderators approval" workflow is kept (or recreated) on
the root page so every page goes through a Moderator.
"""

from django.db import migrations

SNIPPETS = [
    ("pages", "partner"),
    ("pages", "relatedagency"),
    ("pages", "teammember"),
    ("news", "newstopic"),
    ("parks", "companyresult"),
]
MEDIA = {
    "editor": ["add", "change", "choose"],
    "moderator": ["add", "change", "delete", "choose"],
    "translator": ["choose"],
}
ROLES = {
    "Editors": {
        "languages": ["en"],
        "pages": ["add", "change"],
        "snippets": ["add", "change", "delete"],
        "media": MEDIA["editor"],
        "translate": False,
    },
    "Moderators": {
        "languages": ["en", "vi"],
        "pages": ["add", "change", "publish", "lock", "unlock", "bulk_delete"],
        "snippets": ["add", "change", "delete"],
        "media": MEDIA["moderator"],
        "translate": True,
    },
    "Translators": {
        "languages": ["vi"],
        "pages": ["change"],
        "snippets": ["change"],
        "media": MEDIA["translator"],
        "translate": True,
    },
}
LANGUAGE_NAMES = {"en": "English", "vi": "Vietnamese"}


def _permission(apps, app_label, model, codename, name=None):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name or codename.replace("_", " ")}
    )
    return permission


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = _permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin")
    submit_translation = _permission(apps, "wagtail_localize", "translation", "submit_translation")

    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        model_permissions = [access_admin]
        model_permissions += [
            _permission(apps, "pages", "editinglanguage", f"edit_{code}", f"Can create and change {LANGUAGE_NAMES[code]} content")
            for code in role["languages"]
        ]
        model_permissions += [
            _permission(apps, app_label, model, f"{action}_{model}")
            for app_label, model in SNIPPETS
            for action in role["snippets"]
        ]
        if role["translate"]:
            model_permissions.append(submit_translation)
        else:
            group.permissions.remove(submit_translation)
        group.permissions.add(*model_permissions)

        if root_page is not None:
            GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
                permission__codename__in=[f"{action}_page" for action in role["pages"]]
            ).delete()
            for action in role["pages"]:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root_page, permission=_permission(apps, "wagtailcore", "page", f"{action}_page")
                )
        if root_collection is not None:
            for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
                for action in role["media"]:
                    permission = _permission(apps, app_label, model, f"{action}_{model}")
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )

    _moderation_workflow(apps, root_page, Group.objects.get(name="Moderators"))


def _moderation_workflow(apps, root_page, moderators):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Task = apps.get_model("wagtailcore", "Task")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")

    workflow, _ = Workflow.objects.get_or_create(name="Moderators approval", defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    if not WorkflowTask.objects.filter(workflow=workflow).exists():
        task = GroupApprovalTask.objects.filter(name="Moderators approval").first()
        if task is None:
            content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
            task = GroupApprovalTask.objects.create(name="Moderators approval", active=True, content_type=content_type)
        task.groups.add(moderators)
        WorkflowTask.objects.create(workflow=workflow, task=Task.objects.get(pk=task.pk), sort_order=0)
    if root_page is not None:
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0006_editing_language"),
        ("news", "0001_initial"),
        ("parks", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
