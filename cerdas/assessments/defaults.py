"""The frameworks Cerdas ships, installed by a data migration and editable afterwards.

No public source gives the ministry's weights (DOMAIN.md): the readiness weights below
are equal shares, marked as assumptions. The evaluation weights of version A are the
published Baseline 10 / Output 20 / Outcome 30 / Impact 30 / Quick Win 10; version B
publishes only Outcome 30, Impact 20 and Quick Win 20, so Baseline and Output share the
remaining 30 equally, marked as assumptions to correct when the source is found.
"""

# code, name, weight, indicators: (code, name, weight, kind, direction, unit, source,
# scale_min, scale_max, evidence_required, question)
READINESS = {
    "family": "readiness",
    "name": "Smart city readiness",
    "purpose": "selection",
    "normalisation": "minmax",
    "missing_policy": "reweight",
    "description": (
        "Readiness of a kabupaten/kota for the smart city program, in the four areas the "
        "2017 selection used: infrastructure, human resources (SDM), regulation and "
        "governance, and innovation, from secondary data, the region's self-assessment "
        "and the assessors' interview."
    ),
    "assumptions": (
        "No public source gives the weights: each dimension has 25% and the indicator "
        "weights inside each dimension are the program office's working assumption."
    ),
    "dimensions": [
        (
            "infrastructure",
            "Infrastructure",
            25,
            True,
            [
                (
                    "internet_households",
                    "Households with internet access",
                    30,
                    "data",
                    "higher",
                    "%",
                    "BPS, Susenas",
                    0,
                    100,
                    False,
                    "",
                ),
                (
                    "green_city_index",
                    "Indeks Kota Hijau (green city index)",
                    25,
                    "data",
                    "higher",
                    "index",
                    "Kementerian PUPR",
                    0,
                    100,
                    False,
                    "",
                ),
                (
                    "government_network",
                    "Government network and data centre in use",
                    20,
                    "yesno",
                    "higher",
                    "",
                    "Self-assessment",
                    None,
                    None,
                    True,
                    "Do the regional agencies (OPD) share one government network and data centre?",
                ),
                (
                    "interview_infrastructure",
                    "Interview: infrastructure readiness",
                    25,
                    "assessor",
                    "higher",
                    "1-5",
                    "Assessor panel",
                    1,
                    5,
                    False,
                    "",
                ),
            ],
        ),
        (
            "sdm",
            "Human resources (SDM)",
            25,
            True,
            [
                (
                    "ict_staff",
                    "ICT-qualified staff in the Diskominfo",
                    30,
                    "data",
                    "higher",
                    "people",
                    "Regional civil service agency (BKD)",
                    0,
                    None,
                    False,
                    "",
                ),
                (
                    "digital_training",
                    "Staff trained in digital services",
                    30,
                    "scale",
                    "higher",
                    "1-5",
                    "Self-assessment",
                    1,
                    5,
                    False,
                    "How many agencies (OPD) have staff trained to run digital services? "
                    "1 = none, 5 = all.",
                ),
                (
                    "interview_sdm",
                    "Interview: human resources",
                    40,
                    "assessor",
                    "higher",
                    "1-5",
                    "Assessor panel",
                    1,
                    5,
                    False,
                    "",
                ),
            ],
        ),
        (
            "governance",
            "Regulation and governance",
            25,
            True,
            [
                (
                    "fiscal_capacity",
                    "Fiscal capacity (kemampuan keuangan daerah)",
                    25,
                    "data",
                    "higher",
                    "index",
                    "Kementerian Keuangan (DJPK)",
                    0,
                    None,
                    False,
                    "",
                ),
                (
                    "high_performing",
                    "On Kemendagri's list of high-performing regions",
                    20,
                    "data",
                    "higher",
                    "yes = 1",
                    "Kemendagri (EKPPD)",
                    0,
                    1,
                    False,
                    "",
                ),
                (
                    "sustainable_city_index",
                    "Indeks Kota Berkelanjutan (sustainable city index)",
                    20,
                    "data",
                    "higher",
                    "index",
                    "Bappenas",
                    0,
                    100,
                    False,
                    "",
                ),
                (
                    "smart_city_regulation",
                    "Regulation on e-government or smart city in force",
                    15,
                    "yesno",
                    "higher",
                    "",
                    "Self-assessment",
                    None,
                    None,
                    True,
                    "Has the region enacted a regional regulation (perda) or head-of-region "
                    "regulation (perkada) on e-government or the smart city?",
                ),
                (
                    "interview_leadership",
                    "Interview: the leader's vision",
                    20,
                    "assessor",
                    "higher",
                    "1-5",
                    "Assessor panel",
                    1,
                    5,
                    False,
                    "",
                ),
            ],
        ),
        (
            "innovation",
            "Innovation",
            25,
            True,
            [
                (
                    "public_service_innovations",
                    "Public service innovations in the last 3 years",
                    30,
                    "data",
                    "higher",
                    "innovations",
                    "KemenPANRB, SINOVIK",
                    0,
                    None,
                    False,
                    "",
                ),
                (
                    "innovation_pipeline",
                    "Innovation programs ready to start",
                    30,
                    "scale",
                    "higher",
                    "1-5",
                    "Self-assessment",
                    1,
                    5,
                    False,
                    "How ready are the region's next innovation programs? 1 = ideas only, "
                    "5 = budgeted with a team.",
                ),
                (
                    "interview_innovation",
                    "Interview: innovation",
                    40,
                    "assessor",
                    "higher",
                    "1-5",
                    "Assessor panel",
                    1,
                    5,
                    False,
                    "",
                ),
            ],
        ),
    ],
}


