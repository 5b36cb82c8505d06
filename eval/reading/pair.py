"""Blind pairs: python3 pair.py SETDIR OLDDIR NEWDIR READDIR KEYFILE
For every output file present in both, writes READDIR/<file stem>.A.txt and .B.txt in random order, copies
the situation and the client's reply next to them, and records which is new in KEYFILE."""
import json
import random
import shutil
import sys
from pathlib import Path

setdir, old, new, read, keyfile = map(Path, sys.argv[1:6])
read.mkdir(parents=True, exist_ok=True)
key = {}
for o in sorted(old.glob("*.txt")):
    n = new / o.name
    # The tool's warnings are the user's, not part of what is sent (generate.py keeps them apart).
    if not n.exists() or o.name.endswith(".warnings.txt"):
        continue
    name = o.name[:-4]
    first_new = random.random() < 0.5
    a, b = (n, o) if first_new else (o, n)
    shutil.copy(a, read / f"{name}.A.txt")
    shutil.copy(b, read / f"{name}.B.txt")
    key[name] = {"new": "A" if first_new else "B", "same": o.read_text() == n.read_text()}
    stem = name.split(".")[0]
    shutil.copy(setdir / f"{stem}.yaml", read / f"{stem}.situation.yaml")
    if (setdir / f"{stem}.reply.txt").exists():
        shutil.copy(setdir / f"{stem}.reply.txt", read / f"{stem}.client-reply.txt")
keyfile.write_text(json.dumps(key, indent=1, ensure_ascii=False))
print(len(key), "pairs;", sum(v["same"] for v in key.values()), "identical")
