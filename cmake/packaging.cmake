# Installing plenary (`cmake --install build [--prefix P]`) and its Debian
# package (`cpack --config build/CPackConfig.cmake`, doc/packaging.md).
include(GNUInstallDirs)
set(PLENARY_DOCDIR ${CMAKE_INSTALL_DATADIR}/doc/plenary)

install(TARGETS plenary RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The PostgreSQL back end, loaded by the binary for a postgresql:// URL
# (src/store/postgres_module.h); its place relative to the binary is built in.
install(TARGETS plenary_postgres LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/plenary)
# The manual pages and completion made by the binary after each link
# (CMakeLists.txt: POST_BUILD), compressed as Debian's policy asks.
install(DIRECTORY ${CMAKE_BINARY_DIR}/man/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
        FILES_MATCHING PATTERN "*.1.gz")
install(FILES ${CMAKE_BINARY_DIR}/completion/plenary
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES README.md ARCHITECTURE.md DESTINATION ${PLENARY_DOCDIR})
install(DIRECTORY doc/ DESTINATION ${PLENARY_DOCDIR}/doc)
install(DIRECTORY examples/ DESTINATION ${PLENARY_DOCDIR}/examples)
install(DIRECTORY contrib/ DESTINATION ${PLENARY_DOCDIR}/contrib)
install(FILES packaging/debian/copyright DESTINATION ${PLENARY_DOCDIR})
install(FILES ${CMAKE_BINARY_DIR}/packaging/changelog.gz DESTINATION ${PLENARY_DOCDIR})
install(CODE "set(PLENARY_SOURCE_DIR \"${CMAKE_SOURCE_DIR}\")
              set(PLENARY_BINARY_DIR \"${CMAKE_BINARY_DIR}\")")
install(SCRIPT cmake/install_system_files.cmake)

# The Debian changelog, compressed reproducibly (gzip -n: no name, no time).
file(MAKE_DIRECTORY ${CMAKE_BINARY_DIR}/packaging)
add_custom_command(
    OUTPUT ${CMAKE_BINARY_DIR}/packaging/changelog.gz
    COMMAND sh -c "gzip -9n <'${CMAKE_SOURCE_DIR}/packaging/debian/changelog' >'${CMAKE_BINARY_DIR}/packaging/changelog.gz'"
    DEPENDS ${CMAKE_SOURCE_DIR}/packaging/debian/changelog VERBATIM)
add_custom_target(plenary_changelog ALL DEPENDS ${CMAKE_BINARY_DIR}/packaging/changelog.gz)
add_dependencies(plenary plenary_changelog)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plenary)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "plenary maintainers <plenary@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "register of meetings, action items, decisions and attendance")
set(CPACK_PACKAGE_DESCRIPTION
    "plenary reads meeting minutes in many formats and keeps a group's action-item\n\
register, decisions register and attendance log in SQLite or PostgreSQL. It\n\
publishes them as a web app with a JSON API, wiki pages, iCalendar feeds and\n\
CSV.\n\
.\n\
This package runs `plenary serve` as a hardened systemd service under the\n\
system user plenary, configured by /etc/plenary/plenary.toml, with the\n\
register in /var/lib/plenary.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Runtime libraries computed from the binary by dpkg-shlibdeps; systemd for
# systemd-sysusers and systemd-tmpfiles in the maintainer scripts.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libcurl and libical are opened when first needed (src/publish/
# system_library.h), so dpkg-shlibdeps cannot see them: named here.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd, libcurl4 (>= 7.85), libical3 (>= 3.0)")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/debian/postinst ${CMAKE_SOURCE_DIR}/packaging/debian/prerm
    ${CMAKE_SOURCE_DIR}/packaging/debian/postrm ${CMAKE_SOURCE_DIR}/packaging/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
# Install with DESTDIR and the prefix /usr, so that /etc/plenary and
# /lib/systemd land where Debian wants them (cmake/install_system_files.cmake).
set(CPACK_SET_DESTDIR ON)
set(CPACK_INSTALL_PREFIX /usr)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY ${CMAKE_BINARY_DIR}/package)
include(CPack)
