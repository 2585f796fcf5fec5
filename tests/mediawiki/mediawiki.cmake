# The real MediaWiki the publishing tests run against: a CTest fixture that
# installs and starts a throwaway wiki (wiki.sh) before the tests named
# MediaWiki* and removes it after them. Included after gtest_discover_tests,
# so that its include file runs once the discovered tests are defined.
set(PLENARY_WIKI_DIR ${CMAKE_BINARY_DIR}/mediawiki-fixture)
add_test(NAME mediawiki_start
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/wiki.sh start ${PLENARY_WIKI_DIR})
add_test(NAME mediawiki_stop
         COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/wiki.sh stop ${PLENARY_WIKI_DIR})
set_tests_properties(mediawiki_start PROPERTIES FIXTURES_SETUP mediawiki TIMEOUT 120)
set_tests_properties(mediawiki_stop PROPERTIES FIXTURES_CLEANUP mediawiki)
file(WRITE ${CMAKE_BINARY_DIR}/mediawiki_fixture.cmake
     "foreach(test IN LISTS PLENARY_PLAIN_TESTS)\n"
     "  if(test MATCHES \"^MediaWiki\")\n"
     "    set_tests_properties(\${test} PROPERTIES FIXTURES_REQUIRED mediawiki\n"
     "        ENVIRONMENT \"PLENARY_MEDIAWIKI_ENV=${PLENARY_WIKI_DIR}/wiki.env\")\n"
     "  endif()\n"
     "endforeach()\n")
set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES
             ${CMAKE_BINARY_DIR}/mediawiki_fixture.cmake)
