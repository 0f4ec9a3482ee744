"""Updates remember the address they went to, so that one address following
a consultation and its topic gets each update once. Existing updates take
their subscription's address; where an address already had the same update
twice (through two subscriptions), the later rows keep no address and stay
as they were, linked to their subscription."""

import django.db.models.deletion
from django.db import migrations, models


def fill_addresses(apps, schema_editor):
    Notification = apps.get_model("subscriptions", "Notification")
    taken = set()
    rows = (
        Notification.objects.filter(subscription__isnull=False)
        .order_by("pk")
        .values_list("pk", "event", "subscription__email")
        .iterator(chunk_size=2000)
    )
    for pk, event, email in rows:
        address = email.strip().lower()
        if (event, address) in taken:
            continue
        taken.add((event, address))
        Notification.objects.filter(pk=pk).update(address=address)


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0002_communications_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="address",
            field=models.EmailField(blank=True, default="", max_length=254),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="notification",
            name="subscription",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="notifications",
                to="subscriptions.subscription",
            ),
        ),
        migrations.RunPython(fill_addresses, migrations.RunPython.noop),
    ]
