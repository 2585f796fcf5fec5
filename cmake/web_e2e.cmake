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
