"""The curated records (`topics.json`, `people.json`, `meetings.json`), shipped as package
data: `api.vocabulary.SEEDS_DIR` finds them with `importlib.resources`, from a checkout
or an installed wheel alike."""
