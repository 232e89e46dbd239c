"""E-mail updates take over their models from pages (pages 0018): in Django's
record only, as the tables keep their names and rows (each model's db_table). The
content types change app, keeping their ids, so the e-mail updates page, the
Moderators' permissions and the admin's log still point at them."""

import django.db.models.deletion
import pages.links
import pages.live_data
import pages.signed_tokens
import wagtail.fields
from django.conf import settings
from django.db import migrations, models
from django.db.models import Value
from django.db.models.functions import Replace


MODELS = ['subscribepage', 'subscriber', 'subscribertopic', 'suppressedaddress', 'announcement', 'delivery']


def relabel(apps, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if ContentType.objects.filter(app_label=old, model=model).exists():
            # A content type made for the new app in the meantime (a `migrate pages`
            # run first makes them) is unused: the old one, with its grants, stays.
            ContentType.objects.filter(app_label=new, model=model).delete()
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)
    # The mail still waiting is tied to its subscriber by "<app>.<model>:<pk>" (pages.mail.outbox).
    OutgoingMail = apps.get_model("pages", "OutgoingMail")
    OutgoingMail.objects.filter(about__startswith=f"{old}.subscriber:").update(
        about=Replace("about", Value(f"{old}.subscriber:"), Value(f"{new}.subscriber:"))
    )


def forwards(apps, schema_editor):
    relabel(apps, "pages", "updates")


