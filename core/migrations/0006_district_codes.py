"""The survey's area question asks for the council's own districts, kept in
Council details. Until now every council was asked Leicestershire's seven,
hard-coded, so answers already stored are under those codes: a council whose
list is still empty gets them, with their codes, so that nothing stored loses
its meaning. Staff can then replace them with their own districts."""

import core.models.settings
from django.db import migrations, models

LEICESTERSHIRE = """Blaby
Charnwood
Harborough
Hinckley and Bosworth | hinckley_bosworth
Melton
North West Leicestershire
Oadby and Wigston | oadby_wigston"""


def fill_empty_lists(apps, schema_editor):
    CouncilSettings = apps.get_model("core", "CouncilSettings")
    CouncilSettings.objects.filter(districts="").update(districts=LEICESTERSHIRE)


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0005_council_languages_districts_colour'),
    ]

    operations = [
        migrations.AlterField(
            model_name='councilsettings',
            name='districts',
            field=models.TextField(blank=True, help_text="The council's districts (or boroughs), one a line, in the order residents should see them: the choices of the survey's area question, the officers' area filter, the case-study filter and the areas a consultation covers. Answers are kept under a code made from the name (Hinckley and Bosworth: hinckley_and_bosworth); to rename a district that has answers, keep its code after a bar: 'Hinckley & Bosworth | hinckley_and_bosworth'.", validators=[core.models.settings.validate_districts]),
        ),
        migrations.RunPython(fill_empty_lists, migrations.RunPython.noop),
    ]
