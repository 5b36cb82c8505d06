"""Train the learned tone reader (guidelines/models/tone-<lang>.json) on the tuning split only.

    .venv/bin/python eval/train_tone_model.py          # needs scikit-learn (the test extra)

The frozen split is never read here, so its figures stay honest. The threshold is the lowest one at
which, in 5-fold cross-validation on the tuning split, at most MAX_FALSE_POSITIVES of the respectful
examples are flagged: a reader that cries wolf teaches people to ignore it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tactful.checker_eval import load_labeled  # noqa: E402
from tactful.rules import hostile_categories, load_rules  # noqa: E402
from tactful.rules.learned import _words, terms  # noqa: E402
from tactful.text import tokenize  # noqa: E402

MAX_FALSE_POSITIVES = 0.03
C = 4.0  # inverse regularisation; found by cross-validation on the tuning split
SEED = 13


def _dataset(language: str) -> tuple[list[list[str]], list[list[list[str]]], list[int]]:
    """Per example: its terms, the terms of each of its sentences (the model reads sentences), its label."""
    rules = load_rules()
    category = {r.id: r.category for r in rules.rules}
    min_words = rules.by_id("learned_tone").min_words
    hostile = hostile_categories()
    items = load_labeled(language, "tune")
    texts, sentences = [], []
    for item in items:
        tokens = tokenize(item.text, language)
        texts.append(terms(tokens))
        parts = [[t for t in tokens if t.sentence == n] for n in sorted({t.sentence for t in tokens})]
        # Read as the rule reads: the sentences long enough to judge (or the whole text if none is).
        long_enough = [p for p in parts if _words(p) >= min_words] or [list(tokens)]
        sentences.append([terms(p) for p in long_enough])
    labels = [int(any(category.get(e) in hostile for e in i.expect)) for i in items]
    return texts, sentences, labels


def train(language: str) -> dict:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    texts, sentences, labels = _dataset(language)
    y = np.array(labels)

    def fit(indices):
        vectorizer = TfidfVectorizer(analyzer=lambda d: d, sublinear_tf=True)
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        model.fit(vectorizer.fit_transform([texts[i] for i in indices]), y[indices])
        return vectorizer, model

    held_out = np.zeros(len(y))
    for train_idx, test_idx in StratifiedKFold(5, shuffle=True, random_state=SEED).split(np.zeros(len(y)), y):
        vectorizer, model = fit(train_idx)
        # As the rule reads a text: sentence by sentence, flagged if any sentence is.
        for i in test_idx:
            held_out[i] = model.predict_proba(vectorizer.transform(sentences[i]))[:, 1].max()
    respectful = held_out[y == 0]
    threshold = next(t / 100 for t in range(50, 100) if (respectful > t / 100).mean() <= MAX_FALSE_POSITIVES)
    recall = float((held_out[y == 1] > threshold).mean())

    vectorizer, model = fit(np.arange(len(y)))
    weights = model.coef_[0]
    features = {term: [round(float(vectorizer.idf_[i]), 5), round(float(weights[i]), 5)]
                for term, i in sorted(vectorizer.vocabulary_.items())}
    return {
        "language": language, "trained_on": "eval/labeled/tune", "examples": len(y), "hostile": int(y.sum()),
        "threshold": threshold, "cv_recall": round(recall, 4), "cv_false_positives": MAX_FALSE_POSITIVES,
        "intercept": round(float(model.intercept_[0]), 5), "features": features,
    }


def main() -> None:
    for language in ("en", "ru"):
        model = train(language)
        path = ROOT / "guidelines" / "models" / f"tone-{language}.json"
        path.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        print(f"{language}: {model['examples']} examples, threshold {model['threshold']}, "
              f"cross-validated recall {model['cv_recall']}, {len(model['features'])} features -> {path}")


if __name__ == "__main__":
    main()
