"""What the test modules share: fakes, loopback servers and helpers. Test modules import from here (or
take the fixtures of ``support.fixtures``), never from one another.

- ``openai_server``: ``ScriptedOpenAIServer``, a loopback server speaking the OpenAI protocol.
- ``ui_server``: ``UIServer``, the real web UI (``tactful ui``) in a subprocess.
- ``fakes``: ``RecordingFakeChat``, a langchain fake chat model that records its prompts.
- ``scenarios``: the shipped scenarios (``SCENARIOS``, ``SCENARIO``) and copies of them (``scenario_dir``).
- ``model_answers``: what a good model answers (``grounded_reply``, ``compliant_answer``).
- ``scripted_backend``: pointing Tactful at a scripted server (``llm_env``, ``settings_for``).
- ``fixtures``: the pytest fixtures over them (``scripted_llm``, ``ui_url``), registered by ``conftest.py``.
"""
