"""The reference data every masterplan uses: the six dimensions with their elements and
the readiness elements (DOMAIN.md). Loaded by the initial migration; national admins edit
them in the administration afterwards.
"""

from django.apps import apps as global_apps

DIMENSIONS = [
    (
        "governance",
        "Smart Governance",
        "Smart Governance",
        [
            ("public-services", "Pelayanan publik", "Public services"),
            ("public-policy", "Kebijakan publik", "Public policy"),
            ("bureaucracy", "Tata kelola birokrasi", "Bureaucratic governance"),
        ],
    ),
    (
        "branding",
        "Smart Branding",
        "Smart Branding",
        [
            ("tourism", "Pariwisata", "Tourism"),
            ("business", "Bisnis", "Business"),
            ("city-appearance", "Wajah kota", "City appearance"),
        ],
    ),
    (
        "economy",
        "Smart Economy",
        "Smart Economy",
        [
            ("industry", "Industri", "Industry"),
            ("welfare", "Kesejahteraan", "Welfare"),
            ("transactions", "Transaksi", "Transactions"),
        ],
    ),
    (
        "living",
        "Smart Living",
        "Smart Living",
        [
            ("harmony", "Keharmonisan", "Harmony"),
            ("health", "Kesehatan", "Health"),
            ("mobility", "Mobilitas", "Mobility"),
        ],
    ),
    (
        "society",
        "Smart Society",
        "Smart Society",
        [
            ("community", "Komunitas", "Community"),
            ("education", "Pendidikan", "Education"),
            ("security", "Keamanan", "Security"),
        ],
    ),
    (
        "environment",
        "Smart Environment",
        "Smart Environment",
        [
            ("protection", "Perlindungan lingkungan", "Protection"),
            ("waste", "Pengelolaan sampah", "Waste"),
            ("energy", "Energi", "Energy"),
        ],
    ),
]
READINESS = [
    ("struktur", "human-resources", "Sumber daya manusia", "Human resources"),
    ("struktur", "budget", "Anggaran", "Budget"),
    ("struktur", "governance", "Tata kelola", "Governance"),
    ("infrastruktur", "physical", "Infrastruktur fisik", "Physical infrastructure"),
    ("infrastruktur", "ict", "Infrastruktur TIK", "ICT infrastructure"),
    ("infrastruktur", "social", "Infrastruktur sosial", "Social infrastructure"),
    ("suprastruktur", "policy", "Kebijakan", "Policy"),
    ("suprastruktur", "regulation", "Regulasi", "Regulation"),
    ("suprastruktur", "institutions", "Kelembagaan", "Institutions"),
    ("suprastruktur", "procedures", "Prosedur", "Procedures"),
]


def seed_reference_data(apps=global_apps, schema_editor=None):
    """Create what is missing; never changes what administrators edited."""
    Dimension = apps.get_model("masterplans", "Dimension")
    Element = apps.get_model("masterplans", "Element")
    ReadinessElement = apps.get_model("masterplans", "ReadinessElement")
    for order, (code, name, name_en, elements) in enumerate(DIMENSIONS, start=1):
        dimension, _created = Dimension.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "order": order}
        )
        for position, (e_code, e_name, e_name_en) in enumerate(elements, start=1):
            Element.objects.get_or_create(
                code=f"{code}-{e_code}",
                defaults={
                    "dimension": dimension,
                    "name": e_name,
                    "name_en": e_name_en,
                    "order": position,
                },
            )
    for order, (pillar, code, name, name_en) in enumerate(READINESS, start=1):
        ReadinessElement.objects.get_or_create(
            code=code,
            defaults={"pillar": pillar, "name": name, "name_en": name_en, "order": order},
        )
