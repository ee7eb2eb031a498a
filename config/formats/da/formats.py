"""Danish dates and times the way Danish public-sector sites write them (shared/DANISH.md):
"21. maj 2026 kl. 9.00", a time as "9.00", numbers as 1.234,5. Django's Danish module
writes "21. maj 2026 09:00"; everything not set here is Django's."""

from django.conf.locale.da.formats import *  # noqa: F403

DATE_FORMAT = "j. F Y"
TIME_FORMAT = "G.i"
DATETIME_FORMAT = r"j. F Y \k\l. G.i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j. F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = r"d.m.Y \k\l. G.i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
