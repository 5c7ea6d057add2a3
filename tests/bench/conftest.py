from tests.bank.conftest import bank  # noqa: F401 (the bank the generator grows)
