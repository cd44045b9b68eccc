"""Parses the printed figures of the corpus (Japanese administrative notation).

parse_figure("9,870千円") -> (9870000.0, "円")
parse_figure("7億4,500万円") -> (745000000.0, "円")
parse_figure("▲18.6%") -> (-18.6, "%")
parse_figure("1時間35分") -> (95.0, "分")           durations in minutes
parse_figure("2.45km") -> (2450.0, "m")
parse_figure("約3割") -> (0.3, "割合")             割 as a fraction
parse_figure("半減") -> (0.5, "倍")
parse_figure("令和7年10月1日") -> ((2025, 10, 1), "date")
parse_figure("3月31日", prev=(2026, 3, 16)) -> ((2026, 3, 31), "date")

Written for this corpus, independently of hyoka's own figure reader.
"""
import datetime
import re

_TRANS = str.maketrans({
    **{chr(0xFF10 + i): str(i) for i in range(10)},
    "，": ",", "．": ".", "％": "%", "＋": "+", "－": "-", "−": "-", "▲": "-", "△": "-",
    "㎞": "km",
})
_NUM = r"\d[\d,]*(?:\.\d+)?"
_MULT = {"兆": 1e12, "億": 1e8, "万": 1e4}


def _num(s):
    return float(s.replace(",", ""))


def parse_date(s, prev=None):
    m = re.fullmatch(r"(?:令和(\d+)年|(\d{4})年(?:（令和\d+年）)?)?(\d+)月(?:(\d+)日)?", s)
    if not m:
        return None
    if m.group(1):
        y = 2018 + int(m.group(1))
    elif m.group(2):
        y = int(m.group(2))
    elif prev:
        y = prev[0]
    else:
        raise ValueError(f"date without a year: {s}")
    d = (y, int(m.group(3)), int(m.group(4) or 1))
    datetime.date(*d)  # ValueError for 13月 or 3月34日
    return d


def parse_figure(fig, prev=None):
    s = fig.translate(_TRANS).strip()
    d = parse_date(s, prev)
    if d:
        return d, "date"
    if s == "倍増":
        return 2.0, "倍"
    if s == "半減":
        return 0.5, "倍"
    # drop leading words (約, 目標, 技能労務職 …) up to the sign or first digit
    m = re.search(r"[+\-±]?\d", s)
    if not m:
        raise ValueError(f"no number in {fig!r}")
    s = s[m.start():]
    sign = 1.0
    if s[0] in "+-±":
        sign = -1.0 if s[0] == "-" else 1.0
        s = s[1:]
    m = re.fullmatch(rf"({_NUM})時間({_NUM})分", s)
    if m:
        return sign * (_num(m.group(1)) * 60 + _num(m.group(2))), "分"
    value, pos = 0.0, 0
    while True:
        m = re.compile(rf"({_NUM})(兆|億|万)?").match(s, pos)
        if not m:
            break
        if m.group(2):
            value += _num(m.group(1)) * _MULT[m.group(2)]
            pos = m.end()
            continue
        value += _num(m.group(1))
        pos = m.end()
        break
    unit = s[pos:]
    if unit.startswith("千円"):
        return sign * value * 1e3, "円"
    if unit.startswith("百万円"):
        return sign * value * 1e6, "円"
    if unit.startswith("円"):
        return sign * value, "円"
    if unit.startswith("時間"):
        return sign * value * 60, "分"
    if unit.startswith("分"):
        return sign * value, "分"
    if unit.startswith("km"):
        return sign * value * 1e3, "m"
    if unit.startswith("㎡"):
        return sign * value, "㎡"
    if unit.startswith("m"):
        return sign * value, "m"
    if unit.startswith("割"):
        return sign * value / 10, "割合"
    if unit.startswith("%"):
        return sign * value, "%"
    if unit.startswith("ポイント"):
        return sign * value, "ポイント"
    if unit.startswith("倍"):
        return sign * value, "倍"
    # a counter word (件, 人, 団体, 世帯, 枚 …) or nothing
    unit = re.match(r"[^\s（）()、。,／/・＝=×÷〜]*", unit).group(0)
    for tail in ("以上", "以下", "未満", "超"):
        if unit.endswith(tail):
            unit = unit[: -len(tail)]
    return sign * value, unit
