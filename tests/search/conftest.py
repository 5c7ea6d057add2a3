from tests.bank.conftest import bank  # noqa: F401 (the bank that the Elasticsearch tests publish into)
