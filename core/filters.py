"""What the public listings' filters share (case studies, the delivery plan,
events): the chosen filters on the address, each with its label and the
address without it, for ``components/filter_chosen.html``."""

from urllib.parse import urlencode


class ChosenFiltersMixin:
    """For a filter with ``form`` (a bound form) and ``values`` (the valid
    choices in use, by field name)."""

    def querystring(self, without=None):
        return urlencode({name: value for name, value in self.values.items() if name != without})

    def active(self):
        """The filters in use, each with its label and the address without it."""
        chosen = []
        for name, value in self.values.items():
            choices = dict(self.form.fields[name].choices)
            query = self.querystring(without=name)
            chosen.append(
                {
                    "field": self.form.fields[name].label,
                    "label": choices.get(value, choices.get(str(value), value)),
                    "remove_url": f"?{query}" if query else "?",
                }
            )
        return chosen
