# Run by `cmake --install` (and by CPack, which installs with DESTDIR and the
# prefix /usr): the files whose place depends on the prefix at install time.
#  - systemd units, their ExecStart pointing at the installed binary: in
#    /lib/systemd/system for the prefix /usr (Debian 12's place for a package's
#    units), else PREFIX/lib/systemd/system;
#  - the system user and the state directory (sysusers.d, tmpfiles.d), beside;
#  - /etc/plenary/plenary.toml, the path plenary reads whatever the prefix,
#    never over a file already there (dpkg keeps it as a conffile).
# Set by the install(CODE) before: PLENARY_SOURCE_DIR, PLENARY_BINARY_DIR.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(system_lib "/lib")
else()
  set(system_lib "${CMAKE_INSTALL_PREFIX}/lib")
endif()
set(staging "${PLENARY_BINARY_DIR}/install-units")
file(MAKE_DIRECTORY "${staging}")
foreach(unit plenary.service plenary-monthly-attendance.service plenary-monthly-attendance.timer
             plenary-reminders.service plenary-reminders.timer)
  file(READ "${PLENARY_SOURCE_DIR}/contrib/systemd/${unit}" text)
  string(REPLACE "/usr/local/bin/plenary" "${CMAKE_INSTALL_PREFIX}/bin/plenary" text "${text}")
  file(WRITE "${staging}/${unit}" "${text}")
  file(INSTALL DESTINATION "${system_lib}/systemd/system" TYPE FILE FILES "${staging}/${unit}")
endforeach()
file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/sysusers.d" TYPE FILE
     RENAME plenary.conf FILES "${PLENARY_SOURCE_DIR}/contrib/systemd/plenary.sysusers")
file(INSTALL DESTINATION "${CMAKE_INSTALL_PREFIX}/lib/tmpfiles.d" TYPE FILE
     RENAME plenary.conf FILES "${PLENARY_SOURCE_DIR}/contrib/systemd/plenary.tmpfiles")
foreach(conf plenary.toml)
  if(EXISTS "$ENV{DESTDIR}/etc/plenary/${conf}")
    message(STATUS "Kept: $ENV{DESTDIR}/etc/plenary/${conf}")
  else()
    file(INSTALL DESTINATION "/etc/plenary" TYPE FILE FILES "${PLENARY_SOURCE_DIR}/contrib/etc/${conf}")
  endif()
endforeach()
