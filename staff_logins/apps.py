from django.apps import AppConfig


class StaffLoginsConfig(AppConfig):
    name = "staff_logins"
    verbose_name = "Staff logins"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from .middleware import start_staff_session

        user_logged_in.connect(start_staff_session, dispatch_uid="staff_logins_session_clock")
