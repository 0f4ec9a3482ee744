"""Date and time formats per language (FORMAT_MODULE_PATH), where Django has
none (Gujarati) or GOV.UK style asks for another one ("1 September 2014",
"9:00am" in English). Templates use ``|date`` and ``|time`` without a format,
and Python code ``date_format(value)``, so each language gets its own."""
