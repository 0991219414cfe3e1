"""Seed the notice templates in the six languages, and give notices queued before 0002 their state."""

from django.db import migrations


def seed_templates(apps, schema_editor):
    from revmod.notifications.defaults import TEMPLATES

    MessageTemplate = apps.get_model("notifications", "MessageTemplate")
    for code, (name, for_reminders, texts) in TEMPLATES.items():
        MessageTemplate.objects.get_or_create(code=code, defaults={
            "name": name, "for_reminders": for_reminders,
            "subjects": {lang: subject for lang, (subject, _body) in texts.items()},
            "bodies": {lang: body for lang, (_subject, body) in texts.items()},
        })


def state_of_earlier_notices(apps, schema_editor):
    """Notices sent before delivery states existed must not be sent again."""
    Notification = apps.get_model("notifications", "Notification")
    Notification.objects.filter(sent_at__isnull=False).update(state="sent")
    Notification.objects.filter(sent_at__isnull=True, attempts__gt=0).update(state="failed")


class Migration(migrations.Migration):

    dependencies = [("notifications", "0002_delivery_preferences_templates")]

    operations = [
        migrations.RunPython(seed_templates, migrations.RunPython.noop),
        migrations.RunPython(state_of_earlier_notices, migrations.RunPython.noop),
    ]
