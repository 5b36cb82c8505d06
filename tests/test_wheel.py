"""The data directories must ship inside the wheel: a non-editable install has no repository beside it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_carries_data_and_works_installed(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next(tmp_path.glob("tactful-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "tactful/_data/guidelines/rules/accusation.yaml" in names
    assert any(n.startswith("tactful/_data/guidelines/corpus/") for n in names)
    assert "tactful/_data/eval/labeled/tune/ru-1.yaml" in names and "tactful/_data/eval/labeled/frozen/ru.yaml" in names
    assert "tactful/history/migrations/versions/0001_initial.py" in names  # the history migrates when installed

    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site), str(wheel)],
        check=True, capture_output=True, timeout=300,
    )
    code = (
        "import tactful, json; from tactful.resources import data_dir;"
        "r = tactful.check('Вы опять проигнорировали письмо.');"
        "print(json.dumps([tactful.__file__, str(data_dir('guidelines')), r.passed, len(tactful.load_guidelines())]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        env={**os.environ, "PYTHONPATH": str(site)},
    )
    assert out.returncode == 0, out.stderr
    import json

    module_file, guidelines_dir, passed, n_guidelines = json.loads(out.stdout)
    assert module_file.startswith(str(site)) and guidelines_dir.startswith(str(site))
    assert passed is False and n_guidelines >= 11
