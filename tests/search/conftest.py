from tests.bank.conftest import bank, bank_demo  # noqa: F401 (shared fixtures of the bank)
