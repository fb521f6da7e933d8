"""The frameworks Cerdas ships, installed by a data migration and editable afterwards.

No public source gives the ministry's weights (DOMAIN.md): the readiness weights below
are equal shares, marked as assumptions. The evaluation weights of version A are the
published Baseline 10 / Output 20 / Outcome 30 / Impact 30 / Quick Win 10; version B
publishes only Outcome 30, Impact 20 and Quick Win 20, so Baseline and Output share the
remaining 30 equally, marked as assumptions to correct when the source is found.
"""

# Texts people read are pairs (Bahasa Indonesia, English): the first is stored in the field,
# the second in its `_en` twin. Units and sources are short terms, in Indonesian only.
# The evaluation guides write Baseline, Output, Outcome, Impact and Quick win in English in
# Indonesian too, so those stay as they are.
# Dimensions: (code, name, weight, assumed, indicators); indicators: (code, name, weight,
# kind, direction, unit, source, scale_min, scale_max, evidence_required, question).
READINESS = {
    "family": "readiness",
    "name": ("Kesiapan smart city", "Smart city readiness"),
    "purpose": "selection",
    "normalisation": "minmax",
    "missing_policy": "reweight",
    "description": (
        "Kesiapan kabupaten/kota untuk program smart city pada empat bidang yang dipakai "
        "seleksi 2017: infrastruktur, sumber daya manusia (SDM), regulasi dan tata kelola, "
        "serta inovasi, dari data sekunder, penilaian mandiri daerah, dan wawancara asesor.",
        "Readiness of a kabupaten/kota for the smart city program, in the four areas the "
        "2017 selection used: infrastructure, human resources (SDM), regulation and "
        "governance, and innovation, from secondary data, the region's self-assessment "
        "and the assessors' interview.",
    ),
    "assumptions": (
        "Tidak ada sumber publik yang memberikan bobotnya: setiap dimensi berbobot 25% dan "
        "bobot indikator di dalam setiap dimensi adalah asumsi kerja kantor program.",
        "No public source gives the weights: each dimension has 25% and the indicator "
        "weights inside each dimension are the program office's working assumption.",
    ),
    "dimensions": [
        (
            "infrastructure",
            ("Infrastruktur", "Infrastructure"),
            25,
            True,
            [
                (
                    "internet_households",
                    ("Rumah tangga dengan akses internet", "Households with internet access"),
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
                    ("Indeks Kota Hijau", "Indeks Kota Hijau (green city index)"),
                    25,
                    "data",
                    "higher",
                    "indeks",
                    "Kementerian PUPR",
                    0,
                    100,
                    False,
                    "",
                ),
                (
                    "government_network",
                    (
                        "Jaringan dan pusat data pemerintah yang digunakan",
                        "Government network and data centre in use",
                    ),
                    20,
                    "yesno",
                    "higher",
                    "",
                    "Penilaian mandiri",
                    None,
                    None,
                    True,
                    (
                        "Apakah perangkat daerah (OPD) memakai satu jaringan dan pusat data "
                        "pemerintah bersama?",
                        "Do the regional agencies (OPD) share one government network and "
                        "data centre?",
                    ),
                ),
                (
                    "interview_infrastructure",
                    ("Wawancara: kesiapan infrastruktur", "Interview: infrastructure readiness"),
                    25,
                    "assessor",
                    "higher",
                    "1-5",
                    "Panel asesor",
                    1,
                    5,
                    False,
                    "",
                ),
            ],
        ),
        (
            "sdm",
            ("Sumber Daya Manusia (SDM)", "Human resources (SDM)"),
            25,
            True,
            [
                (
                    "ict_staff",
                    (
                        "Pegawai berkualifikasi TIK di Diskominfo",
                        "ICT-qualified staff in the Diskominfo",
                    ),
                    30,
                    "data",
                    "higher",
                    "orang",
                    "Badan Kepegawaian Daerah (BKD)",
                    0,
                    None,
                    False,
                    "",
                ),
                (
                    "digital_training",
                    ("Pegawai terlatih layanan digital", "Staff trained in digital services"),
                    30,
                    "scale",
                    "higher",
                    "1-5",
                    "Penilaian mandiri",
                    1,
                    5,
                    False,
                    (
                        "Berapa banyak perangkat daerah (OPD) yang pegawainya terlatih menjalankan "
                        "layanan digital? 1 = tidak ada, 5 = semua.",
                        "How many agencies (OPD) have staff trained to run digital services? "
                        "1 = none, 5 = all.",
                    ),
                ),
                (
                    "interview_sdm",
                    ("Wawancara: sumber daya manusia", "Interview: human resources"),
                    40,
                    "assessor",
                    "higher",
                    "1-5",
                    "Panel asesor",
                    1,
                    5,
                    False,
                    "",
                ),
            ],
        ),
        (
            "governance",
            ("Regulasi dan Tata Kelola/Kelembagaan", "Regulation and governance"),
            25,
            True,
            [
                (
                    "fiscal_capacity",
                    ("Kemampuan keuangan daerah", "Fiscal capacity (kemampuan keuangan daerah)"),
                    25,
                    "data",
                    "higher",
                    "indeks",
                    "Kementerian Keuangan (DJPK)",
                    0,
                    None,
                    False,
                    "",
                ),
                (
                    "high_performing",
                    (
                        "Termasuk daerah berkinerja tinggi menurut Kemendagri",
                        "On Kemendagri's list of high-performing regions",
                    ),
                    20,
                    "data",
                    "higher",
                    "ya = 1",
                    "Kemendagri (EKPPD)",
                    0,
                    1,
                    False,
                    "",
                ),
                (
                    "sustainable_city_index",
                    (
                        "Indeks Kota Berkelanjutan",
                        "Indeks Kota Berkelanjutan (sustainable city index)",
                    ),
                    20,
                    "data",
                    "higher",
                    "indeks",
                    "Bappenas",
                    0,
                    100,
                    False,
                    "",
                ),
                (
                    "smart_city_regulation",
                    (
                        "Regulasi e-government atau smart city yang berlaku",
                        "Regulation on e-government or smart city in force",
                    ),
                    15,
                    "yesno",
                    "higher",
                    "",
                    "Penilaian mandiri",
                    None,
                    None,
                    True,
                    (
                        "Apakah daerah telah menetapkan peraturan daerah (perda) atau peraturan "
                        "kepala daerah (perkada) tentang e-government atau smart city?",
                        "Has the region enacted a regional regulation (perda) or head-of-region "
                        "regulation (perkada) on e-government or the smart city?",
                    ),
                ),
                (
                    "interview_leadership",
                    ("Wawancara: visi kepala daerah", "Interview: the leader's vision"),
                    20,
                    "assessor",
                    "higher",
                    "1-5",
                    "Panel asesor",
                    1,
                    5,
                    False,
                    "",
                ),
            ],
        ),
        (
            "innovation",
            ("Inovasi", "Innovation"),
            25,
            True,
            [
                (
                    "public_service_innovations",
                    (
                        "Inovasi pelayanan publik dalam 3 tahun terakhir",
                        "Public service innovations in the last 3 years",
                    ),
                    30,
                    "data",
                    "higher",
                    "inovasi",
                    "KemenPANRB, SINOVIK",
                    0,
                    None,
                    False,
                    "",
                ),
                (
                    "innovation_pipeline",
                    ("Program inovasi yang siap dimulai", "Innovation programs ready to start"),
                    30,
                    "scale",
                    "higher",
                    "1-5",
                    "Penilaian mandiri",
                    1,
                    5,
                    False,
                    (
                        "Seberapa siap program inovasi daerah berikutnya? 1 = baru gagasan, "
                        "5 = sudah dianggarkan dan punya tim.",
                        "How ready are the region's next innovation programs? 1 = ideas only, "
                        "5 = budgeted with a team.",
                    ),
                ),
                (
                    "interview_innovation",
                    ("Wawancara: inovasi", "Interview: innovation"),
                    40,
                    "assessor",
                    "higher",
                    "1-5",
                    "Panel asesor",
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
    name_id, name_en = name
    return (
        code,
        name,
        weight,
        assumed,
        [
            (
                f"{code}_self",
                (f"{name_id}: indeks penilaian mandiri", f"{name_en}: self-assessed index"),
                60,
                "scale",
                "higher",
                "1-4",
                "Penilaian mandiri",
                1,
                4,
                True,
                (
                    f"Indeks capaian {name_id.lower()}, 1 (tidak tercapai) sampai 4 "
                    "(tercapai sepenuhnya).",
                    f"Index of {name_en.lower()} achievement, 1 (not achieved) to 4 "
                    "(fully achieved).",
                ),
            ),
            (
                f"{code}_verified",
                (f"{name_id}: diverifikasi saat wawancara", f"{name_en}: verified at interview"),
                40,
                "assessor",
                "higher",
                "1-4",
                "Panel asesor",
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
        "Evaluasi pelaksanaan di daerah angkatan: penilaian mandiri dengan indeks 1-4 per "
        "dimensi, diverifikasi asesor dalam wawancara.",
        "Evaluation of a cohort region's implementation: a self-assessment on a 1-4 "
        "index per dimension, verified by the assessors at an interview.",
    ),
}

EVALUATION_A = {
    **_EVALUATION_COMMON,
    "name": ("Evaluasi pelaksanaan (bobot A)", "Implementation evaluation (weights A)"),
    "assumptions": (
        "Skala indeks 1-4 diyakini, belum dikonfirmasi, oleh sumber.",
        "The 1-4 index scale is believed, not confirmed, by the sources.",
    ),
    "dimensions": [
        _evaluation_dimension("baseline", ("Baseline", "Baseline"), 10, False),
        _evaluation_dimension("output", ("Output", "Output"), 20, False),
        _evaluation_dimension("outcome", ("Outcome", "Outcome"), 30, False),
        _evaluation_dimension("impact", ("Impact", "Impact"), 30, False),
        _evaluation_dimension("quick_win", ("Quick win", "Quick win"), 10, False),
    ],
}

EVALUATION_B = {
    **_EVALUATION_COMMON,
    "name": ("Evaluasi pelaksanaan (bobot B)", "Implementation evaluation (weights B)"),
    "assumptions": (
        "Sumber hanya memberikan Outcome 30%, Impact 20%, dan Quick win 20%. Baseline 15% dan "
        "Output 15% adalah asumsi yang membagi rata sisa 30%: ubah bila pembobotan lengkap "
        "diketahui. Skala indeks 1-4 diyakini, belum dikonfirmasi.",
        "The source gives only Outcome 30%, Impact 20% and Quick win 20%. Baseline 15% and "
        "Output 15% are assumptions that share the remaining 30% equally: edit them when "
        "the full weighting is known. The 1-4 index scale is believed, not confirmed.",
    ),
    "dimensions": [
        _evaluation_dimension("baseline", ("Baseline", "Baseline"), 15, True),
        _evaluation_dimension("output", ("Output", "Output"), 15, True),
        _evaluation_dimension("outcome", ("Outcome", "Outcome"), 30, False),
        _evaluation_dimension("impact", ("Impact", "Impact"), 20, False),
        _evaluation_dimension("quick_win", ("Quick win", "Quick win"), 20, False),
    ],
}

DEFAULTS = [(READINESS, 1), (EVALUATION_A, 1), (EVALUATION_B, 2)]


# The units and sources as the first shipped version wrote them.
_OLD_TERMS = {
    "people": "orang",
    "innovations": "inovasi",
    "yes = 1": "ya = 1",
    "index": "indeks",
    "Self-assessment": "Penilaian mandiri",
    "Assessor panel": "Panel asesor",
    "Regional civil service agency (BKD)": "Badan Kepegawaian Daerah (BKD)",
}
TRANSLATED = ("name", "description", "assumptions")


def _pair(text) -> tuple[str, str]:
    return text if isinstance(text, tuple) else (text, "")


def english_to_indonesian() -> dict[str, str]:
    """Every shipped English text with its Indonesian twin (migrating data stored in English)."""
    pairs = {}
    for data, _version in DEFAULTS:
        for key in TRANSLATED:
            pairs[_pair(data[key])[1]] = _pair(data[key])[0]
        for _code, name, _weight, _assumed, indicators in data["dimensions"]:
            pairs[name[1]] = name[0]
            for indicator in indicators:
                pairs[indicator[1][1]] = indicator[1][0]
                pairs[_pair(indicator[10])[1]] = _pair(indicator[10])[0]
    pairs.update(_OLD_TERMS)
    pairs.pop("", None)
    return pairs


def install(Framework, Dimension, Indicator):
    """Create the shipped frameworks that are not there yet (by family and version)."""
    for data, version in DEFAULTS:
        if Framework.objects.filter(family=data["family"], version=version).exists():
            continue
        fields = {k: v for k, v in data.items() if k != "dimensions" and k not in TRANSLATED}
        for key in TRANSLATED:
            fields[key], fields[f"{key}_en"] = _pair(data[key])
        framework = Framework.objects.create(version=version, **fields)
        for order, (code, name, weight, assumed, indicators) in enumerate(data["dimensions"]):
            dimension = Dimension.objects.create(
                framework=framework,
                code=code,
                name=name[0],
                name_en=name[1],
                weight=weight,
                weight_is_assumption=assumed,
                order=order,
            )
            Indicator.objects.bulk_create(
                Indicator(
                    dimension=dimension,
                    code=i[0],
                    name=i[1][0],
                    name_en=i[1][1],
                    weight=i[2],
                    kind=i[3],
                    direction=i[4],
                    unit=i[5],
                    source=i[6],
                    scale_min=i[7],
                    scale_max=i[8],
                    evidence_required=i[9],
                    question=_pair(i[10])[0],
                    question_en=_pair(i[10])[1],
                    order=position,
                )
                for position, i in enumerate(indicators)
            )
