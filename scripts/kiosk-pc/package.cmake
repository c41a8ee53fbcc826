# Installation and the Debian package (cmake --build build --target package): the binary, the
# sample content (with its generated sound), the systemd unit and /etc/familienkiosk/config.yaml.
# The installed binary finds PREFIX/share/familienkiosk by itself (kiosk/app/config.cpp).
set(KIOSK_PC_DIR ${CMAKE_CURRENT_LIST_DIR})

install(TARGETS familienkiosk RUNTIME DESTINATION bin)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/assets/ DESTINATION share/familienkiosk/assets)
install(DIRECTORY ${KIOSK_SOURCE_CONTENT}/ DESTINATION share/familienkiosk/sample-content)
install(PROGRAMS ${CMAKE_SOURCE_DIR}/scripts/make-audio DESTINATION share/familienkiosk)  # the editor's "Neu sprechen"
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION share/doc/familienkiosk)
install(FILES ${CMAKE_SOURCE_DIR}/scripts/README.md DESTINATION share/doc/familienkiosk RENAME deployment.md)
install(FILES ${KIOSK_PC_DIR}/familienkiosk.service DESTINATION /lib/systemd/system)
install(FILES ${KIOSK_PC_DIR}/90-familienkiosk-usb.rules DESTINATION /lib/udev/rules.d)
install(FILES ${KIOSK_PC_DIR}/config.yaml DESTINATION /etc/familienkiosk)
install(DIRECTORY DESTINATION /etc/familienkiosk/keys)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME familienkiosk)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_PACKAGE_CONTACT "Familienkiosk <familienkiosk@invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "self-service touch kiosk: support offers for families in the district of Esslingen")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)  # debug information stays in the build tree
# What the kiosk needs beyond its shared libraries: the compositor and its seat, an OpenGL driver, the
# sound libraries it loads with dlopen (kiosk/platform/audio.cpp), the fonts.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
  "adduser, cage, xwayland, seatd, libgl1-mesa-dri, libglx-mesa0, libsdl2-mixer-2.0-0, fonts-dejavu-core, fonts-materialdesignicons-webfont, fonts-noto-core")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cups-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${KIOSK_PC_DIR}/postinst ${KIOSK_PC_DIR}/prerm ${KIOSK_PC_DIR}/postrm ${KIOSK_PC_DIR}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
