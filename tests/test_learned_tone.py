"""The learned tone reader: trained on the tuning split only, shipped as data, read sentence by sentence."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from support.learned_probe import HOSTILE, RESPECTFUL

from tactful import check
from tactful.checker_eval import load_labeled
from tactful.rules.learned import load_model, probability, terms
from tactful.text import tokenize

ROOT = Path(__file__).resolve().parents[1]


def _trainer():
    spec = importlib.util.spec_from_file_location("train_tone_model", ROOT / "eval" / "train_tone_model.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_trainer_reads_the_tuning_split_only(monkeypatch):
    trainer = _trainer()
    splits = []
    original = trainer.load_labeled

    def recording(language, split="tune", directory=None):
        splits.append(split)
        return original(language, split, directory)

    monkeypatch.setattr(trainer, "load_labeled", recording)
    texts, sentences, labels = trainer._dataset("en")
    assert splits == ["tune"] and len(texts) == len(sentences) == len(labels) > 300
    assert 0.3 < sum(labels) / len(labels) < 0.8


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_shipped_model_is_what_the_trainer_writes(language):
    """Edit the labeled set, retrain (eval/train_tone_model.py): a stale model fails here."""
    pytest.importorskip("sklearn")
    shipped = json.loads((ROOT / "guidelines" / "models" / f"tone-{language}.json").read_text(encoding="utf-8"))
    assert _trainer().train(language) == shipped


def test_terms_are_lemmas_and_their_pairs():
    assert terms(tokenize("You ignored the reminders", "en")) == ["you", "ignore", "the", "reminder", "you ignore",
                                                                   "ignore the", "the reminder"]


@pytest.mark.parametrize("language, hostile, polite", [
    ("en", "Honestly, working with you people has been a waste of our time.",
     "Thank you for the project; we will hand over the files on Friday."),
    ("ru", "Честно говоря, работать с вами было пустой тратой нашего времени.",
     "Спасибо за проект, файлы передадим в пятницу."),
])
def test_the_model_tells_a_hostile_sentence_from_a_polite_one(language, hostile, polite):
    model = load_model(language)
    assert probability(model, terms(tokenize(hostile, language))) > probability(model, terms(tokenize(polite, language)))
    assert 0 < model["threshold"] < 1 and model["trained_on"] == "eval/labeled/tune"


def test_a_finding_spans_its_sentence_and_says_how_sure_it_is():
    model = load_model("en")
    text = "Thank you for the work. " + "You are wasting everybody's time with this endless nonsense."
    report = check(text, lang="en")
    learned = [v for v in report.violations if v.rule == "learned_tone"]
    for v in learned:
        assert text[v.start:v.end] == v.excerpt and v.excerpt.startswith("You are") and v.category == "tone"
        assert "probability 0." in v.message
    assert report.hostile and model["threshold"] < 1


def test_a_script_label_is_not_read_with_the_sentence_after_it():
    """«Ответ:» names a part of a call script; the sentence after it is read as it would be said."""
    said = "Я переезжаю в другую область."
    labelled = check(f"Если клиент спрашивает о причинах\nОтвет: {said}", "ru", "call")
    assert not [v for v in labelled.violations if v.rule == "learned_tone"]
    assert check("Если клиент спрашивает о причинах\nОтвет: Вы сами виноваты, что всё так вышло.", "ru", "call").hostile


def test_a_callers_self_introduction_is_not_read_as_prose():
    opening = "Good afternoon, Mr Wróbel. This is Laura from Pennington People Advisory. Is now a good time?"
    assert not [v for v in check(opening, "en", "call").violations if v.rule == "learned_tone"]
    assert check("This is unacceptable and you know it, frankly.", "en", "call").hostile


def _read_as_hostile(text: str, language: str) -> bool:
    return any(v.rule == "learned_tone" for v in check(text, language, "email").violations)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_plain_first_person_sentences_of_a_polite_letter_are_not_read_as_hostile(language):
    """The sender's own voice (the decision, the reason as their own business choice, thanks, the handover,
    the last invoice, wishes) is what a polite letter is made of: a reader that flags it narrows what can be
    written. The probe sentences are never trained on (tests/support/learned_probe.py)."""
    trained_on = {item.text for item in load_labeled(language, "tune")}
    assert not trained_on & set(RESPECTFUL[language] + HOSTILE[language])
    flagged = [s for s in RESPECTFUL[language] if _read_as_hostile(s, language)]
    assert len(RESPECTFUL[language]) >= 30 and len(flagged) <= 2, flagged


@pytest.mark.parametrize("language", ["en", "ru"])
def test_first_person_hostility_is_still_read_as_hostile(language):
    """The pronoun is not the cue either way: venting, blame and judgment in the first person are hostile."""
    assert sum(_read_as_hostile(s, language) for s in HOSTILE[language]) >= len(HOSTILE[language]) - 1
    assert all(check(s, language, "email").hostile for s in HOSTILE[language])


def _firm_boundaries() -> dict:
    import yaml

    return yaml.safe_load((ROOT / "eval" / "probes" / "firm-boundaries.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", ["ru"])
def test_a_firm_boundary_of_the_senders_own_is_not_read_as_hostile(language):
    """«Без осмотра в нашем кабинете никто не выезжает»: a rule of the sender's own trade, said firmly and with
    no reproach, is a reason a user may give for ending the work. Negation is not hostility. The probe
    (eval/probes/firm-boundaries.yaml) is never trained on; before the tuning split's batch of firm boundaries
    (ru-7) the Russian reader flagged 13/32 of these lines, after it 2/32. English keeps its earlier reader
    (10/32): retrained the same way, it also read a warm line of thanks as hostile and lost a frozen hostile text."""
    probe = _firm_boundaries()[language]
    trained_on = {item.text for item in load_labeled(language, "tune")}
    lines = probe["firm"] + probe["reported"]
    assert not trained_on & set(lines + probe["hostile"])
    flagged = [s for s in lines if _read_as_hostile(s, language)]
    assert len(probe["firm"]) >= 25 and len(flagged) <= 0.10 * len(lines), flagged


@pytest.mark.parametrize(("language", "by_checker", "by_reader"), [("en", 0.60, 0.60), ("ru", 0.80, 0.70)])
def test_hostility_dressed_as_a_boundary_is_still_hostile(language, by_checker, by_reader):
    """'I won't keep cleaning up after your staff's mistakes': blame, sarcasm or a verdict on the client put as a
    boundary stays hostile (before ru-7 the checker called 12/20 and 17/20 of the probe's lines hostile,
    after it, in Russian, 17/20; the Russian reader alone flags 14/20, from 16/20; English, not retrained, 12/20 and 12/20)."""
    hostile = _firm_boundaries()[language]["hostile"]
    assert len(hostile) >= 15
    assert sum(check(s, language, "email").hostile for s in hostile) >= by_checker * len(hostile)
    assert sum(_read_as_hostile(s, language) for s in hostile) >= by_reader * len(hostile)
