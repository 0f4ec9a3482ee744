"""How a share is worked out, the same way for residents ("You said" on the
consultation page) and for officers (the summary and its export)."""


def percent(part, whole):
    """A whole percentage, rounded half up (as people round: 2.5% is 3%)."""
    return (200 * part + whole) // (2 * whole) if whole else 0
