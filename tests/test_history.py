"""The local history: what is saved is what comes back, on SQLite and on a real PostgreSQL server, and
`tactful draft`, `check`, `reply` and `tactful history` use it as a person would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
import yaml
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from typer.testing import CliRunner

import tactful
from tactful.cli import app
from tactful.history import Case, CaseNotFound, HistoryError, HistoryStore
from tactful.history.database import HEAD, VERSION_TABLE, alembic_config
from tactful.situation import load_situation

ROOT = Path(__file__).resolve().parents[1]
SCENARIO = ROOT / "eval/scenarios/02-scope-creep-ux-designer.yaml"
PUSH_BACK = "We do not accept this. The contract says you finish the app, and we will not pay the last invoice."
BACKENDS = ["sqlite", "postgresql"]


def _postgres_base() -> str:
    url = os.environ.get("TACTFUL_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("TACTFUL_REQUIRE_POSTGRES") == "1":
            pytest.fail("TACTFUL_REQUIRE_POSTGRES=1 but TACTFUL_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL: set TACTFUL_TEST_POSTGRES_URL (.ci/run starts a server)")
    return url


@pytest.fixture(params=BACKENDS)
def db_url(request, tmp_path, monkeypatch):
    """An empty history database, also made the CLI's: a SQLite file, or a schema of its own on the
    PostgreSQL server (dropped afterwards, so the server's other contents are never touched)."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'history.db'}"
        monkeypatch.setenv("TACTFUL_DATABASE_URL", url)
        yield url
        return
    base = _postgres_base()
    schema = f"tactful_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = make_url(base).update_query_dict({"options": f"-csearch_path={schema}"}).render_as_string(hide_password=False)
    monkeypatch.setenv("TACTFUL_DATABASE_URL", url)
    try:
        yield url
    finally:
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def store(db_url):
    with HistoryStore(db_url) as opened:
        yield opened


@pytest.fixture(scope="module")
def made():
    """Real results of the offline composer: a draft with a variant, a reply, and a check report."""
    with pytest.MonkeyPatch.context() as patch:
        for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "TACTFUL_BACKEND"):
            patch.delenv(var, raising=False)
        situation = load_situation(SCENARIO)
        draft = tactful.draft(situation, backend="composer", variants=2)
        reply = tactful.reply(situation, PUSH_BACK, backend="composer")
        report = tactful.check("You always ignore my emails.")
    return situation, draft, reply, report


def test_a_saved_case_lists_and_reopens_with_the_same_situation(store, made):
    situation = made[0]
    case_id = store.save_case(situation)
    [summary] = store.list_cases()
    assert (summary.id, summary.client, summary.contact) == (case_id, "Brightwell Fitness Ltd", "Megan Hollis")
    case = store.get_case(case_id)
    assert case.situation == situation.model_dump(mode="json") and case.entries == []
    assert tactful.Situation.model_validate(case.situation) == situation
    assert case.created.utcoffset().total_seconds() == 0 and case.updated == case.created


def test_entries_come_back_in_order_with_what_made_them(store, made):
    situation, draft, reply, report = made
    case_id = store.save_case(situation)
    store.add_draft(case_id, draft)
    store.add_check("You always ignore my emails.", report, case_id)
    store.add_reply(case_id, PUSH_BACK, reply)
    case = store.get_case(case_id)
    assert [e.kind for e in case.entries] == ["draft", "draft", "check", "reply"]  # the variant is a draft too
    first, variant, checked, answered = case.entries
    assert (first.text, first.channel, first.tone, first.backend) == (draft.text, "call", draft.tone, "composer")
    assert variant.text == draft.variants[0].text and variant.tone != first.tone
    assert first.report == draft.report.model_dump(mode="json") and first.compliant is draft.compliant
    assert (checked.compliant, checked.client_reply, checked.report["passed"]) == (False, None, False)
    assert (answered.client_reply, answered.text, answered.language) == (PUSH_BACK, reply.text, "en")
    assert [e.id for e in case.entries] == sorted(e.id for e in case.entries)
    assert all(e.created.utcoffset().total_seconds() == 0 for e in case.entries)
    assert case.updated >= case.created and case.channel == "email"  # the summary follows the latest entry
    assert case.last_text == " ".join(reply.text.split())[:159] + "…"


