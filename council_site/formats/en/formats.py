DATE_FORMAT = "j F Y"  # 1 September 2014
TIME_FORMAT = "g:iA"  # 9:00AM, lower-cased where shown: 9:00am
DATETIME_FORMAT = "j F Y, g:iA"
