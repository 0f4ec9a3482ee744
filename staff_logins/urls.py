from django.urls import path

from . import admin_views, views

app_name = "staff_logins"

urlpatterns = [
    path("set-up/", views.SetUpView.as_view(), name="set_up"),
    path("verify/", views.VerifyView.as_view(), name="verify"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("security/", admin_views.SignInSecurityView.as_view(), name="security"),
    path("security/unlock/", admin_views.UnlockView.as_view(), name="unlock"),
    path(
        "security/reset/<int:user_id>/",
        admin_views.ResetSecondFactorView.as_view(),
        name="reset",
    ),
]
