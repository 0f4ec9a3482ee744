from django.urls import path

from . import views

urlpatterns = [
    path("check-your-email/", views.check_email, name="email_updates_check"),
    path("confirm/<str:signed>/", views.confirm, name="email_updates_confirm"),
    path("unsubscribe/<str:signed>/", views.unsubscribe, name="email_updates_unsubscribe"),
    path("<slug:kind>/<str:key>/", views.subscribe, name="email_updates_subscribe"),
]
