"""Saved part-way surveys no longer keep equality answers beside an email
address: remove them from those saved before the change. The resident is asked
the equality questions again when they come back; every other answer is kept."""

from django.db import migrations

EQUALITY_SECTION_KEY = "equality"


def drop_equality_answers(apps, schema_editor):
    SavedSurvey = apps.get_model("consultations", "SavedSurvey")
    for saved in SavedSurvey.objects.all().iterator():
        answers = saved.answers or {}
        done = saved.done or []
        if EQUALITY_SECTION_KEY in answers or EQUALITY_SECTION_KEY in done:
            saved.answers = {k: v for k, v in answers.items() if k != EQUALITY_SECTION_KEY}
            saved.done = [k for k in done if k != EQUALITY_SECTION_KEY]
            saved.save(update_fields=["answers", "done"])


class Migration(migrations.Migration):
    dependencies = [("consultations", "0005_easy_read_check_languages_from_settings")]

    operations = [migrations.RunPython(drop_equality_answers, migrations.RunPython.noop)]
