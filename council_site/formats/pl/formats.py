DATE_FORMAT = "j E Y"  # 1 września 2014: the month in the genitive
TIME_FORMAT = "G:i"
DATETIME_FORMAT = "j E Y, G:i"
