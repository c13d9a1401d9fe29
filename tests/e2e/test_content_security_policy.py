"""Chromium enforces the Content-Security-Policy, and the journeys' watcher (conftest.py) sees a violation."""

import pytest

from . import conftest

pytestmark = pytest.mark.e2e


def test_an_injected_inline_script_is_blocked_and_reported(page):
    page.goto("/")
    directive = page.evaluate("""() => new Promise((resolve) => {
        document.addEventListener("securitypolicyviolation", (event) => resolve(event.violatedDirective),
                                  {once: true});
        const script = document.createElement("script");
        script.textContent = "document.body.dataset.injected = 'ran'";
        document.body.appendChild(script);
    })""")
    assert directive.startswith("script-src")
    assert page.evaluate("document.body.dataset.injected") is None
    violations = list(conftest.CSP_VIOLATIONS)
    conftest.CSP_VIOLATIONS.clear()  # expected here: it must not fail this test
    assert any("script-src" in violation for violation in violations), violations
