"""Numbers said in words, as a voice note types them out ('invoice number forty-seven, three thousand six hundred
pounds', «счёт номер двенадцать, тридцать восемь тысяч пятьсот рублей»), read back as digits by the language's
`spoken` lists (``guidelines/extraction/<lang>.yaml``)."""

from __future__ import annotations

import re


def _place(word: str, rules: list[re.Pattern], step: int, first: int) -> int | None:
    """The value of a number word by its place in a list (units 1, 2, …; tens 20, 30, …; hundreds 100, 200, …)."""
    return next(((i * step + first) for i, rule in enumerate(rules) if rule.fullmatch(word)), None)


def spoken_number(text: str, spoken: dict) -> int | None:
    """The number a run of number words says; None when any word is no number word (or none is)."""
    total = current = 0
    said = False
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if spoken["joiner"].fullmatch(word):
            continue
        value = _place(word, spoken["units"], 1, 1) or _place(word, spoken["tens"], 10, 20) or _place(word, spoken["hundreds"], 100, 100)
        if value:
            current += value
        elif spoken["hundred"].fullmatch(word):
            current = max(current, 1) * 100
        elif spoken["thousand"].fullmatch(word):
            total, current = total + max(current, 1) * 1000, 0
        else:
            return None
        said = True
    return total + current if said else None


def written_amount(amount: str, spoken: dict | None) -> str:
    """A sum said in words written in digits with its currency ('three thousand six hundred pounds' -> '£3,600');
    a sum already in digits, or one that is not all number words, stays as written."""
    if not spoken or re.search(r"\d", amount):
        return amount
    key = next((key for key, rule in spoken["currency"].items() if rule.search(amount)), None)
    words = spoken["currency"][key].sub(" ", amount) if key else amount
    n = spoken_number(words, spoken)
    if n is None:
        return amount
    digits = f"{n:,}".replace(",", spoken["group"].pattern)
    return key.format(digits) if key else digits
