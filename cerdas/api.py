from ninja import NinjaAPI

from cerdas.regions.api import router as regions_router

api = NinjaAPI(
    title="Cerdas API",
    version="1",
    description="Open API of Cerdas, the platform of Gerakan Menuju 100 Smart City.",
    urls_namespace="api",
)
api.add_router("/regions", regions_router)
