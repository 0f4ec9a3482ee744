from axes.backends import AxesStandaloneBackend


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' check, first of the authentication backends: a locked
    account or address is refused before its password is checked.

    Every sign-in through the web passes the request (Wagtail's login form
    does). Without one (``manage.py shell``, the test client's ``login``)
    there is no address to count, so the check steps aside instead of failing.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
