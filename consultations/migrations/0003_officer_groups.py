"""The three groups the consultation permissions are built around.

Editors build surveys but see no answers; analysts see and export answers
(equality answers only as totals); equality-data holders see equality answers.
Site administrators add people to them under Settings → Groups, and give
"Consultation editors" page permissions on the consultations they run.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = {
    "Consultation editors": [("wagtailadmin", "admin", "access_admin")],
    "Consultation analysts": [
        ("wagtailadmin", "admin", "access_admin"),
        ("consultations", "response", "view_response_answers"),
        ("consultations", "response", "delete_response"),
    ],
    "Equality data": [
        ("wagtailadmin", "admin", "access_admin"),
        ("consultations", "response", "view_equality_answers"),
    ],
}


def add_groups(apps, schema_editor):
    # Permissions are normally made after all migrations; make ours now.
    app_config = apps.get_app_config("consultations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, permissions in GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, model, codename in permissions:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label,
                    content_type__model=model,
                    codename=codename,
                )
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("consultations", "0002_officers"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(add_groups, remove_groups)]
