"""Staff logins: lockout after wrong passwords (django-axes), a second factor
for everyone who can see residents' responses (django-otp), and staff sessions
that end when idle. See the README's "Staff logins"."""
