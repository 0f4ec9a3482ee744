"""Who must use a second factor: anyone who can see residents' answers or
equality answers (the "Consultation analysts" and "Equality data" groups),
or key in residents' paper answers, equality answers included ("Data entry"),
superusers, and anyone who manages users or groups (who could give themselves
either). Editors who only build pages keep signing in with a password."""

from consultations.officers.permissions import response_permission_policy

# Holding any of these lets a user grant themselves access to responses.
USER_MANAGEMENT_PERMISSIONS = (
    "auth.add_user",
    "auth.change_user",
    "auth.add_group",
    "auth.change_group",
)


def needs_second_factor(user):
    if not (user and user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    if response_permission_policy.user_has_any_permission(
        user, ["view_answers", "view_equality", "key_in"]
    ):
        return True
    return any(user.has_perm(codename) for codename in USER_MANAGEMENT_PERMISSIONS)


def is_verified(user):
    """Whether this session's sign-in was confirmed with a second factor."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())