def test_a_check_without_a_case_gets_its_own(store, made):
    case_id = store.add_check("You always ignore my emails.", made[3])
    case = store.get_case(case_id)
    assert (case.client, case.situation, [e.kind for e in case.entries]) == ("", {}, ["check"])
    assert store.list_cases()[0].last_text == "You always ignore my emails."


def test_delete_removes_the_case_and_its_entries_for_good(store, made, db_url):
    situation, draft, _, _ = made
    kept, gone = store.save_case(situation), store.save_case(situation)
    store.add_draft(kept, draft)
    store.add_draft(gone, draft)
    store.delete_case(gone)
    with pytest.raises(CaseNotFound) as caught:
        store.get_case(gone)
    assert isinstance(caught.value, KeyError) and str(caught.value) == f"no case with id {gone} in the history"
    with pytest.raises(CaseNotFound):
        store.delete_case(gone)
    assert [c.id for c in store.list_cases()] == [kept]
    engine = create_engine(db_url)
    with engine.connect() as connection:
        left = connection.execute(text("SELECT case_id FROM entries")).scalars().all()
    engine.dispose()
    assert left == [kept, kept]


def test_list_is_newest_first_and_filters_by_client_in_any_case(store, made):
    names = ["Brightwell Fitness Ltd", "ООО «Ромашка»", "100% Agency", "Northwind"]
    ids = [store.save_case({"client": {"name": name}}) for name in names]
    store.add_check("Thank you.", made[3], ids[0])  # the oldest, updated last, comes first
    assert [c.id for c in store.list_cases()] == [ids[0], ids[3], ids[2], ids[1]]
    assert [c.client for c in store.list_cases("BRIGHTWELL")] == ["Brightwell Fitness Ltd"]
    assert [c.client for c in store.list_cases("ромаш")] == ["ООО «Ромашка»"]  # Cyrillic folds too
    assert [c.client for c in store.list_cases("0%")] == ["100% Agency"]  # % is a character, not a wildcard
    assert store.list_cases("nobody") == [] and len(store.list_cases(limit=2)) == 2


def test_export_round_trips_through_json(store, made):
    situation, draft, _, report = made
    first = store.save_case(situation)
    store.add_draft(first, draft)
    second = store.add_check("You always ignore my emails.", report)
    exported = store.export()
    assert [c.id for c in exported] == [second, first]
    again = [Case.model_validate(item) for item in json.loads(json.dumps([c.model_dump(mode="json") for c in exported]))]
    assert again == exported == [store.get_case(second), store.get_case(first)]
    assert [c.id for c in store.export([first])] == [first]
    with pytest.raises(CaseNotFound):
        store.export([first, 999])


def test_update_situation_and_find_case(store, made):
    situation = made[0]
    case_id = store.save_case(situation)
    assert store.find_case(situation) == case_id and store.find_case({"client": {"name": "Brightwell"}}) is None
    edited = situation.model_copy(update={"channel": "email", "client": tactful.situation.Client(name="Brightwell Gyms")})
    store.update_situation(case_id, edited)
    case = store.get_case(case_id)
    assert (case.client, case.contact, case.channel, case.situation["channel"]) == ("Brightwell Gyms", None, "email", "email")
    assert store.find_case(edited) == case_id and store.find_case(situation) is None


def test_one_store_serves_many_threads_at_once(store, made):
    # The web UI's handlers run in worker threads and share one store.
    from concurrent.futures import ThreadPoolExecutor

    def work(n: int) -> int:
        case_id = store.save_case({"client": {"name": f"Client {n}"}})
        store.add_check("Thank you for the work together.", made[3], case_id)
        return case_id

    with ThreadPoolExecutor(8) as pool:
        ids = list(pool.map(work, range(24)))
    assert sorted(c.id for c in store.list_cases()) == sorted(ids) and len(set(ids)) == 24


