"""Test support: a real SMTP server (smtp.py) and a real browser (browser.py).

tests/conftest.py loads both as pytest plugins:
    pytest_plugins = ["tests.support.smtp", "tests.support.browser"]
"""
