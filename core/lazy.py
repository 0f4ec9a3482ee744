"""Context a page's template looks up only if it renders the part that shows
it. A part kept by ``{% kept %}`` (core/templatetags/kept_tags.py) is not
rendered again, so what only that part reads is not looked up again either."""

from django.utils.functional import SimpleLazyObject


def lazily(context, keys, compute):
    """Adds ``keys`` to ``context``, each read from the dict that ``compute()``
    returns; it is called once, when the template first reads any of them,
    and a key it leaves out reads as None."""
    computed = []

    def value(key):
        if not computed:
            computed.append(compute())
        return computed[0].get(key)

    for key in keys:
        context[key] = SimpleLazyObject(lambda key=key: value(key))
    return context