def test_first_runs_at_once_migrate_the_database_once(db_url, tmp_path):
    # Teammates on a shared server, or the UI and a command: several processes find an empty database.
    # Each says it is ready (everything imported) and waits for the start file, so that they do start together.
    code = ("import sys, time, pathlib, alembic.command, tactful.history.store as s\n"
            "store, here = s.HistoryStore(sys.argv[1]), pathlib.Path(sys.argv[2])\n"
            "(here / f'ready-{sys.argv[3]}').touch()\n"
            "while not (here / 'go').exists(): time.sleep(0.001)\n"
            "store.save_case({'client': {'name': 'Northwind'}}); store.close()")
    runs = [subprocess.Popen([sys.executable, "-c", code, db_url, str(tmp_path), str(n)], stderr=subprocess.PIPE,
                             text=True) for n in range(5)]
    while len(list(tmp_path.glob("ready-*"))) < 5 and all(run.poll() is None for run in runs):
        time.sleep(0.01)
    (tmp_path / "go").touch()
    errors = [run.communicate(timeout=120)[1] for run in runs]
    assert [run.returncode for run in runs] == [0] * 5, errors
    with HistoryStore(db_url) as store:
        assert len(store.list_cases("northwind")) == 5


def test_migrations_create_the_tables_on_an_empty_database(store, db_url):
    store.list_cases()  # the first use migrates
    engine = create_engine(db_url)
    with engine.connect() as connection:
        assert {"cases", "entries", VERSION_TABLE} <= set(inspect(connection).get_table_names())
        assert connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar() == HEAD
        from alembic.autogenerate import compare_metadata
        from alembic.migration import MigrationContext

        from tactful.history.tables import Base

        # The tables the code declares are the tables the migrations make.
        context = MigrationContext.configure(connection, opts={"version_table": VERSION_TABLE})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_head_is_the_newest_migration():
    from alembic.script import ScriptDirectory

    assert ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() == HEAD


def test_a_store_on_a_file_path_survives_a_restart(tmp_path, made):
    path = tmp_path / "deep" / "dir" / "history.db"  # the directory is created
    with HistoryStore(str(path)) as store:
        case_id = store.save_case(made[0])
        store.add_draft(case_id, made[1])
    with HistoryStore.open(f"sqlite:///{path}") as reopened:
        assert [e.text for e in reopened.get_case(case_id).entries][0] == made[1].text


