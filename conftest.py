# The shared fixtures serve tests/ and the apps' own tests (pages/updates/tests/, pages/opendata/tests/).
pytest_plugins = ["tests.fixtures"]
