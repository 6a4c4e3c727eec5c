# SPDX-License-Identifier: GPL-3.0-or-later
# `cpack -G DEB` from the build directory makes a .deb.
set(CPACK_PACKAGE_NAME paretolab)
set(CPACK_PACKAGE_VENDOR "ParetoLab developers")
set(CPACK_PACKAGE_CONTACT "ParetoLab developers <paretolab@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_CURRENT_SOURCE_DIR}/LICENSE")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