def _evaluation_dimension(code, name, weight, assumed):
    return (
        code,
        name,
        weight,
        assumed,
        [
            (
                f"{code}_self",
                f"{name}: self-assessed index",
                60,
                "scale",
                "higher",
                "1-4",
                "Self-assessment",
                1,
                4,
                True,
                f"Index of {name.lower()} achievement, 1 (not achieved) to 4 (fully achieved).",
            ),
            (
                f"{code}_verified",
                f"{name}: verified at interview",
                40,
                "assessor",
                "higher",
                "1-4",
                "Assessor panel",
                1,
                4,
                False,
                "",
            ),
        ],
    )


_EVALUATION_COMMON = {
    "family": "evaluation",
    "purpose": "evaluation",
    "normalisation": "range",
    "missing_policy": "lowest",
    "description": (
        "Evaluation of a cohort region's implementation: a self-assessment on a 1-4 "
        "index per dimension, verified by the assessors at an interview."
    ),
}

EVALUATION_A = {
    **_EVALUATION_COMMON,
    "name": "Implementation evaluation (weights A)",
    "assumptions": "The 1-4 index scale is believed, not confirmed, by the sources.",
    "dimensions": [
        _evaluation_dimension("baseline", "Baseline", 10, False),
        _evaluation_dimension("output", "Output", 20, False),
        _evaluation_dimension("outcome", "Outcome", 30, False),
        _evaluation_dimension("impact", "Impact", 30, False),
        _evaluation_dimension("quick_win", "Quick win", 10, False),
    ],
}

EVALUATION_B = {
    **_EVALUATION_COMMON,
    "name": "Implementation evaluation (weights B)",
    "assumptions": (
        "The source gives only Outcome 30%, Impact 20% and Quick win 20%. Baseline 15% and "
        "Output 15% are assumptions that share the remaining 30% equally: edit them when "
        "the full weighting is known. The 1-4 index scale is believed, not confirmed."
    ),
    "dimensions": [
        _evaluation_dimension("baseline", "Baseline", 15, True),
        _evaluation_dimension("output", "Output", 15, True),
        _evaluation_dimension("outcome", "Outcome", 30, False),
        _evaluation_dimension("impact", "Impact", 20, False),
        _evaluation_dimension("quick_win", "Quick win", 20, False),
    ],
}

DEFAULTS = [(READINESS, 1), (EVALUATION_A, 1), (EVALUATION_B, 2)]


def install(Framework, Dimension, Indicator):
    """Create the shipped frameworks that are not there yet (by family and version)."""
    for data, version in DEFAULTS:
        if Framework.objects.filter(family=data["family"], version=version).exists():
            continue
        fields = {k: v for k, v in data.items() if k != "dimensions"}
        framework = Framework.objects.create(version=version, **fields)
        for order, (code, name, weight, assumed, indicators) in enumerate(data["dimensions"]):
            dimension = Dimension.objects.create(
                framework=framework,
                code=code,
                name=name,
                weight=weight,
                weight_is_assumption=assumed,
                order=order,
            )
            Indicator.objects.bulk_create(
                Indicator(
                    dimension=dimension,
                    code=i[0],
                    name=i[1],
                    weight=i[2],
                    kind=i[3],
                    direction=i[4],
                    unit=i[5],
                    source=i[6],
                    scale_min=i[7],
                    scale_max=i[8],
                    evidence_required=i[9],
                    question=i[10],
                    order=position,
                )
                for position, i in enumerate(indicators)
            )
