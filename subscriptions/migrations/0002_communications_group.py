from django.contrib.auth.management import create_permissions
from django.db import migrations

# "Communications": staff who see how many people get email updates (a panel
# on the admin dashboard), never who they are.
COMMUNICATIONS = "Communications"


def add_group(apps, schema_editor):
    app_config = apps.get_app_config("subscriptions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=COMMUNICATIONS)
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="subscriptions", codename="view_subscriber_counts"
        ),
    )


def remove_group(apps, schema_editor):
    # Going back empties the group rather than deleting it (as the "Data
    # entry" group's migration does): going forward fills it again.
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=COMMUNICATIONS):
        group.permissions.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(add_group, remove_group)]
