"""Draft every situation of a set and answer every client reply, for blind readers (see README.md).

python gen.py SETDIR OUTDIR [en|ru|all]
  SETDIR/<stem>.yaml         situations  -> OUTDIR/<stem>.txt (the draft on the situation's channel), and
                                            its warnings to OUTDIR/<stem>.warnings.txt
  SETDIR/<stem>.reply.txt    client reply -> OUTDIR/<stem>.reply.txt, and its open points to
                                            SETDIR/questions/<stem>.txt when that folder exists
  SETDIR/answers.json        {stem: {point: answer}} -> OUTDIR/<stem>.answered.txt
Errors are printed and counted; the exit code is the number of failures.
"""
import json
import sys
import traceback
from pathlib import Path

import tactful
from tactful.situation import load_situation

setdir, out = Path(sys.argv[1]), Path(sys.argv[2])
which = sys.argv[3] if len(sys.argv) > 3 else "all"
out.mkdir(parents=True, exist_ok=True)
answers = json.loads((setdir / "answers.json").read_text()) if (setdir / "answers.json").exists() else {}
failed = 0
for path in sorted(setdir.glob("*.yaml")):
    stem = path.stem
    if which != "all" and not stem.startswith(which):
        continue
    try:
        sit = load_situation(path)
        res = tactful.draft(sit, backend="composer")
        # The tool's warnings are shown to the user beside the draft, not sent: readers get the draft alone.
        (out / f"{stem}.txt").write_text(res.text + "\n")
        if res.warnings:
            (out / f"{stem}.warnings.txt").write_text("".join(w + "\n" for w in res.warnings))
        reply = setdir / f"{stem}.reply.txt"
        if reply.exists():
            r = tactful.reply(sit, reply.read_text(), backend="composer")
            (out / f"{stem}.reply.txt").write_text(r.text + "\n")
            if (setdir / "questions").is_dir():
                (setdir / "questions" / f"{stem}.txt").write_text("".join(q + "\n" for q in r.questions))
            if stem in answers:
                a = tactful.reply(sit, reply.read_text(), backend="composer", answers=answers[stem])
                (out / f"{stem}.answered.txt").write_text(a.text + "\n")
    except Exception:
        failed += 1
        print(f"FAILED {stem}", file=sys.stderr)
        traceback.print_exc()
print(f"{len(list(out.glob('*.txt')))} files in {out}, {failed} failed", file=sys.stderr)
sys.exit(failed)