def backwards(apps, schema_editor):
    relabel(apps, "updates", "pages")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('pages', '0018_move_updates_and_opendata'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='SubscribePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', models.TextField(blank=True, help_text='One or two sentences shown under the title.', max_length=600, verbose_name='introduction')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('key_figures', 17), ('call_to_action', 23), ('document', 26), ('embed', 27), ('live_data', 29)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'H2'), ('h3', 'H3'), ('h4', 'H4')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'description': 'Text with bold, italic, links and lists.', 'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'icon': 'pilcrow', 'label': 'Paragraph', 'preview_value': '<p>Eco-industrial parks share water, energy and by-products.</p>', 'template': 'blocks/paragraph.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 300, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'max_length': 200, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200, 'required': False}), 11: ('wagtail.blocks.DecimalBlock', (), {'decimal_places': 2, 'label': 'Number'}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Unit', 'max_length': 40, 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'What it measures', 'max_length': 200}), 14: ('wagtail.blocks.CharBlock', (), {'help_text': 'Say whether the figure is "reported" or "estimated", and its source.', 'label': 'Note', 'max_length': 200, 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('value', 11), ('unit', 12), ('label', 13), ('note', 14)]], {}), 16: ('wagtail.blocks.ListBlock', (15,), {'label': 'Figures'}), 17: ('wagtail.blocks.StructBlock', [[('heading', 10), ('figures', 16)]], {}), 18: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 19: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 20: ('wagtail.blocks.URLBlock', (), {'label': 'Or an address elsewhere', 'required': False}), 21: ('wagtail.blocks.StructBlock', [[('page', 19), ('url', 20)]], {'label': 'Link'}), 22: ('wagtail.blocks.CharBlock', (), {'label': 'Button label', 'max_length': 60}), 23: ('wagtail.blocks.StructBlock', [[('heading', 0), ('text', 18), ('link', 21), ('button_label', 22)]], {}), 24: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 25: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the document's title.", 'label': 'Title', 'max_length': 200, 'required': False}), 26: ('wagtail.blocks.StructBlock', [[('document', 24), ('title', 25)]], {}), 27: ('pages.blocks.ResilientEmbedBlock', (), {}), 28: ('wagtail.blocks.ChoiceBlock', [], {'choices': pages.live_data.choices, 'label': 'What to show'}), 29: ('wagtail.blocks.StructBlock', [[('source', 28)]], {})}, help_text='The main content: text, headings, images, figures and documents, in reading order.', verbose_name='body')),
                    ],
                    options={
                        'verbose_name': 'e-mail updates page',
                        'db_table': 'pages_subscribepage',
                    },
                    bases=(pages.links.SafeLinksMixin, 'wagtailcore.page'),
                ),
                migrations.CreateModel(
                    name='SuppressedAddress',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('address_hash', models.CharField(max_length=64, unique=True)),
                        ('reason', models.CharField(choices=[('unsubscribed', 'Unsubscribed'), ('staff', 'Suppressed by staff')], max_length=20)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'verbose_name': 'suppressed address',
                        'db_table': 'pages_suppressedaddress',
                    },
                ),
                migrations.CreateModel(
                    name='Announcement',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('topic', models.CharField(max_length=30)),
                        ('language', models.CharField(max_length=5)),
                        ('created_at', models.DateTimeField(db_index=True)),
                        ('status', models.CharField(choices=[('pending', 'pending'), ('done', 'done'), ('withdrawn', 'withdrawn')], default='pending', max_length=10)),
                        ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
                    ],
                    options={
                        'verbose_name': 'announcement',
                        'db_table': 'pages_announcement',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Subscriber',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('email', models.EmailField(help_text='Given and confirmed by the subscriber; not changed here.', max_length=254, unique=True, verbose_name='e-mail')),
                        ('language', models.CharField(choices=[('en', 'English'), ('vi', 'Tiếng Việt')], help_text='The language of the e-mails, and of the pages they announce.', max_length=5, verbose_name='language')),
                        ('frequency', models.CharField(choices=[('immediate', 'One e-mail for each publication'), ('daily', 'A daily digest'), ('weekly', 'A weekly digest')], default='immediate', help_text='One e-mail for each publication, or a digest once a day or once a week.', max_length=10, verbose_name='frequency')),
                        ('status', models.CharField(choices=[('pending', 'Waiting for confirmation'), ('confirmed', 'Confirmed')], default='pending', editable=False, max_length=10, verbose_name='status')),
                        ('key', models.CharField(default=pages.signed_tokens.new_key, editable=False, max_length=32)),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='subscribed at')),
                        ('confirmed_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='confirmed at')),
                        ('covered_until', models.DateTimeField(blank=True, editable=False, null=True)),
                    ],
                    options={
                        'verbose_name': 'subscriber',
                        'verbose_name_plural': 'subscribers',
                        'db_table': 'pages_subscriber',
                        'ordering': ['-created_at', 'pk'],
                        'permissions': [('suppress_subscriber', "Can suppress a subscriber's address")],
                        'indexes': [models.Index(fields=['status', 'language', 'frequency'], name='pages_subsc_status_e01423_idx')],
                    },
                ),
                migrations.CreateModel(
                    name='Delivery',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('key', models.CharField(max_length=40)),
                        ('state', models.CharField(choices=[('sending', 'sending'), ('sent', 'sent'), ('failed', 'failed')], default='sending', max_length=10)),
                        ('created_at', models.DateTimeField(auto_now_add=True, db_index=True)),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('announcements', models.ManyToManyField(related_name='deliveries', to='updates.announcement')),
                        ('subscriber', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='deliveries', to='updates.subscriber')),
                    ],
                    options={
                        'verbose_name': 'delivery',
                        'db_table': 'pages_delivery',
                        'indexes': [models.Index(fields=['state', 'created_at'], name='pages_deliv_state_a2c7b7_idx')],
                        'constraints': [models.UniqueConstraint(fields=('subscriber', 'key'), name='one_message_per_subscriber_key')],
                    },
                ),
                migrations.CreateModel(
                    name='SubscriberTopic',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('topic', models.CharField(help_text='News, events or publications.', max_length=30, verbose_name='topic')),
                        ('subscriber', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.CASCADE, related_name='topics', to='updates.subscriber')),
                    ],
                    options={
                        'verbose_name': 'topic',
                        'db_table': 'pages_subscribertopic',
                        'indexes': [models.Index(fields=['topic'], name='pages_subsc_topic_8729fb_idx')],
                        'constraints': [models.UniqueConstraint(fields=('subscriber', 'topic'), name='one_row_per_subscriber_topic')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forwards, backwards),
    ]
