"""The questionnaire of PermenPANRB 14/2017: each element's question and its four answers.

The texts are translatable English; the Indonesian catalogue holds the regulation's own
wording (``Tidak sesuai`` … ``Sangat sesuai``), which is what respondents read by default.
The element names follow the engine's order (U1 requirements … U9 complaint handling).
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from cerdas.surveys.engine import ikm


@dataclass(frozen=True)
class Question:
    code: str
    name: Promise  # the element's name, translatable (Indonesian: the regulation's)
    text: Promise
    answers: tuple[Promise, Promise, Promise, Promise]  # scores 1, 2, 3, 4

    @property
    def field(self) -> str:
        return self.code.lower()

    @property
    def official_name(self) -> str:
        """The element's name in the regulation (Indonesian), whatever the language."""
        return ELEMENT_BY_CODE[self.code].name


ELEMENT_BY_CODE = {element.code: element for element in ikm.ELEMENTS}

QUESTIONS = (
    Question(
        "U1",
        _("Requirements"),
        _("Do the requirements of the service fit the kind of service?"),
        (_("Not appropriate"), _("Less appropriate"), _("Appropriate"), _("Very appropriate")),
    ),
    Question(
        "U2",
        _("Systems, mechanisms and procedures"),
        _("How easy is the procedure of the service at this unit?"),
        (_("Not easy"), _("Less easy"), _("Easy"), _("Very easy")),
    ),
    Question(
        "U3",
        _("Service time"),
        _("How fast is the service delivered?"),
        (_("Not fast"), _("Less fast"), _("Fast"), _("Very fast")),
    ),
    Question(
        "U4",
        _("Cost/tariff"),
        _("How fair is the cost or tariff of the service?"),
        (_("Very expensive"), _("Rather expensive"), _("Cheap"), _("Free")),
    ),
    Question(
        "U5",
        _("Product specification"),
        _("Does what you received match the product set out in the service standard?"),
        (_("Not appropriate"), _("Less appropriate"), _("Appropriate"), _("Very appropriate")),
    ),
    Question(
        "U6",
        _("Staff competence"),
        _("How competent are the staff in delivering the service?"),
        (_("Not competent"), _("Less competent"), _("Competent"), _("Very competent")),
    ),
    Question(
        "U7",
        _("Staff behaviour"),
        _("How polite and friendly are the staff?"),
        (
            _("Not polite and friendly"),
            _("Less polite and friendly"),
            _("Polite and friendly"),
            _("Very polite and friendly"),
        ),
    ),
    Question(
        "U8",
        _("Facilities"),
        _("What is the quality of the facilities and infrastructure?"),
        (_("Poor"), _("Fair"), _("Good"), _("Very good")),
    ),
    Question(
        "U9",
        _("Handling of complaints, suggestions and input"),
        _("How are complaints from service users handled?"),
        (
            _("There is none"),
            _("There is one, but it does not work"),
            _("It works, but not fully"),
            _("Well managed"),
        ),
    ),
)
QUESTION_BY_CODE = {question.code: question for question in QUESTIONS}

GRADE_LABELS = {
    "A": _("Very good"),
    "B": _("Good"),
    "C": _("Less than good"),
    "D": _("Not good"),
}


def grade_label(letter: str | None):
    return GRADE_LABELS.get(letter or "", "")
