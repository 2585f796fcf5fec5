# The real SMTP server the reminder tests send to: a CTest fixture that starts
# a throwaway aiosmtpd on 127.0.0.1 (smtp.sh; one plain server, one with
# STARTTLS and AUTH) before the tests named SmtpRemind* and stops it after.
# Included after gtest_discover_tests, like mediawiki.cmake.
set(PLENARY_SMTP_DIR ${CMAKE_BINARY_DIR}/smtp-fixture)
add_test(NAME smtp_start COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/smtp.sh start ${PLENARY_SMTP_DIR})
add_test(NAME smtp_stop COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/smtp.sh stop ${PLENARY_SMTP_DIR})
set_tests_properties(smtp_start PROPERTIES FIXTURES_SETUP smtp TIMEOUT 60)
set_tests_properties(smtp_stop PROPERTIES FIXTURES_CLEANUP smtp)
file(WRITE ${CMAKE_BINARY_DIR}/smtp_fixture.cmake
     "foreach(test IN LISTS PLENARY_PLAIN_TESTS)\n"
     "  if(test MATCHES \"^SmtpRemind\")\n"
     "    set_tests_properties(\${test} PROPERTIES FIXTURES_REQUIRED smtp\n"
     "        ENVIRONMENT \"PLENARY_SMTP_ENV=${PLENARY_SMTP_DIR}/smtp.env\")\n"
     "  endif()\n"
     "endforeach()\n")
set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${CMAKE_BINARY_DIR}/smtp_fixture.cmake)
