"""The demo site: three pieces of data and the code that loads them.

- ``content/<council>/*.yaml``: the pages, images, snippets, settings and
  development logins, one file per page tree, in English;
- ``translations/<language>.po``: their translations, one PO file per language,
  imported through wagtail-localize as a translator's PO file would be;
- ``responses.py``: the generated responses to the closed 2014 consultation.

Installed by the development and test settings only: production never has
this app, so it can never load demo content or demo logins.
"""
