"""Property-based run against the service's own OpenAPI description (schemathesis): whatever it
generates — parameters, multipart bodies, raw bytes, JSON — the service never answers 5xx.

Driven through hypothesis directly (one test per operation) rather than schemathesis' pytest plugin.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from checker.service.testing import running_service

TOKEN = "schema-token"
OPERATIONS = [
    ("POST", "/api/v1/audit"),
    ("POST", "/api/v1/jobs"),
    ("GET", "/api/v1/jobs/{job_id}"),
    ("GET", "/api/v1/jobs/{job_id}/result"),
    ("GET", "/api/v1/rules"),
    ("GET", "/api/v1/fields"),
    ("POST", "/v1/audit"),
    ("POST", "/v1/records"),
    ("GET", "/v1/rules"),
    ("GET", "/healthz"),
    ("GET", "/readyz"),
]


@pytest.fixture(scope="module")
def service_url():
    with running_service("--workers", "1", "--max-upload-mb", "2", env={"CHECKER_TOKENS": TOKEN}) as url:
        yield url


@pytest.fixture(scope="module")
def api_schema(service_url):
    return schemathesis.openapi.from_url(service_url + "/openapi.json")


def test_the_spec_lists_every_operation(api_schema):
    found = {(op.ok().method.upper(), op.ok().path) for op in api_schema.get_all_operations()}
    assert set(OPERATIONS) <= found


@pytest.mark.parametrize("method,path", OPERATIONS)
def test_no_server_errors(api_schema, service_url, method, path):
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def run(case):
        for headers in ({"Authorization": f"Bearer {TOKEN}"}, {}):
            response = case.call(base_url=service_url, headers=headers, timeout=60)
            assert response.status_code < 500, (case.method, case.path, response.status_code, response.text[:500])
            case.validate_response(response, checks=[not_a_server_error])

    run()
