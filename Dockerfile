# The production image: one process, gunicorn, serving the site and its static
# files (WhiteNoise). Configure it with environment variables (docs/env-vars.md);
# run `python manage.py migrate` once per release before starting new containers.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=council_site.settings.production \
    PORT=8000

RUN apt-get update \
    && apt-get install -y --no-install-recommends libjpeg62-turbo zlib1g libwebp7 \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 council

WORKDIR /app
COPY requirements.lock pyproject.toml ./
RUN pip install --no-cache-dir -r requirements.lock

COPY --chown=council:council . .
# collectstatic needs a key to import the settings; it is not kept in the image.
RUN SECRET_KEY=collectstatic-only-$(python -c 'import secrets; print(secrets.token_hex(32))') \
    python manage.py collectstatic --noinput --verbosity 0

USER council
EXPOSE 8000
CMD ["sh", "-c", "gunicorn council_site.wsgi --bind 0.0.0.0:${PORT} --workers ${WEB_CONCURRENCY:-3} --access-logfile -"]
