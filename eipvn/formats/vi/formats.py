# Vietnamese: "26 tháng 11 năm 2026", "1.234,5". Django's own vi formats
# write "Ngày 26 tháng 11 năm 2026" and group no thousands.
DATE_FORMAT = r"j \t\há\n\g n \nă\m Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = r"H:i, j \t\há\n\g n \nă\m Y"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = r"j \t\há\n\g n"
YEAR_MONTH_FORMAT = r"\t\há\n\g n \nă\m Y"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
