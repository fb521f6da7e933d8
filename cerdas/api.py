from ninja import NinjaAPI

from cerdas.assessments.api import router as assessments_router
from cerdas.cohorts.api import router as cohorts_router
from cerdas.complaints.api import router as complaints_router
from cerdas.implementation.api import router as implementation_router
from cerdas.masterplans.api import router as masterplans_router
from cerdas.portal.api import router as portal_router
from cerdas.regions.api import router as regions_router
from cerdas.surveys.api import router as surveys_router

api = NinjaAPI(
    title="Cerdas API",
    version="1",
    description="Open API of Cerdas, the platform of Gerakan Menuju 100 Smart City.",
    urls_namespace="api",
)
api.add_router("/regions", regions_router)
api.add_router("/assessments", assessments_router)
api.add_router("/cohorts", cohorts_router)
api.add_router("/masterplans", masterplans_router)
api.add_router("/implementation", implementation_router)
api.add_router("/articles", portal_router)
api.add_router("/surveys", surveys_router)
api.add_router("/complaints", complaints_router)
