"""Property: every violation's span points at its excerpt, whatever the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tactful import InputError, check

FRAGMENTS = [
    "You always ignore", "your fault", "вы постоянно срывали сроки", "по вашей вине", "!!", "?!", "NOT OK",
    "[Client Name]", "so-called", "Спасибо", "Thank you", "we have decided", "мы приняли решение", "\n",
    "«Ромашка»", "🙂", "  ", "Вы опять проигнорировали", "idiot", "ё", "don't", "can't",
]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map(" ".join),
)


@settings(max_examples=300, deadline=None)
@given(text=texts, lang=st.sampled_from(["auto", "en", "ru"]), channel=st.sampled_from(["email", "call", "meeting"]))
def test_spans_match_excerpts(text, lang, channel):
    try:
        report = check(text, lang=lang, channel=channel)
    except InputError:
        assert not text.strip()
        return
    assert report.passed == (not report.errors)
    assert 0.0 <= report.score <= 1.0
    for v in report.violations:
        assert 0 <= v.start <= v.end <= len(text)
        assert text[v.start:v.end] == v.excerpt
