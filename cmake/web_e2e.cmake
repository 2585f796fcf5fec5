# The browser end-to-end test (tests/web/e2e.mjs): a fixture starts a real
# `plenary serve` on a free port with a fresh database and a user, the test
# drives Debian's chromium through it, the fixture stops it. Screenshots land
# in the build tree under web-e2e/artefacts. Skipped (77) without node,
# chromium or the npm packages, except under CI=true, where it fails.
set(PLENARY_E2E_DIR ${CMAKE_BINARY_DIR}/web-e2e)
add_test(NAME web_e2e_server_start
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/web/serve_fixture.sh start ${PLENARY_E2E_DIR}
                 $<TARGET_FILE:plenary>)
add_test(NAME web_e2e_server_stop
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/web/serve_fixture.sh stop ${PLENARY_E2E_DIR})
add_test(NAME web_e2e
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/web/run_e2e.sh ${PLENARY_E2E_DIR})
set_tests_properties(web_e2e_server_start PROPERTIES FIXTURES_SETUP web_e2e_server)
set_tests_properties(web_e2e_server_stop PROPERTIES FIXTURES_CLEANUP web_e2e_server)
set_tests_properties(web_e2e PROPERTIES FIXTURES_REQUIRED web_e2e_server SKIP_RETURN_CODE 77
                     TIMEOUT 300)

# The JSON API's contract test (tests/web/contract.mjs): doc/openapi.yaml
# against a real `plenary serve` holding the SSR2 example (its own fixture
# instance, since the test writes) and against the routes src/server
# registers. Skipped (77) without node or the npm packages, except under
# CI=true, where it fails.
set(PLENARY_CONTRACT_DIR ${CMAKE_BINARY_DIR}/api-contract)
add_test(NAME api_contract_server_start
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/web/serve_fixture.sh start
                 ${PLENARY_CONTRACT_DIR} $<TARGET_FILE:plenary> sample)
add_test(NAME api_contract_server_stop
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/web/serve_fixture.sh stop ${PLENARY_CONTRACT_DIR})
add_test(NAME api_contract
         COMMAND bash ${CMAKE_SOURCE_DIR}/tests/web/run_contract.sh ${PLENARY_CONTRACT_DIR})
set_tests_properties(api_contract_server_start PROPERTIES FIXTURES_SETUP api_contract_server)
set_tests_properties(api_contract_server_stop PROPERTIES FIXTURES_CLEANUP api_contract_server)
set_tests_properties(api_contract PROPERTIES FIXTURES_REQUIRED api_contract_server
                     SKIP_RETURN_CODE 77 TIMEOUT 120)