def test_an_unusable_database_is_one_history_error(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(HistoryError, match="history database"):
        HistoryStore(str(tmp_path / "file" / "history.db")).list_cases()
    with pytest.raises(HistoryError) as caught:
        HistoryStore("postgresql://someone:s3cret@127.0.0.1:1/none").list_cases()
    assert "s3cret" not in str(caught.value) and "***" in str(caught.value) and "\n" not in str(caught.value)


def test_import_tactful_and_its_cli_stay_free_of_sqlalchemy():
    code = "import sys, tactful, tactful.cli; print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'alembic'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


# -- the command line ------------------------------------------------------------------------------------

OFFLINE = {"OPENAI_API_KEY": None, "OPENAI_BASE_URL": None, "TACTFUL_BACKEND": None}


def tactful_cli(*args: str, input: str | None = None, **env: str | None):
    return CliRunner().invoke(app, list(args), input=input, env={**OFFLINE, **env})


def test_draft_check_and_reply_are_saved_and_listed(db_url, tmp_path):
    assert tactful_cli("draft", str(SCENARIO), "--backend", "composer").exit_code == 0
    assert tactful_cli("draft", str(SCENARIO), "--backend", "composer", "-c", "email").exit_code == 0
    (tmp_path / "push-back.txt").write_text(PUSH_BACK, encoding="utf-8")
    assert tactful_cli("reply", str(SCENARIO), str(tmp_path / "push-back.txt"), "--backend", "composer").exit_code in (0, 1)
    assert tactful_cli("check", "-", input="You always ignore my emails.").exit_code == 1
    listed = tactful_cli("history", "list")
    assert listed.exit_code == 0, listed.output
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["ID", "UPDATED", "CLIENT"] and len(lines) == 3  # one case per situation
    assert "(a check)" in lines[1] and "Brightwell Fitness Ltd" in lines[2]
    [case] = json.loads(tactful_cli("history", "list", "--client", "brightwell", "--format", "json").stdout)
    shown = yaml.safe_load(tactful_cli("history", "show", str(case["id"])).stdout)
    assert [e["kind"] for e in shown["entries"]] == ["draft", "draft", "reply"]
    assert [e["channel"] for e in shown["entries"]] == ["call", "email", "email"]
    assert shown["situation"]["client"]["name"] == "Brightwell Fitness Ltd"
    assert json.loads(tactful_cli("history", "show", str(case["id"]), "-f", "json").stdout) == shown


def test_no_history_and_tactful_history_0_leave_the_database_empty(db_url):
    assert tactful_cli("draft", str(SCENARIO), "--backend", "composer", "--no-history").exit_code == 0
    assert tactful_cli("check", "-", "--no-history", input="Thank you for the work together.").exit_code in (0, 1)
    assert tactful_cli("draft", str(SCENARIO), "--backend", "composer", TACTFUL_HISTORY="0").exit_code == 0
    assert json.loads(tactful_cli("history", "list", "-f", "json").stdout) == []


def test_a_broken_database_warns_but_the_draft_is_written(tmp_path):
    (tmp_path / "file").write_text("x")
    result = tactful_cli("draft", str(SCENARIO), "--backend", "composer", "--format", "json",
                         TACTFUL_DATABASE_URL=f"sqlite:///{tmp_path / 'file' / 'h.db'}")
    assert result.exit_code == 0 and json.loads(result.stdout)["compliant"] is True
    warnings = [line for line in result.stderr.splitlines() if "history" in line]
    assert len(warnings) == 1 and warnings[0].startswith("tactful: warning: not saved to the history:")


def test_export_and_delete_from_the_command_line(db_url, made, tmp_path):
    with HistoryStore(db_url) as store:
        first = store.save_case(made[0])
        store.add_draft(first, made[1])
        second = store.add_check("You always ignore my emails.", made[3])
    everything = json.loads(tactful_cli("history", "export").stdout)
    assert [c["id"] for c in everything] == [second, first]
    out = tmp_path / "out" / "cases.yaml"
    written = tactful_cli("history", "export", "--id", str(first), "--format", "yaml", "--out", str(out))
    assert written.exit_code == 0 and "exported 1 case(s)" in written.stderr
    [case] = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert Case.model_validate(case) == Case.model_validate(everything[1])

    refused = tactful_cli("history", "delete", str(first), input="n\n")
    assert refused.exit_code == 1 and "not deleted" in refused.stderr
    assert tactful_cli("history", "delete", str(first), input="y\n").exit_code == 0
    assert tactful_cli("history", "delete", str(second), "--yes").exit_code == 0
    assert json.loads(tactful_cli("history", "export").stdout) == []


@pytest.mark.parametrize("args", [["show", "42"], ["delete", "42", "--yes"], ["export", "--id", "42"]])
def test_an_unknown_id_is_one_line_and_exit_2(db_url, args):
    result = tactful_cli("history", *args)
    assert result.exit_code == 2 and result.stderr == "tactful: no case with id 42 in the history\n"


def test_an_unreachable_database_is_one_line_and_exit_2():
    result = tactful_cli("history", "list", TACTFUL_DATABASE_URL="postgresql://me:s3cret@127.0.0.1:1/none")
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.stderr
    assert "s3cret" not in result.stderr and result.stderr.startswith("tactful: history database postgresql")
