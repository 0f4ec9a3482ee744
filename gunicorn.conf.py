"""Settings every gunicorn started from here shares (gunicorn reads this file
from its working directory: scripts/stack.sh, the tests and bench/ all start
it from the project's root)."""

# gunicorn 25.1 and later open a control socket at one path per user
# (~/.gunicorn/gunicorn.ctl). Several app servers run on one machine here, and
# each would take that path over from the last, and remove it when it stops;
# nothing here uses gunicornc, so there is none.
control_socket_disable = True
