app_name = "cohorts"

urlpatterns = []
