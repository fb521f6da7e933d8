app_name = "masterplans"

urlpatterns = []
