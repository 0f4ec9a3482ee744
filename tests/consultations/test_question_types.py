"""The question types: the registry, and what each type does with an answer
from the moment it is posted to the officers' figures and exports."""

import datetime
import random
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.template.loader import get_template

from consultations.factories import every_type_survey, random_answers, random_response
from consultations.officers import exports
from consultations.officers.results import Summary, responses_to
from consultations.survey import definitions as d
from consultations.survey.structure import SectionBlock, SurveyBlock, survey_from_stream
from consultations.survey.types import registry
from consultations.survey.types.base import QuestionType

BUILT_IN = [
    "short_text",
    "long_text",
    "single_choice",
    "multiple_choice",
    "dropdown",
    "agreement",
    "grid",
    "ranking",
    "number",
    "date",
    "email",
    "postcode",
    "yes_no",
    "area",
    "consent",
]


def every_type():
    """The every-type survey as residents answer it."""
    return survey_from_stream(SurveyBlock().to_python(every_type_survey()))


# The registry ------------------------------------------------------------------


def test_the_registry_holds_every_type_in_the_editors_order():
    assert registry.names() == BUILT_IN
    assert list(SectionBlock().child_blocks["questions"].child_blocks) == BUILT_IN


def test_every_type_is_one_class_with_its_block_and_template():
    for kind in registry.all_types():
        assert isinstance(kind, QuestionType)
        assert registry.get(kind.name) is kind
        assert kind.block().name == "" and registry.blocks[kind.name].name == kind.name
        get_template(kind.get_template())  # exists
        get_template(kind.summary_template)


def test_flags_replace_the_lists_of_type_names():
    assert registry.names_where(single_valued_choice=True) == [
        "single_choice",
        "dropdown",
        "agreement",
        "yes_no",
        "area",
    ]
    assert registry.names_where(revealable=True) == [
        "short_text",
        "dropdown",
        "number",
        "email",
        "postcode",
    ]
    assert registry.names_where(offers_other=True) == ["single_choice", "multiple_choice"]
    assert registry.names_where(always_personal=True) == ["email", "postcode"]
    assert registry.names_where(free_text=True) == ["short_text", "long_text"]
    assert set(registry.names_where(countable=False)) == {
        "short_text",
        "long_text",
        "number",
        "date",
        "email",
        "postcode",
    }


def test_a_name_is_registered_once_and_unknown_names_are_refused():
    class Again(QuestionType):
        name = "grid"

    with pytest.raises(ValueError):
        registry.register(Again)
    with pytest.raises(KeyError):
        registry.get("no_such_type")
    registry.unregister("no_such_type")  # harmless


def test_each_type_has_a_template_file_of_its_own():
    folder = Path(settings.BASE_DIR) / "templates" / "components" / "survey" / "questions"
    assert sorted(path.stem for path in folder.glob("*.html")) == sorted(BUILT_IN)


# One answer, all the way round ---------------------------------------------------------


class NoThemes:
    def all(self):
        return []


def as_answers(rows):
    """Stored rows as the Answer-like objects the types read back."""
    blank = {"item_key": "", "option_code": "", "text": "", "number": None, "date": None}
    return [
        SimpleNamespace(
            **{**blank, **row, "themes": NoThemes()},
        )
        for row in rows
    ]


@pytest.mark.parametrize("seed", range(5))
def test_a_random_answer_is_stored_read_back_and_put_into_words(seed):
    survey = every_type()
    rng = random.Random(seed)
    for key, (value, other_text) in random_answers(survey, rng).items():
        question = survey.question(key)
        kind = registry.type_of(question)
        rows = kind.answer_rows(question, value, other_text)
        assert rows and all(row["question_type"] == kind.name for row in rows)
        assert kind.from_rows(question, as_answers(rows)) == (value, other_text), key
        lines = kind.words(question, value, other_text)
        assert lines and all(isinstance(line, str) and line for line in lines), key
        for row in rows:
            if row.get("option_code"):
                assert row["option_code"] in kind.answer_codes(question), key


def test_answers_read_the_same_in_words_for_residents_and_officers():
    from consultations.officers.views import describe_answers
    from consultations.survey.forms import answer_lines

    survey = every_type()
    answers = random_answers(survey, random.Random(3))
    for key, (value, other_text) in answers.items():
        question = survey.question(key)
        stored = as_answers(registry.type_of(question).answer_rows(question, value, other_text))
        resident = answer_lines(question, {key: value}, {key: other_text} if other_text else {})
        officer = [text for text, _themes in describe_answers(question, stored)]
        assert resident == officer, key


def test_words_of_each_kind_of_answer():
    survey = every_type()

    def words(key, value, other=""):
        question = survey.question(key)
        return registry.type_of(question).words(question, value, other)

    assert words("overall", "agree") == ["Agree"]
    assert words("involved", d.OTHER_CODE, "A choir") == ["Something else: A choir"]
    assert words("activities", ["clubs", "other"], "Choir") == ["Clubs", "Other: Choir"]
    assert words("principles", {"prevention": "agree"}) == ["Prevention: Agree"]
    assert words("ranking", {"parks": 2, "buses": 1, "libraries": 3}) == [
        "1. Buses",
        "2. Parks",
        "3. Libraries",
    ]
    assert words("hours", 12) == ["12"]
    assert words("started", datetime.date(2019, 3, 5)) == ["5 March 2019"]
    assert words("consent", True) == ["Yes, I agree"]
    assert words("postcode", "LE3 8RA") == ["LE3 8RA"]


@pytest.mark.django_db
def test_random_responses_are_summarised_and_exported_by_their_types(consultation):
    rng = random.Random(11)
    made = [random_response(consultation, rng)[1] for _n in range(6)]
    survey = consultation.survey_definition
    # A threshold of 1, so that six responses show their figures.
    summary = Summary(consultation, responses_to(consultation), threshold=1)
    by_key = {item.question.key: item for item in summary.questions()}
    for key in made[0]:
        assert by_key[key].answered == 6, key
    overall = {f.code: f.count for f in by_key["overall"].figures}
    for code in survey.question("overall").option_codes():
        assert overall[code] == sum(1 for answers in made if answers["overall"][0] == code)
    hours = [answers["hours"][0] for answers in made]
    assert (by_key["hours"].minimum, by_key["hours"].maximum) == (min(hours), max(hours))

    columns = exports.survey_columns(survey)
    header, *rows = list(exports.rows(responses_to(consultation), columns))
    for row in rows:
        cells = dict(zip(header, row, strict=True))
        assert cells["overall"] in {o.code for o in survey.question("overall").options}
        assert isinstance(cells["hours"], int)
        assert cells["consent"] == "yes"
        assert cells["postcode"].startswith("LE")


def test_the_survey_package_has_no_import_cycles():
    import ast

    root = Path(settings.BASE_DIR) / "consultations" / "survey"
    modules = {}
    for path in root.rglob("*.py"):
        parts = path.relative_to(settings.BASE_DIR).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
        imported = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - max(node.level - 1, 0)]
                module = ".".join([*base, node.module] if node.module else base)
                if not node.level:
                    module = node.module or ""
                for alias in node.names:
                    target = f"{module}.{alias.name}"
                    imported.add(target if target in modules else module)
        graph[name] = {target for target in imported if target in modules} - {name}

    def reaches(start, goal, seen):
        for target in graph[start]:
            if target == goal or (target not in seen and reaches(target, goal, seen | {target})):
                return True
        return False

    assert [name for name in graph if reaches(name, name, set())] == []
