# Debian package (CPack DEB): streetlens and streetlens-cli, desktop integration (desktop entry,
# AppStream metainfo, MIME type of .streetlens projects, hicolor icons), gzipped man pages and the
# translations. Included from the top-level CMakeLists.txt after every target exists.
#   cpack -G DEB --config <build>/CPackConfig.cmake      -> streetlens_<version>_<arch>.deb
# tests/packaging/test_package.sh builds the package this way and inspects it.
include(GNUInstallDirs)
set(_pkg_src ${CMAKE_CURRENT_LIST_DIR})
set(_pkg_bin ${CMAKE_BINARY_DIR}/packaging)
set(STREETLENS_APP_ID org.streetlens.StreetLens)

# Man pages, gzipped (-n: no name or time stamp, so the package is reproducible).
set(_man_pages)
if(STREETLENS_WITH_GUI)
  list(APPEND _man_pages streetlens.1)
endif()
if(STREETLENS_WITH_ENGINE)
  list(APPEND _man_pages streetlens-cli.1)
endif()
set(_man_gz)
foreach(_page ${_man_pages})
  add_custom_command(OUTPUT ${_pkg_bin}/man/${_page}.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${_pkg_bin}/man
    COMMAND gzip -9 -n -c ${_pkg_src}/${_page} > ${_pkg_bin}/man/${_page}.gz
    DEPENDS ${_pkg_src}/${_page}
    COMMENT "Compressing man page ${_page}")
  list(APPEND _man_gz ${_pkg_bin}/man/${_page}.gz)
endforeach()
if(_man_gz)
  add_custom_target(streetlens_man_pages ALL DEPENDS ${_man_gz})
  install(FILES ${_man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()

if(STREETLENS_WITH_GUI)
  install(FILES ${_pkg_src}/${STREETLENS_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES ${_pkg_src}/${STREETLENS_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES ${_pkg_src}/${STREETLENS_APP_ID}.mime.xml
          DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages RENAME ${STREETLENS_APP_ID}.xml)
  install(FILES ${_pkg_src}/icons/streetlens.svg
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps RENAME ${STREETLENS_APP_ID}.svg)
  foreach(_size 16 32 48 64 128 256)
    install(FILES ${_pkg_src}/icons/png/streetlens-${_size}.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${_size}x${_size}/apps
            RENAME ${STREETLENS_APP_ID}.png)
  endforeach()
endif()

# With an official LibTorch (-DCMAKE_PREFIX_PATH=/opt/libtorch) the installed programs keep the path
# to it, so `cmake --install` gives working programs. A .deb is only made from Debian's LibTorch:
# dpkg-shlibdeps cannot map a LibTorch outside the system to a Debian package (docs/INSTALL.md).
if(STREETLENS_WITH_ENGINE AND NOT Torch_DIR MATCHES "^/usr/")
  foreach(_t streetlens streetlens-cli)
    if(TARGET ${_t})
      set_target_properties(${_t} PROPERTIES INSTALL_RPATH_USE_LINK_PATH ON)
    endif()
  endforeach()
endif()

set(STREETLENS_PACKAGE_MAINTAINER "The StreetLens developers <maintainers@streetlens.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME streetlens)
set(CPACK_PACKAGE_VENDOR "The StreetLens developers")
set(CPACK_PACKAGE_CONTACT "${STREETLENS_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "estimate where a street photo was taken, locally with StreetCLIP")
set(CPACK_PACKAGE_DESCRIPTION
    "StreetLens is a desktop workbench for verification and OSINT analysts. For each street photo it \
shows the most likely countries, regions and cities with their probabilities, a point estimate, a \
probability heatmap on a map and the distance to the photo's own GPS tag. It runs the StreetCLIP \
model locally (CPU build of LibTorch); nothing leaves the machine. The model is not included. \
streetlens-cli does the same work from the command line.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY streetlens)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON) # RelWithDebInfo binaries: the package carries no debug info
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION graphics)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Shared libraries (Qt, OpenCV, exiv2, LibTorch 1.13) are found by dpkg-shlibdeps; what is loaded
# at run time as a plugin, or picked through alternatives, is listed here.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Both programs open .streetlens projects through Qt's SQLite driver (a plugin).
set(_deps libqt6sql6-sqlite)
if(STREETLENS_WITH_ENGINE)
  # LibTorch takes any libblas.so.3; OpenBLAS with OpenMP is the fast one on Debian 12.
  list(APPEND _deps libopenblas0-openmp)
endif()
list(JOIN _deps ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
# Qt's own dialogs translated; the native Wayland platform (X11 and offscreen come with libqt6gui6).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland")
include(CPack)
