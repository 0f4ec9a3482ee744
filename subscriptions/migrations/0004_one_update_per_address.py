# The constraint comes in its own migration, after the addresses are filled in
# (PostgreSQL refuses to alter a table with updates pending in the same
# transaction).

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0003_notification_address"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="notification",
            constraint=models.UniqueConstraint(
                fields=("event", "address"),
                condition=~models.Q(address=""),
                name="subscriptions_one_per_address_and_event",
            ),
        ),
    ]
