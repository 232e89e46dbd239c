"""Open data takes over its models from pages (pages 0018): in Django's record
only, as the tables keep their names and rows (each model's db_table). The
content types change app, keeping their ids, so the Data page still points at them."""

import django.db.models.deletion
import pages.links
import pages.live_data
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


MODELS = ['datapage', 'datasetchange']


def relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if ContentType.objects.filter(app_label=old, model=model).exists():
            # A content type made for the new app in the meantime (a `migrate pages`
            # run first makes them) is unused: the old one, with its grants, stays.
            ContentType.objects.filter(app_label=new, model=model).delete()
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def forwards(apps, schema_editor):
    relabel(apps, "pages", "opendata")


def backwards(apps, schema_editor):
    relabel(apps, "opendata", "pages")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('pages', '0018_move_updates_and_opendata'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DataPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='One or two sentences shown under the title.', max_length=600, verbose_name='introduction')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('key_figures', 17), ('call_to_action', 23), ('document', 26), ('embed', 27), ('live_data', 29)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'H2'), ('h3', 'H3'), ('h4', 'H4')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': 'Text with bold, italic, links and lists.', 'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'icon': 'pilcrow', 'label': 'Paragraph', 'preview_value': '<p>Eco-industrial parks share water, energy and by-products.</p>', 'template': 'blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 200, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200, 'required': False}), 11: ('wagtail.blocks.DecimalBlock', (), {'decimal_places': 2, 'label': 'Number'}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Unit', 'max_length': 40, 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'What it measures', 'max_length': 200}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'Say whether the figure is "reported" or "estimated", and its source.', 'label': 'Note', 'max_length': 200, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('value', 11), ('unit', 12), ('label', 13), ('note', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'Figures'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 10), ('figures', 16)]], {}), 18: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 19: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 20: ('wagtail.blocks.URLBlock', (), {'label': 'Or an address elsewhere', 'required': False}), 21: ('wagtail.blocks.StructBlock', [[('page', 19), ('url', 20)]], {'label': 'Link'}), 22: ('wagtail.blocks.CharBlock', (), {'label': 'Button label', 'max_length': 60}), 23: ('wagtail.blocks.StructBlock', [[('heading', 0), ('text', 18), ('link', 21), ('button_label', 22)]], {}), 24: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the document's title.", 'label': 'Title', 'max_length': 200, 'required': False}), 26: ('wagtail.blocks.StructBlock', [[('document', 24), ('title', 25)]], {}), 27: ('pages.blocks.ResilientEmbedBlock', (), {}), 28: ('wagtail.blocks.ChoiceBlock', [], {'choices': pages.live_data.choices, 'label': 'What to show'}), 29: ('wagtail.blocks.StructBlock', [[('source', 28)]], {})}, help_text='The main content: text, headings, images, figures and documents, in reading order.', verbose_name='body')),
                    ],
                    options={
                        'verbose_name': 'open data page',
                        'db_table': 'pages_datapage',
                    },
                    bases=(pages.links.SafeLinksMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='DatasetChange',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('dataset', models.CharField(max_length=40)),
                        ('language', models.CharField(max_length=10)),
                        ('digest', models.CharField(max_length=64)),
                        ('at', models.DateTimeField()),
                        ('rows', models.PositiveIntegerField()),
                        ('added', models.PositiveIntegerField(default=0)),
                        ('removed', models.PositiveIntegerField(default=0)),
                        ('changed', models.PositiveIntegerField(default=0)),
                        ('first', models.BooleanField(default=False)),
                        ('row_hashes', models.JSONField(default=dict)),
                    ],
                    options={
                        'verbose_name': 'dataset change',
                        'db_table': 'pages_datasetchange',
                        'indexes': [models.Index(fields=['dataset', 'language', '-at'], name='pages_datas_dataset_a052f3_idx'), models.Index(fields=['language', '-at'], name='pages_datas_languag_d487d6_idx')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
