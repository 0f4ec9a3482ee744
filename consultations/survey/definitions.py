"""What a survey is, separate from the blocks it is edited with.

A survey is a list of sections; a section is a list of questions. Every question
and every option has a stable key (lower_snake_case) that never changes when the
wording is translated or simplified: stored answers use the keys only.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# What the question types share ---------------------------------------------------
# Everything else about each type (its block, rules, template, figures and
# export columns) is in ``types/``; ask ``types.registry`` for it.

# The code stored for "Other, please specify".
OTHER_CODE = "other"
SHORT_TEXT_MAX = 200
OTHER_TEXT_MAX = 200

# Preset lists: codes are fixed here, wording comes from the message catalogues.

AGREEMENT_SCALE = [
    ("strongly_agree", _("Strongly agree")),
    ("agree", _("Agree")),
    ("neither", _("Neither agree nor disagree")),
    ("disagree", _("Disagree")),
    ("strongly_disagree", _("Strongly disagree")),
    ("dont_know", _("Don't know")),
]

YES_NO_OPTIONS = [("yes", _("Yes")), ("no", _("No"))]

# The area question's options are the council's districts (Council details,
# ``core.models.district_choices_for``), named as places are, in every language,
# and then somewhere else, in the resident's words.
ELSEWHERE = ("elsewhere", _("Somewhere else"))
ELSEWHERE_EASY_READ = ("elsewhere", _("I live somewhere else"))

PREFER_NOT = ("prefer_not_to_say", _("Prefer not to say"))

# The same lists in Easy Read words, over the same codes. A list that is already
# plain (yes and no, the districts' names, age bands) is used as it is.

AGREEMENT_SCALE_EASY_READ = [
    ("strongly_agree", _("I agree a lot")),
    ("agree", _("I agree")),
    ("neither", _("I do not agree or disagree")),
    ("disagree", _("I disagree")),
    ("strongly_disagree", _("I disagree a lot")),
    ("dont_know", _("I do not know")),
]
YES_NO_OPTIONS_EASY_READ = YES_NO_OPTIONS
PREFER_NOT_EASY_READ = ("prefer_not_to_say", _("I do not want to say"))


def agreement_scale(easy_read=False):
    return options(AGREEMENT_SCALE_EASY_READ if easy_read else AGREEMENT_SCALE)


def yes_no(easy_read=False):
    return options(YES_NO_OPTIONS_EASY_READ if easy_read else YES_NO_OPTIONS)


def districts(easy_read=False, council_districts=()):
    """The area question's options: the council's districts, (code, name) pairs,
    then somewhere else."""
    return options([*council_districts, ELSEWHERE_EASY_READ if easy_read else ELSEWHERE])


def district_labels(council_districts=()):
    """What each answer to the area question means, by its code."""
    return {option.code: option.label for option in districts(False, council_districts)}


@dataclass
class Option:
    code: str
    label: str
    # Easy Read only: a picture from the library, shown beside the option.
    picture: object = None


@dataclass
class Condition:
    """Shown only when the single-choice question ``question`` was answered ``option``."""

    question: str
    option: str


@dataclass
class Question:
    key: str
    type: str
    label: str
    hint: str = ""
    required: bool = False
    options: list = field(default_factory=list)
    statements: list = field(default_factory=list)  # grid rows (Option)
    allow_other: bool = False
    other_label: str = ""
    max_choices: int | None = None
    max_characters: int | None = None
    min_value: int | None = None
    max_value: int | None = None
    error_message: str = ""
    condition: Condition | None = None
    # Answers that may identify someone: removed once the retention period ends.
    personal: bool = False
    # Worded for the Easy Read survey: its error messages are in Easy Read too.
    easy_read: bool = False

    def option_codes(self):
        codes = [option.code for option in self.options]
        # Only the types that offer "Other, please specify" ever set allow_other.
        if self.allow_other:
            codes.append(OTHER_CODE)
        return codes

    def option_label(self, code):
        for option in self.options:
            if option.code == code:
                return option.label
        if code == OTHER_CODE:
            return self.other_label or (_("Something else") if self.easy_read else _("Other"))
        return code


@dataclass
class Section:
    key: str
    title: str
    questions: list
    intro: str = ""
    condition: Condition | None = None
    kind: str = "main"  # "main", "about" or "equality"
    easy_read: bool = False


@dataclass
class Survey:
    sections: list
    easy_read: bool = False

    def questions(self):
        for section in self.sections:
            yield from section.questions

    def question(self, key):
        for question in self.questions():
            if question.key == key:
                return question
        return None

    def section(self, key):
        for section in self.sections:
            if section.key == key:
                return section
        return None

    def section_of(self, question_key):
        for section in self.sections:
            if any(q.key == question_key for q in section.questions):
                return section
        return None


def options(pairs):
    return [Option(code, label) for code, label in pairs]


# The fixed sections: same keys on every consultation ----------------------------
# Their questions are ordinary single-choice and area questions, so they are
# checked, stored, read and counted by those types like any other.

ABOUT_SECTION_KEY = "about_you"
EQUALITY_SECTION_KEY = "equality"

RESPONDENT_TYPES = [
    ("individual", _("An individual, answering for myself")),
    ("organisation", _("On behalf of an organisation or group")),
    ("town_parish_council", _("On behalf of a town or parish council")),
    ("councillor", _("An elected councillor")),
    ("staff", _("A member of council staff")),
]


RESPONDENT_TYPES_EASY_READ = [
    ("individual", _("I am answering for myself")),
    ("organisation", _("I am answering for a group")),
    ("town_parish_council", _("I am answering for a town or parish council")),
    ("councillor", _("I am a councillor")),
    ("staff", _("I work for the council")),
]


def about_you_section(easy_read=False, council_districts=()):
    if easy_read:
        return Section(
            key=ABOUT_SECTION_KEY,
            kind="about",
            easy_read=True,
            title=_("About you"),
            intro=_("We want to know who answered. We also want to know where you live."),
            questions=[
                Question(
                    key="respondent_type",
                    type="single_choice",
                    label=_("Who are you answering for?"),
                    required=True,
                    options=options(RESPONDENT_TYPES_EASY_READ),
                    error_message=_("Please choose who you are answering for"),
                    easy_read=True,
                ),
                Question(
                    key="district",
                    type="area",
                    label=_("Where do you live or work?"),
                    required=True,
                    options=districts(True, council_districts),
                    error_message=_("Please choose where you live or work"),
                    easy_read=True,
                ),
            ],
        )
    return Section(
        key=ABOUT_SECTION_KEY,
        kind="about",
        title=_("About you"),
        intro=_("This helps us understand who has answered and which parts of the county."),
        questions=[
            Question(
                key="respondent_type",
                type="single_choice",
                label=_("How are you answering this survey?"),
                required=True,
                options=options(RESPONDENT_TYPES),
                error_message=_("Select how you are answering this survey"),
            ),
            Question(
                key="district",
                type="area",
                label=_("Which area do you live or work in?"),
                required=True,
                options=districts(False, council_districts),
                error_message=_("Select the area you live or work in"),
            ),
        ],
    )


AGE_BANDS = [
    ("under_16", _("Under 16")),
    ("16_24", _("16 to 24")),
    ("25_34", _("25 to 34")),
    ("35_44", _("35 to 44")),
    ("45_54", _("45 to 54")),
    ("55_64", _("55 to 64")),
    ("65_74", _("65 to 74")),
    ("75_plus", _("75 or over")),
]
SEXES = [("female", _("Female")), ("male", _("Male"))]
ETHNIC_GROUPS = [
    ("asian", _("Asian or Asian British")),
    ("black", _("Black, Black British, Caribbean or African")),
    ("mixed", _("Mixed or multiple ethnic groups")),
    ("white", _("White")),
    ("other_ethnic_group", _("Another ethnic group")),
]
RELIGIONS = [
    ("no_religion", _("No religion")),
    ("buddhist", _("Buddhist")),
    ("christian", _("Christian")),
    ("hindu", _("Hindu")),
    ("jewish", _("Jewish")),
    ("muslim", _("Muslim")),
    ("sikh", _("Sikh")),
    ("other_religion", _("Another religion")),
]


def equality_section(easy_read=False):
    prefer_not = PREFER_NOT_EASY_READ if easy_read else PREFER_NOT

    def radios(key, label, pairs, hint=""):
        return Question(
            key=key,
            type="single_choice",
            label=label,
            hint=hint,
            required=False,
            options=options([*pairs, prefer_not]),
            easy_read=easy_read,
        )

    if easy_read:
        return Section(
            key=EQUALITY_SECTION_KEY,
            kind="equality",
            easy_read=True,
            title=_("More about you"),
            intro=_(
                "You do not have to answer these questions. "
                "They help us check that we hear from everyone. "
                "We keep these answers apart from your other answers. "
                "Only a few council staff can see them."
            ),
            questions=[
                radios("age_band", _("How old are you?"), AGE_BANDS),
                radios("sex", _("Are you female or male?"), SEXES),
                radios(
                    "gender_identity",
                    _("Is your gender the same as the sex you were given at birth?"),
                    YES_NO_OPTIONS_EASY_READ,
                ),
                radios(
                    "disability",
                    _("Do you have a disability or an illness that lasts a long time?"),
                    YES_NO_OPTIONS_EASY_READ,
                    hint=_("A long time means 12 months or more."),
                ),
                radios(
                    "ethnic_group",
                    _("What is your ethnic group?"),
                    ETHNIC_GROUPS,
                    hint=_("This means where your family comes from."),
                ),
                radios("religion", _("What is your religion?"), RELIGIONS),
            ],
        )
    return Section(
        key=EQUALITY_SECTION_KEY,
        kind="equality",
        title=_("Equality monitoring"),
        intro=_(
            "These questions are optional. They help us check that we hear from every part "
            "of the community. We keep these answers apart from your other answers, and only "
            "a few named officers can see them."
        ),
        questions=[
            radios("age_band", _("What is your age?"), AGE_BANDS),
            radios("sex", _("What is your sex?"), SEXES),
            radios(
                "gender_identity",
                _("Is the gender you identify with the same as your sex registered at birth?"),
                YES_NO_OPTIONS,
            ),
            radios(
                "disability",
                _("Do you have a disability or long-term health condition?"),
                YES_NO_OPTIONS,
                hint=_("One that has lasted, or is expected to last, 12 months or more."),
            ),
            radios("ethnic_group", _("What is your ethnic group?"), ETHNIC_GROUPS),
            radios("religion", _("What is your religion?"), RELIGIONS),
        ],
    )


RESERVED_KEYS = {
    ABOUT_SECTION_KEY,
    EQUALITY_SECTION_KEY,
    "check",
    "confirmation",
    "save",
    "resume",
    "print",
    "closed",
    "respondent_type",
    "district",
    "age_band",
    "sex",
    "gender_identity",
    "disability",
    "ethnic_group",
    "religion",
}
